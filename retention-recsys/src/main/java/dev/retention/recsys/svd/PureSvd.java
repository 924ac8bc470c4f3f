package dev.retention.recsys.svd;

import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Ratings;
import dev.retention.sparse.CsrMatrix;
import dev.retention.sparse.SparseOps;
import dev.retention.sparse.SvdOptions;
import dev.retention.sparse.TruncatedSvd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * PureSVD (P. Cremonesi, Y. Koren and R. Turrin, "Performance of recommender algorithms on top-N
 * recommendation tasks", RecSys 2010, section 4.2): the rank-{@code f} truncated SVD
 * {@code R ~ U S Q^T} of the user x item rating matrix with missing ratings as zeros, scoring item
 * {@code i} for user {@code u} by {@code r_u Q q_i^T}, the projection of the user's rating row onto the
 * item factors. The SVD is {@link TruncatedSvd} (randomized, seeded). Immutable and thread-safe.
 *
 * <p>PureSVD is a top-N model: its scores rank items; as rating estimates (clipped to the scale) they are
 * poor, because missing ratings count as zeros. Fit O((q + 1) nnz (f + p) + (users + items)(f + p)^2);
 * a score O(f); {@link #scoreItems} O(items f).
 */
public final class PureSvd extends RatingModel {

    private static final Logger LOG = LoggerFactory.getLogger(PureSvd.class);

    private final int f;
    private final double[] userFactors;   // r_u Q, users x f
    private final double[] itemFactors;   // Q, items x f
    private final double[] singularValues;
    private final PureSvdOptions options;

    private PureSvd(Ratings train, int f, double[] userFactors, double[] itemFactors, double[] singularValues,
                    PureSvdOptions options) {
        super("PureSVD", train);
        this.f = f;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.singularValues = singularValues;
        this.options = options;
    }

    /**
     * Fits the factors.
     *
     * @param train   read
     * @param options factors, randomized SVD settings, seed, parallelism
     * @throws IllegalArgumentException if {@code factors} exceeds {@code min(users, items)}
     */
    public static PureSvd fit(Ratings train, PureSvdOptions options) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(options, "options");
        int limit = Math.min(train.userCount(), train.itemCount());
        if (options.factors() > limit) {
            throw new IllegalArgumentException("factors must be in [1, min(users, items) = " + limit + "], got "
                    + options.factors());
        }
        long start = System.nanoTime();
        CsrMatrix r = train.byUser();
        TruncatedSvd svd = TruncatedSvd.compute(r, new SvdOptions(options.factors(), options.oversampling(),
                options.powerIterations(), options.seed(), options.parallelism()));
        double[] q = svd.v();
        double[] p = SparseOps.mult(r, q, options.factors(), null, options.parallelism());
        LOG.info("PureSVD with {} factors fitted on {} ratings in {} ms", options.factors(), train.size(),
                (System.nanoTime() - start) / 1_000_000);
        return new PureSvd(train, options.factors(), p, q, svd.singularValues(), options);
    }

    @Override
    protected double unclippedEstimate(int user, int item) {
        if (user < 0 || user >= userCount() || item < 0 || item >= itemCount()) {
            return Double.NaN;
        }
        double s = 0;
        int pu = user * f;
        int qi = item * f;
        for (int t = 0; t < f; t++) {
            s += userFactors[pu + t] * itemFactors[qi + t];
        }
        return s;
    }

    @Override
    protected String impossibleReason(int user, int item) {
        return UNKNOWN;
    }

    @Override
    public void scoreItems(int user, double[] out) {
        checkScores(out);
        if (user < 0 || user >= userCount()) {
            java.util.Arrays.fill(out, globalMean());
            return;
        }
        int pu = user * f;
        for (int i = 0, qi = 0; i < out.length; i++, qi += f) {
            double s = 0;
            for (int t = 0; t < f; t++) {
                s += userFactors[pu + t] * itemFactors[qi + t];
            }
            out[i] = s;
        }
    }

    /** The singular values of the rating matrix, non-increasing; copied. */
    public double[] singularValues() {
        return singularValues.clone();
    }

    /** The options used. */
    public PureSvdOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return String.format("PureSVD: %d factors, %,d users x %,d items, leading singular value %.4f",
                f, userCount(), itemCount(), singularValues[0]);
    }
}
