package dev.retention.matrix.internal;

import java.util.Arrays;

/**
 * Householder QR of a tall dense matrix ({@code m >= n}), in place, and products with its orthogonal factor.
 *
 * <p>Layout: column-major {@code double[]}, column {@code j} of an {@code m}-row matrix at
 * {@code [j m, (j + 1) m)}, so that a Householder vector and the column it updates are both contiguous. After
 * {@link #factor}, column {@code j} holds {@code R(0..j, j)} in rows {@code 0..j} and the essential part of
 * the Householder vector {@code v_j} in rows {@code j + 1..m - 1} ({@code v_j(j) = 1} is implied), and
 * {@code tau[j]} is its scalar: {@code H_j = I - tau_j v_j v_j^T} and {@code A = H_0 H_1 ... H_{n-1} [R; 0]}.
 *
 * <p>The reflector is LAPACK's {@code dlarfg}: a column that is already zero below the diagonal gets
 * {@code H_j = I} ({@code tau_j = 0}), so a rank-deficient or zero matrix still yields a {@code Q} with
 * orthonormal columns (a zero column of {@code A} gives a zero diagonal entry of {@code R}, not a failure).
 * Norms are computed without overflow or harmful underflow ({@link Blas1#norm2}), so no scaling is needed.
 *
 * <p>Complexity: {@link #factor} {@code 2 n^2 (m - n/3)} flops, {@link #formQ} as many again,
 * {@link #multQ} {@code 4 m n p}; no allocation. Reflectors are applied {@value #BLOCK} at a time to one
 * column after another (the column stays in the cache between them) and {@code Q} is formed
 * {@value #BLOCK} columns at a time (each reflector is read once per group); each column still receives
 * the same operations in the same order as in the unblocked algorithm, so blocking does not change results.
 *
 * <p>Reference: G. H. Golub and C. F. Van Loan, <i>Matrix Computations</i>, 4th ed., 2013, algorithms
 * 5.1.1 (the Householder vector), 5.2.1 (Householder QR) and section 5.1.6 (backward accumulation of
 * {@code Q}). Arguments are trusted: the facade {@code dev.retention.matrix.Decompositions} checks them.
 */
public final class HouseholderQr {

    /** Reflectors applied to a column while it stays in the cache; columns of {@code Q} formed together. */
    static final int BLOCK = 8;

    private HouseholderQr() {
    }

    /**
     * The thin QR of a row-major {@code m x n} matrix ({@code m >= n}): {@code Q} row-major {@code m x n}
     * with orthonormal columns and, if {@code r} is not {@code null}, {@code R} row-major {@code n x n}, upper
     * triangular, with {@code A = Q R}. Allocates {@code 2 m n + n} doubles of workspace.
     *
     * @param a read
     * @param q written
     * @param r written, or {@code null} when {@code R} is not wanted
     */
    public static void thin(double[] a, int m, int n, double[] q, double[] r) {
        double[] qr = new double[m * n];
        Layout.toColumnMajor(a, m, n, 1.0, qr);
        double[] tau = new double[n];
        factor(qr, m, n, tau);
        double[] qc = new double[m * n];
        formQ(qr, m, n, tau, qc);
        Layout.toRowMajor(qc, m, n, q);
        if (r != null) {
            upperTriangleRowMajor(qr, m, n, r);
        }
    }

    /**
     * Factorises the column-major {@code m x n} matrix {@code a} in place ({@code m >= n}).
     *
     * @param a   read and written: {@code A} in, {@code R} and the Householder vectors out (see the class comment)
     * @param m   rows
     * @param n   columns, {@code <= m}
     * @param tau written: the {@code n} reflector scalars
     */
    public static void factor(double[] a, int m, int n, double[] tau) {
        for (int kb = 0; kb < n; kb += BLOCK) {
            int ke = Math.min(kb + BLOCK, n);
            for (int k = kb; k < ke; k++) {
                tau[k] = reflector(a, m, k);
                for (int j = k + 1; j < ke; j++) {
                    reflect(a, m, k, tau[k], a, j * m);
                }
            }
            for (int j = ke; j < n; j++) {
                for (int k = kb; k < ke; k++) {
                    reflect(a, m, k, tau[k], a, j * m);
                }
            }
        }
    }

    /**
     * The thin orthogonal factor {@code Q = H_0 ... H_{n-1} [I_n; 0]}, column-major {@code m x n}, with
     * orthonormal columns.
     *
     * @param qr  read: the output of {@link #factor}
     * @param tau read
     * @param q   written: {@code m * n} elements
     */
    public static void formQ(double[] qr, int m, int n, double[] tau, double[] q) {
        Arrays.fill(q, 0, m * n, 0.0);
        for (int j = 0; j < n; j++) {
            q[j * m + j] = 1;
        }
        applyBackward(qr, m, n, tau, q, n, true);
    }

    /**
     * {@code C <- Q C} for a column-major {@code m x p} matrix {@code C}, with the full orthogonal
     * {@code Q = H_0 ... H_{n-1}} ({@code m x m}). For {@code C = [X; 0]} this is the thin {@code Q} times
     * {@code X}.
     *
     * @param qr  read: the output of {@link #factor}
     * @param tau read
     * @param c   read and written: {@code m * p} elements
     */
    public static void multQ(double[] qr, int m, int n, double[] tau, double[] c, int p) {
        applyBackward(qr, m, n, tau, c, p, false);
    }

    /**
     * Copies {@code R} ({@code n x n}, upper triangular) from the output of {@link #factor} into {@code r},
     * row-major, zeros below the diagonal.
     */
    public static void upperTriangleRowMajor(double[] qr, int m, int n, double[] r) {
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < i; j++) {
                r[row + j] = 0;
            }
            for (int j = i; j < n; j++) {
                r[row + j] = qr[j * m + i];
            }
        }
    }

    /**
     * Applies {@code H_{n-1}}, then ..., then {@code H_0} to the {@code p} columns of {@code c}, in groups of
     * {@value #BLOCK} columns. With {@code unitStart}, column {@code j} of {@code c} is {@code e_j}, which the
     * reflectors after {@code H_j} leave unchanged, so they are skipped.
     */
    private static void applyBackward(double[] qr, int m, int n, double[] tau, double[] c, int p,
                                      boolean unitStart) {
        for (int jb = 0; jb < p; jb += BLOCK) {
            int je = Math.min(jb + BLOCK, p);
            int kLast = unitStart ? Math.min(je, n) - 1 : n - 1;
            for (int k = kLast; k >= 0; k--) {
                for (int j = unitStart ? Math.max(jb, k) : jb; j < je; j++) {
                    reflect(qr, m, k, tau[k], c, j * m);
                }
            }
        }
    }

    /**
     * Makes the reflector of column {@code k} (LAPACK's {@code dlarfg}): overwrites {@code a(k, k)} with
     * {@code beta = R(k, k)} and {@code a(k+1.., k)} with the essential part of {@code v}, and returns tau.
     */
    private static double reflector(double[] a, int m, int k) {
        int d = k * m + k;
        double alpha = a[d];
        double xnorm = Blas1.norm2(a, d + 1, m - k - 1);
        if (xnorm == 0) {
            return 0;
        }
        double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
        double tau = (beta - alpha) / beta;
        double divisor = alpha - beta;   // |alpha - beta| >= xnorm > 0: no cancellation
        if (Math.abs(divisor) >= Double.MIN_NORMAL * 0x1p53) {
            double inv = 1 / divisor;
            for (int i = d + 1, end = (k + 1) * m; i < end; i++) {
                a[i] *= inv;
            }
        } else {
            for (int i = d + 1, end = (k + 1) * m; i < end; i++) {
                a[i] /= divisor;
            }
        }
        a[d] = beta;
        return tau;
    }

    /**
     * {@code c <- H_k c} for the column of {@code c} starting at {@code co}: rows {@code k..m-1} change by
     * {@code tau (v^T c) v}.
     */
    private static void reflect(double[] qr, int m, int k, double tau, double[] c, int co) {
        if (tau == 0) {
            return;
        }
        int vo = k * m + k;
        int ck = co + k;
        int len = m - k - 1;
        double w = tau * (c[ck] + Blas1.dot(qr, vo + 1, c, ck + 1, len));
        c[ck] -= w;
        for (int i = 1; i <= len; i++) {
            c[ck + i] -= w * qr[vo + i];
        }
    }
}
