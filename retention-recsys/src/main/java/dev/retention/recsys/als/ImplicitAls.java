package dev.retention.recsys.als;

import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;
import dev.retention.random.Variates;
import dev.retention.recsys.Confidence;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.ImplAls;
import dev.retention.recsys.internal.Limits;
import dev.retention.recsys.sparse.CsrMatrix;

import java.util.Locale;
import java.util.Objects;

/**
 * Fits implicit-feedback ALS (Hu, Koren and Volinsky, ICDM 2008) as {@code implicit}'s
 * {@code AlternatingLeastSquares} does (benfred/implicit, {@code cpu/als.py} and {@code cpu/_als.pyx}): confidence
 * {@code c_ui = alpha r_ui} for the stored interactions (preference 1) and 1 elsewhere (preference 0); factors
 * uniform in [0, 0.01); each iteration solves every user against the items, then every item against the users,
 * by {@code cgSteps} conjugate-gradient steps warm-started from the last iterate (Takacs, Pilaszy and Tikk, RecSys
 * 2011), or exactly by Cholesky with {@code cgSteps = 0}. The loss of {@code implicit}'s {@code calculate_loss} is
 * recorded after every iteration. Entry point {@link #fit}. Per iteration O(f^2 (users + items) + nnz f cgSteps)
 * with CG; float factors; parallel over users and items in blocks fixed by the data, so the model is the same for
 * any number of threads.
 */
public final class ImplicitAls {

    /** Stream kinds of the initial factors under the seed. */
    private static final long USER_STREAM = 1;
    private static final long ITEM_STREAM = 2;

    private ImplicitAls() {
    }

    /**
     * Fits the model.
     *
     * @param train   read: purchases or binary interactions; values {@code > 0}
     * @param options factors, regularization, alpha, iterations, solver, seed, threads
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no interaction or a value {@code <= 0}
     */
    public static AlsModel fit(Ratings train, AlsOptions options) {
        return fit(train, options, FitControl.defaults());
    }

    /**
     * Fits the model; one {@code control} step per iteration, with the loss.
     *
     * @param train   read: purchases or binary interactions; values {@code > 0}
     * @param options factors, regularization, alpha, iterations, solver, seed, threads
     * @param control listener, cancellation and executor
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no interaction or a value {@code <= 0}
     * @throws java.util.concurrent.CancellationException if the control cancels
     */
    public static AlsModel fit(Ratings train, AlsOptions options, FitControl control) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(options, "options");
        int f = options.factors();
        float[] x = new float[train.userCount() * f];
        float[] y = new float[train.itemCount() * f];
        for (int u = 0; u < train.userCount(); u++) {
            Variates rng = Variates.stream(options.seed(), USER_STREAM, u);
            for (int k = 0; k < f; k++) {
                x[u * f + k] = (float) (rng.nextDouble() * 0.01);
            }
        }
        for (int i = 0; i < train.itemCount(); i++) {
            Variates rng = Variates.stream(options.seed(), ITEM_STREAM, i);
            for (int k = 0; k < f; k++) {
                y[i * f + k] = (float) (rng.nextDouble() * 0.01);
            }
        }
        return fit(train, options, x, y, control);
    }

    /** Fits from given initial factors (taken over), for the goldens. */
    static AlsModel fit(Ratings train, AlsOptions options, float[] x, float[] y, FitControl control) {
        Limits.requireRatings("train", train.size());
        Objects.requireNonNull(control, "control");
        control.checkCancelled("iterations", 0);
        long start = System.nanoTime();
        CsrMatrix byUser = train.byUser();
        float[] cu = confidences(train, byUser, options.confidence());
        CsrMatrix byItem = byUser.withValues(cu).transpose();
        float[] ci = byItem.values();
        int[] up = byUser.rowPointers();
        int[] ui = byUser.columnIndices();
        int[] ip = byItem.rowPointers();
        int[] ii = byItem.columnIndices();
        int f = options.factors();
        int users = train.userCount();
        int items = train.itemCount();
        double[] loss = new double[options.iterations()];
        String unusable = null;
        double lambda = options.regularization();
        double confSum = 0;
        for (float c : cu) {
            confSum += c;
        }
        double cells = confSum + (double) users * items - up[users];
        double[] itemLoss = new double[items];
        float[][] xr = ImplAls.rows(x, users, f);
        float[][] yr = ImplAls.rows(y, items, f);
        long nonEmpty = nonEmptyRows(up, users) + nonEmptyRows(ip, items);
        long sharedSolves = 0;
        long rowSolves = 0;
        try (Workers workers = control.workers(options.threads())) {
            Blocks userBlocks = ImplAls.blocks(users, up, f, options.cgSteps());
            Blocks itemBlocks = ImplAls.blocks(items, ip, f, options.cgSteps());
            double[] yty = ImplAls.gram(yr, items, f, workers);
            for (int it = 0; it < options.iterations(); it++) {
                sharedSolves += ImplAls.solve(users, up, ui, cu, xr, yr, f, yty,
                        ImplAls.sharedInverse(yty, lambda, f), lambda, options.cgSteps(), userBlocks, workers, null);
                double[] xtx = ImplAls.gram(xr, users, f, workers);
                sharedSolves += ImplAls.solve(items, ip, ii, ci, yr, xr, f, xtx, ImplAls.sharedInverse(xtx, lambda, f),
                        lambda, options.cgSteps(), itemBlocks, workers, itemLoss);
                rowSolves += nonEmpty;
                yty = ImplAls.gram(yr, items, f, workers);
                double numerator = 0;
                for (double l : itemLoss) {
                    numerator += l;
                }
                numerator += lambda * (ImplAls.squaredNorm(xr, users, f) + ImplAls.squaredNorm(yr, items, f));
                loss[it] = numerator / cells;
                control.step("iterations", it + 1, options.iterations(), loss[it]);
                if (!Double.isFinite(loss[it])) {
                    unusable = String.format(Locale.ROOT, "the fit diverged at iteration %d of %d: loss %s; raise "
                            + "the regularization or lower alpha", it + 1, options.iterations(), loss[it]);
                    loss = java.util.Arrays.copyOf(loss, it + 1);
                    break;
                }
            }
        }
        ImplAls.flatten(xr, f, x);
        ImplAls.flatten(yr, f, y);
        FitSummary.Builder summary = FitSummary.builder("implicit ALS").options(options)
                .choice(String.format(Locale.ROOT, "%s solver (rows whose confidences are all 1 solved exactly "
                                + "with the shared matrix: %,d of %,d row solves), %s, float factors",
                        options.cgSteps() == 0 ? "exact Cholesky" : options.cgSteps() + "-step conjugate-gradient",
                        sharedSolves, rowSolves, options.confidence().describe()))
                .iterations(loss.length).objective("implicit's training loss", loss)
                .converged(unusable == null, unusable == null ? options.iterations() + " iterations, a fixed number "
                        + "as in implicit (no stopping test)" : unusable)
                .data(train.fingerprint());
        if (unusable != null) {
            summary.unusable(unusable);
            java.util.Arrays.fill(x, 0f);
            java.util.Arrays.fill(y, 0f);
        }
        FitSummary s = summary.secondsSince(start).build();
        s.logTo(ImplicitAls.class);
        return new AlsModel(train, x, y, options, options.confidence().itemIdf(byUser),
                Confidence.meanRowSum(byUser), s);
    }

    private static long nonEmptyRows(int[] ptr, int rows) {
        long n = 0;
        for (int r = 0; r < rows; r++) {
            if (ptr[r] != ptr[r + 1]) {
                n++;
            }
        }
        return n;
    }

    /** The confidences in the matrix's entry order; values and confidences must be {@code > 0}. */
    private static float[] confidences(Ratings train, CsrMatrix m, Confidence confidence) {
        for (int r = 0; r < m.rows(); r++) {
            for (int p = m.rowStart(r); p < m.rowEnd(r); p++) {
                float v = m.value(p);
                if (!(v > 0) || Float.isInfinite(v)) {
                    throw new IllegalArgumentException("train values must be finite and > 0 (purchases or "
                            + "interactions), got " + v + " for user '" + train.users().id(r) + "' and item '"
                            + train.items().id(m.columnIndex(p)) + "'");
                }
            }
        }
        float[] c = confidence.weigh(m);
        for (int r = 0; r < m.rows(); r++) {
            for (int p = m.rowStart(r); p < m.rowEnd(r); p++) {
                if (!(c[p] > 0) || Float.isInfinite(c[p])) {
                    throw new IllegalArgumentException("confidences must be finite and > 0, got " + c[p] + " ("
                            + confidence.describe() + ") for user '" + train.users().id(r) + "' and item '"
                            + train.items().id(m.columnIndex(p)) + "': an item bought by nearly every user has "
                            + "idf <= 0; use another weighting");
                }
            }
        }
        return c;
    }
}
