package dev.retention.cohort;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * The calendar period by which customers are grouped into cohorts and activity is counted. Periods
 * are calendar periods of the log's time zone, numbered consecutively so that "{@code k} periods
 * after the cohort" is a subtraction.
 */
public enum CohortPeriod {

    /** ISO weeks, Monday to Sunday; labels like {@code 2010-W48} (week-based year). */
    WEEK("w", "weekly", "week") {
        @Override
        long index(LocalDate date) {
            return Math.floorDiv(date.toEpochDay() + 3, 7);   // 1970-01-01 was a Thursday
        }

        @Override
        LocalDate start(long index) {
            return LocalDate.ofEpochDay(index * 7 - 3);
        }

        @Override
        String label(long index) {
            LocalDate monday = start(index);
            return String.format(Locale.ROOT, "%04d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                    monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    },

    /** Calendar months; labels like {@code 2010-12}. The default. */
    MONTH("m", "monthly", "month") {
        @Override
        long index(LocalDate date) {
            return date.getYear() * 12L + date.getMonthValue() - 1;
        }

        @Override
        LocalDate start(long index) {
            return LocalDate.of(Math.toIntExact(Math.floorDiv(index, 12)), Math.floorMod(index, 12) + 1, 1);
        }

        @Override
        String label(long index) {
            return String.format(Locale.ROOT, "%04d-%02d", Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
        }
    },

    /** Calendar quarters starting in January, April, July and October; labels like {@code 2010-Q4}. */
    QUARTER("q", "quarterly", "quarter") {
        @Override
        long index(LocalDate date) {
            return date.getYear() * 4L + (date.getMonthValue() - 1) / 3;
        }

        @Override
        LocalDate start(long index) {
            return LocalDate.of(Math.toIntExact(Math.floorDiv(index, 4)), Math.floorMod(index, 4) * 3 + 1, 1);
        }

        @Override
        String label(long index) {
            return String.format(Locale.ROOT, "%04d-Q%d", Math.floorDiv(index, 4), Math.floorMod(index, 4) + 1);
        }
    };

    private final String prefix;
    private final String adjective;
    private final String unit;

    CohortPeriod(String prefix, String adjective, String unit) {
        this.prefix = prefix;
        this.adjective = adjective;
        this.unit = unit;
    }

    /** The consecutive number of the period holding the date. */
    abstract long index(LocalDate date);

    /** The first day of the period with this number. */
    abstract LocalDate start(long index);

    /** A short label of the period with this number. */
    abstract String label(long index);

    /** Column prefix for offsets: {@code m} for months ({@code m0, m1, ...}), {@code w}, {@code q}. */
    String prefix() {
        return prefix;
    }

    /** "monthly", "weekly" or "quarterly". */
    String adjective() {
        return adjective;
    }

    /** "month", "week" or "quarter". */
    String unit() {
        return unit;
    }
}
