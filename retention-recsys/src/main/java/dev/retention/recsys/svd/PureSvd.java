package dev.retention.recsys.svd;

import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.parallel.Workers;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.Limits;
import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.SparseOps;
import dev.retention.recsys.sparse.SvdOptions;
import dev.retention.recsys.sparse.TruncatedSvd;

import java.util.Locale;
import java.util.Objects;

/**
 * Fits PureSVD (P. Cremonesi, Y. Koren and R. Turrin, "Performance of recommender algorithms on top-N
 * recommendation tasks", RecSys 2010, section 4.2): the rank-{@code f} truncated SVD {@code R ~ U S Q^T} of the
 * user x item rating matrix with missing ratings as zeros, as a {@link PureSvdModel} that scores item {@code i}
 * for user {@code u} by {@code r_u Q q_i^T}. The SVD is {@link TruncatedSvd} (randomized, seeded). Entry point
 * {@link #fit}; to choose the rank on a later period, {@link RankSelection}.
 *
 * <p>Fit O((q + 1) nnz (f + p) + (users + items)(f + p)^2), on {@code options.threads()} threads held for the
 * whole fit (every sparse product of the power iterations and the projection).
 */
public final class PureSvd {

    /** The default number of factors, 50 (Cremonesi et al. report 50 on MovieLens, 150 on Netflix). */
    public static final int DEFAULT_FACTORS = 50;

    private PureSvd() {
    }

    /**
     * Fits the factors.
     *
     * @param train   read
     * @param options the randomized SVD: its {@code rank} is the number of factors {@code f} (use
     *                {@code SvdOptions.defaults().withRank(PureSvd.DEFAULT_FACTORS)} for the default),
     *                oversampling, power iterations, seed and threads (the model does not depend on them)
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no rating, or the rank exceeds {@code min(users, items)}
     */
    public static PureSvdModel fit(Ratings train, SvdOptions options) {
        return fit(train, options, FitControl.defaults());
    }

    /**
     * Fits the factors.
     *
     * @param train   read
     * @param options rank (the number of factors), oversampling, power iterations, seed, threads
     * @param control hears each power iteration (stage {@code "power iterations"}) and may cancel the fit; its
     *                executor, if any, runs the threads
     * @return the fitted model
     * @throws IllegalArgumentException                   if {@code train} holds no rating, or the rank exceeds {@code min(users, items)}
     * @throws java.util.concurrent.CancellationException if the control cancels
     */
    public static PureSvdModel fit(Ratings train, SvdOptions options, FitControl control) {
        Objects.requireNonNull(train, "train");
        Limits.requireRatings("train", train.size());
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        int f = options.rank();
        int limit = Math.min(train.userCount(), train.itemCount());
        if (f > limit) {
            throw new IllegalArgumentException("factors (the rank) must be in [1, min(users, items) = " + limit
                    + "], got " + f);
        }
        long start = System.nanoTime();
        CsrMatrix r = train.byUser();
        TruncatedSvd svd;
        double[] q;
        double[] p;
        try (Workers workers = control.workers(options.threads())) {
            svd = TruncatedSvd.compute(r, options, workers, control);
            q = svd.v();
            p = SparseOps.mult(r, q, f, null, workers);
        }
        FitSummary s = FitSummary.builder("PureSVD").options(String.format(Locale.ROOT, "%d factors, oversampling %d, "
                        + "%d power iterations, seed %d, %d thread%s", f, options.oversampling(),
                        options.powerIterations(), options.seed(), options.threads(), options.threads() == 1 ? "" : "s"))
                .choice(String.format(Locale.ROOT, "randomized SVD (Halko et al. 2011) with a sketch of %d columns; "
                        + "leading singular value %.4f", svd.sketchColumns(), svd.singularValue(0)))
                .iterations(options.powerIterations())
                .converged(true, options.powerIterations() + " power iterations, a fixed number (the randomized SVD "
                        + "has no stopping test)")
                .data(train.fingerprint()).secondsSince(start).build();
        s.logTo(PureSvd.class);
        return new PureSvdModel(train, p, q, svd.singularValues(), options, s);
    }
}
