package dev.retention.examples.batch;

import dev.retention.examples.ExampleShop;
import dev.retention.model.Model;
import dev.retention.rfm.RfmTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The nightly job on the orders of a small synthetic shop, written as the generic CSV that it reads. */
class NightlyScoringTest {

    @TempDir
    static Path dir;

    private static Path out;
    private static NightlyScoring.Result result;

    @BeforeAll
    static void runTheJob() throws IOException {
        out = dir.resolve("scores");
        result = NightlyScoring.run(ExampleShop.ordersCsv(dir), NightlyScoring.Format.GENERIC, out, null);
    }

    @Test
    void run_writesOneRowPerCustomer() throws IOException {
        List<String> lines = Files.readAllLines(out.resolve(NightlyScoring.SCORES_FILE), StandardCharsets.UTF_8);
        assertEquals("customer,recency_days,frequency,monetary,segment,cluster,p_alive,expected_purchases,clv",
                lines.get(0));
        Set<String> ids = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals(9, f.length, line);
            assertTrue(ids.add(f[0]), "customer twice: " + line);
            double pAlive = Double.parseDouble(f[6]);
            assertTrue(pAlive >= 0 && pAlive <= 1, line);
            assertTrue(Double.parseDouble(f[8]) >= 0, line);
        }
        assertEquals(ExampleShop.get().log().customerCount(), ids.size());
        assertEquals(result.rfm().size(), ids.size());
    }

    @Test
    void run_savesModelsThatLoadBackEqualToTheFittedOnes() throws IOException {
        ScoringModels loaded = ScoringModels.load(out);
        assertEquals(result.models(), loaded);
        for (Map.Entry<String, Model> e : result.models().byFile().entrySet()) {
            assertEquals(e.getValue().fitSummary(), loaded.byFile().get(e.getKey()).fitSummary(), e.getKey());
        }
    }

    @Test
    void run_savedModelsScoreEveryCustomerAsTheCsv() throws IOException {
        ScoringModels loaded = ScoringModels.load(out);
        RfmTable rfm = result.rfm();
        int[] labels = result.models().clusters().labels();
        for (int row = 0; row < rfm.size(); row++) {
            double[] raw = {rfm.recency(row), rfm.frequency(row), rfm.monetary(row)};
            assertEquals(rfm.score(row), loaded.rfm().score(raw[0], raw[1], raw[2]), rfm.customerId(row));
            assertEquals(labels[row], loaded.clusters().predict(raw), rfm.customerId(row));
        }
    }

    @Test
    void run_defaultsTheAsOfDayToTheDayAfterTheLatestPurchase() {
        assertEquals(LocalDate.of(2023, 7, 1), result.asOf());
        assertEquals(Instant.parse("2023-07-01T00:00:00Z"), result.rfm().asOf());
        assertEquals(NightlyScoring.CLV_MONTHS, result.clv().options().horizonMonths());
        assertEquals(NightlyScoring.LIFETIME_UNIT, result.models().purchases().unit());
    }

    @Test
    void score_withAnAsOfDay_seesOnlyThePurchasesBeforeIt() {
        LocalDate asOf = LocalDate.of(2022, 7, 1);
        NightlyScoring.Result early = NightlyScoring.score(ExampleShop.get().log(), asOf, 1);
        long start = Instant.parse("2022-07-01T00:00:00Z").getEpochSecond();
        assertTrue(early.log().maxPurchaseTime() < start);
        assertEquals(early.log().customerCount(), early.rfm().size());
        assertEquals(early.rfm().size(), early.clv().size());
        assertTrue(early.rfm().size() < result.rfm().size());
    }

    @Test
    void score_rejectsAnAsOfDayBeforeEveryPurchase() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NightlyScoring.score(ExampleShop.get().log(), LocalDate.of(2021, 1, 1), 1));
        assertTrue(e.getMessage().contains("no purchases"), e.getMessage());
    }

    @Test
    void run_onAFileWithoutPurchases_saysSo(@TempDir Path empty) throws IOException {
        Path orders = empty.resolve("orders.csv");
        Files.writeString(orders, """
                customer,order,item,time,quantity,unit_price
                ,A1,SKU-1,2023-01-02 10:00:00,1,9.99
                """);   // a guest order: no customer, so no purchase
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NightlyScoring.run(orders, NightlyScoring.Format.GENERIC, empty.resolve("out"), null));
        assertTrue(e.getMessage().startsWith("no purchases to score: lines read 1"), e.getMessage());
    }

    @Test
    void format_parse_namesTheBadValue() {
        assertEquals(NightlyScoring.Format.ONLINE_RETAIL, NightlyScoring.Format.parse("online-retail"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NightlyScoring.Format.parse("cdnow"));
        assertTrue(e.getMessage().contains("'cdnow'"), e.getMessage());
    }
}
