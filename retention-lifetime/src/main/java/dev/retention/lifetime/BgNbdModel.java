package dev.retention.lifetime;

import dev.retention.lifetime.internal.BgNbdFormulas;
import dev.retention.lifetime.internal.BgNbdLikelihood;
import dev.retention.lifetime.internal.BlockReduction;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A BG/NBD or MBG/NBD purchase model with parameters {@code r, alpha} (gamma distribution of purchase rates,
 * {@code alpha} in the model's unit) and {@code a, b} (beta distribution of dropout probabilities), fitted by
 * {@link BgNbd#fit} or made from published parameters by {@link #of}. Immutable and thread-safe; saved and loaded
 * with the model file format (type {@value #MODEL_TYPE}).
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

        /** {@code "BG/NBD"} or {@code "MBG/NBD"}. */
        public String label() {
            return label;
        }
    }

    private static final String[] NAMES = {"r", "alpha", "a", "b"};

    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final Variant variant;
    private final PeriodUnit unit;
    private final LifetimeFitSummary fit;

    BgNbdModel(double r, double alpha, double a, double b, Variant variant, PeriodUnit unit, LifetimeFitSummary fit) {
        this.r = r;
        this.alpha = alpha;
        this.a = a;
        this.b = b;
        this.variant = variant;
        this.unit = unit;
        this.fit = fit;
    }

    /**
     * A model with the given parameters, for example published ones (CDNOW in weeks: r = 0.243,
     * alpha = 4.414, a = 0.793, b = 2.426).
     *
     * @throws IllegalArgumentException if a parameter is not finite and positive
     */
    public static BgNbdModel of(double r, double alpha, double a, double b, Variant variant, PeriodUnit unit) {
        Checks.positive("r", r);
        Checks.positive("alpha", alpha);
        Checks.positive("a", a);
        Checks.positive("b", b);
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(unit, "unit");
        return new BgNbdModel(r, alpha, a, b, variant, unit,
                LifetimeFitSummary.given(variant.label(), NAMES, new double[] {r, alpha, a, b}));
    }

    @Override
    public String name() {
        return variant.label();
    }

    /** The shape of the gamma distribution of purchase rates. */
    public double r() {
        return r;
    }

    /** The rate (scale in time units) of the gamma distribution of purchase rates. */
    public double alpha() {
        return alpha;
    }

    /** The first shape of the beta distribution of dropout probabilities. */
    public double a() {
        return a;
    }

    /** The second shape of the beta distribution of dropout probabilities. */
    public double b() {
        return b;
    }

    /** BG/NBD or MBG/NBD. */
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
    public LifetimeFitSummary fitSummary() {
        return fit;
    }

    private boolean modified() {
        return variant == Variant.MBG_NBD;
    }

    @Override
    public double probabilityAlive(int frequency, double recency, double age) {
        Checks.history(frequency, recency, age);
        return BgNbdFormulas.probabilityAlive(frequency, recency, age, r, alpha, a, b, modified());
    }

    /**
     * {@inheritDoc} The series behind it has at most a few thousand terms while {@code t <= 99 (alpha + T)}.
     */
    @Override
    public double expectedPurchases(double t, int frequency, double recency, double age) {
        Checks.horizon(t);
        Checks.history(frequency, recency, age);
        return BgNbdFormulas.expectedConditional(t, frequency, recency, age, r, alpha, a, b, modified());
    }

    @Override
    public double expectedPurchasesNewCustomer(double t) {
        Checks.horizon(t);
        return BgNbdFormulas.expectedNew(t, r, alpha, a, b, modified());
    }

    /**
     * The probability that a new customer makes exactly {@code k} repeat purchases in {@code (0, t]} (FHL eq. 8;
     * for the MBG/NBD, {@code [k = 0] a / (a + b) + b / (a + b)} times eq. 8 with {@code b + 1}). O(k) time.
     *
     * @param k number of purchases, {@code >= 0}
     * @param t horizon, finite and {@code >= 0}
     * @throws IllegalArgumentException if {@code k < 0} or {@code t} is invalid
     */
    public double probabilityOfPurchases(int k, double t) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        Checks.horizon(t);
        return BgNbdFormulas.probabilityOfPurchases(k, t, r, alpha, a, b, modified());
    }

    /** The log-likelihood of one customer's history under this model (FHL eq. 6). */
    public double logLikelihood(int frequency, double recency, double age) {
        Checks.history(frequency, recency, age);
        return BgNbdFormulas.logLikelihood(frequency, recency, age, r, alpha, a, b, modified());
    }

    @Override
    public double logLikelihood(CustomerSummary summary) {
        Checks.sameUnit(this, summary);
        if (summary.size() == 0) {
            return 0;
        }
        BgNbdLikelihood likelihood = new BgNbdLikelihood(summary.frequencyView(), summary.recencyView(),
                summary.ageView(), modified());
        try (BlockReduction blocks = new BlockReduction(summary.size(), 5, 1)) {
            return likelihood.logLikelihood(r, alpha, a, b, null, blocks);
        }
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
        return LifetimeModelFiles.writer(MODEL_TYPE, parameters(), fit).putString("variant", variant.name())
                .putString("unit", unit.name());
    }

    /**
     * Reads a model written by {@link #save(Path)}.
     *
     * @throws ModelFormatException if the file is not a valid {@value #MODEL_TYPE} model file
     * @throws IOException          if it cannot be read
     */
    public static BgNbdModel load(Path path) throws IOException {
        return from(ModelFile.read(path));
    }

    /** Reads a model from model-file bytes, as written by {@link #toBytes()}. */
    public static BgNbdModel fromBytes(byte[] bytes, String source) throws ModelFormatException {
        return from(ModelFile.parse(bytes, source));
    }

    private static BgNbdModel from(ModelFile f) throws ModelFormatException {
        return LifetimeModelFiles.read(f, MODEL_TYPE, 4, (p, fit) -> {
            BgNbdModel m = of(p[0], p[1], p[2], p[3], Variant.valueOf(f.string("variant")),
                    PeriodUnit.valueOf(f.string("unit")));
            return new BgNbdModel(m.r, m.alpha, m.a, m.b, m.variant, m.unit, fit);
        });
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s model (unit %s): r = %.6g, alpha = %.6g, a = %.6g, b = %.6g%n%s",
                variant.label(), unit.label(), r, alpha, a, b, fit);
    }
}
