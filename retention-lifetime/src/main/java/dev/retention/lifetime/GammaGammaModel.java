package dev.retention.lifetime;

import dev.retention.lifetime.internal.SpecialFunctions;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A Gamma-Gamma spend model with parameters {@code p} (shape of a customer's transaction values), {@code q} and
 * {@code v} (shape and rate of the gamma distribution of the customers' {@code nu}); fitted by
 * {@link GammaGamma#fit} or made from published parameters by {@link #of} (CDNOW: p = 6.25, q = 3.74,
 * v = 15.44). Immutable and thread-safe; saved and loaded with the model file format (type
 * {@value #MODEL_TYPE}).
 *
 * <p>The expected mean transaction value of a customer with {@code x} repeat transactions of mean {@code m} is
 * (Fader, Hardie and Lee 2005, equation 5)
 * <pre>
 * E[M | x, m] = p (v + x m) / (p x + q - 1)
 *             = (q - 1) / (p x + q - 1) * p v / (q - 1) + p x / (p x + q - 1) * m
 * </pre>
 * a weighted mean of the population mean {@code p v / (q - 1)} and the customer's own mean; a customer without
 * repeat purchases gets the population mean. Both need {@code q > 1} (more precisely {@code p x + q > 1}); where
 * the mean does not exist the methods return {@code +Infinity}, never NaN.
 */
public final class GammaGammaModel {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "gamma-gamma";
    private static final String[] NAMES = {"p", "q", "v"};

    private final double p;
    private final double q;
    private final double v;
    private final double correlation;
    private final LifetimeFitSummary fit;

    GammaGammaModel(double p, double q, double v, double correlation, LifetimeFitSummary fit) {
        this.p = p;
        this.q = q;
        this.v = v;
        this.correlation = correlation;
        this.fit = fit;
    }

    /**
     * A model with the given parameters (the frequency-spend correlation is then unknown and reported as 0).
     *
     * @throws IllegalArgumentException if a parameter is not finite and positive
     */
    public static GammaGammaModel of(double p, double q, double v) {
        Checks.positive("p", p);
        Checks.positive("q", q);
        Checks.positive("v", v);
        return new GammaGammaModel(p, q, v, 0, LifetimeFitSummary.given("Gamma-Gamma", NAMES, new double[] {p, q, v}));
    }

    /** Shape of a customer's transaction values. */
    public double p() {
        return p;
    }

    /** Shape of the gamma distribution of nu. */
    public double q() {
        return q;
    }

    /** Rate of the gamma distribution of nu, in currency units (gamma in the paper). */
    public double v() {
        return v;
    }

    /** The parameters {@code p, q, v}; a copy. */
    public double[] parameters() {
        return new double[] {p, q, v};
    }

    /**
     * Pearson correlation between frequency and mean spend over the repeat customers of the fitting data: the
     * model assumes independence, so a value far from 0 (say beyond +-0.3) is a warning. 0 for given parameters.
     */
    public double frequencySpendCorrelation() {
        return correlation;
    }

    /** How the model was fitted (or that its parameters were given). */
    public LifetimeFitSummary fitSummary() {
        return fit;
    }

    /** The population mean transaction value {@code p v / (q - 1)}; {@code +Infinity} when {@code q <= 1}. */
    public double meanSpend() {
        return q > 1 ? p * v / (q - 1) : Double.POSITIVE_INFINITY;
    }

    /**
     * The expected mean transaction value of a customer: {@code p (v + x m) / (p x + q - 1)}, or the population
     * mean when {@code frequency} is 0.
     *
     * @param frequency     repeat transactions {@code x >= 0}
     * @param monetaryValue their mean value {@code m}, finite and {@code > 0} when {@code frequency > 0}
     *                      (ignored otherwise)
     * @return the expected spend; {@code +Infinity} where the mean does not exist ({@code p x + q <= 1})
     * @throws IllegalArgumentException if {@code frequency < 0} or a repeat customer's value is not positive
     */
    public double expectedSpend(int frequency, double monetaryValue) {
        if (frequency < 0) {
            throw new IllegalArgumentException("frequency must be >= 0, got " + frequency);
        }
        if (frequency == 0) {
            return meanSpend();
        }
        if (!(monetaryValue > 0) || Double.isInfinite(monetaryValue)) {
            throw new IllegalArgumentException("monetaryValue must be finite and > 0 for a repeat customer, got "
                    + monetaryValue);
        }
        double denominator = p * frequency + q - 1;
        return denominator > 0 ? p * (v + frequency * monetaryValue) / denominator : Double.POSITIVE_INFINITY;
    }

    /**
     * {@link #expectedSpend(int, double)} of every customer of a summary.
     *
     * @param summary read
     * @throws IllegalArgumentException if a repeat customer's monetary value is not positive
     */
    public double[] expectedSpend(CustomerSummary summary) {
        double[] e = new double[summary.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = expectedSpend(summary.frequency(i), summary.monetaryValue(i));
        }
        return e;
    }

    /**
     * The log-likelihood of one repeat customer (FHL 2005, equation 3).
     *
     * @throws IllegalArgumentException if {@code frequency < 1} or {@code monetaryValue <= 0}
     */
    public double logLikelihood(int frequency, double monetaryValue) {
        if (frequency < 1 || !(monetaryValue > 0) || Double.isInfinite(monetaryValue)) {
            throw new IllegalArgumentException("the Gamma-Gamma likelihood needs frequency >= 1 and a finite positive"
                    + " mean spend, got frequency " + frequency + " and mean spend " + monetaryValue);
        }
        double px = p * frequency;
        return SpecialFunctions.logGammaRatio(px + q, px)
                - SpecialFunctions.logGamma(q) + q * Math.log(v)
                + (px - 1) * Math.log(monetaryValue) + px * Math.log(frequency)
                - (px + q) * Math.log(v + frequency * monetaryValue);
    }

    /**
     * Writes the model as a model file.
     *
     * @throws IOException if the file cannot be written
     */
    public void save(Path path) throws IOException {
        writer().write(path);
    }

    /** The model as model-file bytes. */
    public byte[] toBytes() {
        return writer().toBytes();
    }

    private ModelFile.Writer writer() {
        return LifetimeModelFiles.writer(MODEL_TYPE, parameters(), fit)
                .putDouble("frequency_spend_correlation", correlation);
    }

    /**
     * Reads a model written by {@link #save(Path)}.
     *
     * @throws ModelFormatException if the file is not a valid {@value #MODEL_TYPE} model file
     * @throws IOException          if it cannot be read
     */
    public static GammaGammaModel load(Path path) throws IOException {
        return from(ModelFile.read(path));
    }

    /** Reads a model from model-file bytes, as written by {@link #toBytes()}. */
    public static GammaGammaModel fromBytes(byte[] bytes, String source) throws ModelFormatException {
        return from(ModelFile.parse(bytes, source));
    }

    private static GammaGammaModel from(ModelFile f) throws ModelFormatException {
        return LifetimeModelFiles.read(f, MODEL_TYPE, 3, (t, fit) -> {
            GammaGammaModel m = of(t[0], t[1], t[2]);
            double c = f.doubleValue("frequency_spend_correlation");
            if (!(Math.abs(c) <= 1)) {
                throw new IllegalArgumentException("frequency_spend_correlation must be in [-1, 1], got " + c);
            }
            return new GammaGammaModel(m.p, m.q, m.v, c, fit);
        });
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Gamma-Gamma model: p = %.6g, q = %.6g, v = %.6g, mean spend %.4g, "
                + "frequency-spend correlation %.3f%n%s", p, q, v, meanSpend(), correlation, fit);
    }
}
