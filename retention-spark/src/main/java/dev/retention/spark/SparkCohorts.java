package dev.retention.spark;

import dev.retention.cohort.CohortPeriod;
import dev.retention.cohort.CohortRetention;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

/**
 * Cohorts and repurchase on Spark, with the single-JVM definitions of {@link CohortRetention} for a log in a given
 * zone (UTC by default): a customer's cohort is the calendar period, in the zone, of their first purchase before the
 * end (the as-of instant, or the latest purchase plus one second); a cohort is active in an offset when one of its
 * customers bought in that period; a repeat customer has two or more distinct orders; within {@code w} days of the
 * first order counts the customers whose window is wholly observed ({@code first + w days < end}) and whose second
 * order came within it. Periods: calendar months, quarters or ISO weeks of the zone's calendar days.
 *
 * <p>Jobs: the latest purchase (unless an as-of instant is given), then one shuffle of the purchase lines by
 * customer, sorted within partitions by customer and time, and one pass over each customer's lines with the
 * single-JVM arithmetic, which adds the customer to its partition's partial table (cohorts times offsets); the
 * partial tables, a few per partition, are added on the driver. The driver holds the table and a few numbers per
 * cohort and partition; an executor holds its partition's partial table and one customer's distinct orders.
 */
public final class SparkCohorts {

    private static final long DAY = 86_400L;

    /** The partial table of one partition: a row per cohort. */
    private static final StructType PARTIAL_SCHEMA = new StructType()
            .add("cohort", DataTypes.LongType, false)
            .add("size", DataTypes.LongType, false)
            .add("repeat", DataTypes.LongType, false)
            .add("eligible", DataTypes.createArrayType(DataTypes.LongType, false), false)
            .add("repeat_within", DataTypes.createArrayType(DataTypes.LongType, false), false)
            .add("active", DataTypes.createArrayType(DataTypes.LongType, false), false);

    private SparkCohorts() {
    }

    /**
     * Computes the table with calendar periods in UTC; see {@link #compute(SparkOrders, CohortPeriod, int, Instant,
     * ZoneId)}.
     *
     * @param orders     purchase lines
     * @param period     the period of cohorts and offsets
     * @param maxPeriods the largest number of offsets, or 0 for all to the end
     * @param asOf       the end of observation, or {@code null} for the latest purchase plus one second
     * @return the table
     * @throws IllegalArgumentException if there is no purchase before the end
     */
    public static SparkCohortTable compute(SparkOrders orders, CohortPeriod period, int maxPeriods, Instant asOf) {
        return compute(orders, period, maxPeriods, asOf, ZoneOffset.UTC);
    }

    /**
     * Computes the table, equal to the single-JVM {@code CohortRetention.compute} of a log in {@code zone}.
     *
     * @param orders     purchase lines
     * @param period     the period of cohorts and offsets
     * @param maxPeriods the largest number of offsets, or 0 for all to the end
     * @param asOf       the end of observation, or {@code null} for the latest purchase plus one second
     * @param zone       the zone whose calendar periods count (the single-JVM log's zone)
     * @return the table
     * @throws IllegalArgumentException if {@code maxPeriods} is negative or there is no purchase before the end
     */
    public static SparkCohortTable compute(SparkOrders orders, CohortPeriod period, int maxPeriods, Instant asOf,
                                           ZoneId zone) {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(zone, "zone");
        if (maxPeriods < 0) {
            throw new IllegalArgumentException("maxPeriods must be >= 0, got " + maxPeriods);
        }
        Dataset<Row> purchases = orders.lines().where(col(SparkOrders.CANCELLED).unary_$bang());
        long end;
        if (asOf == null) {
            Row r = purchases.agg(max(col(SparkOrders.TIME))).first();
            if (r.isNullAt(0)) {
                throw new IllegalArgumentException("the order lines hold no purchase");
            }
            end = r.getLong(0) + 1;
        } else {
            end = asOf.getNano() > 0 ? asOf.getEpochSecond() + 1 : asOf.getEpochSecond();
        }
        List<Integer> windows = CohortRetention.REPURCHASE_WINDOWS_DAYS;
        String zoneId = zone.getId();
        MapPartitionsFunction<Row, Row> pass = lines -> {
            CohortPass p = new CohortPass(period, ZoneId.of(zoneId).getRules(), windows, end);
            while (lines.hasNext()) {
                Row r = lines.next();
                String customer = r.getString(0);
                if (!customer.equals(p.customer)) {
                    p.finishCustomer();
                    p.customer = customer;
                }
                p.add(r.getString(1), r.getLong(2));
            }
            p.finishCustomer();
            return p.rows().iterator();
        };
        List<Row> partials = purchases.where(col(SparkOrders.TIME).lt(end))
                .select(SparkOrders.CUSTOMER, SparkOrders.ORDER, SparkOrders.TIME)
                .repartition(col(SparkOrders.CUSTOMER))
                .sortWithinPartitions(SparkOrders.CUSTOMER, SparkOrders.TIME)
                .mapPartitions(pass, Encoders.row(PARTIAL_SCHEMA))
                .collectAsList();
        if (partials.isEmpty()) {
            throw new IllegalArgumentException("no purchase is observed before " + Instant.ofEpochSecond(end));
        }

        // the partial tables added on the driver, cohorts in calendar order
        TreeMap<Long, Partial> merged = new TreeMap<>();
        for (Row row : partials) {
            merged.computeIfAbsent(row.getLong(0), k -> new Partial(windows.size())).add(row);
        }
        long firstCohort = merged.firstKey();
        long lastPeriod = periodIndex(end - 1, period, zone.getRules());
        long span = lastPeriod - firstCohort + 1;
        int cols = (int) Math.min(span, maxPeriods > 0 ? maxPeriods : Integer.MAX_VALUE);
        int rows = merged.size();
        LocalDate[] starts = new LocalDate[rows];
        int[] size = new int[rows];
        int[] repeat = new int[rows];
        int[][] eligible = new int[rows][];
        int[][] repeatWithin = new int[rows][];
        int[][] activeCounts = new int[rows][cols];
        int[] observedOffsets = new int[rows];
        int r = 0;
        for (Map.Entry<Long, Partial> e : merged.entrySet()) {
            long cohort = e.getKey();
            Partial t = e.getValue();
            starts[r] = periodStart(cohort, period);
            size[r] = Math.toIntExact(t.size);
            repeat[r] = Math.toIntExact(t.repeat);
            eligible[r] = toInts(t.eligible);
            repeatWithin[r] = toInts(t.repeatWithin);
            for (int o = 0; o < Math.min(cols, t.active.length); o++) {
                activeCounts[r][o] = Math.toIntExact(t.active[o]);
            }
            observedOffsets[r] = (int) Math.min(cols, lastPeriod - cohort + 1);
            r++;
        }
        return new SparkCohortTable(period, starts, size, activeCounts, observedOffsets, repeat, eligible,
                repeatWithin, windows);
    }

    private static int[] toInts(long[] counts) {
        int[] out = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = Math.toIntExact(counts[i]);
        }
        return out;
    }

    /** A cohort's counts: a partition's, or their sum on the driver. */
    private static final class Partial {
        long size;
        long repeat;
        final long[] eligible;
        final long[] repeatWithin;
        long[] active = new long[0];

        Partial(int windows) {
            eligible = new long[windows];
            repeatWithin = new long[windows];
        }

        void countActive(int offset) {
            if (offset >= active.length) {
                active = Arrays.copyOf(active, Math.max(offset + 1, 2 * active.length));
            }
            active[offset]++;
        }

        /** Adds a partition's row of this cohort. */
        void add(Row row) {
            size += row.getLong(1);
            repeat += row.getLong(2);
            List<Long> e = row.getList(3);
            List<Long> w = row.getList(4);
            for (int i = 0; i < eligible.length; i++) {
                eligible[i] += e.get(i);
                repeatWithin[i] += w.get(i);
            }
            List<Long> a = row.getList(5);
            for (int o = 0; o < a.size(); o++) {
                if (a.get(o) > 0) {
                    if (o >= active.length) {
                        active = Arrays.copyOf(active, Math.max(o + 1, 2 * active.length));
                    }
                    active[o] += a.get(o);
                }
            }
        }

        Row toRow(long cohort) {
            Long[] e = new Long[eligible.length];
            Long[] w = new Long[eligible.length];
            for (int i = 0; i < e.length; i++) {
                e[i] = eligible[i];
                w[i] = repeatWithin[i];
            }
            Long[] a = new Long[active.length];
            for (int o = 0; o < a.length; o++) {
                a[o] = active[o];
            }
            return RowFactory.create(cohort, size, repeat, e, w, a);
        }
    }

    /**
     * One partition's pass: each customer's purchase lines in time order, counted as the single-JVM table counts
     * them (first purchase, distinct orders, time of the second order, active offsets), into the partition's
     * partial table.
     */
    private static final class CohortPass {
        private final CohortPeriod period;
        private final ZoneRules rules;
        private final long[] windowSeconds;
        private final long end;
        private final TreeMap<Long, Partial> table = new TreeMap<>();
        private final Set<String> orders = new HashSet<>();
        String customer;
        private long first;
        private long cohort;
        private long second;
        private long lastOffset;
        private Partial partial;

        CohortPass(CohortPeriod period, ZoneRules rules, List<Integer> windows, long end) {
            this.period = period;
            this.end = end;
            this.rules = rules;
            this.windowSeconds = new long[windows.size()];
            for (int w = 0; w < windowSeconds.length; w++) {
                windowSeconds[w] = windows.get(w) * DAY;
            }
        }

        void add(String order, long time) {
            if (orders.isEmpty()) {     // the customer's first purchase line
                first = time;
                cohort = periodIndex(time, period, rules);
                partial = table.computeIfAbsent(cohort, k -> new Partial(windowSeconds.length));
                lastOffset = -1;
            }
            if (orders.add(order) && orders.size() == 2) {
                second = time;
            }
            long offset = periodIndex(time, period, rules) - cohort;
            if (offset != lastOffset) {
                partial.countActive(Math.toIntExact(offset));
                lastOffset = offset;
            }
        }

        /** Adds the customer's counts to the partial table and starts afresh. */
        void finishCustomer() {
            if (customer == null || orders.isEmpty()) {
                return;
            }
            partial.size++;
            if (orders.size() >= 2) {
                partial.repeat++;
            }
            for (int w = 0; w < windowSeconds.length; w++) {
                if (first + windowSeconds[w] < end) {
                    partial.eligible[w]++;
                    if (orders.size() >= 2 && second - first <= windowSeconds[w]) {
                        partial.repeatWithin[w]++;
                    }
                }
            }
            orders.clear();
            customer = null;
        }

        List<Row> rows() {
            List<Row> out = new ArrayList<>(table.size());
            for (Map.Entry<Long, Partial> e : table.entrySet()) {
                out.add(e.getValue().toRow(e.getKey()));
            }
            return out;
        }
    }

    /** The period number of epoch seconds: the period holding the calendar day of the instant in the zone. */
    static long periodIndex(long epochSecond, CohortPeriod period, ZoneRules rules) {
        LocalDate d = LocalDate.ofEpochDay(SparkLifetime.day(epochSecond, rules));
        return switch (period) {
            case MONTH -> d.getYear() * 12L + d.getMonthValue() - 1;
            case QUARTER -> d.getYear() * 4L + (d.getMonthValue() - 1) / 3;
            case WEEK -> Math.floorDiv(d.toEpochDay() + 3, 7);
        };
    }

    /** The first day of a period number. */
    static LocalDate periodStart(long index, CohortPeriod period) {
        return switch (period) {
            case MONTH -> LocalDate.of(Math.toIntExact(Math.floorDiv(index, 12)), Math.floorMod(index, 12) + 1, 1);
            case QUARTER -> LocalDate.of(Math.toIntExact(Math.floorDiv(index, 4)), Math.floorMod(index, 4) * 3 + 1,
                    1);
            case WEEK -> LocalDate.ofEpochDay(index * 7 - 3);
        };
    }
}
