package dev.retention.cli;

import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.dataset.CustomerTableReader;
import dev.retention.churn.dataset.TableOptions;
import dev.retention.churn.forest.ForestOptions;
import dev.retention.churn.logistic.LogisticOptions;
import dev.retention.churn.pipeline.ChurnPipelineModel;
import dev.retention.churn.preprocess.PreprocessOptions;
import dev.retention.churn.svm.SvmOptions;
import dev.retention.churn.tree.TreeOptions;
import dev.retention.model.Models;
import dev.retention.io.TransactionCsvWriter;
import dev.retention.synth.SyntheticShop;
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

class ChurnCommandTest {

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RetentionCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * A Telco-like table of 400 customers: an id, a numeric tenure with a few blanks, a 0/1 column, a contract
     * category, a text column with an unparseable number, and a label drawn from a logistic model of them.
     */
    private static Path table(Path dir) throws IOException {
        SplittableRandom rnd = new SplittableRandom(11);
        StringBuilder sb = new StringBuilder("customerID,tenure,senior,contract,charges,Churn\n");
        String[] contracts = {"Month-to-month", "One year", "Two year"};
        for (int i = 0; i < 400; i++) {
            int tenure = rnd.nextInt(72);
            int senior = rnd.nextInt(5) == 0 ? 1 : 0;
            int c = rnd.nextInt(3);
            double charges = 20 + rnd.nextDouble() * 80;
            double z = 1.2 - 0.05 * tenure + 0.6 * senior - 1.2 * c + 0.01 * charges;
            boolean churn = rnd.nextDouble() < 1 / (1 + Math.exp(-z));
            sb.append(String.format(Locale.ROOT, "C%04d,%s,%d,%s,%s,%s%n", i, i % 97 == 5 ? " " : Integer.toString(tenure),
                    senior, contracts[c], i == 17 ? "n/a" : String.format(Locale.ROOT, "%.2f", charges),
                    churn ? "Yes" : "No"));
        }
        Path file = dir.resolve("customers.csv");
        Files.writeString(file, sb);
        return file;
    }

    @Test
    void eval_json_hasTheContractKeysForEveryModel(@TempDir Path dir) throws IOException {
        Path csv = table(dir);
        for (String model : List.of("logistic", "svm", "tree", "forest")) {
            Result r = run("churn", "eval", "--csv", csv.toString(), "--label", "Churn", "--positive", "Yes", "--drop",
                    "customerID", "--model", model, "--folds", "3", "--seed", "0", "--param",
                    model.equals("forest") ? "n_estimators=20" : model.equals("tree") ? "max_depth=4" : "C=1", "--json");
            assertEquals(0, r.status, model + ": " + r.err);
            Map<String, Object> json = JsonParser.parseObject(r.out);
            assertEquals(model, json.get("model"));
            for (String key : List.of("auc", "accuracy", "log_loss", "f1", "fit_seconds")) {
                double v = (Double) json.get(key);
                assertTrue(v >= 0 && Double.isFinite(v), model + " " + key + " = " + v);
            }
            assertTrue((Double) json.get("auc") > 0.65, model + ": AUC " + json.get("auc"));
            assertEquals(3.0, json.get("folds"));
            assertEquals(400.0, json.get("rows"));
            assertEquals(3, ((List<?>) json.get("fold_auc")).size());
        }
    }

    @Test
    void eval_isReproducibleAndTheSameForAnyThreadCount(@TempDir Path dir) throws IOException {
        Path csv = table(dir);
        String[] base = {"churn", "eval", "--csv", csv.toString(), "--label", "Churn", "--positive", "Yes", "--drop",
            "customerID", "--model", "forest", "--param", "n_estimators=15", "--seed", "4", "--json"};
        Map<String, Object> one = JsonParser.parseObject(run(concat(base, "--threads", "1")).out);
        Map<String, Object> three = JsonParser.parseObject(run(concat(base, "--threads", "3")).out);
        assertEquals(one.get("fold_auc"), three.get("fold_auc"));
        assertEquals(one.get("log_loss"), three.get("log_loss"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void eval_holdoutGivenSplitsAndCostThreshold(@TempDir Path dir) throws IOException {
        Path csv = table(dir);
        Result r = run("churn", "eval", "--csv", csv.toString(), "--label", "Churn", "--positive", "Yes", "--drop",
                "customerID", "--model", "logistic", "--test-fraction", "0.25", "--lost-customer-cost", "100",
                "--offer-cost", "10", "--json");
        assertEquals(0, r.status, r.err);
        Map<String, Object> json = JsonParser.parseObject(r.out);
        assertEquals(100.0, json.get("test_rows"));
        assertEquals("stratified holdout", json.get("evaluation"));
        @SuppressWarnings("unchecked")
        Map<String, Object> cost = (Map<String, Object>) json.get("cost_threshold");
        assertTrue((Double) cost.get("cost") <= (Double) cost.get("cost_no_offers"));

        Path rows = dir.resolve("test-rows.txt");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 400; i += 4) {
            sb.append(i).append('\n');
        }
        Files.writeString(rows, sb);
        Result given = run("churn", "eval", "--csv", csv.toString(), "--label", "Churn", "--positive", "Yes", "--drop",
                "customerID", "--model", "logistic", "--test-rows", rows.toString(), "--json");
        assertEquals(0, given.status, given.err);
        assertEquals("given holdout", JsonParser.parseObject(given.out).get("evaluation"));

        Path folds = dir.resolve("folds.txt");
        StringBuilder fs = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            fs.append(i % 4).append('\n');
        }
        Files.writeString(folds, fs);
        Result cv = run("churn", "eval", "--csv", csv.toString(), "--label", "Churn", "--positive", "Yes", "--drop",
                "customerID", "--model", "logistic", "--fold-file", folds.toString(), "--json");
        assertEquals(0, cv.status, cv.err);
        assertEquals(4.0, JsonParser.parseObject(cv.out).get("folds"));
    }

    @Test
    void eval_gridSearchPicksACandidateAndSavesAPipeline(@TempDir Path dir) throws IOException {
        Path csv = table(dir);
        Path model = dir.resolve("pipeline.rtnm");
        Result r = run("churn", "eval", "--csv", csv.toString(), "--label", "Churn", "--positive", "Yes", "--drop",
                "customerID", "--model", "logistic", "--grid", "C=0.001,1", "--folds", "3", "--save", model.toString(),
                "--json");
        assertEquals(0, r.status, r.err);
        Map<String, Object> json = JsonParser.parseObject(r.out);
        @SuppressWarnings("unchecked")
        Map<String, Object> grid = (Map<String, Object>) json.get("grid");
        assertEquals(2, grid.size());
        String best = (String) json.get("best");
        double bestAuc = (Double) grid.get(best);
        for (Object v : grid.values()) {
            assertTrue(bestAuc >= (Double) v);
        }
        ChurnPipelineModel p = Models.load(model, ChurnPipelineModel.class);
        CustomerTable t = CustomerTableReader.read(csv, TableOptions.labelled("Churn", "Yes").withIdColumn("customerID"));
        double[] scores = p.score(t, new int[] {0, 1, 2}).probabilities();
        assertEquals(3, scores.length);
        assertTrue(p.explain(t, 0, 2).toString().contains("C0000"));
    }

    @Test
    void eval_textOutputHasTheTables(@TempDir Path dir) throws IOException {
        Result r = run("churn", "eval", "--csv", table(dir).toString(), "--label", "Churn", "--positive", "Yes",
                "--drop", "customerID", "--model", "tree", "--param", "max_depth=3", "--test-fraction", "0.3");
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("lift and gains by decile"), r.out);
        assertTrue(r.out.contains("calibration"), r.out);
        assertTrue(r.out.contains("predicted 1"), r.out);
    }

    @Test
    void badArguments_exitWith2AndBadDataWith1(@TempDir Path dir) throws IOException {
        Path csv = table(dir);
        Result unknownModel = run("churn", "eval", "--csv", csv.toString(), "--label", "Churn", "--positive", "Yes",
                "--model", "knn");
        assertEquals(2, unknownModel.status);
        assertTrue(unknownModel.err.contains("knn"), unknownModel.err);
        Result unknownParam = run("churn", "eval", "--csv", csv.toString(), "--label", "Churn", "--positive", "Yes",
                "--model", "tree", "--param", "gamma=2");
        assertEquals(2, unknownParam.status);
        assertTrue(unknownParam.err.contains("gamma"), unknownParam.err);
        Result badValue = run("churn", "eval", "--csv", csv.toString(), "--label", "Churn", "--positive", "Yes",
                "--model", "logistic", "--param", "C=-1");
        assertEquals(2, badValue.status);
        assertTrue(badValue.err.contains("got -1.0"), badValue.err);
        Result missing = run("churn", "eval", "--csv", dir.resolve("nope.csv").toString(), "--label", "Churn",
                "--positive", "Yes", "--model", "logistic");
        assertEquals(2, missing.status);
        assertTrue(missing.err.contains("no such file"), missing.err);
        Result folds = run("churn", "eval", "--csv", csv.toString(), "--label", "Churn", "--positive", "Yes",
                "--model", "logistic", "--folds", "1");
        assertEquals(2, folds.status);
        Result absentPositive = run("churn", "eval", "--csv", csv.toString(), "--label", "Churn", "--positive", "yes",
                "--model", "logistic");
        assertEquals(1, absentPositive.status);
        assertTrue(absentPositive.err.contains("never holds the positive value 'yes'"), absentPositive.err);
        assertEquals(1, absentPositive.err.strip().lines().count(), absentPositive.err);
    }

    @Test
    void score_listsTheRiskiestCustomersWithReasons(@TempDir Path dir) throws IOException {
        SyntheticShop shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(600).withSeed(5));
        Path orders = dir.resolve("orders.csv");
        TransactionCsvWriter.write(shop.log(), orders);
        Result r = run("churn", "score", "--orders", orders.toString(), "--format", "generic", "--cutoff", "2022-11-01",
                "--horizon-days", "60", "--model", "logistic", "--top", "5", "--train-cutoffs", "3", "--lapsed-after-days",
                "90", "--json");
        assertEquals(0, r.status, r.err);
        Map<String, Object> json = JsonParser.parseObject(r.out);
        List<?> riskiest = (List<?>) json.get("riskiest");
        assertEquals(5, riskiest.size());
        double previous = 1;
        for (Object o : riskiest) {
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) o;
            double p = (Double) c.get("probability");
            assertTrue(p <= previous && p >= 0);
            previous = p;
            assertTrue(!((List<?>) c.get("up")).isEmpty(), c.toString());
        }
        assertEquals(3, ((List<?>) json.get("training_cutoffs")).size());
        assertTrue((Double) json.get("test_auc") > 0.6, "out-of-time AUC " + json.get("test_auc"));
        // lapsed customers (here: no purchase for 90 days) are counted apart, never in the riskiest list
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) json.get("status_counts");
        assertTrue(((Double) counts.get("lapsed")) > 0, counts.toString());
        assertEquals((double) ((Double) json.get("customers_scored")).intValue(), (Double) counts.get("lapsed")
                + (Double) counts.get("at_risk") + (Double) counts.get("active"), 0.0);
        for (Object o : riskiest) {
            assertTrue(!"lapsed".equals(((Map<?, ?>) o).get("status")), o.toString());
        }
        Result lapsed = run("churn", "score", "--orders", orders.toString(), "--format", "generic", "--cutoff",
                "2022-11-01", "--horizon-days", "60", "--model", "logistic", "--top", "5", "--train-cutoffs", "3",
                "--lapsed-after-days", "90", "--lapsed", "--json");
        assertEquals(0, lapsed.status, lapsed.err);
        List<?> gone = (List<?>) JsonParser.parseObject(lapsed.out).get("lapsed");
        assertEquals(5, gone.size());
        for (Object o : gone) {
            assertEquals("lapsed", ((Map<?, ?>) o).get("status"), o.toString());
        }
        Result lapsedText = run("churn", "score", "--orders", orders.toString(), "--format", "generic", "--cutoff",
                "2022-11-01", "--horizon-days", "60", "--model", "logistic", "--top", "3", "--train-cutoffs", "3");
        assertEquals(0, lapsedText.status, lapsedText.err);
        assertTrue(lapsedText.out.contains("lapsed (no purchase for 365 days or more") && lapsedText.out.contains(
                "last order "), lapsedText.out);
        Result badLapsed = run("churn", "score", "--orders", orders.toString(), "--format", "generic", "--cutoff",
                "2022-11-01", "--horizon-days", "60", "--model", "logistic", "--lapsed-after-days", "0");
        assertEquals(2, badLapsed.status);
        assertTrue(badLapsed.err.contains("--lapsed-after-days"), badLapsed.err);
        Result text = run("churn", "score", "--orders", orders.toString(), "--format", "generic", "--cutoff",
                "2022-11-01", "--horizon-days", "60", "--model", "tree", "--param", "max_depth=4", "--top", "3");
        assertEquals(0, text.status, text.err);
        assertTrue(text.out.contains("reasons"), text.out);
        Result early = run("churn", "score", "--orders", orders.toString(), "--format", "generic", "--cutoff",
                "2022-01-15", "--horizon-days", "60", "--model", "logistic");
        assertEquals(2, early.status);
        assertTrue(early.err.contains("no training cutoff"), early.err);
    }

    /**
     * An L1 penalty strong enough to remove every feature gives every customer the same probability; the
     * fit's verdict is UNUSABLE, printed first, and the command exits 1 with one line on stderr unless
     * {@code --allow-degenerate}; a fine fit says so and exits 0.
     */
    @Test
    void eval_unusableFit_exitsWith1UnlessAllowDegenerate(@TempDir Path dir) throws IOException {
        Path csv = table(dir);
        String[] base = {"churn", "eval", "--csv", csv.toString(), "--label", "Churn", "--positive", "Yes", "--drop",
            "customerID", "--model", "logistic", "--param", "penalty=l1", "--param", "C=1e-6"};
        Result refused = run(concat(base, "--json"));
        assertEquals(1, refused.status, refused.out);
        assertEquals("", refused.out);
        assertTrue(refused.err.contains("UNUSABLE") && refused.err.contains("same probability")
                && refused.err.contains("--allow-degenerate"), refused.err);
        assertEquals(1, refused.err.strip().lines().count(), refused.err);
        Result allowed = run(concat(base, "--json", "--allow-degenerate"));
        assertEquals(0, allowed.status, allowed.err);
        Map<String, Object> json = JsonParser.parseObject(allowed.out);
        assertEquals("UNUSABLE", json.get("verdict"));
        assertTrue(json.get("verdict_reasons").toString().contains("fold 1: every training row"), allowed.out);
        Result text = run(concat(base, "--allow-degenerate"));
        assertEquals(0, text.status, text.err);
        assertTrue(text.out.startsWith("verdict: UNUSABLE: fold 1: every training row"), text.out);
        Result save = run(concat(base, "--save", dir.resolve("m.rtnm").toString()));
        assertEquals(1, save.status);
        assertTrue(!Files.exists(dir.resolve("m.rtnm")));
        Result fine = run("churn", "eval", "--csv", csv.toString(), "--label", "Churn", "--positive", "Yes", "--drop",
                "customerID", "--model", "logistic", "--json");
        assertEquals(0, fine.status, fine.err);
        assertEquals("FINE", JsonParser.parseObject(fine.out).get("verdict"));
        assertEquals(List.of(), JsonParser.parseObject(fine.out).get("verdict_reasons"));
    }

    /** Folds whose training or test rows hold a single class are refused in words (exit 2). */
    @Test
    void eval_singleClassFold_isRefusedInWords(@TempDir Path dir) throws IOException {
        Path csv = table(dir);
        CustomerTable t = CustomerTableReader.read(csv, TableOptions.labelled("Churn", "Yes").withDrop(
                List.of("customerID")));
        StringBuilder folds = new StringBuilder();
        for (int y : t.labels()) {
            folds.append(y == 1 ? 0 : 1).append('\n');   // fold 0 holds every churner: its training rows none
        }
        Path foldFile = dir.resolve("folds.txt");
        Files.writeString(foldFile, folds);
        Result r = run("churn", "eval", "--csv", csv.toString(), "--label", "Churn", "--positive", "Yes", "--drop",
                "customerID", "--model", "tree", "--fold-file", foldFile.toString());
        assertEquals(2, r.status, r.out);
        assertTrue(r.err.contains("--fold-file: fold 0 of 2") && r.err.contains("single class"), r.err);
    }

    /**
     * The command line's model options are the library's {@code defaults()} (with the seed and threads
     * given); before, the command line ran logistic regression with 1000 iterations where the library's default was
     * 100. The seed's default, 0, is every model's default seed.
     */
    @Test
    void modelOptions_areTheLibrarysDefaults() {
        picocli.CommandLine.Model.CommandSpec spec = new picocli.CommandLine(new ChurnCommand()).getCommandSpec();
        Map<String, String> none = Map.of();
        assertEquals(LogisticOptions.defaults().withThreads(2), ChurnCommand.modelOptions(spec, "logistic", none, 0, 2));
        assertEquals(SvmOptions.defaults().withThreads(2), ChurnCommand.modelOptions(spec, "svm", none, 0, 2));
        assertEquals(TreeOptions.defaults(), ChurnCommand.modelOptions(spec, "tree", none, 0, 2));
        assertEquals(ForestOptions.defaults().withThreads(2), ChurnCommand.modelOptions(spec, "forest", none, 0, 2));
        assertEquals(1000, LogisticOptions.defaults().maxIterations());
        assertEquals(PreprocessOptions.defaults(), new ChurnCommand.ModelOptions().preprocess(spec));
    }
}
