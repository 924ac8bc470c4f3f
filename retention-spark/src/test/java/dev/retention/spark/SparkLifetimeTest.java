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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spark lifetime summaries, fits and CLV against retention-lifetime on the same lines: summaries exact, parameters
 * to 1e-6 relative (on the driver they are fitted on the same numbers in the same order, so in fact equal; the
 * distributed fits sum partitions in another order, so they differ by rounding), scores to 1e-12.
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

    @ParameterizedTest
    @CsvSource({"America/New_York, 0", "Asia/Kolkata, 60"})
    void summariesInAZoneEqualTheSingleJvmLogInThatZone(String zoneName, int daysBeforeEnd) {
        ZoneId zone = ZoneId.of(zoneName);
        TestOrders data = TestOrders.random(21, 400, false);
        PurchaseRules rules = PurchaseRules.defaults();
        TransactionLog zoned = data.log(rules, zone);
        SummaryOptions options = SummaryOptions.defaults().withUnit(PeriodUnit.WEEK);
        LocalDate calibrationEnd = null;     // the last purchase day in the zone, found by Spark
        if (daysBeforeEnd > 0) {
            calibrationEnd = LocalDate.ofInstant(Instant.ofEpochSecond(zoned.maxPurchaseTime()), zone)
                    .minusDays(daysBeforeEnd);
            options = options.withCalibrationEnd(calibrationEnd);
        }
        CustomerSummary expected = CustomerSummary.from(zoned, options);
        CustomerSummary utc = CustomerSummary.from(data.log(rules), options);
        SparkOrders lines = SparkOrders.of(data.dataset(spark), TestOrders.columns(), rules);
        CustomerSummary actual = SparkLifetime.collect(
                SparkLifetime.summaries(lines, PeriodUnit.WEEK, calibrationEnd, zone), PeriodUnit.WEEK);
        assertEquals(expected.size(), actual.size());
        Map<String, Integer> utcRow = new HashMap<>();
        for (int i = 0; i < utc.size(); i++) {
            utcRow.put(utc.id(i), i);
        }
        int differFromUtc = 0;
        for (int i = 0; i < expected.size(); i++) {
            assertSameRow(expected, actual, i);
            Integer u = utcRow.get(expected.id(i));
            if (u == null || utc.frequency(u) != expected.frequency(i) || utc.recency(u) != expected.recency(i)
                    || utc.age(u) != expected.age(i)) {
                differFromUtc++;
            }
        }
        // the zone matters on these lines: counted in UTC, some customers' days differ
        assertTrue(differFromUtc > 0, "no customer's summary depends on the zone");
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
            assertSameRow(expected, actual, i);
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

    @Test
    void distributedFitsEqualTheSingleJvmFitAndTheModeFollowsTheSize() {
        LocalDate calibrationEnd = LocalDate.ofEpochDay(Math.floorDiv(log.maxPurchaseTime(), 86_400L)).minusDays(60);
        CustomerSummary expected = CustomerSummary.from(log,
                SummaryOptions.defaults().withUnit(PeriodUnit.WEEK).withCalibrationEnd(calibrationEnd));
        // three partitions of customers in hash order: nothing like the single-JVM order or blocks
        Dataset<Row> summaries = SparkLifetime.summaries(orders, PeriodUnit.WEEK, calibrationEnd).repartition(3)
                .cache();
        for (BgNbdModel.Variant variant : BgNbdModel.Variant.values()) {
            BgNbdOptions options = BgNbdOptions.defaults().withVariant(variant);
            BgNbdModel single = BgNbd.fit(expected, options);
            BgNbdModel distributed = SparkLifetime.fitBgNbdDistributed(summaries, PeriodUnit.WEEK, options);
            assertRelative(single.parameters(), distributed.parameters(), 1e-6);
            assertRelative(single.estimates().standardErrors(), distributed.estimates().standardErrors(), 1e-4);
            assertEquals(single.estimates().logLikelihood(), distributed.estimates().logLikelihood(),
                    1e-9 * Math.abs(single.estimates().logLikelihood()));
            assertEquals(single.fitSummary().verdict(), distributed.fitSummary().verdict(), variant.label());
            assertEquals(expected.size(), distributed.fitSummary().data().rows());
        }
        GammaGammaModel gg = GammaGamma.fit(expected, GammaGammaOptions.defaults());
        GammaGammaModel distributedGg = SparkLifetime.fitGammaGammaDistributed(summaries, GammaGammaOptions.defaults());
        assertRelative(gg.parameters(), distributedGg.parameters(), 1e-6);
        assertEquals(gg.frequencySpendCorrelation(), distributedGg.frequencySpendCorrelation(), 1e-12);
        assertEquals(gg.fitSummary().verdict(), distributedGg.fitSummary().verdict());
        assertEquals(gg.estimates().customers(), distributedGg.estimates().customers());

        // the mode by size: 40 bytes per customer against the limit
        long n = expected.size();
        assertEquals(SparkLifetimeFit.Mode.DRIVER, SparkLifetime.chooseMode(n, n * SparkLifetime.BYTES_PER_CUSTOMER));
        assertEquals(SparkLifetimeFit.Mode.DISTRIBUTED,
                SparkLifetime.chooseMode(n, n * SparkLifetime.BYTES_PER_CUSTOMER - 1));
        SparkLifetimeFit onDriver = SparkLifetime.fit(summaries, PeriodUnit.WEEK, BgNbdOptions.defaults(),
                GammaGammaOptions.defaults(), SparkLifetime.DEFAULT_DRIVER_BYTES);
        assertEquals(SparkLifetimeFit.Mode.DRIVER, onDriver.mode());
        assertEquals(BgNbd.fit(expected, BgNbdOptions.defaults()), onDriver.purchases());
        // one partition instead of three: the partitioning changes rounding only
        SparkLifetimeFit onExecutors = SparkLifetime.fit(summaries.coalesce(1), PeriodUnit.WEEK,
                BgNbdOptions.defaults(), GammaGammaOptions.defaults(), n * SparkLifetime.BYTES_PER_CUSTOMER - 1);
        assertEquals(SparkLifetimeFit.Mode.DISTRIBUTED, onExecutors.mode());
        assertEquals(n, onExecutors.customers());
        assertEquals(expected.repeatCustomers(), onExecutors.repeatCustomers());
        assertRelative(onDriver.purchases().parameters(), onExecutors.purchases().parameters(), 1e-6);
        assertRelative(onDriver.spend().parameters(), onExecutors.spend().parameters(), 1e-6);
        summaries.unpersist();
    }

    private static void assertRelative(double[] expected, double[] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance * Math.abs(expected[i]), "parameter " + i);
        }
    }

    /** Row i of the two summaries: the same customer and the same figures, exactly. */
    private static void assertSameRow(CustomerSummary expected, CustomerSummary actual, int i) {
        String who = "customer " + expected.id(i);
        assertEquals(expected.id(i), actual.id(i), who);
        assertEquals(expected.frequency(i), actual.frequency(i), who);
        assertEquals(expected.recency(i), actual.recency(i), 0.0, who);
        assertEquals(expected.age(i), actual.age(i), 0.0, who);
        assertEquals(expected.monetaryValue(i), actual.monetaryValue(i), 0.0, who);
    }
}
