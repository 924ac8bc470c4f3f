package dev.retention.spark;

import dev.retention.data.IdIndex;
import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.PurchaseModel;
import dev.retention.lifetime.SummaryOptions;
import dev.retention.lifetime.bgnbd.BgNbd;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.bgnbd.BgNbdOptions;
import dev.retention.lifetime.clv.Clv;
import dev.retention.lifetime.clv.ClvOptions;
import dev.retention.lifetime.clv.ClvTable;
import dev.retention.lifetime.gammagamma.GammaGamma;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.lifetime.gammagamma.GammaGammaOptions;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * Customer-lifetime models on Spark: the per-customer summaries of {@link CustomerSummary} as one aggregation,
 * the BG/NBD and Gamma-Gamma fits of retention-lifetime on the collected summaries, and P(alive), expected
 * purchases, expected spend and CLV per customer with the single-JVM {@link Clv} on every partition, the models
 * broadcast as model files.
 *
 * <p>Summaries follow {@link CustomerSummary#from(dev.retention.data.TransactionLog, SummaryOptions)} in UTC:
 * purchases count by calendar day ({@code floor(t / 86400)}); {@code x} is the number of purchase days after the
 * first on or before the calibration end, {@code t_x} and {@code T} whole days divided by the unit, the monetary
 * value the mean spend of the repeat purchase days (summed line by line in time order, as in one JVM); netted
 * cancellations are ignored; customers whose first purchase is after the calibration end are left out. Holdout
 * counts are not computed here.
 *
 * <p>The fit collects the summaries to the driver (four numbers per customer, about 40 bytes each in primitive
 * arrays, so 10 million customers take 400 MB of driver memory) and runs the single-JVM fit on them: the same
 * customers in the same order (by id) give the same parameters as the single-JVM fit. The likelihood evaluations
 * of the fit are the only work that stays on the driver; scoring is distributed.
 */
public final class SparkLifetime {

    /** The columns of {@link #summaries}: {@code customer_id, frequency, recency, age, monetary}. */
    public static final StructType SUMMARY_SCHEMA = new StructType()
            .add(SparkOrders.CUSTOMER, DataTypes.StringType, false)
            .add("frequency", DataTypes.IntegerType, false)
            .add("recency", DataTypes.DoubleType, false)
            .add("age", DataTypes.DoubleType, false)
            .add("monetary", DataTypes.DoubleType, false);

    /** The columns of {@link #score}: the summary's, then {@code p_alive, expected_purchases, expected_spend, clv}. */
    public static final StructType SCORE_SCHEMA = SUMMARY_SCHEMA
            .add("p_alive", DataTypes.DoubleType, false)
            .add("expected_purchases", DataTypes.DoubleType, false)
            .add("expected_spend", DataTypes.DoubleType, false)
            .add("clv", DataTypes.DoubleType, false);

    private static final long DAY = 86_400L;

    private SparkLifetime() {
    }

    /**
     * {@return the calibration end that {@link #summaries} uses by default: the day of the last purchase} One job.
     *
     * @param orders purchase lines
     * @throws IllegalArgumentException if there is no purchase
     */
    public static LocalDate lastPurchaseDay(SparkOrders orders) {
        Row row = orders.lines().where(col(SparkOrders.CANCELLED).unary_$bang()).agg(max(col(SparkOrders.TIME))).first();
        if (row.isNullAt(0)) {
            throw new IllegalArgumentException("the order lines hold no purchase to summarize");
        }
        return LocalDate.ofEpochDay(Math.floorDiv(row.getLong(0), DAY));
    }

    /**
     * Per-customer summaries as one aggregation (a shuffle by customer). Lazy.
     *
     * @param orders         purchase lines
     * @param unit           the time unit of recency and age
     * @param calibrationEnd the last day of calibration (UTC), or {@code null} for the day of the last purchase
     * @return one row per customer whose first purchase is on or before the calibration end, in
     *         {@link #SUMMARY_SCHEMA}
     */
    public static Dataset<Row> summaries(SparkOrders orders, PeriodUnit unit, LocalDate calibrationEnd) {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(unit, "unit");
        long calEnd = (calibrationEnd == null ? lastPurchaseDay(orders) : calibrationEnd).toEpochDay();
        double unitDays = unit.days();
        Dataset<Row> purchases = orders.lines().where(col(SparkOrders.CANCELLED).unary_$bang())
                .withColumn("d", floor(col(SparkOrders.TIME).divide(DAY)).cast(DataTypes.LongType));
        Dataset<Row> perCustomer = purchases.groupBy(col(SparkOrders.CUSTOMER)).agg(
                min(col("d")).as("first"),
                max(when(col("d").leq(calEnd), col("d"))).as("last"),
                count_distinct(when(col("d").leq(calEnd), col("d"))).as("days"),
                collect_list(when(col("d").leq(calEnd), struct(col(SparkOrders.TIME), col(SparkOrders.LINE),
                        col("d"), col(SparkOrders.AMOUNT).as("v")))).as("lines"))
                .where(col("first").leq(calEnd));
        return perCustomer.select(col(SparkOrders.CUSTOMER),
                col("days").minus(1).cast(DataTypes.IntegerType).as("frequency"),
                col("last").minus(col("first")).cast(DataTypes.DoubleType).divide(unitDays).as("recency"),
                lit(calEnd).minus(col("first")).cast(DataTypes.DoubleType).divide(unitDays).as("age"),
                expr("aggregate(array_sort(lines), 0D, (acc, x) -> IF(x.d != first, acc + x.v, acc))").as("spend"))
                .select(col(SparkOrders.CUSTOMER), col("frequency"), col("recency"), col("age"),
                        when(col("frequency").gt(0), col("spend").divide(col("frequency"))).otherwise(lit(0.0))
                                .as("monetary"));
    }

    /**
     * Collects summaries to the driver as a single-JVM {@link CustomerSummary}, customers in id order (numeric
     * order when every id is a canonical long, text order otherwise) as the single-JVM summary has them. One job
     * for the count, one for the rows (streamed partition by partition).
     *
     * @param summaries rows in {@link #SUMMARY_SCHEMA}
     * @param unit      their time unit
     * @return the summary
     * @throws IllegalArgumentException if there are more than {@code Integer.MAX_VALUE - 8} customers
     */
    public static CustomerSummary collect(Dataset<Row> summaries, PeriodUnit unit) {
        Dataset<Row> s = summaries.select(SparkOrders.CUSTOMER, "frequency", "recency", "age", "monetary");
        boolean numeric = s.where(expr("try_cast(" + SparkOrders.CUSTOMER + " as bigint)").cast(DataTypes.StringType)
                .eqNullSafe(col(SparkOrders.CUSTOMER)).unary_$bang()).limit(1).count() == 0;
        Dataset<Row> sorted = s.withColumn("key", SparkOrders.customerKey(numeric)).orderBy("key").drop("key");
        long count = sorted.count();
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the summaries hold " + count + " customers, more than one JVM's arrays"
                    + " hold (" + (Integer.MAX_VALUE - 8) + ")");
        }
        int n = (int) count;
        long[] longIds = numeric ? new long[n] : null;
        String[] textIds = numeric ? null : new String[n];
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] m = new double[n];
        int i = 0;
        Iterator<Row> rows = sorted.toLocalIterator();
        while (rows.hasNext() && i < n) {
            Row r = rows.next();
            if (numeric) {
                longIds[i] = Long.parseLong(r.getString(0));
            } else {
                textIds[i] = r.getString(0);
            }
            x[i] = r.getInt(1);
            tx[i] = r.getDouble(2);
            t[i] = r.getDouble(3);
            m[i] = r.getDouble(4);
            i++;
        }
        IdIndex ids = numeric ? IdIndex.ofLongs(longIds) : IdIndex.ofStrings(textIds);
        return CustomerSummary.of(ids, x, tx, t, m, unit);
    }

    /**
     * Fits BG/NBD (or MBG/NBD) on summaries collected to the driver; equal to the single-JVM fit on the same
     * customers.
     *
     * @param summaries rows in {@link #SUMMARY_SCHEMA}
     * @param unit      their time unit
     * @param options   the single-JVM options
     * @return the fitted model; its file loads with {@code Models.load}
     */
    public static BgNbdModel fitBgNbd(Dataset<Row> summaries, PeriodUnit unit, BgNbdOptions options) {
        return BgNbd.fit(collect(summaries, unit), options);
    }

    /**
     * Fits Gamma-Gamma on summaries collected to the driver; equal to the single-JVM fit on the same customers.
     *
     * @param summaries rows in {@link #SUMMARY_SCHEMA}
     * @param unit      their time unit
     * @param options   the single-JVM options
     * @return the fitted model; its file loads with {@code Models.load}
     */
    public static GammaGammaModel fitGammaGamma(Dataset<Row> summaries, PeriodUnit unit, GammaGammaOptions options) {
        return GammaGamma.fit(collect(summaries, unit), options);
    }

    /**
     * Scores every customer on its partition: the model files are broadcast once, read once per executor JVM
     * ({@link BroadcastModels}), and the single-JVM {@link Clv#compute} runs over each partition's customers. The
     * values equal the single-JVM table's for the same customer.
     *
     * @param summaries rows in {@link #SUMMARY_SCHEMA}, in the purchase model's unit
     * @param purchases the purchase model (BG/NBD, MBG/NBD or Pareto/NBD)
     * @param spend     the spend model
     * @param options   horizon and discount rate (its thread count is ignored: one thread per task)
     * @return rows in {@link #SCORE_SCHEMA} (lazy)
     */
    public static Dataset<Row> score(Dataset<Row> summaries, PurchaseModel purchases, GammaGammaModel spend,
                                     ClvOptions options) {
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(options, "options");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(summaries.sparkSession().sparkContext());
        Broadcast<byte[]> purchaseFile = jsc.broadcast(purchases.toBytes());
        Broadcast<byte[]> spendFile = jsc.broadcast(spend.toBytes());
        int horizon = options.horizonMonths();
        double rate = options.discountRate();
        ClvOptions.DiscountPeriod period = options.discountPeriod();
        PeriodUnit unit = purchases.unit();
        MapPartitionsFunction<Row, Row> scoring = rows -> {
            List<Row> part = new ArrayList<>();
            rows.forEachRemaining(part::add);
            if (part.isEmpty()) {
                return part.iterator();
            }
            PurchaseModel p = BroadcastModels.load(purchaseFile.value(), PurchaseModel.class);
            GammaGammaModel g = BroadcastModels.load(spendFile.value(), GammaGammaModel.class);
            int n = part.size();
            String[] ids = new String[n];
            int[] x = new int[n];
            double[] tx = new double[n];
            double[] t = new double[n];
            double[] m = new double[n];
            for (int i = 0; i < n; i++) {
                Row r = part.get(i);
                ids[i] = r.getString(0);
                x[i] = r.getInt(1);
                tx[i] = r.getDouble(2);
                t[i] = r.getDouble(3);
                m[i] = r.getDouble(4);
            }
            CustomerSummary summary = CustomerSummary.of(IdIndex.ofStrings(ids), x, tx, t, m, unit);
            ClvTable table = Clv.compute(p, g, summary, new ClvOptions(horizon, rate, period, 1));
            List<Row> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(RowFactory.create(ids[i], x[i], tx[i], t[i], m[i], table.probabilityAlive(i),
                        table.expectedPurchases(i), table.expectedSpend(i), table.clv(i)));
            }
            return out.iterator();
        };
        return summaries.select(SparkOrders.CUSTOMER, "frequency", "recency", "age", "monetary")
                .mapPartitions(scoring, Encoders.row(SCORE_SCHEMA));
    }
}
