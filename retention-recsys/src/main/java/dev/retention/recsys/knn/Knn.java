package dev.retention.recsys.knn;

import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.model.Verdict;
import dev.retention.parallel.Workers;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.baseline.BaselineOnly;
import dev.retention.recsys.baseline.BaselineOnlyModel;
import dev.retention.recsys.internal.Limits;
import dev.retention.recsys.similarity.Baselines;
import dev.retention.recsys.similarity.Similarities;
import dev.retention.recsys.similarity.SimilarityMatrix;
import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.SparseOps;
import dev.retention.recsys.sparse.SparseStats;

import java.util.Locale;
import java.util.Objects;

/**
 * Fits neighbourhood collaborative filtering: Surprise's {@code KNNBasic}, {@code KNNWithMeans},
 * {@code KNNWithZScore} and {@code KNNBaseline} ({@link KnnVariant}), user- or item-based, with any similarity
 * measure, as a {@link KnnModel}. Entry point {@link #fit}.
 *
 * <p>Fit: the baselines when the variant or the similarity needs them ({@link BaselineOnly}, O(epochs x
 * ratings)), the similarities ({@link Similarities}: O(sum over the other side of count^2), on
 * {@code options.threads()} threads held for the fit), and the means or deviations the variant needs.
 */
public final class Knn {

    private Knn() {
    }

    /**
     * Fits a neighbourhood model.
     *
     * @param train   read; kept (immutable) for predictions
     * @param options variant, orientation, k, min_k, similarity, baselines, threads
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no rating
     */
    public static KnnModel fit(Ratings train, KnnOptions options) {
        return fit(train, options, FitControl.defaults());
    }

    /**
     * Fits a neighbourhood model. Its summary names the similarity, whether it is held as a full matrix or a
     * pruned top-k index and why; when baselines were fitted (for {@code KNNBaseline} or the
     * {@code pearson_baseline} similarity), its iterations and objective are the baselines' epochs, and it
     * converged when they did.
     *
     * @param train   read; kept (immutable) for predictions
     * @param options variant, orientation, k, min_k, similarity, baselines, threads
     * @param control hears the baselines' epochs (stage {@code "epochs"}) and the similarities (stage
     *                {@code "similarities"}, one step); may cancel the fit; its executor, if any, runs the threads
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no rating
     * @throws java.util.concurrent.CancellationException if the control cancels
     */
    public static KnnModel fit(Ratings train, KnnOptions options, FitControl control) {
        Objects.requireNonNull(train, "train");
        Limits.requireRatings("train", train.size());
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        long start = System.nanoTime();
        boolean userBased = options.userBased();
        CsrMatrix entities = userBased ? train.byUser() : train.byItem();
        double[] bu = null;
        double[] bi = null;
        Baselines baselines = null;
        FitSummary baselineFit = null;
        if (options.usesBaselines()) {
            BaselineOnlyModel b = BaselineOnly.fit(train, options.baseline(), control);
            bu = b.userBiases();
            bi = b.itemBiases();
            baselineFit = b.fitSummary();
            baselines = userBased ? new Baselines(train.globalMean(), bu, bi)
                    : new Baselines(train.globalMean(), bi, bu);
        }
        SimilarityMatrix sim;
        try (Workers workers = control.workers(options.threads())) {
            sim = Similarities.compute(entities, options.similarity(), baselines, workers)
                    .withIds(userBased ? train.users() : train.items());
        }
        control.step("similarities", 1, 1, Double.NaN);
        double[] means = null;
        double[] sigmas = null;
        if (options.variant() == KnnVariant.WITH_MEANS || options.variant() == KnnVariant.WITH_Z_SCORE) {
            SparseStats stats = SparseOps.rowStats(entities);
            means = stats.means();
            if (options.variant() == KnnVariant.WITH_Z_SCORE) {
                sigmas = sigmas(entities, means, train);
            }
        }
        FitSummary.Builder summary = FitSummary.builder(options.variant().surpriseName()).options(options)
                .choice(String.format(Locale.ROOT, "similarity: %s between %s (%,d x %,d, %s): %s",
                        sim.measure().label(), userBased ? "users" : "items", sim.size(), sim.size(),
                        bytes(sim.memoryBytes()), sim.reason()))
                .data(train.fingerprint());
        if (baselineFit == null) {
            summary.converged(true, "closed form");
        } else {
            summary.choice("baselines " + options.baseline() + ": " + baselineFit.stopReason())
                    .iterations(baselineFit.iterations())
                    .objective("baselines: " + baselineFit.objectiveName(), baselineFit.objective())
                    .converged(baselineFit.converged(), "baselines: " + baselineFit.stopReason());
            for (String w : baselineFit.warnings()) {
                if (w.startsWith("did not converge: ")) {
                    continue;   // added again by the builder
                }
                if (baselineFit.verdict() == Verdict.UNUSABLE) {
                    summary.unusable("baselines: " + w);
                } else {
                    summary.warning("baselines: " + w);
                }
            }
        }
        FitSummary s = summary.secondsSince(start).build();
        s.logTo(Knn.class);
        return new KnnModel(train, options, sim, means, sigmas, bu, bi, s);
    }

    private static String bytes(long b) {
        return b >= 1L << 20 ? String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20))
                : String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
    }

    /**
     * Population standard deviation of each entity's ratings; the overall one where it is 0 (Surprise's rule), and 1
     * where that is 0 too: every rating then equals the mean, so every deviation is 0 and any positive value gives
     * the same estimate, where Surprise divides 0 by 0.
     */
    private static double[] sigmas(CsrMatrix entities, double[] means, Ratings train) {
        double ss = 0;
        for (int p = 0; p < train.size(); p++) {
            double d = train.value(p) - train.globalMean();
            ss += d * d;
        }
        double overall = Math.sqrt(ss / train.size());
        double[] sigmas = new double[entities.rows()];
        for (int x = 0; x < sigmas.length; x++) {
            double s = 0;
            for (int p = entities.rowStart(x); p < entities.rowEnd(x); p++) {
                double d = entities.value(p) - means[x];
                s += d * d;
            }
            int n = entities.rowLength(x);
            double sigma = n == 0 ? 0 : Math.sqrt(s / n);
            sigmas[x] = sigma > 0 ? sigma : overall > 0 ? overall : 1;
        }
        return sigmas;
    }
}
