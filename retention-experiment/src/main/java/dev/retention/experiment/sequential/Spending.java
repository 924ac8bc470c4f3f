package dev.retention.experiment.sequential;

import dev.retention.experiment.stats.Distributions;

/**
 * Lan-DeMets alpha-spending functions: the share of the type I error spent by information fraction {@code t}, per
 * side of a two-sided test with level {@code a} per side (Lan and DeMets 1983, <i>Biometrika</i> 70, 659-663;
 * Jennison and Turnbull 2000, <i>Group Sequential Methods with Applications to Clinical Trials</i>, section 7.2).
 */
public enum Spending {

    /** O'Brien-Fleming type: {@code 2 - 2 Phi(z_{1 - a/2} / sqrt(t))}; spends almost nothing early. */
    OBRIEN_FLEMING {
        @Override
        public double spent(double t, double a) {
            check(t, a);
            if (t == 0) {
                return 0;
            }
            return 2 * Distributions.normalSf(Distributions.normalUpperQuantile(a / 2) / Math.sqrt(t));
        }
    },

    /** Pocock type: {@code a ln(1 + (e - 1) t)}; spends evenly. */
    POCOCK {
        @Override
        public double spent(double t, double a) {
            check(t, a);
            return a * Math.log1p((Math.E - 1) * t);
        }
    };

    /**
     * {@return the error spent by information fraction {@code t}}
     *
     * @param t the information fraction, in [0, 1]
     * @param a the error of the whole test on this side, in (0, 1)
     * @throws IllegalArgumentException if an argument is out of range
     */
    public abstract double spent(double t, double a);

    private static void check(double t, double a) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("the information fraction must be in [0, 1], got " + t);
        }
        if (!(a > 0 && a < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + a);
        }
    }
}
