package dev.retention.cli;

import dev.retention.data.Orders;
import dev.retention.data.TransactionLog;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code retention clv fit} on a CDNOW-format file written from the synthetic shop (BG/NBD with r = 0.25,
 * alpha = 49 days = 7 weeks, a = 0.8, b = 2.5; Gamma-Gamma p = 6, q = 4, gamma = 40): the JSON contract of
 * DESIGN.md, the table with {@code --top}, and the exit statuses for bad arguments and bad data.
 */
class ClvCommandTest {

    @TempDir
    static Path dir;
    private static Path cdnow;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RetentionCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** One CDNOW line per order: customer, yyyyMMdd, number of items (quantity), dollar value. */
    private static Path writeCdnow(int customers, long seed, String name) throws IOException {
        SyntheticShop shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(customers)
                .withSeed(seed).withItems(40).withoutNoise());
        TransactionLog log = shop.log();
        Orders orders = log.orders(false);
        DateTimeFormatter day = DateTimeFormatter.BASIC_ISO_DATE;
        StringBuilder sb = new StringBuilder();
        for (int o = 0; o < orders.size(); o++) {
            LocalDate d = LocalDate.ofInstant(java.time.Instant.ofEpochSecond(orders.time(o)), ZoneOffset.UTC);
            sb.append(String.format(Locale.ROOT, "%s %s %d %.2f%n", log.customers().id(orders.customer(o)),
                    d.format(day), (long) orders.quantity(o), orders.amount(o)));
        }
        Path file = dir.resolve(name);
        Files.writeString(file, sb.toString());
        return file;
    }

    @BeforeAll
    static void writeCdnowFile() throws IOException {
        cdnow = writeCdnow(3_000, 11, "shop_cdnow.txt");
    }

    @Test
    void fit_json_hasTheContractKeysAndRecoversTheShop() {
        // the shop runs 2022-01-01 .. 2023-06-30; calibrate to 2023-03-31, three months of holdout
        Result r = run("clv", "fit", "--transactions", cdnow.toString(), "--format", "cdnow", "--calibration-end",
                "2023-03-31", "--period", "week", "--json", "--top", "3");
        assertEquals(0, r.status, r.err);
        Map<String, Object> json = JsonParser.parseObject(r.out);
        assertTrue((Double) json.get("customers") > 2_000, r.out);
        @SuppressWarnings("unchecked")
        Map<String, Object> bg = (Map<String, Object>) json.get("bgnbd");
        for (String k : List.of("r", "alpha", "a", "b", "log_likelihood")) {
            assertTrue(bg.get(k) instanceof Double, k + " in " + r.out);
        }
        assertEquals(0.25, (Double) bg.get("r"), 0.05, r.out);
        assertEquals(7.0, (Double) bg.get("alpha"), 2.0, r.out);       // 49 days
        assertTrue((Double) bg.get("log_likelihood") < 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> gg = (Map<String, Object>) json.get("gamma_gamma");
        for (String k : List.of("p", "q", "v")) {
            assertTrue(gg.get(k) instanceof Double, k + " in " + r.out);
        }
        double meanSpend = (Double) gg.get("p") * (Double) gg.get("v") / ((Double) gg.get("q") - 1);
        assertEquals(80.0, meanSpend, 12.0, r.out);                      // p gamma / (q - 1) = 6 * 40 / 3
        assertTrue((Double) json.get("seconds") >= 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> holdout = (Map<String, Object>) json.get("holdout");
        double actual = (Double) holdout.get("actual_purchases");
        double predicted = (Double) holdout.get("predicted_purchases");
        assertEquals(actual, predicted, 0.2 * actual, r.out);
        @SuppressWarnings("unchecked")
        Map<String, Object> clv = (Map<String, Object>) json.get("clv");
        @SuppressWarnings("unchecked")
        List<Object> top = (List<Object>) clv.get("top");
        assertEquals(3, top.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> best = (Map<String, Object>) top.get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> third = (Map<String, Object>) top.get(2);
        assertTrue((Double) best.get("clv") >= (Double) third.get("clv"));
        double alive = (Double) best.get("p_alive");
        assertTrue(alive >= 0 && alive <= 1);
    }

    @Test
    void fit_table_printsParametersAndTheTopCustomers() {
        Result r = run("clv", "fit", "--transactions", cdnow.toString(), "--format", "cdnow", "--calibration-end",
                "2023-03-31", "--top", "5", "--model", "mbgnbd", "--threads", "2");
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("BG/NBD fit on") && r.out.contains("MBG/NBD fit on")
                && r.out.contains("Gamma-Gamma fit on"), r.out);
        assertTrue(r.out.contains("P(alive)") && r.out.contains("holdout of 91.00 days"), r.out);
        assertTrue(r.out.contains("frequency-spend correlation"), r.out);
        String[] lines = r.out.lines().toArray(String[]::new);
        int header = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("rank") && lines[i].contains("CLV")) {
                header = i;
            }
        }
        assertTrue(header > 0, r.out);
        assertTrue(lines[header + 5].trim().startsWith("5 "), r.out);
    }

    @Test
    void fit_writesTheRankedTable(@TempDir Path out) throws IOException {
        Path csv = out.resolve("clv.csv");
        Path small = writeCdnow(600, 12, "small_cdnow.txt");
        Result r = run("clv", "fit", "--transactions", small.toString(), "--format", "cdnow", "--calibration-end",
                "2023-06-30", "--model", "pareto-nbd", "--out", csv.toString(), "--json");
        assertEquals(0, r.status, r.err);
        Map<String, Object> json = JsonParser.parseObject(r.out);
        @SuppressWarnings("unchecked")
        Map<String, Object> pnbd = (Map<String, Object>) json.get("pareto_nbd");
        for (String k : List.of("r", "alpha", "s", "beta", "log_likelihood")) {
            assertTrue(pnbd.get(k) instanceof Double, k + " in " + r.out);
        }
        assertTrue(!json.containsKey("holdout"), r.out);
        List<String> lines = Files.readAllLines(csv);
        assertEquals((Double) json.get("customers"), lines.size() - 1.0, 0.0);
    }

    @Test
    void badArguments_exitWithStatus2() {
        Result missing = run("clv", "fit", "--format", "cdnow", "--calibration-end", "2023-03-31");
        assertEquals(2, missing.status);
        assertTrue(missing.err.contains("Missing required option: '--orders=FILE'"), missing.err);
        Result period = run("clv", "fit", "--transactions", cdnow.toString(), "--format", "cdnow",
                "--calibration-end", "2023-03-31", "--period", "month");
        assertEquals(2, period.status);
        assertTrue(period.err.contains("period unit must be day or week, got 'month'"), period.err);
        Result date = run("clv", "fit", "--transactions", cdnow.toString(), "--format", "cdnow",
                "--calibration-end", "31/03/2023");
        assertEquals(2, date.status);
        assertTrue(date.err.contains("--calibration-end"), date.err);
        Result noFile = run("clv", "fit", "--transactions", dir.resolve("nope.txt").toString(), "--format", "cdnow",
                "--calibration-end", "2023-03-31");
        assertEquals(2, noFile.status);
        assertTrue(noFile.err.contains("no such file"), noFile.err);
        Result noSub = run("clv");
        assertEquals(2, noSub.status);
        assertTrue(noSub.err.contains("expected fit"), noSub.err);
        Result model = run("clv", "fit", "--transactions", cdnow.toString(), "--format", "cdnow",
                "--calibration-end", "2023-03-31", "--model", "nbd");
        assertEquals(2, model.status);
        assertTrue(model.err.contains("--model must be bgnbd, mbgnbd or pareto-nbd, got 'nbd'"), model.err);
    }

    @Test
    void badData_exitsWithStatus1AndOneLine() throws IOException {
        // nobody came back: Gamma-Gamma cannot be fitted
        Path once = dir.resolve("once.txt");
        Files.writeString(once, """
                1 20230101 1 10.00
                2 20230102 1 12.00
                3 20230103 2 9.50
                4 20230104 1 3.00
                5 20230105 1 4.00
                """);
        Result r = run("clv", "fit", "--transactions", once.toString(), "--format", "cdnow", "--calibration-end",
                "2023-01-31");
        assertEquals(1, r.status, r.out);
        assertTrue(r.err.contains("Gamma-Gamma cannot be fitted: none of the 5 customers has a repeat purchase"),
                r.err);
        assertEquals(1, r.err.strip().split("\n").length, r.err);
        Result early = run("clv", "fit", "--transactions", cdnow.toString(), "--format", "cdnow",
                "--calibration-end", "2020-01-01");
        assertEquals(1, early.status);
        assertTrue(early.err.contains("no customer bought on or before the calibration end 2020-01-01"), early.err);
        Path broken = dir.resolve("broken.txt");
        Files.writeString(broken, "1 20230101 1 10.00\n2 2023-01-02 1 12.00\n");
        Result bad = run("clv", "fit", "--transactions", broken.toString(), "--format", "cdnow", "--calibration-end",
                "2023-01-31");
        assertEquals(1, bad.status);
        assertTrue(bad.err.contains("broken.txt") && bad.err.contains("2"), bad.err);
    }

    /**
     * Customers who buy regularly to the end and never drop out drive the BG/NBD to a -> 0, b -> infinity,
     * where every P(alive) is 1 by construction. The command printed "converged" and a CLV; now it prints the verdict
     * UNUSABLE with its reasons and exits 1 without P(alive) or CLV, unless --allow-degenerate.
     */
    @Test
    void fit_unusableFit_printsTheVerdictAndExits1UnlessAllowed() throws IOException {
        StringBuilder sb = new StringBuilder();
        DateTimeFormatter day = DateTimeFormatter.BASIC_ISO_DATE;
        for (int c = 0; c < 400; c++) {
            LocalDate d = LocalDate.of(2022, 1, 1).plusDays((c * 7L) % 120);
            for (int k = 0; !d.isAfter(LocalDate.of(2022, 12, 31)); k++) {
                sb.append(String.format(Locale.ROOT, "%d %s 1 %.2f%n", 1000 + c, d.format(day), 20.0 + (c * 7 + k) % 13));
                d = d.plusDays(7L * (1 + c % 5) + (k * (long) c) % 3);
            }
        }
        Path file = dir.resolve("nodropout.txt");
        Files.writeString(file, sb.toString());
        Result r = run("clv", "fit", "--transactions", file.toString(), "--format", "cdnow", "--calibration-end",
                "2022-12-31", "--period", "week", "--top", "3");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("verdict: UNUSABLE (BG/NBD: "), r.out());
        assertTrue(r.out().contains("nobody ever drops out"), r.out());
        assertTrue(!r.out().contains("CLV over"), r.out());
        assertTrue(r.err().startsWith("clv fit: verdict UNUSABLE: ") && r.err().contains("--allow-degenerate"),
                r.err());
        Result json = run("clv", "fit", "--transactions", file.toString(), "--format", "cdnow", "--calibration-end",
                "2022-12-31", "--period", "week", "--json");
        assertEquals(1, json.status());
        assertTrue(json.out().startsWith("{\"verdict\":\"UNUSABLE\",\"verdict_reasons\":[\"BG/NBD: "), json.out());
        assertTrue(!json.out().contains("\"clv\""), json.out());
        Result allowed = run("clv", "fit", "--transactions", file.toString(), "--format", "cdnow", "--calibration-end",
                "2022-12-31", "--period", "week", "--top", "3", "--allow-degenerate");
        assertEquals(0, allowed.status(), allowed.err());
        assertTrue(allowed.out().contains("verdict: UNUSABLE") && allowed.out().contains("CLV over 12 months"),
                allowed.out());
    }
}
