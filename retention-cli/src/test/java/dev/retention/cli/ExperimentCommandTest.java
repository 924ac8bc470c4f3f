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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code retention experiment} and {@code retention uplift} on small files: JSON keys, exit statuses, messages. */
class ExperimentCommandTest {

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RetentionCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path experiment(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("recency,channel,segment,visit,spend\n");
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < 600; i++) {
            int arm = i % 3;
            double x = r.nextDouble();
            int visit = r.nextDouble() < 0.1 + 0.1 * arm * x ? 1 : 0;
            sb.append(1 + r.nextInt(12)).append(',').append(r.nextBoolean() ? "Web" : "Phone").append(',')
                    .append(arm == 0 ? "control" : arm == 1 ? "A" : "B").append(',').append(visit).append(',')
                    .append(visit * 10 * r.nextDouble()).append('\n');
        }
        Path f = dir.resolve("exp.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void analyze_printsTheIssuesKeys(@TempDir Path dir) throws IOException {
        Result r = run("experiment", "analyze", "--csv", experiment(dir).toString(), "--group-column", "segment",
                "--control", "control", "--metric", "visit:binary", "--metric", "spend:continuous", "--json");
        assertEquals(0, r.status(), r.err());
        Map<String, Object> json = JsonParser.parseObject(r.out());
        assertTrue(json.containsKey("srm_p_value"));
        List<?> comparisons = (List<?>) json.get("comparisons");
        assertEquals(4, comparisons.size());
        Map<?, ?> first = (Map<?, ?>) comparisons.get(0);
        for (String key : List.of("arm", "metric", "treated", "control", "difference", "relative_lift", "statistic",
                "df", "p_value", "p_value_holm", "ci_low", "ci_high", "method")) {
            assertTrue(first.containsKey(key), key + " in " + first);
        }
    }

    @Test
    void plan_and_monitor_printTheirKeys() {
        Result r = run("experiment", "plan", "--baseline", "0.0057", "--mde", "0.001", "--json");
        assertEquals(0, r.status(), r.err());
        Map<String, Object> json = JsonParser.parseObject(r.out());
        assertEquals(96566.0, ((Number) json.get("sample_size_per_arm")).doubleValue());
        assertTrue(json.containsKey("power") && json.containsKey("mde"));
        r = run("experiment", "monitor", "--looks", "5", "--json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"boundaries\":[4.87688"), r.out());
    }

    @Test
    void badArguments_exitWithTwoAndSayWhat(@TempDir Path dir) throws IOException {
        Result r = run("experiment", "plan", "--baseline", "0.1", "--mde", "0", "--json");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--mde must not be 0"), r.err());
        r = run("experiment", "plan", "--baseline", "0.1", "--mde", "0.01", "--alpha", "1.2");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--alpha must be in (0, 1), got 1.2"), r.err());
        r = run("experiment", "plan", "--baseline", "0.1", "--mde", "0.01", "--power", "0");
        assertEquals(2, r.status());
        r = run("experiment", "analyze", "--csv", experiment(dir).toString(), "--group-column", "segment",
                "--control", "nobody", "--metric", "visit:binary");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("no unit is in arm 'nobody'"), r.err());
        r = run("experiment", "analyze", "--csv", experiment(dir).toString(), "--group-column", "segment",
                "--control", "control", "--metric", "spend:binary");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("binary outcome must be 0 or 1"), r.err());
    }

    @Test
    void uplift_eval_readsAndWritesTestRows(@TempDir Path dir) throws IOException {
        Path csv = experiment(dir);
        Path rows = dir.resolve("rows.txt");
        Result r = run("uplift", "eval", "--csv", csv.toString(), "--treatment-column", "segment", "--treated", "B",
                "--control", "control", "--outcome", "visit", "--model", "t-learner", "--write-test-rows",
                rows.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        Map<String, Object> json = JsonParser.parseObject(r.out());
        for (String key : List.of("qini_area", "uplift_at_30", "auuc", "test_rows")) {
            assertTrue(json.containsKey(key), key);
        }
        Result again = run("uplift", "eval", "--csv", csv.toString(), "--treatment-column", "segment", "--treated",
                "B", "--control", "control", "--outcome", "visit", "--model", "t-learner", "--test-rows",
                rows.toString(), "--json");
        assertEquals(json.get("qini_area"), JsonParser.parseObject(again.out()).get("qini_area"));
        Result score = run("uplift", "score", "--csv", csv.toString(), "--treatment-column", "segment", "--treated",
                "B", "--control", "control", "--outcome", "visit", "--model", "x-learner", "--json");
        assertEquals(0, score.status(), score.err());
        assertTrue(score.out().contains("\"incremental_outcome\""), score.out());
    }
}
