package dev.retention.matrix;

import dev.retention.matrix.internal.HouseholderQr;
import dev.retention.matrix.internal.JacobiSvd;

import java.util.Objects;

/**
 * Dense matrix decompositions: the checked facade over the kernels of {@code dev.retention.matrix.internal}.
 *
 * <p>Matrices are row-major {@code double[]} with explicit shapes: a {@code rows x cols} matrix holds element
 * {@code (i, j)} at {@code i cols + j}. Inputs are read, never written. An output array may be {@code null}, in
 * which case it is allocated; it is overwritten and returned, as in EJML's {@code CommonOps}. Shapes and
 * finiteness are checked here (O(size)); a mismatch is an {@link IllegalArgumentException} that prints both
 * shapes, and a non-finite element one that names its row and column. The kernels allocate their own
 * workspace (about two copies of the input). Single-threaded; the result depends on the input alone.
 */
public final class Decompositions {

    private Decompositions() {
    }

    /**
     * The orthonormal factor of the thin QR decomposition {@code A = Q R} by Householder reflections: for
     * {@code rows >= cols}, {@code Q} is {@code rows x cols} with {@code Q^T Q = I}. A rank-deficient
     * {@code A} (a zero column, or one in the span of the columns before it) still gives an orthonormal
     * {@code Q}, whose extra columns are some orthonormal completion of the range of {@code A}.
     * O(rows cols^2): {@code 4 cols^2 (rows - cols/3)} flops. Reference: G. H. Golub and C. F. Van Loan,
     * <i>Matrix Computations</i>, 4th ed., 2013, algorithm 5.2.1 and section 5.1.6.
     *
     * @param a    read: row-major {@code rows x cols}, finite
     * @param rows rows, {@code >= cols}
     * @param cols columns, {@code >= 1}
     * @param q    written, or {@code null} to allocate: row-major {@code rows x cols}
     * @return {@code q}
     * @throws IllegalArgumentException if {@code rows < cols}, a length does not match the shape, or an
     *                                  element of {@code a} is not finite
     */
    public static double[] qrThin(double[] a, int rows, int cols, double[] q) {
        return qrThin(a, rows, cols, q, null, false);
    }

    /**
     * The thin QR decomposition {@code A = Q R} by Householder reflections, both factors: {@code Q} as in
     * {@link #qrThin(double[], int, int, double[])} and {@code R} upper triangular {@code cols x cols} (its
     * diagonal may have either sign; a zero column of {@code A} gives a zero on it).
     *
     * @param a    read: row-major {@code rows x cols}, finite
     * @param rows rows, {@code >= cols}
     * @param cols columns, {@code >= 1}
     * @param q    written, or {@code null} to allocate: row-major {@code rows x cols}
     * @param r    written: row-major {@code cols x cols}, zeros below the diagonal; not {@code null}
     * @return {@code q}
     * @throws IllegalArgumentException as the other overload, or if {@code r} has not {@code cols * cols}
     *                                  elements
     */
    public static double[] qrThin(double[] a, int rows, int cols, double[] q, double[] r) {
        Objects.requireNonNull(r, "r");
        return qrThin(a, rows, cols, q, r, true);
    }

    private static double[] qrThin(double[] a, int rows, int cols, double[] q, double[] r, boolean wantR) {
        checkMatrix(a, rows, cols);
        if (rows < cols) {
            throw new IllegalArgumentException("qrThin needs rows >= cols, got a " + rows + " x " + cols
                    + " matrix");
        }
        q = output("q", q, rows, cols, rows, cols);
        if (wantR) {
            checkShape("r", r, cols, cols, rows, cols);
        }
        HouseholderQr.thin(a, rows, cols, q, r);
        return q;
    }

    /**
     * The thin singular value decomposition {@code A = U diag(s) V^T} of a dense matrix of any shape, with
     * {@code p = min(rows, cols)} singular values in non-increasing order. The tall one of {@code A} and
     * {@code A^T} is scaled by a power of two (so that no scale of {@code A} overflows or underflows), reduced
     * by a Householder QR to a {@code p x p} triangle {@code R}, and one-sided Jacobi rotations (Hestenes)
     * orthogonalise the columns of {@code R} (cyclic by rows, with de Rijk's pivoting); the singular values
     * are accurate to rounding relative to the largest and the singular vectors orthonormal to rounding.
     * {@code U} and {@code V} have orthonormal columns even when {@code A} is rank-deficient or zero (the
     * columns for zero singular values are an orthonormal completion). O(m p^2) for the QR and for forming {@code U} or
     * {@code V}, with {@code m = max(rows, cols)}, plus up to {@code 7 p^3} per sweep, typically 5 to 9
     * sweeps. References: J. Demmel and K. Veselic, SIAM J. Matrix Anal. Appl. 13(4), 1992; Z. Drmac and
     * K. Veselic, SIAM J. Matrix Anal. Appl. 29(4), 2008; Golub and Van Loan, 4th ed., section 8.6.3.
     *
     * <p>The sweeps are bounded (60); not converging within the bound is an {@link IllegalStateException}
     * naming the sweeps and the largest remaining relative inner product of two columns, never a silently
     * inaccurate result. (Unlike a model fit, whose iterations give a usable model
     * when stopped early, a decomposition is either one to rounding or is not.)
     *
     * @param a    read: row-major {@code rows x cols}, finite
     * @param rows rows, {@code >= 1}
     * @param cols columns, {@code >= 1}
     * @return the decomposition
     * @throws IllegalArgumentException if the length of {@code a} does not match the shape or an element is
     *                                  not finite
     * @throws IllegalStateException    if the Jacobi sweeps do not converge (not expected for finite input)
     */
    public static ThinSvd svd(double[] a, int rows, int cols) {
        return svd(a, rows, cols, JacobiSvd.MAX_SWEEPS);
    }

    /** {@link #svd(double[], int, int)} with another bound on the sweeps; for the tests of non-convergence. */
    static ThinSvd svd(double[] a, int rows, int cols, int maxSweeps) {
        checkMatrix(a, rows, cols);
        int p = Math.min(rows, cols);
        double[] s = new double[p];
        double[] u = new double[rows * p];
        double[] v = new double[cols * p];
        int sweeps = JacobiSvd.decompose(a, rows, cols, s, u, v, maxSweeps);
        return new ThinSvd(rows, cols, s, u, v, sweeps);
    }

    /** Checks the shape, the length of {@code a} and that its elements are finite. */
    private static void checkMatrix(double[] a, int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("rows and cols must be >= 1, got a " + rows + " x " + cols
                    + " matrix");
        }
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " matrix has more elements than an"
                    + " array holds");
        }
        Objects.requireNonNull(a, "a");
        if (a.length != rows * cols) {
            throw new IllegalArgumentException("a must have length rows * cols = " + rows * cols + " for a "
                    + rows + " x " + cols + " matrix, got " + a.length);
        }
        for (int e = 0; e < a.length; e++) {
            if (!Double.isFinite(a[e])) {
                throw new IllegalArgumentException("a must be finite, got " + a[e] + " at row " + e / cols
                        + ", column " + e % cols);
            }
        }
    }

    /** An output of {@code rows x cols} for an input of {@code aRows x aCols}: allocated if {@code null}. */
    private static double[] output(String name, double[] array, int rows, int cols, int aRows, int aCols) {
        if (array == null) {
            return new double[rows * cols];
        }
        checkShape(name, array, rows, cols, aRows, aCols);
        return array;
    }

    private static void checkShape(String name, double[] array, int rows, int cols, int aRows, int aCols) {
        if (array.length != rows * cols) {
            throw new IllegalArgumentException(name + " must hold a " + rows + " x " + cols + " matrix ("
                    + rows * cols + " elements) for a " + aRows + " x " + aCols + " input, got length "
                    + array.length);
        }
    }
}
