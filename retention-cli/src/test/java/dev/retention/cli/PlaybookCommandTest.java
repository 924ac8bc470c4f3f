package dev.retention.cli;

import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.dataset.TransactionFeatures;
import dev.retention.churn.logistic.LogisticOptions;
import dev.retention.churn.logistic.LogisticRegression;
import dev.retention.experiment.uplift.TLearner;
import dev.retention.experiment.uplift.UpliftModel;
import dev.retention.experiment.uplift.UpliftOptions;
import dev.retention.io.TransactionCsvWriter;
import dev.retention.matrix.DenseMatrix;
import dev.retention.playbook.EstimatedEffect;
import dev.retention.random.Variates;
import dev.retention.synth.SyntheticShop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code retention playbook} on the demo's orders, the demo's playbook part, and the bad inputs a user may give. */
class PlaybookCommandTest {

    @TempDir
    static Path dir;
    private static Path orders;
    private static Map<String, Object> demo;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RetentionCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void demo() {
        Result r = run("demo", "--out", dir.resolve("demo").toString(), "--customers", "1000", "--json");
        assertEquals(0, r.status, r.err);
        demo = JsonParser.parseObject(r.out);
        orders = dir.resolve("demo").resolve("orders.csv");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> json, String key) {
        return (Map<String, Object>) json.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> json, String key) {
        return (List<Object>) json.get(key);
    }

    @Test
    @SuppressWarnings("unchecked")
    void demo_json_comparesThePolicyWithTheOracleRandomAndHighestRisk() {
        Map<String, Object> playbook = object(demo, "playbook");
        List<Object> budgets = list(playbook, "budgets");
        assertEquals(3, budgets.size());
        double[] shares = {0.1, 0.2, 0.5};
        for (int k = 0; k < 3; k++) {
            Map<String, Object> b = (Map<String, Object>) budgets.get(k);
            assertEquals(shares[k], (Double) b.get("share"), 0);
            double oracle = (Double) b.get("oracle_value");
            for (String key : List.of("policy_value", "random_value", "highest_risk_value")) {
                assertTrue((Double) b.get(key) <= oracle, key + " above the oracle: " + b);
            }
        }
        assertEquals(1000.0, object(playbook, "statuses").values().stream().mapToDouble(v -> (Double) v).sum());
        assertEquals("assumption", ((Map<String, Object>) list(playbook, "actions").get(0)).get("effect_source"));
    }

    @Test
    void playbook_writesOneRowPerContact_withReasons() throws IOException {
        Path plan = dir.resolve("plan.csv");
        Result r = run("playbook", "--orders", orders.toString(), "--format", "generic", "--as-of", "2023-06-01",
                "--budget", "300", "--out", plan.toString(), "--top", "3");
        assertEquals(0, r.status, r.err);
        // the default effects are labelled as assumptions in the table, each contact's reason and the file
        assertTrue(r.out.contains("effects are assumptions"), r.out);
        assertTrue(r.out.contains("effect assumed 5.00% of value at stake"), r.out);
        List<String> rows = Files.readAllLines(plan);
        assertEquals("customer,action,expected_value,effect_source,cost,segment,status,cluster,p_churn,p_alive,clv,"
                + "recency_days,reason,items", rows.get(0));
        assertTrue(rows.size() > 1, "someone is contacted");
        double cost = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertTrue(Double.parseDouble(f[2]) > 0, row);
            assertEquals("assumption", f[3], row);
            assertTrue(row.contains("(assumed "), row);
            cost += Double.parseDouble(f[4]);
            assertTrue(!f[6].equals("lapsed"), "the default actions do not contact lapsed customers: " + row);
            assertEquals("", f[7], "no cluster model given: " + row);
            String[] items = f[f.length - 1].split(" ", -1);
            assertEquals(5, items.length, "five items not bought yet: " + row);
            assertTrue(items[0].startsWith("SKU-"), row);
        }
        assertTrue(cost <= 300 + 1e-6, "within the budget: " + cost);
        // the printed contacts are the file's first three, each with its reason
        for (String row : rows.subList(1, Math.min(4, rows.size()))) {
            assertTrue(r.out.contains(row.split(",", -1)[0] + "  "), row + "\n" + r.out);
        }
    }

    @Test
    void playbook_json_hasTheTotalsAndTheRule() {
        Result r = run("playbook", "--orders", orders.toString(), "--format", "generic", "--as-of", "2023-06-01",
                "--json");
        assertEquals(0, r.status, r.err);
        Map<String, Object> json = JsonParser.parseObject(r.out);
        for (String key : List.of("customers", "contacted", "total_cost", "expected_value", "budget")) {
            assertTrue(json.get(key) instanceof Double, key);
        }
        assertEquals(true, json.get("effects_are_assumptions"));
        for (Object a : list(json, "actions")) {
            assertEquals("assumption", ((Map<?, ?>) a).get("effect_source"), a.toString());
        }
        for (Object c : list(json, "contacts")) {
            assertEquals("assumption", ((Map<?, ?>) c).get("effect_source"), c.toString());
            assertTrue(((String) ((Map<?, ?>) c).get("reason")).contains("(assumed "), c.toString());
        }
        assertTrue((Double) json.get("total_cost") <= 5000);
        assertTrue(object(json, "rules").containsKey("highest_risk_first_action_expected_value"));
    }

    @Test
    void customersWithNoPurchaseBeforeTheAsOfDate_areCountedNotScored() {
        Result r = run("playbook", "--orders", orders.toString(), "--format", "generic", "--as-of", "2022-09-01",
                "--json");
        assertEquals(0, r.status, r.err);
        Map<String, Object> json = JsonParser.parseObject(r.out);
        double later = (Double) json.get("customers_without_purchase_before_as_of");
        assertTrue(later > 0, r.out);
        assertEquals(1000.0, (Double) json.get("customers") + later);
    }

    @Test
    void tooShortAHistoryForTheRecommender_isSaid() {
        Result r = run("playbook", "--orders", orders.toString(), "--format", "generic", "--as-of", "2022-05-01",
                "--json");
        assertEquals(0, r.status, r.err);
        Map<String, Object> json = JsonParser.parseObject(r.out);
        assertEquals("items: the most popular not bought yet, the orders before 2022-05-01 cover less than the 6 "
                + "months PureSVD's choice of rank needs (from 2021-11-01)", json.get("items_note"));
        for (Object c : list(json, "contacts")) {
            assertEquals(5, ((List<?>) ((Map<?, ?>) c).get("items")).size(), c.toString());
        }
    }

    @Test
    void budgetZero_isABadArgument() {
        Result r = run("playbook", "--orders", orders.toString(), "--format", "generic", "--as-of", "2023-06-01",
                "--budget", "0");
        assertEquals(RetentionCli.BAD_ARGUMENTS, r.status);
        assertTrue(r.err.contains("--budget must be a finite amount > 0, got 0.0"), r.err);
    }

    @Test
    void asOfOutsideTheData_failsNamingTheDates() {
        Result early = run("playbook", "--orders", orders.toString(), "--format", "generic", "--as-of", "2020-01-01");
        assertEquals(RetentionCli.FAILED, early.status);
        assertTrue(early.err.contains("asOf 2020-01-01T00:00:00Z is not after the first purchase 2022-01-01"),
                early.err);
        Result late = run("playbook", "--orders", orders.toString(), "--format", "generic", "--as-of", "2025-01-01");
        assertEquals(RetentionCli.FAILED, late.status);
        assertTrue(late.err.contains("is after the data: the last purchase is 2023-06"), late.err);
    }

    @Test
    void actionFileErrors_nameTheFileLineAndField() throws IOException {
        Path unknown = dir.resolve("unknown.csv");
        Files.writeString(unknown, "name,cost,discount\ncoupon,5,10\n");
        Result r = run("playbook", "--orders", orders.toString(), "--format", "generic", "--as-of", "2023-06-01",
                "--actions", unknown.toString());
        assertEquals(RetentionCli.FAILED, r.status);
        assertTrue(r.err.contains(unknown + " line 1: unknown column 'discount'"), r.err);

        Path negative = dir.resolve("negative.csv");
        Files.writeString(negative, "name,cost,effect\ncoupon,-5,0.1\n");
        r = run("playbook", "--orders", orders.toString(), "--format", "generic", "--as-of", "2023-06-01",
                "--actions", negative.toString());
        assertEquals(RetentionCli.FAILED, r.status);
        assertTrue(r.err.contains(negative + " line 2: cost must be >= 0, got -5"), r.err);

        r = run("playbook", "--orders", orders.toString(), "--format", "generic", "--as-of", "2023-06-01",
                "--actions", dir.resolve("missing.csv").toString());
        assertEquals(RetentionCli.BAD_ARGUMENTS, r.status);
    }

    @Test
    void anActionFile_isUsed() throws IOException {
        Path actions = dir.resolve("actions.csv");
        Files.writeString(actions, "name,cost,statuses,effect,capacity\ncall,2,at risk;active,At Risk=0.2;*=0.05,7\n");
        Path plan = dir.resolve("capacity-plan.csv");
        Result r = run("playbook", "--orders", orders.toString(), "--format", "generic", "--as-of", "2023-06-01",
                "--actions", actions.toString(), "--top", "1", "--out", plan.toString());
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("action call: cost 2.00, for at risk or active, effect assumed 5.00% of value at "
                + "stake (At Risk 20.0%)"), r.out);
        assertTrue(r.out.contains(": call, expected +"), r.out);
        assertEquals(1 + 7, Files.readAllLines(plan).size(), "the action's capacity of 7 contacts: " + r.out);
    }

    @Test
    void clusterModel_givesEachContactItsCluster() throws IOException {
        Path model = dir.resolve("rfm.kmeans");
        Result fit = run("cluster", "--orders", orders.toString(), "--format", "generic", "--algo", "kmeans", "--k",
                "3", "--save-model", model.toString());
        assertEquals(0, fit.status, fit.err);
        Path plan = dir.resolve("cluster-plan.csv");
        Result r = run("playbook", "--orders", orders.toString(), "--format", "generic", "--as-of", "2023-06-01",
                "--cluster-model", model.toString(), "--out", plan.toString(), "--top", "2");
        assertEquals(0, r.status, r.err);
        List<String> rows = Files.readAllLines(plan);
        assertTrue(rows.size() > 1, r.out);
        for (String row : rows.subList(1, rows.size())) {
            String cluster = row.split(",", -1)[7];
            assertTrue(cluster.equals("0") || cluster.equals("1") || cluster.equals("2"), row);
            assertTrue(row.contains(", cluster " + cluster + ", "), row);
        }
        Result missing = run("playbook", "--orders", orders.toString(), "--format", "generic", "--as-of",
                "2023-06-01", "--cluster-model", dir.resolve("none.kmeans").toString());
        assertEquals(RetentionCli.BAD_ARGUMENTS, missing.status);
    }

    /**
     * A simulated pilot experiment whose uplift is known: half the customers, drawn at random, were contacted; a
     * contacted customer buys with probability sigmoid(1 - 0.02 recency), one not contacted with sigmoid(-0.5), so
     * the contact helps recent customers (+0.35 at 0 days) and puts off those gone long (-0.11 at 100 days). A
     * T-learner fitted on it, saved and named by an action file, gives the plan its effects.
     */
    @Test
    void anUpliftModel_fromAPilotWithAKnownUplift_drivesThePlan() throws IOException {
        SyntheticShop shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(3000).withSeed(11));
        Path shopOrders = dir.resolve("pilot-orders.csv");
        TransactionCsvWriter.write(shop.log(), shopOrders);
        LocalDate asOf = LocalDate.of(2023, 3, 1);
        Instant at = asOf.atStartOfDay(ZoneOffset.UTC).toInstant();
        CustomerTable t = TransactionFeatures.computeUnlabelled(shop.log(), at, new int[] {30, 90, 180}, 0);
        int recency = t.indexOf("recency_days");
        int n = t.rows();
        double[][] x = new double[n][1];
        int[] treated = new int[n];
        int[] bought = new int[n];
        Map<String, Double> truth = new HashMap<>();
        Variates v = new Variates(3);
        for (int i = 0; i < n; i++) {
            double r = t.numeric(i, recency);
            x[i][0] = r;
            treated[i] = v.nextBoolean(0.5) ? 1 : 0;
            double p1 = 1 / (1 + Math.exp(-(1 - 0.02 * r)));
            double p0 = 1 / (1 + Math.exp(0.5));
            truth.put(t.key(i), p1 - p0);
            bought[i] = v.nextBoolean(treated[i] == 1 ? p1 : p0) ? 1 : 0;
        }
        UpliftModel model = TLearner.fit(DenseMatrix.of(x, "recency_days"), treated, bought,
                LogisticRegression.learner(LogisticOptions.defaults()), UpliftOptions.defaults());
        Path models = Files.createDirectories(dir.resolve("models"));
        model.save(models.resolve("pilot.model"));
        // the command's effect: the model's uplift of each customer at the as-of date, close to the known one
        EstimatedEffect effect = (EstimatedEffect) PlaybookCommand.upliftEffect(models.resolve("pilot.model"),
                shop.log(), at);
        assertEquals(n, effect.uplift().size());
        double error = 0;
        for (Map.Entry<String, Double> e : truth.entrySet()) {
            error += Math.abs(effect.uplift(e.getKey()) - e.getValue());
        }
        assertTrue(error / n < 0.05, "mean absolute error of the estimated uplift " + error / n);
        // the plan: one action whose effect is the model's, labelled as an estimate everywhere
        Path actions = dir.resolve("pilot-actions.csv");
        Files.writeString(actions, "name,cost,statuses,uplift_model\ncoupon,2,at risk;active,models/pilot.model\n");
        Path plan = dir.resolve("pilot-plan.csv");
        Result r = run("playbook", "--orders", shopOrders.toString(), "--format", "generic", "--as-of",
                asOf.toString(), "--actions", actions.toString(), "--items", "0", "--out", plan.toString(), "--json");
        assertEquals(0, r.status, r.err);
        Map<String, Object> json = JsonParser.parseObject(r.out);
        assertEquals(false, json.get("effects_are_assumptions"));
        assertEquals("uplift model pilot.model", ((Map<?, ?>) list(json, "actions").get(0)).get("effect_source"));
        List<String> rows = Files.readAllLines(plan);
        assertTrue(rows.size() > 20, "contacts: " + rows.size());
        int helped = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertEquals("uplift model pilot.model", f[3], row);
            assertTrue(row.contains("(estimated ") && row.contains(" by uplift model pilot.model"), row);
            helped += truth.get(f[0]) > 0 ? 1 : 0;
        }
        // the customers the contact truly puts off are left alone
        assertTrue(helped >= 0.95 * (rows.size() - 1), helped + " of " + (rows.size() - 1) + " truly helped");
        Path bad = dir.resolve("bad-actions.csv");
        Files.writeString(bad, "name,cost,uplift_model\ncoupon,2,models/none.model\n");
        Result missing = run("playbook", "--orders", shopOrders.toString(), "--format", "generic", "--as-of",
                asOf.toString(), "--actions", bad.toString(), "--items", "0");
        assertEquals(RetentionCli.FAILED, missing.status);
        assertTrue(missing.err.contains(bad + " line 2: uplift_model ") && missing.err.contains("none.model"),
                missing.err);
    }
}
