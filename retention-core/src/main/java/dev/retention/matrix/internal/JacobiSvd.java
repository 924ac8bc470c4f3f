package dev.retention.matrix.internal;

import java.util.Arrays;

/**
 * The singular value decomposition of a dense matrix by one-sided Jacobi rotations after a Householder QR.
 *
 * <p>Algorithm: with {@code T} the tall one of {@code A} and {@code A^T} ({@code m x n}, {@code m >= n}),
 * scaled by a power of two so that its largest magnitude lies in {@code [1, 2)} (exact; at least
 * {@code 2^-51} when every element is subnormal), so that no sum of squares overflows whatever the scale of
 * {@code A}: {@code T = Q R} (Householder, {@link HouseholderQr}), then one-sided Jacobi (Hestenes) on the
 * {@code n x n} triangle {@code R}: pairs of columns are rotated, cyclic by rows with de Rijk's pivoting,
 * until every pair is orthogonal to within {@code sqrt(n) eps} relative to their norms, the rotations
 * accumulating in {@code W}; then {@code R W = X S} with {@code X} the normalised columns, so
 * {@code T = (Q X) S W^T}. The QR first makes the rotations act on vectors of length {@code n} instead of
 * {@code m} (Drmac and Veselic 2008). Jacobi on {@code R^T}, their preconditioning, pays only after a QR
 * with column pivoting: without it, on random 20 x 20 to 3706 x 60 matrices (Gaussian, with decaying or
 * with graded columns), Jacobi on {@code R} took 4 to 9 sweeps and on {@code R^T} 4 to 15, the graded
 * matrices worst. The singular values are accurate to rounding relative to the largest, and the singular
 * vectors orthonormal to rounding.
 *
 * <p>Rank deficiency: a column whose sum of squares is below {@code 2^-900} (a norm below {@code 2^-450},
 * while the largest singular value of the scaled matrix is at least {@code 2^-51}) is taken as zero: it is
 * not rotated, because products of its elements could underflow, and it ends as a singular value 0, far
 * below rounding relative to the largest, whose column of {@code X} is completed to an orthonormal set
 * (Gram-Schmidt, twice, on the unit vector of the coordinate that the columns so far cover least). A zero
 * matrix gives zero singular values and the leading columns of the identity as factors.
 *
 * <p>Layout: the QR works on a column-major array (see {@link Layout}) and {@code [R; W]} is held column by
 * column, each column in its own array, so that the rotations run over whole arrays (which C2 vectorises);
 * the driver {@link #decompose} reads and writes row-major. Complexity: the QR {@code 2 n^2 (m - n/3)}
 * flops, a sweep up to {@code 7 n^3} (for each of the {@code n(n-1)/2} pairs a dot product of length
 * {@code n} and, unless already orthogonal, a rotation of length {@code 2n}), forming {@code Q X}
 * {@code 4 m n^2}; typically 5 to 9 sweeps (at most 15 over the 20,000 random cases tried). Memory:
 * {@code 2 m n + 4 n^2} doubles of workspace besides the output.
 *
 * <p>Convergence: at most {@code maxSweeps} sweeps (LAPACK's {@code dgesvj} allows 30); a sweep without a
 * rotation ends the iteration. Not converging is reported by {@link #orthogonalize} as {@code -1} and by
 * {@link #decompose} as an {@link IllegalStateException} naming the sweeps and the largest remaining
 * relative inner product: a decomposition that is not one to rounding is not returned.
 *
 * <p>References: M. R. Hestenes, "Inversion of matrices by biorthogonalization and related results", J. SIAM
 * 6(1), 1958; J. Demmel and K. Veselic, "Jacobi's method is more accurate than QR", SIAM J. Matrix Anal.
 * Appl. 13(4), 1992; Z. Drmac and K. Veselic, "New fast and accurate Jacobi SVD algorithm I", SIAM J.
 * Matrix Anal. Appl. 29(4), 2008; G. H. Golub and C. F. Van Loan, <i>Matrix Computations</i>, 4th ed.,
 * 2013, section 8.6.3 (the one-sided Jacobi rotation); P. P. M. de Rijk, "A one-sided Jacobi algorithm for
 * computing the singular value decomposition on a vector computer", SIAM J. Sci. Stat. Comput. 10(2), 1989
 * (the pivoting). Arguments are trusted: the facade
 * {@code dev.retention.matrix.Decompositions} checks them.
 */
public final class JacobiSvd {

    /** The default bound on sweeps; quadratic convergence makes more than 15 exceptional. */
    public static final int MAX_SWEEPS = 60;
    /** Columns with a sum of squares below this (scaled matrix) are zero: products of their elements may underflow. */
    private static final double NEGLIGIBLE_SQUARES = 0x1p-900;
    private static final double EPS = 0x1p-52;
    /** A squared norm that an update shrinks below this fraction of itself is recomputed (cancellation). */
    private static final double RECOMPUTE = 1.0 / 64;

    private JacobiSvd() {
    }

    /**
     * {@code A = U diag(s) V^T} for a row-major {@code rows x cols} matrix, {@code p = min(rows, cols)};
     * singular values non-increasing.
     *
     * @param a         read: row-major {@code rows x cols}, finite
     * @param s         written: {@code p} singular values, non-increasing, non-negative
     * @param u         written: row-major {@code rows x p}, orthonormal columns
     * @param v         written: row-major {@code cols x p}, orthonormal columns
     * @param maxSweeps bound on the Jacobi sweeps, {@code >= 1}
     * @return the sweeps used (0 for a zero matrix)
     * @throws IllegalStateException if the sweeps do not converge within {@code maxSweeps}
     */
    public static int decompose(double[] a, int rows, int cols, double[] s, double[] u, double[] v, int maxSweeps) {
        boolean wide = rows < cols;
        int m = Math.max(rows, cols);
        int n = Math.min(rows, cols);
        double max = 0;
        for (double x : a) {
            max = Math.max(max, Math.abs(x));
        }
        if (max == 0) {
            Arrays.fill(s, 0, n, 0.0);
            unitColumns(u, rows, n);
            unitColumns(v, cols, n);
            return 0;
        }
        int scale = -Math.getExponent(max);
        double factor = Math.scalb(1.0, scale);
        // the tall matrix, column-major m x n: A, or A^T (whose column-major form is A row-major)
        double[] t = new double[m * n];
        if (wide) {
            for (int e = 0; e < t.length; e++) {
                t[e] = factor * a[e];
            }
        } else {
            Layout.toColumnMajor(a, rows, cols, factor, t);
        }
        double[] tau = new double[n];
        double[] blocks = new double[HouseholderQr.tLength(n)];
        HouseholderQr.factor(t, m, n, tau, blocks);

        // [G; W] = [R; I], column by column (2n each): each rotation of two columns of G rotates those of W with it
        double[][] gw = new double[n][2 * n];
        for (int j = 0; j < n; j++) {
            System.arraycopy(t, j * m, gw[j], 0, j + 1);
            gw[j][n + j] = 1;
        }
        double[] norms = new double[n];
        int sweeps = orthogonalize(gw, n, norms, maxSweeps);
        if (sweeps < 0) {
            throw new IllegalStateException("one-sided Jacobi SVD of a " + rows + " x " + cols
                    + " matrix did not converge in " + maxSweeps + " sweeps: largest relative inner product"
                    + " of two columns " + offOrthogonality(gw, n) + ", tolerance " + tolerance(n));
        }

        int[] order = new int[n];
        double[] x = new double[n * n];
        normalizedColumns(gw, n, norms, order, x);
        for (int k = 0; k < n; k++) {
            s[k] = Math.scalb(norms[order[k]], -scale);
        }
        // T = (Q X) S W^T: the tall factor is Q times X (sorted), the square one W with its columns sorted alike
        double[] qx = new double[m * n];   // [X; 0], column-major m x n
        for (int k = 0; k < n; k++) {
            System.arraycopy(x, k * n, qx, k * m, n);
        }
        HouseholderQr.multQ(t, m, n, blocks, qx, n);
        double[] ws = new double[n * n];
        for (int k = 0; k < n; k++) {
            System.arraycopy(gw[order[k]], n, ws, k * n, n);
        }
        Layout.toRowMajor(qx, m, n, wide ? v : u);
        Layout.toRowMajor(ws, n, n, wide ? u : v);
        return sweeps;
    }

    /**
     * Rotates pairs of columns of {@code g} (the first {@code m} rows of the columns {@code gv[j]}) until each
     * pair has a relative inner product of at most {@code sqrt(m) eps}; the rest of each column (the
     * accumulated {@code V}: pass the identity there) is rotated with it. Before the pairs of column
     * {@code p}, the column of largest norm among {@code p..} takes its place (de Rijk's pivoting: fewer
     * sweeps, 9 rather than 11 on 60 x 60 Gaussian matrices); columns are only ever swapped as wholes, so the
     * result is a set of columns, sorted later.
     *
     * @param gv        read and written: {@code n} columns, each of at least {@code m} elements, in separate
     *                  arrays (so that the rotations, at index 0 of two arrays, are vectorised by C2)
     * @param norms     workspace of {@code n}; written: the squared column norms at the start of the last sweep
     * @param maxSweeps bound on the sweeps
     * @return the sweeps used, the last one without a rotation, or {@code -1} if {@code maxSweeps} did not suffice
     */
    public static int orthogonalize(double[][] gv, int m, double[] norms, int maxSweeps) {
        int n = gv.length;
        double tol = tolerance(m);
        for (int sweep = 1; sweep <= maxSweeps; sweep++) {
            for (int j = 0; j < n; j++) {
                norms[j] = Blas1.sumOfSquares(gv[j], 0, m);
            }
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                int big = p;
                for (int j = p + 1; j < n; j++) {
                    if (norms[j] > norms[big]) {
                        big = j;
                    }
                }
                if (big != p) {
                    double[] column = gv[p];
                    gv[p] = gv[big];
                    gv[big] = column;
                    double squares = norms[p];
                    norms[p] = norms[big];
                    norms[big] = squares;
                }
                double[] x = gv[p];
                for (int q = p + 1; q < n; q++) {
                    double a = norms[p];
                    double b = norms[q];
                    if (a < NEGLIGIBLE_SQUARES || b < NEGLIGIBLE_SQUARES) {
                        continue;
                    }
                    double[] y = gv[q];
                    double gamma = Blas1.dot(x, 0, y, 0, m);
                    if (Math.abs(gamma) <= tol * Math.sqrt(a) * Math.sqrt(b)) {
                        continue;
                    }
                    rotated = true;
                    // the smaller root of t^2 + 2 zeta t - 1 = 0 makes the rotated columns orthogonal
                    double zeta = (b - a) / (2 * gamma);
                    double az = Math.abs(zeta);
                    double t = az < 0x1p26 ? Math.copySign(1.0, zeta) / (az + Math.sqrt(1 + zeta * zeta)) : 0.5 / zeta;
                    double c = 1 / Math.sqrt(1 + t * t);
                    Blas1.rotate(x, y, c, c * t);
                    double ap = a - t * gamma;
                    double bq = b + t * gamma;
                    norms[p] = ap < a * RECOMPUTE ? Blas1.sumOfSquares(x, 0, m) : ap;
                    norms[q] = bq < b * RECOMPUTE ? Blas1.sumOfSquares(y, 0, m) : bq;
                }
            }
            if (!rotated) {
                return sweep;
            }
        }
        return -1;
    }

    /**
     * The largest {@code |g_p^T g_q| / (|g_p| |g_q|)} over pairs of non-zero columns (their first {@code m}
     * elements): O(m n^2).
     */
    public static double offOrthogonality(double[][] g, int m) {
        double worst = 0;
        for (int p = 0; p < g.length; p++) {
            double np = Blas1.norm2(g[p], 0, m);
            for (int q = p + 1; q < g.length; q++) {
                double nq = Blas1.norm2(g[q], 0, m);
                if (np > 0 && nq > 0) {
                    worst = Math.max(worst, Math.abs(Blas1.dot(g[p], 0, g[q], 0, m)) / np / nq);
                }
            }
        }
        return worst;
    }

    private static double tolerance(int m) {
        return Math.sqrt(Math.max(m, 1)) * EPS;
    }

    /**
     * Sorts the columns of {@code g} (their first {@code m} elements) by norm, non-increasing (ties by index),
     * and writes them normalised to {@code x} (column-major {@code m x n}), completing the negligible ones to
     * an orthonormal set.
     *
     * @param norms written: the norms of the columns of {@code g}, negligible ones set to 0 (see the class comment)
     * @param order written: {@code order[k]} is the column of {@code g} that is column {@code k} of {@code x}
     */
    static void normalizedColumns(double[][] g, int m, double[] norms, int[] order, double[] x) {
        int n = g.length;
        for (int j = 0; j < n; j++) {
            // the same sums of squares as the last sweep, which rotated nothing, so the same columns are negligible
            double squares = Blas1.sumOfSquares(g[j], 0, m);
            norms[j] = squares < NEGLIGIBLE_SQUARES ? 0 : Math.sqrt(squares);
            order[j] = j;
        }
        // insertion sort, stable: n is small beside the O(n^3) sweeps
        for (int k = 1; k < n; k++) {
            int j = order[k];
            int i = k - 1;
            while (i >= 0 && norms[order[i]] < norms[j]) {
                order[i + 1] = order[i];
                i--;
            }
            order[i + 1] = j;
        }
        double[] covered = new double[m];   // sum over the columns so far of their squared components
        for (int k = 0; k < n; k++) {
            int xo = k * m;
            double norm = norms[order[k]];
            if (norm > 0) {
                double[] column = g[order[k]];
                for (int i = 0; i < m; i++) {
                    x[xo + i] = column[i] / norm;
                }
            } else {
                complete(x, m, k, covered);
            }
            for (int i = 0; i < m; i++) {
                covered[i] += x[xo + i] * x[xo + i];
            }
        }
    }

    /** Column {@code k} of {@code x}: a unit vector orthogonal to columns {@code 0..k-1}, themselves orthonormal. */
    private static void complete(double[] x, int m, int k, double[] covered) {
        int best = 0;
        for (int i = 1; i < m; i++) {
            if (covered[i] < covered[best]) {
                best = i;
            }
        }
        int xo = k * m;
        Arrays.fill(x, xo, xo + m, 0.0);
        x[xo + best] = 1;   // e_best has a component of at least sqrt((m - k) / m) outside the span
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < k; c++) {
                double d = Blas1.dot(x, c * m, x, xo, m);
                for (int i = 0; i < m; i++) {
                    x[xo + i] -= d * x[c * m + i];
                }
            }
        }
        double norm = Blas1.norm2(x, xo, m);
        for (int i = 0; i < m; i++) {
            x[xo + i] /= norm;
        }
    }

    /** The first {@code cols} columns of the {@code rows x rows} identity, row-major {@code rows x cols}. */
    private static void unitColumns(double[] a, int rows, int cols) {
        Arrays.fill(a, 0, rows * cols, 0.0);
        for (int j = 0; j < cols; j++) {
            a[j * cols + j] = 1;
        }
    }
}
