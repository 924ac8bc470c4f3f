package dev.retention.experiment.stats;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Two means compared by Welch's t-test. See {@link TwoSampleTests#welch}.
 *
 * @param treatedUnits     units of the treated arm
 * @param controlUnits     units of the control arm
 * @param treatedMean      the treated mean
 * @param controlMean      the control mean
 * @param treatedVariance  the treated sample variance (divisor n - 1)
 * @param controlVariance  the control sample variance (divisor n - 1)
 * @param difference       treated mean minus control mean
 * @param t                Welch's t statistic
 * @param df               Welch-Satterthwaite degrees of freedom
 * @param pValue           the two-sided p-value
 * @param interval         the interval of the difference, {@code difference +- t_{df, 1 - alpha/2} se}
 * @param relativeLift     {@code treatedMean / controlMean - 1}; empty when the control mean is 0
 * @param relativeInterval delta-method interval of the relative lift; empty when the control mean is 0
 */
public record MeanComparison(long treatedUnits, long controlUnits, double treatedMean, double controlMean,
                             double treatedVariance, double controlVariance, double difference, double t, double df,
                             double pValue, Interval interval, OptionalDouble relativeLift,
                             Optional<Interval> relativeInterval) {

    /**
     * Checks that nothing is missing.
     *
     * @param treatedUnits units of the treated arm
     * @param controlUnits units of the control arm
     * @param treatedMean the treated mean
     * @param controlMean the control mean
     * @param treatedVariance the treated sample variance (divisor n - 1)
     * @param controlVariance the control sample variance (divisor n - 1)
     * @param difference treated mean minus control mean
     * @param t Welch's t statistic
     * @param df Welch-Satterthwaite degrees of freedom
     * @param pValue the two-sided p-value
     * @param interval the interval of the difference, {@code difference +- t_{df, 1 - alpha/2} se}
     * @param relativeLift {@code treatedMean / controlMean - 1}; empty when the control mean is 0
     * @param relativeInterval delta-method interval of the relative lift; empty when the control mean is 0
     * @throws NullPointerException if an interval or optional is null
     */
    public MeanComparison {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(relativeLift, "relativeLift");
        Objects.requireNonNull(relativeInterval, "relativeInterval");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.6f (n %d) vs %.6f (n %d): difference %.6f, Welch t %.3f, df %.1f, p %.3g, %s",
                treatedMean, treatedUnits, controlMean, controlUnits, difference, t, df, pValue, interval);
    }
}
