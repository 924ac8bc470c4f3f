package dev.retention.recsys.svd;

import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.ModelSections;
import dev.retention.recsys.sparse.SvdOptions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * PureSVD fitted by {@link PureSvd#fit} (Cremonesi, Koren and Turrin, RecSys 2010, section 4.2): item factors
 * {@code Q} (the leading right singular vectors of the rating matrix with missing ratings as zeros) and user
 * factors {@code r_u Q}, scoring item {@code i} for user {@code u} by {@code r_u Q q_i^T}, the projection of the
 * user's rating row onto the item factors. Immutable and thread-safe.
 *
 * <p>PureSVD is a top-N model: its scores rank items; as rating estimates (clipped to the scale) they are poor,
 * because missing ratings count as zeros. A score O(f); {@link #scoreItems} O(items f).
 *
 * <p>Model file type {@value #MODEL_TYPE}, schema {@value #SCHEMA_VERSION}: besides the common sections of
 * {@link RatingModel}, {@code svd_options} (rank, oversampling, power iterations, threads), {@code svd_seed},
 * {@code user_factors}, {@code item_factors} and {@code singular_values} (finite).
 */
public final class PureSvdModel extends RatingModel {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "recsys-pure-svd";
    /** The schema version of this type's sections that this library writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private final int f;
    private final double[] userFactors;   // r_u Q, users x f
    private final double[] itemFactors;   // Q, items x f
    private final double[] singularValues;
    private final SvdOptions options;

    PureSvdModel(Ratings train, double[] userFactors, double[] itemFactors, double[] singularValues,
                 SvdOptions options, FitSummary fit) {
        this(Common.of(train, fit), userFactors, itemFactors, singularValues, options);
    }

    private PureSvdModel(Common common, double[] userFactors, double[] itemFactors, double[] singularValues,
                         SvdOptions options) {
        super("PureSVD", MODEL_TYPE, SCHEMA_VERSION, common);
        this.f = options.rank();
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.singularValues = singularValues;
        this.options = options;
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
            Arrays.fill(out, globalMean());
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

    /** {@return the number of factors {@code f}} */
    public int factors() {
        return f;
    }

    /** {@return the singular values of the rating matrix, non-increasing; a copy} */
    public double[] singularValues() {
        return singularValues.clone();
    }

    /** {@return the options used} */
    public SvdOptions options() {
        return options;
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        file.putInts("svd_options", new int[] {options.rank(), options.oversampling(), options.powerIterations(),
                        options.threads()})
                .putLong("svd_seed", options.seed())
                .putDoubles("user_factors", userFactors)
                .putDoubles("item_factors", itemFactors)
                .putDoubles("singular_values", singularValues);
    }

    /**
     * Reads a model written by {@link #toBytes()} or {@link #save}; it equals the saved model.
     *
     * @param file read; a checked model file
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another type, a newer schema, or sections that are missing,
     *                              malformed or refused (the message names the file)
     */
    public static PureSvdModel read(ModelFile file) throws ModelFormatException {
        file.requireType(MODEL_TYPE, SCHEMA_VERSION);
        return readModel(file, (f, common) -> {
            int[] o = f.ints("svd_options");
            ModelSections.requireLength(f, "svd_options", o.length, 4);
            SvdOptions options = new SvdOptions(o[0], o[1], o[2], f.longValue("svd_seed"), o[3]);
            if (options.rank() > Math.min(common.userCount(), common.itemCount())) {
                throw new ModelFormatException(f.source() + ": rank " + options.rank() + " exceeds min(users, items)"
                        + " = " + Math.min(common.userCount(), common.itemCount()));
            }
            double[] p = ModelSections.finiteDoubles(f, "user_factors", (long) common.userCount() * o[0]);
            double[] q = ModelSections.finiteDoubles(f, "item_factors", (long) common.itemCount() * o[0]);
            double[] s = ModelSections.finiteDoubles(f, "singular_values", o[0]);
            ModelSections.requireFiniteEstimates(f, "factors", (double) o[0] * ModelSections.maxAbs(p)
                    * ModelSections.maxAbs(q));
            return new PureSvdModel(common, p, q, s, options);
        });
    }

    @Override
    protected boolean sameParameters(RatingModel other) {
        PureSvdModel m = (PureSvdModel) other;
        return m.options.withThreads(1).equals(options.withThreads(1)) && Arrays.equals(m.userFactors, userFactors)
                && Arrays.equals(m.itemFactors, itemFactors) && Arrays.equals(m.singularValues, singularValues);
    }

    @Override
    protected int parameterHash() {
        return Objects.hash(options.withThreads(1), Arrays.hashCode(singularValues));
    }

    /** The factors and the data, the leading singular values as a table, and the fit summary. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "PureSVD: %d factors, %,d users x %,d items"
                + "%n%8s %14s%n", f, userCount(), itemCount(), "factor", "singular value"));
        for (int t = 0; t < Math.min(f, 10); t++) {
            sb.append(String.format(Locale.ROOT, "%8d %14.4f%n", t + 1, singularValues[t]));
        }
        if (f > 10) {
            sb.append(String.format(Locale.ROOT, "%8s%n", "..."));
        }
        return sb.append(fitSummary()).toString();
    }
}
