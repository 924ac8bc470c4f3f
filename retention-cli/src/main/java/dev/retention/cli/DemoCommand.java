package dev.retention.cli;

import dev.retention.churn.classifier.Learner;
import dev.retention.churn.explain.Explanation;
import dev.retention.churn.explain.Reason;
import dev.retention.io.Json;
import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.SummaryOptions;
import dev.retention.churn.ranking.ChurnRanking;
import dev.retention.churn.ranking.RankingOptions;
import dev.retention.lifetime.analysis.LifetimeAnalysis;
import dev.retention.lifetime.analysis.LifetimeAnalysisOptions;
import dev.retention.lifetime.clv.Clv;
import dev.retention.lifetime.clv.ClvOptions;
import dev.retention.lifetime.clv.ClvTable;
import dev.retention.cluster.kmeans.KMeans;
import dev.retention.cluster.kmeans.KMeansModel;
import dev.retention.cluster.kmeans.KMeansOptions;
import dev.retention.cohort.CohortRetention;
import dev.retention.cohort.CohortTable;
import dev.retention.data.TransactionLog;
import dev.retention.evaluation.Correlation;
import dev.retention.evaluation.RocAuc;
import dev.retention.io.TransactionCsvWriter;
import dev.retention.matrix.DenseMatrix;
import dev.retention.matrix.FeatureScaling;
import dev.retention.recsys.Recommendations;
import dev.retention.rfm.Rfm;
import dev.retention.rfm.RfmModel;
import dev.retention.rfm.RfmOptions;
import dev.retention.rfm.RfmTable;
import dev.retention.playbook.Action;
import dev.retention.playbook.Actions;
import dev.retention.playbook.CampaignSimulation;
import dev.retention.playbook.CustomerState;
import dev.retention.playbook.CustomerStates;
import dev.retention.report.Report;
import dev.retention.rfm.CustomerStatus;
import dev.retention.synth.CampaignTruth;
import dev.retention.synth.ShopTruth;
import dev.retention.synth.SyntheticShop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code retention demo}: the whole pipeline on the embedded synthetic shop. Generates the shop, then, in order:
 * RFM segments, monthly cohorts, k-means clusters on RFM, PureSVD recommendations, churn risk at a cutoff with
 * reasons, BG/NBD and Gamma-Gamma fitted on a calibration period with CLV; compares each model with the truth the
 * synthetic shop knows, and writes every part's tables and model files to a folder. The steps are those of the
 * {@code rfm}, {@code cluster}, {@code churn score} and {@code clv fit} commands ({@link ClusterReport},
 * {@link ChurnRanking}, {@link LifetimeAnalysis}); the HTML report ({@link Report}) of the shop is written beside them.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the whole pipeline on the embedded synthetic shop and write its outputs.")
final class DemoCommand implements Callable<Integer> {

    /**
     * Fewest customers. Below, the validation and holdout periods may hold no customer at all; the lifetime fits
     * want more still (on a few hundred customers they may not converge, which the demo then says).
     */
    static final int MIN_CUSTOMERS = 100;
    /** Most customers, to keep the demo a demo. */
    static final int MAX_CUSTOMERS = 1_000_000;
    private static final int CLUSTERS = 4;
    private static final int[] FACTORS = {1, 2, 5, 10, 20};
    private static final int TOP_ITEMS = 5;
    private static final int EXAMPLE_CUSTOMERS = 3;
    /** Months between the churn cutoff (and the recommenders' holdout cutoff) and the end of the log. */
    private static final int HOLDOUT_MONTHS = 3;
    private static final int HORIZON_DAYS = 90;
    private static final int TRAINING_CUTOFFS = 4;
    private static final int STEP_DAYS = 30;
    private static final int RISKIEST = 10;
    private static final int REASONS = 3;
    private static final int CLV_MONTHS = 12;
    private static final int TOP_CLV = 10;
    /**
     * The simulated campaign's true lifts of the default actions (win-back coupon, reminder email): the average share
     * of the value at stake a contact saves on a persuadable customer. Above the defaults' assumed 5% and 1% once
     * the persuadable share (35% of active customers) and the do-not-disturb share (10%) are counted in: 0.35 x 0.25
     * - 0.10 x 0.25 = 6.25% and 1.25%, so the assumptions are conservative in the simulated shop too.
     */
    private static final double[] TRUE_LIFTS = {0.25, 0.05};
    private static final double[] BUDGET_SHARES = {0.1, 0.2, 0.5};

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "retention-demo",
            description = "Folder for the outputs (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "5000",
            description = "Customers in the synthetic shop, from 100 to 1,000,000 (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
            description = "Seed of the synthetic shop and of every model (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** Wall seconds of each part, in order. */
    private final Map<String, Double> timings = new LinkedHashMap<>();
    private long lap;

    /** The RFM part: the table and how its weighted score follows the customers' true CLV. */
    private static final class Segments {
        private final RfmTable table;
        private final double[] trueClv;
        private final double pearson;
        private final double spearman;

        Segments(RfmTable table, double[] trueClv, double pearson, double spearman) {
            this.table = table;
            this.trueClv = trueClv;
            this.pearson = pearson;
            this.spearman = spearman;
        }
    }

    /**
     * The k-means part: the model, its report, and per cluster the share of customers truly active at the end and
     * their mean true CLV.
     */
    private static final class Clusters {
        private final KMeansModel model;
        private final ClusterReport report;
        private final double[] aliveShare;
        private final double[] meanTrueClv;

        Clusters(KMeansModel model, ClusterReport report, double[] aliveShare, double[] meanTrueClv) {
            this.model = model;
            this.report = report;
            this.aliveShare = aliveShare;
            this.meanTrueClv = meanTrueClv;
        }
    }

    /**
     * The churn part: the ranking, each scored customer's true P(churn), the ROC AUC of the true probabilities on the
     * observed outcomes (NaN when not observed) and the rank correlation of the model's with the true ones.
     */
    private static final class Churn {
        private final ChurnRanking ranking;
        private final double[] truth;
        private final double truthAuc;
        private final double spearman;

        Churn(ChurnRanking ranking, double[] truth, double truthAuc, double spearman) {
            this.ranking = ranking;
            this.truth = truth;
            this.truthAuc = truthAuc;
            this.spearman = spearman;
        }
    }

    /**
     * The lifetime part: the calibration fit, CLV as of the end of the log, and the comparisons with the truth:
     * ROC AUC of P(alive) on the true alive flag, the true total CLV, and the correlations of CLV with the true one.
     */
    private record Lifetime(LifetimeAnalysis fit, CustomerSummary now, ClvTable clv, double aliveAuc, double trueTotal,
                            double pearson, double spearman) {
    }

    /** The playbook part: the customers' states at the end of the log and the campaign simulated on them. */
    private record Campaign(CustomerStates states, List<Action> actions, CampaignSimulation simulation) {
    }

    @Override
    public Integer call() throws IOException {
        if (customers < MIN_CUSTOMERS || customers > MAX_CUSTOMERS) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "--customers must be in [%,d, %,d], got %d", MIN_CUSTOMERS, MAX_CUSTOMERS, customers));
        }
        SyntheticShop.Options options = SyntheticShop.Options.defaults().withCustomers(customers).withSeed(seed);
        int threads = Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        lap = start;

        SyntheticShop shop = SyntheticShop.generate(options);
        TransactionLog log = shop.log();
        ShopTruth truth = ShopTruth.of(shop);
        lap("shop");

        // Frequencies are heavily tied (most customers bought once) and ids follow acquisition time, so
        // ties broken by id would score recent one-time buyers above older ones; equal values score equally.
        RfmModel rfmModel = Rfm.fit(log, RfmOptions.defaults().withTies(RfmOptions.Ties.EQUAL));
        RfmTable rfm = rfmModel.table().orElseThrow();
        Segments segments = segments(rfm, truth);
        lap("rfm");

        CohortTable cohorts = CohortRetention.compute(log);
        lap("cohorts");

        Clusters clusters = clusters(segments, truth, threads);
        lap("clusters");

        long cutoff = epochSecond(options.end().minusMonths(HOLDOUT_MONTHS));
        long validation = epochSecond(options.end().minusMonths(2 * HOLDOUT_MONTHS));
        PurchaseRecommendations recs = PurchaseRecommendations.fit(log, FACTORS, TOP_ITEMS, seed, threads, validation,
                cutoff, shop.endEpochSecond());
        int[] examples = exampleCustomers(log);
        lap("recommendations");

        Churn churn = churn(shop, truth, cutoff, threads);
        lap("churn");

        Lifetime lifetime = lifetime(shop, truth, threads);
        lap("lifetime");

        Campaign campaign = campaign(shop, threads);
        lap("playbook");

        Report report = Report.builder(log).title(String.format(Locale.ROOT, "Retention demo: a synthetic shop of %,d "
                + "customers (seed %d)", customers, seed)).seed(seed).threads(threads).build();
        lap("report");

        Files.createDirectories(out);
        Map<String, List<Path>> written = new LinkedHashMap<>();
        Path orders = write(written, "shop", "orders.csv");
        TransactionCsvWriter.write(log, orders);
        rfm.writeCsv(write(written, "rfm", "rfm.csv"));
        rfmModel.save(write(written, "rfm", "rfm-scorer.model"));
        cohorts.writeCsv(write(written, "cohorts", "cohorts.csv"));
        cohorts.writeCountsCsv(write(written, "cohorts", "cohort-counts.csv"));
        ClusterReport.writeLabels(write(written, "clusters", "clusters.csv"), rfm, clusters.model.labels());
        clusters.model.save(write(written, "clusters", "kmeans.model"));
        recs.writeCsv(write(written, "recommendations", "recommendations.csv"));
        writeChurnScores(write(written, "churn", "churn-scores.csv"), churn.ranking);
        churn.ranking.pipeline().save(write(written, "churn", "churn.model"));
        lifetime.clv.writeCsv(write(written, "lifetime", "clv.csv"));
        lifetime.fit.bgNbd().save(write(written, "lifetime", "bgnbd.model"));
        lifetime.fit.spend().save(write(written, "lifetime", "gamma-gamma.model"));
        report.write(write(written, "report", "report.html"));
        lap("write");
        double seconds = (System.nanoTime() - start) / 1e9;

        PrintWriter pw = spec.commandLine().getOut();
        if (json) {
            pw.println(new Json()
                    .put("customers", rfm.size())
                    .put("lines", log.size())
                    .put("orders", log.orderCount())
                    .put("skipped_rows", log.lineCounts().skipped())
                    .put("segments", rfm.segmentCounts())
                    .put("recency_mean", rfm.meanRecency())
                    .put("frequency_mean", rfm.meanFrequency())
                    .put("monetary_mean", rfm.meanMonetary())
                    .put("rfm_true_clv_pearson", segments.pearson)
                    .put("rfm_true_clv_spearman", segments.spearman)
                    .put("cohorts", cohorts.cohortCount())
                    .put("repurchase_rate", cohorts.overallRepurchaseRate())
                    .put("mean_retention", cohorts.meanRetention())
                    .put("clusters", clustersJson(clusters))
                    .put("recommendations", recommendationsJson(recs, examples))
                    .put("churn", churnJson(churn))
                    .put("lifetime", lifetimeJson(lifetime, shop))
                    .put("playbook", playbookJson(campaign))
                    .put("outputs", written.values().stream().flatMap(List::stream).map(Path::toString).toList())
                    .put("timings", timings)
                    .put("seconds", seconds));
        } else {
            printShop(pw, shop, segments, cohorts);
            printClusters(pw, clusters);
            printRecommendations(pw, recs, examples);
            printChurn(pw, churn);
            printLifetime(pw, lifetime, shop);
            printPlaybook(pw, campaign);
            pw.println("== Outputs in " + out + " ==");
            written.forEach((part, files) -> pw.printf(Locale.ROOT, "  %-16s %s%n", part,
                    files.stream().map(f -> String.valueOf(f.getFileName())).collect(Collectors.joining(", "))));
            pw.println("Next: retention rfm --orders " + orders + " --format generic --ties equal");
            pw.printf(Locale.ROOT, "%.3f s (%s)%n", seconds, timings.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", ")));
        }
        pw.flush();
        return 0;
    }

    private void lap(String part) {
        long now = System.nanoTime();
        timings.put(part, (now - lap) / 1e9);
        lap = now;
    }

    private Path write(Map<String, List<Path>> written, String part, String name) {
        Path file = out.resolve(name);
        written.computeIfAbsent(part, k -> new ArrayList<>()).add(file);
        return file;
    }

    // ---- the parts ----

    private static long epochSecond(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    /** The customers' true CLV over the demo's horizon, at the default discount rate. */
    private static double[] trueClv(ShopTruth truth, String[] customers) {
        return truth.clv(customers, CLV_MONTHS, ClvOptions.defaults().monthlyRate());
    }

    /** The RFM table with each customer's true CLV, and the correlations of the weighted RFM score with it. */
    private static Segments segments(RfmTable rfm, ShopTruth truth) {
        String[] ids = new String[rfm.size()];
        double[] score = new double[rfm.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = rfm.customerId(i);
            score[i] = rfm.weightedScore(i);
        }
        double[] clv = trueClv(truth, ids);
        return new Segments(rfm, clv, pearson(score, clv), spearman(score, clv));
    }

    private Clusters clusters(Segments segments, ShopTruth truth, int threads) {
        RfmTable rfm = segments.table;
        DenseMatrix raw = rfm.features();
        KMeansModel model = KMeans.fit(raw, KMeansOptions.defaults().withK(CLUSTERS).withSeed(seed)
                .withThreads(threads).withScaling(FeatureScaling.Kind.LOG1P_ZSCORE));
        DenseMatrix x = model.scaling().apply(raw);
        int[] labels = model.labels();
        ClusterReport report = ClusterReport.of(x, rfm, labels, model.k(), model.inertia(), 20_000, seed, threads);
        double[] alive = new double[model.k()];
        double[] clv = new double[model.k()];
        for (int i = 0; i < labels.length; i++) {
            alive[labels[i]] += truth.aliveAtEnd(rfm.customerId(i)) ? 1 : 0;
            clv[labels[i]] += segments.trueClv[i];
        }
        for (int j = 0; j < alive.length; j++) {
            int size = report.sizes()[j];
            alive[j] = size == 0 ? Double.NaN : alive[j] / size;
            clv[j] = size == 0 ? Double.NaN : clv[j] / size;
        }
        return new Clusters(model, report, alive, clv);
    }

    /**
     * Three customers to show recommendations for, by dense index: the one with the most orders, then the first
     * with two orders and the first with one (fewer when the shop has no such customer).
     */
    private static int[] exampleCustomers(TransactionLog log) {
        int[] orders = new int[log.customerCount()];
        var o = log.orders(false);
        for (int c = 0; c < orders.length; c++) {
            orders[c] = o.orderEnd(c) - o.orderStart(c);
        }
        int most = 0;
        for (int c = 1; c < orders.length; c++) {
            most = orders[c] > orders[most] ? c : most;
        }
        List<Integer> chosen = new ArrayList<>(List.of(most));
        for (int want : new int[] {2, 1}) {
            for (int c = 0; c < orders.length; c++) {
                if (orders[c] == want && !chosen.contains(c)) {
                    chosen.add(c);
                    break;
                }
            }
        }
        return chosen.stream().limit(EXAMPLE_CUSTOMERS).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Logistic regression trained on earlier cutoffs, as {@code churn score} does, scoring the customers at the
     * cutoff; compared with their true P(churn).
     */
    private Churn churn(SyntheticShop shop, ShopTruth truth, long cutoff, int threads) {
        TransactionLog log = shop.log();
        Learner learner = ChurnCommand.learner(spec, "logistic", Map.of(), seed, threads);
        ChurnRanking ranking = ChurnRanking.compute(log, RankingOptions.of(Instant.ofEpochSecond(cutoff), HORIZON_DAYS)
                .withTrainingCutoffs(TRAINING_CUTOFFS).withStepDays(STEP_DAYS)
                .withObservedUntil(Instant.ofEpochSecond(shop.endEpochSecond())), learner);
        String[] ids = new String[ranking.scored().rows()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ranking.scored().key(i);
        }
        double[] q = truth.churnProbability(ids, cutoff, HORIZON_DAYS);
        double auc = ranking.testAuc().isEmpty() ? Double.NaN : auc(ranking.outcomes(), q);
        return new Churn(ranking, q, auc, spearman(ranking.probabilities(), q));
    }

    /**
     * BG/NBD and Gamma-Gamma in weeks on the acquisition months (the calibration period), checked on the rest of the
     * log; then CLV over the next months as of the end of the log, from each customer's whole history.
     */
    private static Lifetime lifetime(SyntheticShop shop, ShopTruth truth, int threads) {
        SyntheticShop.Options o = shop.options();
        LocalDate calibrationEnd = o.start().plusMonths(o.months()).minusDays(1);
        LocalDate lastDay = o.end().minusDays(1);
        CustomerSummary calibration = CustomerSummary.from(shop.log(), new SummaryOptions(PeriodUnit.WEEK,
                calibrationEnd, lastDay));
        LifetimeAnalysis fit = LifetimeAnalysis.compute(calibration, LifetimeAnalysisOptions.defaults()
                .withThreads(threads));
        CustomerSummary now = CustomerSummary.from(shop.log(), new SummaryOptions(PeriodUnit.WEEK, lastDay, lastDay));
        ClvTable clv = Clv.compute(fit.bgNbd(), fit.spend(), now, ClvOptions.defaults().withHorizonMonths(CLV_MONTHS)
                .withThreads(threads));
        String[] ids = new String[now.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = now.id(i);
        }
        double aliveAuc = auc(truth.aliveAtEnd(ids), clv.probabilitiesAlive());
        double[] actual = truth.clv(ids, CLV_MONTHS, clv.options().monthlyRate());
        double total = 0;
        for (double v : actual) {
            total += v;
        }
        return new Lifetime(fit, now, clv, aliveAuc, total, pearson(clv.clvs(), actual),
                spearman(clv.clvs(), actual));
    }

    /**
     * The playbook at the end of the log with the default actions, scored against the campaign's truth at each budget
     * share ({@link CampaignSimulation}).
     */
    private Campaign campaign(SyntheticShop shop, int threads) {
        CustomerStates states = CustomerStates.compute(shop.log(), Instant.ofEpochSecond(shop.endEpochSecond()),
                CustomerStates.Options.defaults().withHorizonMonths(CLV_MONTHS).withThreads(threads));
        List<Action> actions = Actions.defaults();
        CampaignTruth truth = CampaignTruth.of(shop, TRUE_LIFTS, CLV_MONTHS, ClvOptions.defaults().monthlyRate(), seed);
        return new Campaign(states, actions, CampaignSimulation.compute(states.states(), actions, truth,
                BUDGET_SHARES, seed));
    }

    private static Map<CustomerStatus, Integer> statusCounts(CustomerStates states) {
        Map<CustomerStatus, Integer> counts = new EnumMap<>(CustomerStatus.class);
        for (CustomerStatus s : CustomerStatus.values()) {
            counts.put(s, 0);
        }
        for (CustomerState s : states.states()) {
            counts.merge(s.status(), 1, Integer::sum);
        }
        return counts;
    }

    private static void writeChurnScores(Path file, ChurnRanking churn) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("customer,p_churn\n");
            double[] p = churn.probabilities();
            for (int i : churn.ranking()) {
                w.write(String.format(Locale.ROOT, "%s,%.6g%n", CsvText.field(churn.scored().key(i)), p[i]));
            }
        }
    }

    // ---- tables ----

    private static void printShop(PrintWriter pw, SyntheticShop shop, Segments segments, CohortTable cohorts) {
        pw.println("== 1. The synthetic shop ==");
        pw.println(shop);
        pw.println("== 2. RFM segments (ties scored equally) ==");
        pw.print(segments.table);
        pw.printf(Locale.ROOT, "truth: the RFM score against each customer's true %d-month CLV: Pearson %s, "
                + "Spearman %s%n%n", CLV_MONTHS, number(segments.pearson, "%.3f"), number(segments.spearman, "%.3f"));
        pw.println("== 3. Monthly cohorts ==");
        pw.println(cohorts);
    }

    private static void printClusters(PrintWriter pw, Clusters c) {
        pw.printf(Locale.ROOT, "== 4. Clusters: k-means, k = %d, on log1p-standardised recency, frequency, monetary "
                + "==%n", c.model.k());
        pw.printf(Locale.ROOT, "%s; %d iterations%s%n", c.report.qualityLine(), c.model.fitSummary().iterations(),
                c.model.fitSummary().converged() ? "" : ", not converged");
        pw.print(c.report.profiles());
        StringBuilder sb = new StringBuilder("truth by cluster (still active at the end, mean true " + CLV_MONTHS
                + "-month CLV):");
        for (int j = 0; j < c.aliveShare.length; j++) {
            sb.append(String.format(Locale.ROOT, "%s %d %s %s", j == 0 ? "" : " |", j, percent(c.aliveShare[j]),
                    number(c.meanTrueClv[j], "%.2f")));
        }
        pw.println(sb);
        pw.println();
    }

    private static void printRecommendations(PrintWriter pw, PurchaseRecommendations recs, int[] examples) {
        PurchaseRecommendations.HitRates v = recs.validation();
        PurchaseRecommendations.HitRates h = recs.holdout();
        pw.printf(Locale.ROOT, "== 5. Recommendations: PureSVD on purchase counts; top %d items not bought yet ==%n",
                TOP_ITEMS);
        pw.printf(Locale.ROOT, "hit rate: of the customers who bought an item new to them in a period, the share whose "
                + "top %d (fitted on the orders before) held one%n", TOP_ITEMS);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "factors by hit rate on %s .. %s (%,d "
                + "customers):", day(v.from()), day(v.to().minusSeconds(1)), v.customers()));
        for (int k = 0; k < v.factors().length; k++) {
            sb.append(String.format(Locale.ROOT, "%s %d %s", k == 0 ? "" : ",", v.factors()[k],
                    percent(v.hitRates()[k])));
        }
        pw.println(sb.append(String.format(Locale.ROOT, "; most popular items %s; chosen: %d", percent(
                v.popularityHitRate()), recs.factors())));
        for (int c : examples) {
            Recommendations r = recs.top()[c];
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s %3d items bought:",
                    recs.purchases().users().id(c), recs.purchases().byUser().rowLength(c)));
            for (int k = 0; k < r.size(); k++) {
                line.append(String.format(Locale.ROOT, " %s %.3f", r.itemId(k), r.score(k)));
            }
            pw.println(line);
        }
        pw.printf(Locale.ROOT, "holdout %s .. %s (%,d customers): PureSVD with %d factor%s %s; most popular items "
                        + "%s%n%n", day(h.from()), day(h.to().minusSeconds(1)), h.customers(), recs.factors(),
                recs.factors() == 1 ? "" : "s", percent(h.hitRates()[0]), percent(h.popularityHitRate()));
    }

    private static void printChurn(PrintWriter pw, Churn c) {
        ChurnRanking churn = c.ranking;
        pw.printf(Locale.ROOT, "== 6. Churn risk at %s (no purchase in the next %d days): logistic regression ==%n",
                day(churn.cutoff()), churn.horizonDays());
        pw.printf(Locale.ROOT, "trained on %,d rows at %d cutoffs from %s to %s; %,d customers scored%n",
                churn.training().rows(), churn.trainingCutoffs().size(), day(churn.trainingCutoffs().get(0)),
                day(churn.trainingCutoffs().get(churn.trainingCutoffs().size() - 1)), churn.scored().rows());
        if (churn.testAuc().isPresent()) {
            pw.printf(Locale.ROOT, "out-of-time check: ROC AUC %.3f against the churn observed in the %d days after "
                    + "the cutoff (%s churned)%n", churn.testAuc().getAsDouble(), churn.horizonDays(),
                    percent(churn.testChurnRate().getAsDouble()));
        }
        pw.printf(Locale.ROOT, "truth: the customers' true P(churn) (from purchase rate and dropout) reach ROC AUC %s "
                + "on the same outcomes; the model's P(churn) against them: Spearman %s%n", number(c.truthAuc, "%.3f"),
                number(c.spearman, "%.3f"));
        pw.printf(Locale.ROOT, "%,d lapsed (no purchase for %d days or more: gone, not listed as at risk), %,d at "
                        + "risk, %,d active; the riskiest not lapsed:%n", churn.count(CustomerStatus.LAPSED),
                churn.options().statusRule().lapsedAfterDays(), churn.count(CustomerStatus.AT_RISK),
                churn.count(CustomerStatus.ACTIVE));
        pw.printf(Locale.ROOT, "%-8s %8s %6s  %-8s  %s%n", "customer", "P(churn)", "truth", "status",
                "top reasons (feature groups' contributions to the log-odds)");
        int[] ranking = churn.ranking(ChurnCommand.NOT_LAPSED);
        double[] p = churn.probabilities();
        for (int k = 0; k < Math.min(RISKIEST, ranking.length); k++) {
            int i = ranking[k];
            Explanation e = churn.explainRow(i, REASONS);
            pw.printf(Locale.ROOT, "%-8s %8.4f %6.3f  %-8s  %s%n", churn.scored().key(i), p[i], c.truth[i],
                    churn.status(i).label(), e.up().stream().map(Reason::toString).collect(Collectors.joining(", ")));
        }
        pw.println();
    }

    private static void printLifetime(PrintWriter pw, Lifetime l, SyntheticShop shop) {
        LifetimeAnalysis fit = l.fit;
        SyntheticShop.Options o = shop.options();
        double days = fit.summary().unit().days();
        pw.printf(Locale.ROOT, "== 7. Customer lifetime: BG/NBD and Gamma-Gamma fitted on %s .. %s, in %ss ==%n",
                o.start(), fit.summary().calibrationEnd(), fit.summary().unit().label());
        pw.printf(Locale.ROOT, "BG/NBD       r %.4f  alpha %8.4f  a %.4f  b %.4f  (%s, log-likelihood %.2f, %,d "
                        + "customers)%n", fit.bgNbd().r(), fit.bgNbd().alpha(), fit.bgNbd().a(), fit.bgNbd().b(),
                fit.bgNbd().fitSummary().converged() ? "converged" : "not converged",
                fit.bgNbd().estimates().logLikelihood(), fit.summary().size());
        pw.printf(Locale.ROOT, "  truth      r %.4f  alpha %8.4f  a %.4f  b %.4f  (alpha %.4g days / %.0f)%n", o.r(),
                o.alpha() / days, o.a(), o.b(), o.alpha(), days);
        pw.printf(Locale.ROOT, "Gamma-Gamma  p %.4f  q %8.4f  v %.4f  (%s, %,d repeat customers)%n", fit.spend().p(),
                fit.spend().q(), fit.spend().v(), fit.spend().fitSummary().converged() ? "converged" : "not converged",
                fit.spend().estimates().customers());
        pw.printf(Locale.ROOT, "  truth      p %.4f  q %8.4f  v %.4f%n", o.spendP(), o.spendQ(), o.spendGamma());
        if (!fit.bgNbd().fitSummary().converged() || !fit.spend().fitSummary().converged()) {
            pw.println("note: a fit that did not converge drifted towards a boundary of its parameters, as unpenalized "
                    + "fits on few repeat customers do; more customers (--customers) help");
        }
        fit.holdout().ifPresent(h -> pw.printf(Locale.ROOT,
                "holdout %s .. %s (%.2f %ss): %,.0f purchases, BG/NBD predicts %s%n",
                fit.summary().calibrationEnd().plusDays(1), o.end().minusDays(1), h.length(), h.unit().label(),
                h.actualPurchases(), number(h.predictedPurchases(), "%,.1f")));
        if (Double.isFinite(l.clv.total())) {
            pw.printf(Locale.ROOT, "CLV over the next %d months as of %s (each customer's whole history, %.4g%% a "
                            + "month discount): total %,.2f%n", l.clv.options().horizonMonths(), l.now.calibrationEnd(),
                    100 * l.clv.options().monthlyRate(), l.clv.total());
            pw.print(l.clv.top(TOP_CLV));
        } else {
            pw.printf(Locale.ROOT, "CLV over the next %d months: n/a, the BG/NBD gives no finite expected purchases at "
                    + "these parameters%n", l.clv.options().horizonMonths());
        }
        pw.printf(Locale.ROOT, "truth: P(alive) against the true alive flag at the end: ROC AUC %s; CLV against the "
                        + "true CLV: total %,.2f, Pearson %s, Spearman %s%n%n", number(l.aliveAuc, "%.3f"), l.trueTotal,
                number(l.pearson, "%.3f"), number(l.spearman, "%.3f"));
    }

    private static void printPlaybook(PrintWriter pw, Campaign c) {
        pw.printf(Locale.ROOT, "== 8. Playbook: whom to contact, checked against the shop's true responses ==%n");
        Map<CustomerStatus, Integer> counts = statusCounts(c.states);
        pw.printf(Locale.ROOT, "as of %s: %,d customers, %,d lapsed (P(alive) < %.2f or no purchase for %d days), "
                        + "%,d at risk (P(churn) over %d months >= %.2f), %,d active%n", day(c.states.asOf()),
                c.states.states().size(), counts.get(CustomerStatus.LAPSED), c.states.options().lapsedBelowAlive(),
                c.states.options().lapsedAfterDays(), counts.get(CustomerStatus.AT_RISK), CLV_MONTHS,
                c.states.options().atRiskFrom(), counts.get(CustomerStatus.ACTIVE));
        for (Action a : c.actions) {
            pw.printf(Locale.ROOT, "action %-16s cost %.2f, for %s, effect %s%n", a.name(), a.cost(),
                    a.eligibility().describe(), a.effect().describe());
        }
        pw.printf(Locale.ROOT, "simulated truth: persuadable, sure-thing, lost-cause and do-not-disturb customers; "
                + "true lifts %s; realised incremental value (effect x value at stake - cost):%n",
                java.util.Arrays.toString(TRUE_LIFTS));
        pw.printf(Locale.ROOT, "%7s %8s %10s %12s %12s %12s %13s%n", "budget", "contacts", "policy", "(contacted)",
                "oracle", "random", "highest risk");
        for (CampaignSimulation.Budget b : c.simulation.budgets()) {
            pw.printf(Locale.ROOT, "%6.0f%% %,8d %,10.0f %,12d %,12.0f %,12.0f %,13.0f%n", 100 * b.share(), b.contacts(),
                    b.policyValue(), b.policyContacts(), b.oracleValue(), b.randomValue(), b.highestRiskValue());
        }
        pw.println("random and highest-risk targeting send everyone the first action; the oracle knows each "
                + "customer's true response");
        pw.println();
    }

    // ---- JSON ----

    private static Json playbookJson(Campaign c) {
        List<Json> budgets = new ArrayList<>();
        for (CampaignSimulation.Budget b : c.simulation.budgets()) {
            budgets.add(new Json().put("share", b.share()).put("contacts", b.contacts())
                    .put("policy_contacts", b.policyContacts()).put("policy_value", b.policyValue())
                    .put("oracle_value", b.oracleValue()).put("random_value", b.randomValue())
                    .put("highest_risk_value", b.highestRiskValue()));
        }
        Map<String, Integer> statuses = new LinkedHashMap<>();
        statusCounts(c.states).forEach((s, n) -> statuses.put(s.label(), n));
        List<Json> actions = new ArrayList<>();
        for (Action a : c.actions) {
            actions.add(new Json().put("name", a.name()).put("cost", a.cost())
                    .put("eligible", a.eligibility().describe()).put("effect", a.effect().describe())
                    .put("effect_source", a.effect().source()));
        }
        return new Json().put("as_of", c.states.asOf().toString()).put("statuses", statuses)
                .put("actions", actions).put("true_lifts", TRUE_LIFTS).put("budgets", budgets);
    }


    private static Json clustersJson(Clusters c) {
        return c.report.putQuality(new Json().put("algo", "kmeans").put("k", c.model.k()))
                .put("iterations", c.model.fitSummary().iterations())
                .put("converged", c.model.fitSummary().converged())
                .put("profiles", c.report.profilesJson())
                .put("true_alive_share", c.aliveShare)
                .put("true_clv_mean", c.meanTrueClv);
    }

    private static Json recommendationsJson(PurchaseRecommendations recs, int[] examples) {
        List<Json> shown = new ArrayList<>();
        for (int c : examples) {
            Recommendations r = recs.top()[c];
            List<String> items = new ArrayList<>();
            double[] scores = new double[r.size()];
            for (int k = 0; k < r.size(); k++) {
                items.add(r.itemId(k));
                scores[k] = r.score(k);
            }
            shown.add(new Json().put("customer", recs.purchases().users().id(c))
                    .put("items_bought", recs.purchases().byUser().rowLength(c)).put("items", items)
                    .put("scores", scores));
        }
        PurchaseRecommendations.HitRates v = recs.validation();
        PurchaseRecommendations.HitRates h = recs.holdout();
        return new Json().put("model", "PureSVD").put("factors", recs.factors()).put("value", "orders")
                .put("n", TOP_ITEMS).put("examples", shown)
                .put("validation", new Json().put("from", v.from().toString()).put("to", v.to().toString())
                        .put("customers", v.customers()).put("factors", v.factors()).put("hit_rates", v.hitRates())
                        .put("popularity_hit_rate", v.popularityHitRate()))
                .put("holdout", new Json().put("from", h.from().toString()).put("to", h.to().toString())
                        .put("customers", h.customers())
                        .put("hit_rate", h.hitRates()[0]).put("popularity_hit_rate", h.popularityHitRate()));
    }

    private static Json churnJson(Churn c) {
        ChurnRanking churn = c.ranking;
        return ChurnCommand.putTraining(new Json().put("model", "logistic"), churn)
                .put("test_auc", ChurnCommand.orNull(churn.testAuc()))
                .put("test_churn_rate", ChurnCommand.orNull(churn.testChurnRate()))
                .put("true_probability_auc", c.truthAuc)
                .put("true_probability_spearman", c.spearman)
                .put("status_counts", new Json().put("lapsed", churn.count(CustomerStatus.LAPSED))
                        .put("at_risk", churn.count(CustomerStatus.AT_RISK))
                        .put("active", churn.count(CustomerStatus.ACTIVE)))
                .put("riskiest", ChurnCommand.riskiestJson(churn, RISKIEST, REASONS, ChurnCommand.NOT_LAPSED));
    }

    private static Json lifetimeJson(Lifetime l, SyntheticShop shop) {
        LifetimeAnalysis fit = l.fit;
        SyntheticShop.Options o = shop.options();
        double days = fit.summary().unit().days();
        Json json = new Json()
                .put("period", fit.summary().unit().label())
                .put("calibration_end", fit.summary().calibrationEnd().toString())
                .put("customers", fit.summary().size())
                .put("bgnbd", LifetimeJson.bgnbd(fit.bgNbd()))
                .put("gamma_gamma", LifetimeJson.gammaGamma(fit.spend()));
        fit.holdout().ifPresent(h -> json.put("holdout", LifetimeJson.holdout(h)));
        return json.put("clv", LifetimeJson.clv(l.clv, l.now, TOP_CLV).put("as_of", l.now.calibrationEnd()
                        .toString()))
                .put("truth", new Json()
                        .put("bgnbd", new Json().put("r", o.r()).put("alpha", o.alpha() / days).put("a", o.a())
                                .put("b", o.b()))
                        .put("gamma_gamma", new Json().put("p", o.spendP()).put("q", o.spendQ())
                                .put("v", o.spendGamma()))
                        .put("p_alive_auc", l.aliveAuc)
                        .put("clv_total", l.trueTotal)
                        .put("clv_pearson", l.pearson)
                        .put("clv_spearman", l.spearman));
    }

    // ---- comparisons with the truth: NaN, printed "n/a", where the library's measure is undefined ----

    /** ROC AUC ({@link RocAuc}); NaN when there are no rows, one class is missing or a score is not finite. */
    static double auc(int[] labels, double[] scores) {
        return scores.length > 0 && finite(scores) ? RocAuc.ifBothClasses(labels, scores).orElse(Double.NaN)
                : Double.NaN;
    }

    /** Pearson's correlation ({@link Correlation}); NaN when a side is constant or holds a value that is not finite. */
    static double pearson(double[] a, double[] b) {
        return finite(a) && finite(b) ? Correlation.pearson(a, b).orElse(Double.NaN) : Double.NaN;
    }

    /** Spearman's correlation ({@link Correlation}); NaN when a side is constant or holds a value not finite. */
    static double spearman(double[] a, double[] b) {
        return finite(a) && finite(b) ? Correlation.spearman(a, b).orElse(Double.NaN) : Double.NaN;
    }

    private static boolean finite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    // ---- formatting ----

    private static String day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }

    private static String percent(Double share) {
        return share == null || share.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static String number(double v, String format) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, format, v);
    }
}
