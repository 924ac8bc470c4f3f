package dev.retention.cluster.internal;

import dev.retention.matrix.DenseMatrix;
import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;

/**
 * The mean over the columns of each column's population variance: scikit-learn's scale of the k-means
 * tolerance ({@code _tolerance}: {@code mean(var(X, axis=0)) * tol}). Two passes (the column means, then the
 * squared deviations), each summed per block and the blocks added in block order ({@link Blocks#sum}), so
 * the result does not depend on the number of threads. O(n d) time, O(blocks d) memory.
 */
public final class ColumnVariance {

    private ColumnVariance() {
    }

    /**
     * The mean column variance of {@code x}, unweighted.
     *
     * @param x read, not copied
     */
    public static double mean(DenseMatrix x, Blocks blocks, Workers workers) {
        int n = x.rows();
        int d = x.columns();
        double[] mean = new double[d];
        blocks.sum(workers, d, (from, to, out, o) -> {
            for (int i = from; i < to; i++) {
                int xo = i * d;
                for (int q = 0; q < d; q++) {
                    out[o + q] += x.valueAt(xo + q);
                }
            }
        }, mean);
        for (int q = 0; q < d; q++) {
            mean[q] /= n;
        }
        double[] total = new double[1];
        blocks.sum(workers, 1, (from, to, out, o) -> {
            double s = 0;
            for (int i = from; i < to; i++) {
                int xo = i * d;
                for (int q = 0; q < d; q++) {
                    double t = x.valueAt(xo + q) - mean[q];
                    s += t * t;
                }
            }
            out[o] = s;
        }, total);
        return total[0] / ((double) n * d);
    }
}
