package dev.retention.spark;

import dev.retention.rfm.RfmModel;
import dev.retention.rfm.RfmOptions;
import dev.retention.rfm.RfmSegments;
import dev.retention.rfm.RfmWeights;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

/**
 * RFM as Spark aggregations: per customer recency, frequency and monetary value, their quintile scores, the weighted
 * score and the named segment, with the single-JVM definitions of {@code dev.retention.rfm.Rfm} (as of an instant,
 * purchases strictly before it; recency in whole days; frequency in distinct orders; monetary the sum of line
 * amounts, netted cancellations included).
 *
 * <p>Two ways to score:
 * <ul>
 *   <li>{@link #fit(SparkOrders, RfmOptions)}: exact ranking. Each measure is sorted by value and customer id
 *       (range-partitioned sort, then {@code zipWithIndex}), ranks are binned by the single-JVM rule (rank
 *       {@code k} falls into the first bin {@code i} with {@code k <= floor(0.2 i (n - 1)) + 1}, pandas
 *       {@code qcut(rank(method="first"), 5)}), and ties are broken by customer id as there ({@code BY_ID}) or
 *       binned by their lowest rank ({@code EQUAL}). The scores equal the single-JVM fit's on the same lines. A
 *       monetary value is summed line by line in time order (then line order) per customer, as in one JVM, so that
 *       it is the same double and ties stay ties.</li>
 *   <li>{@link #fitApproximate(SparkOrders, RfmOptions, double)}: the quintile edges from Spark's
 *       {@code approxQuantile} (Greenwald-Khanna) with relative error {@code e}: each edge is a value whose rank is
 *       within {@code e n} of the exact quintile's rank, so a customer's score can differ from the exact one only
 *       when its rank lies within {@code e n} of a quintile boundary, and then by one. Values equal to an edge
 *       get the lower score (equal values always get equal scores). No sort of the customers.</li>
 * </ul>
 * Both return the single-JVM {@link RfmModel} over the fitted edges (built on the driver with
 * {@link RfmModel#of}), whose model file serves new customers in one JVM.
 */
public final class SparkRfm {

    private static final long DAY = 86_400L;
    private static final int BINS = RfmModel.BINS;

    private SparkRfm() {
    }

    /**
     * {@return RFM with exact ranking and {@link RfmOptions#defaults()}}
     *
     * @param orders purchase lines
     */
    public static SparkRfmResult fit(SparkOrders orders) {
        return fit(orders, RfmOptions.defaults());
    }

    /**
     * RFM with exact ranking, equal to the single-JVM {@code Rfm.fit} on the same lines. Jobs: one aggregation for
     * the default as-of instant, one pass per customer (a shuffle of the lines by customer), and per measure one
     * sort of the customers (a sampling job and a shuffle) with {@code zipWithIndex} (a job counting each
     * partition), under EQUAL ties also a join of each value's lowest rank; the per-bin edges are one small
     * aggregation. Nothing per customer is collected to the driver.
     *
     * @param orders  purchase lines
     * @param options as-of instant, tie policy, weights and segments
     * @return the table (lazy, cached) and the model over its edges
     * @throws IllegalArgumentException if no customer has a purchase before the as-of instant
     */
    public static SparkRfmResult fit(SparkOrders orders, RfmOptions options) {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(options, "options");
        long asOf = asOf(orders, options);
        Dataset<Row> perCustomer = values(orders, asOf).cache();
        long n = perCustomer.count();
        if (n == 0) {
            throw new IllegalArgumentException("no customer has a purchase before asOf=" + Instant.ofEpochSecond(asOf));
        }
        // the ids' order is decided on the customers (cached), not on the lines: the same answer, a smaller scan
        Dataset<Row> values = perCustomer.withColumn("key", SparkOrders.customerKey(numericIds(perCustomer)));
        long[] upper = new long[BINS - 1];
        for (int i = 1; i < BINS; i++) {
            upper[i - 1] = (long) Math.floor((i * 0.2) * (n - 1)) + 1;
        }
        Dataset<Row> ranked = values;
        for (String measure : new String[] {"recency", "frequency", "monetary"}) {
            ranked = withRank(ranked, measure, options.ties());
        }
        Dataset<Row> binned = ranked
                .withColumn("r_bin", binOf(col("recency_rank"), upper))
                .withColumn("f", binOf(col("frequency_rank"), upper))
                .withColumn("m", binOf(col("monetary_rank"), upper))
                .withColumn("r", lit(BINS + 1).minus(col("r_bin")))
                .cache();       // the edges and the table both read it: sort and index once
        double[][] edges = edges(binned);
        Dataset<Row> table = scored(binned, options.weights(), options.segments()).cache();
        table.count();
        binned.unpersist();
        perCustomer.unpersist();
        RfmModel model = RfmModel.of(edges[0], edges[1], edges[2], options.weights(), options.segments());
        return new SparkRfmResult(table, model, Instant.ofEpochSecond(asOf), n, "exact");
    }

    /**
     * RFM with approximate quintile edges; see the class comment for the error bound.
     *
     * @param orders        purchase lines
     * @param options       as-of instant, weights and segments (the tie policy does not apply: equal values get
     *                      equal scores)
     * @param relativeError the rank error of each edge as a share of the customers, in {@code [0, 1]}; 0 is exact
     *                      quantiles (and costly)
     * @return the table (lazy, cached) and the model over its edges
     * @throws IllegalArgumentException if {@code relativeError} is outside {@code [0, 1]} or no customer has a
     *                                  purchase before the as-of instant
     */
    public static SparkRfmResult fitApproximate(SparkOrders orders, RfmOptions options, double relativeError) {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(options, "options");
        if (!(relativeError >= 0 && relativeError <= 1)) {
            throw new IllegalArgumentException("relativeError must be in [0, 1], got " + relativeError);
        }
        long asOf = asOf(orders, options);
        Dataset<Row> values = values(orders, asOf).cache();
        long n = values.count();
        if (n == 0) {
            throw new IllegalArgumentException("no customer has a purchase before asOf=" + Instant.ofEpochSecond(asOf));
        }
        double[] probabilities = new double[BINS - 1];
        for (int i = 1; i < BINS; i++) {
            probabilities[i - 1] = i / (double) BINS;
        }
        double[][] q = values.stat().approxQuantile(new String[] {"recency", "frequency", "monetary"}, probabilities,
                relativeError);
        Dataset<Row> binned = values
                .withColumn("r", lit(BINS + 1).minus(binByEdges(col("recency"), q[0])))
                .withColumn("f", binByEdges(col("frequency"), q[1]))
                .withColumn("m", binByEdges(col("monetary"), q[2]));
        Dataset<Row> table = scored(binned, options.weights(), options.segments()).cache();
        values.unpersist();
        RfmModel model = RfmModel.of(q[0], q[1], q[2], options.weights(), options.segments());
        return new SparkRfmResult(table, model, Instant.ofEpochSecond(asOf), n,
                "approximate, relative rank error " + relativeError);
    }

    /** The as-of instant in epoch seconds: the option's, or the latest purchase plus 24 hours. */
    static long asOf(SparkOrders orders, RfmOptions options) {
        if (options.asOf() != null) {
            return options.asOf().getEpochSecond();
        }
        Row row = orders.lines().where(col(SparkOrders.CANCELLED).unary_$bang())
                .agg(max(col(SparkOrders.TIME))).first();
        if (row.isNullAt(0)) {
            throw new IllegalArgumentException("the order lines hold no purchase, so there is nothing to score");
        }
        return row.getLong(0) + DAY;
    }

    /** The columns of {@link #values}: customer id, recency (days), frequency (orders), monetary (sum). */
    private static final StructType VALUES_SCHEMA = new StructType()
            .add(SparkOrders.CUSTOMER, DataTypes.StringType, false)
            .add("recency", DataTypes.IntegerType, false)
            .add("frequency", DataTypes.IntegerType, false)
            .add("monetary", DataTypes.DoubleType, false);

    /**
     * Per customer with a purchase before {@code asOf}: recency (days), frequency (orders), monetary (sum). One
     * shuffle of the lines by customer, sorted within partitions by customer, time, line and amount, then one pass
     * over each customer's lines: the monetary value is added line by line in that order, as the single-JVM loop
     * adds it (a grouped aggregation would have to collect and sort each customer's lines as an array instead,
     * which costs several times more).
     */
    static Dataset<Row> values(SparkOrders orders, long asOf) {
        MapPartitionsFunction<Row, Row> perCustomer = lines -> {
            List<Row> out = new ArrayList<>();
            Set<String> orderIds = new HashSet<>();
            String current = null;
            long last = Long.MIN_VALUE;
            boolean purchased = false;
            double monetary = 0;
            while (lines.hasNext()) {
                Row r = lines.next();
                String customer = r.getString(0);
                if (!customer.equals(current)) {
                    if (purchased) {
                        out.add(valuesRow(current, asOf, last, orderIds.size(), monetary));
                    }
                    current = customer;
                    orderIds.clear();
                    last = Long.MIN_VALUE;
                    purchased = false;
                    monetary = 0;
                }
                long t = r.getLong(2);
                if (!r.getBoolean(5)) {
                    purchased = true;
                    last = Math.max(last, t);
                    orderIds.add(r.getString(1));
                }
                monetary += r.getDouble(4);
            }
            if (purchased) {
                out.add(valuesRow(current, asOf, last, orderIds.size(), monetary));
            }
            return out.iterator();
        };
        return orders.lines().where(col(SparkOrders.TIME).lt(asOf))
                .select(SparkOrders.CUSTOMER, SparkOrders.ORDER, SparkOrders.TIME, SparkOrders.LINE,
                        SparkOrders.AMOUNT, SparkOrders.CANCELLED)
                .repartition(col(SparkOrders.CUSTOMER))
                .sortWithinPartitions(SparkOrders.CUSTOMER, SparkOrders.TIME, SparkOrders.LINE, SparkOrders.AMOUNT)
                .mapPartitions(perCustomer, Encoders.row(VALUES_SCHEMA));
    }

    /**
     * {@return whether every customer id of {@code rows} is the canonical decimal text of a long} The same condition
     * as {@link SparkOrders#numericCustomerIds()}, on rows with a customer id column.
     */
    static boolean numericIds(Dataset<Row> rows) {
        Column asNumber = expr("try_cast(" + SparkOrders.CUSTOMER + " as bigint)").cast(DataTypes.StringType);
        return rows.where(asNumber.isNull().or(asNumber.notEqual(col(SparkOrders.CUSTOMER)))).limit(1).count() == 0;
    }

    /** Recency in whole days as the single-JVM fit counts them: (as-of - last) / day, truncated. */
    private static Row valuesRow(String customer, long asOf, long last, int frequency, double monetary) {
        return RowFactory.create(customer, (int) (long) ((asOf - last) / (double) DAY), frequency, monetary);
    }

    /**
     * The rows with the 1-based rank of one measure added as {@code <measure>_rank}: by value then customer key;
     * under EQUAL ties, the lowest rank of equal values. The whole rows travel through the sort and
     * {@code zipWithIndex}, so no join brings the rank back (a join per measure cost a shuffle of both sides).
     */
    private static Dataset<Row> withRank(Dataset<Row> rows, String measure, RfmOptions.Ties ties) {
        StructType schema = rows.schema().add(measure + "_rank", DataTypes.LongType, false);
        int width = rows.schema().size();
        JavaRDD<Row> indexed = rows.orderBy(col(measure).cast(DataTypes.DoubleType), col("key")).javaRDD()
                .zipWithIndex()
                .map(p -> {
                    Object[] v = new Object[width + 1];
                    for (int i = 0; i < width; i++) {
                        v[i] = p._1().get(i);
                    }
                    v[width] = p._2() + 1;
                    return RowFactory.create(v);
                });
        Dataset<Row> ranked = rows.sparkSession().createDataFrame(indexed, schema);
        if (ties == RfmOptions.Ties.EQUAL) {
            String rank = measure + "_rank";
            Dataset<Row> lowest = ranked.groupBy(col(measure).as("tie_value")).agg(min(rank).as("tie_low"));
            Column[] kept = new Column[width + 1];
            for (int i = 0; i < width; i++) {
                kept[i] = col(schema.fields()[i].name());
            }
            kept[width] = col("tie_low").as(rank);
            ranked = ranked.join(lowest, ranked.col(measure).equalTo(lowest.col("tie_value"))).select(kept);
        }
        return ranked;
    }

    private static Column binOf(Column rank, long[] upper) {
        Column bin = lit(BINS);
        for (int b = BINS - 1; b >= 1; b--) {
            bin = when(rank.leq(upper[b - 1]), lit(b)).otherwise(bin);
        }
        return bin;
    }

    private static Column binByEdges(Column value, double[] edges) {
        Column bin = lit(1);
        for (double e : edges) {
            bin = bin.plus(when(value.cast(DataTypes.DoubleType).gt(e), lit(1)).otherwise(lit(0)));
        }
        return bin;
    }

    /** Edges: the largest value of each of bins 1..4 (recency by its ascending bin), carried forward; one job. */
    private static double[][] edges(Dataset<Row> binned) {
        String[] measures = {"recency", "frequency", "monetary"};
        String[] bins = {"r_bin", "f", "m"};
        Column[] maxima = new Column[3 * (BINS - 1)];
        for (int k = 0; k < 3; k++) {
            for (int b = 1; b < BINS; b++) {
                maxima[k * (BINS - 1) + b - 1] = max(when(col(bins[k]).equalTo(b),
                        col(measures[k]).cast(DataTypes.DoubleType)));
            }
        }
        Row row = binned.agg(maxima[0], Arrays.copyOfRange(maxima, 1, maxima.length)).first();
        double[][] edges = new double[3][];
        for (int k = 0; k < 3; k++) {
            double[] e = new double[BINS - 1];
            for (int i = 0; i < BINS - 1; i++) {
                int at = k * (BINS - 1) + i;
                e[i] = row.isNullAt(at) ? Double.NEGATIVE_INFINITY : row.getDouble(at);
                if (i > 0) {
                    e[i] = Math.max(e[i], e[i - 1]);
                }
            }
            edges[k] = e;
        }
        return edges;
    }

    /** Adds the weighted score and the segment from lookup tables the single-JVM weights and segments fill. */
    private static Dataset<Row> scored(Dataset<Row> binned, RfmWeights weights, RfmSegments segments) {
        Column[] score = new Column[BINS * BINS * BINS];
        Column[] segment = new Column[BINS * BINS];
        for (int r = 1; r <= BINS; r++) {
            for (int f = 1; f <= BINS; f++) {
                segment[(r - 1) * BINS + f - 1] = lit(segments.segmentOf(r, f));
                for (int m = 1; m <= BINS; m++) {
                    score[((r - 1) * BINS + f - 1) * BINS + m - 1] = lit(weights.apply(r, f, m));
                }
            }
        }
        Column cell = col("r").minus(1).multiply(BINS).plus(col("f"));
        return binned.select(col(SparkOrders.CUSTOMER), col("recency"), col("frequency"), col("monetary"),
                col("r"), col("f"), col("m"),
                org.apache.spark.sql.functions.element_at(org.apache.spark.sql.functions.array(score),
                        cell.minus(1).multiply(BINS).plus(col("m"))).as("score"),
                org.apache.spark.sql.functions.element_at(org.apache.spark.sql.functions.array(segment), cell)
                        .as("segment"));
    }
}
