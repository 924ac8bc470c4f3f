package dev.retention.recsys.svd;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.FitSummary;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.RatingModelFiles;
import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.SparseOps;
import dev.retention.recsys.sparse.SvdOptions;
import dev.retention.recsys.sparse.TruncatedSvd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * PureSVD (P. Cremonesi, Y. Koren and R. Turrin, "Performance of recommender algorithms on top-N
 * recommendation tasks", RecSys 2010, section 4.2): the rank-{@code f} truncated SVD
 * {@code R ~ U S Q^T} of the user x item rating matrix with missing ratings as zeros, scoring item
 * {@code i} for user {@code u} by {@code r_u Q q_i^T}, the projection of the user's rating row onto the
 * item factors. The SVD is {@link TruncatedSvd} (randomized, seeded). Immutable and thread-safe; saved and
 * loaded with the model file format (type {@value #MODEL_TYPE}).
 *
 * <p>PureSVD is a top-N model: its scores rank items; as rating estimates (clipped to the scale) they are
 * poor, because missing ratings count as zeros. Fit O((q + 1) nnz (f + p) + (users + items)(f + p)^2);
 * a score O(f); {@link #scoreItems} O(items f).
 */
public final class PureSvd extends RatingModel {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "recsys-pure-svd";
    private static final Logger LOG = LoggerFactory.getLogger(PureSvd.class);

    private final int f;
    private final double[] userFactors;   // r_u Q, users x f
    private final double[] itemFactors;   // Q, items x f
    private final double[] singularValues;
    private final SvdOptions options;

    private PureSvd(Ratings train, int f, double[] userFactors, double[] itemFactors, double[] singularValues,
                    SvdOptions options, FitSummary fit) {
        super("PureSVD", train, fit);
        this.f = f;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.singularValues = singularValues;
        this.options = options;
    }

    private PureSvd(RatingModelFiles.Header h, double[] userFactors, double[] itemFactors, double[] singularValues,
                    SvdOptions options) {
        super("PureSVD", h.scale(), h.globalMean(), h.userCount(), h.itemCount(), h.fit());
        this.f = options.rank();
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
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("PureSVD with {} factors fitted on {} ratings in {} ms", f, train.size(), Math.round(seconds * 1000));
        FitSummary fit = new FitSummary("PureSVD", String.format(Locale.ROOT, "%d factors, oversampling %d, "
                + "%d power iterations, seed %d, %d thread%s", f, options.oversampling(), options.powerIterations(),
                options.seed(), options.parallelism(), options.parallelism() == 1 ? "" : "s"),
                String.format(Locale.ROOT, "randomized SVD (Halko et al. 2011) with a sketch of %d columns, a fixed "
                        + "number of power iterations (no stopping test); leading singular value %.4f",
                        svd.sketchColumns(), svd.singularValue(0)),
                options.powerIterations(), true, new double[0], seconds);
        return new PureSvd(train, f, p, q, svd.singularValues(), options, fit);
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
    protected String modelType() {
        return MODEL_TYPE;
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        file.putInts("svd_options", new int[] {options.rank(), options.oversampling(), options.powerIterations(),
                        options.parallelism()})
                .putLong("svd_seed", options.seed())
                .putDoubles("user_factors", userFactors)
                .putDoubles("item_factors", itemFactors)
                .putDoubles("singular_values", singularValues);
    }

    /**
     * Reads a model written by {@link #save(Path)}; its scores equal the saved model's.
     *
     * @throws ModelFormatException if the file is not a valid model file of this type
     * @throws IOException          if it cannot be read
     */
    public static PureSvd load(Path path) throws IOException {
        return RatingModelFiles.read(path, MODEL_TYPE, (file, h) -> {
            int[] o = file.ints("svd_options");
            RatingModelFiles.requireLength(file, "svd_options", o.length, 4);
            SvdOptions options = new SvdOptions(o[0], o[1], o[2], file.longValue("svd_seed"), o[3]);
            double[] p = RatingModelFiles.finiteDoubles(file, "user_factors", (long) h.userCount() * o[0]);
            double[] q = RatingModelFiles.finiteDoubles(file, "item_factors", (long) h.itemCount() * o[0]);
            double[] s = RatingModelFiles.finiteDoubles(file, "singular_values", o[0]);
            return new PureSvd(h, p, q, s, options);
        });
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PureSVD: %d factors, %,d users x %,d items, leading singular value %.4f%n%s",
                f, userCount(), itemCount(), singularValues[0], fitSummary());
    }
}
