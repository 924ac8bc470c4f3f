package dev.retention.spark;

import dev.retention.data.PurchaseRules;
import dev.retention.data.TransactionLog;
import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.SummaryOptions;
import dev.retention.lifetime.bgnbd.BgNbd;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.bgnbd.BgNbdOptions;
import dev.retention.lifetime.clv.Clv;
import dev.retention.lifetime.clv.ClvOptions;
import dev.retention.lifetime.clv.ClvTable;
import dev.retention.lifetime.gammagamma.GammaGamma;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.lifetime.gammagamma.GammaGammaOptions;
import dev.retention.model.Models;
import dev.retention.synth.SyntheticShop;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spark lifetime summaries, fits and CLV against retention-lifetime on the same lines: summaries exact, parameters
 * to 1e-6 relative (they are fitted on the same numbers in the same order, so in fact equal), scores to 1e-12.
 */
class SparkLifetimeTest {

    private static SparkSession spark;
    private static TransactionLog log;
    private static SparkOrders orders;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("SparkLifetimeTest");
        log = SyntheticShop.generate(SyntheticShop.Options.defaults().withSeed(11).withCustomers(1500).withMonths(18))
                .log();
        orders = SparkOrders.of(ShopRows.of(spark, log), TestOrders.columns(), PurchaseRules.defaults());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void summariesFitsAndScoresEqualTheSingleJvm(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        LocalDate calibrationEnd = LocalDate.ofEpochDay(Math.floorDiv(log.maxPurchaseTime(), 86_400L)).minusDays(90);
        CustomerSummary expected = CustomerSummary.from(log,
                SummaryOptions.defaults().withUnit(PeriodUnit.WEEK).withCalibrationEnd(calibrationEnd));
        Dataset<Row> summaries = SparkLifetime.summaries(orders, PeriodUnit.WEEK, calibrationEnd).cache();
        CustomerSummary actual = SparkLifetime.collect(summaries, PeriodUnit.WEEK);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            String who = "customer " + expected.id(i);
            assertEquals(expected.id(i), actual.id(i), who);
            assertEquals(expected.frequency(i), actual.frequency(i), who);
            assertEquals(expected.recency(i), actual.recency(i), 0.0, who);
            assertEquals(expected.age(i), actual.age(i), 0.0, who);
            assertEquals(expected.monetaryValue(i), actual.monetaryValue(i), 0.0, who);
        }

        BgNbdModel bg = BgNbd.fit(expected, BgNbdOptions.defaults());
        BgNbdModel sparkBg = SparkLifetime.fitBgNbd(summaries, PeriodUnit.WEEK, BgNbdOptions.defaults());
        assertRelative(bg.parameters(), sparkBg.parameters(), 1e-6);
        GammaGammaModel gg = GammaGamma.fit(expected, GammaGammaOptions.defaults());
        GammaGammaModel sparkGg = SparkLifetime.fitGammaGamma(summaries, PeriodUnit.WEEK, GammaGammaOptions.defaults());
        assertRelative(gg.parameters(), sparkGg.parameters(), 1e-6);

        // model files written on the driver load in one JVM unchanged
        Path bgFile = dir.resolve("bgnbd.model");
        Files.write(bgFile, sparkBg.toBytes());
        BgNbdModel loaded = Models.load(bgFile, BgNbdModel.class);
        assertEquals(sparkBg, loaded);
        assertEquals(bg.probabilityAlive(3, 20, 40), loaded.probabilityAlive(3, 20, 40), 1e-12);

        ClvOptions clvOptions = ClvOptions.defaults().withHorizonMonths(6);
        ClvTable table = Clv.compute(bg, gg, expected, clvOptions);
        Map<String, Row> scored = new HashMap<>();
        for (Row r : SparkLifetime.score(summaries, sparkBg, sparkGg, clvOptions).collectAsList()) {
            scored.put(r.getString(0), r);
        }
        assertEquals(expected.size(), scored.size());
        for (int i = 0; i < expected.size(); i++) {
            Row r = scored.get(expected.id(i));
            String who = "customer " + expected.id(i);
            assertEquals(table.probabilityAlive(i), r.getDouble(5), 1e-12, who);
            assertEquals(table.expectedPurchases(i), r.getDouble(6), 1e-12 * (1 + table.expectedPurchases(i)), who);
            assertEquals(table.expectedSpend(i), r.getDouble(7), 1e-9 * table.expectedSpend(i), who);
            assertEquals(table.clv(i), r.getDouble(8), 1e-9 * (1 + table.clv(i)), who);
        }
        assertTrue(table.total() > 0);
    }

    private static void assertRelative(double[] expected, double[] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance * Math.abs(expected[i]), "parameter " + i);
        }
    }
}
