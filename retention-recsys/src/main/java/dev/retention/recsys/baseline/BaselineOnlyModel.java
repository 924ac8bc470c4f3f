package dev.retention.recsys.baseline;

import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Verdict;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.ModelSections;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The baseline predictor {@code r_ui = mu + b_u + b_i} fitted by {@link BaselineOnly#fit} (Surprise's
 * {@code BaselineOnly}). An unknown user or item contributes a bias of 0, so a prediction is impossible only when
 * the fit diverged (verdict {@code UNUSABLE}): then every prediction is the global mean, flagged with the fit's
 * message.
 * Immutable and thread-safe; predict O(1).
 *
 * <p>Model file type {@value #MODEL_TYPE}, schema {@value #SCHEMA_VERSION}: besides the common sections of
 * {@link RatingModel}, {@code user_biases}, {@code item_biases} (finite) and the options
 * ({@code baseline_method}, {@code baseline_epochs}, {@code baseline_params}). Load with
 * {@code Models.load(path, BaselineOnlyModel.class)}.
 */
public final class BaselineOnlyModel extends RatingModel {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "recsys-baseline-only";
    /** The schema version of this type's sections that this library writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private final double[] bu;
    private final double[] bi;
    private final BaselineOptions options;
    private final boolean diverged;

    BaselineOnlyModel(Ratings train, double[] bu, double[] bi, BaselineOptions options, FitSummary fit) {
        this(Common.of(train, fit), bu, bi, options);
    }

    private BaselineOnlyModel(Common common, double[] bu, double[] bi, BaselineOptions options) {
        super("BaselineOnly", MODEL_TYPE, SCHEMA_VERSION, common);
        this.bu = bu;
        this.bi = bi;
        this.options = options;
        this.diverged = common.fitSummary().verdict() == Verdict.UNUSABLE;
    }

    @Override
    protected double unclippedEstimate(int user, int item) {
        if (diverged) {
            return Double.NaN;
        }
        double e = globalMean();
        if (user >= 0 && user < bu.length) {
            e += bu[user];
        }
        if (item >= 0 && item < bi.length) {
            e += bi[item];
        }
        return e;
    }

    @Override
    protected String impossibleReason(int user, int item) {
        return diverged ? fitSummary().warnings().get(0) : UNKNOWN;
    }

    /** {@return the global mean {@code mu}} */
    public double mu() {
        return globalMean();
    }

    /** {@return the user biases, one per user of the id space; a copy} */
    public double[] userBiases() {
        return bu.clone();
    }

    /** {@return the item biases, one per item of the id space; a copy} */
    public double[] itemBiases() {
        return bi.clone();
    }

    /** {@return the options used} */
    public BaselineOptions options() {
        return options;
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        file.putDoubles("user_biases", bu).putDoubles("item_biases", bi);
        options.writeTo(file, "baseline");
    }

    /**
     * Reads a model written by {@link #toBytes()} or {@link #save}; it equals the saved model.
     *
     * @param file read; a checked model file
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another type, a newer schema, or sections that are missing,
     *                              malformed or refused (the message names the file)
     */
    public static BaselineOnlyModel read(ModelFile file) throws ModelFormatException {
        file.requireType(MODEL_TYPE, SCHEMA_VERSION);
        return readModel(file, (f, common) -> {
            double[] bu = ModelSections.finiteDoubles(f, "user_biases", common.userCount());
            double[] bi = ModelSections.finiteDoubles(f, "item_biases", common.itemCount());
            ModelSections.requireFiniteEstimates(f, "biases", Math.abs(common.globalMean()) + ModelSections.maxAbs(bu)
                    + ModelSections.maxAbs(bi));
            return new BaselineOnlyModel(common, bu, bi, BaselineOptions.readFrom(f, "baseline"));
        });
    }

    @Override
    protected boolean sameParameters(RatingModel other) {
        BaselineOnlyModel m = (BaselineOnlyModel) other;
        return m.options.equals(options) && Arrays.equals(m.bu, bu) && Arrays.equals(m.bi, bi);
    }

    @Override
    protected int parameterHash() {
        return Objects.hash(options, Arrays.hashCode(bu), Arrays.hashCode(bi));
    }

    /** The options, mu, the users and items with the largest biases by external id, and the fit summary. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BaselineOnly (%s): mu %.4f, %,d user biases, %,d item biases%n", options,
                globalMean(), bu.length, bi.length)
                + largest("items with the largest bias b_i", items(), bi, 5, "%.4f")
                + largest("users with the largest bias b_u", users(), bu, 5, "%.4f")
                + fitSummary();
    }
}
