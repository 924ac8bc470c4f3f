package dev.retention.spark.job;

import dev.retention.churn.dataset.TransactionFeatureOptions;
import dev.retention.churn.pipeline.ChurnPipelineModel;
import dev.retention.data.LineCounts;
import dev.retention.data.PurchaseRules;
import dev.retention.data.TransactionLog;
import dev.retention.io.Json;
import dev.retention.io.OnlineRetailReader;
import dev.retention.io.ReadOptions;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.bgnbd.BgNbdOptions;
import dev.retention.lifetime.clv.ClvOptions;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.lifetime.gammagamma.GammaGammaOptions;
import dev.retention.model.FitSummary;
import dev.retention.model.Models;
import dev.retention.model.Verdict;
import dev.retention.rfm.RfmOptions;
import dev.retention.spark.OrderColumns;
import dev.retention.spark.SparkChurn;
import dev.retention.spark.SparkLifetime;
import dev.retention.spark.SparkLifetimeFit;
import dev.retention.spark.SparkOrders;
import dev.retention.spark.SparkRfm;
import dev.retention.spark.SparkRfmResult;
import dev.retention.spark.SparkShop;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.expr;

/**
 * The job jar's entry point: the single-JVM command names and arguments, run on Spark, plus {@code --master}.
 * <pre>
 * rfm --orders PATH [--format parquet|csv|online-retail] [--approx E] [--as-of INSTANT] [--out DIR]
 * clv fit --orders PATH [--format ...] [--period day|week] [--calibration-end DATE] [--horizon-months 12] [--top 10]
 *          [--driver-fit-bytes N]
 * churn score --orders PATH --model FILE [--format ...] [--cutoff INSTANT] [--top 10] [--out DIR]
 * generate --out DIR --customers N [--parts P] [--seed S] [--months 12]
 * bench --lines N --work DIR [--parts P] [--jobs rfm,clv,churn,recommend|none] [--item-blocks 8] [--single-jvm]
 * common: [--master local[2]] [--shuffle-partitions N (local default: 4 per core)] [--zone UTC] [--json]
 * </pre>
 * Order files: Parquet or CSV with the columns of {@link OrderColumns#defaults()} (a {@code line} column is used
 * when present; CSV time as epoch seconds or an ISO timestamp), or the Online Retail CSV, read on the driver by
 * the library's reader (a file of that size fits one machine; the analyses then run on Spark). {@code --zone} is the
 * zone of that file's local times and the zone whose calendar days {@code clv fit} counts (as the single-JVM
 * commands' option); RFM counts days between instants, which no zone changes. Prints a JSON
 * summary with the single-JVM command's keys under {@code --json}, or a readable one; exits 2 on bad arguments.
 */
public final class SparkJobs {

    /** Bad arguments are reported through the logging Spark brings (log4j 2 on the console by default). */
    private static final Logger LOG = LoggerFactory.getLogger(SparkJobs.class);

    private final Map<String, String> options = new HashMap<>();
    private final PrintStream out;

    SparkJobs(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs a job.
     *
     * @param args the command and its options
     * @throws Exception if the job fails
     */
    public static void main(String[] args) throws Exception {
        PrintStream stdout = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        int code = new SparkJobs(stdout).run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    int run(String[] args) throws Exception {
        if (args.length == 0) {
            return usage("a command is required: rfm, clv fit, churn score, generate or bench");
        }
        String command = args[0];
        int from = 1;
        if ((command.equals("clv") || command.equals("churn")) && args.length > 1 && !args[1].startsWith("--")) {
            command = command + " " + args[1];
            from = 2;
        }
        for (int i = from; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                return usage("unexpected argument '" + args[i] + "' at position " + i);
            }
            String key = args[i].substring(2);
            if (key.equals("json") || key.equals("single-jvm")) {
                options.put(key, "true");
            } else if (i + 1 < args.length) {
                options.put(key, args[++i]);
            } else {
                return usage("option --" + key + " needs a value");
            }
        }
        if (command.equals("bench")) {
            Bench.jobs(this);
        }
        SparkSession spark = session(command);
        try {
            Json result = switch (command) {
                case "rfm" -> rfm(spark);
                case "clv fit" -> clv(spark);
                case "churn score" -> churn(spark);
                case "generate" -> generate(spark);
                case "bench" -> Bench.run(spark, this);
                default -> null;
            };
            if (result == null) {
                return usage("unknown command '" + command + "'");
            }
            out.println(options.containsKey("json") ? result.toString() : readable(result));
            return 0;
        } finally {
            spark.stop();
        }
    }

    private static int usage(String message) {
        LOG.error("retention-spark: {}; usage: rfm|clv fit|churn score|generate|bench [--orders PATH] [--master URL] "
                + "[--json] ... (see the README, \"Running on Spark\")", message);
        return 2;
    }

    private SparkSession session(String command) {
        SparkSession.Builder b = SparkSession.builder().appName("retention " + command);
        String master = options.get("master");
        if (master != null) {
            b.master(master);
        }
        String partitions = options.get("shuffle-partitions");
        if (partitions == null && master != null && master.startsWith("local")) {
            // Spark's default of 200 shuffle partitions costs a task each on a machine of a few cores
            partitions = Integer.toString(4 * Runtime.getRuntime().availableProcessors());
        }
        if (partitions != null) {
            b.config("spark.sql.shuffle.partitions", partitions);
        }
        return b.getOrCreate();
    }

    String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    String required(String key) {
        String v = options.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }

    /** Order lines of {@code --orders} and how many lines the source had. */
    record Input(SparkOrders orders, long linesRead, long kept) {
    }

    Input input(SparkSession spark) throws IOException {
        String path = required("orders");
        String format = option("format", path.endsWith(".csv") ? "csv" : "parquet");
        PurchaseRules rules = PurchaseRules.defaults();
        if (format.equals("online-retail")) {
            // local times of the file in --zone, as the single-JVM command reads them
            TransactionLog log = OnlineRetailReader.read(Path.of(path),
                    ReadOptions.defaults().withZone(ZoneId.of(option("zone", "UTC"))));
            LineCounts counts = log.lineCounts();
            return new Input(SparkOrders.of(logLines(spark, log), OrderColumns.defaults().withCancelled("cancelled")
                    .withLine("line"), rules), counts.read(), counts.kept());
        }
        Dataset<Row> raw;
        if (format.equals("csv")) {
            raw = spark.read().option("header", "true").csv(path);
            raw = raw.withColumn("time", expr("coalesce(try_cast(`time` as bigint), unix_seconds(try_to_timestamp(`time`)))"));
        } else if (format.equals("parquet")) {
            raw = spark.read().parquet(path);
        } else {
            throw new IllegalArgumentException("--format must be parquet, csv or online-retail, got " + format);
        }
        OrderColumns columns = OrderColumns.defaults();
        if (List.of(raw.columns()).contains("line")) {
            columns = columns.withLine("line");
        }
        if (List.of(raw.columns()).contains("cancelled")) {
            columns = columns.withCancelled("cancelled");
        }
        SparkOrders orders = SparkOrders.of(raw, columns, rules);
        return new Input(orders, -1, -1);
    }

    /** The lines of a log read on the driver, as a dataset (line numbers in log order). */
    static Dataset<Row> logLines(SparkSession spark, TransactionLog log) {
        StructType schema = new StructType().add("customer_id", DataTypes.StringType).add("order_id", DataTypes.StringType)
                .add("item_id", DataTypes.StringType).add("time", DataTypes.LongType).add("quantity", DataTypes.DoubleType)
                .add("unit_price", DataTypes.DoubleType).add("cancelled", DataTypes.BooleanType)
                .add("line", DataTypes.LongType);
        List<Row> rows = new ArrayList<>(log.size());
        for (int i = 0; i < log.size(); i++) {
            rows.add(RowFactory.create(log.customers().id(log.customer(i)), log.orders().id(log.order(i)),
                    log.item(i) < 0 ? null : log.items().id(log.item(i)), log.time(i), log.quantity(i),
                    log.unitPrice(i), log.isCancellation(i), (long) i));
        }
        return spark.createDataFrame(rows, schema);
    }

    Json rfm(SparkSession spark) throws IOException {
        long start = System.nanoTime();
        Input in = input(spark);
        RfmOptions options = RfmOptions.defaults();
        if (options.asOf() == null && options().containsKey("as-of")) {
            options = options.withAsOf(Instant.parse(options().get("as-of")));
        }
        String approx = options().get("approx");
        SparkRfmResult result = approx == null ? SparkRfm.fit(in.orders(), options)
                : SparkRfm.fitApproximate(in.orders(), options, Double.parseDouble(approx));
        String outDir = options().get("out");
        if (outDir != null) {
            result.table().write().mode("overwrite").parquet(outDir + "/rfm");
            Files.createDirectories(Path.of(outDir));
            Files.write(Path.of(outDir, "rfm.model"), result.model().toBytes());
        }
        double[] means = result.means();
        Json json = new Json()
                .put("customers", result.customers())
                .put("skipped_rows", in.linesRead() < 0 ? null : in.linesRead() - in.kept())
                .put("segments", result.segmentCounts())
                .put("recency_mean", means[0])
                .put("frequency_mean", means[1])
                .put("monetary_mean", means[2])
                .put("seconds", seconds(start))
                .put("lines_read", in.linesRead() < 0 ? null : in.linesRead())
                .put("as_of", result.asOf().toString())
                .put("quantiles", result.method());
        return json;
    }

    Json clv(SparkSession spark) throws IOException {
        long start = System.nanoTime();
        Input in = input(spark);
        PeriodUnit unit = PeriodUnit.parse(option("period", "week"));
        String cal = options().get("calibration-end");
        ZoneId zone = ZoneId.of(option("zone", "UTC"));
        LocalDate calibrationEnd = cal == null ? SparkLifetime.lastPurchaseDay(in.orders(), zone) : LocalDate.parse(cal);
        Dataset<Row> summaries = SparkLifetime.summaries(in.orders(), unit, calibrationEnd, zone).cache();
        long driverBytes = Long.parseLong(option("driver-fit-bytes", Long.toString(SparkLifetime.DEFAULT_DRIVER_BYTES)));
        if (driverBytes < 0) {
            throw new IllegalArgumentException("--driver-fit-bytes must be >= 0, got " + driverBytes);
        }
        SparkLifetimeFit fit = SparkLifetime.fit(summaries, unit, BgNbdOptions.defaults(), GammaGammaOptions.defaults(),
                driverBytes);
        BgNbdModel bg = fit.purchases();
        GammaGammaModel gg = fit.spend();
        ClvOptions clvOptions = ClvOptions.defaults().withHorizonMonths(Integer.parseInt(option("horizon-months", "12")));
        Dataset<Row> scored = SparkLifetime.score(summaries, bg, gg, clvOptions).cache();
        int top = Integer.parseInt(option("top", "10"));
        double total = scored.agg(org.apache.spark.sql.functions.sum("clv")).first().getDouble(0);
        List<Json> topRows = new ArrayList<>();
        for (Row r : scored.orderBy(desc("clv"), col("customer_id")).limit(top).collectAsList()) {
            topRows.add(new Json().put("customer", r.getString(0)).put("frequency", r.getInt(1))
                    .put("p_alive", r.getDouble(5)).put("expected_purchases", r.getDouble(6))
                    .put("expected_spend", r.getDouble(7)).put("clv", r.getDouble(8)));
        }
        String outDir = options().get("out");
        if (outDir != null) {
            scored.write().mode("overwrite").parquet(outDir + "/clv");
            Files.createDirectories(Path.of(outDir));
            Files.write(Path.of(outDir, "bgnbd.model"), bg.toBytes());
            Files.write(Path.of(outDir, "gamma-gamma.model"), gg.toBytes());
        }
        Verdict verdict = worse(bg.fitSummary(), gg.fitSummary());
        List<String> reasons = new ArrayList<>();
        reasons.addAll(bg.fitSummary().warnings());
        reasons.addAll(gg.fitSummary().warnings());
        Json json = new Json()
                .put("verdict", verdict.name())
                .put("verdict_reasons", reasons)
                .put("customers", fit.customers())
                .put("fit_mode", fit.mode().label())
                .put("bgnbd", new Json().put("r", bg.r()).put("alpha", bg.alpha()).put("a", bg.a()).put("b", bg.b())
                        .put("log_likelihood", bg.estimates().logLikelihood())
                        .put("standard_errors", bg.estimates().standardErrors())
                        .put("converged", bg.fitSummary().converged())
                        .put("iterations", bg.fitSummary().iterations()))
                .put("gamma_gamma", new Json().put("p", gg.p()).put("q", gg.q()).put("v", gg.v())
                        .put("log_likelihood", gg.estimates().logLikelihood())
                        .put("standard_errors", gg.estimates().standardErrors())
                        .put("converged", gg.fitSummary().converged())
                        .put("repeat_customers", gg.estimates().customers())
                        .put("frequency_spend_correlation", gg.frequencySpendCorrelation()))
                .put("seconds", seconds(start))
                .put("model", bg.name())
                .put("period", unit.label())
                .put("calibration_end", calibrationEnd.toString())
                .put("zone", zone.getId())
                .put("repeat_customers", fit.repeatCustomers())
                .put("lines_read", in.linesRead() < 0 ? null : in.linesRead())
                .put("skipped_rows", in.linesRead() < 0 ? null : in.linesRead() - in.kept())
                .put("clv", new Json().put("horizon_months", clvOptions.horizonMonths())
                        .put("monthly_discount_rate", clvOptions.monthlyRate()).put("total", total).put("top", topRows));
        summaries.unpersist();
        scored.unpersist();
        return json;
    }

    Json churn(SparkSession spark) throws IOException {
        long start = System.nanoTime();
        Input in = input(spark);
        ChurnPipelineModel model = Models.load(Path.of(required("model")), ChurnPipelineModel.class);
        String cutoffText = options().get("cutoff");
        Instant cutoff = cutoffText != null ? Instant.parse(cutoffText)
                : Instant.ofEpochSecond(SparkLifetime.lastPurchaseDay(in.orders()).plusDays(1).toEpochDay() * 86_400L);
        TransactionFeatureOptions defaults = TransactionFeatureOptions.of(List.of(cutoff), 1);
        Dataset<Row> scored = SparkChurn.score(SparkChurn.unlabelledFeatures(in.orders(), cutoff, defaults.windowDays(),
                defaults.activeWithinDays()), model).cache();
        long n = scored.count();
        int top = Integer.parseInt(option("top", "10"));
        List<Json> topRows = new ArrayList<>();
        for (Row r : scored.orderBy(desc(SparkChurn.PROBABILITY), col("customer_id")).limit(top)
                .select("customer_id", SparkChurn.PROBABILITY).collectAsList()) {
            topRows.add(new Json().put("customer", r.getString(0)).put("probability", r.getDouble(1)));
        }
        String outDir = options().get("out");
        if (outDir != null) {
            scored.select("customer_id", SparkChurn.PROBABILITY).write().mode("overwrite").parquet(outDir + "/churn");
        }
        scored.unpersist();
        return new Json().put("customers_scored", n).put("cutoff", cutoff.toString())
                .put("seconds", seconds(start)).put("lines_read", in.linesRead() < 0 ? null : in.linesRead())
                .put("top", topRows);
    }

    Json generate(SparkSession spark) {
        long start = System.nanoTime();
        long customers = Long.parseLong(required("customers"));
        int parts = Integer.parseInt(option("parts", Integer.toString(Math.max(1, (int) Math.min(10_000,
                customers / 50_000)))));
        String outDir = required("out");
        SparkShop.generate(spark, customers, parts, Long.parseLong(option("seed", "1")),
                Integer.parseInt(option("months", "12"))).write().mode("overwrite").parquet(outDir);
        long lines = spark.read().parquet(outDir).count();
        return new Json().put("customers", customers).put("parts", parts).put("lines", lines).put("out", outDir)
                .put("seconds", seconds(start));
    }

    Map<String, String> options() {
        return options;
    }

    static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e6) / 1e3;
    }

    private static Verdict worse(FitSummary a, FitSummary b) {
        return a.verdict().compareTo(b.verdict()) >= 0 ? a.verdict() : b.verdict();
    }

    private static String readable(Json json) {
        return json.toString().replace(",\"", ",\n  \"").replace("{\"", "{\n  \"");
    }
}
