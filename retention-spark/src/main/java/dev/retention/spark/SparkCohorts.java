package dev.retention.spark;

import dev.retention.cohort.CohortPeriod;
import dev.retention.cohort.CohortRetention;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

/**
 * Cohorts and repurchase as Spark aggregations, with the single-JVM definitions of {@link CohortRetention} in UTC:
 * a customer's cohort is the period of their first purchase before the end (the as-of instant, or the latest
 * purchase plus one second); a cohort is active in an offset when one of its customers bought in that period;
 * a repeat customer has two or more distinct orders; within {@code w} days of the first order counts the customers
 * whose window is wholly observed ({@code first + w days < end}) and whose second order came within it. Periods:
 * calendar months ({@code year * 12 + month - 1}), quarters, or ISO weeks ({@code floor((epochDay + 3) / 7)}).
 *
 * <p>Jobs: one aggregation per customer (a shuffle by customer) and two small aggregations by cohort; the table,
 * cohorts times offsets, is collected to the driver.
 */
public final class SparkCohorts {

    private static final long DAY = 86_400L;

    private SparkCohorts() {
    }

    /**
     * Computes the table.
     *
     * @param orders     purchase lines
     * @param period     the period of cohorts and offsets
     * @param maxPeriods the largest number of offsets, or 0 for all to the end
     * @param asOf       the end of observation, or {@code null} for the latest purchase plus one second
     * @return the table
     * @throws IllegalArgumentException if there is no purchase before the end
     */
    public static SparkCohortTable compute(SparkOrders orders, CohortPeriod period, int maxPeriods, Instant asOf) {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(period, "period");
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
        Dataset<Row> observed = purchases.where(col(SparkOrders.TIME).lt(end))
                .withColumn("p", periodOf(col(SparkOrders.TIME), period));
        // per order: its first line; per customer: first purchase, cohort, orders, second order's time, periods
        Dataset<Row> perOrder = observed.groupBy(col(SparkOrders.CUSTOMER), col(SparkOrders.ORDER))
                .agg(min(col(SparkOrders.TIME)).as("ot"));
        Dataset<Row> orderStats = perOrder.groupBy(col(SparkOrders.CUSTOMER))
                .agg(count_distinct(col(SparkOrders.ORDER)).as("orders"),
                        try_element_at(array_sort(collect_list(col("ot"))), lit(2)).as("second"));
        Dataset<Row> perCustomer = observed.groupBy(col(SparkOrders.CUSTOMER))
                .agg(min(col(SparkOrders.TIME)).as("first"), collect_set(col("p")).as("periods"))
                .join(orderStats, SparkOrders.CUSTOMER)
                .withColumn("cohort", periodOf(col("first"), period))
                .cache();
        Row range = perCustomer.agg(min(col("cohort"))).first();
        if (range.isNullAt(0)) {
            throw new IllegalArgumentException("no purchase is observed before " + Instant.ofEpochSecond(end));
        }
        long firstCohort = range.getLong(0);
        long lastPeriod = periodIndex(end - 1, period);
        long span = lastPeriod - firstCohort + 1;
        int cols = (int) Math.min(span, maxPeriods > 0 ? maxPeriods : Integer.MAX_VALUE);

        List<Integer> windows = CohortRetention.REPURCHASE_WINDOWS_DAYS;
        Column[] aggs = new Column[2 + 2 * windows.size()];
        aggs[0] = sum(lit(1L)).as("size");
        aggs[1] = sum(when(col("orders").geq(2), 1L).otherwise(0L)).as("repeat");
        for (int w = 0; w < windows.size(); w++) {
            long window = windows.get(w) * DAY;
            Column eligible = col("first").plus(window).lt(end);
            aggs[2 + 2 * w] = sum(when(eligible, 1L).otherwise(0L));
            aggs[3 + 2 * w] = sum(when(eligible.and(col("orders").geq(2))
                    .and(col("second").minus(col("first")).leq(window)), 1L).otherwise(0L));
        }
        List<Row> sizes = perCustomer.groupBy("cohort").agg(aggs[0], Arrays.copyOfRange(aggs, 1, aggs.length))
                .orderBy("cohort").collectAsList();
        List<Row> active = perCustomer.select(col("cohort"), explode(col("periods")).as("p"))
                .withColumn("offset", col("p").minus(col("cohort")))
                .where(col("offset").lt(cols))
                .groupBy("cohort", "offset").count().collectAsList();
        perCustomer.unpersist();

        int rows = sizes.size();
        long[] cohorts = new long[rows];
        LocalDate[] starts = new LocalDate[rows];
        int[] size = new int[rows];
        int[] repeat = new int[rows];
        int[][] eligible = new int[rows][windows.size()];
        int[][] repeatWithin = new int[rows][windows.size()];
        for (int r = 0; r < rows; r++) {
            Row row = sizes.get(r);
            cohorts[r] = row.getLong(0);
            starts[r] = periodStart(cohorts[r], period);
            size[r] = Math.toIntExact(row.getLong(1));
            repeat[r] = Math.toIntExact(row.getLong(2));
            for (int w = 0; w < windows.size(); w++) {
                eligible[r][w] = Math.toIntExact(row.getLong(3 + 2 * w));
                repeatWithin[r][w] = Math.toIntExact(row.getLong(4 + 2 * w));
            }
        }
        int[][] activeCounts = new int[rows][cols];
        for (Row a : active) {
            int r = Arrays.binarySearch(cohorts, a.getLong(0));
            activeCounts[r][(int) a.getLong(1)] = Math.toIntExact(a.getLong(2));
        }
        int[] observedOffsets = new int[rows];
        for (int r = 0; r < rows; r++) {
            observedOffsets[r] = (int) Math.min(cols, lastPeriod - cohorts[r] + 1);
        }
        return new SparkCohortTable(period, starts, size, activeCounts, observedOffsets, repeat, eligible,
                repeatWithin, windows);
    }

    /** The period number of epoch seconds, as a Spark expression (UTC). */
    static Column periodOf(Column epochSeconds, CohortPeriod period) {
        Column date = to_date(timestamp_seconds(epochSeconds));
        return switch (period) {
            case MONTH -> year(date).cast(DataTypes.LongType).multiply(12).plus(month(date)).minus(1);
            case QUARTER -> year(date).cast(DataTypes.LongType).multiply(4)
                    .plus(floor(month(date).minus(1).divide(3)));
            case WEEK -> floor(floor(epochSeconds.divide(DAY)).plus(3).divide(7));
        };
    }

    /** The period number of epoch seconds on the driver, with the same definitions. */
    static long periodIndex(long epochSecond, CohortPeriod period) {
        LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, DAY));
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
