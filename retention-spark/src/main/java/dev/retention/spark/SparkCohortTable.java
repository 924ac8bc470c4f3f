package dev.retention.spark;

import dev.retention.cohort.CohortPeriod;

import java.time.LocalDate;
import java.util.List;

/**
 * The cohort table of {@link SparkCohorts}: per cohort (in calendar order) its first day, its size, its active
 * customers per offset, its repeat customers, and per repurchase window the customers whose window is observed
 * and those who bought again within it. Immutable; arrays are copied out.
 */
public final class SparkCohortTable {

    private final CohortPeriod period;
    private final LocalDate[] starts;
    private final int[] sizes;
    private final int[][] active;
    private final int[] observedOffsets;
    private final int[] repeat;
    private final int[][] eligible;
    private final int[][] repeatWithin;
    private final List<Integer> windows;

    SparkCohortTable(CohortPeriod period, LocalDate[] starts, int[] sizes, int[][] active, int[] observedOffsets,
                     int[] repeat, int[][] eligible, int[][] repeatWithin, List<Integer> windows) {
        this.period = period;
        this.starts = starts;
        this.sizes = sizes;
        this.active = active;
        this.observedOffsets = observedOffsets;
        this.repeat = repeat;
        this.eligible = eligible;
        this.repeatWithin = repeatWithin;
        this.windows = List.copyOf(windows);
    }

    /** {@return the period of cohorts and offsets} */
    public CohortPeriod period() {
        return period;
    }

    /** {@return the number of cohorts} */
    public int cohortCount() {
        return sizes.length;
    }

    /** {@return the number of offset columns} */
    public int offsetCount() {
        return sizes.length == 0 ? 0 : active[0].length;
    }

    /**
     * {@return the first day of a cohort's period}
     *
     * @param cohort the cohort's row
     */
    public LocalDate cohortStart(int cohort) {
        return starts[cohort];
    }

    /**
     * {@return the customers of a cohort}
     *
     * @param cohort the cohort's row
     */
    public int size(int cohort) {
        return sizes[cohort];
    }

    /**
     * {@return the customers of a cohort who bought in the period {@code offset} periods after the cohort's, or -1
     * where that period is not observed (as the single-JVM table)}
     *
     * @param cohort the cohort's row
     * @param offset the offset, {@code 0 <= offset < offsetCount()}
     */
    public int active(int cohort, int offset) {
        return offset < observedOffsets[cohort] ? active[cohort][offset] : -1;
    }

    /**
     * {@return how many offsets of a cohort are observed (at least partly) before the end}
     *
     * @param cohort the cohort's row
     */
    public int observedOffsets(int cohort) {
        return observedOffsets[cohort];
    }

    /**
     * {@return the customers of a cohort with two or more distinct orders}
     *
     * @param cohort the cohort's row
     */
    public int repeatCustomers(int cohort) {
        return repeat[cohort];
    }

    /**
     * {@return the customers of a cohort whose repurchase window of {@code days} is wholly observed}
     *
     * @param cohort the cohort's row
     * @param days   one of the windows, 30, 60 or 90
     * @throws IllegalArgumentException if {@code days} is not one of the windows
     */
    public int eligibleWithin(int cohort, int days) {
        return eligible[cohort][window(days)];
    }

    /**
     * {@return the eligible customers of a cohort whose second order came within {@code days} of the first}
     *
     * @param cohort the cohort's row
     * @param days   one of the windows, 30, 60 or 90
     * @throws IllegalArgumentException if {@code days} is not one of the windows
     */
    public int repeatCustomersWithin(int cohort, int days) {
        return repeatWithin[cohort][window(days)];
    }

    private int window(int days) {
        int w = windows.indexOf(days);
        if (w < 0) {
            throw new IllegalArgumentException("days must be one of " + windows + ", got " + days);
        }
        return w;
    }
}
