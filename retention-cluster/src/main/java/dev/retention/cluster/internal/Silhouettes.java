package dev.retention.cluster.internal;

import dev.retention.matrix.DenseMatrix;
import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;

/**
 * Silhouette values (Rousseeuw, "Silhouettes: a graphical aid to the interpretation and validation of
 * cluster analysis", J. Comput. Appl. Math. 1987) of the points of a {@link Partition}: for point i,
 * {@code a} is the mean distance to the other points of its cluster, {@code b} the smallest mean
 * distance to the points of another cluster, and {@code s = (b - a) / max(a, b)}; 0 for a point alone
 * in its cluster or when {@code a = b = 0}, as scikit-learn's {@code silhouette_samples}. Exact
 * Euclidean distances, O(m^2 d) time, O(k) workspace per block, parallel over fixed blocks of rows.
 */
public final class Silhouettes {

    private Silhouettes() {
    }

    /**
     * The silhouette of each point of the partition, in the order of {@link Partition#rows}.
     *
     * @param x n rows of d values; read, not copied
     */
    public static double[] of(DenseMatrix x, Partition p, Workers workers) {
        int m = p.size();
        int d = p.d;
        int k = p.k;
        int[] rows = p.rows;
        int[] cluster = p.cluster;
        int[] sizes = p.sizes;
        double[] s = new double[m];
        Blocks blocks = RowBlocks.of(m);
        workers.run(blocks.count(), b -> {
            double[] sums = new double[k];
            int end = blocks.end(b);
            for (int i = blocks.start(b); i < end; i++) {
                java.util.Arrays.fill(sums, 0);
                int io = rows[i] * d;
                for (int j = 0; j < m; j++) {
                    sums[cluster[j]] += Math.sqrt(SquaredEuclidean.distance(x, io, x, rows[j] * d, d));
                }
                int own = cluster[i];
                if (sizes[own] == 1) {
                    s[i] = 0;
                    continue;
                }
                double a = sums[own] / (sizes[own] - 1);
                double bMin = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    if (c != own) {
                        double mean = sums[c] / sizes[c];
                        if (mean < bMin) {
                            bMin = mean;
                        }
                    }
                }
                double denom = Math.max(a, bMin);
                s[i] = denom > 0 ? (bMin - a) / denom : 0;
            }
        });
        return s;
    }
}
