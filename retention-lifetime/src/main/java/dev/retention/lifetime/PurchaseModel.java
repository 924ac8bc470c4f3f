package dev.retention.lifetime;

/**
 * A fitted "buy till you die" purchase model: the BG/NBD or MBG/NBD ({@link BgNbdModel}) or the Pareto/NBD
 * ({@link ParetoNbdModel}). Given a customer's history {@code (x, t_x, T)} (repeat purchases, recency, age, in
 * the model's {@link #unit()}), it tells whether the customer is probably still active and how many purchases
 * to expect; {@link Clv} combines it with a {@link GammaGammaModel} into lifetime values. Implementations are
 * immutable and thread-safe; every method is O(1) apart from the series evaluations they document.
 */
public sealed interface PurchaseModel permits BgNbdModel, ParetoNbdModel {

    /** The model's name, for example {@code "BG/NBD"}. */
    String name();

    /** The time unit of ages, recencies, horizons and scale parameters. */
    PeriodUnit unit();

    /** The parameters in the model's order (for example {@code r, alpha, a, b}); a copy. */
    double[] parameters();

    /** How the model was fitted (or that its parameters were given). */
    LifetimeFitSummary fitSummary();

    /**
     * The probability that a customer with this history is still active at {@code T}.
     *
     * @param frequency repeat purchases {@code x >= 0}
     * @param recency   {@code t_x}, in {@code [0, age]}; 0 when {@code frequency} is 0
     * @param age       {@code T >= 0}
     * @throws IllegalArgumentException if the history is invalid
     */
    double probabilityAlive(int frequency, double recency, double age);

    /**
     * Expected purchases in the next {@code t} units, {@code (T, T + t]}, of a customer with this history.
     *
     * @param t horizon, finite and {@code >= 0}
     * @throws IllegalArgumentException if {@code t} or the history is invalid
     */
    double expectedPurchases(double t, int frequency, double recency, double age);

    /**
     * Expected repeat purchases {@code E[X(t)]} in the first {@code t} units of a new customer.
     *
     * @param t horizon, finite and {@code >= 0}
     * @throws IllegalArgumentException if {@code t} is negative or not finite
     */
    double expectedPurchasesNewCustomer(double t);

    /**
     * The log-likelihood of a customer base under this model's parameters.
     *
     * @param summary read; must be in the model's unit
     * @throws IllegalArgumentException if the units differ
     */
    double logLikelihood(CustomerSummary summary);

    /**
     * {@link #probabilityAlive(int, double, double)} of every customer of a summary.
     *
     * @param summary read; must be in the model's unit
     * @throws IllegalArgumentException if the units differ
     */
    default double[] probabilityAlive(CustomerSummary summary) {
        Checks.sameUnit(this, summary);
        double[] p = new double[summary.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = probabilityAlive(summary.frequency(i), summary.recency(i), summary.age(i));
        }
        return p;
    }

    /**
     * {@link #expectedPurchases(double, int, double, double)} of every customer of a summary.
     *
     * @param summary read; must be in the model's unit
     * @throws IllegalArgumentException if the units differ or {@code t} is invalid
     */
    default double[] expectedPurchases(double t, CustomerSummary summary) {
        Checks.sameUnit(this, summary);
        double[] e = new double[summary.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = expectedPurchases(t, summary.frequency(i), summary.recency(i), summary.age(i));
        }
        return e;
    }
}
