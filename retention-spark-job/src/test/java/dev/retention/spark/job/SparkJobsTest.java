package dev.retention.spark.job;

import dev.retention.data.TransactionLog;
import dev.retention.model.Models;
import dev.retention.rfm.Rfm;
import dev.retention.rfm.RfmModel;
import dev.retention.rfm.RfmOptions;
import dev.retention.synth.SyntheticShop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job jar's command line: its arguments, and {@code rfm} on a CSV of order lines against the single JVM. */
class SparkJobsTest {

    /** The job builds its own session, which reads spark.* system properties: the test session's settings. */
    private static final Map<String, String> TEST_SESSION = Map.of(
            "spark.ui.enabled", "false",
            "spark.driver.host", "127.0.0.1",
            "spark.default.parallelism", "4",
            "spark.sql.adaptive.enabled", "false",
            // tiny data: compiling whole-stage code costs more than it saves
            "spark.sql.codegen.wholeStage", "false");
    private static final Map<String, String> before = new HashMap<>();

    @BeforeAll
    static void testSession() {
        TEST_SESSION.forEach((key, value) -> before.put(key, System.setProperty(key, value)));
    }

    @AfterAll
    static void restore() {
        before.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }

    private static int run(ByteArrayOutputStream out, String... args) throws Exception {
        return new SparkJobs(new PrintStream(out, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void badArgumentsExitWithTwoAndPrintNothing() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(2, run(out));
        assertEquals(2, run(out, "rfm", "--orders"));
        assertEquals(2, run(out, "rfm", "orders.csv"));
        assertEquals(0, out.size());
    }

    @Test
    void rfmOnACsvFileWritesTheSingleJvmModel(@TempDir Path dir) throws Exception {
        TransactionLog log = SyntheticShop.generate(SyntheticShop.Options.defaults().withSeed(5).withCustomers(200)
                .withMonths(6)).log();
        List<String> lines = new ArrayList<>();
        lines.add("customer_id,order_id,item_id,time,quantity,unit_price,cancelled,line");
        for (int i = 0; i < log.size(); i++) {
            lines.add(log.customers().id(log.customer(i)) + "," + log.orders().id(log.order(i)) + ","
                    + (log.item(i) < 0 ? "" : log.items().id(log.item(i))) + "," + log.time(i) + ","
                    + log.quantity(i) + "," + log.unitPrice(i) + "," + log.isCancellation(i) + "," + i);
        }
        Path csv = dir.resolve("orders.csv");
        Files.write(csv, lines);
        Path outDir = dir.resolve("out");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertEquals(0, run(out, "rfm", "--orders", csv.toString(), "--master", "local[2]", "--shuffle-partitions", "4",
                "--out", outDir.toString(), "--json"));

        RfmModel expected = Rfm.fit(log, RfmOptions.defaults());
        RfmModel written = Models.load(outDir.resolve("rfm.model"), RfmModel.class);
        assertArrayEquals(expected.recencyEdges(), written.recencyEdges());
        assertArrayEquals(expected.frequencyEdges(), written.frequencyEdges());
        assertArrayEquals(expected.monetaryEdges(), written.monetaryEdges());
        String json = out.toString(StandardCharsets.UTF_8);
        int customers = expected.table().orElseThrow().size();
        assertTrue(json.startsWith("{\"customers\":" + customers + ","), json);
        assertTrue(json.contains("\"quantiles\":\"exact\""), json);
    }

    @Test
    void benchAppendsEachJobsRecordAsItEndsAndKeepsThemWhenALaterJobFails(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = {"bench", "--lines", "1200", "--work", dir.toString(), "--master", "local[2]",
            "--shuffle-partitions", "4", "--jobs", "churn,recommend", "--item-blocks", "0", "--json"};

        // the recommendation job refuses 0 item blocks after the churn job has run
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(out, args));
        assertTrue(e.getMessage().contains("blocks"), e.getMessage());
        assertEquals(0, out.size());
        List<String> records = Files.readAllLines(dir.resolve("bench-1200.jsonl"));
        assertEquals(3, records.size(), records.toString());
        assertTrue(records.get(0).startsWith("{\"job\":\"generate\",\"tasks\":"), records.get(0));
        assertTrue(records.get(1).startsWith("{\"job\":\"setup\",\"master\":\"local[2]\""), records.get(1));
        assertTrue(records.get(2).startsWith("{\"job\":\"churn\",\"tasks\":"), records.get(2));

        // a second run on the generated orders, of the single-JVM side alone, appends its records step by step
        // (--jobs none without it is refused before Spark starts)
        assertThrows(IllegalArgumentException.class, () -> run(out, "bench", "--lines", "1200", "--work",
                dir.toString(), "--master", "local[2]", "--jobs", "none"));
        assertThrows(IllegalArgumentException.class, () -> run(out, "bench", "--lines", "1200", "--work",
                dir.toString(), "--master", "local[2]", "--jobs", "rfm,cohorts", "--single-jvm"));
        assertEquals(0, run(out, "bench", "--lines", "1200", "--work", dir.toString(), "--master", "local[2]",
                "--shuffle-partitions", "4", "--jobs", "none", "--single-jvm", "--json"));
        records = Files.readAllLines(dir.resolve("bench-1200.jsonl"));
        List<String> jobs = new ArrayList<>();
        for (String r : records.subList(3, records.size())) {
            jobs.add(r.substring(0, r.indexOf(',')));
        }
        assertEquals(List.of("{\"job\":\"setup\"", "{\"job\":\"single_jvm_log\"", "{\"job\":\"single_jvm_rfm\"",
                "{\"job\":\"single_jvm_clv\"", "{\"job\":\"single_jvm_churn\"",
                "{\"job\":\"single_jvm_item_similarity\"", "{\"job\":\"single_jvm_top_n\"",
                "{\"job\":\"single_jvm\""), jobs);
        String summary = out.toString(StandardCharsets.UTF_8);
        String last = records.get(records.size() - 1).replace("{\"job\":\"single_jvm\",", "{");
        assertTrue(summary.endsWith(",\"single_jvm\":" + last + "}" + System.lineSeparator()), summary);
        assertTrue(summary.contains("\"jobs\":\"none\""), summary);
        assertFalse(summary.contains("\"rfm\":") || summary.contains("\"churn\":"), summary);
        assertTrue(last.contains("\"log_bytes_per_line\":") && !last.contains("out_of_memory"), last);
    }
}
