package dev.retention.experiment.planning;

import java.util.Locale;

/**
 * The answer to a planning question: the size per arm, the power and the minimum detectable effect that go
 * together.
 *
 * @param baseline         the control's rate (proportions) or 0 (means, where only the difference matters)
 * @param mde              the minimum detectable effect: an absolute difference in the rate or the mean
 * @param effectSize       the standardised effect: Cohen's h for proportions, Cohen's d for means
 * @param exactSampleSize  the fractional size per arm that solves the power equation (statsmodels' value)
 * @param sampleSizePerArm units per arm: {@code ceil(exactSampleSize)} when the size was solved, else the given
 *                         size
 * @param power            the power at {@code sampleSizePerArm} units per arm
 * @param alpha            the two-sided significance level
 */
public record Plan(double baseline, double mde, double effectSize, double exactSampleSize, long sampleSizePerArm,
                   double power, double alpha) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "baseline %.6g, mde %.6g (effect size %.6g), alpha %.4g: %,d units per arm "
                + "(exact %.4f), power %.6f", baseline, mde, effectSize, alpha, sampleSizePerArm, exactSampleSize, power);
    }
}
