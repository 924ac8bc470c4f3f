package dev.retention.cli;

import dev.retention.io.TransactionCsvWriter;
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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code retention report}: the JSON summary, the experiment option, and the exit codes of bad input. */
class ReportCommandTest {

    @TempDir
    static Path dir;
    private static Path orders;

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
    static void shop() throws IOException {
        orders = dir.resolve("orders.csv");
        TransactionCsvWriter.write(SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(500)
                .withSeed(9)).log(), orders);
    }

    @Test
    @SuppressWarnings("unchecked")
    void json_listsTheSectionsAndTheTime_andTheExperimentsMetricsAreFoundInItsHeader() throws IOException {
        Path experiment = dir.resolve("exp.csv");
        StringBuilder csv = new StringBuilder("customer,group,converted,spend\n");
        for (int i = 0; i < 200; i++) {
            int converted = i % 5 == 0 || (i % 2 == 1 && i % 5 == 1) ? 1 : 0;
            csv.append("c").append(i).append(',').append(i % 2 == 0 ? "control" : "coupon").append(',')
                    .append(converted).append(',').append(converted * (5 + i % 11)).append('\n');
        }
        Files.writeString(experiment, csv);
        Path html = dir.resolve("report.html");
        Result r = run("report", "--orders", orders.toString(), "--format", "generic", "--experiment",
                experiment.toString(), "--as-of", "2023-06-01", "--threads", "1", "--out", html.toString(), "--json");
        assertEquals(0, r.status, r.err);
        Map<String, Object> json = JsonParser.parseObject(r.out);
        assertEquals(html.toString(), json.get("out"));
        assertEquals("2023-06-01", json.get("as_of"));
        assertTrue((Double) json.get("seconds") > 0);
        List<Object> sections = (List<Object>) json.get("sections");
        assertEquals(10, sections.size());
        for (Object o : sections) {
            Map<String, Object> s = (Map<String, Object>) o;
            assertTrue((Boolean) s.get("has_data"), s.get("id") + ": " + s.get("note"));
            assertTrue((Double) s.get("charts") >= 1, String.valueOf(s));
        }
        String page = Files.readString(html);
        assertEquals(((Double) json.get("bytes")).longValue(), Files.size(html));
        assertTrue(page.contains("exp.csv: converted, treated minus control"), "a binary metric found");
        assertTrue(page.contains("exp.csv: spend, treated minus control"), "a continuous metric found");
        assertFalse(page.contains("exp.csv: customer"), "the id column is not a metric");
    }

    @Test
    void text_printsEachSectionAndTheFile() {
        Path html = dir.resolve("text.html");
        Result r = run("report", "--orders", orders.toString(), "--format", "generic", "--out", html.toString());
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("experiments      none 0 charts"), r.out);
        assertTrue(r.out.contains("wrote " + html), r.out);
        assertTrue(Files.exists(html));
    }

    @Test
    void badArguments_exit2_badData_exit1() throws IOException {
        Path html = dir.resolve("bad.html");
        Result noOut = run("report", "--orders", orders.toString(), "--format", "generic");
        assertEquals(2, noOut.status);
        assertTrue(noOut.err.contains("--out"), noOut.err);
        Result missing = run("report", "--orders", dir.resolve("nope.csv").toString(), "--format", "generic",
                "--out", html.toString());
        assertEquals(2, missing.status);
        assertTrue(missing.err.contains("no such file"), missing.err);
        Result budget = run("report", "--orders", orders.toString(), "--format", "generic", "--budget", "0",
                "--out", html.toString());
        assertEquals(2, budget.status);
        assertTrue(budget.err.contains("--budget must be a finite amount > 0, got 0.0"), budget.err);
        Result dirMissing = run("report", "--orders", orders.toString(), "--format", "generic", "--out",
                dir.resolve("no/such/dir/r.html").toString());
        assertEquals(2, dirMissing.status);
        assertTrue(dirMissing.err.contains("does not exist"), dirMissing.err);
        Result experiment = run("report", "--orders", orders.toString(), "--format", "generic", "--experiment",
                dir.resolve("none.csv").toString(), "--out", html.toString());
        assertEquals(2, experiment.status);
        assertTrue(experiment.err.contains("none.csv"), experiment.err);
        Result late = run("report", "--orders", orders.toString(), "--format", "generic", "--as-of", "2030-01-01",
                "--out", html.toString());
        assertEquals(1, late.status);
        assertTrue(late.err.contains("after the data"), late.err);
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "customer,order,item,time,quantity,unit_price\nc1,o1,i1,yesterday,1,2\n");
        Result data = run("report", "--orders", broken.toString(), "--format", "generic", "--out", html.toString());
        assertEquals(1, data.status);
        assertTrue(data.err.contains("broken.csv") && data.err.contains(":2"), data.err);
        assertFalse(Files.exists(html), "nothing written on a failure");
    }
}
