package dev.retention.cli;

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
        assertTrue(r.out.contains("effects are assumptions"), r.out);
        assertTrue(r.out.contains("effect assumed 5.00% of value at stake"), r.out);
        List<String> rows = Files.readAllLines(plan);
        assertEquals("customer,action,expected_value,cost,segment,status,p_churn,p_alive,clv,recency_days,reason,"
                + "items", rows.get(0));
        assertTrue(rows.size() > 1, "someone is contacted");
        double cost = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertTrue(Double.parseDouble(f[2]) > 0, row);
            cost += Double.parseDouble(f[3]);
            assertTrue(!f[5].equals("lapsed"), "the default actions do not contact lapsed customers: " + row);
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
        assertEquals("items: not recommended, the orders before 2022-05-01 cover less than the 6 months the choice of "
                + "rank needs (from 2021-11-01)", json.get("items_note"));
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
}
