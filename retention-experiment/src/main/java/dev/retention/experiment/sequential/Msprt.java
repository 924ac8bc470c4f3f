package dev.retention.experiment.sequential;

import java.util.Objects;

/**
 * Always-valid p-values by the mixture sequential probability ratio test (Johari, Koomen, Pekelis and Walsh 2017,
 * "Peeking at A/B tests: why it matters, and what to do about it", KDD; Robbins 1970). For an estimated difference
 * {@code Delta_n} with variance {@code V_n} (for two means {@code s_1^2 / n_1 + s_0^2 / n_0}, for two rates
 * {@code p_1 (1 - p_1) / n_1 + p_0 (1 - p_0) / n_0}) and a normal mixture {@code N(0, tau^2)} over the effect, the
 * likelihood ratio against a zero effect is
 * <pre>
 *   Lambda_n = sqrt(V_n / (V_n + tau^2)) exp(tau^2 Delta_n^2 / (2 V_n (V_n + tau^2)))
 * </pre>
 * (their equation for two streams, written with the variance of the difference), and the always-valid p-value
 * is {@code p_n = min(p_{n-1}, 1 / Lambda_n)}, {@code p_0 = 1}: rejecting when it drops below alpha keeps the type I
 * error at most alpha however often one looks. O(looks).
 */
public final class Msprt {

    private Msprt() {
    }

    /**
     * The always-valid p-value after each look.
     *
     * @param differences read: the estimated difference at each look, finite
     * @param variances   read: the variance of each estimate, finite and &gt; 0
     * @param tau         the standard deviation of the mixture over the effect, finite and &gt; 0 (on the scale of
     *                    the difference: about the size of effect one hopes to detect)
     * @return the p-value after each look, non-increasing, in (0, 1]
     * @throws IllegalArgumentException if the arrays differ in length or a value is out of range
     */
    public static double[] pValues(double[] differences, double[] variances, double tau) {
        Objects.requireNonNull(differences, "differences");
        Objects.requireNonNull(variances, "variances");
        if (differences.length != variances.length) {
            throw new IllegalArgumentException(differences.length + " differences but " + variances.length
                    + " variances");
        }
        if (!(tau > 0 && Double.isFinite(tau))) {
            throw new IllegalArgumentException("tau must be finite and > 0, got " + tau);
        }
        double t2 = tau * tau;
        double[] p = new double[differences.length];
        double running = 1;
        for (int n = 0; n < p.length; n++) {
            double d = differences[n];
            double v = variances[n];
            if (!Double.isFinite(d) || !(v > 0 && Double.isFinite(v))) {
                throw new IllegalArgumentException("look " + n + " needs a finite difference and a finite variance > 0, "
                        + "got " + d + " and " + v);
            }
            double logLambda = 0.5 * Math.log(v / (v + t2)) + t2 * d * d / (2 * v * (v + t2));
            running = Math.min(running, Math.exp(-logLambda));
            p[n] = running;
        }
        return p;
    }
}
