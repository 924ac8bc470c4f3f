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
    private final SvdOptions options;

    private PureSvd(Ratings train, int f, double[] userFactors, double[] itemFactors, double[] singularValues,
                    SvdOptions options) {
        super("PureSVD", train);
        this.f = f;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.singularValues = singularValues;
        this.options = options;
    }

    /** The default number of factors, 50 (Cremonesi et al. report 50 on MovieLens, 150 on Netflix). */
    public static final int DEFAULT_FACTORS = 50;

    /**
     * Fits the factors.
     *
     * @param train   read
     * @param options the randomized SVD: its {@code rank} is the number of factors {@code f} (use
     *                {@code SvdOptions.defaults().withRank(PureSvd.DEFAULT_FACTORS)} for the default),
     *                oversampling, power iterations, seed and parallelism (the model does not depend on it)
     * @throws IllegalArgumentException if the rank exceeds {@code min(users, items)}
     */
    public static PureSvd fit(Ratings train, SvdOptions options) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(options, "options");
        int f = options.rank();
        int limit = Math.min(train.userCount(), train.itemCount());
        if (f > limit) {
            throw new IllegalArgumentException("factors (the rank) must be in [1, min(users, items) = " + limit
                    + "], got " + f);
        }
        long start = System.nanoTime();
        CsrMatrix r = train.byUser();
        TruncatedSvd svd = TruncatedSvd.compute(r, options);
        double[] q = svd.v();
        double[] p = SparseOps.mult(r, q, f, null, options.parallelism());
        LOG.info("PureSVD with {} factors fitted on {} ratings in {} ms", f, train.size(),
                (System.nanoTime() - start) / 1_000_000);
        return new PureSvd(train, f, p, q, svd.singularValues(), options);
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
    public SvdOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return String.format("PureSVD: %d factors, %,d users x %,d items, leading singular value %.4f",
                f, userCount(), itemCount(), singularValues[0]);
    }
}
