package dev.retention.lifetime;

import java.util.Objects;
import java.util.SplittableRandom;

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
 * Purchases are in continuous time, so recencies are not rounded to days. Each customer has its own random
 * stream derived from the seed and its index, so customer {@code i} is the same whatever the number of
 * customers simulated. Gamma variates by Marsaglia and Tsang (2000); O(purchases) time per customer.
 */
public final class LifetimeSimulation {

    private LifetimeSimulation() {
    }

    /**
     * Ages {@code T} of {@code n} customers spread evenly over {@code [min, max]}: {@code min + (max - min) (i + 0.5) / n}.
     *
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
     * @param truth the parameters and unit; read
     * @param ages  {@code T} of each customer, finite and {@code >= 0}; read
     * @param seed  the random seed
     * @throws IllegalArgumentException if an age is invalid
     */
    public static CustomerSummary purchases(PurchaseModel truth, double[] ages, long seed) {
        return simulate(truth, ages, 0, seed);
    }

    /**
     * Simulates calibration histories and the purchases in a holdout period of {@code holdout} units after each
     * customer's calibration end (holdout spend is left at 0).
     *
     * @param holdout holdout length in units, finite and {@code > 0}
     * @throws IllegalArgumentException if an age or the holdout length is invalid
     */
    public static CustomerSummary purchases(PurchaseModel truth, double[] ages, double holdout, long seed) {
        if (!(holdout > 0) || Double.isInfinite(holdout)) {
            throw new IllegalArgumentException("holdout must be finite and > 0, got " + holdout);
        }
        return simulate(truth, ages, holdout, seed);
    }

    private static CustomerSummary simulate(PurchaseModel truth, double[] ages, double holdout, long seed) {
        Objects.requireNonNull(truth, "truth");
        int n = ages.length;
        int[] x = new int[n];
        double[] tx = new double[n];
        int[] hx = new int[n];
        double[] p = truth.parameters();
        boolean pareto = truth instanceof ParetoNbdModel;
        boolean modified = truth instanceof BgNbdModel m && m.variant() == BgNbdModel.Variant.MBG_NBD;
        for (int i = 0; i < n; i++) {
            double t = ages[i];
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException("ages[" + i + "] must be finite and >= 0, got " + t);
            }
            SplittableRandom rng = stream(seed, i);
            double lambda = gamma(rng, p[0]) / p[1];
            double end = t + holdout;
            int count = 0;
            int later = 0;
            double last = 0;
            if (pareto) {
                double mu = gamma(rng, p[2]) / p[3];
                double death = rng.nextExponential() / mu;
                double time = rng.nextExponential() / lambda;
                while (time <= Math.min(death, end)) {
                    if (time <= t) {
                        count++;
                        last = time;
                    } else {
                        later++;
                    }
                    time += rng.nextExponential() / lambda;
                }
            } else {
                double dropout = beta(rng, p[2], p[3]);
                boolean alive = !(modified && rng.nextDouble() < dropout);
                double time = rng.nextExponential() / lambda;
                while (alive && time <= end) {
                    if (time <= t) {
                        count++;
                        last = time;
                    } else {
                        later++;
                    }
                    alive = rng.nextDouble() >= dropout;
                    time += rng.nextExponential() / lambda;
                }
            }
            x[i] = count;
            tx[i] = last;
            hx[i] = later;
        }
        CustomerSummary s = CustomerSummary.of(x, tx, ages, truth.unit());
        return holdout > 0 ? s.withHoldout(hx, new double[n], holdout) : s;
    }

    /**
     * Adds Gamma-Gamma mean spends to the repeat customers of a summary (customers without repeat purchases keep
     * 0).
     *
     * @param truth   the spend parameters; read
     * @param summary the customers; read
     * @param seed    the random seed (use another than for the purchases)
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
            SplittableRandom rng = stream(seed, i);
            double nu = gamma(rng, truth.q()) / truth.v();
            double mean = gamma(rng, truth.p() * x) / (nu * x);
            m[i] = Math.max(mean, Double.MIN_NORMAL);
        }
        return summary.withMonetary(m);
    }

    /** Customer i's stream: SplitMix64's finalizer over the seed and the index. */
    private static SplittableRandom stream(long seed, int i) {
        long z = seed + 0x9E3779B97F4A7C15L * (i + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    /** A Gamma(shape, 1) variate (Marsaglia and Tsang 2000; shape &lt; 1 by their boost U^(1/shape)). */
    static double gamma(SplittableRandom rng, double shape) {
        if (shape < 1) {
            double u = rng.nextDouble();
            return gamma(rng, shape + 1) * Math.exp(Math.log(u) / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = rng.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            double z2 = z * z;
            if (u < 1 - 0.0331 * z2 * z2 || Math.log(u) < 0.5 * z2 + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** A Beta(a, b) variate as X / (X + Y); 0.5 in the (astronomically rare) case that both underflow. */
    static double beta(SplittableRandom rng, double a, double b) {
        double x = gamma(rng, a);
        double y = gamma(rng, b);
        double s = x + y;
        return s > 0 ? x / s : 0.5;
    }
}
