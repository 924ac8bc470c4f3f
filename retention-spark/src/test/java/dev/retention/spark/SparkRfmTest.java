package dev.retention.spark;

import dev.retention.data.PurchaseRules;
import dev.retention.data.TransactionLog;
import dev.retention.model.Models;
import dev.retention.rfm.Rfm;
import dev.retention.rfm.RfmModel;
import dev.retention.rfm.RfmOptions;
import dev.retention.rfm.RfmScore;
import dev.retention.rfm.RfmTable;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spark RFM against the single-JVM {@link Rfm} on the same lines: equal values, scores, segments and edges. */
class SparkRfmTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("SparkRfmTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @ParameterizedTest
    @CsvSource({"1, false, SKIP, BY_ID", "2, true, NET, EQUAL"})
    void exactScoresEqualTheSingleJvmFit(long seed, boolean textIds, PurchaseRules.Cancellations cancellations,
                                         RfmOptions.Ties ties) throws Exception {
        TestOrders data = TestOrders.random(seed, 400, textIds);
        PurchaseRules rules = PurchaseRules.defaults().withCancellations(cancellations);
        TransactionLog log = data.log(rules);
        RfmOptions options = RfmOptions.defaults().withTies(ties);
        RfmModel expected = Rfm.fit(log, options);
        SparkRfmResult actual = SparkRfm.fit(SparkOrders.of(data.dataset(spark), TestOrders.columns(), rules), options);

        RfmTable table = expected.table().orElseThrow();
        assertEquals(table.asOf(), actual.asOf());
        assertEquals(table.size(), actual.customers());
        List<Row> rows = actual.table().collectAsList();
        assertEquals(table.size(), rows.size());
        Map<String, Row> byId = new HashMap<>();
        for (Row r : rows) {
            byId.put(r.getString(0), r);
        }
        for (int i = 0; i < table.size(); i++) {
            Row r = byId.get(table.customerId(i));
            String who = "customer " + table.customerId(i);
            assertEquals(table.recency(i), r.getInt(1), who);
            assertEquals(table.frequency(i), r.getInt(2), who);
            assertEquals(table.monetary(i), r.getDouble(3), 0.0, who);   // the same double: summed in the same order
            assertEquals(table.r(i), r.getInt(4), who);
            assertEquals(table.f(i), r.getInt(5), who);
            assertEquals(table.m(i), r.getInt(6), who);
            assertEquals(table.weightedScore(i), r.getDouble(7), 0.0, who);
            assertEquals(table.segment(i), r.getString(8), who);
        }
        assertArrayEquals(expected.recencyEdges(), actual.model().recencyEdges());
        assertArrayEquals(expected.frequencyEdges(), actual.model().frequencyEdges());
        assertArrayEquals(expected.monetaryEdges(), actual.model().monetaryEdges());

        // the model file written on the driver loads in one JVM and scores as the single-JVM model does
        RfmModel loaded = Models.fromBytes(actual.model().toBytes(), "spark rfm", RfmModel.class);
        for (int i = 0; i < table.size(); i += 7) {
            RfmScore e = expected.score(table.recency(i), table.frequency(i), table.monetary(i));
            RfmScore a = loaded.score(table.recency(i), table.frequency(i), table.monetary(i));
            assertEquals(e, a);
        }
        Map<String, Integer> counts = table.segmentCounts();
        actual.segmentCounts().forEach((name, count) -> assertEquals(counts.get(name).longValue(), count, name));
    }

    @Test
    void approximateScoresAreWithinOneBinNearTheEdges() {
        TestOrders data = TestOrders.random(5, 1500, false);
        TransactionLog log = data.log(PurchaseRules.defaults());
        RfmModel expected = Rfm.fit(log, RfmOptions.defaults().withTies(RfmOptions.Ties.EQUAL));
        SparkOrders orders = SparkOrders.of(data.dataset(spark), TestOrders.columns(), PurchaseRules.defaults());
        double eps = 0.01;
        SparkRfmResult approx = SparkRfm.fitApproximate(orders, RfmOptions.defaults(), eps);
        SparkRfmResult exactQuantiles = SparkRfm.fitApproximate(orders, RfmOptions.defaults(), 0.0);
        RfmTable table = expected.table().orElseThrow();
        Map<String, Row> byId = new HashMap<>();
        for (Row r : approx.table().collectAsList()) {
            byId.put(r.getString(0), r);
        }
        int differ = 0;
        for (int i = 0; i < table.size(); i++) {
            Row r = byId.get(table.customerId(i));
            assertTrue(Math.abs(table.f(i) - r.getInt(5)) <= 1, "f of " + table.customerId(i));
            assertTrue(Math.abs(table.m(i) - r.getInt(6)) <= 1, "m of " + table.customerId(i));
            differ += table.m(i) != r.getInt(6) ? 1 : 0;
        }
        // monetary values are nearly all distinct: a score differs only within eps * n ranks of one of 4 edges
        assertTrue(differ <= 4 * 2 * eps * table.size() + 4, differ + " monetary scores differ");
        assertEquals(table.size(), exactQuantiles.customers());
    }

    @Test
    void missingColumnsAndBadNumbersAreNamed() {
        TestOrders data = TestOrders.random(6, 20, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkOrders.of(
                data.dataset(spark), OrderColumns.defaults().withCustomer("CustomerID"), PurchaseRules.defaults()));
        assertTrue(e.getMessage().contains("'CustomerID'"), e.getMessage());
        Exception bad = assertThrows(Exception.class, () -> SparkOrders.of(
                data.dataset(spark).withColumn("unit_price", org.apache.spark.sql.functions.lit(Double.NaN)),
                TestOrders.columns(), PurchaseRules.defaults()).lines().count());
        assertTrue(String.valueOf(bad.getMessage()).contains("unitPrice must be finite"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SparkRfm.fit(SparkOrders.of(data.dataset(spark),
                TestOrders.columns(), PurchaseRules.defaults()), RfmOptions.defaults().withAsOf(Instant.EPOCH)));
    }
}
