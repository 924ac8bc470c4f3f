package dev.retention.experiment.stats;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Two proportions compared: a treated and a control arm of a binary outcome. See
 * {@link TwoSampleTests#proportions}.
 *
 * @param treatedSuccesses units of the treated arm with outcome 1
 * @param treatedUnits     units of the treated arm
 * @param controlSuccesses units of the control arm with outcome 1
 * @param controlUnits     units of the control arm
 * @param treatedRate      the treated rate
 * @param controlRate      the control rate
 * @param difference       treated rate minus control rate
 * @param z                the pooled two-proportion z statistic
 * @param pValue           its two-sided p-value
 * @param wald             Wald interval of the difference (unpooled standard error)
 * @param newcombe         Newcombe's hybrid score interval of the difference (from the two Wilson intervals)
 * @param treatedWilson    Wilson score interval of the treated rate
 * @param controlWilson    Wilson score interval of the control rate
 * @param relativeLift     {@code treatedRate / controlRate - 1}; empty when the control rate is 0
 * @param relativeInterval delta-method interval of the relative lift; empty when the control rate is 0
 */
public record ProportionComparison(long treatedSuccesses, long treatedUnits, long controlSuccesses,
                                   long controlUnits, double treatedRate, double controlRate, double difference,
                                   double z, double pValue, Interval wald, Interval newcombe,
                                   Interval treatedWilson, Interval controlWilson, OptionalDouble relativeLift,
                                   Optional<Interval> relativeInterval) {

    /**
     * Checks that nothing is missing.
     *
     * @param treatedSuccesses units of the treated arm with outcome 1
     * @param treatedUnits units of the treated arm
     * @param controlSuccesses units of the control arm with outcome 1
     * @param controlUnits units of the control arm
     * @param treatedRate the treated rate
     * @param controlRate the control rate
     * @param difference treated rate minus control rate
     * @param z the pooled two-proportion z statistic
     * @param pValue its two-sided p-value
     * @param wald Wald interval of the difference (unpooled standard error)
     * @param newcombe Newcombe's hybrid score interval of the difference (from the two Wilson intervals)
     * @param treatedWilson Wilson score interval of the treated rate
     * @param controlWilson Wilson score interval of the control rate
     * @param relativeLift {@code treatedRate / controlRate - 1}; empty when the control rate is 0
     * @param relativeInterval delta-method interval of the relative lift; empty when the control rate is 0
     * @throws NullPointerException if an interval or optional is null
     */
    public ProportionComparison {
        Objects.requireNonNull(wald, "wald");
        Objects.requireNonNull(newcombe, "newcombe");
        Objects.requireNonNull(treatedWilson, "treatedWilson");
        Objects.requireNonNull(controlWilson, "controlWilson");
        Objects.requireNonNull(relativeLift, "relativeLift");
        Objects.requireNonNull(relativeInterval, "relativeInterval");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d/%d = %.6f vs %d/%d = %.6f: difference %.6f, z %.3f, p %.3g, Wald %s, "
                + "Newcombe %s", treatedSuccesses, treatedUnits, treatedRate, controlSuccesses, controlUnits,
                controlRate, difference, z, pValue, wald, newcombe);
    }
}
