package dev.retention.lifetime;

import dev.retention.model.Model;

/**
 * A fitted "buy till you die" purchase model: the BG/NBD or MBG/NBD
 * ({@code dev.retention.lifetime.bgnbd.BgNbdModel}) or the Pareto/NBD
 * ({@code dev.retention.lifetime.paretonbd.ParetoNbdModel}). Given a customer's history {@code (x, t_x, T)}
 * (repeat purchases, recency, age, in the model's {@link #unit()}), it tells whether the customer is probably still
 * active and how many purchases to expect; {@code dev.retention.lifetime.clv.Clv} combines it with a Gamma-Gamma
 * spend model into lifetime values, and {@link HoldoutCheck} compares its predictions with a holdout period.
 * Implementations are immutable and thread-safe, saved and loaded as {@link Model}s; every method is O(1) apart
 * from the series evaluations they document.
 *
 * <p>The interface is not sealed: the two model families live in packages of their own, which depend on this one
 * (a {@code permits} clause would make the packages import each other). The library's CLV, holdout check and
 * simulations accept any implementation that keeps this contract, and say so where they need one of their own.
 */
public interface PurchaseModel extends Model {

    /**
     * {@return this model, or a copy of it, that predicts even if its fit was judged
     * {@link dev.retention.model.Verdict#UNUSABLE}} The library's models refuse P(alive) and expected purchases
     * from an UNUSABLE fit with an {@link IllegalStateException} naming the reasons; this is the caller's explicit
     * opt-in after reading them. Implementations that never refuse return themselves (the default).
     */
    default PurchaseModel allowingUnusable() {
        return this;
    }

    /** {@return the model's name, for example {@code "BG/NBD"}} */
    String name();

    /** {@return the time unit of ages, recencies, horizons and scale parameters} */
    PeriodUnit unit();

    /** {@return the parameters in the model's order (for example {@code r, alpha, a, b}); a copy} */
    double[] parameters();

    /** {@return the maximum-likelihood estimates with standard errors and log-likelihood (or the given parameters)} */
    Estimates estimates();

    /**
     * {@return the probability that a customer with this history is still active at {@code T}}
     *
     * @param frequency repeat purchases {@code x >= 0}
     * @param recency   {@code t_x}, in {@code [0, age]}; 0 when {@code frequency} is 0
     * @param age       {@code T >= 0}
     * @throws IllegalArgumentException if the history is invalid
     * @throws IllegalStateException    if the model's fit was judged UNUSABLE and the caller did not opt in with
     *                                  {@link #allowingUnusable()}
     */
    double probabilityAlive(int frequency, double recency, double age);

    /**
     * {@return the expected purchases in the next {@code t} units, {@code (T, T + t]}, of a customer with this history}
     *
     * @param t         horizon, finite and {@code >= 0}
     * @param frequency repeat purchases {@code x >= 0}
     * @param recency   {@code t_x}, in {@code [0, age]}; 0 when {@code frequency} is 0
     * @param age       {@code T >= 0}
     * @throws IllegalArgumentException if {@code t} or the history is invalid
     */
    double expectedPurchases(double t, int frequency, double recency, double age);

    /**
     * {@return the expected repeat purchases {@code E[X(t)]} in the first {@code t} units of a new customer}
     *
     * @param t horizon, finite and {@code >= 0}
     * @throws IllegalArgumentException if {@code t} is negative or not finite
     */
    double expectedPurchasesNewCustomer(double t);

    /**
     * {@return the log-likelihood of a customer base under this model's parameters} O(customers).
     *
     * @param summary read; must be in the model's unit
     * @throws IllegalArgumentException if the units differ
     */
    double logLikelihood(CustomerSummary summary);

    /**
     * {@return {@link #probabilityAlive(int, double, double)} of every customer of a summary} O(customers).
     *
     * @param summary read; must be in the model's unit
     * @throws IllegalArgumentException if the units differ
     */
    default double[] probabilityAlive(CustomerSummary summary) {
        summary.requireUnit(unit(), name());
        double[] p = new double[summary.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = probabilityAlive(summary.frequency(i), summary.recency(i), summary.age(i));
        }
        return p;
    }

    /**
     * {@return {@link #expectedPurchases(double, int, double, double)} of every customer of a summary} O(customers).
     *
     * @param t       horizon, finite and {@code >= 0}
     * @param summary read; must be in the model's unit
     * @throws IllegalArgumentException if the units differ or {@code t} is invalid
     */
    default double[] expectedPurchases(double t, CustomerSummary summary) {
        summary.requireUnit(unit(), name());
        double[] e = new double[summary.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = expectedPurchases(t, summary.frequency(i), summary.recency(i), summary.age(i));
        }
        return e;
    }
}
