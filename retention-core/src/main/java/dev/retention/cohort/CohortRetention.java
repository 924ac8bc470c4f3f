package dev.retention.cohort;

import dev.retention.data.TransactionLog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Cohort retention from a {@link TransactionLog}: each customer belongs to the cohort of the calendar
 * period (month by default) of their first purchase, and is <em>active</em> in period {@code k} of
 * the cohort when they have at least one purchase in the calendar period {@code cohort + k}. The
 * result, a {@link CohortTable}, gives per cohort its size, the active customers and retention rate
 * per offset, and the repurchase rates; see there.
 *
 * <p>Only purchases count: netted cancellation lines ({@link TransactionLog#isCancellation(int)})
 * are never activity. Calendar periods are those of {@link TransactionLog#zone()}. Observation ends at
 * {@link CohortOptions#asOf()} (exclusive; by default just after the last purchase): later purchases
 * are ignored, cells of periods that start at or after the end are absent (not 0), and the period
 * holding the end is marked partial.
 *
 * <p>One pass over the log's lines, which are sorted by customer then time: O(n + c log c + r * p)
 * time for n lines, c customers, r cohorts and p periods, O(c + r * p) memory. Reference: acquisition
 * cohorts as used in customer-base analysis, for example P. S. Fader and B. G. S. Hardie,
 * "Probability Models for Customer-Base Analysis", Journal of Interactive Marketing 23(1), 2009.
 */
public final class CohortRetention {

    /** The windows, in days after the first order, of {@link CohortTable#repurchaseRateWithin}. */
    public static final List<Integer> REPURCHASE_WINDOWS_DAYS = List.of(30, 60, 90);

    /** Refuse tables larger than this many cells; a caller that wants them sets maxPeriods. */
    private static final long MAX_CELLS = 50_000_000L;

    private static final long DAY = 86_400L;

    private CohortRetention() {
    }

    /**
     * {@return the cohort table with {@link CohortOptions#defaults() default options}: monthly, to the end of the log}
     *
     * @param log read; must hold at least one purchase before {@code options.asOf()}
     */
    public static CohortTable compute(TransactionLog log) {
        return compute(log, CohortOptions.defaults());
    }

    /**
     * {@return the cohort table of a transaction log}
     *
     * @param log     read; must hold at least one purchase before {@code options.asOf()}
     * @param options read
     * @throws IllegalArgumentException if the log is empty, if no purchase is observed before
     *                                  {@code asOf}, or if the table would be absurdly large (more than
     *                                  50 million cells; set {@link CohortOptions#maxPeriods()})
     */
    public static CohortTable compute(TransactionLog log, CohortOptions options) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(options, "options");
        if (log.isEmpty()) {
            throw new IllegalArgumentException("log must hold at least one purchase, got an empty transaction log");
        }
        ZoneId zone = log.zone();
        CohortPeriod period = options.period();
        long end = options.asOf() == null ? log.maxPurchaseTime() + 1 : ceilSeconds(options.asOf());
        int nCustomers = log.customerCount();

        // 1. First observed purchase of each customer (lines are in time order per customer).
        long[] first = new long[nCustomers];
        boolean[] observed = new boolean[nCustomers];
        long firstPurchaseEver = Long.MAX_VALUE;
        int observedCustomers = 0;
        for (int c = 0; c < nCustomers; c++) {
            int lineEnd = log.lineEnd(c);
            for (int i = log.lineStart(c); i < lineEnd; i++) {
                if (!log.isCancellation(i)) {
                    long t = log.time(i);
                    firstPurchaseEver = Math.min(firstPurchaseEver, t);
                    if (t < end) {
                        first[c] = t;
                        observed[c] = true;
                        observedCustomers++;
                    }
                    break;
                }
            }
        }
        if (observedCustomers == 0) {
            throw new IllegalArgumentException("asOf must be after the first purchase, at "
                    + Instant.ofEpochSecond(firstPurchaseEver) + ", got " + options.asOf());
        }

        // 2. Cohorts: the distinct periods of first purchases, in calendar order.
        PeriodClock clock = new PeriodClock(period, zone);
        long[] cohortPeriod = new long[nCustomers];
        long[] distinct = new long[observedCustomers];
        int k = 0;
        for (int c = 0; c < nCustomers; c++) {
            if (observed[c]) {
                cohortPeriod[c] = clock.index(first[c]);
                distinct[k++] = cohortPeriod[c];
            }
        }
        Arrays.sort(distinct);
        int rows = 0;
        for (int j = 0; j < distinct.length; j++) {
            if (j == 0 || distinct[j] != distinct[j - 1]) {
                distinct[rows++] = distinct[j];
            }
        }
        long[] cohorts = Arrays.copyOf(distinct, rows);

        // 3. Columns: offsets up to the period holding the last observed second.
        long lastPeriod = clock.index(end - 1);
        boolean lastPartial = clock.startSecond(lastPeriod + 1) != end;
        long span = lastPeriod - cohorts[0] + 1;
        int cols = (int) Math.min(span, options.maxPeriods() > 0 ? options.maxPeriods() : Integer.MAX_VALUE);
        if ((long) rows * cols > MAX_CELLS) {
            throw new IllegalArgumentException("the table would have " + rows + " cohorts x " + cols + " "
                    + period.adjective() + " periods, more than " + MAX_CELLS + " cells; set maxPeriods");
        }
        int[] observedOffsets = new int[rows];
        for (int r = 0; r < rows; r++) {
            observedOffsets[r] = (int) Math.min(cols, lastPeriod - cohorts[r] + 1);
        }

        // 4. One pass over the lines: active cells, distinct orders, time of the second order.
        int windows = REPURCHASE_WINDOWS_DAYS.size();
        int[] size = new int[rows];
        int[] active = new int[rows * cols];
        int[] repeat = new int[rows];
        int[] eligible = new int[rows * windows];
        int[] repeatWithin = new int[rows * windows];
        int[] seenBy = new int[log.orderCount()];
        Arrays.fill(seenBy, -1);
        for (int c = 0; c < nCustomers; c++) {
            if (!observed[c]) {
                continue;
            }
            int row = Arrays.binarySearch(cohorts, cohortPeriod[c]);
            size[row]++;
            int base = row * cols;
            int lastOffset = -1;
            int orders = 0;
            long second = 0;
            int lineEnd = log.lineEnd(c);
            for (int i = log.lineStart(c); i < lineEnd; i++) {
                long t = log.time(i);
                if (t >= end) {
                    break;
                }
                if (log.isCancellation(i)) {
                    continue;
                }
                int o = log.order(i);
                if (seenBy[o] != c) {
                    seenBy[o] = c;
                    if (++orders == 2) {
                        second = t;
                    }
                }
                long offset = clock.index(t) - cohortPeriod[c];
                if (offset != lastOffset && offset < cols) {
                    active[base + (int) offset]++;
                    lastOffset = (int) offset;
                }
            }
            if (orders >= 2) {
                repeat[row]++;
            }
            for (int w = 0; w < windows; w++) {
                long window = REPURCHASE_WINDOWS_DAYS.get(w) * DAY;
                if (first[c] + window < end) {   // the whole window is observed
                    eligible[row * windows + w]++;
                    if (orders >= 2 && second - first[c] <= window) {
                        repeatWithin[row * windows + w]++;
                    }
                }
            }
        }
        LocalDate[] starts = new LocalDate[rows];
        String[] labels = new String[rows];
        for (int r = 0; r < rows; r++) {
            starts[r] = period.start(cohorts[r]);
            labels[r] = period.label(cohorts[r]);
        }
        Instant observationEnd = options.asOf() != null ? options.asOf() : Instant.ofEpochSecond(end);
        return new CohortTable(options, zone, observationEnd, labels, starts, cohorts, lastPeriod, lastPartial, cols, size,
                active, observedOffsets, repeat, eligible, repeatWithin);
    }

    /** Epoch seconds of the instant, rounded up: a purchase at second t is observed iff t is before asOf. */
    private static long ceilSeconds(Instant asOf) {
        return asOf.getNano() > 0 ? asOf.getEpochSecond() + 1 : asOf.getEpochSecond();
    }

    /**
     * Maps epoch seconds to period numbers, remembering the bounds of the last period found, so that
     * a customer's lines, which come in time order, mostly cost a comparison.
     */
    private static final class PeriodClock {
        private final CohortPeriod period;
        private final ZoneId zone;
        private long from = Long.MAX_VALUE;   // [from, to) is the period with number index
        private long to = Long.MIN_VALUE;
        private long index;

        PeriodClock(CohortPeriod period, ZoneId zone) {
            this.period = period;
            this.zone = zone;
        }

        long index(long epochSecond) {
            if (epochSecond < from || epochSecond >= to) {
                index = period.index(LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), zone));
                from = startSecond(index);
                to = startSecond(index + 1);
            }
            return index;
        }

        long startSecond(long periodIndex) {
            return period.start(periodIndex).atStartOfDay(zone).toEpochSecond();
        }
    }
}
