package dev.retention.recsys.baseline;

import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.random.Seeds;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Ratings;

import java.util.Locale;
import java.util.Objects;

/**
 * Predicts a random rating drawn from the normal distribution {@code N(mu, sigma^2)} fitted by
 * {@link NormalPredictor#fit} (Surprise's {@code NormalPredictor}). To stay immutable, thread-safe and
 * reproducible, the draw for a (user, item) pair is a function of the seed and the pair: the pair is hashed
 * with the library's seed mixer ({@link Seeds#split}, SplitMix64) and turned into a standard normal by the
 * Box-Muller transform, so asking twice gives the same estimate. Predict O(1).
 *
 * <p>Model file type {@value #MODEL_TYPE}, schema {@value #SCHEMA_VERSION}: besides the common sections of
 * {@link RatingModel}, {@code sigma} (in {@code [0, (max - min) / 2]}, the largest standard deviation of ratings
 * on the scale) and {@code seed}.
 */
public final class NormalPredictorModel extends RatingModel {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "recsys-normal-predictor";
    /** The schema version of this type's sections that this library writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private final double sigma;
    private final NormalPredictorOptions options;

    NormalPredictorModel(Ratings train, double sigma, NormalPredictorOptions options, FitSummary fit) {
        this(Common.of(train, fit), sigma, options);
    }

    private NormalPredictorModel(Common common, double sigma, NormalPredictorOptions options) {
        super("NormalPredictor", MODEL_TYPE, SCHEMA_VERSION, common);
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
        this.sigma = sigma;
        this.options = options;
    }

    @Override
    protected double unclippedEstimate(int user, int item) {
        long seed = options.seed();
        long h = Seeds.split(seed ^ Seeds.split(((long) user << 32) ^ (item & 0xFFFFFFFFL), 0), 0);
        double u1 = ((h >>> 11) + 1) * 0x1.0p-53;              // (0, 1]
        double u2 = (Seeds.split(h, 0) >>> 11) * 0x1.0p-53;    // [0, 1)
        double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        return globalMean() + sigma * z;
    }

    @Override
    protected String impossibleReason(int user, int item) {
        return "";
    }

    /** {@return the fitted mean} */
    public double mu() {
        return globalMean();
    }

    /** {@return the fitted standard deviation} */
    public double sigma() {
        return sigma;
    }

    /** {@return the options used} */
    public NormalPredictorOptions options() {
        return options;
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        file.putDouble("sigma", sigma).putLong("seed", options.seed());
    }

    /**
     * Reads a model written by {@link #toBytes()} or {@link #save}; it equals the saved model and draws the
     * same predictions.
     *
     * @param file read; a checked model file
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another type, a newer schema, or sections that are missing,
     *                              malformed or refused (the message names the file)
     */
    public static NormalPredictorModel read(ModelFile file) throws ModelFormatException {
        file.requireType(MODEL_TYPE, SCHEMA_VERSION);
        return readModel(file, (f, common) -> {
            double sigma = f.doubleValue("sigma");
            double largest = (common.scale().max() - common.scale().min()) / 2;
            if (!(sigma <= largest * (1 + 1e-12))) {   // rounding of a fit at the largest spread
                throw new ModelFormatException(f.source() + ": sigma " + sigma + " exceeds half the scale "
                        + common.scale() + ", " + largest + ", the largest standard deviation of ratings on it");
            }
            return new NormalPredictorModel(common, sigma, new NormalPredictorOptions(f.longValue("seed")));
        });
    }

    @Override
    protected boolean sameParameters(RatingModel other) {
        NormalPredictorModel m = (NormalPredictorModel) other;
        return Double.compare(m.sigma, sigma) == 0 && m.options.equals(options);
    }

    @Override
    protected int parameterHash() {
        return Objects.hash(sigma, options);
    }

    /** The parameters as a table, then the fit summary. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NormalPredictor: N(mu, sigma^2) over %,d users x %,d items%n"
                + "  %-9s %12s%n  %-9s %12.4f%n  %-9s %12.4f%n  %-9s %12d%n%s", userCount(), itemCount(),
                "parameter", "value", "mu", globalMean(), "sigma", sigma, "seed", options.seed(), fitSummary());
    }
}
