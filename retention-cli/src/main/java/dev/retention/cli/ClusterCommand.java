package dev.retention.cli;

import dev.retention.cluster.dbscan.Dbscan;
import dev.retention.cluster.dbscan.DbscanModel;
import dev.retention.cluster.dbscan.DbscanOptions;
import dev.retention.cluster.hierarchical.Agglomerative;
import dev.retention.cluster.hierarchical.AgglomerativeModel;
import dev.retention.cluster.hierarchical.AgglomerativeOptions;
import dev.retention.cluster.hierarchical.Linkage;
import dev.retention.cluster.kmeans.KMeans;
import dev.retention.cluster.kmeans.KMeansModel;
import dev.retention.cluster.kmeans.KMeansOptions;
import dev.retention.cluster.kmeans.MiniBatchKMeans;
import dev.retention.cluster.kmeans.MiniBatchKMeansOptions;
import dev.retention.cluster.quality.ClusterQuality;
import dev.retention.cluster.quality.KScan;
import dev.retention.data.TransactionLog;
import dev.retention.io.Json;
import dev.retention.matrix.DenseMatrix;
import dev.retention.matrix.FeatureScaling;
import dev.retention.model.FitSummary;
import dev.retention.model.Model;
import dev.retention.rfm.Rfm;
import dev.retention.rfm.RfmTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code retention cluster}: clusters a shop's customers on their RFM features with k-means, mini-batch k-means,
 * DBSCAN or agglomerative clustering, and prints the quality measures and the RFM profile of each cluster. The
 * models take the raw recency, frequency and monetary value and fit {@code LOG1P_ZSCORE} scaling (log1p, then
 * standardised with the population standard deviation), which they keep, so a saved model scores raw RFM.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Cluster the customers of an order file on their log1p-standardised RFM features.")
final class ClusterCommand implements Callable<Integer> {

    /** The algorithms of {@code --algo}. */
    enum Algo {
        KMEANS("kmeans"), MINIBATCH_KMEANS("minibatch-kmeans"), DBSCAN("dbscan"), AGGLOMERATIVE("agglomerative");

        final String label;

        Algo(String label) {
            this.label = label;
        }
    }

    @Mixin
    OrderSource source;

    @Option(names = "--algo", required = true, paramLabel = "ALGO",
            description = "kmeans, minibatch-kmeans, dbscan or agglomerative.")
    String algo;

    @Option(names = "--k", paramLabel = "K", defaultValue = "" + KMeansOptions.DEFAULT_K,
            description = "Clusters for k-means and agglomerative (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--eps", paramLabel = "EPS", defaultValue = "" + DbscanOptions.DEFAULT_EPS,
            description = "DBSCAN neighbourhood radius (default: ${DEFAULT-VALUE}).")
    double eps;

    @Option(names = "--min-samples", paramLabel = "N", defaultValue = "" + DbscanOptions.DEFAULT_MIN_SAMPLES,
            description = "DBSCAN: points within eps, itself included, that make a core point (default: ${DEFAULT-VALUE}).")
    int minSamples;

    @Option(names = "--linkage", paramLabel = "LINKAGE", defaultValue = "ward",
            description = "Agglomerative: ward, complete, average or single (default: ${DEFAULT-VALUE}).")
    String linkage;

    @Option(names = "--n-init", paramLabel = "N", defaultValue = "" + KMeansOptions.DEFAULT_N_INIT,
            description = "k-means restarts, the lowest inertia kept (mini-batch: initialisations, default 3).")
    Integer nInit;

    @Option(names = "--max-iter", paramLabel = "N",
            description = "k-means iterations per restart (default 300); mini-batch: passes over the data (default 100).")
    Integer maxIter;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + MiniBatchKMeansOptions.DEFAULT_BATCH_SIZE,
            description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "" + KMeansOptions.DEFAULT_SEED,
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads (default: all processors, unlike the library's 1); results do not depend on it.")
    Integer threadsOption;

    /** The old name of {@code --threads}, kept hidden so that scripts using it still run. */
    @Option(names = "--parallelism", paramLabel = "N", hidden = true)
    Integer parallelismAlias;

    @Option(names = "--silhouette-sample", paramLabel = "N", defaultValue = "20000",
            description = "Exact silhouette up to N customers, else estimated on N sampled customers (default: ${DEFAULT-VALUE}).")
    int silhouetteSample;

    @Option(names = "--scan-k", paramLabel = "FROM..TO",
            description = "k-means only: also fit every k in the range and report inertia and silhouette per k (elbow, best silhouette).")
    String scanK;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write customer,cluster for every customer (-1 is noise).")
    Path out;

    @Option(names = "--save-model", paramLabel = "FILE",
            description = "Save the model file (it keeps the scaling: it scores raw recency, frequency, monetary).")
    Path saveModel;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Spec
    CommandSpec spec;

    /**
     * The outcome of one clustering, whatever the algorithm: the labels, the scaled points they cluster, the
     * iterations of an iterative fit (else null) and the model.
     */
    private static final class Outcome {
        private final int[] labels;
        private final DenseMatrix scaled;
        private final int clusters;
        private final double inertia;
        private final FitSummary summary;
        private final Model model;
        private final String detail;

        Outcome(int[] labels, DenseMatrix scaled, int clusters, double inertia, FitSummary summary, Model model,
                String detail) {
            this.labels = labels;
            this.scaled = scaled;
            this.clusters = clusters;
            this.inertia = inertia;
            this.summary = summary;
            this.model = model;
            this.detail = detail;
        }
    }

    /**
     * Refuses an option given explicitly that the chosen algorithm does not use ({@code --algo kmeans --eps -5
     * --linkage foo} used to run without a word, the two values never read nor checked).
     */
    private void refuseOptionsOfOtherAlgorithms(Algo a) {
        String[][] usedBy = {
                {"--k", "kmeans, minibatch-kmeans and agglomerative"},
                {"--eps", "dbscan"},
                {"--min-samples", "dbscan"},
                {"--linkage", "agglomerative"},
                {"--n-init", "kmeans and minibatch-kmeans"},
                {"--max-iter", "kmeans and minibatch-kmeans"},
                {"--batch-size", "minibatch-kmeans"},
        };
        picocli.CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        for (String[] option : usedBy) {
            boolean applies = java.util.Arrays.asList(option[1].split(", | and ")).contains(a.label);
            check(applies || !parsed.hasMatchedOption(option[0]),
                    option[0] + " applies to " + option[1] + ", not to --algo " + a.label);
        }
    }

    @Override
    public Integer call() throws IOException {
        Algo a = parseAlgo();
        Integer given = threadsOption != null ? threadsOption : parallelismAlias;
        int threads = given != null ? given : Runtime.getRuntime().availableProcessors();
        check(threads >= 1, "--threads must be at least 1, got " + threads);
        check(silhouetteSample >= 2, "--silhouette-sample must be at least 2, got " + silhouetteSample);
        int[] scan = scanK == null ? null : parseRange(scanK);
        check(scan == null || a == Algo.KMEANS, "--scan-k works with --algo kmeans only");
        refuseOptionsOfOtherAlgorithms(a);
        OrderSource.checkOutput(spec, out, "--out");
        OrderSource.checkOutput(spec, saveModel, "--save-model");
        Linkage link = a == Algo.AGGLOMERATIVE ? parseLinkage() : Linkage.WARD;
        KMeansOptions kmeansOptions = null;
        MiniBatchKMeansOptions miniOptions = null;
        DbscanOptions dbscanOptions = null;
        FeatureScaling.Kind scaling = FeatureScaling.Kind.LOG1P_ZSCORE;
        try {
            switch (a) {
                case KMEANS -> {
                    KMeansOptions o = KMeansOptions.defaults().withK(k).withNInit(nInit).withSeed(seed)
                            .withThreads(threads).withScaling(scaling);
                    kmeansOptions = maxIter == null ? o : o.withMaxIterations(maxIter);
                }
                case MINIBATCH_KMEANS -> {
                    MiniBatchKMeansOptions o = MiniBatchKMeansOptions.defaults().withK(k).withBatchSize(batchSize)
                            .withSeed(seed).withThreads(threads).withScaling(scaling);
                    o = spec.commandLine().getParseResult().hasMatchedOption("--n-init") ? o.withNInit(nInit) : o;
                    miniOptions = maxIter == null ? o : o.withMaxIterations(maxIter);
                }
                case DBSCAN -> dbscanOptions = DbscanOptions.defaults().withEps(eps).withMinSamples(minSamples)
                        .withThreads(threads).withScaling(scaling);
                case AGGLOMERATIVE -> check(k >= 1, "k must be at least 1, got " + k);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }

        long start = System.nanoTime();
        TransactionLog log = source.read();
        RfmTable table = Rfm.fit(log).table().orElseThrow();
        DenseMatrix raw = table.features();
        int n = raw.rows();
        if ((a == Algo.KMEANS || a == Algo.MINIBATCH_KMEANS || a == Algo.AGGLOMERATIVE) && k > n) {
            throw new ParameterException(spec.commandLine(), "--k must be in [1, n=" + n + "] (the customers), got " + k);
        }
        if (scan != null && scan[1] > n - 1) {
            throw new ParameterException(spec.commandLine(), "--scan-k must end at most at n-1=" + (n - 1) + ", got "
                    + scan[1]);
        }
        long fitStart = System.nanoTime();
        Outcome outcome = switch (a) {
            case KMEANS -> kmeans(KMeans.fit(raw, kmeansOptions), raw);
            case MINIBATCH_KMEANS -> kmeans(MiniBatchKMeans.fit(raw, miniOptions), raw);
            case DBSCAN -> {
                DbscanModel m = Dbscan.fit(raw, dbscanOptions);
                DenseMatrix x = m.scaling().apply(raw);
                yield new Outcome(m.labels(), x, m.clusterCount(), ClusterQuality.withinSumOfSquares(x, m.labels()),
                        null, m, "eps " + eps + ", min samples " + minSamples);
            }
            case AGGLOMERATIVE -> {
                AgglomerativeModel m = Agglomerative.fit(raw, AgglomerativeOptions.defaults().withLinkage(link)
                        .withThreads(threads).withScaling(scaling));
                DenseMatrix x = m.scaling().apply(raw);
                int[] labels = m.cut(k);
                yield new Outcome(labels, x, k, ClusterQuality.withinSumOfSquares(x, labels), null, m,
                        link.name().toLowerCase(Locale.ROOT) + " linkage");
            }
        };
        double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
        int[] labels = outcome.labels;
        ClusterReport report = ClusterReport.of(outcome.scaled, table, labels, outcome.clusters, outcome.inertia,
                silhouetteSample, seed, threads);
        KScan kscan = scan == null ? null : KScan.compute(raw, scan[0], scan[1], kmeansOptions, silhouetteSample);
        double seconds = (System.nanoTime() - start) / 1e9;

        if (out != null) {
            ClusterReport.writeLabels(out, table, labels);
        }
        if (saveModel != null) {
            outcome.model.save(saveModel);
        }
        PrintWriter pw = spec.commandLine().getOut();
        if (json) {
            Json j = report.putQuality(new Json().put("algo", a.label).put("customers", n))
                    .put("seconds", seconds)
                    .put("fit_seconds", fitSeconds);
            if (outcome.summary != null) {
                j.put("iterations", outcome.summary.iterations()).put("converged", outcome.summary.converged());
            }
            j.put("profiles", report.profilesJson());
            if (kscan != null) {
                j.put("scan", new Json().put("k", kscan.ks()).put("inertia", kscan.inertias())
                        .put("silhouette", kscan.silhouettes()).put("elbow", kscan.elbow())
                        .put("best_silhouette", kscan.bestBySilhouette()));
            }
            pw.println(OrderSource.putCancellers(j, log));
        } else {
            pw.println(source.orders + ": " + log.lineCounts());
            OrderSource.printCancellers(pw, log);
            pw.printf(Locale.ROOT, "%s (%s) of %,d customers: %d clusters, %,d noise%n", a.label, outcome.detail, n,
                    outcome.clusters, report.noise());
            pw.println(report.qualityLine());
            if (outcome.summary != null) {
                pw.println(ClusterReport.summaryLine(outcome.summary));
            }
            pw.print(report.profiles());
            if (kscan != null) {
                pw.print(kscan);
            }
            if (out != null) {
                pw.println("wrote " + out);
            }
            if (saveModel != null) {
                pw.println("saved model to " + saveModel);
            }
            pw.printf(Locale.ROOT, "%.3f s (clustering %.3f s)%n", seconds, fitSeconds);
        }
        pw.flush();
        return 0;
    }

    private static Outcome kmeans(KMeansModel model, DenseMatrix raw) {
        return new Outcome(model.labels(), model.scaling().apply(raw), model.k(), model.inertia(), model.fitSummary(),
                model, "k " + model.k() + ", " + model.restartInertias().length + " initialisations");
    }

    private void check(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    private Algo parseAlgo() {
        for (Algo a : Algo.values()) {
            if (a.label.equals(algo)) {
                return a;
            }
        }
        throw new ParameterException(spec.commandLine(), "--algo must be kmeans, minibatch-kmeans, dbscan or "
                + "agglomerative, got '" + algo + "'");
    }

    private Linkage parseLinkage() {
        for (Linkage l : Linkage.values()) {
            if (l.name().toLowerCase(Locale.ROOT).equals(linkage)) {
                return l;
            }
        }
        throw new ParameterException(spec.commandLine(), "--linkage must be ward, complete, average or single, got '"
                + linkage + "'");
    }

    private int[] parseRange(String s) {
        int dots = s.indexOf("..");
        try {
            if (dots > 0) {
                int from = Integer.parseInt(s.substring(0, dots).trim());
                int to = Integer.parseInt(s.substring(dots + 2).trim());
                if (from >= 2 && to >= from) {
                    return new int[] {from, to};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), "--scan-k must be FROM..TO with 2 <= FROM <= TO, got '" + s
                + "'");
    }
}
