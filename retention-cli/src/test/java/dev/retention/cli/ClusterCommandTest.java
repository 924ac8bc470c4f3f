package dev.retention.cli;

import dev.retention.cluster.dbscan.DbscanModel;
import dev.retention.cluster.kmeans.KMeansModel;
import dev.retention.io.OnlineRetailReader;
import dev.retention.matrix.FeatureScaling;
import dev.retention.model.Models;
import dev.retention.rfm.Rfm;
import dev.retention.rfm.RfmTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterCommandTest {

    @TempDir
    static Path dir;
    static Path orders;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RetentionCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Result cluster(String... more) {
        String[] args = new String[4 + more.length + 1];
        args[0] = "cluster";
        args[1] = "--orders";
        args[2] = orders.toString();
        args[3] = "--format=online-retail";
        System.arraycopy(more, 0, args, 4, more.length);
        args[args.length - 1] = "--parallelism=2";
        return run(args);
    }

    /**
     * An Online Retail file of 90 customers in three behaviours: one-off small buyers long ago, regulars
     * with many large recent orders, and occasional buyers in between (seeded, so the file is fixed).
     */
    @BeforeAll
    static void writeOrders() throws IOException {
        SplittableRandom rnd = new SplittableRandom(17);
        StringBuilder sb = new StringBuilder("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
        int invoice = 500000;
        for (int c = 0; c < 90; c++) {
            int group = c % 3;
            int orderCount = group == 0 ? 1 : group == 1 ? 15 + rnd.nextInt(10) : 3 + rnd.nextInt(3);
            int lastDay = group == 0 ? 1 + rnd.nextInt(60) : group == 1 ? 320 + rnd.nextInt(40) : 200 + rnd.nextInt(80);
            for (int o = 0; o < orderCount; o++) {
                int day = Math.max(1, lastDay - o * (group == 1 ? 7 : 30));
                double price = group == 1 ? 20 + rnd.nextInt(30) : 2 + rnd.nextInt(5);
                int month = 1 + Math.min(11, (day - 1) / 31);
                int dom = 1 + (day - 1) % 28;
                sb.append(String.format(Locale.ROOT, "%d,85123A,ITEM,%d,%d/%d/2011 10:00,%.2f,%d,United Kingdom%n",
                        invoice++, 1 + rnd.nextInt(12), month, dom, price, 20000 + c));
            }
        }
        orders = dir.resolve("orders.csv");
        Files.writeString(orders, sb.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> json, String key) {
        return (List<Object>) json.get(key);
    }

    @Test
    void kmeans_json_hasTheContractKeys() {
        Result r = cluster("--algo", "kmeans", "--k", "3", "--json");
        assertEquals(0, r.status, r.err);
        Map<String, Object> json = JsonParser.parseObject(r.out);
        assertEquals("kmeans", json.get("algo"));
        assertEquals(90.0, json.get("customers"));
        assertEquals(3.0, json.get("clusters"));
        List<Object> sizes = list(json, "sizes");
        assertEquals(3, sizes.size());
        assertEquals(90.0, sizes.stream().mapToDouble(o -> (Double) o).sum());
        assertEquals(0.0, json.get("noise"));
        assertTrue((Double) json.get("inertia") > 0);
        double silhouette = (Double) json.get("silhouette");
        assertTrue(silhouette > 0.5 && silhouette <= 1, "three well-separated behaviours: " + silhouette);
        // times are not asserted against each other (a test that cannot fail); the keys must be there, as numbers
        assertTrue(json.get("seconds") instanceof Double && json.get("fit_seconds") instanceof Double, json.toString());
        assertEquals(true, json.get("converged"));
        assertEquals(3, list(json, "profiles").size());
        assertTrue(json.containsKey("davies_bouldin") && json.containsKey("calinski_harabasz"));
    }

    @Test
    void kmeans_table_showsProfiles() {
        Result r = cluster("--algo", "kmeans", "--k", "3");
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("kmeans (k 3, 10 initialisations) of 90 customers: 3 clusters, 0 noise"), r.out);
        assertTrue(r.out.contains("top segment"), r.out);
        assertTrue(r.out.contains("kmeans (hamerly)"), r.out);
    }

    @Test
    void dbscan_reportsNoiseAndClusters() {
        Result r = cluster("--algo", "dbscan", "--eps", "0.6", "--min-samples", "5", "--json");
        assertEquals(0, r.status, r.err);
        Map<String, Object> json = JsonParser.parseObject(r.out);
        double clusters = (Double) json.get("clusters");
        double noise = (Double) json.get("noise");
        double inClusters = list(json, "sizes").stream().mapToDouble(o -> (Double) o).sum();
        assertEquals(90.0, inClusters + noise);
        assertTrue(clusters >= 1, r.out);
        Result everythingNoise = cluster("--algo", "dbscan", "--eps", "1e-6", "--min-samples", "2", "--json");
        assertEquals(0, everythingNoise.status, everythingNoise.err);
        Map<String, Object> none = JsonParser.parseObject(everythingNoise.out);
        assertEquals(90.0, none.get("noise"));
        assertEquals(null, none.get("silhouette"), "no clusters, no silhouette: null, never NaN");
    }

    @Test
    void agglomerative_everyLinkage() {
        for (String linkage : new String[] {"ward", "complete", "average", "single"}) {
            Result r = cluster("--algo", "agglomerative", "--k", "3", "--linkage", linkage, "--json");
            assertEquals(0, r.status, r.err);
            Map<String, Object> json = JsonParser.parseObject(r.out);
            assertEquals(3.0, json.get("clusters"), linkage);
            assertEquals(90.0, list(json, "sizes").stream().mapToDouble(o -> (Double) o).sum(), linkage);
        }
    }

    @Test
    void minibatchKMeans_runs() {
        Result r = cluster("--algo", "minibatch-kmeans", "--k", "3", "--batch-size", "32", "--json");
        assertEquals(0, r.status, r.err);
        Map<String, Object> json = JsonParser.parseObject(r.out);
        assertEquals("minibatch-kmeans", json.get("algo"));
        assertTrue((Double) json.get("iterations") >= 1);
    }

    @Test
    void outAndSaveModel_writeFilesThatReadBack() throws IOException {
        Path labels = dir.resolve("labels.csv");
        Path model = dir.resolve("kmeans.model");
        Result r = cluster("--algo", "kmeans", "--k", "3", "--out", labels.toString(), "--save-model", model.toString());
        assertEquals(0, r.status, r.err);
        List<String> lines = Files.readAllLines(labels);
        assertEquals("customer,cluster", lines.get(0));
        assertEquals(91, lines.size());
        assertTrue(lines.get(1).startsWith("20000,"), lines.get(1));
        KMeansModel m = Models.load(model, KMeansModel.class);
        assertEquals(3, m.k());
        assertEquals(90, m.trainingSize());
        assertEquals(Integer.parseInt(lines.get(1).split(",", -1)[1]), m.labels()[0]);
        // the model keeps its scaling: raw recency, frequency and monetary value land in the printed clusters
        assertEquals(FeatureScaling.Kind.LOG1P_ZSCORE, m.scaling().kind());
        RfmTable rfm = Rfm.fit(OnlineRetailReader.read(orders)).table().orElseThrow();
        for (int i = 0; i < rfm.size(); i++) {
            assertEquals(Integer.parseInt(lines.get(i + 1).split(",", -1)[1]),
                    m.predict(new double[] {rfm.recency(i), rfm.frequency(i), rfm.monetary(i)}), rfm.customerId(i));
        }
        Path dbscan = dir.resolve("dbscan.model");
        Result d = cluster("--algo", "dbscan", "--eps", "0.6", "--save-model", dbscan.toString());
        assertEquals(0, d.status, d.err);
        assertEquals(90, Models.load(dbscan, DbscanModel.class).trainingSize());
    }

    @Test
    void sameSeedSameLabelsWhateverTheParallelism() throws IOException {
        Path one = dir.resolve("one.csv");
        Path four = dir.resolve("four.csv");
        assertEquals(0, run("cluster", "--orders", orders.toString(), "--format", "online-retail", "--algo", "kmeans",
                "--k", "4", "--seed", "5", "--parallelism", "1", "--out", one.toString()).status);
        assertEquals(0, run("cluster", "--orders", orders.toString(), "--format", "online-retail", "--algo", "kmeans",
                "--k", "4", "--seed", "5", "--threads", "4", "--out", four.toString()).status);
        assertEquals(Files.readAllLines(one), Files.readAllLines(four));
    }

    @Test
    void scanK_reportsInertiaAndSilhouettePerK() {
        Result r = cluster("--algo", "kmeans", "--k", "3", "--scan-k", "2..5", "--json");
        assertEquals(0, r.status, r.err);
        @SuppressWarnings("unchecked")
        Map<String, Object> scan = (Map<String, Object>) JsonParser.parseObject(r.out).get("scan");
        assertEquals(List.of(2.0, 3.0, 4.0, 5.0), scan.get("k"));
        List<?> silhouettes = (List<?>) scan.get("silhouette");
        assertEquals(4, silhouettes.size());
        int best = 0;
        for (int i = 1; i < 4; i++) {
            best = (Double) silhouettes.get(i) > (Double) silhouettes.get(best) ? i : best;
        }
        assertEquals(2.0 + best, scan.get("best_silhouette"));
        double elbow = (Double) scan.get("elbow");
        assertTrue(elbow >= 2 && elbow <= 5, r.out);
    }

    @Test
    void badArguments_exitWithStatus2AndOneLine() {
        String[][] cases = {
                {"--algo", "spectral"},
                {"--algo", "kmeans", "--k", "0"},
                {"--algo", "kmeans", "--k", "91"},
                {"--algo", "agglomerative", "--k", "91"},
                {"--algo", "dbscan", "--eps", "0"},
                {"--algo", "dbscan", "--eps", "-1"},
                {"--algo", "dbscan", "--min-samples", "0"},
                {"--algo", "agglomerative", "--linkage", "centroid"},
                {"--algo", "kmeans", "--scan-k", "1..4"},
                {"--algo", "dbscan", "--scan-k", "2..4"},
                {"--algo", "kmeans", "--n-init", "0"},
        };
        String[] expected = {
                "--algo must be kmeans, minibatch-kmeans, dbscan or agglomerative, got 'spectral'",
                "k must be at least 1, got 0",
                "--k must be in [1, n=90] (the customers), got 91",
                "--k must be in [1, n=90] (the customers), got 91",
                "eps must be finite and > 0, got 0.0",
                "eps must be finite and > 0, got -1.0",
                "minSamples must be at least 1, got 0",
                "--linkage must be ward, complete, average or single, got 'centroid'",
                "--scan-k must be FROM..TO with 2 <= FROM <= TO, got '1..4'",
                "--scan-k works with --algo kmeans only",
                "nInit must be at least 1, got 0",
        };
        for (int i = 0; i < cases.length; i++) {
            Result r = cluster(cases[i]);
            assertEquals(2, r.status, String.join(" ", cases[i]) + ": " + r.err);
            assertTrue(r.err.contains(expected[i]), r.err);
            assertEquals(1, r.err.strip().lines().count(), r.err);
            assertEquals("", r.out);
        }
        Result missing = run("cluster", "--orders", orders.toString(), "--format", "online-retail");
        assertEquals(2, missing.status);
        assertTrue(missing.err.contains("--algo"), missing.err);
    }

    @Test
    void optionsOfAnotherAlgorithm_areRefused_notIgnored() {
        // --algo kmeans --eps -5 --linkage foo used to run without a word
        Result r = cluster("--algo", "kmeans", "--eps", "-5", "--linkage", "foo");
        assertEquals(2, r.status, r.err);
        assertTrue(r.err.contains("--eps applies to dbscan, not to --algo kmeans"), r.err);
        Result k = cluster("--algo", "dbscan", "--k", "3");
        assertEquals(2, k.status, k.err);
        assertTrue(k.err.contains("--k applies to kmeans, minibatch-kmeans and agglomerative, not to --algo dbscan"),
                k.err);
    }
}
