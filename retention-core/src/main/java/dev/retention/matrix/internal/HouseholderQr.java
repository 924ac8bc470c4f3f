package dev.retention.matrix.internal;

import java.util.Arrays;

/**
 * Blocked Householder QR of a tall dense matrix ({@code m >= n}), in place, and products with its orthogonal
 * factor.
 *
 * <p>Layout: column-major {@code double[]}, column {@code j} of an {@code m}-row matrix at
 * {@code [j m, (j + 1) m)}, so that Householder vectors and the columns they update are contiguous and
 * long. After {@link #factor}, column {@code j} holds {@code R(0..j, j)} in rows {@code 0..j} and the
 * essential part of the Householder vector {@code v_j} in rows {@code j + 1..m - 1} ({@code v_j(j) = 1} is
 * implied, rows above {@code j} are zero), and {@code tau[j]} is its scalar: {@code H_j = I - tau_j v_j v_j^T}
 * and {@code A = H_0 H_1 ... H_{n-1} [R; 0]}.
 *
 * <p>Blocking: the columns are factored in panels of {@value #PANEL}, one reflector at a time within the
 * panel; then the panel's reflectors are applied together, in the compact WY form
 * {@code H_k ... H_{k+7} = I - V T V^T} ({@code T} upper triangular {@value #PANEL} x {@value #PANEL}, kept
 * for the products with {@code Q}), to the columns on its right, two at a time: {@code W = V^T [c d]} (sixteen
 * dot products in one pass, each with its own sum), {@code W = T^T W}, {@code [c d] -= V W} (one pass). A
 * column is thus read twice per panel instead of twice per reflector, and each element of {@code V} loaded
 * serves two columns. (Measured on 3706 x 60 with JDK 17, the factorisation and {@code Q} together: 12.1 ms
 * one reflector at a time or with the panels applied one column at a time, 8.2 ms two at a time. C2 in JDK 17
 * does not vectorise loops over arrays read at different offsets, so the gain is from fewer loads per
 * multiply-add.) The results differ from the unblocked algorithm's by rounding only.
 *
 * <p>The reflector is LAPACK's {@code dlarfg}: a column that is already zero below the diagonal gets
 * {@code H_j = I} ({@code tau_j = 0}), so a rank-deficient or zero matrix still yields a {@code Q} with
 * orthonormal columns (a zero column of {@code A} gives a zero diagonal entry of {@code R}, not a failure).
 * Norms are computed without overflow or harmful underflow ({@link Blas1#norm2}), so no scaling is needed.
 *
 * <p>Complexity: {@link #factor} {@code 2 n^2 (m - n/3)} flops plus {@code O(m n b)} for the panels and
 * their {@code T}, {@link #formQ} as many again, {@link #multQ} {@code 4 m n p}; each allocates a workspace
 * of 16 doubles.
 *
 * <p>References: G. H. Golub and C. F. Van Loan, <i>Matrix Computations</i>, 4th ed., 2013, algorithms
 * 5.1.1 (the Householder vector), 5.2.1 (Householder QR), sections 5.1.6 (backward accumulation of
 * {@code Q}) and 5.2.3 (block Householder QR); R. Schreiber and C. Van Loan, "A storage-efficient WY
 * representation for products of Householder transformations", SIAM J. Sci. Stat. Comput. 10(1), 1989
 * (the compact WY form, as LAPACK's {@code dgeqrf}, {@code dlarft} and {@code dlarfb}). Arguments are
 * trusted: the facade {@code dev.retention.matrix.Decompositions} checks them.
 */
public final class HouseholderQr {

    /** Columns per panel: reflectors applied together (the fast path keeps one sum per reflector in a local). */
    static final int PANEL = 8;

    private HouseholderQr() {
    }

    /**
     * The thin QR of a row-major {@code m x n} matrix ({@code m >= n}): {@code Q} row-major {@code m x n}
     * with orthonormal columns and, if {@code r} is not {@code null}, {@code R} row-major {@code n x n}, upper
     * triangular, with {@code A = Q R}. Allocates {@code 2 m n} doubles and the {@code T} factors.
     *
     * @param a read
     * @param q written
     * @param r written, or {@code null} when {@code R} is not wanted
     */
    public static void thin(double[] a, int m, int n, double[] q, double[] r) {
        double[] qr = new double[m * n];
        Layout.toColumnMajor(a, m, n, 1.0, qr);
        double[] tau = new double[n];
        double[] t = new double[tLength(n)];
        factor(qr, m, n, tau, t);
        double[] qc = new double[m * n];
        formQ(qr, m, n, t, qc);
        Layout.toRowMajor(qc, m, n, q);
        if (r != null) {
            upperTriangleRowMajor(qr, m, n, r);
        }
    }

    /** Length of the array of {@code T} factors for {@code n} columns. */
    public static int tLength(int n) {
        return ((n + PANEL - 1) / PANEL) * PANEL * PANEL;
    }

    /**
     * Factorises the column-major {@code m x n} matrix {@code a} in place ({@code m >= n}).
     *
     * @param a   read and written: {@code A} in, {@code R} and the Householder vectors out (see the class comment)
     * @param tau written: the {@code n} reflector scalars
     * @param t   written: the {@code T} factors of the panels, {@link #tLength} elements
     */
    public static void factor(double[] a, int m, int n, double[] tau, double[] t) {
        double[] w = new double[2 * PANEL];
        for (int kb = 0; kb < n; kb += PANEL) {
            int b = Math.min(PANEL, n - kb);
            int ke = kb + b;
            for (int k = kb; k < ke; k++) {
                tau[k] = reflector(a, m, k);
                for (int j = k + 1; j < ke; j++) {
                    reflect(a, m, k, tau[k], a, j * m);
                }
            }
            blockFactor(a, m, kb, b, tau, t, kb * PANEL);
            applyBlock(a, m, kb, b, t, true, a, ke, n, w);
        }
    }

    /**
     * The thin orthogonal factor {@code Q = H_0 ... H_{n-1} [I_n; 0]}, column-major {@code m x n}, with
     * orthonormal columns. Panels are applied last to first; before panel {@code k}, the columns of
     * {@code Q} left of it are still unit vectors that it leaves unchanged, so they are skipped.
     *
     * @param qr read: the output of {@link #factor}
     * @param t  read: the {@code T} factors from {@link #factor}
     * @param q  written: {@code m * n} elements
     */
    public static void formQ(double[] qr, int m, int n, double[] t, double[] q) {
        Arrays.fill(q, 0, m * n, 0.0);
        for (int j = 0; j < n; j++) {
            q[j * m + j] = 1;
        }
        double[] w = new double[2 * PANEL];
        for (int kb = ((n - 1) / PANEL) * PANEL; kb >= 0; kb -= PANEL) {
            applyBlock(qr, m, kb, Math.min(PANEL, n - kb), t, false, q, kb, n, w);
        }
    }

    /**
     * {@code C <- Q C} for a column-major {@code m x p} matrix {@code C}, with the full orthogonal
     * {@code Q = H_0 ... H_{n-1}} ({@code m x m}). For {@code C = [X; 0]} this is the thin {@code Q} times
     * {@code X}.
     *
     * @param qr read: the output of {@link #factor}
     * @param t  read: the {@code T} factors from {@link #factor}
     * @param c  read and written: {@code m * p} elements
     */
    public static void multQ(double[] qr, int m, int n, double[] t, double[] c, int p) {
        double[] w = new double[2 * PANEL];
        for (int kb = ((n - 1) / PANEL) * PANEL; kb >= 0; kb -= PANEL) {
            applyBlock(qr, m, kb, Math.min(PANEL, n - kb), t, false, c, 0, p, w);
        }
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
     * The {@code T} factor of reflectors {@code kb..kb+b-1} (LAPACK's {@code dlarft}, forward, by columns):
     * {@code T(i, i) = tau_i} and {@code T(0..i-1, i) = -tau_i T(0..i-1, 0..i-1) V(:, 0..i-1)^T v_i};
     * row-major with row stride {@value #PANEL} at {@code t[to..]}.
     */
    private static void blockFactor(double[] qr, int m, int kb, int b, double[] tau, double[] t, int to) {
        Arrays.fill(t, to, to + PANEL * PANEL, 0.0);
        for (int i = 0; i < b; i++) {
            double ti = tau[kb + i];
            if (ti == 0) {
                continue;
            }
            t[to + i * PANEL + i] = ti;
            int d = (kb + i) * m + kb + i;   // v_i(kb + i), the implied 1
            for (int j = 0; j < i; j++) {
                // v_j . v_i over rows kb+i.. (v_i is zero above and 1 at row kb+i)
                int vj = (kb + j) * m + kb + i;
                double z = qr[vj] + Blas1.dot(qr, vj + 1, qr, d + 1, m - kb - i - 1);
                for (int s = 0; s <= j; s++) {
                    t[to + s * PANEL + i] -= ti * t[to + s * PANEL + j] * z;
                }
            }
        }
    }

    /**
     * Applies reflectors {@code kb..kb+b-1} of {@code qr}, whose {@code T} factor is at {@code t[kb PANEL..]},
     * to columns {@code j0..j1-1} of the column-major {@code c}: with {@code transpose},
     * {@code C <- (I - V T V^T)^T C = H_{kb+b-1} ... H_{kb} C}, as the factorisation needs; otherwise
     * {@code C <- (I - V T V^T) C = H_{kb} ... H_{kb+b-1} C}. Only rows {@code kb..} change. A full panel
     * goes two columns at a time; a last odd column, or a narrower panel, one column at a time.
     *
     * @param w workspace of {@code 2 PANEL}
     */
    private static void applyBlock(double[] qr, int m, int kb, int b, double[] t, boolean transpose,
                                   double[] c, int j0, int j1, double[] w) {
        int to = kb * PANEL;
        int j = j0;
        if (b == PANEL) {
            for (; j + 1 < j1; j += 2) {
                applyPanel(qr, m, kb, t, to, transpose, c, j * m, (j + 1) * m, w);
            }
        }
        for (; j < j1; j++) {
            int co = j * m;
            int o = kb * m;
            Arrays.fill(w, 0, b, 0.0);
            for (int i = kb; i < m; i++) {
                double ci = c[co + i];
                for (int s = 0, sEnd = Math.min(b, i - kb + 1); s < sEnd; s++) {
                    w[s] += (i - kb == s ? 1 : qr[o + s * m + i]) * ci;
                }
            }
            multiplyT(t, to, b, transpose, w, 0);
            for (int i = kb; i < m; i++) {
                double sum = 0;
                for (int s = 0, sEnd = Math.min(b, i - kb + 1); s < sEnd; s++) {
                    sum += (i - kb == s ? 1 : qr[o + s * m + i]) * w[s];
                }
                c[co + i] -= sum;
            }
        }
    }

    /**
     * A full panel applied to the two columns of {@code c} at {@code co} and {@code cd}: the sixteen sums in
     * locals, the rows below the panel's triangle in one loop for the dot products and one for the update.
     */
    private static void applyPanel(double[] qr, int m, int kb, double[] t, int to, boolean transpose,
                                   double[] c, int co, int cd, double[] w) {
        int o0 = kb * m;
        int o1 = o0 + m;
        int o2 = o1 + m;
        int o3 = o2 + m;
        int o4 = o3 + m;
        int o5 = o4 + m;
        int o6 = o5 + m;
        int o7 = o6 + m;
        // the triangle, rows kb..kb+7: V(kb + r, s) is 1 for s = r and 0 for s > r; w[0..8) for c, w[8..16) for d
        Arrays.fill(w, 0, 2 * PANEL, 0.0);
        for (int r = 0; r < PANEL; r++) {
            int i = kb + r;
            double ci = c[co + i];
            double di = c[cd + i];
            w[r] += ci;
            w[PANEL + r] += di;
            for (int s = 0; s < r; s++) {
                double v = qr[o0 + s * m + i];
                w[s] += v * ci;
                w[PANEL + s] += v * di;
            }
        }
        double c0 = w[0];
        double c1 = w[1];
        double c2 = w[2];
        double c3 = w[3];
        double c4 = w[4];
        double c5 = w[5];
        double c6 = w[6];
        double c7 = w[7];
        double d0 = w[8];
        double d1 = w[9];
        double d2 = w[10];
        double d3 = w[11];
        double d4 = w[12];
        double d5 = w[13];
        double d6 = w[14];
        double d7 = w[15];
        for (int i = kb + PANEL; i < m; i++) {
            double ci = c[co + i];
            double di = c[cd + i];
            double v = qr[o0 + i];
            c0 += v * ci;
            d0 += v * di;
            v = qr[o1 + i];
            c1 += v * ci;
            d1 += v * di;
            v = qr[o2 + i];
            c2 += v * ci;
            d2 += v * di;
            v = qr[o3 + i];
            c3 += v * ci;
            d3 += v * di;
            v = qr[o4 + i];
            c4 += v * ci;
            d4 += v * di;
            v = qr[o5 + i];
            c5 += v * ci;
            d5 += v * di;
            v = qr[o6 + i];
            c6 += v * ci;
            d6 += v * di;
            v = qr[o7 + i];
            c7 += v * ci;
            d7 += v * di;
        }
        w[0] = c0;
        w[1] = c1;
        w[2] = c2;
        w[3] = c3;
        w[4] = c4;
        w[5] = c5;
        w[6] = c6;
        w[7] = c7;
        w[8] = d0;
        w[9] = d1;
        w[10] = d2;
        w[11] = d3;
        w[12] = d4;
        w[13] = d5;
        w[14] = d6;
        w[15] = d7;
        multiplyT(t, to, PANEL, transpose, w, 0);
        multiplyT(t, to, PANEL, transpose, w, PANEL);
        for (int r = 0; r < PANEL; r++) {
            int i = kb + r;
            double sc = w[r];
            double sd = w[PANEL + r];
            for (int s = 0; s < r; s++) {
                double v = qr[o0 + s * m + i];
                sc += v * w[s];
                sd += v * w[PANEL + s];
            }
            c[co + i] -= sc;
            c[cd + i] -= sd;
        }
        c0 = w[0];
        c1 = w[1];
        c2 = w[2];
        c3 = w[3];
        c4 = w[4];
        c5 = w[5];
        c6 = w[6];
        c7 = w[7];
        d0 = w[8];
        d1 = w[9];
        d2 = w[10];
        d3 = w[11];
        d4 = w[12];
        d5 = w[13];
        d6 = w[14];
        d7 = w[15];
        for (int i = kb + PANEL; i < m; i++) {
            double v0 = qr[o0 + i];
            double v1 = qr[o1 + i];
            double v2 = qr[o2 + i];
            double v3 = qr[o3 + i];
            double v4 = qr[o4 + i];
            double v5 = qr[o5 + i];
            double v6 = qr[o6 + i];
            double v7 = qr[o7 + i];
            c[co + i] -= v0 * c0 + v1 * c1 + v2 * c2 + v3 * c3 + v4 * c4 + v5 * c5 + v6 * c6 + v7 * c7;
            c[cd + i] -= v0 * d0 + v1 * d1 + v2 * d2 + v3 * d3 + v4 * d4 + v5 * d5 + v6 * d6 + v7 * d7;
        }
    }

    /**
     * {@code w <- T^T w} or {@code w <- T w} in place for {@code w[wo..wo+b)}, {@code T} upper triangular
     * {@code b x b} at {@code t[to..]} with row stride {@value #PANEL}.
     */
    private static void multiplyT(double[] t, int to, int b, boolean transpose, double[] w, int wo) {
        if (transpose) {
            for (int s = b - 1; s >= 0; s--) {
                double sum = t[to + s * PANEL + s] * w[wo + s];
                for (int r = 0; r < s; r++) {
                    sum += t[to + r * PANEL + s] * w[wo + r];
                }
                w[wo + s] = sum;
            }
        } else {
            for (int s = 0; s < b; s++) {
                double sum = t[to + s * PANEL + s] * w[wo + s];
                for (int r = s + 1; r < b; r++) {
                    sum += t[to + s * PANEL + r] * w[wo + r];
                }
                w[wo + s] = sum;
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
        int end = (k + 1) * m;
        if (Math.abs(divisor) >= Double.MIN_NORMAL * 0x1p53) {
            double inv = 1 / divisor;
            for (int i = d + 1; i < end; i++) {
                a[i] *= inv;
            }
        } else {
            for (int i = d + 1; i < end; i++) {
                a[i] /= divisor;
            }
        }
        a[d] = beta;
        return tau;
    }

    /**
     * {@code c <- H_k c} for the column of the column-major {@code c} starting at {@code co}: rows {@code k..}
     * change by {@code tau (v^T c) v}.
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
