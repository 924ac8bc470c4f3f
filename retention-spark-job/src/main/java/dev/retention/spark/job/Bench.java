package dev.retention.spark.job;

import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.dataset.TransactionFeatureOptions;
import dev.retention.churn.dataset.TransactionFeatures;
import dev.retention.churn.logistic.LogisticOptions;
import dev.retention.churn.logistic.LogisticRegression;
import dev.retention.churn.pipeline.ChurnPipeline;
import dev.retention.churn.pipeline.ChurnPipelineModel;
import dev.retention.churn.preprocess.PreprocessOptions;
import dev.retention.data.TransactionLog;
import dev.retention.io.Json;
import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.SummaryOptions;
import dev.retention.lifetime.bgnbd.BgNbd;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.bgnbd.BgNbdOptions;
import dev.retention.lifetime.clv.Clv;
import dev.retention.lifetime.clv.ClvOptions;
import dev.retention.lifetime.gammagamma.GammaGamma;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.lifetime.gammagamma.GammaGammaOptions;
import dev.retention.model.Models;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.TopN;
import dev.retention.recsys.TopNOptions;
import dev.retention.recsys.itemknn.ItemKnn;
import dev.retention.recsys.itemknn.ItemKnnModel;
import dev.retention.recsys.itemknn.ItemKnnOptions;
import dev.retention.rfm.Rfm;
import dev.retention.rfm.RfmOptions;
import dev.retention.spark.OrderColumns;
import dev.retention.spark.SparkChurn;
import dev.retention.spark.SparkLifetime;
import dev.retention.spark.SparkLifetimeFit;
import dev.retention.spark.SparkOrders;
import dev.retention.spark.SparkPurchases;
import dev.retention.spark.SparkRecommendations;
import dev.retention.spark.SparkRfm;
import dev.retention.spark.SparkRfmResult;
import dev.retention.spark.SparkShop;
import dev.retention.synth.SyntheticShop;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;

/**
 * The benchmark of the RFM, lifetime (driver and distributed fits), churn-scoring and recommendation (item-kNN's
 * distributed similarity, then the top 10 of every customer from the saved model) jobs on a generated shop of about
 * {@code --lines} order lines ({@code --jobs} names a subset of {@code rfm,clv,churn,recommend}, all by default;
 * {@code --item-blocks}, 8 by default, for the similarity): per job the wall time, the
 * shuffle bytes written and read, the spilled bytes, the largest task's peak execution memory, the tasks' run, CPU
 * and GC times and the JVM's peak heap (the sum of the heap pools' peaks: an upper bound); with
 * {@code --single-jvm}, the single-JVM library on the same lines in this JVM (after collecting them to the driver),
 * for comparison, with the heap the log takes once built (bytes per line). {@code --jobs none --single-jvm} runs
 * only the single-JVM side (after Spark reads the generated orders and finds the cutoff), so that it can have a JVM
 * of its own; when that side runs out of memory, its record names the step and the maximum heap.
 *
 * <p>Each job's record is appended, as soon as the job ends, as one JSON line with a {@code "job"} key to
 * {@code <work>/bench-<lines>.jsonl} (and logged), so that a failure in a late job loses no figure of the earlier
 * ones; the {@code --json} summary at the end holds the same records under the jobs' names.
 */
final class Bench {

    private static final Logger LOG = LoggerFactory.getLogger(Bench.class);

    private static final long DAY = 86_400L;
    /** The jobs {@code --jobs} may name, all run by default. */
    private static final String ALL_JOBS = "rfm,clv,churn,recommend";

    private Bench() {
    }

    static Json run(SparkSession spark, SparkJobs job) throws Exception {
        long target = Long.parseLong(job.required("lines"));
        String work = job.required("work");
        java.util.Set<String> jobs = jobs(job);
        boolean singleJvm = job.options().containsKey("single-jvm");
        int months = 12;
        // lines per customer of the synthetic shop, from a small shop on the driver
        int probe = 4_000;
        double perCustomer = SyntheticShop.generate(SyntheticShop.Options.defaults().withSeed(99).withCustomers(probe)
                .withMonths(months)).log().size() / (double) probe;
        long customers = Math.max(1, Math.round(target / perCustomer));
        int parts = Integer.parseInt(job.option("parts", Long.toString(Math.max(2, customers / 25_000))));
        Path dir = Path.of(work, "orders-" + target + "-" + parts);
        StageMetrics metrics = new StageMetrics();
        spark.sparkContext().addSparkListener(metrics);
        Json json = new Json().put("master", spark.sparkContext().master())
                .put("default_parallelism", spark.sparkContext().defaultParallelism())
                .put("shuffle_partitions", spark.conf().get("spark.sql.shuffle.partitions"))
                .put("max_heap_bytes", Runtime.getRuntime().maxMemory()).put("jobs", jobs.isEmpty() ? "none" : String.join(",", jobs));
        Journal journal = new Journal(json, Path.of(work, "bench-" + target + ".jsonl"));

        long t0 = System.nanoTime();
        if (!Files.exists(dir.resolve("_SUCCESS"))) {
            metrics.reset();
            SparkShop.generate(spark, customers, parts, 1, months).write().mode("overwrite").parquet(dir.toString());
            journal.job("generate", metrics.toJson().put("seconds", SparkJobs.seconds(t0)));
        }
        Dataset<Row> raw = spark.read().parquet(dir.toString());
        long lines = raw.count();
        json.put("lines", lines).put("customers", customers).put("parts", parts);
        journal.write("setup", new Json().put("master", json.get("master"))
                .put("default_parallelism", json.get("default_parallelism"))
                .put("shuffle_partitions", json.get("shuffle_partitions"))
                .put("max_heap_bytes", json.get("max_heap_bytes")).put("jobs", json.get("jobs"))
                .put("lines", lines).put("customers", customers).put("parts", parts));
        SparkOrders orders = SparkOrders.of(raw, OrderColumns.defaults().withLine("line"),
                dev.retention.data.PurchaseRules.defaults());

        if (jobs.contains("rfm")) {
            metrics.reset();
            long t1 = System.nanoTime();
            SparkRfmResult rfm = SparkRfm.fit(orders, RfmOptions.defaults());
            long scored = rfm.table().count();
            journal.job("rfm", metrics.toJson().put("seconds", SparkJobs.seconds(t1)).put("customers", scored));
            rfm.table().unpersist();
        }

        LocalDate calEnd = SparkLifetime.lastPurchaseDay(orders);
        if (jobs.contains("clv")) {
            metrics.reset();
            long t2 = System.nanoTime();
            Dataset<Row> summaries = SparkLifetime.summaries(orders, PeriodUnit.WEEK, calEnd).cache();
            CustomerSummary collected = SparkLifetime.collect(summaries, PeriodUnit.WEEK);
            double collectSeconds = SparkJobs.seconds(t2);
            BgNbdModel bg = BgNbd.fit(collected, BgNbdOptions.defaults());
            GammaGammaModel gg = GammaGamma.fit(collected, GammaGammaOptions.defaults());
            double fitSeconds = SparkJobs.seconds(t2) - collectSeconds;
            long clvRows = SparkLifetime.score(summaries, bg, gg, ClvOptions.defaults())
                    .where("clv >= 0").count();
            journal.job("clv", metrics.toJson().put("seconds", SparkJobs.seconds(t2))
                    .put("summaries_and_collect_seconds", collectSeconds).put("driver_fit_seconds", fitSeconds)
                    .put("customers", clvRows).put("bgnbd", bg.parameters()).put("gamma_gamma", gg.parameters()));

            // the same fits distributed (a driver limit of 0 bytes): one job per likelihood evaluation
            metrics.reset();
            long td = System.nanoTime();
            SparkLifetimeFit distributed = SparkLifetime.fit(summaries, PeriodUnit.WEEK, BgNbdOptions.defaults(),
                    GammaGammaOptions.defaults(), 0);
            journal.job("clv_distributed_fit", metrics.toJson().put("seconds", SparkJobs.seconds(td))
                    .put("fit_mode", distributed.mode().label())
                    .put("bgnbd", distributed.purchases().parameters())
                    .put("gamma_gamma", distributed.spend().parameters())
                    .put("bgnbd_iterations", distributed.purchases().fitSummary().iterations())
                    .put("max_relative_difference_to_driver_fit", Math.max(
                            maxRelative(bg.parameters(), distributed.purchases().parameters()),
                            maxRelative(gg.parameters(), distributed.spend().parameters()))));
            summaries.unpersist();
        }

        ChurnPipelineModel model = jobs.contains("churn") || singleJvm ? churnModel(months) : null;
        TransactionFeatureOptions defaults = TransactionFeatureOptions.of(List.of(Instant.EPOCH), 1);
        Instant cutoff = Instant.ofEpochSecond((calEnd.toEpochDay() + 1) * DAY);
        if (jobs.contains("churn")) {
            metrics.reset();
            long t3 = System.nanoTime();
            long churnRows = SparkChurn.score(SparkChurn.unlabelledFeatures(orders, cutoff, defaults.windowDays(),
                    defaults.activeWithinDays()), model).where("probability >= 0").count();
            journal.job("churn", metrics.toJson().put("seconds", SparkJobs.seconds(t3))
                    .put("customers_scored", churnRows));
        }

        if (jobs.contains("recommend")) {
            // recommendations on the purchases (customer x item, orders counted as the single-JVM purchases count
            // them): item-kNN's similarity distributed and written as a model, then every customer's top 10 from the
            // saved model's file
            Dataset<Row> purchases = SparkPurchases.of(orders);
            int blocks = Integer.parseInt(job.option("item-blocks", "8"));
            metrics.reset();
            long t4 = System.nanoTime();
            ItemKnnModel knn = SparkRecommendations.itemKnn(purchases, ItemKnnOptions.defaults(), blocks);
            journal.job("item_similarity", metrics.toJson().put("seconds", SparkJobs.seconds(t4))
                    .put("items", knn.itemCount()).put("customers", knn.userCount()).put("blocks", blocks));
            ItemKnnModel saved = Models.fromBytes(knn.toBytes(), "bench", ItemKnnModel.class);
            metrics.reset();
            long t5 = System.nanoTime();
            long listRows = SparkRecommendations.topN(purchases, saved, TopNOptions.defaults().withN(10))
                    .where("rank >= 1").count();
            journal.job("top_n", metrics.toJson().put("seconds", SparkJobs.seconds(t5)).put("rows", listRows)
                    .put("n", 10));
        }

        if (singleJvm) {
            singleJvm(journal, raw, lines, cutoff, defaults, model);
        }
        return json;
    }

    /**
     * {@return the jobs {@code --jobs} names, checked} Called before Spark starts, so that bad arguments cost no
     * session.
     *
     * @throws IllegalArgumentException if a name is not a job, or {@code none} comes without {@code --single-jvm}
     */
    static java.util.Set<String> jobs(SparkJobs job) {
        String named = job.option("jobs", ALL_JOBS);
        java.util.Set<String> jobs = new java.util.LinkedHashSet<>(named.equals("none") ? List.of()
                : List.of(named.split(",")));
        if (!List.of(ALL_JOBS.split(",")).containsAll(jobs)) {
            throw new IllegalArgumentException("--jobs must be a comma-separated subset of " + ALL_JOBS
                    + " or none, got '" + named + "'");
        }
        if (jobs.isEmpty() && !job.options().containsKey("single-jvm")) {
            throw new IllegalArgumentException("--jobs none runs the single-JVM side only: it needs --single-jvm");
        }
        return jobs;
    }

    /** A churn pipeline fitted in one JVM on a small shop, as a saved model would be. */
    private static ChurnPipelineModel churnModel(int months) {
        TransactionLog small = SyntheticShop.generate(SyntheticShop.Options.defaults().withSeed(7).withCustomers(3000)
                .withMonths(months)).log();
        long last = small.maxPurchaseTime();
        CustomerTable training = TransactionFeatures.compute(small, TransactionFeatureOptions.of(
                List.of(Instant.ofEpochSecond(last - 150 * DAY)), 90));
        int[] all = java.util.stream.IntStream.range(0, training.rows()).toArray();
        return ChurnPipeline.fit(training, all, PreprocessOptions.defaults(),
                LogisticRegression.learner(LogisticOptions.defaults()));
    }

    /**
     * The single-JVM side: the lines collected to the driver into a log, then each analysis; every step's record is
     * written as it ends. When the heap runs out, the record says in which step and with what maximum heap, and
     * the bench goes on to print its summary.
     */
    private static void singleJvm(Journal journal, Dataset<Row> raw, long lines, Instant cutoff,
                                  TransactionFeatureOptions defaults, ChurnPipelineModel model) throws IOException {
        Json json = new Json();
        String[] step = {"collect_and_build_log"};
        try {
            singleJvmSteps(journal, json, step, raw, lines, cutoff, defaults, model);
        } catch (OutOfMemoryError e) {
            // the frames that held the log are gone: there is room again for a few records
            LOG.warn("bench single_jvm: out of memory in step {} with a maximum heap of {} bytes", step[0],
                    Runtime.getRuntime().maxMemory());
            json.put("out_of_memory", new Json().put("step", step[0])
                    .put("max_heap_bytes", Runtime.getRuntime().maxMemory()));
        }
        journal.job("single_jvm", json);
    }

    private static void singleJvmSteps(Journal journal, Json json, String[] step, Dataset<Row> raw, long lines,
                                       Instant cutoff, TransactionFeatureOptions defaults, ChurnPipelineModel model)
            throws IOException {
        long t0 = System.nanoTime();
        long before = usedHeapAfterGc();
        TransactionLog.Builder b = TransactionLog.builder()
                .expectLines((int) Math.min(lines, Integer.MAX_VALUE - 8));
        Iterator<Row> it = raw.orderBy("line").toLocalIterator();
        long read = 0;
        while (it.hasNext() && read < lines) {
            Row r = it.next();
            b.add(r.getString(0), r.getString(1), r.isNullAt(2) ? null : r.getString(2), r.getLong(3), r.getDouble(4),
                    r.getDouble(5));
            read++;
        }
        double collectSeconds = SparkJobs.seconds(t0);
        long collected = usedHeapAfterGc();
        StageMetrics.resetPeakHeap();
        long t1 = System.nanoTime();
        TransactionLog log = b.build();
        b = null;
        double buildSeconds = SparkJobs.seconds(t1);
        long buildPeak = StageMetrics.peakHeap();
        long built = usedHeapAfterGc();
        json.put("collect_and_build_log_seconds", SparkJobs.seconds(t0)).put("lines", log.size())
                .put("log_heap_bytes", built - before)
                .put("log_bytes_per_line", (built - before) / (double) Math.max(1, log.size()))
                .put("builder_heap_bytes", collected - before)
                .put("build_peak_heap_bytes", buildPeak);
        journal.write("single_jvm_log", new Json().put("collect_seconds", collectSeconds)
                .put("build_seconds", buildSeconds).put("lines", log.size())
                .put("heap_used_before_bytes", before).put("builder_heap_bytes", collected - before)
                .put("build_peak_heap_bytes", buildPeak).put("log_heap_bytes", built - before)
                .put("log_bytes_per_line", (built - before) / (double) Math.max(1, log.size()))
                .put("max_heap_bytes", Runtime.getRuntime().maxMemory()));

        step[0] = "rfm";
        long t2 = System.nanoTime();
        Rfm.fit(log, RfmOptions.defaults());
        json.put("rfm_seconds", SparkJobs.seconds(t2));
        journal.write("single_jvm_rfm", new Json().put("seconds", SparkJobs.seconds(t2)));

        step[0] = "clv";
        long t3 = System.nanoTime();
        CustomerSummary s = CustomerSummary.from(log, SummaryOptions.defaults().withUnit(PeriodUnit.WEEK));
        BgNbdModel bg = BgNbd.fit(s, BgNbdOptions.defaults());
        GammaGammaModel gg = GammaGamma.fit(s, GammaGammaOptions.defaults());
        Clv.compute(bg, gg, s, ClvOptions.defaults());
        json.put("clv_seconds", SparkJobs.seconds(t3)).put("bgnbd", bg.parameters()).put("gamma_gamma", gg.parameters());
        journal.write("single_jvm_clv", new Json().put("seconds", SparkJobs.seconds(t3))
                .put("bgnbd", bg.parameters()).put("gamma_gamma", gg.parameters()));

        step[0] = "churn";
        long t4 = System.nanoTime();
        CustomerTable table = TransactionFeatures.computeUnlabelled(log, cutoff, defaults.windowDays(),
                defaults.activeWithinDays());
        model.score(table, java.util.stream.IntStream.range(0, table.rows()).toArray());
        json.put("churn_seconds", SparkJobs.seconds(t4));
        journal.write("single_jvm_churn", new Json().put("seconds", SparkJobs.seconds(t4)));

        step[0] = "item_similarity";
        long t5 = System.nanoTime();
        Ratings ratings = Ratings.ofPurchases(log);
        ItemKnnModel knn = ItemKnn.fit(ratings, ItemKnnOptions.defaults());
        json.put("item_similarity_seconds", SparkJobs.seconds(t5));
        journal.write("single_jvm_item_similarity", new Json().put("seconds", SparkJobs.seconds(t5)));

        step[0] = "top_n";
        long t6 = System.nanoTime();
        TopN.recommendAll(knn, ratings, TopNOptions.defaults().withN(10));
        json.put("top_n_seconds", SparkJobs.seconds(t6));
        journal.write("single_jvm_top_n", new Json().put("seconds", SparkJobs.seconds(t6)));
    }

    /** The heap in use after a full collection (a request the JVM honours unless told to ignore it). */
    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * The bench's figures: the summary printed at the end, and every record appended to a JSON-lines file (and
     * logged) as soon as its job ends.
     */
    private static final class Journal {
        private final Json summary;
        private final Path file;

        Journal(Json summary, Path file) {
            this.summary = summary;
            this.file = file;
        }

        /** Puts a job's record into the summary under its name, and appends it to the file. */
        void job(String name, Json record) throws IOException {
            summary.put(name, record);
            write(name, record);
        }

        /** Appends a record, its {@code "job"} key first, as one line of the file, and logs it. */
        void write(String name, Json record) throws IOException {
            String line = record.after("job", name).toString();
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            LOG.info("bench {}: {}", name, line);
        }
    }

    private static double maxRelative(double[] expected, double[] actual) {
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.abs(expected[i]));
        }
        return worst;
    }
}
