package dev.retention.recsys.internal;

/**
 * The epoch kernels of the factorisation models (SVD, SVD++, NMF of {@code dev.retention.recsys.factorization}):
 * Surprise 1.1.4's update rules ({@code matrix_factorization.pyx}) over the training ratings in CSR order (users by
 * index, each user's items by index), or in a given order of entries.
 *
 * <p>Layout: factors are {@code double} arrays, row-major and contiguous per user ({@code pu[u * f + k]}) and per item
 * ({@code qi[i * f + k]}); ratings are the CSR arrays of the users x items matrix with the values as doubles. The
 * per-rating loops are counted {@code int} loops over these rows: the element-wise updates are written so that C2
 * auto-vectorizes them (one array per stream, no calls, no branches), the dot product keeps four independent
 * accumulators. Cost per epoch: SVD O(ratings f), SVD++ O(ratings f) (Surprise's is O(sum over users of |I_u|^2 f),
 * see {@link #svdPlusPlusEpoch}), NMF O((ratings + users + items) f). Single-threaded and deterministic: every
 * rating's update depends on the previous one.
 *
 * <p>Hyper-parameters come in one array indexed by {@link #LR_BU} ... {@link #REG_YJ}. Internal: trusts its
 * arguments (the learners check them); imports no API package of the module.
 */
public final class ImplFactorization {

    /** Index of the learning rate of user biases in the hyper-parameter array. */
    public static final int LR_BU = 0;
    /** Index of the learning rate of item biases. */
    public static final int LR_BI = 1;
    /** Index of the learning rate of user factors. */
    public static final int LR_PU = 2;
    /** Index of the learning rate of item factors. */
    public static final int LR_QI = 3;
    /** Index of the learning rate of implicit item factors (SVD++). */
    public static final int LR_YJ = 4;
    /** Index of the regularisation of user biases. */
    public static final int REG_BU = 5;
    /** Index of the regularisation of item biases. */
    public static final int REG_BI = 6;
    /** Index of the regularisation of user factors. */
    public static final int REG_PU = 7;
    /** Index of the regularisation of item factors. */
    public static final int REG_QI = 8;
    /** Index of the regularisation of implicit item factors (SVD++). */
    public static final int REG_YJ = 9;
    /** Length of the hyper-parameter array. */
    public static final int HYPER_LENGTH = 10;

    private ImplFactorization() {
    }

    /**
     * {@return the dot product of {@code a[ao .. ao + n)} and {@code b[bo .. bo + n)}} Four accumulators.
     *
     * @param a  read
     * @param ao offset in {@code a}
     * @param b  read
     * @param bo offset in {@code b}
     * @param n  length
     */
    public static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += a[ao + k] * b[bo + k];
            s1 += a[ao + k + 1] * b[bo + k + 1];
            s2 += a[ao + k + 2] * b[bo + k + 2];
            s3 += a[ao + k + 3] * b[bo + k + 3];
        }
        for (; k < n; k++) {
            s0 += a[ao + k] * b[bo + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * One SVD epoch over the ratings in CSR order (Surprise's {@code SVD.sgd} inner loop): for each rating,
     * {@code e = r - (mu + b_u + b_i + q_i.p_u)}; if biased {@code b_u += lr_bu (e - reg_bu b_u)} and
     * {@code b_i += lr_bi (e - reg_bi b_i)}; then for every factor, from the values before the step,
     * {@code p_uf += lr_pu (e q_if - reg_pu p_uf)} and {@code q_if += lr_qi (e p_uf - reg_qi q_if)}, computed
     * as {@code (1 - lr_pu reg_pu) p_uf + (lr_pu e) q_if} (the same value up to rounding in two fewer operations
     * per factor, which took a MovieLens 100K fold from 0.16 s to 0.14 s). O(ratings f).
     *
     * @param ptr    CSR row pointers, read
     * @param idx    CSR item indexes, read
     * @param r      ratings per entry, read
     * @param mu     the global mean, or 0 when unbiased
     * @param bu     user biases, updated when {@code biased}
     * @param bi     item biases, updated when {@code biased}
     * @param pu     user factors, users x f, updated
     * @param qi     item factors, items x f, updated
     * @param f      factors
     * @param h      hyper-parameters, read
     * @param biased whether biases are learnt
     * @return the sum of the squared errors of the ratings as they were visited
     */
    public static double svdEpoch(int[] ptr, int[] idx, double[] r, double mu, double[] bu, double[] bi,
                                  double[] pu, double[] qi, int f, double[] h, boolean biased) {
        // The user's row stays in x over the user's ratings, the item's row is copied into y: with both rows at
        // offset 0 of their own arrays, C2 vectorizes the update loop (with offsets into pu and qi it does not).
        double[] x = new double[f];
        double[] y = new double[f];
        double lrPu = h[LR_PU];
        double lrQi = h[LR_QI];
        double regPu = h[REG_PU];
        double regQi = h[REG_QI];
        double sse = 0;
        int users = ptr.length - 1;
        for (int u = 0; u < users; u++) {
            int start = ptr[u];
            int end = ptr[u + 1];
            if (start == end) {
                continue;
            }
            int po = u * f;
            System.arraycopy(pu, po, x, 0, f);
            for (int p = start; p < end; p++) {
                int i = idx[p];
                int qo = i * f;
                System.arraycopy(qi, qo, y, 0, f);
                double err = r[p] - (mu + bu[u] + bi[i] + dot8(y, x, f));
                if (biased) {
                    bu[u] += h[LR_BU] * (err - h[REG_BU] * bu[u]);
                    bi[i] += h[LR_BI] * (err - h[REG_BI] * bi[i]);
                }
                // p + lr (e q - reg p) as (1 - lr reg) p + (lr e) q: three operations per factor instead of five
                double keepP = 1 - lrPu * regPu;
                double stepP = lrPu * err;
                double keepQ = 1 - lrQi * regQi;
                double stepQ = lrQi * err;
                for (int k = 0; k < f; k++) {
                    double puf = x[k];
                    double qif = y[k];
                    x[k] = keepP * puf + stepP * qif;
                    y[k] = keepQ * qif + stepQ * puf;
                }
                System.arraycopy(y, 0, qi, qo, f);
                sse += err * err;
            }
            System.arraycopy(x, 0, pu, po, f);
        }
        return sse;
    }

    /** The dot product of {@code a[0 .. n)} and {@code b[0 .. n)} with eight accumulators. */
    private static double dot8(double[] a, double[] b, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int k = 0;
        for (; k + 7 < n; k += 8) {
            s0 += a[k] * b[k];
            s1 += a[k + 1] * b[k + 1];
            s2 += a[k + 2] * b[k + 2];
            s3 += a[k + 3] * b[k + 3];
            s4 += a[k + 4] * b[k + 4];
            s5 += a[k + 5] * b[k + 5];
            s6 += a[k + 6] * b[k + 6];
            s7 += a[k + 7] * b[k + 7];
        }
        for (; k < n; k++) {
            s0 += a[k] * b[k];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /**
     * One SVD epoch over the entries in the given order ({@link #svdEpoch} otherwise). O(ratings f).
     *
     * @param order  entry positions in visiting order, read
     * @param userOf the user of each entry, read
     * @param idx    CSR item indexes, read
     * @param r      ratings per entry, read
     * @param mu     the global mean, or 0 when unbiased
     * @param bu     user biases, updated when {@code biased}
     * @param bi     item biases, updated when {@code biased}
     * @param pu     user factors, updated
     * @param qi     item factors, updated
     * @param f      factors
     * @param h      hyper-parameters, read
     * @param biased whether biases are learnt
     * @return the sum of the squared errors of the ratings as they were visited
     */
    public static double svdEpochInOrder(int[] order, int[] userOf, int[] idx, double[] r, double mu, double[] bu,
                                         double[] bi, double[] pu, double[] qi, int f, double[] h, boolean biased) {
        double sse = 0;
        for (int p : order) {
            sse += svdStep(userOf[p], idx[p], r[p], mu, bu, bi, pu, qi, f, h, biased);
        }
        return sse;
    }

    private static double svdStep(int u, int i, double r, double mu, double[] bu, double[] bi, double[] pu,
                                  double[] qi, int f, double[] h, boolean biased) {
        int po = u * f;
        int qo = i * f;
        double err = r - (mu + bu[u] + bi[i] + dot(qi, qo, pu, po, f));
        if (biased) {
            bu[u] += h[LR_BU] * (err - h[REG_BU] * bu[u]);
            bi[i] += h[LR_BI] * (err - h[REG_BI] * bi[i]);
        }
        double lrPu = h[LR_PU];
        double lrQi = h[LR_QI];
        double regPu = h[REG_PU];
        double regQi = h[REG_QI];
        double keepP = 1 - lrPu * regPu;     // the step as in svdEpoch
        double stepP = lrPu * err;
        double keepQ = 1 - lrQi * regQi;
        double stepQ = lrQi * err;
        for (int k = 0; k < f; k++) {
            double puf = pu[po + k];
            double qif = qi[qo + k];
            pu[po + k] = keepP * puf + stepP * qif;
            qi[qo + k] = keepQ * qif + stepQ * puf;
        }
        return err * err;
    }

    /**
     * One SVD++ epoch, user by user in CSR order, with the same result as Surprise's {@code SVDpp.sgd} (up to
     * rounding) at O(ratings f) instead of O(sum_u |I_u|^2 f). Surprise, for every rating of user {@code u},
     * recomputes the implicit term {@code z = |I_u|^-1/2 sum_{j in I_u} y_j} and then moves every {@code y_j},
     * {@code j in I_u}, by the same affine step {@code y_jf += lr_yj (e q_if / sqrt|I_u| - reg_yj y_jf)}. Here
     * {@code z} is computed once per user and then moved by the step it takes in exact arithmetic,
     * {@code z_f += lr_yj (e q_if - reg_yj z_f)}; and since the ratings of one user are visited together and
     * the step is the same affine map for every {@code j}, the {@code m} steps of the user compose into
     * {@code y_j = d^m y_j + a} with {@code d = 1 - lr_yj reg_yj} and {@code a} accumulated along the way, applied
     * once per item at the end of the user. The other updates are Surprise's: {@code b_u}, {@code b_i},
     * {@code p_u += lr_pu (e q_i - reg_pu p_u)}, {@code q_i += lr_qi (e (p_u + z) - reg_qi q_i)}, from the
     * values before the step.
     *
     * @param ptr  CSR row pointers, read
     * @param idx  CSR item indexes, read
     * @param r    ratings per entry, read
     * @param mu   the global mean
     * @param bu   user biases, updated
     * @param bi   item biases, updated
     * @param pu   user factors, updated
     * @param qi   item factors, updated
     * @param yj   implicit item factors, updated
     * @param f    factors
     * @param h    hyper-parameters, read
     * @param z    workspace of length {@code f}, written
     * @param acc  workspace of length {@code f}, written
     * @param userOrder the users in visiting order, or {@code null} for index order
     * @return the sum of the squared errors of the ratings as they were visited
     */
    public static double svdPlusPlusEpoch(int[] ptr, int[] idx, double[] r, double mu, double[] bu, double[] bi,
                                          double[] pu, double[] qi, double[] yj, int f, double[] h, double[] z,
                                          double[] acc, int[] userOrder) {
        double sse = 0;
        int users = ptr.length - 1;
        double lrBu = h[LR_BU];
        double lrBi = h[LR_BI];
        double regBu = h[REG_BU];
        double regBi = h[REG_BI];
        double lrPu = h[LR_PU];
        double lrQi = h[LR_QI];
        double lrYj = h[LR_YJ];
        double regPu = h[REG_PU];
        double regQi = h[REG_QI];
        double regYj = h[REG_YJ];
        double decay = 1 - lrYj * regYj;
        for (int t = 0; t < users; t++) {
            int u = userOrder == null ? t : userOrder[t];
            int start = ptr[u];
            int end = ptr[u + 1];
            if (start == end) {
                continue;
            }
            double sqrtIu = Math.sqrt(end - start);
            implicitSum(idx, start, end, yj, f, sqrtIu, z);
            java.util.Arrays.fill(acc, 0, f, 0);
            double decayM = 1;
            int po = u * f;
            for (int p = start; p < end; p++) {
                int i = idx[p];
                int qo = i * f;
                double dot = 0;
                for (int k = 0; k < f; k++) {
                    dot += qi[qo + k] * (pu[po + k] + z[k]);
                }
                double err = r[p] - (mu + bu[u] + bi[i] + dot);
                sse += err * err;
                bu[u] += lrBu * (err - regBu * bu[u]);
                bi[i] += lrBi * (err - regBi * bi[i]);
                double g = lrYj * err / sqrtIu;
                for (int k = 0; k < f; k++) {
                    double puf = pu[po + k];
                    double qif = qi[qo + k];
                    double zf = z[k];
                    pu[po + k] = puf + lrPu * (err * qif - regPu * puf);
                    qi[qo + k] = qif + lrQi * (err * (puf + zf) - regQi * qif);
                    z[k] = zf + lrYj * (err * qif - regYj * zf);
                    acc[k] = acc[k] * decay + g * qif;
                }
                decayM *= decay;
            }
            for (int p = start; p < end; p++) {
                int jo = idx[p] * f;
                for (int k = 0; k < f; k++) {
                    yj[jo + k] = yj[jo + k] * decayM + acc[k];
                }
            }
        }
        return sse;
    }

    /**
     * The implicit term {@code z = sum_{p in [start, end)} y_{idx[p]} / sqrtIu}. O((end - start) f).
     *
     * @param idx    item indexes, read
     * @param start  first entry
     * @param end    one past the last entry
     * @param yj     implicit item factors, read
     * @param f      factors
     * @param sqrtIu the square root of the number of entries
     * @param z      written: {@code z[0 .. f)}
     */
    public static void implicitSum(int[] idx, int start, int end, double[] yj, int f, double sqrtIu, double[] z) {
        java.util.Arrays.fill(z, 0, f, 0);
        for (int p = start; p < end; p++) {
            int jo = idx[p] * f;
            for (int k = 0; k < f; k++) {
                z[k] += yj[jo + k];
            }
        }
        for (int k = 0; k < f; k++) {
            z[k] /= sqrtIu;
        }
    }

    /**
     * One NMF epoch (Surprise's {@code NMF.sgd}; Luo et al. 2014): over the ratings in CSR order,
     * {@code est = mu + b_u + b_i + q_i.p_u}, the biases moved by SGD when {@code biased}, and the numerators
     * {@code sum q_i r}, {@code sum p_u r} and denominators {@code sum q_i est}, {@code sum p_u est} accumulated;
     * then every non-zero user factor {@code p_uf *= num / (den + |I_u| reg_pu p_uf)}, then every non-zero item
     * factor the same with {@code |U_i|} and {@code reg_qi}. A factor whose denominator is 0 (possible only with
     * zero ratings and no regularisation; Surprise divides by it) is left as it is. O((ratings + users + items) f).
     *
     * @param ptr        CSR row pointers, read
     * @param idx        CSR item indexes, read
     * @param r          ratings per entry, read
     * @param itemCounts ratings per item, read
     * @param mu         the global mean, or 0 when unbiased
     * @param bu         user biases, updated when {@code biased}
     * @param bi         item biases, updated when {@code biased}
     * @param pu         user factors, updated
     * @param qi         item factors, updated
     * @param f          factors
     * @param h          hyper-parameters, read ({@code LR_BU}, {@code LR_BI}, {@code REG_BU}, {@code REG_BI},
     *                   {@code REG_PU}, {@code REG_QI})
     * @param biased     whether biases are learnt
     * @param userNum    workspace users x f, written
     * @param userDen    workspace users x f, written
     * @param itemNum    workspace items x f, written
     * @param itemDen    workspace items x f, written
     * @return the sum of the squared errors of the ratings as they were visited
     */
    public static double nmfEpoch(int[] ptr, int[] idx, double[] r, int[] itemCounts, double mu, double[] bu,
                                  double[] bi, double[] pu, double[] qi, int f, double[] h, boolean biased,
                                  double[] userNum, double[] userDen, double[] itemNum, double[] itemDen) {
        java.util.Arrays.fill(userNum, 0);
        java.util.Arrays.fill(userDen, 0);
        java.util.Arrays.fill(itemNum, 0);
        java.util.Arrays.fill(itemDen, 0);
        double sse = 0;
        int users = ptr.length - 1;
        for (int u = 0; u < users; u++) {
            int po = u * f;
            for (int p = ptr[u], end = ptr[u + 1]; p < end; p++) {
                int i = idx[p];
                int qo = i * f;
                double rating = r[p];
                double est = mu + bu[u] + bi[i] + dot(qi, qo, pu, po, f);
                double err = rating - est;
                sse += err * err;
                if (biased) {
                    bu[u] += h[LR_BU] * (err - h[REG_BU] * bu[u]);
                    bi[i] += h[LR_BI] * (err - h[REG_BI] * bi[i]);
                }
                for (int k = 0; k < f; k++) {
                    double q = qi[qo + k];
                    double pf = pu[po + k];
                    userNum[po + k] += q * rating;
                    userDen[po + k] += q * est;
                    itemNum[qo + k] += pf * rating;
                    itemDen[qo + k] += pf * est;
                }
            }
        }
        for (int u = 0; u < users; u++) {
            multiplicative(pu, userNum, userDen, u * f, f, (ptr[u + 1] - ptr[u]) * h[REG_PU]);
        }
        for (int i = 0; i < itemCounts.length; i++) {
            multiplicative(qi, itemNum, itemDen, i * f, f, itemCounts[i] * h[REG_QI]);
        }
        return sse;
    }

    private static void multiplicative(double[] x, double[] num, double[] den, int o, int f, double reg) {
        for (int k = 0; k < f; k++) {
            double v = x[o + k];
            if (v != 0) {
                double d = den[o + k] + reg * v;
                if (d != 0) {
                    x[o + k] = v * (num[o + k] / d);
                }
            }
        }
    }
    /**
     * Solves {@code a x = b} in place for a symmetric positive definite {@code n x n} matrix {@code a} (row-major)
     * by Cholesky: on return {@code b} holds {@code x} and {@code a} its factor. O(n^3).
     *
     * @param a the matrix, overwritten
     * @param b the right-hand side, overwritten by the solution
     * @param n the order
     * @return false, with {@code b} undefined, if a pivot is not positive (the matrix is singular or not positive
     *         definite)
     */
    public static boolean solvePositiveDefinite(double[] a, double[] b, int n) {
        if (!choleskyFactor(a, a, n)) {
            return false;
        }
        choleskySolve(a, b, n);
        return true;
    }

    /**
     * Writes the lower Cholesky factor {@code L} of a symmetric positive definite {@code n x n} matrix (row-major,
     * lower triangle read) into the lower triangle of {@code l}, with {@code a = L L^T}; {@code l} may be {@code a}
     * (each entry is read before it is written). O(n^3 / 3).
     *
     * @param a read; the matrix
     * @param l written: its lower triangle and diagonal (the rest is left as it was)
     * @param n the order
     * @return false, with {@code l} undefined, if a pivot is not positive
     */
    public static boolean choleskyFactor(double[] a, double[] l, int n) {
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * n + k] * l[j * n + k];
            }
            if (!(d > 0)) {
                return false;
            }
            double p = Math.sqrt(d);
            l[j * n + j] = p;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = s / p;
            }
        }
        return true;
    }

    /**
     * Solves {@code L L^T x = b} in place with a factor of {@link #choleskyFactor}. O(n^2).
     *
     * @param l read; the factor (its lower triangle and diagonal)
     * @param b the right-hand side, overwritten by the solution
     * @param n the order
     */
    public static void choleskySolve(double[] l, double[] b, int n) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
    }

    /**
     * Writes the cosine of row {@code row} of a row-major float matrix with every row (0 where either row is zero),
     * each dot product summed in double. O(rows width).
     *
     * @param rows  read; {@code out.length x width} row-major
     * @param width the row length
     * @param row   the row compared
     * @param out   written; one cosine per row
     */
    public static void cosineToAll(float[] rows, int width, int row, double[] out) {
        double norm = Math.sqrt(rowDot(rows, width, row, row));
        for (int i = 0; i < out.length; i++) {
            double ni = Math.sqrt(rowDot(rows, width, i, i));
            out[i] = norm > 0 && ni > 0 ? rowDot(rows, width, row, i) / (norm * ni) : 0.0;
        }
    }

    private static double rowDot(float[] rows, int width, int a, int b) {
        int oa = a * width;
        int ob = b * width;
        double s = 0;
        for (int k = 0; k < width; k++) {
            s += (double) rows[oa + k] * rows[ob + k];
        }
        return s;
    }
}
