package dev.retention.experiment.stats;

import java.util.Locale;

/**
 * A confidence interval {@code [low, high]}.
 *
 * @param low  the lower end, finite
 * @param high the upper end, finite and &gt;= {@code low}
 */
public record Interval(double low, double high) {

    /**
     * Checks the ends.
     *
     * @param low  the lower end, finite
     * @param high the upper end, finite and &gt;= {@code low}
     * @throws IllegalArgumentException if an end is not finite or {@code high < low}
     */
    public Interval {
        if (!(Double.isFinite(low) && Double.isFinite(high) && high >= low)) {
            throw new IllegalArgumentException("an interval needs finite ends with low <= high, got [" + low + ", "
                    + high + "]");
        }
    }

    /**
     * {@return whether the interval holds {@code value}}
     *
     * @param value the value
     */
    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[%.6g, %.6g]", low, high);
    }
}
