package dev.retention.recsys.ease;

import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.Limits;
import dev.retention.recsys.sparse.CsrMatrix;

import java.util.Locale;
import java.util.Objects;

/**
 * Fits EASE, the closed-form linear autoencoder of Steck ("Embarrassingly Shallow Autoencoders for Sparse Data",
 * WWW 2019): with {@code G = X^T X} the item Gram matrix of the training values (1 per purchase on binary data),
 * {@code P = (G + lambda I)^-1} and {@code B = I - P / diag(P)} (column {@code j} divided by {@code P_jj}), so that
 * {@code diag(B) = 0}; a user's scores are {@code x_u B}. Entry point {@link #fit}.
 *
 * <p>The inverse is dense, in double: an in-place Cholesky factorisation {@code G + lambda I = U^T U} (right-looking,
 * row-contiguous updates, parallel over the trailing rows of each step), {@code Z = U^-T} by forward substitution
 * (parallel over column blocks, written over the lower triangle), and {@code P = Z^T Z} one row at a time (parallel over
 * rows, the lower half, mirrored into {@code B}). Each entry is computed by one task in a fixed order, so the model is the
 * same for any number of threads. Written here because core has no Cholesky; double because the penalised Gram matrix
 * of popular items spans several orders of magnitude and {@code P / diag(P)} divides small differences. Cost:
 * O(sum over users of their items squared) for the Gram matrix and about {@code 2 n^3 / 3} multiply-adds for the
 * inverse; memory {@code 12 n^2} bytes during the fit (the double matrix and the float {@code B}) and {@code 4 n^2} in
 * the model. Catalogues above {@value #MAX_ITEMS} items are refused (4.8 GB during the fit at the limit), and so is a
 * fit whose matrices do not fit the heap.
 */
public final class Ease {

    /** The largest catalogue {@link #fit} accepts. */
    public static final int MAX_ITEMS = 20_000;
    private static final int COLUMN_BLOCK = 32;
    private static final int ROW_BLOCK = 16;
    /** Trailing updates smaller than this many rows run on the calling thread. */
    private static final int PARALLEL_ROWS = 128;

    private Ease() {
    }

    /**
     * Fits the model.
     *
     * @param train   read: purchases or binary interactions
     * @param options lambda, threads
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no interaction or more than {@value #MAX_ITEMS} items,
     *                                  or the matrices would not fit the heap
     */
    public static EaseModel fit(Ratings train, EaseOptions options) {
        return fit(train, options, FitControl.defaults());
    }

    /**
     * Fits the model; {@code control} steps at the Gram matrix, the factorisation, the substitution and the product.
     *
     * @param train   read: purchases or binary interactions
     * @param options lambda, threads
     * @param control listener, cancellation and executor
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no interaction or more than {@value #MAX_ITEMS} items,
     *                                  or the matrices would not fit the heap
     * @throws java.util.concurrent.CancellationException if the control cancels
     */
    public static EaseModel fit(Ratings train, EaseOptions options, FitControl control) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        Limits.requireRatings("train", train.size());
        int n = train.itemCount();
        if (n > MAX_ITEMS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "EASE inverts a dense items x items matrix: "
                    + "train has %,d items, the limit is %,d (12 n^2 bytes during the fit); use item-kNN or a "
                    + "factor model, or restrict the catalogue", n, MAX_ITEMS));
        }
        long bytes = 12L * n * n;
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes > available) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "EASE on %,d items needs %,d MB of heap "
                    + "for its dense matrices, about %,d MB are available; raise -Xmx", n, bytes >> 20,
                    available >> 20));
        }
        control.checkCancelled("gram", 0);
        long start = System.nanoTime();
        double[] a = new double[n * n];
        String unusable = null;
        try (Workers workers = control.workers(options.threads())) {
            gram(train, a, n, options.lambda(), workers);
            control.step("inverse", 1, 4, Double.NaN);
            int failed = cholesky(a, n, workers, control);
            float[] b = new float[n * n];
            if (failed >= 0) {
                unusable = String.format(Locale.ROOT, "the penalised Gram matrix is not positive definite at item %d "
                        + "(rounding); raise lambda", failed);
            } else {
                control.step("inverse", 2, 4, Double.NaN);
                double[] diagonal = new double[n];
                for (int i = 0; i < n; i++) {
                    diagonal[i] = a[i * n + i];
                }
                substitute(a, diagonal, n, workers);
                control.step("inverse", 3, 4, Double.NaN);
                product(a, b, n, workers);
                control.step("inverse", 4, 4, Double.NaN);
                for (float v : b) {
                    if (!Float.isFinite(v)) {
                        unusable = "the weights are not finite; raise lambda";
                        java.util.Arrays.fill(b, 0f);
                        break;
                    }
                }
            }
            FitSummary.Builder summary = FitSummary.builder("EASE").options(options)
                    .choice(String.format(Locale.ROOT, "closed form: dense %,d x %,d inverse by Cholesky in double, "
                            + "weights in float; lambda %s", n, n, options.lambda()))
                    .iterations(0).converged(unusable == null, unusable == null ? "closed form" : unusable)
                    .data(train.fingerprint());
            if (unusable != null) {
                summary.unusable(unusable);
            }
            FitSummary s = summary.secondsSince(start).build();
            s.logTo(Ease.class);
            return new EaseModel(train, b, options, s);
        }
    }

    /** The upper triangle (diagonal included) of {@code X^T X + lambda I}, row-major, parallel over item rows. */
    static void gram(Ratings train, double[] a, int n, double lambda, Workers workers) {
        CsrMatrix byUser = train.byUser();
        CsrMatrix byItem = train.byItem();
        Blocks blocks = Blocks.ofSize(n, ROW_BLOCK);
        workers.run(blocks.count(), blk -> {
            for (int i = blocks.start(blk); i < blocks.end(blk); i++) {
                int row = i * n;
                for (int p = byItem.rowStart(i); p < byItem.rowEnd(i); p++) {
                    int u = byItem.columnIndex(p);
                    double vi = byItem.value(p);
                    for (int q = byUser.rowStart(u); q < byUser.rowEnd(u); q++) {
                        int j = byUser.columnIndex(q);
                        if (j >= i) {
                            a[row + j] += vi * byUser.value(q);
                        }
                    }
                }
                a[row + i] += lambda;
            }
        });
    }

    /**
     * In-place Cholesky {@code A = U^T U} on the upper triangle (row-major, right-looking).
     *
     * @return -1, or the first row whose pivot is not positive
     */
    static int cholesky(double[] a, int n, Workers workers, FitControl control) {
        for (int k = 0; k < n; k++) {
            int rk = k * n;
            double d = a[rk + k];
            if (!(d > 0) || Double.isInfinite(d)) {
                return k;
            }
            double r = Math.sqrt(d);
            a[rk + k] = r;
            double inv = 1.0 / r;
            for (int j = k + 1; j < n; j++) {
                a[rk + j] *= inv;
            }
            int first = k + 1;
            int rows = n - first;
            if (rows < PARALLEL_ROWS || workers.threads() == 1) {
                trailing(a, n, k, first, n);
            } else {
                Blocks blocks = Blocks.ofSize(rows, ROW_BLOCK);
                int kk = k;
                workers.run(blocks.count(), blk -> trailing(a, n, kk, first + blocks.start(blk),
                        first + blocks.end(blk)));
            }
            if ((k & 255) == 255) {
                control.checkCancelled("inverse", 1);
            }
        }
        return -1;
    }

    /** Rows {@code [from, to)}: {@code A[i][i..n) -= U[k][i] U[k][i..n)}. */
    private static void trailing(double[] a, int n, int k, int from, int to) {
        int rk = k * n;
        for (int i = from; i < to; i++) {
            double c = a[rk + i];
            if (c == 0) {
                continue;
            }
            int ri = i * n;
            for (int j = i; j < n; j++) {
                a[ri + j] -= c * a[rk + j];
            }
        }
    }

    /**
     * {@code Z = U^-T} (lower, diagonal included) over the lower triangle of {@code a}, the strict upper triangle still
     * holding {@code U} and {@code diagonal} its diagonal; parallel over blocks of columns.
     */
    static void substitute(double[] a, double[] diagonal, int n, Workers workers) {
        Blocks blocks = Blocks.ofSize(n, COLUMN_BLOCK);
        workers.run(blocks.count(), blk -> {
            int j0 = blocks.start(blk);
            int j1 = blocks.end(blk);
            double[] t = new double[j1 - j0];
            for (int i = j0; i < n; i++) {
                java.util.Arrays.fill(t, 0);
                if (i < j1) {
                    t[i - j0] = 1;
                }
                for (int k = j0; k < i; k++) {
                    double c = a[k * n + i];
                    if (c == 0) {
                        continue;
                    }
                    int rk = k * n;
                    int end = Math.min(k + 1, j1);
                    for (int j = j0; j < end; j++) {
                        t[j - j0] -= c * a[rk + j];
                    }
                }
                int ri = i * n;
                double inv = 1.0 / diagonal[i];
                int end = Math.min(i + 1, j1);
                for (int j = j0; j < end; j++) {
                    a[ri + j] = t[j - j0] * inv;
                }
            }
        });
    }

    /**
     * {@code B = I - P / diag(P)} with {@code P = Z^T Z}, from the lower half of {@code P} computed a row at a time
     * ({@code P[i][j] = sum over k >= i of Z[k][i] Z[k][j]}, {@code j <= i}); parallel over rows.
     */
    static void product(double[] a, float[] b, int n, Workers workers) {
        double[] pd = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = j; k < n; k++) {
                double z = a[k * n + j];
                s += z * z;
            }
            pd[j] = s;
        }
        Blocks blocks = Blocks.ofSize(n, ROW_BLOCK);
        workers.run(blocks.count(), blk -> {
            double[] p = new double[n];
            for (int i = blocks.start(blk); i < blocks.end(blk); i++) {
                java.util.Arrays.fill(p, 0, i + 1, 0);
                for (int k = i; k < n; k++) {
                    int rk = k * n;
                    double c = a[rk + i];
                    if (c == 0) {
                        continue;
                    }
                    for (int j = 0; j <= i; j++) {
                        p[j] += c * a[rk + j];
                    }
                }
                for (int j = 0; j < i; j++) {
                    b[i * n + j] = (float) (-p[j] / pd[j]);
                    b[j * n + i] = (float) (-p[j] / pd[i]);
                }
                b[i * n + i] = 0f;
            }
        });
    }
}
