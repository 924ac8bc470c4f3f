package dev.retention.lifetime.bgnbd;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.Estimates;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.PurchaseModel;
import dev.retention.lifetime.internal.BgNbdFormulas;
import dev.retention.lifetime.internal.BgNbdLikelihood;
import dev.retention.lifetime.internal.Checks;
import dev.retention.lifetime.internal.LifetimeFiles;
import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.parallel.Workers;

import java.util.Locale;
import java.util.Objects;

/**
 * A BG/NBD or MBG/NBD purchase model with parameters {@code r, alpha} (gamma distribution of purchase rates,
 * {@code alpha} in the model's unit) and {@code a, b} (beta distribution of dropout probabilities), fitted by
 * {@link BgNbd#fit} or made from published parameters by {@link #of}. Immutable and thread-safe; saved as a model
 * file of type {@value #MODEL_TYPE} ({@link #toBytes()}, {@link #save}) and read back by
 * {@code Models.load(path, BgNbdModel.class)}. Two models are equal when they have the same variant, unit and
 * parameters, which decide every prediction; the estimates' standard errors and the fit summary are not compared.
 *
 * <p>Formulas (Fader, Hardie and Lee 2005, equations 8 to 10, and their note "Computing P(alive) using the
 * BG/NBD model"; Batislam et al. 2007 for the MBG/NBD), all evaluated in log space or in forms without
 * cancellation, so that large frequencies and ages give finite answers:
 * <ul>
 *   <li>{@link #probabilityAlive}: {@code 1 / (1 + [x > 0] a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x))}
 *       (MBG/NBD: {@code a / (b + x)}, for every {@code x});</li>
 *   <li>{@link #expectedPurchasesNewCustomer}: {@code (a + b - 1) / (a - 1) [1 - (alpha / (alpha + t))^r
 *       2F1(r, b; a + b - 1; t / (alpha + t))]};</li>
 *   <li>{@link #expectedPurchases}: P(alive) times the same with {@code (r + x, alpha + T, a, b + x)};</li>
 *   <li>{@link #probabilityOfPurchases}: equation 8.</li>
 * </ul>
 */
public final class BgNbdModel implements PurchaseModel {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "bgnbd";
    /**
     * The schema version of this type's sections: 2 since the model carries core's fit summary (sections
     * {@code fit.*}) and its {@link Estimates} ({@code parameters}, {@code estimates.*}), with {@code variant} and
     * {@code unit}.
     */
    public static final int SCHEMA_VERSION = 2;

    /** Which dropout process. */
    public enum Variant {
        /** Dropout after each repeat purchase (Fader, Hardie and Lee 2005). */
        BG_NBD("BG/NBD"),
        /** Dropout after every purchase, including the first (Batislam, Denizel and Filiztekin 2007). */
        MBG_NBD("MBG/NBD");

        private final String label;

        Variant(String label) {
            this.label = label;
        }

        /** {@return {@code "BG/NBD"} or {@code "MBG/NBD"}} */
        public String label() {
            return label;
        }
    }

    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final Variant variant;
    private final PeriodUnit unit;
    private final Estimates estimates;
    private final FitSummary fit;
    private final boolean unusableAllowed;

    BgNbdModel(double r, double alpha, double a, double b, Variant variant, PeriodUnit unit, Estimates estimates,
               FitSummary fit) {
        this(r, alpha, a, b, variant, unit, estimates, fit, false);
    }

    private BgNbdModel(double r, double alpha, double a, double b, Variant variant, PeriodUnit unit,
                       Estimates estimates, FitSummary fit, boolean unusableAllowed) {
        this.unusableAllowed = unusableAllowed;
        this.r = r;
        this.alpha = alpha;
        this.a = a;
        this.b = b;
        this.variant = variant;
        this.unit = unit;
        this.estimates = estimates;
        this.fit = fit;
    }

    /**
     * {@return a model with the given parameters, for example published ones (CDNOW in weeks: r = 0.243,
     * alpha = 4.414, a = 0.793, b = 2.426)} Its fit summary says the parameters were given.
     *
     * @param r       shape of the purchase-rate gamma, in [1e-15, 1e15]
     * @param alpha   rate of the purchase-rate gamma, in [1e-15, 1e15]
     * @param a       first shape of the dropout beta, in [1e-15, 1e15]
     * @param b       second shape of the dropout beta, in [1e-15, 1e15]
     * @param variant BG/NBD or MBG/NBD
     * @param unit    the period the rates are per
     * @throws IllegalArgumentException if a parameter is outside [1e-15, 1e15], where every prediction is evaluated
     *                                  accurately with bounded work
     */
    public static BgNbdModel of(double r, double alpha, double a, double b, Variant variant, PeriodUnit unit) {
        Checks.parameter("r", r);
        Checks.parameter("alpha", alpha);
        Checks.parameter("a", a);
        Checks.parameter("b", b);
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(unit, "unit");
        return new BgNbdModel(r, alpha, a, b, variant, unit,
                Estimates.given(variant.label(), BgNbd.NAMES, new double[] {r, alpha, a, b}),
                FitSummary.given(variant.label(), parameterText(r, alpha, a, b, unit)));
    }

    private static String parameterText(double r, double alpha, double a, double b, PeriodUnit unit) {
        return String.format(Locale.ROOT, "r = %s, alpha = %s %ss, a = %s, b = %s", r, alpha, unit.label(), a, b);
    }

    /**
     * {@return this model, predicting even if its fit was judged {@link dev.retention.model.Verdict#UNUSABLE}} The
     * explicit opt-in: a model whose fit is UNUSABLE (an estimate on the end of the search box, a model the data do
     * not identify, a likelihood that is not finite) throws {@link IllegalStateException} from its P(alive) and expected purchases
     * rather than give numbers nobody should trust; a caller who has read the verdict and wants them anyway asks
     * here. The copy is equal to this model; O(1).
     */
    @Override
    public BgNbdModel allowingUnusable() {
        return new BgNbdModel(r, alpha, a, b, variant, unit, estimates, fit, true);
    }

    @Override
    public String modelType() {
        return MODEL_TYPE;
    }

    @Override
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }

    @Override
    public String name() {
        return variant.label();
    }

    /** {@return the shape of the gamma distribution of purchase rates} */
    public double r() {
        return r;
    }

    /** {@return the rate (scale in time units) of the gamma distribution of purchase rates} */
    public double alpha() {
        return alpha;
    }

    /** {@return the first shape of the beta distribution of dropout probabilities} */
    public double a() {
        return a;
    }

    /** {@return the second shape of the beta distribution of dropout probabilities} */
    public double b() {
        return b;
    }

    /** {@return BG/NBD or MBG/NBD} */
    public Variant variant() {
        return variant;
    }

    @Override
    public PeriodUnit unit() {
        return unit;
    }

    @Override
    public double[] parameters() {
        return new double[] {r, alpha, a, b};
    }

    @Override
    public Estimates estimates() {
        return estimates;
    }

    @Override
    public FitSummary fitSummary() {
        return fit;
    }

    private boolean modified() {
        return variant == Variant.MBG_NBD;
    }

    @Override
    public double probabilityAlive(int frequency, double recency, double age) {
        Checks.usable(fit, variant.label(), unusableAllowed);
        Checks.history(frequency, recency, age);
        return BgNbdFormulas.probabilityAlive(frequency, recency, age, r, alpha, a, b, modified());
    }

    /**
     * {@inheritDoc} The series behind it has at most a few thousand terms while {@code t <= 99 (alpha + T)}.
     */
    @Override
    public double expectedPurchases(double t, int frequency, double recency, double age) {
        Checks.usable(fit, variant.label(), unusableAllowed);
        Checks.horizon(t);
        Checks.history(frequency, recency, age);
        return BgNbdFormulas.expectedConditional(t, frequency, recency, age, r, alpha, a, b, modified());
    }

    @Override
    public double expectedPurchasesNewCustomer(double t) {
        Checks.usable(fit, variant.label(), unusableAllowed);
        Checks.horizon(t);
        return BgNbdFormulas.expectedNew(t, r, alpha, a, b, modified());
    }

    /**
     * {@return the probability that a new customer makes exactly {@code k} repeat purchases in {@code (0, t]} (FHL eq.
     * 8;
     * for the MBG/NBD, {@code [k = 0] a / (a + b) + b / (a + b)} times eq. 8 with {@code b + 1})} Bounded work
     * whatever {@code k} and the parameters: at most 100,000 series terms, beyond which the negative binomial tail is
     * the regularized incomplete beta function by its continued fraction.
     *
     * @param k number of purchases, {@code >= 0}
     * @param t horizon, finite and {@code >= 0}
     * @throws IllegalArgumentException if {@code k < 0} or {@code t} is invalid
     */
    public double probabilityOfPurchases(int k, double t) {
        Checks.usable(fit, variant.label(), unusableAllowed);
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        Checks.horizon(t);
        return BgNbdFormulas.probabilityOfPurchases(k, t, r, alpha, a, b, modified());
    }

    /**
     * {@return the log-likelihood of one customer's history under this model (FHL eq. 6)}
     *
     * @param frequency repeat purchases {@code x}, &gt;= 0
     * @param recency   time of the last purchase {@code t_x}, in units, in [0, age]
     * @param age       time since the first purchase {@code T}, in units
     * @throws IllegalArgumentException if the history is invalid
     */
    public double logLikelihood(int frequency, double recency, double age) {
        Checks.history(frequency, recency, age);
        return BgNbdFormulas.logLikelihood(frequency, recency, age, r, alpha, a, b, modified());
    }

    @Override
    public double logLikelihood(CustomerSummary summary) {
        summary.requireUnit(unit, name());
        if (summary.size() == 0) {
            return 0;
        }
        BgNbdLikelihood likelihood = new BgNbdLikelihood(summary.frequencies(), summary.recencies(), summary.ages(),
                modified());
        try (Workers one = Workers.create(1)) {
            return likelihood.logLikelihood(r, alpha, a, b, null, one);
        }
    }

    /** The model file: the fit summary, the estimates, the variant and the unit. O(1). */
    @Override
    public byte[] toBytes() {
        ModelFile.Writer w = ModelFile.writer(MODEL_TYPE, SCHEMA_VERSION);
        fit.writeTo(w);
        estimates.writeTo(w);
        return w.putString("variant", variant.name()).putString("unit", unit.name()).toBytes();
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
    public static BgNbdModel read(ModelFile file) throws ModelFormatException {
        return LifetimeFiles.read(file, MODEL_TYPE, SCHEMA_VERSION, () -> {
            FitSummary fit = FitSummary.readFrom(file);
            Estimates estimates = Estimates.readFrom(file, BgNbd.NAMES);
            double[] p = estimates.values();
            BgNbdModel m = of(p[0], p[1], p[2], p[3], Variant.valueOf(file.string("variant")),
                    PeriodUnit.valueOf(file.string("unit")));
            if (!estimates.model().equals(m.name())) {
                throw new IllegalArgumentException("the estimates are of a " + estimates.model() + " model, the "
                        + "variant is " + m.name());
            }
            return new BgNbdModel(m.r, m.alpha, m.a, m.b, m.variant, m.unit, estimates, fit);
        });
    }

    /** Equal variant, unit and parameters. */
    @Override
    public boolean equals(Object o) {
        return o instanceof BgNbdModel m && m.variant == variant && m.unit == unit && Double.compare(m.r, r) == 0
                && Double.compare(m.alpha, alpha) == 0 && Double.compare(m.a, a) == 0 && Double.compare(m.b, b) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(variant, unit, r, alpha, a, b);
    }

    /** The parameters on one line, then the estimates table and the fit summary. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s model (unit %s): r = %.6g, alpha = %.6g, a = %.6g, b = %.6g%n%s%s",
                variant.label(), unit.label(), r, alpha, a, b, estimates, fit);
    }
}
