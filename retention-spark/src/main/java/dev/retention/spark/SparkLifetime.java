package dev.retention.spark;

import dev.retention.data.IdIndex;
import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.LikelihoodSum;
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

import dev.retention.model.DataFingerprint;
import dev.retention.model.FitControl;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
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
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.max;

/**
 * Customer-lifetime models on Spark: the per-customer summaries of {@link CustomerSummary} in one pass per customer,
 * the BG/NBD and Gamma-Gamma fits of retention-lifetime on the driver or with distributed likelihood sums, and
 * P(alive), expected purchases, expected spend and CLV per customer with the single-JVM {@link Clv} on every
 * partition, the models broadcast as model files.
 *
 * <p>Summaries follow {@link CustomerSummary#from(dev.retention.data.TransactionLog, SummaryOptions)} of a log in
 * UTC or in a given zone: purchases count by calendar day in the zone ({@code floor((t + offset) / 86400)}, the
 * offset of the instant by the zone's rules, as in one JVM); {@code x} is the number of purchase days after the
 * first on or before the calibration end, {@code t_x} and {@code T} whole days divided by the unit, the monetary
 * value the mean spend of the repeat purchase days (summed line by line in time order, as in one JVM); netted
 * cancellations are ignored; customers whose first purchase is after the calibration end are left out. Holdout
 * counts are not computed here.
 *
 * <p>Fits run in one of two modes ({@link SparkLifetimeFit.Mode}). <em>Driver</em>: the summaries are collected
 * (four numbers per customer and its id, about {@value #BYTES_PER_CUSTOMER} bytes each in primitive arrays, so 10
 * million customers take 400 MB of driver memory) and the single-JVM fit runs on them: the same customers in the
 * same order (by id) give the same parameters as the single-JVM fit. <em>Distributed</em>: the summaries stay cached
 * on the executors, and each likelihood evaluation of the same L-BFGS (retention-lifetime's fit over a
 * {@link LikelihoodSum}: same start, penalty, stopping rule, standard errors and verdicts) is one Spark job: every
 * partition sums its customers' log-likelihood and gradient in row order with the library's block likelihood, and
 * the driver adds the partition sums in partition order, so the result does not depend on task scheduling and
 * differs from the single-JVM fit by rounding only; the driver holds a few numbers per partition. {@link #fit}
 * chooses by size: the driver when customers times {@value #BYTES_PER_CUSTOMER} bytes is at most a limit
 * ({@link #DEFAULT_DRIVER_BYTES} by default). In the distributed mode the fit summary's data fingerprint is a
 * checksum of the partitions' checksums (the same data in other partitions has another fingerprint). Scoring is
 * distributed in both modes.
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

    /** Driver memory per customer of a collected summary, in bytes: the estimate {@link #fit} chooses the mode by. */
    public static final int BYTES_PER_CUSTOMER = 40;

    /** The default limit of collected summaries on the driver: 256 MiB, about 6.7 million customers. */
    public static final long DEFAULT_DRIVER_BYTES = 256L << 20;

    private static final long DAY = 86_400L;

    private SparkLifetime() {
    }

    /**
     * {@return the calibration end that {@link #summaries} uses by default: the day of the last purchase (UTC)} One
     * job.
     *
     * @param orders purchase lines
     * @throws IllegalArgumentException if there is no purchase
     */
    public static LocalDate lastPurchaseDay(SparkOrders orders) {
        return lastPurchaseDay(orders, ZoneOffset.UTC);
    }

    /**
     * {@return the day of the last purchase in a zone, as the single-JVM summary of a log in that zone finds it} One
     * job: the latest time for a fixed-offset zone, else the latest day of every line (a day can step back at a
     * transition).
     *
     * @param orders purchase lines
     * @param zone   the zone whose calendar days count
     * @throws IllegalArgumentException if there is no purchase
     */
    public static LocalDate lastPurchaseDay(SparkOrders orders, ZoneId zone) {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(zone, "zone");
        Dataset<Row> purchases = orders.lines().where(col(SparkOrders.CANCELLED).unary_$bang());
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            Row row = purchases.agg(max(col(SparkOrders.TIME))).first();
            if (row.isNullAt(0)) {
                throw new IllegalArgumentException("the order lines hold no purchase to summarize");
            }
            return LocalDate.ofEpochDay(day(row.getLong(0), rules));
        }
        String zoneId = zone.getId();
        List<Long> days = purchases.select(SparkOrders.TIME).javaRDD()
                .mapPartitions((FlatMapFunction<Iterator<Row>, Long>) it -> {
                    ZoneRules r = ZoneId.of(zoneId).getRules();
                    long latest = Long.MIN_VALUE;
                    while (it.hasNext()) {
                        latest = Math.max(latest, day(it.next().getLong(0), r));
                    }
                    return latest == Long.MIN_VALUE ? Collections.emptyIterator()
                            : Collections.singletonList(latest).iterator();
                }).collect();
        if (days.isEmpty()) {
            throw new IllegalArgumentException("the order lines hold no purchase to summarize");
        }
        return LocalDate.ofEpochDay(Collections.max(days));
    }

    /** The calendar day of an instant in a zone, as the single-JVM summary counts days. */
    static long day(long epochSecond, ZoneRules rules) {
        return Math.floorDiv(epochSecond + rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds(), DAY);
    }

    /**
     * Per-customer summaries with days counted in UTC; see {@link #summaries(SparkOrders, PeriodUnit, LocalDate,
     * ZoneId)}. Lazy.
     *
     * @param orders         purchase lines
     * @param unit           the time unit of recency and age
     * @param calibrationEnd the last day of calibration (UTC), or {@code null} for the day of the last purchase
     * @return one row per customer whose first purchase is on or before the calibration end, in
     *         {@link #SUMMARY_SCHEMA}
     */
    public static Dataset<Row> summaries(SparkOrders orders, PeriodUnit unit, LocalDate calibrationEnd) {
        return summaries(orders, unit, calibrationEnd, ZoneOffset.UTC);
    }

    /**
     * Per-customer summaries, equal to the single-JVM {@code CustomerSummary.from} of a log in {@code zone}: one
     * shuffle of the purchase lines by customer, sorted within partitions by customer, time, line and amount, then
     * the single-JVM loop over each customer's lines (calendar days in the zone; repeat spend added line by line in
     * that order). Lazy.
     *
     * @param orders         purchase lines
     * @param unit           the time unit of recency and age
     * @param calibrationEnd the last day of calibration in the zone, or {@code null} for the day of the last purchase
     * @param zone           the zone whose calendar days count (the single-JVM log's zone)
     * @return one row per customer whose first purchase is on or before the calibration end, in
     *         {@link #SUMMARY_SCHEMA}
     */
    public static Dataset<Row> summaries(SparkOrders orders, PeriodUnit unit, LocalDate calibrationEnd, ZoneId zone) {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(zone, "zone");
        long calEnd = (calibrationEnd == null ? lastPurchaseDay(orders, zone) : calibrationEnd).toEpochDay();
        double unitDays = unit.days();
        String zoneId = zone.getId();
        MapPartitionsFunction<Row, Row> perCustomer = lines -> {
            List<Row> out = new ArrayList<>();
            SummaryPass pass = new SummaryPass(calEnd, unitDays, ZoneId.of(zoneId).getRules());
            while (lines.hasNext()) {
                Row r = lines.next();
                String customer = r.getString(0);
                if (!customer.equals(pass.customer)) {
                    pass.emit(out);
                    pass.start(customer);
                }
                pass.add(r.getLong(1), r.getDouble(3));
            }
            pass.emit(out);
            return out.iterator();
        };
        return orders.lines().where(col(SparkOrders.CANCELLED).unary_$bang())
                .select(SparkOrders.CUSTOMER, SparkOrders.TIME, SparkOrders.LINE, SparkOrders.AMOUNT)
                .repartition(col(SparkOrders.CUSTOMER))
                .sortWithinPartitions(SparkOrders.CUSTOMER, SparkOrders.TIME, SparkOrders.LINE, SparkOrders.AMOUNT)
                .mapPartitions(perCustomer, Encoders.row(SUMMARY_SCHEMA));
    }

    /**
     * One customer's summary row: the single-JVM {@link CustomerSummary.Accumulator} fed the customer's purchase
     * lines in time order with their days in the zone.
     */
    private static final class SummaryPass {
        private final CustomerSummary.Accumulator acc;
        private final ZoneRules rules;
        private String customer;

        SummaryPass(long calEnd, double unitDays, ZoneRules rules) {
            this.acc = new CustomerSummary.Accumulator(calEnd, unitDays);
            this.rules = rules;
        }

        void start(String id) {
            customer = id;
            acc.reset();
        }

        void add(long time, double amount) {
            acc.add(day(time, rules), amount);
        }

        void emit(List<Row> out) {
            if (customer == null || !acc.acquiredInCalibration()) {
                return;
            }
            out.add(RowFactory.create(customer, acc.frequency(), acc.recency(), acc.age(), acc.meanRepeatSpend()));
        }
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
     * {@return the mode {@link #fit} chooses: the driver when {@code customers} times {@link #BYTES_PER_CUSTOMER} is
     * at most {@code driverBytes}, else distributed}
     *
     * @param customers   the number of customers, {@code >= 0}
     * @param driverBytes the most driver memory the collected summaries may take, {@code >= 0}
     * @throws IllegalArgumentException if a count is negative
     */
    public static SparkLifetimeFit.Mode chooseMode(long customers, long driverBytes) {
        if (customers < 0) {
            throw new IllegalArgumentException("customers must be >= 0, got " + customers);
        }
        if (driverBytes < 0) {
            throw new IllegalArgumentException("driverBytes must be >= 0, got " + driverBytes);
        }
        return customers <= driverBytes / BYTES_PER_CUSTOMER ? SparkLifetimeFit.Mode.DRIVER
                : SparkLifetimeFit.Mode.DISTRIBUTED;
    }

    /**
     * Fits BG/NBD and Gamma-Gamma, on the driver or distributed as {@link #chooseMode} decides from the number of
     * customers (one job to count them).
     *
     * @param summaries   rows in {@link #SUMMARY_SCHEMA}
     * @param unit        their time unit
     * @param purchases   the purchase model's options
     * @param spend       the spend model's options
     * @param driverBytes the most driver memory collected summaries may take; 0 always fits distributed
     * @return both models and the mode that ran
     */
    public static SparkLifetimeFit fit(Dataset<Row> summaries, PeriodUnit unit, BgNbdOptions purchases,
                                       GammaGammaOptions spend, long driverBytes) {
        Objects.requireNonNull(summaries, "summaries");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(spend, "spend");
        long count = summaries.count();
        SparkLifetimeFit.Mode mode = chooseMode(count, driverBytes);
        if (mode == SparkLifetimeFit.Mode.DRIVER) {
            CustomerSummary collected = collect(summaries, unit);
            return new SparkLifetimeFit(BgNbd.fit(collected, purchases), GammaGamma.fit(collected, spend), mode,
                    collected.size(), collected.repeatCustomers());
        }
        JavaRDD<Row> rows = cachedRows(summaries);
        try {
            BgNbdModel bg = fitBgNbdDistributed(rows, unit, purchases);
            GammaGammaModel gg = fitGammaGammaDistributed(rows, spend);
            return new SparkLifetimeFit(bg, gg, mode, bg.estimates().customers(), gg.estimates().customers());
        } finally {
            rows.unpersist(false);
        }
    }

    /**
     * Fits BG/NBD (or MBG/NBD) with each likelihood evaluation one Spark job over the cached summaries; equal to
     * the single-JVM fit on the same customers up to rounding (1e-6 relative and better in the parameters).
     *
     * @param summaries rows in {@link #SUMMARY_SCHEMA}
     * @param unit      their time unit
     * @param options   the single-JVM options (its thread count is not used: one thread per task)
     * @return the fitted model; its file loads with {@code Models.load}
     * @throws IllegalArgumentException if there are fewer than 4 customers, or more than {@code Integer.MAX_VALUE}
     */
    public static BgNbdModel fitBgNbdDistributed(Dataset<Row> summaries, PeriodUnit unit, BgNbdOptions options) {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(options, "options");
        JavaRDD<Row> rows = cachedRows(summaries);
        try {
            return fitBgNbdDistributed(rows, unit, options);
        } finally {
            rows.unpersist(false);
        }
    }

    /**
     * Fits Gamma-Gamma with each likelihood evaluation one Spark job over the cached summaries; equal to the
     * single-JVM fit on the same customers up to rounding (1e-6 relative and better in the parameters).
     *
     * @param summaries rows in {@link #SUMMARY_SCHEMA}
     * @param options   the single-JVM options (its thread count is not used: one thread per task)
     * @return the fitted model; its file loads with {@code Models.load}
     * @throws IllegalArgumentException if fewer than 3 customers have a repeat purchase, or a repeat customer's
     *                                  monetary value is not positive (the customer named)
     */
    public static GammaGammaModel fitGammaGammaDistributed(Dataset<Row> summaries, GammaGammaOptions options) {
        Objects.requireNonNull(options, "options");
        JavaRDD<Row> rows = cachedRows(summaries);
        try {
            return fitGammaGammaDistributed(rows, options);
        } finally {
            rows.unpersist(false);
        }
    }

    /** The summary columns as a cached RDD: the partitions every evaluation reads, in a fixed row order. */
    private static JavaRDD<Row> cachedRows(Dataset<Row> summaries) {
        return summaries.select(SparkOrders.CUSTOMER, "frequency", "recency", "age", "monetary").toJavaRDD().cache();
    }

    private static BgNbdModel fitBgNbdDistributed(JavaRDD<Row> rows, PeriodUnit unit, BgNbdOptions options) {
        // per partition: customers, sum of x, sum of T, checksum
        List<double[]> parts = rows.mapPartitions((FlatMapFunction<Iterator<Row>, double[]>) it -> {
            Columns c = Columns.of(it);
            double sx = 0;
            double st = 0;
            for (int i = 0; i < c.n; i++) {
                sx += c.x[i];
                st += c.t[i];
            }
            return List.of(new double[] {c.n, sx, st, Double.longBitsToDouble(c.checksum())}).iterator();
        }).collect();
        long n = 0;
        double sx = 0;
        double st = 0;
        for (double[] p : parts) {
            n += (long) p[0];
            sx += p[1];
            st += p[2];
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the summaries hold " + n + " customers, more than a fit counts ("
                    + Integer.MAX_VALUE + ")");
        }
        BgNbd.Totals totals = new BgNbd.Totals((int) n, n == 0 ? 0 : sx / n, n == 0 ? 0 : st / n, unit,
                fingerprint(n, parts), List.of());
        BgNbdModel.Variant variant = options.variant();
        LikelihoodSum sum = (theta, gradient) -> sumPartitions(rows, theta, gradient, c ->
                BgNbd.likelihood(c.x, c.tx, c.t, variant));
        return BgNbd.fit(totals, sum, options, FitControl.defaults());
    }

    private static GammaGammaModel fitGammaGammaDistributed(JavaRDD<Row> rows, GammaGammaOptions options) {
        // pass 1, per partition: repeat customers, sum of x, sum of m, checksum; checks every repeat m
        List<double[]> parts = rows.mapPartitions((FlatMapFunction<Iterator<Row>, double[]>) it -> {
            Columns c = Columns.of(it);
            double k = 0;
            double sx = 0;
            double sm = 0;
            for (int i = 0; i < c.n; i++) {
                if (c.x[i] > 0) {
                    if (!(c.m[i] > 0 && c.m[i] < Double.POSITIVE_INFINITY)) {
                        throw new IllegalArgumentException("Gamma-Gamma needs a positive mean spend for every repeat "
                                + "customer; customer " + c.ids[i] + " has " + c.x[i] + " repeat purchases and mean"
                                + " spend " + c.m[i]);
                    }
                    k++;
                    sx += c.x[i];
                    sm += c.m[i];
                }
            }
            return List.of(new double[] {k, sx, sm, Double.longBitsToDouble(c.checksum()), c.n}).iterator();
        }).collect();
        long repeat = 0;
        long n = 0;
        double sx = 0;
        double sm = 0;
        for (double[] p : parts) {
            repeat += (long) p[0];
            sx += p[1];
            sm += p[2];
            n += (long) p[4];
        }
        if (repeat == 0) {
            throw new IllegalArgumentException("Gamma-Gamma cannot be fitted: none of the " + n
                    + " customers has a repeat purchase, and the model describes the spend of repeat purchases");
        }
        if (repeat > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the summaries hold " + repeat + " repeat customers, more than a fit"
                    + " counts (" + Integer.MAX_VALUE + ")");
        }
        double meanX = sx / repeat;
        double meanM = sm / repeat;
        // pass 2, per partition: centred sums for the frequency-spend correlation, as Correlation.pearson
        List<double[]> centred = rows.mapPartitions((FlatMapFunction<Iterator<Row>, double[]>) it -> {
            Columns c = Columns.of(it);
            double sab = 0;
            double saa = 0;
            double sbb = 0;
            for (int i = 0; i < c.n; i++) {
                if (c.x[i] > 0) {
                    double da = c.x[i] - meanX;
                    double db = c.m[i] - meanM;
                    sab += da * db;
                    saa += da * da;
                    sbb += db * db;
                }
            }
            return List.of(new double[] {sab, saa, sbb}).iterator();
        }).collect();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (double[] p : centred) {
            sab += p[0];
            saa += p[1];
            sbb += p[2];
        }
        double correlation = repeat < 2 || saa == 0 || sbb == 0 ? 0
                : Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
        GammaGamma.Totals totals = new GammaGamma.Totals((int) repeat, meanM, correlation, fingerprint(n, parts),
                List.of());
        LikelihoodSum sum = (theta, gradient) -> sumPartitions(rows, theta, gradient,
                c -> GammaGamma.likelihood(c.x, c.m));
        return GammaGamma.fit(totals, sum, options, FitControl.defaults());
    }

    /** The customers and columns, the checksum of every partition's columns in partition order. */
    private static DataFingerprint fingerprint(long customers, List<double[]> parts) {
        DataFingerprint.Hasher h = DataFingerprint.hasher(customers, 4);
        for (double[] p : parts) {
            h.add(Double.doubleToRawLongBits(p[3]));
        }
        return h.finish();
    }

    /** A block likelihood over one partition's columns; serializable, as Spark ships it to the tasks. */
    private interface BlockLikelihood extends java.io.Serializable {
        LikelihoodSum of(Columns columns);
    }

    /**
     * One Spark job: each partition's log-likelihood and gradient at {@code theta} (captured by the tasks), added on
     * the driver in partition order.
     */
    private static double sumPartitions(JavaRDD<Row> rows, double[] theta, double[] gradient, BlockLikelihood block) {
        double[] at = theta.clone();
        boolean wantGradient = gradient != null;
        List<double[]> parts = rows.mapPartitions((FlatMapFunction<Iterator<Row>, double[]>) it -> {
            Columns c = Columns.of(it);
            if (c.n == 0) {
                return Collections.emptyIterator();
            }
            double[] out = new double[1 + at.length];
            double[] g = wantGradient ? new double[at.length] : null;
            out[0] = block.of(c).value(at, g);
            if (g != null) {
                System.arraycopy(g, 0, out, 1, g.length);
            }
            return List.of(out).iterator();
        }).collect();
        double value = 0;
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0);
        }
        for (double[] p : parts) {
            value += p[0];
            if (gradient != null) {
                for (int j = 0; j < gradient.length; j++) {
                    gradient[j] += p[1 + j];
                }
            }
        }
        return value;
    }

    /** One partition's summary columns, in row order. */
    private static final class Columns {
        final int n;
        final String[] ids;
        final int[] x;
        final double[] tx;
        final double[] t;
        final double[] m;

        private Columns(List<Row> rows) {
            n = rows.size();
            ids = new String[n];
            x = new int[n];
            tx = new double[n];
            t = new double[n];
            m = new double[n];
            for (int i = 0; i < n; i++) {
                Row r = rows.get(i);
                ids[i] = r.getString(0);
                x[i] = r.getInt(1);
                tx[i] = r.getDouble(2);
                t[i] = r.getDouble(3);
                m[i] = r.getDouble(4);
            }
        }

        static Columns of(Iterator<Row> rows) {
            List<Row> list = new ArrayList<>();
            rows.forEachRemaining(list::add);
            return new Columns(list);
        }

        long checksum() {
            return DataFingerprint.hasher(n, 4).add(x).add(tx).add(t).add(m).finish().checksum();
        }
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
