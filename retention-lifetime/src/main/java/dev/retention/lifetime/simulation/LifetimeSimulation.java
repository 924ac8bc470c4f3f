package dev.retention.lifetime.simulation;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.PurchaseModel;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.lifetime.paretonbd.ParetoNbdModel;
import dev.retention.random.Seeds;
import dev.retention.random.Variates;

import java.util.Arrays;
import java.util.Objects;

/**
 * Draws customer summaries from the generative processes of the lifetime models, for parameter-recovery
 * studies, tests and benchmarks: simulate customers from known parameters, fit, and compare.
 *
 * <ul>
 *   <li><b>BG/NBD</b> (Fader, Hardie and Lee 2005): {@code lambda ~ Gamma(r, alpha)}, {@code p ~ Beta(a, b)};
 *       purchases follow a Poisson process of rate {@code lambda} from the first purchase at time 0; after each
 *       repeat purchase the customer drops out with probability {@code p}. <b>MBG/NBD</b> (Batislam et al.
 *       2007): also right after the first purchase.</li>
 *   <li><b>Pareto/NBD</b> (Schmittlein, Morrison and Colombo 1987): {@code lambda ~ Gamma(r, alpha)},
 *       {@code mu ~ Gamma(s, beta)}, lifetime {@code tau ~ Exponential(mu)}; purchases at rate {@code lambda}
 *       while alive.</li>
 *   <li><b>Gamma-Gamma</b> (Fader, Hardie and Lee 2005, "RFM and CLV"): {@code nu ~ Gamma(q, v)} per customer;
 *       the mean of {@code x} transaction values {@code z ~ Gamma(p, nu)} is drawn as {@code Gamma(p x, nu) / x}.</li>
 * </ul>
 * Purchases are in continuous time, so recencies are not rounded to days. Customer {@code i} draws from its own
 * stream, core's {@link Variates} seeded with {@link Seeds#split Seeds.split(seed, i)}, so it is the same whatever
 * the number of customers simulated; the samplers are core's (gamma by Marsaglia and Tsang 2000, beta as a ratio of
 * gammas, exponential by inversion), the library's one implementation. O(purchases) time per customer.
 */
public final class LifetimeSimulation {

    /**
     * Most purchases one simulated customer may make, calibration and holdout together: a bound on the work per
     * customer. Parameters that reach it (a purchase rate of millions per unit of time) are refused.
     */
    static final long MAX_PURCHASES = Integer.MAX_VALUE;

    private LifetimeSimulation() {
    }

    /**
     * {@return ages {@code T} of {@code n} customers spread evenly over {@code [min, max]}:
     * {@code min + (max - min) (i + 0.5) / n}} O(n).
     *
     * @param n   number of customers, &gt;= 0
     * @param min youngest age, in units
     * @param max oldest age, in units
     * @throws IllegalArgumentException if {@code n < 0} or not {@code 0 <= min <= max} with finite values
     */
    public static double[] ages(int n, double min, double max) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        if (!(min >= 0 && max >= min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("ages need finite 0 <= min <= max, got min=" + min + ", max=" + max);
        }
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = min + (max - min) * (i + 0.5) / n;
        }
        return t;
    }

    /**
     * Simulates the calibration histories of customers with the given ages under a purchase model's process.
     *
     * @param truth the parameters and unit: a {@link BgNbdModel} or a {@link ParetoNbdModel}; read
     * @param ages  {@code T} of each customer, finite and {@code >= 0}; read
     * @param seed  the random seed
     * @return the simulated customers' frequencies, recencies and ages
     * @throws IllegalArgumentException if an age is invalid, the model is of another kind, or a customer would make
     *                                  more than 2^31 - 1 purchases
     */
    public static CustomerSummary purchases(PurchaseModel truth, double[] ages, long seed) {
        return simulate(truth, ages, 0, seed);
    }

    /**
     * Simulates calibration histories and the purchases in a holdout period of {@code holdout} units after each
     * customer's calibration end (holdout spend is left at 0).
     *
     * @param truth   the parameters and unit: a {@link BgNbdModel} or a {@link ParetoNbdModel}; read
     * @param ages    {@code T} of each customer, finite and {@code >= 0}; read
     * @param holdout holdout length in units, finite and {@code > 0}
     * @param seed    the random seed
     * @return the simulated customers' calibration histories and holdout purchases
     * @throws IllegalArgumentException if an age or the holdout length is invalid, the model is of another kind, or
     *                                  a customer would make more than 2^31 - 1 purchases
     */
    public static CustomerSummary purchases(PurchaseModel truth, double[] ages, double holdout, long seed) {
        if (!(holdout > 0) || Double.isInfinite(holdout)) {
            throw new IllegalArgumentException("holdout must be finite and > 0, got " + holdout);
        }
        return simulate(truth, ages, holdout, seed);
    }

    private static CustomerSummary simulate(PurchaseModel truth, double[] ages, double holdout, long seed) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(ages, "ages");
        boolean pareto = truth instanceof ParetoNbdModel;
        if (!pareto && !(truth instanceof BgNbdModel)) {
            throw new IllegalArgumentException("truth must be a BgNbdModel or a ParetoNbdModel, the processes simulated "
                    + "here, got a " + truth.getClass().getName());
        }
        boolean modified = truth instanceof BgNbdModel m && m.variant() == BgNbdModel.Variant.MBG_NBD;
        int n = ages.length;
        int[] x = new int[n];
        double[] tx = new double[n];
        int[] hx = new int[n];
        double[] p = truth.parameters();
        for (int i = 0; i < n; i++) {
            double t = ages[i];
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException("ages[" + i + "] must be finite and >= 0, got " + t);
            }
            Variates rng = new Variates(Seeds.split(seed, i));
            double lambda = rng.gamma(p[0], p[1]);
            double end = t + holdout;
            long count = 0;
            long later = 0;
            double last = 0;
            if (pareto) {
                double mu = rng.gamma(p[2], p[3]);
                double death = rng.exponential() / mu;
                double time = rng.exponential() / lambda;
                while (time <= Math.min(death, end)) {
                    if (time <= t) {
                        count++;
                        last = time;
                    } else {
                        later++;
                    }
                    checkPurchases(count + later, i, truth);
                    time += rng.exponential() / lambda;
                }
            } else {
                double dropout = rng.beta(p[2], p[3]);
                boolean alive = !(modified && rng.nextBoolean(dropout));
                double time = rng.exponential() / lambda;
                while (alive && time <= end) {
                    if (time <= t) {
                        count++;
                        last = time;
                    } else {
                        later++;
                    }
                    checkPurchases(count + later, i, truth);
                    alive = !rng.nextBoolean(dropout);
                    time += rng.exponential() / lambda;
                }
            }
            x[i] = (int) count;
            tx[i] = last;
            hx[i] = (int) later;
        }
        CustomerSummary s = CustomerSummary.of(x, tx, ages, truth.unit());
        return holdout > 0 ? s.withHoldout(hx, new double[n], holdout) : s;
    }

    private static void checkPurchases(long purchases, int customer, PurchaseModel truth) {
        if (purchases >= MAX_PURCHASES) {
            throw new IllegalArgumentException("customer " + customer + " would make more than " + MAX_PURCHASES
                    + " purchases under " + truth.name() + " parameters " + Arrays.toString(truth.parameters())
                    + ": purchase rates that high cannot be simulated");
        }
    }

    /**
     * Adds Gamma-Gamma mean spends to the repeat customers of a summary (customers without repeat purchases keep
     * 0). O(customers).
     *
     * @param truth   the spend parameters; read
     * @param summary the customers; read
     * @param seed    the random seed (use another than for the purchases)
     * @return a copy of the summary with the simulated mean spends
     */
    public static CustomerSummary spend(GammaGammaModel truth, CustomerSummary summary, long seed) {
        Objects.requireNonNull(truth, "truth");
        int n = summary.size();
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            int x = summary.frequency(i);
            if (x == 0) {
                continue;
            }
            Variates rng = new Variates(Seeds.split(seed, i));
            double nu = rng.gamma(truth.q(), truth.v());
            double mean = rng.gamma(truth.p() * x) / (nu * x);
            m[i] = Math.max(mean, Double.MIN_NORMAL);
        }
        return summary.withMonetary(m);
    }
}
