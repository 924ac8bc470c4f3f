package dev.retention.lifetime.paretonbd;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.Estimates;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.PurchaseModel;
import dev.retention.lifetime.internal.Checks;
import dev.retention.lifetime.internal.LifetimeFiles;
import dev.retention.lifetime.internal.ParetoNbdFormulas;
import dev.retention.lifetime.internal.ParetoNbdLikelihood;
import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.parallel.Workers;

import java.util.Locale;
import java.util.Objects;

/**
 * A Pareto/NBD purchase model with parameters {@code r, alpha} (gamma distribution of purchase rates) and
 * {@code s, beta} (gamma distribution of dropout rates), {@code alpha} and {@code beta} in the model's unit;
 * fitted by {@link ParetoNbd#fit} or made from published parameters by {@link #of} (CDNOW in weeks:
 * r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669). Immutable and thread-safe; saved as a model file of type
 * {@value #MODEL_TYPE} and read back by {@code Models.load(path, ParetoNbdModel.class)}. Two models are equal
 * when they have the same unit and parameters; the estimates' standard errors and the fit summary are not
 * compared.
 *
 * <p>Formulas from Fader and Hardie, "A note on deriving the Pareto/NBD model and related expressions" (2005):
 * the likelihood (equations 19 and 20, both branches), P(alive) (equation 18), the conditional expectation
 * (equation 22) and {@code E[X(t)] = r beta / (alpha (s - 1)) [1 - (beta / (beta + t))^(s - 1)]}, kept finite
 * for large frequencies and ages. Each P(alive) or conditional expectation costs two 2F1 evaluations.
 */
public final class ParetoNbdModel implements PurchaseModel {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "pareto-nbd";
    /**
     * The schema version of this type's sections: 2 since the model carries core's fit summary (sections
     * {@code fit.*}) and its {@link Estimates} ({@code parameters}, {@code estimates.*}), with {@code unit}.
     */
    public static final int SCHEMA_VERSION = 2;

    private final double r;
    private final double alpha;
    private final double s;
    private final double beta;
    private final PeriodUnit unit;
    private final Estimates estimates;
    private final FitSummary fit;
    private final boolean unusableAllowed;

    ParetoNbdModel(double r, double alpha, double s, double beta, PeriodUnit unit, Estimates estimates,
                   FitSummary fit) {
        this(r, alpha, s, beta, unit, estimates, fit, false);
    }

    private ParetoNbdModel(double r, double alpha, double s, double beta, PeriodUnit unit, Estimates estimates,
                           FitSummary fit, boolean unusableAllowed) {
        this.unusableAllowed = unusableAllowed;
        this.r = r;
        this.alpha = alpha;
        this.s = s;
        this.beta = beta;
        this.unit = unit;
        this.estimates = estimates;
        this.fit = fit;
    }

    /**
     * {@return a model with the given parameters} Its fit summary says the parameters were given.
     *
     * @param r     shape of the purchase-rate gamma, in [1e-15, 1e15]
     * @param alpha rate of the purchase-rate gamma, in [1e-15, 1e15]
     * @param s     shape of the dropout-rate gamma, in [1e-15, 1e15]
     * @param beta  rate of the dropout-rate gamma, in [1e-15, 1e15]
     * @param unit  the period the rates are per
     * @throws IllegalArgumentException if a parameter is outside [1e-15, 1e15], where every prediction is evaluated
     *                                  accurately with bounded work
     */
    public static ParetoNbdModel of(double r, double alpha, double s, double beta, PeriodUnit unit) {
        Checks.parameter("r", r);
        Checks.parameter("alpha", alpha);
        Checks.parameter("s", s);
        Checks.parameter("beta", beta);
        Objects.requireNonNull(unit, "unit");
        return new ParetoNbdModel(r, alpha, s, beta, unit,
                Estimates.given(ParetoNbd.NAME, ParetoNbd.NAMES, new double[] {r, alpha, s, beta}),
                FitSummary.given(ParetoNbd.NAME, String.format(Locale.ROOT, "r = %s, alpha = %s %ss, s = %s, "
                        + "beta = %s %ss", r, alpha, unit.label(), s, beta, unit.label())));
    }

    /**
     * {@return this model, predicting even if its fit was judged {@link dev.retention.model.Verdict#UNUSABLE}} The
     * explicit opt-in: a model whose fit is UNUSABLE (an estimate on the end of the search box, a model the data do
     * not identify, a likelihood that is not finite) throws {@link IllegalStateException} from its P(alive) and expected purchases
     * rather than give numbers nobody should trust; a caller who has read the verdict and wants them anyway asks
     * here. The copy is equal to this model; O(1).
     */
    @Override
    public ParetoNbdModel allowingUnusable() {
        return new ParetoNbdModel(r, alpha, s, beta, unit, estimates, fit, true);
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
        return ParetoNbd.NAME;
    }

    /** {@return the shape of the gamma distribution of purchase rates} */
    public double r() {
        return r;
    }

    /** {@return the rate of the gamma distribution of purchase rates, in time units} */
    public double alpha() {
        return alpha;
    }

    /** {@return the shape of the gamma distribution of dropout rates} */
    public double s() {
        return s;
    }

    /** {@return the rate of the gamma distribution of dropout rates, in time units} */
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
    public Estimates estimates() {
        return estimates;
    }

    @Override
    public FitSummary fitSummary() {
        return fit;
    }

    @Override
    public double probabilityAlive(int frequency, double recency, double age) {
        Checks.usable(fit, ParetoNbd.NAME, unusableAllowed);
        Checks.history(frequency, recency, age);
        return ParetoNbdFormulas.probabilityAlive(frequency, recency, age, r, alpha, s, beta);
    }

    @Override
    public double expectedPurchases(double t, int frequency, double recency, double age) {
        Checks.usable(fit, ParetoNbd.NAME, unusableAllowed);
        Checks.horizon(t);
        Checks.history(frequency, recency, age);
        return ParetoNbdFormulas.expectedConditional(t, frequency, recency, age, r, alpha, s, beta);
    }

    @Override
    public double expectedPurchasesNewCustomer(double t) {
        Checks.usable(fit, ParetoNbd.NAME, unusableAllowed);
        Checks.horizon(t);
        return ParetoNbdFormulas.expectedNew(t, r, alpha, s, beta);
    }

    /**
     * {@return the log-likelihood of one customer's history under this model}
     *
     * @param frequency repeat purchases {@code x}, &gt;= 0
     * @param recency   time of the last purchase {@code t_x}, in units, in [0, age]
     * @param age       time since the first purchase {@code T}, in units
     * @throws IllegalArgumentException if the history is invalid
     */
    public double logLikelihood(int frequency, double recency, double age) {
        Checks.history(frequency, recency, age);
        return ParetoNbdFormulas.logLikelihood(frequency, recency, age, r, alpha, s, beta);
    }

    @Override
    public double logLikelihood(CustomerSummary summary) {
        summary.requireUnit(unit, name());
        if (summary.size() == 0) {
            return 0;
        }
        ParetoNbdLikelihood likelihood = new ParetoNbdLikelihood(summary.frequencies(), summary.recencies(),
                summary.ages());
        try (Workers one = Workers.create(1)) {
            return likelihood.logLikelihood(r, alpha, s, beta, one);
        }
    }

    /** The model file: the fit summary, the estimates and the unit. O(1). */
    @Override
    public byte[] toBytes() {
        ModelFile.Writer w = ModelFile.writer(MODEL_TYPE, SCHEMA_VERSION);
        fit.writeTo(w);
        estimates.writeTo(w);
        return w.putString("unit", unit.name()).toBytes();
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
    public static ParetoNbdModel read(ModelFile file) throws ModelFormatException {
        return LifetimeFiles.read(file, MODEL_TYPE, SCHEMA_VERSION, () -> {
            FitSummary fit = FitSummary.readFrom(file);
            Estimates estimates = Estimates.readFrom(file, ParetoNbd.NAMES);
            double[] p = estimates.values();
            ParetoNbdModel m = of(p[0], p[1], p[2], p[3], PeriodUnit.valueOf(file.string("unit")));
            return new ParetoNbdModel(m.r, m.alpha, m.s, m.beta, m.unit, estimates, fit);
        });
    }

    /** Equal unit and parameters. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ParetoNbdModel m && m.unit == unit && Double.compare(m.r, r) == 0
                && Double.compare(m.alpha, alpha) == 0 && Double.compare(m.s, s) == 0
                && Double.compare(m.beta, beta) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(unit, r, alpha, s, beta);
    }

    /** The parameters on one line, then the estimates table and the fit summary. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Pareto/NBD model (unit %s): r = %.6g, alpha = %.6g, s = %.6g, beta = %.6g%n"
                + "%s%s", unit.label(), r, alpha, s, beta, estimates, fit);
    }
}
