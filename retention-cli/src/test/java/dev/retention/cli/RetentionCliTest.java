package dev.retention.cli;

import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.dataset.TransactionFeatures;
import dev.retention.churn.pipeline.ChurnPipelineModel;
import dev.retention.cluster.kmeans.KMeansModel;
import dev.retention.io.Json;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.model.Models;
import dev.retention.rfm.RfmModel;
import dev.retention.rfm.RfmScore;
import dev.retention.synth.SyntheticShop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionCliTest {

    /**
     * Eight lines, one per purchase rule outcome. By hand, as of 2010-12-08 13:00 (latest purchase + 24 h):
     * 12583 recency 1 day, 1 order, 39.60; 13047 recency 3, 1 order, 18.50; 17850 recency 5, 2 orders,
     * 15.30 + 6.78 = 22.08. With n = 3 the quintile bins of ranks 1, 2, 3 are 1, 3, 5, so 12583 is
     * R5/F1 (New Customers), 13047 R3/F3 (Need Attention), 17850 R1/F5 (Can't Lose Them).
     */
    private static final String ORDERS = """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            536365,85123A,"HEART, WHITE",6,12/1/2010 8:26,2.55,17850,United Kingdom
            536366,71053,LANTERN,2,12/3/2010 9:00,3.39,17850,United Kingdom
            C536367,71053,LANTERN,-1,12/4/2010 9:00,3.39,17850,United Kingdom
            536368,22633,HAND WARMER,10,12/5/2010 10:00,1.85,13047,United Kingdom
            536369,22632,HAND WARMER,4,12/5/2010 11:00,0,13047,United Kingdom
            536370,22632,X,3,12/6/2010 12:00,1.00,,United Kingdom
            536371,22632,X,-2,12/6/2010 12:30,1.00,12583,France
            536372,21731,RED,24,12/7/2010 13:00,1.65,12583,France
            """;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RetentionCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path orders(Path dir) throws IOException {
        Path file = dir.resolve("orders.csv");
        Files.writeString(file, ORDERS);
        return file;
    }

    @Test
    void rfm_json_isOneObjectWithTheContractKeys(@TempDir Path dir) throws IOException {
        Result r = run("rfm", "--orders", orders(dir).toString(), "--format", "online-retail", "--json");
        assertEquals(0, r.status, r.err);
        Map<String, Object> json = JsonParser.parseObject(r.out);
        assertEquals(3.0, json.get("customers"));
        assertEquals(4.0, json.get("skipped_rows"));
        assertEquals(3.0, (Double) json.get("recency_mean"), 1e-12);
        assertEquals(4.0 / 3, (Double) json.get("frequency_mean"), 1e-12);
        assertEquals((39.60 + 18.50 + 22.08) / 3, (Double) json.get("monetary_mean"), 1e-9);
        assertTrue((Double) json.get("seconds") >= 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> segments = (Map<String, Object>) json.get("segments");
        assertEquals(1.0, segments.get("New Customers"));
        assertEquals(1.0, segments.get("Need Attention"));
        assertEquals(1.0, segments.get("Can't Lose Them"));
        assertEquals(0.0, segments.get("Champions"));
        @SuppressWarnings("unchecked")
        Map<String, Object> reasons = (Map<String, Object>) json.get("skipped_by_reason");
        assertEquals(1.0, reasons.get("missing customer"));
        assertEquals(1.0, reasons.get("cancellation"));
        assertEquals(1.0, reasons.get("non-positive quantity"));
        assertEquals(1.0, reasons.get("non-positive price"));
        assertEquals("2010-12-08T13:00:00Z", json.get("as_of"));
    }

    @Test
    void rfm_table_andCsvAndScorerOutputs(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("rfm.csv");
        Path model = dir.resolve("rfm.model");
        Result r = run("rfm", "--orders", orders(dir).toString(), "--format", "online-retail", "--out", csv.toString(),
                "--save-scorer", model.toString());
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("RFM of 3 customers"), r.out);
        assertTrue(r.out.contains("missing customer 1"), r.out);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("customer,recency_days,frequency,monetary,r,f,m,rfm_score,segment", lines.get(0));
        assertEquals("12583,1,1,39.60,5,1,5,11,New Customers", lines.get(1));
        assertEquals("17850,5,2,22.08,1,5,3,9,Can't Lose Them", lines.get(3));
        // the saved model gives a customer with 12583's values 12583's scores
        assertEquals(new RfmScore(5, 1, 5, 11, "New Customers"),
                Models.load(model, RfmModel.class).score(1, 1, 39.6));
    }

    @Test
    void rfm_netCancellationsAndAsOf(@TempDir Path dir) throws IOException {
        Result r = run("rfm", "--orders", orders(dir).toString(), "--format", "online-retail", "--json",
                "--net-cancellations", "--as-of", "2010-12-06");
        assertEquals(0, r.status, r.err);
        Map<String, Object> json = JsonParser.parseObject(r.out);
        assertEquals(2.0, json.get("customers"), "12583 bought only on 12/7");
        // 17850: 15.30 + 6.78 - 3.39; 13047: 18.50
        assertEquals((15.30 + 6.78 - 3.39 + 18.50) / 2, (Double) json.get("monetary_mean"), 1e-9);
        assertEquals("2010-12-06T00:00:00Z", json.get("as_of"));
    }

    @Test
    void rfm_genericFormatWithColumnMapping(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("shop.csv");
        Files.writeString(file, """
                client;day;total
                a;2024-03-01;10.5
                b;2024-03-02;7
                a;2024-03-05;4.5
                """);
        Result r = run("rfm", "--orders", file.toString(), "--format", "generic", "--separator", ";",
                "--customer-column", "client", "--time-column", "day", "--date-pattern", "yyyy-MM-dd",
                "--amount-column", "total", "--json");
        assertEquals(0, r.status, r.err);
        Map<String, Object> json = JsonParser.parseObject(r.out);
        assertEquals(2.0, json.get("customers"));
        assertEquals(1.5, json.get("frequency_mean"));
        assertEquals(11.0, json.get("monetary_mean"));
    }

    /** The outputs of every part of the demo, by file name. */
    private static final List<String> DEMO_OUTPUTS = List.of("orders.csv", "rfm.csv", "rfm-scorer.model",
            "cohorts.csv", "cohort-counts.csv", "clusters.csv", "kmeans.model", "recommendations.csv",
            "churn-scores.csv", "churn.model", "clv.csv", "bgnbd.model", "gamma-gamma.model", "report.html");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> json, String key) {
        assertTrue(json.get(key) instanceof Map, key + " is an object: " + json.get(key));
        return (Map<String, Object>) json.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> json, String key) {
        assertTrue(json.get(key) instanceof List, key + " is a list: " + json.get(key));
        return (List<Object>) json.get(key);
    }

    private static double number(Map<String, Object> json, String key) {
        assertTrue(json.get(key) instanceof Double, key + " is a number: " + json.get(key));
        return (Double) json.get(key);
    }

    @Test
    void demo_json_hasEveryPartAndWritesOutputsThatReadBack(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("demo");
        Result r = run("demo", "--out", out.toString(), "--customers", "400", "--json");
        assertEquals(0, r.status, r.err);
        Map<String, Object> json = JsonParser.parseObject(r.out);
        assertEquals(400.0, json.get("customers"));
        for (String key : List.of("lines", "orders", "skipped_rows", "recency_mean", "frequency_mean", "monetary_mean",
                "cohorts", "repurchase_rate", "seconds")) {
            assertTrue(number(json, key) >= 0, key);
        }
        assertEquals(400.0, object(json, "segments").values().stream().mapToDouble(v -> (Double) v).sum());
        assertEquals(18, list(json, "mean_retention").size(), "months 0..17 of 12 acquisition + 6 tail months");
        assertEquals(List.of("shop", "rfm", "cohorts", "clusters", "recommendations", "churn", "lifetime", "playbook",
                        "report", "write"),
                List.copyOf(object(json, "timings").keySet()));

        // every written file exists, and the list is the parts' files
        List<Object> outputs = list(json, "outputs");
        assertEquals(DEMO_OUTPUTS, outputs.stream().map(o -> Path.of((String) o).getFileName().toString()).toList());
        for (Object o : outputs) {
            assertTrue(Files.size(Path.of((String) o)) > 0, o + " is written");
        }

        // clusters: four, sizes adding up, labels of clusters.csv equal to those of the saved model
        Map<String, Object> clusters = object(json, "clusters");
        assertEquals(4.0, clusters.get("k"));
        assertEquals(400.0, list(clusters, "sizes").stream().mapToDouble(v -> (Double) v).sum());
        assertEquals(4, list(clusters, "profiles").size());
        int[] labels = dev.retention.model.Models.load(out.resolve("kmeans.model"), KMeansModel.class).labels();
        List<String> rows = Files.readAllLines(out.resolve("clusters.csv"));
        assertEquals("customer,cluster", rows.get(0));
        assertEquals(400, labels.length);
        for (int i = 0; i < labels.length; i++) {
            assertEquals(labels[i], Integer.parseInt(rows.get(i + 1).split(",", -1)[1]), rows.get(i + 1));
        }

        // recommendations: three customers, five items each, best first, none of them already bought
        Map<String, Object> recs = object(json, "recommendations");
        assertEquals("PureSVD", recs.get("model"));
        List<Object> examples = list(recs, "examples");
        assertEquals(3, examples.size());
        List<String> orderLines = Files.readAllLines(out.resolve("orders.csv"));
        for (Object e : examples) {
            @SuppressWarnings("unchecked")
            Map<String, Object> ex = (Map<String, Object>) e;
            List<Object> items = list(ex, "items");
            List<Object> scores = list(ex, "scores");
            assertEquals(5, items.size());
            for (int k = 1; k < scores.size(); k++) {
                assertTrue((Double) scores.get(k - 1) >= (Double) scores.get(k), "scores best first: " + scores);
            }
            for (Object item : items) {
                assertTrue(orderLines.stream().noneMatch(l -> l.startsWith(ex.get("customer") + ",")
                        && l.contains("," + item + ",")), ex.get("customer") + " never bought " + item);
            }
        }
        Map<String, Object> holdout = object(recs, "holdout");
        assertTrue(number(holdout, "hit_rate") >= 0 && number(holdout, "hit_rate") <= 1);
        assertEquals(5 * 400 + 1, Files.readAllLines(out.resolve("recommendations.csv")).size());

        // churn: ten riskiest, best first, an out-of-time AUC, and the saved pipeline scores as churn-scores.csv
        Map<String, Object> churn = object(json, "churn");
        List<Object> riskiest = list(churn, "riskiest");
        assertEquals(10, riskiest.size());
        for (Object listed : riskiest) {
            assertTrue(!"lapsed".equals(((Map<?, ?>) listed).get("status")), "lapsed customers are not listed: "
                    + listed);
        }
        assertTrue(number(object(churn, "status_counts"), "lapsed") > 0);
        double auc = number(churn, "test_auc");
        assertTrue(auc > 0.5 && auc <= 1, "out-of-time AUC " + auc);
        assertTrue(number(churn, "true_probability_auc") > 0.5);
        assertEquals("2023-04-01T00:00:00Z", churn.get("cutoff"));
        ChurnPipelineModel pipeline = Models.load(out.resolve("churn.model"), ChurnPipelineModel.class);
        SyntheticShop shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(400));
        CustomerTable now = TransactionFeatures.computeUnlabelled(shop.log(), Instant.parse("2023-04-01T00:00:00Z"),
                new int[] {30, 90, 180}, 0);
        int[] all = java.util.stream.IntStream.range(0, now.rows()).toArray();
        double[] p = pipeline.score(now, all).probabilities();
        List<String> scores = Files.readAllLines(out.resolve("churn-scores.csv"));
        assertEquals("customer,p_churn", scores.get(0));
        assertEquals(now.rows() + 1, scores.size());
        for (String line : scores.subList(1, scores.size())) {
            String[] f = line.split(",", -1);
            int row = -1;
            for (int i = 0; i < now.rows() && row < 0; i++) {
                row = now.key(i).equals(f[0]) ? i : -1;
            }
            assertEquals(Double.parseDouble(f[1]), p[row], 1e-5 * p[row], line);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) riskiest.get(0);
        // the riskiest not lapsed: among the scores, at most the highest of all (a lapsed customer may be above)
        assertTrue(scores.stream().anyMatch(l -> l.startsWith(first.get("customer") + ",")), first.toString());
        assertTrue((Double) first.get("probability") <= Double.parseDouble(scores.get(1).split(",", -1)[1]) + 1e-9);

        // lifetime: the saved models are the fitted ones; the holdout and the top 10 by CLV are there
        Map<String, Object> lifetime = object(json, "lifetime");
        assertEquals("week", lifetime.get("period"));
        assertEquals("2022-12-31", lifetime.get("calibration_end"));
        Map<String, Object> bgnbd = object(lifetime, "bgnbd");
        BgNbdModel bg = Models.load(out.resolve("bgnbd.model"), BgNbdModel.class);
        assertEquals(bg.r(), number(bgnbd, "r"), 0);
        assertEquals(bg.alpha(), number(bgnbd, "alpha"), 0);
        assertEquals(bg.a(), number(bgnbd, "a"), 0);
        assertEquals(bg.b(), number(bgnbd, "b"), 0);
        GammaGammaModel gg = Models.load(out.resolve("gamma-gamma.model"), GammaGammaModel.class);
        assertEquals(gg.p(), number(object(lifetime, "gamma_gamma"), "p"), 0);
        assertEquals(gg.v(), number(object(lifetime, "gamma_gamma"), "v"), 0);
        assertTrue(number(object(lifetime, "holdout"), "actual_purchases") > 0);
        assertEquals(10, list(object(lifetime, "clv"), "top").size());
        assertEquals(7.0, number(object(object(lifetime, "truth"), "bgnbd"), "alpha"), 1e-12, "49 days in weeks");
        assertTrue(number(object(lifetime, "truth"), "p_alive_auc") > 0.5);
        assertEquals(401, Files.readAllLines(out.resolve("clv.csv")).size());

        Models.load(out.resolve("rfm-scorer.model"), RfmModel.class);
        // the written orders give the same RFM through the generic reader
        Result again = run("rfm", "--orders", out.resolve("orders.csv").toString(), "--format", "generic",
                "--ties", "equal", "--json");
        assertEquals(0, again.status, again.err);
        Map<String, Object> json2 = JsonParser.parseObject(again.out);
        assertEquals(json.get("segments"), json2.get("segments"));
        assertEquals((Double) json.get("monetary_mean"), (Double) json2.get("monetary_mean"), 1e-9);
        assertEquals(json.get("recency_mean"), json2.get("recency_mean"));
    }

    @Test
    void demo_table_showsEveryPartInOrderAndIsReproducible(@TempDir Path dir) {
        Result r = run("demo", "--out", dir.toString(), "--customers", "400");
        assertEquals(0, r.status, r.err);
        List<String> sections = List.of("== 1. The synthetic shop", "== 2. RFM segments", "== 3. Monthly cohorts",
                "== 4. Clusters: k-means, k = 4", "== 5. Recommendations: PureSVD", "== 6. Churn risk at 2023-04-01",
                "== 7. Customer lifetime: BG/NBD and Gamma-Gamma", "== Outputs in");
        int at = -1;
        for (String s : sections) {
            int next = r.out.indexOf(s);
            assertTrue(next > at, s + " follows the part before:\n" + r.out);
            at = next;
        }
        assertTrue(r.out.contains("Champions"), r.out);
        assertTrue(r.out.contains("out-of-time check: ROC AUC"), r.out);
        assertTrue(r.out.contains("P(churn)"), r.out);
        assertTrue(r.out.contains("holdout 2023-01-01 .. 2023-06-30"), r.out);
        assertTrue(r.out.contains("P(alive)"), r.out);
        assertEquals(4, r.out.lines().filter(l -> l.startsWith("truth")).count(), "one truth line each for RFM, "
                + "clusters, churn and lifetime: " + r.out);
        assertEquals(2, r.out.lines().filter(l -> l.startsWith("  truth")).count(), "a truth row under each lifetime "
                + "fit: " + r.out);
        assertTrue(!r.out.contains("NaN"), r.out);
        for (String f : DEMO_OUTPUTS) {
            assertTrue(r.out.contains(f), f + " is listed");
        }

        // the same seed prints the same tables; only the timings differ
        Result again = run("demo", "--out", dir.toString(), "--customers", "400");
        assertEquals(0, again.status, again.err);
        assertEquals(withoutTimings(r.out), withoutTimings(again.out));
    }

    private static List<String> withoutTimings(String out) {
        return out.lines().filter(l -> !l.matches("[0-9.]+ s \\(.*")).toList();
    }

    @Test
    void badArguments_exitWithStatus2AndOneLine(@TempDir Path dir) throws IOException {
        Result missing = run("rfm", "--format", "online-retail");
        assertEquals(2, missing.status);
        assertTrue(missing.err.contains("--orders"), missing.err);
        assertEquals(1, missing.err.strip().lines().count(), missing.err);

        Result format = run("rfm", "--orders", orders(dir).toString(), "--format", "excel");
        assertEquals(2, format.status);
        assertTrue(format.err.contains("unknown format 'excel'"), format.err);

        Result noFile = run("rfm", "--orders", dir.resolve("nope.csv").toString(), "--format", "cdnow");
        assertEquals(2, noFile.status);
        assertTrue(noFile.err.contains("no such file") && noFile.err.contains("nope.csv"), noFile.err);

        Result weights = run("rfm", "--orders", orders(dir).toString(), "--format", "online-retail",
                "--weights", "1,-1,1");
        assertEquals(2, weights.status);
        assertTrue(weights.err.contains("frequency weight"), weights.err);

        Result generic = run("rfm", "--orders", orders(dir).toString(), "--format", "generic",
                "--customer-column", "CustomerID");
        assertEquals(2, generic.status);
        assertTrue(generic.err.contains("--time-column"), generic.err);

        Result customers = run("demo", "--customers", "0", "--out", dir.toString());
        assertEquals(2, customers.status);
        assertTrue(customers.err.contains("--customers") && customers.err.contains("got 0"), customers.err);
        assertEquals(1, customers.err.strip().lines().count(), customers.err);
    }

    @Test
    void badData_exitsWithStatus1AndNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, ORDERS.replace("12/5/2010 10:00", "12/45/2010 10:00"));
        Result r = run("rfm", "--orders", file.toString(), "--format", "online-retail", "--json");
        assertEquals(1, r.status);
        assertEquals("", r.out, "nothing on stdout");
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertTrue(r.err.contains("bad.csv:5") && r.err.contains("InvoiceDate") && r.err.contains("12/45/2010 10:00"),
                r.err);

        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        Result e = run("rfm", "--orders", empty.toString(), "--format", "online-retail");
        assertEquals(1, e.status);
        assertTrue(e.err.contains("empty"), e.err);
    }

    @Test
    void json_escapesAndWritesNonFiniteAsNull() {
        String s = new Json().put("a\"b", "line\nbreak\t\u0001").put("x", Double.NaN).put("y", 0.25)
                .put("z", new double[] {1, Double.POSITIVE_INFINITY}).toString();
        Map<String, Object> m = JsonParser.parseObject(s);
        assertEquals("line\nbreak\t\u0001", m.get("a\"b"));
        assertEquals(null, m.get("x"));
        assertTrue(m.containsKey("x"));
        assertEquals(0.25, m.get("y"));
        assertEquals(java.util.Arrays.asList(1.0, null), m.get("z"));
    }

    // Option values the JDK's parsers refuse are reported in words, not by exception class names

    @Test
    void rfm_refusesAnImpossibleDate_inWords(@TempDir Path dir) throws IOException {
        Result r = run("rfm", "--orders", orders(dir).toString(), "--format", "online-retail", "--as-of", "2011-02-30");
        assertEquals(2, r.status, r.err);
        assertTrue(r.err.contains("'2011-02-30' is not a date of the form YYYY-MM-DD (Invalid date 'FEBRUARY 30')"),
                r.err);
        assertTrue(!r.err.contains("Exception"), r.err);
    }

    @Test
    void rfm_refusesAnEmptySeparator_inWords(@TempDir Path dir) throws IOException {
        Result r = run("rfm", "--orders", orders(dir).toString(), "--format", "generic", "--customer-column",
                "CustomerID", "--time-column", "InvoiceDate", "--date-pattern", "M/d/yyyy H:mm", "--amount-column",
                "UnitPrice", "--separator", "");
        assertEquals(2, r.status, r.err);
        assertTrue(r.err.contains("expected exactly one character, got '' (0 characters)"), r.err);
        assertTrue(!r.err.contains("Exception"), r.err);
    }

    @Test
    void rfm_namesADirectoryGivenAsOrders(@TempDir Path dir) {
        Result r = run("rfm", "--orders", dir.toString(), "--format", "online-retail");
        assertEquals(2, r.status, r.err);
        assertEquals("retention rfm: is a directory, not a file: " + dir, r.err.strip());
    }

    @Test
    void rfm_readsGzipCompressedOrders(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("orders.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(ORDERS.getBytes(StandardCharsets.UTF_8));
        }
        Result plain = run("rfm", "--orders", orders(dir).toString(), "--format", "online-retail");
        Result compressed = run("rfm", "--orders", gz.toString(), "--format", "online-retail");
        assertEquals(0, compressed.status, compressed.err);
        assertEquals(plain.out.replaceAll("\\d+\\.\\d+ s\\b", "").replace("orders.csv:", "orders.csv.gz:"),
                compressed.out.replaceAll("\\d+\\.\\d+ s\\b", ""));
    }

    @Test
    void commands_shareOneNameForTheSameOption(@TempDir Path dir) throws IOException {
        // --save, --save-model and --save-scorer once; --orders here, --transactions for clv. Every command
        // saving a model takes --save-model (keeping its former name as an alias), and clv takes --orders too
        Path model = dir.resolve("rfm.model");
        Result r = run("rfm", "--orders", orders(dir).toString(), "--format", "online-retail", "--save-model",
                model.toString());
        assertEquals(0, r.status, r.err);
        assertTrue(Files.size(model) > 0);
        Result clv = run("clv", "fit", "--orders", orders(dir).toString(), "--format", "online-retail",
                "--calibration-end", "2010-12-05");
        assertTrue(!clv.err.contains("Unknown option"), clv.err);
    }

    /** The former names still run but are no longer listed: each command's help shows one name per option. */
    @Test
    void formerOptionNames_workButAreHidden(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("rfm.model");
        Result r = run("rfm", "--orders", orders(dir).toString(), "--format", "online-retail", "--save-scorer",
                model.toString());
        assertEquals(0, r.status, r.err);
        assertTrue(Files.size(model) > 0);
        Result cluster = run("cluster", "--orders", orders(dir).toString(), "--format", "online-retail", "--algo",
                "kmeans", "--k", "2", "--parallelism", "1");
        assertEquals(0, cluster.status, cluster.err);
        Result clv = run("clv", "fit", "--transactions", orders(dir).toString(), "--format", "online-retail",
                "--calibration-end", "2010-12-05");
        assertTrue(!clv.err.contains("Unknown option") && !clv.err.contains("Missing required"), clv.err);
        Result missing = run("clv", "fit", "--format", "online-retail", "--calibration-end", "2010-12-05");
        assertEquals(2, missing.status);
        assertTrue(missing.err.contains("Missing required option: '--orders=FILE'"), missing.err);
        String[][] hidden = {{"rfm", "--save-scorer"}, {"cluster", "--parallelism"}, {"churn eval", "--save "},
            {"churn score", "--save "}, {"clv fit", "--transactions"}};
        for (String[] h : hidden) {
            List<String> args = new ArrayList<>(List.of(h[0].split(" ")));
            args.add("--help");
            Result help = run(args.toArray(String[]::new));
            assertEquals(0, help.status, help.err);
            assertTrue(!help.out.contains(h[1]) && !help.out.contains(h[1].strip() + "="), h[0] + ": " + help.out);
        }
        Result clusterHelp = run("cluster", "--help");
        assertTrue(clusterHelp.out.contains("all processors"), clusterHelp.out);
    }

    @Test
    void rfm_refusesAnOutputInAMissingDirectory_beforeTheWork(@TempDir Path dir) throws IOException {
        // The failure came after all the work, naming only a temporary file
        Path missing = dir.resolve("no/such/dir/m.model");
        Result r = run("rfm", "--orders", orders(dir).toString(), "--format", "online-retail", "--save-model",
                missing.toString());
        assertEquals(2, r.status, r.err);
        assertTrue(r.err.contains("--save-model " + missing + ": the directory " + missing.getParent()
                + " does not exist"), r.err);
        assertTrue(r.out.isEmpty(), r.out);
    }
}
