package dev.retention.lifetime.gammagamma;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.Estimates;
import dev.retention.lifetime.internal.Checks;
import dev.retention.lifetime.internal.LifetimeFiles;
import dev.retention.lifetime.internal.SpecialFunctions;
import dev.retention.model.FitSummary;
import dev.retention.model.Model;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.util.Locale;
import java.util.Objects;

/**
 * A Gamma-Gamma spend model with parameters {@code p} (shape of a customer's transaction values), {@code q} and
 * {@code v} (shape and rate of the gamma distribution of the customers' {@code nu}); fitted by
 * {@link GammaGamma#fit} or made from published parameters by {@link #of} (CDNOW: p = 6.25, q = 3.74,
 * v = 15.44). Immutable and thread-safe; saved as a model file of type {@value #MODEL_TYPE} and read back by
 * {@code Models.load(path, GammaGammaModel.class)}. Two models are equal when their parameters are; the
 * frequency-spend correlation of the fitting data, the estimates' standard errors and the fit summary are not
 * compared.
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
public final class GammaGammaModel implements Model {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "gamma-gamma";
    /**
     * The schema version of this type's sections: 2 since the model carries core's fit summary (sections
     * {@code fit.*}) and its {@link Estimates} ({@code parameters}, {@code estimates.*}), with
     * {@code frequency_spend_correlation}.
     */
    public static final int SCHEMA_VERSION = 2;

    private final double p;
    private final double q;
    private final double v;
    private final double correlation;
    private final Estimates estimates;
    private final FitSummary fit;
    private final boolean unusableAllowed;

    GammaGammaModel(double p, double q, double v, double correlation, Estimates estimates, FitSummary fit) {
        this(p, q, v, correlation, estimates, fit, false);
    }

    private GammaGammaModel(double p, double q, double v, double correlation, Estimates estimates, FitSummary fit,
                            boolean unusableAllowed) {
        this.unusableAllowed = unusableAllowed;
        this.p = p;
        this.q = q;
        this.v = v;
        this.correlation = correlation;
        this.estimates = estimates;
        this.fit = fit;
    }

    /**
     * {@return a model with the given parameters (the frequency-spend correlation is then unknown and reported as 0)}
     * Its
     * fit summary says the parameters were given.
     *
     * @param p shape of the spend per transaction, in [1e-15, 1e15]
     * @param q shape of the gamma of the spend rate, in [1e-15, 1e15]
     * @param v scale of the gamma of the spend rate, finite and &gt; 0
     * @throws IllegalArgumentException if {@code p} or {@code q} is outside [1e-15, 1e15], {@code v} is not finite and
     *                                  positive, or the mean spend {@code p v / (q - 1)} overflows
     */
    public static GammaGammaModel of(double p, double q, double v) {
        Checks.parameter("p", p);
        Checks.parameter("q", q);
        Checks.positive("v", v);
        if (q > 1 && !Double.isFinite(p * v / (q - 1))) {
            throw new IllegalArgumentException("the mean spend p v / (q - 1) must be finite, got p = " + p + ", q = "
                    + q + ", v = " + v);
        }
        return new GammaGammaModel(p, q, v, 0, Estimates.given(GammaGamma.NAME, GammaGamma.NAMES,
                new double[] {p, q, v}), FitSummary.given(GammaGamma.NAME, String.format(Locale.ROOT,
                "p = %s, q = %s, v = %s", p, q, v)));
    }

    /**
     * {@return this model, predicting even if its fit was judged {@link dev.retention.model.Verdict#UNUSABLE}} The
     * explicit opt-in: a model whose fit is UNUSABLE (an estimate on the end of the search box, a model the data do
     * not identify, a likelihood that is not finite) throws {@link IllegalStateException} from its expected spend
     * rather than give numbers nobody should trust; a caller who has read the verdict and wants them anyway asks
     * here. The copy is equal to this model; O(1).
     */
    public GammaGammaModel allowingUnusable() {
        return new GammaGammaModel(p, q, v, correlation, estimates, fit, true);
    }

    @Override
    public String modelType() {
        return MODEL_TYPE;
    }

    @Override
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }

    /** {@return the shape of a customer's transaction values} */
    public double p() {
        return p;
    }

    /** {@return the shape of the gamma distribution of nu} */
    public double q() {
        return q;
    }

    /** {@return the rate of the gamma distribution of nu, in currency units (gamma in the paper)} */
    public double v() {
        return v;
    }

    /** {@return the parameters {@code p, q, v}; a copy} */
    public double[] parameters() {
        return new double[] {p, q, v};
    }

    /**
     * {@return Pearson correlation between frequency and mean spend over the repeat customers of the fitting data: the
     * model assumes independence, so a value far from 0 (beyond +-0.3) is a warning in the fit summary} 0 for
     * given parameters.
     */
    public double frequencySpendCorrelation() {
        return correlation;
    }

    /** {@return the maximum-likelihood estimates with standard errors and log-likelihood (or the given parameters)} */
    public Estimates estimates() {
        return estimates;
    }

    @Override
    public FitSummary fitSummary() {
        return fit;
    }

    /** {@return the population mean transaction value {@code p v / (q - 1)}; {@code +Infinity} when {@code q <= 1}} */
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
        Checks.usable(fit, GammaGamma.NAME, unusableAllowed);
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
        if (!(denominator > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double e = p * (v + frequency * monetaryValue) / denominator;
        if (Double.isFinite(e)) {
            return e;
        }
        // the weighted mean of the population mean and the customer's own, which cannot overflow
        double weight = p * frequency / denominator;
        return (1 - weight) * (p * v / (q - 1)) + weight * monetaryValue;
    }

    /**
     * {@return {@link #expectedSpend(int, double)} of every customer of a summary}
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
     * {@return the log-likelihood of one repeat customer (FHL 2005, equation 3)}
     *
     * @param frequency     repeat transactions {@code x >= 0}
     * @param monetaryValue their mean value {@code m}, finite and {@code > 0} when {@code frequency > 0} (ignored
     *                      otherwise)
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

    /** The model file: the fit summary, the estimates and the frequency-spend correlation. O(1). */
    @Override
    public byte[] toBytes() {
        ModelFile.Writer w = ModelFile.writer(MODEL_TYPE, SCHEMA_VERSION);
        fit.writeTo(w);
        estimates.writeTo(w);
        return w.putDouble("frequency_spend_correlation", correlation).toBytes();
    }

    /**
     * Reads a model written by {@link #toBytes()}: {@code Models.load} calls this for files of type
     * {@value #MODEL_TYPE}.
     *
     * @param file read
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another type or schema, a section is missing, or a value is one
     *                              {@link #of} refuses (the message names the file)
     */
    public static GammaGammaModel read(ModelFile file) throws ModelFormatException {
        return LifetimeFiles.read(file, MODEL_TYPE, SCHEMA_VERSION, () -> {
            FitSummary fit = FitSummary.readFrom(file);
            Estimates estimates = Estimates.readFrom(file, GammaGamma.NAMES);
            double[] t = estimates.values();
            GammaGammaModel m = of(t[0], t[1], t[2]);
            double c = file.doubleValue("frequency_spend_correlation");
            if (!(Math.abs(c) <= 1)) {
                throw new IllegalArgumentException("frequency_spend_correlation must be in [-1, 1], got " + c);
            }
            return new GammaGammaModel(m.p, m.q, m.v, c, estimates, fit);
        });
    }

    /** Equal parameters. */
    @Override
    public boolean equals(Object o) {
        return o instanceof GammaGammaModel m && Double.compare(m.p, p) == 0 && Double.compare(m.q, q) == 0
                && Double.compare(m.v, v) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(p, q, v);
    }

    /** The parameters and mean spend on one line, then the estimates table and the fit summary. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Gamma-Gamma model: p = %.6g, q = %.6g, v = %.6g, mean spend %.4g, "
                + "frequency-spend correlation %.3f%n%s%s", p, q, v, meanSpend(), correlation, estimates, fit);
    }
}
