package dev.retention.cohort;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A cohort retention table, computed by {@link CohortRetention#compute}: one row per acquisition
 * cohort (customers whose first purchase fell in the same calendar period, for example
 * {@code 2010-12}), one column per offset {@code k = 0, 1, 2, ...} periods after the cohort's period.
 * Immutable and thread-safe; accessors that return arrays return copies.
 *
 * <p>Per cohort {@code c}:
 * <ul>
 *   <li>{@link #size(int) size}: customers whose first observed purchase is in the cohort's period;</li>
 *   <li>{@link #active(int, int) active(c, k)}: customers of the cohort with at least one purchase in
 *       period {@code cohort + k}; offset 0 equals the size;</li>
 *   <li>{@link #retention(int, int) retention(c, k)} = active / size;</li>
 *   <li>{@link #repurchaseRate(int) repurchase rate}: the share of the cohort with two or more distinct
 *       orders before the observation end;</li>
 *   <li>{@link #repurchaseRateWithin(int, int) repurchase rate within 30, 60 or 90 days}: of the
 *       cohort's customers whose first order is at least that many days before the observation end, the
 *       share whose second order came at most that many days after their first.</li>
 * </ul>
 * Cells of periods that start at or after the {@link #observationEnd() observation end} are absent:
 * {@link #isObserved(int, int)} is false, {@code active} is -1, {@code retention} is empty and the rows of
 * {@link #retentionRates()} stop before them. The period that holds the observation end is observed only in
 * part, which {@link #isPartial(int, int)} tells. No method returns NaN: a rate that cannot be computed (a
 * window in which no customer is eligible yet) is empty.
 */
public final class CohortTable {

    private static final int MAX_ROWS_SHOWN = 24;
    private static final int MAX_COLUMNS_SHOWN = 13;

    private final CohortOptions options;
    private final ZoneId zone;
    private final Instant end;
    private final String[] labels;
    private final LocalDate[] starts;
    private final long[] cohortPeriods;
    private final long lastPeriod;
    private final boolean lastPartial;
    private final int columns;
    private final int[] size;
    private final int[] active;            // rows x columns, row-major
    private final int[] observedOffsets;   // per row: cells [0, observedOffsets[r]) are observed
    private final int[] repeat;
    private final int[] eligible;          // rows x windows
    private final int[] repeatWithin;      // rows x windows
    private final int total;

    CohortTable(CohortOptions options, ZoneId zone, Instant end, String[] labels, LocalDate[] starts,
                long[] cohortPeriods, long lastPeriod, boolean lastPartial, int columns, int[] size, int[] active,
                int[] observedOffsets, int[] repeat, int[] eligible, int[] repeatWithin) {
        this.options = options;
        this.zone = zone;
        this.end = end;
        this.labels = labels;
        this.starts = starts;
        this.cohortPeriods = cohortPeriods;
        this.lastPeriod = lastPeriod;
        this.lastPartial = lastPartial;
        this.columns = columns;
        this.size = size;
        this.active = active;
        this.observedOffsets = observedOffsets;
        this.repeat = repeat;
        this.eligible = eligible;
        this.repeatWithin = repeatWithin;
        int sum = 0;
        for (int s : size) {
            sum += s;
        }
        this.total = sum;
        assert checkStructure();
    }

    private boolean checkStructure() {
        for (int r = 0; r < labels.length; r++) {
            assert size[r] > 0 : "empty cohort " + labels[r];
            assert observedOffsets[r] >= 1 && observedOffsets[r] <= columns;
            assert active[r * columns] == size[r] : "offset 0 of " + labels[r] + " is not the cohort size";
            for (int k = 0; k < columns; k++) {
                int a = active[r * columns + k];
                assert a >= 0 && a <= size[r] && (k < observedOffsets[r] || a == 0);
            }
            assert r == 0 || cohortPeriods[r - 1] < cohortPeriods[r];
        }
        return true;
    }

    /** {@return the options the table was computed with} */
    public CohortOptions options() {
        return options;
    }

    /** {@return the calendar period of cohorts and offsets} */
    public CohortPeriod period() {
        return options.period();
    }

    /** {@return the time zone whose calendar defines the periods (the log's zone)} */
    public ZoneId zone() {
        return zone;
    }

    /**
     * {@return the end of observation, exclusive: {@link CohortOptions#asOf()}, or one second after the last
     * purchase of the log}
     */
    public Instant observationEnd() {
        return end;
    }

    /** {@return the number of cohorts (rows); only periods in which at least one customer made a first purchase} */
    public int cohortCount() {
        return labels.length;
    }

    /** {@return the number of offset columns: {@code 0..offsetCount()-1}} */
    public int offsetCount() {
        return columns;
    }

    /**
     * {@return the label of a cohort, such as {@code 2010-12}, {@code 2010-W48} or {@code 2010-Q4}}
     *
     * @param cohort cohort, in [0, cohortCount())
     */
    public String label(int cohort) {
        return labels[Objects.checkIndex(cohort, labels.length)];
    }

    /** {@return the labels of all cohorts, in calendar order, copied} */
    public String[] labels() {
        return labels.clone();
    }

    /**
     * {@return the first day of a cohort's period, in {@link #zone()}}
     *
     * @param cohort cohort, in [0, cohortCount())
     */
    public LocalDate cohortStart(int cohort) {
        return starts[Objects.checkIndex(cohort, starts.length)];
    }

    /**
     * {@return the index of the cohort with this label, or -1}
     *
     * @param label a cohort label, as {@link #label(int)} gives it
     */
    public int indexOf(String label) {
        for (int r = 0; r < labels.length; r++) {
            if (labels[r].equals(label)) {
                return r;
            }
        }
        return -1;
    }

    /**
     * {@return customers whose first purchase falls in the cohort's period}
     *
     * @param cohort cohort, in [0, cohortCount())
     */
    public int size(int cohort) {
        return size[Objects.checkIndex(cohort, size.length)];
    }

    /** {@return the sizes of all cohorts, copied} */
    public int[] sizes() {
        return size.clone();
    }

    /**
     * {@return the number of offsets of the cohort that are observed: cells {@code 0..observedOffsets(c)-1}}
     *
     * @param cohort cohort, in [0, cohortCount())
     */
    public int observedOffsets(int cohort) {
        return observedOffsets[Objects.checkIndex(cohort, observedOffsets.length)];
    }

    /**
     * {@return whether the period {@code cohort + offset} starts before the observation end}
     *
     * @param cohort cohort, in [0, cohortCount())
     * @param offset periods after the cohort's first, &gt;= 0
     */
    public boolean isObserved(int cohort, int offset) {
        checkOffset(offset);
        return offset < observedOffsets(cohort);
    }

    /**
     * {@return whether the period {@code cohort + offset} holds the observation end, so is observed only in
     * part} Timestamps are whole seconds, so a period that ends less than a second after the
     * observation end is complete.
     *
     * @param cohort cohort, in [0, cohortCount())
     * @param offset periods after the cohort's first, &gt;= 0
     */
    public boolean isPartial(int cohort, int offset) {
        return isObserved(cohort, offset) && lastPartial && cohortPeriods[cohort] + offset == lastPeriod;
    }

    /**
     * {@return customers of the cohort with at least one purchase in period {@code cohort + offset}, or -1 when
     * that period is not observed}
     *
     * @param cohort cohort, in [0, cohortCount())
     * @param offset periods after the cohort's first, &gt;= 0
     */
    public int active(int cohort, int offset) {
        return isObserved(cohort, offset) ? active[cohort * columns + offset] : -1;
    }

    /**
     * {@return the active customers over cohort size, or empty when the period is not observed}
     *
     * @param cohort cohort, in [0, cohortCount())
     * @param offset periods after the cohort's first, &gt;= 0
     */
    public OptionalDouble retention(int cohort, int offset) {
        return isObserved(cohort, offset) ? OptionalDouble.of(rate(cohort, offset)) : OptionalDouble.empty();
    }

    /** The retention of an observed cell. */
    private double rate(int cohort, int offset) {
        return (double) active[cohort * columns + offset] / size[cohort];
    }

    /** {@return the active customers, one row per cohort, -1 where not observed; a new array} */
    public int[][] activeCounts() {
        int[][] out = new int[labels.length][columns];
        for (int r = 0; r < labels.length; r++) {
            for (int k = 0; k < columns; k++) {
                out[r][k] = active(r, k);
            }
        }
        return out;
    }

    /**
     * {@return the retention rates, one row per cohort, each row as long as the cohort's observed offsets (the triangle
     * of a
     * cohort table: later cohorts have shorter rows); new arrays}
     */
    public double[][] retentionRates() {
        double[][] out = new double[labels.length][];
        for (int r = 0; r < labels.length; r++) {
            out[r] = new double[observedOffsets[r]];
            for (int k = 0; k < out[r].length; k++) {
                out[r][k] = rate(r, k);
            }
        }
        return out;
    }

    /**
     * {@return customers of the cohort with two or more distinct orders before the observation end}
     *
     * @param cohort cohort, in [0, cohortCount())
     */
    public int repeatCustomers(int cohort) {
        return repeat[Objects.checkIndex(cohort, repeat.length)];
    }

    /**
     * {@return {@link #repeatCustomers(int)} over {@link #size(int)}}
     *
     * @param cohort cohort, in [0, cohortCount())
     */
    public double repurchaseRate(int cohort) {
        return (double) repeatCustomers(cohort) / size[cohort];
    }

    /**
     * {@return customers of the cohort whose first order is more than {@code days} days before the observation
     * end, so that the whole window after it is observed}
     *
     * @param cohort cohort, in [0, cohortCount())
     * @param days one of {@link CohortRetention#REPURCHASE_WINDOWS_DAYS}
     */
    public int eligibleWithin(int cohort, int days) {
        return eligible[Objects.checkIndex(cohort, labels.length) * windows() + window(days)];
    }

    /**
     * Of the {@link #eligibleWithin eligible} customers, those whose second order came within {@code days} days.
     *
     * @param cohort cohort, in [0, cohortCount())
     * @param days   one of {@link CohortRetention#REPURCHASE_WINDOWS_DAYS}
     * @return the eligible customers of the cohort with a second order within {@code days} days
     */
    public int repeatCustomersWithin(int cohort, int days) {
        return repeatWithin[Objects.checkIndex(cohort, labels.length) * windows() + window(days)];
    }

    /**
     * {@return the conversion to a second order within {@code days} days of the first: repeat customers within
     * the window over eligible customers, or empty when no customer of the cohort is eligible yet}
     *
     * @param cohort cohort, in [0, cohortCount())
     * @param days one of {@link CohortRetention#REPURCHASE_WINDOWS_DAYS}
     */
    public OptionalDouble repurchaseRateWithin(int cohort, int days) {
        int e = eligibleWithin(cohort, days);
        return e == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) repeatCustomersWithin(cohort, days) / e);
    }

    /** {@return customers in all cohorts} */
    public int totalCustomers() {
        return total;
    }

    /** {@return the share of all customers with two or more distinct orders} */
    public double overallRepurchaseRate() {
        long sum = 0;
        for (int r : repeat) {
            sum += r;
        }
        return (double) sum / total;
    }

    /**
     * {@return the share of all eligible customers whose second order came within {@code days} days; empty if none is
     * eligible}
     *
     * @param days one of {@link CohortRetention#REPURCHASE_WINDOWS_DAYS}
     */
    public OptionalDouble overallRepurchaseRateWithin(int days) {
        int w = window(days);
        long num = 0;
        long den = 0;
        for (int r = 0; r < labels.length; r++) {
            num += repeatWithin[r * windows() + w];
            den += eligible[r * windows() + w];
        }
        return den == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) num / den);
    }

    /**
     * {@return the size-weighted mean retention curve: for each offset, the active customers over the sizes of
     * the cohorts in which that offset is observed} Every offset is observed in the first cohort, so every
     * entry is defined; entry 0 is 1.
     */
    public double[] meanRetention() {
        double[] mean = new double[columns];
        for (int k = 0; k < columns; k++) {
            long num = 0;
            long den = 0;
            for (int r = 0; r < labels.length; r++) {
                if (k < observedOffsets[r]) {
                    num += active[r * columns + k];
                    den += size[r];
                }
            }
            assert den > 0 : "offset " + k + " is observed in the first cohort";
            mean[k] = (double) num / den;
        }
        return mean;
    }

    // ---------------------------------------------------------------- export

    /**
     * {@return the rates as CSV: a header {@code cohort,size,repurchase_rate,m0,m1,...} (offsets prefixed
     * {@code w} for weeks, {@code q} for quarters), then one row per cohort; rates are decimal
     * fractions, cells not observed are empty} Lines end with {@code \n}.
     */
    public String toCsv() {
        return csv(false);
    }

    /**
     * {@return the counts as CSV: a header {@code cohort,size,repeat_customers,m0,m1,...}, then one row per
     * cohort with the active customers per offset; cells not observed are empty}
     */
    public String toCountsCsv() {
        return csv(true);
    }

    /**
     * Writes {@link #toCsv()} to a file, UTF-8.
     *
     * @param path the file, replaced if it exists
     * @throws IOException if the file cannot be written
     */
    public void writeCsv(Path path) throws IOException {
        Files.writeString(path, toCsv(), StandardCharsets.UTF_8);
    }

    /**
     * Writes {@link #toCountsCsv()} to a file, UTF-8.
     *
     * @param path the file, replaced if it exists
     * @throws IOException if the file cannot be written
     */
    public void writeCountsCsv(Path path) throws IOException {
        Files.writeString(path, toCountsCsv(), StandardCharsets.UTF_8);
    }

    private String csv(boolean counts) {
        StringBuilder sb = new StringBuilder();
        sb.append("cohort,size,").append(counts ? "repeat_customers" : "repurchase_rate");
        for (int k = 0; k < columns; k++) {
            sb.append(',').append(period().prefix()).append(k);
        }
        sb.append('\n');
        for (int r = 0; r < labels.length; r++) {
            sb.append(labels[r]).append(',').append(size[r]).append(',');
            sb.append(counts ? Integer.toString(repeat[r]) : decimal(repurchaseRate(r)));
            for (int k = 0; k < columns; k++) {
                sb.append(',');
                if (isObserved(r, k)) {
                    sb.append(counts ? Integer.toString(active(r, k)) : decimal(rate(r, k)));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The shortest decimal that reads back as the same double, without exponent. */
    private static String decimal(double x) {
        return BigDecimal.valueOf(x).toPlainString();
    }

    // ---------------------------------------------------------------- toString

    /**
     * A compact table of retention percentages, cohorts as rows and offsets as columns, with the
     * repurchase rates; at most 24 rows (the first and last 12) and 13 offsets are shown.
     */
    @Override
    public String toString() {
        CohortPeriod p = period();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "CohortTable: %s cohorts in %s, %,d cohorts, %,d customers, "
                        + "observed until %s%s%n", p.adjective(), zoneName(), labels.length, total,
                LocalDateTime.ofInstant(end, zone).toString().replace('T', ' '),
                lastPartial ? " (" + p.label(lastPeriod) + " partial)" : ""));
        sb.append(String.format(Locale.ROOT, "repeat customers %s; second order within", percent(overallRepurchaseRate())));
        String sep = " ";
        for (int days : CohortRetention.REPURCHASE_WINDOWS_DAYS) {
            sb.append(sep).append(days).append(" days ").append(percent(overallRepurchaseRateWithin(days)
                    .orElse(Double.NaN)));
            sep = ", ";
        }
        sb.append('\n');

        int labelWidth = "cohort".length();
        for (String l : labels) {
            labelWidth = Math.max(labelWidth, l.length());
        }
        int sizeWidth = Math.max(4, String.format(Locale.ROOT, "%,d", total).length());
        int shownColumns = Math.min(columns, MAX_COLUMNS_SHOWN);
        StringBuilder line = new StringBuilder();
        line.append(pad("cohort", labelWidth, false)).append(' ').append(pad("size", sizeWidth, true))
                .append(' ').append(pad("repeat", 7, true)).append(' ');
        for (int k = 0; k < shownColumns; k++) {
            line.append(' ').append(pad(p.prefix() + k, 5, true)).append(' ');
        }
        sb.append(strip(line)).append('\n');

        int rows = labels.length;
        boolean cut = rows > MAX_ROWS_SHOWN;
        for (int r = 0; r < rows; r++) {
            if (cut && r == MAX_ROWS_SHOWN / 2) {
                sb.append(String.format(Locale.ROOT, "... %,d cohorts not shown ...%n", rows - MAX_ROWS_SHOWN));
                r = rows - MAX_ROWS_SHOWN / 2;
            }
            line.setLength(0);
            line.append(pad(labels[r], labelWidth, false)).append(' ')
                    .append(pad(String.format(Locale.ROOT, "%,d", size[r]), sizeWidth, true)).append(' ')
                    .append(pad(percent(repurchaseRate(r)), 7, true)).append(' ');
            for (int k = 0; k < shownColumns; k++) {
                line.append(' ');
                if (isObserved(r, k)) {
                    line.append(String.format(Locale.ROOT, "%5.1f", 100 * rate(r, k)))
                            .append(isPartial(r, k) ? '*' : ' ');
                } else {
                    line.append("      ");
                }
            }
            sb.append(strip(line)).append('\n');
        }
        double[] mean = meanRetention();
        line.setLength(0);
        line.append(pad("all", labelWidth, false)).append(' ')
                .append(pad(String.format(Locale.ROOT, "%,d", total), sizeWidth, true)).append(' ')
                .append(pad(percent(overallRepurchaseRate()), 7, true)).append(' ');
        for (int k = 0; k < shownColumns; k++) {
            line.append(' ').append(String.format(Locale.ROOT, "%5.1f", 100 * mean[k])).append(' ');
        }
        sb.append(strip(line)).append('\n');
        sb.append("retention in % of cohort size by ").append(p.unit()).append("s since first purchase; "
                + "all = size-weighted mean; * partial ").append(p.unit()).append("; blank = not observed");
        if (columns > shownColumns) {
            sb.append(String.format(Locale.ROOT, "; %s%d..%s%d not shown", p.prefix(), shownColumns, p.prefix(),
                    columns - 1));
        }
        return sb.append('\n').toString();
    }

    private String zoneName() {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    private static String percent(double rate) {
        return Double.isNaN(rate) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * rate);
    }

    private static String pad(String s, int width, boolean right) {
        if (s.length() >= width) {
            return s;
        }
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }

    private static String strip(StringBuilder line) {
        int n = line.length();
        while (n > 0 && line.charAt(n - 1) == ' ') {
            n--;
        }
        return line.substring(0, n);
    }

    private int windows() {
        return CohortRetention.REPURCHASE_WINDOWS_DAYS.size();
    }

    private static int window(int days) {
        int w = CohortRetention.REPURCHASE_WINDOWS_DAYS.indexOf(days);
        if (w < 0) {
            throw new IllegalArgumentException("days must be one of " + CohortRetention.REPURCHASE_WINDOWS_DAYS
                    + ", got " + days);
        }
        return w;
    }

    private void checkOffset(int offset) {
        if (offset < 0 || offset >= columns) {
            throw new IndexOutOfBoundsException("offset must be in [0, " + columns + "), got " + offset);
        }
    }

    /** Equal when computed with equal options over the same cells; for tests and caching. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CohortTable t && options.equals(t.options) && zone.equals(t.zone) && end.equals(t.end)
                && columns == t.columns && Arrays.equals(cohortPeriods, t.cohortPeriods)
                && Arrays.equals(size, t.size) && Arrays.equals(active, t.active)
                && Arrays.equals(observedOffsets, t.observedOffsets) && Arrays.equals(repeat, t.repeat)
                && Arrays.equals(eligible, t.eligible) && Arrays.equals(repeatWithin, t.repeatWithin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(options, zone, end, columns, Arrays.hashCode(size), Arrays.hashCode(active));
    }
}
