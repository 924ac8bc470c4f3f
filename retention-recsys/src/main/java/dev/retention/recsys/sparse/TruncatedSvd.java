package dev.retention.recsys.sparse;

import dev.retention.matrix.Decompositions;
import dev.retention.matrix.ThinSvd;
import dev.retention.model.FitControl;
import dev.retention.parallel.Workers;
import dev.retention.random.Variates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Objects;

/**
 * A truncated singular value decomposition {@code A ~ U diag(s) V^T} of a sparse matrix by randomized
 * range finding with subspace (power) iterations: N. Halko, P.-G. Martinsson and J. A. Tropp,
 * "Finding structure with randomness: probabilistic algorithms for constructing approximate matrix
 * decompositions", SIAM Review 53(2), 2011, algorithms 4.4 (randomized subspace iteration) and 5.1
 * (direct SVD). Immutable and thread-safe.
 *
 * <p>With {@code l = min(k + p, m, n)}: a seeded Gaussian {@code n x l} test matrix {@code W};
 * {@code Q = orth(A W)}; {@code q} times {@code Q = orth(A orth(A^T Q))}; then the small SVD of
 * {@code A^T Q = V_b S U_b^T} (an {@code n x l} dense matrix) gives {@code U = Q U_b} and
 * {@code V = V_b}, of which the leading {@code k} are kept. The sparse products are the kernels of
 * {@link SparseOps} (on {@code A} and a stored transpose); the dense Householder QR and the small SVD
 * (one-sided Jacobi after a QR) are those of {@link Decompositions}. Time O((q + 1) nnz l + (m + n) l^2),
 * memory O((m + n) l). When the spectrum beyond {@code k} is zero (a matrix of rank at most {@code l}),
 * the result is exact to rounding.
 *
 * <p>Factors are row-major {@code double[]}: {@code U} is {@code m x k}, {@code V} is {@code n x k};
 * singular values are non-increasing. The same seed gives the same result whatever the number of threads.
 */
public final class TruncatedSvd {

    private static final Logger LOG = LoggerFactory.getLogger(TruncatedSvd.class);

    private final int rows;
    private final int cols;
    private final int rank;
    private final double[] s;
    private final double[] u;
    private final double[] v;
    private final SvdOptions options;
    private final int sketchColumns;

    private TruncatedSvd(int rows, int cols, int rank, double[] s, double[] u, double[] v, SvdOptions options,
                         int sketchColumns) {
        this.rows = rows;
        this.cols = cols;
        this.rank = rank;
        this.s = s;
        this.u = u;
        this.v = v;
        this.options = options;
        this.sketchColumns = sketchColumns;
    }

    /**
     * {@return the leading {@code options.rank()} singular triplets of {@code a}, on {@code options.threads()}
     * threads held for the whole decomposition}
     *
     * @param a       read
     * @param options rank, oversampling, power iterations, seed, threads
     * @throws IllegalArgumentException if the rank exceeds {@code min(rows, cols)}
     */
    public static TruncatedSvd compute(CsrMatrix a, SvdOptions options) {
        return compute(a, options, FitControl.defaults());
    }

    /**
     * {@return {@link #compute(CsrMatrix, SvdOptions)} with progress and cancellation: {@code control} hears each
     * power iteration (stage {@code "power iterations"}) and may stop the computation, and its executor,
     * if any, runs the threads}
     *
     * @param a       read
     * @param options rank, oversampling, power iterations, seed, threads
     * @param control told once per power iteration; its executor is used when it has one
     * @throws IllegalArgumentException                      if the rank exceeds {@code min(rows, cols)}
     * @throws java.util.concurrent.CancellationException if the control cancels
     */
    public static TruncatedSvd compute(CsrMatrix a, SvdOptions options, FitControl control) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        try (Workers workers = control.workers(options.threads())) {
            return compute(a, options, workers, control);
        }
    }

    /**
     * {@return {@link #compute(CsrMatrix, SvdOptions, FitControl)} on the caller's workers, for a caller that runs
     * more sparse products around the decomposition (PureSVD's projection) on the same threads} The
     * workers' thread count replaces {@code options.threads()}; the result depends on neither.
     *
     * @param a       read
     * @param options rank, oversampling, power iterations, seed
     * @param workers run every sparse product; not closed
     * @param control told once per power iteration
     * @throws IllegalArgumentException                      if the rank exceeds {@code min(rows, cols)}
     * @throws java.util.concurrent.CancellationException if the control cancels
     */
    public static TruncatedSvd compute(CsrMatrix a, SvdOptions options, Workers workers, FitControl control) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(control, "control");
        int m = a.rows();
        int n = a.cols();
        int k = options.rank();
        if (k > Math.min(m, n)) {
            throw new IllegalArgumentException("rank must be in [1, min(rows, cols) = " + Math.min(m, n)
                    + "] for a " + m + " x " + n + " matrix, got " + k);
        }
        int l = (int) Math.min((long) k + options.oversampling(), Math.min(m, n));
        long start = System.nanoTime();
        CsrMatrix at = a.transpose();

        double[] w = new double[n * l];
        Variates random = new Variates(options.seed());   // one stream, drawn in this thread
        for (int i = 0; i < w.length; i++) {
            w[i] = random.normal();
        }
        double[] y = SparseOps.mult(a, w, l, null, workers);
        // orth(Y) is the thin Q of a Householder QR; a sketch of lower rank than l (a matrix of rank below l)
        // still gives orthonormal columns, some an arbitrary completion, which is what the range finder needs
        double[] q = Decompositions.qrThin(y, m, l, null);
        double[] z = new double[n * l];
        int q1 = options.powerIterations();
        for (int it = 0; it < q1; it++) {
            SparseOps.mult(at, q, l, z, workers);
            double[] qz = Decompositions.qrThin(z, n, l, null);
            SparseOps.mult(a, qz, l, y, workers);
            q = Decompositions.qrThin(y, m, l, null);
            LOG.debug("truncated SVD: power iteration {} of {}", it + 1, q1);
            control.step("power iterations", it + 1, q1, Double.NaN);
        }
        // A^T Q = V_b S U_b^T, so A ~ Q Q^T A = (Q U_b) S V_b^T
        SparseOps.mult(at, q, l, z, workers);
        ThinSvd svd = Decompositions.svd(z, n, l);
        double[] vb = svd.u();   // n x l
        double[] ub = svd.v();   // l x l

        double[] s = new double[k];
        System.arraycopy(svd.singularValues(), 0, s, 0, k);
        double[] u = new double[m * k];
        for (int i = 0; i < m; i++) {
            for (int t = 0; t < k; t++) {
                double acc = 0;
                for (int r = 0; r < l; r++) {
                    acc += q[i * l + r] * ub[r * l + t];
                }
                u[i * k + t] = acc;
            }
        }
        double[] v = new double[n * k];
        for (int j = 0; j < n; j++) {
            System.arraycopy(vb, j * l, v, j * k, k);
        }
        LOG.debug("truncated SVD of a {} x {} matrix ({} non-zeros): rank {}, sketch {}, {} power iterations, {} ms",
                m, n, a.nnz(), k, l, options.powerIterations(), (System.nanoTime() - start) / 1_000_000);
        return new TruncatedSvd(m, n, k, s, u, v, options, l);
    }

    /** {@return rows of the decomposed matrix} */
    public int rows() {
        return rows;
    }

    /** {@return columns of the decomposed matrix} */
    public int cols() {
        return cols;
    }

    /** {@return the number of singular triplets kept} */
    public int rank() {
        return rank;
    }

    /** {@return columns of the random sketch, {@code min(k + p, rows, cols)}} */
    public int sketchColumns() {
        return sketchColumns;
    }

    /** {@return the options used} */
    public SvdOptions options() {
        return options;
    }

    /** {@return the singular values, non-increasing; copied} */
    public double[] singularValues() {
        return s.clone();
    }

    /**
     * {@return the singular value {@code t}}
     *
     * @param t index of the value, in [0, rank())
     */
    public double singularValue(int t) {
        return s[Objects.checkIndex(t, rank)];
    }

    /** {@return the left singular vectors, row-major {@code rows x rank}; copied} */
    public double[] u() {
        return u.clone();
    }

    /** {@return the right singular vectors, row-major {@code cols x rank}; copied} */
    public double[] v() {
        return v.clone();
    }

    /**
     * {@return the element {@code (i, t)} of {@code U}}
     *
     * @param i row of {@code A}, in [0, rows)
     * @param t factor, in [0, rank())
     */
    public double u(int i, int t) {
        Objects.checkIndex(i, rows);
        return u[i * rank + Objects.checkIndex(t, rank)];
    }

    /**
     * {@return the element {@code (j, t)} of {@code V}}
     *
     * @param j column of {@code A}, in [0, cols)
     * @param t factor, in [0, rank())
     */
    public double v(int j, int t) {
        Objects.checkIndex(j, cols);
        return v[j * rank + Objects.checkIndex(t, rank)];
    }

    /**
     * {@return the rank-k approximation of element {@code (i, j)}: {@code sum_t U(i,t) s_t V(j,t)}} O(k).
     *
     * @param i row, in [0, rows)
     * @param j column, in [0, cols)
     */
    public double approximate(int i, int j) {
        Objects.checkIndex(i, rows);
        Objects.checkIndex(j, cols);
        double acc = 0;
        for (int t = 0; t < rank; t++) {
            acc += u[i * rank + t] * s[t] * v[j * rank + t];
        }
        return acc;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "TruncatedSvd of a %,d x %,d matrix: rank %d "
                + "(sketch %d, %d power iterations, seed %d)%n%6s %14s%n", rows, cols, rank, sketchColumns,
                options.powerIterations(), options.seed(), "t", "sigma"));
        for (int t = 0; t < rank; t++) {
            sb.append(String.format(Locale.ROOT, "%6d %14.6f%n", t, s[t]));
        }
        return sb.toString();
    }
}
