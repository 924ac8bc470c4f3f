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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job jar's command line: its arguments, and {@code rfm} on a CSV of order lines against the single JVM. */
class SparkJobsTest {

    private static String uiBefore;

    @BeforeAll
    static void noUi() {
        // the session is the job's own (it reads spark.* system properties); no web UI in a test
        uiBefore = System.setProperty("spark.ui.enabled", "false");
    }

    @AfterAll
    static void restore() {
        if (uiBefore == null) {
            System.clearProperty("spark.ui.enabled");
        } else {
            System.setProperty("spark.ui.enabled", uiBefore);
        }
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
        TransactionLog log = SyntheticShop.generate(SyntheticShop.Options.defaults().withSeed(5).withCustomers(300)
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
}
