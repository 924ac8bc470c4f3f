package dev.retention.synth;

import dev.retention.data.TransactionLog;

import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link SyntheticShop} knows and a real shop does not, put in the terms of the models fitted on its log, so
 * that each model can be compared with the truth: a churn classifier's P(churn) with {@link #churnProbability}, a
 * lifetime model's P(alive) with {@link #aliveAtEnd}, its expected purchases with {@link #expectedPurchases}, its CLV
 * with {@link #clv}. Customers are named by their external ids, as the models report them; the results are in the
 * order of the ids given, ready for {@link dev.retention.evaluation.RocAuc} and
 * {@link dev.retention.evaluation.Correlation}. Immutable and thread-safe.
 *
 * <p>In the shop's BG/NBD process (Fader, Hardie and Lee, "Counting your customers the easy way", Marketing Science
 * 24(2), 2005) a customer drops out, if ever, right after a purchase. So a customer inactive at the end of the log
 * dropped out at their last purchase, and had dropped out before an instant {@code t} exactly when inactive at the
 * end with a last purchase before {@code t}. In the models' terms:
 * <ul>
 *   <li><b>alive</b> (what a lifetime model's P(alive) estimates): still active at the end of the log, 1 or 0;</li>
 *   <li><b>churn in a horizon</b> (what a churn classifier's P(churn) estimates for "no purchase in the next
 *       {@code h} days"): 1 for a customer who had dropped out by {@code t}; for one still active, with purchase
 *       rate {@code lambda}, {@code exp(-lambda h)}, since the wait for the next purchase is exponential whatever
 *       happened before;</li>
 *   <li><b>expected purchases</b> (what a lifetime model's conditional expectation estimates) in the next {@code t}
 *       days after the end: 0 for a customer who dropped out; for one still active, with dropout probability
 *       {@code p} after each purchase, {@code (1 - exp(-lambda p t)) / p}: purchase {@code k} happens if the
 *       Poisson process reaches it and the customer survived the {@code k - 1} before,
 *       {@code sum_k (1 - p)^(k-1) P(N(t) >= k)};</li>
 *   <li><b>CLV</b> (what {@code dev.retention.lifetime.Clv} estimates): the expected purchases of each month (of
 *       365.25 / 12 days) after the end, discounted at the end of the month, times the customer's mean order value
 *       {@code spendP / nu} (the Gamma-Gamma model of the shop's spend).</li>
 * </ul>
 * The truth assumes the default dropout rule ({@link SyntheticShop.Dropout#AFTER_REPEAT_PURCHASES}); with
 * {@link SyntheticShop.Dropout#AFTER_EVERY_PURCHASE} the alive flags are still the shop's, and the formulas for a
 * customer still active are the same.
 */
public final class ShopTruth {

    private static final double DAYS_PER_MONTH = 365.25 / 12;

    private final SyntheticShop shop;
    private final TransactionLog log;
    private final boolean[] alive;
    private final long[] lastPurchase;

    private ShopTruth(SyntheticShop shop) {
        this.shop = shop;
        this.log = shop.log();
        this.alive = shop.aliveAtEnd();
        this.lastPurchase = new long[log.customerCount()];
        for (int c = 0; c < lastPurchase.length; c++) {
            long last = Long.MIN_VALUE;
            for (int i = log.lineStart(c); i < log.lineEnd(c); i++) {
                if (!log.isCancellation(i)) {
                    last = Math.max(last, log.time(i));
                }
            }
            lastPurchase[c] = last;
        }
    }

    /**
     * {@return the truth of a shop} O(lines) for each customer's last purchase.
     *
     * @param shop read
     */
    public static ShopTruth of(SyntheticShop shop) {
        return new ShopTruth(Objects.requireNonNull(shop, "shop"));
    }

    /** The dense log index of an external customer id. */
    private int index(String customer) {
        int c = log.customers().indexOf(Objects.requireNonNull(customer, "customer"));
        if (c < 0) {
            throw new IllegalArgumentException("customer '" + customer + "' is not in the synthetic shop");
        }
        return c;
    }

    /**
     * {@return whether a customer is still active at the end of the log} O(1).
     *
     * @param customer an external id of the shop's log
     * @throws IllegalArgumentException if the shop has no such customer (the id named)
     */
    public boolean aliveAtEnd(String customer) {
        return alive[index(customer)];
    }

    /**
     * 1 for each given customer still active at the end of the log, else 0: the labels against which a model's
     * P(alive) is checked. O(customers given).
     *
     * @param customers read: external ids of the shop's log
     * @return a new array, in the order of {@code customers}
     * @throws IllegalArgumentException if the shop has no such customer (the id named)
     */
    public int[] aliveAtEnd(String[] customers) {
        int[] y = new int[customers.length];
        for (int k = 0; k < y.length; k++) {
            y[k] = alive[index(customers[k])] ? 1 : 0;
        }
        return y;
    }

    /**
     * The true probability that each given customer makes no purchase in the {@code horizonDays} days from
     * {@code epochSecond}: 1 for those who had dropped out by then, else {@code exp(-lambda horizonDays)} (see the
     * class comment). O(customers given).
     *
     * @param customers   read: external ids of the shop's log
     * @param epochSecond the start of the horizon, such as a churn model's cutoff
     * @param horizonDays the horizon's length in days, {@code >= 0}
     * @return a new array of probabilities in {@code (0, 1]}, in the order of {@code customers}
     * @throws IllegalArgumentException if {@code horizonDays} is negative or the shop has no such customer
     */
    public double[] churnProbability(String[] customers, long epochSecond, int horizonDays) {
        if (horizonDays < 0) {
            throw new IllegalArgumentException("horizonDays must be >= 0, got " + horizonDays);
        }
        double[] lambda = shop.lambda();
        double[] q = new double[customers.length];
        for (int k = 0; k < q.length; k++) {
            int c = index(customers[k]);
            q[k] = !alive[c] && lastPurchase[c] < epochSecond ? 1 : Math.exp(-lambda[c] * horizonDays);
        }
        return q;
    }

    /**
     * The true expected number of purchases of each given customer in the {@code days} days after the end of the
     * log: 0 for customers inactive at the end, else {@link #expectedPurchases(double, double, double)} of their
     * purchase rate and dropout probability. O(customers given).
     *
     * @param customers read: external ids of the shop's log
     * @param days      the period's length in days, finite and {@code >= 0}
     * @return a new array, in the order of {@code customers}
     * @throws IllegalArgumentException if {@code days} is negative or not finite, or the shop has no such customer
     */
    public double[] expectedPurchases(String[] customers, double days) {
        checkDays(days);
        double[] lambda = shop.lambda();
        double[] p = shop.dropoutP();
        double[] e = new double[customers.length];
        for (int k = 0; k < e.length; k++) {
            int c = index(customers[k]);
            e[k] = alive[c] ? expectedPurchases(lambda[c], p[c], days) : 0;
        }
        return e;
    }

    /**
     * The true lifetime value of each given customer over the {@code months} after the end of the log, as
     * {@code dev.retention.lifetime.Clv} defines it: the expected purchases of each month (of 365.25 / 12 days),
     * discounted at the end of the month at {@code monthlyRate}, times the mean order value {@code spendP / nu}; 0
     * for customers inactive at the end. O(customers given * months).
     *
     * @param customers   read: external ids of the shop's log
     * @param months      the horizon in months, {@code >= 0}
     * @param monthlyRate the discount rate per month, finite and {@code > -1}
     * @return a new array, in the order of {@code customers}
     * @throws IllegalArgumentException if {@code months} or {@code monthlyRate} is out of range, or the shop has no
     *                                  such customer
     */
    public double[] clv(String[] customers, int months, double monthlyRate) {
        if (months < 0) {
            throw new IllegalArgumentException("months must be >= 0, got " + months);
        }
        if (!(monthlyRate > -1) || Double.isInfinite(monthlyRate)) {
            throw new IllegalArgumentException("monthlyRate must be finite and > -1, got " + monthlyRate);
        }
        double[] lambda = shop.lambda();
        double[] p = shop.dropoutP();
        double[] nu = shop.nu();
        double spendP = shop.options().spendP();
        double[] v = new double[customers.length];
        for (int k = 0; k < v.length; k++) {
            int c = index(customers[k]);
            if (!alive[c]) {
                continue;
            }
            v[k] = activeValue(lambda[c], p[c], spendP / nu[c], months, monthlyRate);
        }
        return v;
    }

    /**
     * The discounted value over {@code months} of a customer active at the start: the expected purchases of each
     * month, discounted at its end, times the mean order value. O(months).
     */
    static double activeValue(double lambda, double p, double meanOrderValue, int months, double monthlyRate) {
        double previous = 0;
        double discounted = 0;
        double factor = 1;
        for (int j = 1; j <= months; j++) {
            double e = expectedPurchases(lambda, p, j * DAYS_PER_MONTH);
            factor /= 1 + monthlyRate;
            discounted += (e - previous) * factor;
            previous = e;
        }
        return discounted * meanOrderValue;
    }

    /**
     * {@return the expected number of purchases in the next {@code days} days of a BG/NBD customer still active, with
     * purchase rate {@code lambda} per day and dropout probability {@code p} after each purchase:
     * {@code (1 - exp(-lambda p days)) / p} (see the class comment), {@code lambda days} when {@code p = 0}} O(1).
     *
     * @param lambda purchases per day while active, finite and {@code >= 0}
     * @param p      dropout probability after a purchase, in {@code [0, 1]}
     * @param days   the period's length, finite and {@code >= 0}
     * @throws IllegalArgumentException if an argument is out of range (named with its value)
     */
    public static double expectedPurchases(double lambda, double p, double days) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], got " + p);
        }
        checkDays(days);
        return p == 0 ? lambda * days : -Math.expm1(-lambda * p * days) / p;
    }

    private static void checkDays(double days) {
        if (!(days >= 0) || Double.isInfinite(days)) {
            throw new IllegalArgumentException("days must be finite and >= 0, got " + days);
        }
    }

    /** {@code "ShopTruth of 5,000 customers, 1,234 active at the end (seed 0)"}. */
    @Override
    public String toString() {
        int active = 0;
        for (boolean a : alive) {
            active += a ? 1 : 0;
        }
        return String.format(Locale.ROOT, "ShopTruth of %,d customers, %,d active at the end (seed %d)",
                alive.length, active, shop.options().seed());
    }
}
