package dev.retention.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code retention recsys eval}: the JSON contract, the input formats, and bad arguments and data. */
class RecsysCommandTest {

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RetentionCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A seeded u.data-shaped file: 60 users x 40 items, about 900 ratings 1..5 with a user and item effect. */
    private static Path uData(Path dir) throws IOException {
        SplittableRandom rnd = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder();
        for (int u = 1; u <= 60; u++) {
            for (int i = 1; i <= 40; i++) {
                if (rnd.nextDouble() < 0.375) {
                    long r = Math.max(1, Math.min(5, Math.round(3 + (u % 3) * 0.5 - (i % 4) * 0.4 + rnd.nextGaussian())));
                    sb.append(u).append('\t').append(i).append('\t').append(r).append('\t').append(881250949L + u * 40L + i)
                            .append('\n');
                }
            }
        }
        Path f = dir.resolve("u.data");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void eval_json_isOneObjectWithTheContractKeys(@TempDir Path dir) throws IOException {
        Result r = run("recsys", "eval", "--ratings", uData(dir).toString(), "--format", "ml-100k", "--algo",
                "knn-means", "--param", "k=10", "--param", "sim=pearson_baseline", "--json");
        assertEquals(0, r.status, r.err);
        Map<String, Object> json = JsonParser.parseObject(r.out);
        for (String key : List.of("algo", "folds", "rmse", "mae", "fit_seconds", "test_seconds")) {
            assertTrue(json.containsKey(key), key);
        }
        assertEquals("knn-means", json.get("algo"));
        assertEquals(5.0, json.get("folds"));
        double rmse = (Double) json.get("rmse");
        double mae = (Double) json.get("mae");
        assertTrue(mae > 0 && mae <= rmse && rmse < 2, r.out);
        @SuppressWarnings("unchecked")
        List<Object> perFold = (List<Object>) json.get("per_fold");
        assertEquals(5, perFold.size());
        assertEquals(Map.of("k", "10", "sim", "pearson_baseline"), json.get("params"));
    }

    @Test
    void eval_everyAlgorithmRuns_andTheTableNamesTheMetrics(@TempDir Path dir) throws IOException {
        Path f = uData(dir);
        for (String algo : List.of("normal", "baseline", "knn-basic", "knn-means", "knn-zscore", "knn-baseline",
                "slope-one", "pure-svd")) {
            Result r = run("recsys", "eval", "--ratings", f.toString(), "--format", "ml-100k", "--algo", algo,
                    "--folds", "3", "--param", algo.equals("pure-svd") ? "factors=5" : "seed=1");
            if (!List.of("normal", "pure-svd").contains(algo)) {
                // seed is only a parameter of normal and pure-svd: the others refuse it
                assertEquals(2, r.status, algo + ": " + r.err);
                assertTrue(r.err.contains("unknown parameter 'seed'"), r.err);
                r = run("recsys", "eval", "--ratings", f.toString(), "--format", "ml-100k", "--algo", algo,
                        "--folds", "3");
            }
            assertEquals(0, r.status, algo + ": " + r.err);
            assertTrue(r.out.contains("RMSE (testset)") && r.out.contains("Fold 3"), r.out);
        }
    }

    @Test
    void eval_grid_ranksEveryCombination_andReportsTheBestAsASingleEvaluationWould(@TempDir Path dir)
            throws IOException {
        Path f = uData(dir);
        Result g = run("recsys", "eval", "--ratings", f.toString(), "--format", "ml-100k", "--algo", "knn-means",
                "--folds", "3", "--param", "min_k=2", "--grid", "k=5,20", "--grid", "sim=msd,cosine", "--json");
        assertEquals(0, g.status, g.err);
        Map<String, Object> json = JsonParser.parseObject(g.out);
        @SuppressWarnings("unchecked")
        List<Object> grid = (List<Object>) json.get("grid");
        assertEquals(4, grid.size());
        double previous = 0;
        for (Object o : grid) {
            @SuppressWarnings("unchecked")
            Map<String, Object> e = (Map<String, Object>) o;
            double rmse = (Double) e.get("rmse");
            assertTrue(rmse >= previous, g.out);
            previous = rmse;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> best = (Map<String, Object>) ((Map<String, Object>) grid.get(0)).get("params");
        assertEquals("2", best.get("min_k"));
        assertEquals(best, json.get("params"));
        // the best combination, evaluated alone on the same folds, gives the same figures
        Result alone = run("recsys", "eval", "--ratings", f.toString(), "--format", "ml-100k", "--algo", "knn-means",
                "--folds", "3", "--param", "min_k=2", "--param", "k=" + best.get("k"), "--param",
                "sim=" + best.get("sim"), "--json");
        assertEquals(JsonParser.parseObject(alone.out).get("rmse"), json.get("rmse"));
        assertEquals(JsonParser.parseObject(alone.out).get("mae"), json.get("mae"));
        Result table = run("recsys", "eval", "--ratings", f.toString(), "--format", "ml-100k", "--algo", "baseline",
                "--folds", "3", "--grid", "method=als,sgd");
        assertEquals(0, table.status, table.err);
        assertTrue(table.out.contains("grid search of baseline over 2 combinations, 3 folds, seed 0")
                && table.out.contains("method=sgd") && table.out.contains("RMSE (testset)"), table.out);
        Result bad = run("recsys", "eval", "--ratings", f.toString(), "--format", "ml-100k", "--algo", "knn-means",
                "--grid", "k=5,0");
        assertEquals(2, bad.status);
        assertTrue(bad.err.contains("'k'") && bad.err.contains("got '0'"), bad.err);
        Result twice = run("recsys", "eval", "--ratings", f.toString(), "--format", "ml-100k", "--algo", "knn-means",
                "--param", "k=3", "--grid", "k=5,10");
        assertEquals(2, twice.status);
        assertTrue(twice.err.contains("given twice"), twice.err);
        Result malformed = run("recsys", "eval", "--ratings", f.toString(), "--format", "ml-100k", "--algo",
                "knn-means", "--grid", "k");
        assertEquals(2, malformed.status);
        assertTrue(malformed.err.contains("--grid must be KEY=V1,V2"), malformed.err);
    }

    @Test
    void eval_readsMl1mAndCsv_andCountsDuplicates(@TempDir Path dir) throws IOException {
        Path dat = dir.resolve("ratings.dat");
        Path csv = dir.resolve("ratings.csv");
        StringBuilder d = new StringBuilder();
        StringBuilder c = new StringBuilder("user,item,rating\n");
        for (String line : Files.readAllLines(uData(dir))) {
            String[] p = line.split("\t", -1);
            d.append(p[0]).append("::").append(p[1]).append("::").append(p[2]).append("::").append(p[3]).append('\n');
            c.append(p[0]).append(',').append(p[1]).append(',').append(p[2]).append('\n');
        }
        c.append("1,1,4\n");   // a second rating of a pair that may or may not exist: the last wins
        Files.writeString(dat, d.toString());
        Files.writeString(csv, c.toString());
        Result ml = run("recsys", "eval", "--ratings", dat.toString(), "--format", "ml-1m", "--algo", "baseline", "--json");
        Result ml100 = run("recsys", "eval", "--ratings", dir.resolve("u.data").toString(), "--format", "ml-100k",
                "--algo", "baseline", "--json");
        assertEquals(0, ml.status, ml.err);
        assertEquals(JsonParser.parseObject(ml100.out).get("rmse"), JsonParser.parseObject(ml.out).get("rmse"));
        Result cs = run("recsys", "eval", "--ratings", csv.toString(), "--format", "csv", "--algo", "slope-one", "--json");
        assertEquals(0, cs.status, cs.err);
        Map<String, Object> json = JsonParser.parseObject(cs.out);
        boolean existed = Files.readString(dir.resolve("u.data")).startsWith("1\t1\t");
        assertEquals(existed ? 1.0 : 0.0, json.get("duplicates_resolved"));
    }

    @Test
    void eval_badArguments_exitWith2(@TempDir Path dir) throws IOException {
        Path f = uData(dir);
        Result algo = run("recsys", "eval", "--ratings", f.toString(), "--format", "ml-100k", "--algo", "svd++");
        assertEquals(2, algo.status);
        assertTrue(algo.err.contains("unknown algorithm 'svd++'"), algo.err);
        assertEquals(1, algo.err.strip().lines().count(), algo.err);
        Result k = run("recsys", "eval", "--ratings", f.toString(), "--format", "ml-100k", "--algo", "knn-basic",
                "--param", "k=0");
        assertEquals(2, k.status);
        assertTrue(k.err.contains("'k'") && k.err.contains("got '0'"), k.err);
        Result format = run("recsys", "eval", "--ratings", f.toString(), "--format", "ml-10m", "--algo", "baseline");
        assertEquals(2, format.status);
        assertTrue(format.err.contains("unknown format 'ml-10m'"), format.err);
        Result folds = run("recsys", "eval", "--ratings", f.toString(), "--format", "ml-100k", "--algo", "baseline",
                "--folds", "100000");
        assertEquals(2, folds.status);
        assertTrue(folds.err.contains("folds would be empty"), folds.err);
        Result missing = run("recsys", "eval", "--ratings", dir.resolve("nope.data").toString(), "--format", "ml-100k",
                "--algo", "baseline");
        assertEquals(2, missing.status);
        assertTrue(missing.err.contains("no such file"), missing.err);
        Result noSub = run("recsys");
        assertEquals(2, noSub.status);
        assertTrue(noSub.err.contains("missing subcommand"), noSub.err);
    }

    @Test
    void eval_ratingsOutsideTheScale_failOrAreDroppedAndCounted(@TempDir Path dir) throws IOException {
        Path f = uData(dir);
        Files.writeString(f, Files.readString(f) + "7\t3\t6\t881250949\n");
        Result reject = run("recsys", "eval", "--ratings", f.toString(), "--format", "ml-100k", "--algo", "baseline");
        assertEquals(1, reject.status);
        assertTrue(reject.err.contains("rating 6.0") && reject.err.contains("'7'") && reject.err.contains("[1.0, 5.0]"),
                reject.err);
        assertEquals("", reject.out);
        Result drop = run("recsys", "eval", "--ratings", f.toString(), "--format", "ml-100k", "--algo", "baseline",
                "--out-of-scale", "drop", "--json");
        assertEquals(0, drop.status, drop.err);
        assertEquals(1.0, JsonParser.parseObject(drop.out).get("out_of_scale_dropped"));
        Result wide = run("recsys", "eval", "--ratings", f.toString(), "--format", "ml-100k", "--algo", "baseline",
                "--scale", "1,10", "--json");
        assertEquals(0, wide.status, wide.err);
    }

    @Test
    void eval_malformedLine_exitsWith1NamingTheLine(@TempDir Path dir) throws IOException {
        Path f = uData(dir);
        Files.writeString(f, Files.readString(f) + "7\t3\tfive\t881250949\n");
        Result r = run("recsys", "eval", "--ratings", f.toString(), "--format", "ml-100k", "--algo", "baseline");
        assertEquals(1, r.status);
        assertTrue(r.err.contains("u.data:") && r.err.contains("five"), r.err);
        Result lenient = run("recsys", "eval", "--ratings", f.toString(), "--format", "ml-100k", "--algo", "baseline",
                "--lenient", "--json");
        assertEquals(0, lenient.status, lenient.err);
        assertEquals(1.0, JsonParser.parseObject(lenient.out).get("malformed_skipped"));
    }

    /** The diverging SGD baseline: the verdict UNUSABLE with its reason, exit 1 unless --allow-degenerate. */
    @Test
    void eval_divergedFit_isUnusable_andExits1UnlessAllowed(@TempDir Path dir) throws IOException {
        String f = uData(dir).toString();
        Result r = run("recsys", "eval", "--ratings", f, "--format", "ml-100k", "--algo", "baseline", "--param",
                "method=sgd", "--param", "learning_rate=10", "--folds", "2");
        assertEquals(1, r.status, r.err);
        assertTrue(r.out.contains("verdict UNUSABLE") && r.out.contains("diverged"), r.out);
        assertTrue(r.err.contains("verdict UNUSABLE") && r.err.contains("--allow-degenerate"), r.err);
        Result json = run("recsys", "eval", "--ratings", f, "--format", "ml-100k", "--algo", "baseline", "--param",
                "method=sgd", "--param", "learning_rate=10", "--folds", "2", "--json", "--allow-degenerate");
        assertEquals(0, json.status, json.err);
        Map<String, Object> o = JsonParser.parseObject(json.out);
        assertEquals("UNUSABLE", o.get("verdict"));
        assertTrue(o.get("verdict_reasons").toString().contains("diverged"), json.out);
        Result fine = run("recsys", "eval", "--ratings", f, "--format", "ml-100k", "--algo", "baseline", "--json");
        assertEquals(0, fine.status, fine.err);
        assertEquals("FINE", JsonParser.parseObject(fine.out).get("verdict"));
    }

    /** PureSVD ranks items: its RMSE comes with a note saying so. */
    @Test
    void eval_pureSvd_saysItIsARankingModel(@TempDir Path dir) throws IOException {
        String f = uData(dir).toString();
        Result table = run("recsys", "eval", "--ratings", f, "--format", "ml-100k", "--algo", "pure-svd", "--param",
                "factors=5", "--folds", "2");
        assertEquals(0, table.status, table.err);
        assertTrue(table.out.contains("note: PureSVD is a top-N ranking model"), table.out);
        Result json = run("recsys", "eval", "--ratings", f, "--format", "ml-100k", "--algo", "pure-svd", "--param",
                "factors=5", "--folds", "2", "--json");
        assertTrue(JsonParser.parseObject(json.out).get("note").toString().contains("hit rate"), json.out);
        Result svd = run("recsys", "eval", "--ratings", f, "--format", "ml-100k", "--algo", "baseline", "--json");
        assertTrue(!JsonParser.parseObject(svd.out).containsKey("note"), svd.out);
    }

    /** Empty, header-only and wholly malformed files are bad data (exit 1, naming the file), not bad arguments. */
    @Test
    void eval_noRatings_exitsWith1NamingTheFile(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.data"), "");
        Path header = Files.writeString(dir.resolve("header.csv"), "user,item,rating\n");
        Path garbage = Files.writeString(dir.resolve("garbage.data"), "a b\nc d\n");
        Result e = run("recsys", "eval", "--ratings", empty.toString(), "--format", "ml-100k", "--algo", "baseline");
        assertEquals(1, e.status, e.err);
        assertTrue(e.err.contains("empty.data") && e.err.contains("no ratings"), e.err);
        Result h = run("recsys", "eval", "--ratings", header.toString(), "--format", "csv", "--algo", "baseline");
        assertEquals(1, h.status, h.err);
        assertTrue(h.err.contains("header.csv") && h.err.contains("no ratings"), h.err);
        Result g = run("recsys", "eval", "--ratings", garbage.toString(), "--format", "ml-100k", "--algo", "baseline",
                "--lenient");
        assertEquals(1, g.status, g.err);
        assertTrue(g.err.contains("garbage.data") && g.err.contains("2 malformed lines skipped"), g.err);
        Result dropped = run("recsys", "eval", "--ratings", Files.writeString(dir.resolve("high.data"),
                "1\t2\t9\t0\n").toString(), "--format", "ml-100k", "--algo", "baseline", "--out-of-scale", "drop");
        assertEquals(1, dropped.status, dropped.err);
        assertTrue(dropped.err.contains("high.data") && dropped.err.contains("outside the rating scale"), dropped.err);
    }

    /** An out-of-scale rating is named with its file and line. */
    @Test
    void eval_ratingOutsideTheScale_namesFileAndLine(@TempDir Path dir) throws IOException {
        Path f = uData(dir);
        long lines = Files.readAllLines(f).size();
        Files.writeString(f, Files.readString(f) + "7\t3\t6\t881250949\n");
        Result r = run("recsys", "eval", "--ratings", f.toString(), "--format", "ml-100k", "--algo", "baseline");
        assertEquals(1, r.status, r.err);
        assertTrue(r.err.contains("u.data:" + (lines + 1) + ": column rating: rating 6.0 ('6') of user '7' and item '3'"
                + " is outside the rating scale [1.0, 5.0]"), r.err);
        Path csv = Files.writeString(dir.resolve("r.csv"), "user,item,rating\n1,2,4\n1,3,0.5\n");
        Result c = run("recsys", "eval", "--ratings", csv.toString(), "--format", "csv", "--algo", "baseline");
        assertEquals(1, c.status, c.err);
        assertTrue(c.err.contains("r.csv:3: column rating: rating 0.5 ('0.5') of user '1' and item '3' is outside"), c.err);
    }

    /** A mistyped epoch count is refused at once, not run for days. */
    @Test
    void eval_epochsAboveTheBound_areBadArguments(@TempDir Path dir) throws IOException {
        Result r = run("recsys", "eval", "--ratings", uData(dir).toString(), "--format", "ml-100k", "--algo",
                "baseline", "--param", "n_epochs=100000000");
        assertEquals(2, r.status, r.err);
        assertTrue(r.err.contains("epochs must be in [1, 1,000,000], got 100000000"), r.err);
    }

    /** A given split of uData's pairs: every fifth line to test. */
    private static Path[] givenSplit(Path dir) throws IOException {
        StringBuilder train = new StringBuilder("user,item\n");
        StringBuilder test = new StringBuilder("user,item\n");
        int n = 0;
        for (String line : Files.readAllLines(uData(dir))) {
            String[] f = line.split("\t", -1);
            (n++ % 5 == 0 ? test : train).append(f[0]).append(',').append(f[1]).append('\n');
        }
        Path a = dir.resolve("train.csv");
        Path b = dir.resolve("test.csv");
        Files.writeString(a, train);
        Files.writeString(b, test);
        return new Path[] {a, b};
    }

    @Test
    void rank_json_hasTheContractKeys_onAGivenSplit(@TempDir Path dir) throws IOException {
        Path[] s = givenSplit(dir);
        Result r = run("recsys", "rank", "--split", "given", "--train", s[0].toString(), "--test", s[1].toString(),
                "--algo", "item-knn", "--param", "weighting=bm25", "--param", "k=5", "--k", "5", "--repeats", "3",
                "--warmups", "2", "--json");
        assertEquals(0, r.status, r.err);
        Map<String, Object> json = JsonParser.parseObject(r.out);
        for (String key : List.of("algo", "k", "precision", "recall", "ndcg", "map", "auc", "hit_rate", "mrr",
                "coverage", "users_evaluated", "fit_seconds", "eval_seconds")) {
            assertTrue(json.containsKey(key), key);
        }
        assertEquals("item-knn", json.get("algo"));
        assertEquals(3.0, ((Number) json.get("fit_repeats")).doubleValue(), 0.0);
        assertEquals(2.0, ((Number) json.get("fit_warmups")).doubleValue(), 0.0);
        assertEquals(60.0, ((Number) json.get("users_evaluated")).doubleValue() + ((Number) json.get("users_skipped"))
                .doubleValue(), 0.0);
        double p = ((Number) json.get("precision")).doubleValue();
        assertTrue(p > 0 && p <= 1, r.out);
    }

    @Test
    void rank_everySplitAndAlgorithm_runs(@TempDir Path dir) throws IOException {
        StringBuilder spread = new StringBuilder();
        int n = 0;
        for (String line : Files.readAllLines(uData(dir))) {   // the same pairs over 30 days from 1997-12-04
            String[] f = line.split("\t", -1);
            spread.append(f[0]).append('\t').append(f[1]).append('\t').append(f[2]).append('\t')
                    .append(881250949L + (n++ * 7L % 30) * 86_400L).append('\n');
        }
        Path u = dir.resolve("spread.data");
        Files.writeString(u, spread);
        for (String[] extra : List.of(new String[] {"--split", "random"}, new String[] {"--split", "user"},
                new String[] {"--split", "last"}, new String[] {"--split", "time", "--cutoff", "1997-12-28"})) {
            for (String algo : List.of("popularity", "item-knn", "als")) {
                List<String> args = new java.util.ArrayList<>(List.of("recsys", "rank", "--interactions", u.toString(),
                        "--format", "ml-100k", "--algo", algo));
                args.addAll(List.of(extra));
                Result r = run(args.toArray(new String[0]));
                assertEquals(0, r.status, String.join(" ", args) + ": " + r.err);
                assertTrue(r.out.contains("precision") && r.out.contains("ndcg"), r.out);
            }
        }
    }

    @Test
    void rank_badArgumentsExit2_badDataExit1(@TempDir Path dir) throws IOException {
        Path u = uData(dir);
        Result r = run("recsys", "rank", "--interactions", u.toString(), "--format", "ml-100k", "--algo", "als2");
        assertEquals(2, r.status);
        assertTrue(r.err.contains("'als2'"), r.err);
        r = run("recsys", "rank", "--split", "given", "--algo", "popularity");
        assertEquals(2, r.status);
        assertTrue(r.err.contains("--train FILE and --test FILE"), r.err);
        r = run("recsys", "rank", "--interactions", u.toString(), "--format", "ml-100k", "--algo", "item-knn",
                "--param", "weighting=jaccard");
        assertEquals(2, r.status);
        assertTrue(r.err.contains("'jaccard'"), r.err);
        r = run("recsys", "rank", "--interactions", u.toString(), "--format", "ml-100k", "--algo", "item-knn",
                "--split", "time");
        assertEquals(2, r.status);
        assertTrue(r.err.contains("--cutoff"), r.err);
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "user,item\n1,2\n1\n");
        Path[] s = givenSplit(dir);
        r = run("recsys", "rank", "--split", "given", "--train", bad.toString(), "--test", s[1].toString(), "--algo",
                "popularity");
        assertEquals(1, r.status);
        assertTrue(r.err.contains("bad.csv:3"), r.err);
    }

    @Test
    void rank_onlineRetail_removesNonMerchandise_andTestsOnlyNewPairs(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,"
                + "Country\n");
        int invoice = 500000;
        for (int c = 0; c < 12; c++) {
            for (int k = 0; k < 4; k++) {   // before the cut: items A..F, and postage
                String item = "8500" + (char) ('A' + (c + k) % 6);
                sb.append(invoice++).append(',').append(item).append(",x,1,3/").append(1 + k).append("/2011 10:00,2.5,")
                        .append(17000 + c).append(",United Kingdom\n");
                sb.append(invoice++).append(",POST,postage,1,3/").append(1 + k).append("/2011 10:05,18,")
                        .append(17000 + c).append(",United Kingdom\n");
            }
            // after the cut: one repeat and one new item
            String repeat = "8500" + (char) ('A' + c % 6);
            String fresh = "8500" + (char) ('A' + (c + 4) % 6);
            sb.append(invoice++).append(',').append(repeat).append(",x,1,10/2/2011 10:00,2.5,").append(17000 + c)
                    .append(",United Kingdom\n");
            sb.append(invoice++).append(',').append(fresh).append(",x,1,10/3/2011 10:00,2.5,").append(17000 + c)
                    .append(",United Kingdom\n");
        }
        Path f = dir.resolve("online_retail.csv");
        Files.writeString(f, sb.toString());
        Result r = run("recsys", "rank", "--interactions", f.toString(), "--format", "online-retail", "--split",
                "time", "--cutoff", "2011-09-01", "--algo", "item-knn", "--json");
        assertEquals(0, r.status, r.err);
        Map<String, Object> json = JsonParser.parseObject(r.out);
        assertEquals(1.0, ((Number) json.get("non_merchandise_items_removed")).doubleValue(), 0.0);
        assertEquals(12.0, ((Number) json.get("non_merchandise_interactions_removed")).doubleValue(), 0.0);   // one pair each
        assertEquals(48.0, ((Number) json.get("train")).doubleValue(), 0.0);   // 12 customers x 4 items
        assertEquals(12.0, ((Number) json.get("test")).doubleValue(), 0.0);    // only the new pair of each
        assertEquals(6.0, ((Number) json.get("items")).doubleValue(), 0.0);
        Result kept = run("recsys", "rank", "--interactions", f.toString(), "--format", "online-retail", "--split",
                "time", "--cutoff", "2011-09-01", "--algo", "popularity", "--keep-non-merchandise", "--json");
        assertEquals(0, kept.status, kept.err);
        assertEquals(7.0, ((Number) JsonParser.parseObject(kept.out).get("items")).doubleValue(), 0.0);
    }

    /** A u.item fixture for the ids of uData: every movie id up to 2,000, genres from the id. */
    private static Path uItem(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int id = 1; id <= 2000; id++) {
            sb.append(id).append("|Film ").append(id).append("|01-Jan-1995||http://x");
            for (int g = 0; g < 19; g++) {
                sb.append('|').append(id % 19 == g || id % 7 == g ? 1 : 0);
            }
            sb.append('\n');
        }
        Path f = dir.resolve("u.item");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void rank_bprEaseContentHybrid_runOnAGivenSplit(@TempDir Path dir) throws IOException {
        Path[] s = givenSplit(dir);
        Path items = uItem(dir);
        for (String[] algo : List.of(new String[] {"bpr", "--param", "iterations=5", "--param", "factors=8"},
                new String[] {"ease", "--param", "lambda=50"},
                new String[] {"content", "--item-attributes", items.toString(), "--param", "k=10"},
                new String[] {"hybrid", "--item-attributes", items.toString(), "--param", "collaborative=ease"})) {
            List<String> args = new java.util.ArrayList<>(List.of("recsys", "rank", "--split", "given", "--train",
                    s[0].toString(), "--test", s[1].toString(), "--json", "--algo"));
            args.addAll(List.of(algo));
            Result r = run(args.toArray(new String[0]));
            assertEquals(0, r.status, String.join(" ", args) + ": " + r.err);
            Map<String, Object> json = JsonParser.parseObject(r.out);
            assertEquals(algo[0], json.get("algo"));
            double ndcg = ((Number) json.get("ndcg")).doubleValue();
            assertTrue(ndcg >= 0 && ndcg <= 1, r.out);
        }
        Result r = run("recsys", "rank", "--split", "given", "--train", s[0].toString(), "--test", s[1].toString(),
                "--algo", "content");
        assertEquals(2, r.status);
        assertTrue(r.err.contains("--item-attributes"), r.err);
        r = run("recsys", "rank", "--split", "given", "--train", s[0].toString(), "--test", s[1].toString(),
                "--algo", "bpr", "--param", "negatives=hard");
        assertEquals(2, r.status);
        assertTrue(r.err.contains("'hard'"), r.err);
    }

    @Test
    void recommend_writesEveryCustomersTopN_withoutBoughtItemsOrPostage(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,"
                + "Country\n");
        int invoice = 500000;
        for (int c = 0; c < 12; c++) {
            for (int k = 0; k < 3; k++) {
                String item = "8500" + (char) ('A' + (c + k) % 8);
                sb.append(invoice++).append(',').append(item).append(",RED MUG ").append((c + k) % 8)
                        .append(",1,3/").append(1 + k).append("/2011 10:00,2.5,").append(17000 + c)
                        .append(",United Kingdom\n");
                sb.append(invoice++).append(",POST,postage,1,3/").append(1 + k).append("/2011 10:05,18,")
                        .append(17000 + c).append(",United Kingdom\n");
            }
        }
        Path f = dir.resolve("online_retail.csv");
        Files.writeString(f, sb.toString());
        Path out = dir.resolve("recs.csv");
        for (String algo : List.of("item-knn", "hybrid")) {
            Result r = run("recsys", "recommend", "--orders", f.toString(), "--algo", algo, "--item-attributes",
                    f.toString(), "--n", "3", "--out", out.toString());
            assertEquals(0, r.status, r.err);
            List<String> lines = Files.readAllLines(out);
            assertEquals(algo.equals("hybrid") ? "customer,rank,item,score,source" : "customer,rank,item,score",
                    lines.get(0));
            assertEquals(1 + 12 * 3, lines.size(), r.out);
            for (String line : lines.subList(1, lines.size())) {
                String[] x = line.split(",", -1);
                int c = Integer.parseInt(x[0]) - 17000;
                assertTrue(!x[2].equals("POST"), line);
                for (int k = 0; k < 3; k++) {
                    assertTrue(!x[2].equals("8500" + (char) ('A' + (c + k) % 8)), "bought: " + line);
                }
            }
        }
    }

    @Test
    void recommend_writesTheSameFile_onOneAndTwoThreads(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,"
                + "Country\n");
        java.util.Random random = new java.util.Random(11);
        int invoice = 500000;
        // 200 customers: several blocks of users for the parallel lists
        for (int c = 0; c < 200; c++) {
            int bought = 2 + random.nextInt(5);
            for (int k = 0; k < bought; k++) {
                int item = random.nextInt(30);
                sb.append(invoice++).append(",8").append(1000 + item).append(",MUG ").append(item % 7)
                        .append(",1,3/").append(1 + k).append("/2011 10:00,2.5,").append(17000 + c)
                        .append(",United Kingdom\n");
            }
            sb.append(invoice++).append(",POST,postage,1,3/9/2011 10:05,18,").append(17000 + c)
                    .append(",United Kingdom\n");
        }
        Path f = dir.resolve("online_retail.csv");
        Files.writeString(f, sb.toString());
        for (String algo : List.of("item-knn", "bpr", "hybrid")) {
            Path one = dir.resolve(algo + "-1.csv");
            Path two = dir.resolve(algo + "-2.csv");
            for (Path out : List.of(one, two)) {
                List<String> args = new java.util.ArrayList<>(List.of("recsys", "recommend", "--orders", f.toString(),
                        "--algo", algo, "--item-attributes", f.toString(), "--n", "4", "--threads",
                        out.equals(one) ? "1" : "2", "--out", out.toString()));
                if (algo.equals("bpr")) {
                    args.addAll(List.of("--param", "iterations=5"));
                }
                Result r = run(args.toArray(new String[0]));
                assertEquals(0, r.status, r.err);
            }
            List<String> lines = Files.readAllLines(one);
            assertEquals(1 + 200 * 4, lines.size(), algo);
            assertTrue(lines.stream().noneMatch(l -> l.split(",", -1)[2].equals("POST")), algo);
            assertEquals(lines, Files.readAllLines(two), algo);
        }
        Result bad = run("recsys", "recommend", "--orders", f.toString(), "--threads", "0", "--out",
                dir.resolve("x.csv").toString());
        assertEquals(2, bad.status);
        assertTrue(bad.err.contains("--threads") && bad.err.contains("0"), bad.err);
    }
}
