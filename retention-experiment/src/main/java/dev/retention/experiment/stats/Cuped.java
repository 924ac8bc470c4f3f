package dev.retention.experiment.stats;

import java.util.Objects;

/**
 * CUPED variance reduction with a pre-period covariate (Deng, Xu, Kohavi and Walker 2013, "Improving the
 * sensitivity of online controlled experiments by utilizing pre-experiment data", WSDM): the outcome
 * {@code y} becomes {@code y - theta (x - mean(x))} with {@code theta = cov(y, x) / var(x)}, estimated once over
 * the units of every arm together (pooled), so that the adjustment is the same function in every arm and the
 * difference of adjusted means stays unbiased in a randomised experiment. The variance of the adjusted outcome
 * is {@code (1 - rho^2)} times the original, with {@code rho} the correlation of outcome and covariate. O(n).
 *
 * @param theta the coefficient
 * @param covariateMean the pooled mean of the covariate
 */
public record Cuped(double theta, double covariateMean) {

    /**
     * Estimates theta over all units.
     *
     * @param outcome   read: the outcome of every unit, finite
     * @param covariate read: the covariate of every unit, finite, as many as the outcomes
     * @return the adjustment
     * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 units, a value is not
     *                                  finite, or the covariate is constant (no adjustment possible)
     */
    public static Cuped fit(double[] outcome, double[] covariate) {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(covariate, "covariate");
        if (outcome.length != covariate.length || outcome.length < 2) {
            throw new IllegalArgumentException("outcome and covariate need the same length >= 2, got "
                    + outcome.length + " and " + covariate.length);
        }
        double[] my = TwoSampleTests.moments("pooled outcome", outcome);
        double[] mx = TwoSampleTests.moments("pooled covariate", covariate);
        if (mx[1] == 0) {
            throw new IllegalArgumentException("the covariate is " + mx[0] + " for every unit: it cannot reduce variance");
        }
        double sxy = 0;
        for (int i = 0; i < outcome.length; i++) {
            sxy += (outcome[i] - my[0]) * (covariate[i] - mx[0]);
        }
        return new Cuped(sxy / (outcome.length - 1) / mx[1], mx[0]);
    }

    /**
     * {@return the adjusted outcomes {@code y - theta (x - covariateMean)}}
     *
     * @param outcome   read: outcomes
     * @param covariate read: covariates, as many
     * @throws IllegalArgumentException if the lengths differ
     */
    public double[] adjust(double[] outcome, double[] covariate) {
        if (outcome.length != covariate.length) {
            throw new IllegalArgumentException("outcome has " + outcome.length + " values, covariate "
                    + covariate.length);
        }
        double[] out = new double[outcome.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = outcome[i] - theta * (covariate[i] - covariateMean);
        }
        return out;
    }
}
