package dev.retention.cohort;

import java.time.Instant;
import java.util.Objects;

/**
 * Options of {@link CohortRetention#compute}. Immutable; start from {@link #defaults()} and change
 * one option at a time with the {@code withX} methods.
 *
 * @param period     the calendar period of cohorts and offsets; {@link CohortPeriod#MONTH} by default
 * @param maxPeriods the most offset columns to compute ({@code m0} to {@code m(maxPeriods-1)}), or 0
 *                   (the default) for as many as the observation span allows; must be {@code >= 0}
 * @param asOf       the end of observation, exclusive: purchases at or after it are ignored, and
 *                   periods that start at or after it are absent from the table (censored), not 0;
 *                   {@code null} (the default) for "just after the last purchase in the log"
 */
public record CohortOptions(CohortPeriod period, int maxPeriods, Instant asOf) {

    /**
     * Validates the options.
     *
     * @param period     the calendar period of cohorts and offsets; {@link CohortPeriod#MONTH} by default
     * @param maxPeriods the most offset columns to compute ({@code m0} to {@code m(maxPeriods-1)}), or 0 (the default)
     *                   for as many as the observation span allows; must be {@code >= 0}
     * @param asOf       the end of observation, exclusive: purchases at or after it are ignored, and periods that start
     *                   at or after it are absent from the table (censored), not 0; {@code null} (the default) for
     *                   "just after the last purchase in the log"
     */
    public CohortOptions {
        Objects.requireNonNull(period, "period");
        if (maxPeriods < 0) {
            throw new IllegalArgumentException("maxPeriods must be >= 0 (0 for no limit), got " + maxPeriods);
        }
    }

    /** {@return the defaults: monthly cohorts, no limit on the number of periods, observed until the last purchase} */
    public static CohortOptions defaults() {
        return new CohortOptions(CohortPeriod.MONTH, 0, null);
    }

    /**
     * {@return a copy with the given period}
     *
     * @param period the calendar period of cohorts and offsets; {@link CohortPeriod#MONTH} by default
     */
    public CohortOptions withPeriod(CohortPeriod period) {
        return new CohortOptions(period, maxPeriods, asOf);
    }

    /**
     * {@return a copy with the given number of offset columns (0 for no limit)}
     *
     * @param maxPeriods the most offset columns to compute ({@code m0} to {@code m(maxPeriods-1)}), or 0 (the default)
     *                   for as many as the observation span allows; must be {@code >= 0}
     */
    public CohortOptions withMaxPeriods(int maxPeriods) {
        return new CohortOptions(period, maxPeriods, asOf);
    }

    /**
     * {@return a copy with the given end of observation ({@code null} for the end of the log)}
     *
     * @param asOf the end of observation, exclusive: purchases at or after it are ignored, and periods that start at or
     *             after it are absent from the table (censored), not 0; {@code null} (the default) for "just after the
     *             last purchase in the log"
     */
    public CohortOptions withAsOf(Instant asOf) {
        return new CohortOptions(period, maxPeriods, asOf);
    }
}
