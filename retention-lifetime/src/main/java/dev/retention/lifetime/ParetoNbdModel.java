package dev.retention.lifetime;

import dev.retention.lifetime.internal.BlockReduction;
import dev.retention.lifetime.internal.ParetoNbdFormulas;
import dev.retention.lifetime.internal.ParetoNbdLikelihood;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A Pareto/NBD purchase model with parameters {@code r, alpha} (gamma distribution of purchase rates) and
 * {@code s, beta} (gamma distribution of dropout rates), {@code alpha} and {@code beta} in the model's unit;
 * fitted by {@link ParetoNbd#fit} or made from published parameters by {@link #of} (CDNOW in weeks:
 * r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669). Immutable and thread-safe; saved and loaded with the
 * model file format (type {@value #MODEL_TYPE}).
 *
 * <p>Formulas from Fader and Hardie, "A note on deriving the Pareto/NBD model and related expressions" (2005):
 * the likelihood (equations 19 and 20, both branches), P(alive) (equation 18), the conditional expectation
 * (equation 22) and {@code E[X(t)] = r beta / (alpha (s - 1)) [1 - (beta / (beta + t))^(s - 1)]}; see
 * {@code ParetoNbdFormulas} for how they are kept finite for large frequencies and ages. Each P(alive) or
 * conditional expectation costs two 2F1 evaluations.
 */
public final class ParetoNbdModel implements PurchaseModel {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "pareto-nbd";
    private static final String NAME = "Pareto/NBD";
    private static final String[] NAMES = {"r", "alpha", "s", "beta"};

    private final double r;
    private final double alpha;
    private final double s;
    private final double beta;
    private final PeriodUnit unit;
    private final LifetimeFitSummary fit;

    ParetoNbdModel(double r, double alpha, double s, double beta, PeriodUnit unit, LifetimeFitSummary fit) {
        this.r = r;
        this.alpha = alpha;
        this.s = s;
        this.beta = beta;
        this.unit = unit;
        this.fit = fit;
    }

    /**
     * A model with the given parameters.
     *
     * @throws IllegalArgumentException if a parameter is not finite and positive
     */
    public static ParetoNbdModel of(double r, double alpha, double s, double beta, PeriodUnit unit) {
        Checks.positive("r", r);
        Checks.positive("alpha", alpha);
        Checks.positive("s", s);
        Checks.positive("beta", beta);
        Objects.requireNonNull(unit, "unit");
        return new ParetoNbdModel(r, alpha, s, beta, unit, LifetimeFitSummary.given(NAME, NAMES, new double[] {r, alpha, s, beta}));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The shape of the gamma distribution of purchase rates. */
    public double r() {
        return r;
    }

    /** The rate of the gamma distribution of purchase rates, in time units. */
    public double alpha() {
        return alpha;
    }

    /** The shape of the gamma distribution of dropout rates. */
    public double s() {
        return s;
    }

    /** The rate of the gamma distribution of dropout rates, in time units. */
    public double beta() {
        return beta;
    }

    @Override
    public PeriodUnit unit() {
        return unit;
    }

    @Override
    public double[] parameters() {
        return new double[] {r, alpha, s, beta};
    }

    @Override
    public LifetimeFitSummary fitSummary() {
        return fit;
    }

    @Override
    public double probabilityAlive(int frequency, double recency, double age) {
        Checks.history(frequency, recency, age);
        return ParetoNbdFormulas.probabilityAlive(frequency, recency, age, r, alpha, s, beta);
    }

    @Override
    public double expectedPurchases(double t, int frequency, double recency, double age) {
        Checks.horizon(t);
        Checks.history(frequency, recency, age);
        return ParetoNbdFormulas.expectedConditional(t, frequency, recency, age, r, alpha, s, beta);
    }

    @Override
    public double expectedPurchasesNewCustomer(double t) {
        Checks.horizon(t);
        return ParetoNbdFormulas.expectedNew(t, r, alpha, s, beta);
    }

    /** The log-likelihood of one customer's history under this model. */
    public double logLikelihood(int frequency, double recency, double age) {
        Checks.history(frequency, recency, age);
        return ParetoNbdFormulas.logLikelihood(frequency, recency, age, r, alpha, s, beta);
    }

    @Override
    public double logLikelihood(CustomerSummary summary) {
        Checks.sameUnit(this, summary);
        if (summary.size() == 0) {
            return 0;
        }
        ParetoNbdLikelihood likelihood = new ParetoNbdLikelihood(summary.frequencyView(), summary.recencyView(),
                summary.ageView());
        try (BlockReduction blocks = new BlockReduction(summary.size(), 1, 1)) {
            return likelihood.logLikelihood(r, alpha, s, beta, blocks);
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
        return LifetimeModelFiles.writer(MODEL_TYPE, parameters(), fit).putString("unit", unit.name());
    }

    /**
     * Reads a model written by {@link #save(Path)}.
     *
     * @throws ModelFormatException if the file is not a valid {@value #MODEL_TYPE} model file
     * @throws IOException          if it cannot be read
     */
    public static ParetoNbdModel load(Path path) throws IOException {
        return from(ModelFile.read(path));
    }

    /** Reads a model from model-file bytes, as written by {@link #toBytes()}. */
    public static ParetoNbdModel fromBytes(byte[] bytes, String source) throws ModelFormatException {
        return from(ModelFile.parse(bytes, source));
    }

    private static ParetoNbdModel from(ModelFile f) throws ModelFormatException {
        return LifetimeModelFiles.read(f, MODEL_TYPE, 4, (p, fit) -> {
            ParetoNbdModel m = of(p[0], p[1], p[2], p[3], PeriodUnit.valueOf(f.string("unit")));
            return new ParetoNbdModel(m.r, m.alpha, m.s, m.beta, m.unit, fit);
        });
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Pareto/NBD model (unit %s): r = %.6g, alpha = %.6g, s = %.6g, beta = %.6g%n%s",
                unit.label(), r, alpha, s, beta, fit);
    }
}
