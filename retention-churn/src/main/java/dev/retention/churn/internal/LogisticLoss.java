package dev.retention.churn.internal;

import dev.retention.matrix.DenseMatrix;
import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;

/**
 * The weighted logistic loss of a linear model and its gradient over a dense row-major matrix, in one
 * pass over the rows:
 * <pre>
 *   f(w, b)  = sum_i s_i [ log(1 + exp(z_i)) - y_i z_i ],   z_i = x_i . w + b
 *   df/dw    = sum_i s_i (sigma(z_i) - y_i) x_i,            df/db = sum_i s_i (sigma(z_i) - y_i)
 * </pre>
 * (scikit-learn's {@code HalfBinomialLoss} summed with sample weights, without the penalty). Parameters
 * are laid out as {@code [w_0 .. w_p-1, b]}.
 *
 * <p>Layout and parallelism: the matrix is read in place, row-major, through {@link DenseMatrix#valueAt}
 * (which the JIT compiler turns into a plain array load); rows are cut into fixed blocks of
 * {@value #BLOCK_ROWS} ({@link Blocks#ofSize}); each block accumulates its loss and gradient into its own
 * slot of a workspace allocated once, and the slots are
 * added in block order, so the result is bit-for-bit the same for any number of threads. Per row: one dot
 * product, one {@code exp}, one axpy into the block's gradient (see {@link #accumulate});
 * the row is read from memory once and from cache the second time. Nothing is allocated per call
 * beyond the parallel runner's O(threads) task objects.
 *
 * <p>Numerics: {@code log(1 + exp(z)) = max(z, 0) + log(1 + exp(-|z|))}, never overflowing; the
 * {@code log(1 + e)} with {@code e} in (0, 1] has an absolute error below 2.3e-16 per row (computing it
 * as {@code log1p}, four times slower here, would gain nothing at the optimizer's tolerances). Cost
 * O(n p) per evaluation.
 */
public final class LogisticLoss {

    /** Rows per block. */
    public static final int BLOCK_ROWS = 2048;

    private final DenseMatrix x;
    private final int n;
    private final int p;
    private final double[] y;
    private final double[] weights;   // null: every row weighs 1
    private final boolean intercept;
    private final Blocks partition;
    private final int blocks;
    private final double[] blockLoss;
    private final double[][] blockGrad;
    private final Workers parallel;
    private final Workers.Task task;
    private double[] params;           // set for the duration of one evaluation

    /**
     * @param x         read, kept: the {@code n x p} features, read in place through {@link DenseMatrix#valueAt}
     * @param y         read, kept: labels 0 or 1 as doubles
     * @param weights   read, kept: row weights, or {@code null} for all 1
     * @param intercept whether the last parameter is an intercept
     * @param parallel  the runner (not closed here)
     */
    public LogisticLoss(DenseMatrix x, double[] y, double[] weights, boolean intercept, Workers parallel) {
        this.x = x;
        this.n = x.rows();
        this.p = x.columns();
        assert y.length == n && (weights == null || weights.length == n);
        this.y = y;
        this.weights = weights;
        this.intercept = intercept;
        this.partition = Blocks.ofSize(n, BLOCK_ROWS);
        this.blocks = partition.count();
        this.blockLoss = new double[blocks];
        this.blockGrad = new double[blocks][p + 1];
        this.parallel = parallel;
        this.task = this::block;
    }

    /** Number of parameters: {@code p + 1} with an intercept, {@code p} without. */
    public int parameters() {
        return intercept ? p + 1 : p;
    }

    /**
     * The loss at {@code params} ({@code [w, b]} or {@code [w]}), its gradient written into {@code grad}.
     *
     * @param params read
     * @param grad   written
     */
    public double valueAndGradient(double[] params, double[] grad) {
        this.params = params;
        parallel.run(blocks, task);
        this.params = null;
        int m = parameters();
        for (int j = 0; j < m; j++) {
            grad[j] = 0;
        }
        double loss = 0;
        for (int b = 0; b < blocks; b++) {
            loss += blockLoss[b];
            double[] g = blockGrad[b];
            for (int j = 0; j < m; j++) {
                grad[j] += g[j];
            }
        }
        return loss;
    }

    private void block(int b) {
        double[] g = blockGrad[b];
        blockLoss[b] = accumulate(x, p, y, weights, params, intercept ? params[p] : 0.0, partition.start(b),
                partition.end(b), g);
        if (!intercept) {
            g[p] = 0;
        }
    }

    /**
     * Loss of rows [from, to) and their gradient into {@code g} ({@code p} coefficient slots then the
     * intercept slot, overwritten). The kernel of this class, public for the benchmarks.
     *
     * <p>Two rows at a time (two accumulators per row, so four independent sums share each load of
     * {@code w}), then one axpy of both rows into {@code g}, which C2 vectorises. Without weights the
     * {@code log(1 + e)} terms are summed as the log of their product, one {@code log} per 512 rows: the
     * factors lie in (1, 2], so the product stays below 2^512, and its rounding error (about 1.1e-16 per
     * factor, relative) equals that of summing the logs.
     */
    public static double accumulate(DenseMatrix x, int p, double[] y, double[] weights, double[] w, double bias,
                                    int from, int to, double[] g) {
        for (int j = 0; j <= p; j++) {
            g[j] = 0;
        }
        double linear = 0;
        double logs = 0;
        double product = 1;
        int inProduct = 0;
        double gb = 0;
        int i = from;
        for (; i + 1 < to; i += 2) {
            int o0 = i * p;
            int o1 = o0 + p;
            double a0 = 0;
            double a1 = 0;
            double b0 = 0;
            double b1 = 0;
            int j = 0;
            for (; j + 1 < p; j += 2) {
                double w0 = w[j];
                double w1 = w[j + 1];
                a0 += x.valueAt(o0 + j) * w0;
                a1 += x.valueAt(o0 + j + 1) * w1;
                b0 += x.valueAt(o1 + j) * w0;
                b1 += x.valueAt(o1 + j + 1) * w1;
            }
            if (j < p) {
                a0 += x.valueAt(o0 + j) * w[j];
                b0 += x.valueAt(o1 + j) * w[j];
            }
            double z0 = bias + (a0 + a1);
            double z1 = bias + (b0 + b1);
            double e0 = Math.exp(-Math.abs(z0));
            double e1 = Math.exp(-Math.abs(z1));
            double y0 = y[i];
            double y1 = y[i + 1];
            double r0 = (z0 >= 0 ? 1 / (1 + e0) : e0 / (1 + e0)) - y0;
            double r1 = (z1 >= 0 ? 1 / (1 + e1) : e1 / (1 + e1)) - y1;
            if (weights == null) {
                linear += (Math.max(z0, 0) - y0 * z0) + (Math.max(z1, 0) - y1 * z1);
                product *= (1 + e0) * (1 + e1);
                inProduct += 2;
                if (inProduct >= 512) {
                    logs += Math.log(product);
                    product = 1;
                    inProduct = 0;
                }
            } else {
                double s0 = weights[i];
                double s1 = weights[i + 1];
                linear += s0 * (Math.max(z0, 0) - y0 * z0 + Math.log(1 + e0))
                        + s1 * (Math.max(z1, 0) - y1 * z1 + Math.log(1 + e1));
                r0 *= s0;
                r1 *= s1;
            }
            gb += r0 + r1;
            for (j = 0; j < p; j++) {
                g[j] += r0 * x.valueAt(o0 + j) + r1 * x.valueAt(o1 + j);
            }
        }
        if (i < to) {
            int off = i * p;
            double z = bias + dot(x, off, w, p);
            double e = Math.exp(-Math.abs(z));
            double yi = y[i];
            double s = weights == null ? 1.0 : weights[i];
            linear += s * (Math.max(z, 0) - yi * z + Math.log(1 + e));
            double r = s * ((z >= 0 ? 1 / (1 + e) : e / (1 + e)) - yi);
            gb += r;
            for (int j = 0; j < p; j++) {
                g[j] += r * x.valueAt(off + j);
            }
        }
        g[p] = gb;
        return linear + (logs + Math.log(product));
    }

    private static double dot(DenseMatrix x, int off, double[] w, int p) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < p; j += 4) {
            s0 += x.valueAt(off + j) * w[j];
            s1 += x.valueAt(off + j + 1) * w[j + 1];
            s2 += x.valueAt(off + j + 2) * w[j + 2];
            s3 += x.valueAt(off + j + 3) * w[j + 3];
        }
        for (; j < p; j++) {
            s0 += x.valueAt(off + j) * w[j];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
