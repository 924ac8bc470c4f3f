package dev.retention.churn.dataset;

import dev.retention.data.PurchaseRules;
import dev.retention.data.TransactionLog;
import dev.retention.evaluation.TrainTestSplit;
import dev.retention.synth.SyntheticShop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransactionFeaturesTest {

    private static final long DAY = 86_400;
    private static final long T0 = LocalDate.of(2023, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);

    private static long day(double d) {
        return T0 + (long) (d * DAY);
    }

    /** Customer A: three orders, a netted cancellation, a purchase after the cutoff; B: one order. */
    private static TransactionLog handMade() {
        TransactionLog.Builder b = TransactionLog.builder(PurchaseRules.defaults()
                .withCancellations(PurchaseRules.Cancellations.NET));
        b.add("A", "O1", "i1", day(0), 1, 10);
        b.add("A", "O1", "i2", day(0), 2, 5);
        b.add("A", "O2", "i1", day(10), 1, 30);
        b.add("A", "O3", "i3", day(40), 1, 50);
        b.add("A", "C3", "i3", day(41), -1, 10, true);
        b.add("B", "O4", "i9", day(5), 4, 25);
        b.add("A", "O5", "i1", day(100), 1, 10);
        b.add("C", "O6", "i1", day(60), 1, 10);     // first purchase exactly at the cutoff: not a row
        return b.build();
    }

    @Test
    void build_computesEveryFeatureAndTheLabelByHand() {
        TransactionFeatureOptions o = TransactionFeatureOptions.of(List.of(Instant.ofEpochSecond(day(60))), 60)
                .withObservationEnd(Instant.ofEpochSecond(day(130)));
        CustomerTable t = TransactionFeatures.compute(handMade(), o);
        assertEquals(2, t.rows());
        assertEquals("A", t.key(0));
        assertEquals("B", t.key(1));
        // recency, frequency, monetary, tenure, mean gap, std gap, orders 30/90/180, spend 30/90/180, trend,
        // distinct items, cancellation share, basket size, average order value
        double[] a = {20, 3, 90, 60, 20, 10, 1, 3, 3, 40, 90, 90, 90, 3, 0.2, 4.0 / 3, 30};
        double[] bRow = {55, 1, 100, 55, Double.NaN, Double.NaN, 0, 1, 1, 0, 100, 100, 100, 1, 0, 1, 100};
        for (int j = 0; j < t.columns(); j++) {
            assertEquals(a[j], t.numeric(0, j), 1e-12, t.name(j));
            assertEquals(bRow[j], t.numeric(1, j), 1e-12, t.name(j));
        }
        assertEquals(TransactionFeatures.featureNames(new int[] {30, 90, 180}), List.of(t.names()));
        assertArrayEquals(new int[] {0, 1}, t.labels());   // A bought on day 100; B never again
        assertEquals(day(60), t.cutoff(0));
    }

    @Test
    void label_countsAPurchaseAtTheCutoffInstant() {
        // A's order O3 is stamped exactly at the cutoff (day 40): not a feature line (A has 2 orders, recency 30)
        // but a purchase in the label window [t, t + h), so A did not churn; B did
        TransactionFeatureOptions o = TransactionFeatureOptions.of(List.of(Instant.ofEpochSecond(day(40))), 30)
                .withObservationEnd(Instant.ofEpochSecond(day(130)));
        CustomerTable t = TransactionFeatures.compute(handMade(), o);
        assertEquals("A", t.key(0));
        assertEquals(2.0, t.numeric(0, 1));
        assertEquals(30.0, t.numeric(0, 0), 1e-12);
        assertArrayEquals(new int[] {0, 1}, t.labels());
        TransactionFeatureOptions o2 = TransactionFeatureOptions.of(List.of(Instant.ofEpochSecond(day(61))), 40)
                .withObservationEnd(Instant.ofEpochSecond(day(130)));
        CustomerTable t2 = TransactionFeatures.compute(handMade(), o2);
        assertEquals("C", t2.key(2));
        assertEquals(0.0, t2.numeric(2, 0), 1.0);   // C's recency is one day
    }

    @Test
    void badInput_isRejected() {
        TransactionFeatureOptions late = TransactionFeatureOptions.of(List.of(Instant.ofEpochSecond(day(90))), 30);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransactionFeatures.compute(handMade(), late));
        assertTrue(e.getMessage().contains("observation ends"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TransactionFeatureOptions.of(
                List.of(Instant.ofEpochSecond(day(9)), Instant.ofEpochSecond(day(5))), 30));
        assertTrue(e.getMessage().contains("strictly increasing"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TransactionFeatures.compute(handMade(),
                TransactionFeatureOptions.of(List.of(Instant.ofEpochSecond(day(-5))), 30)));
        assertTrue(e.getMessage().contains("no customer has a purchase"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TransactionFeatureOptions.of(
                List.of(Instant.ofEpochSecond(day(9))), 0));
    }

    @Test
    void timeSplit_trainsOnlyOnLabelsThatEndBeforeTheTestCutoff() {
        SyntheticShop shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(400).withSeed(3));
        long start = shop.startEpochSecond();
        List<Instant> cutoffs = List.of(Instant.ofEpochSecond(start + 120 * DAY), Instant.ofEpochSecond(start + 180 * DAY),
                Instant.ofEpochSecond(start + 240 * DAY), Instant.ofEpochSecond(start + 300 * DAY));
        CustomerTable t = TransactionFeatures.compute(shop.log(), TransactionFeatureOptions.of(cutoffs, 90));
        TrainTestSplit s = TransactionFeatures.timeSplit(t, cutoffs.get(3), 90);
        for (int i : s.train()) {
            assertTrue(t.cutoff(i) + 90 * DAY <= cutoffs.get(3).getEpochSecond());
        }
        for (int i : s.test()) {
            assertEquals(cutoffs.get(3).getEpochSecond(), t.cutoff(i));
        }
        assertEquals(4, t.distinctCutoffs().length);
        assertTrue(s.train().length > 0 && s.test().length > 0);
    }

    // ---- the leakage proof, over seeded synthetic shops ----

    static LongStream seeds() {
        return LongStream.range(0, 25);
    }

    /** Copies the lines before t and adds random lines at or after t (new customers too). */
    private static TransactionLog rewriteFuture(TransactionLog log, long t, long seed) {
        TransactionLog.Builder b = TransactionLog.builder(PurchaseRules.defaults()
                .withCancellations(PurchaseRules.Cancellations.NET));
        for (int i = 0; i < log.size(); i++) {
            if (log.time(i) < t) {
                b.add(log.customers().id(log.customer(i)), log.orders().id(log.order(i)),
                        log.item(i) < 0 ? null : log.items().id(log.item(i)), log.time(i), log.quantity(i),
                        log.unitPrice(i), log.isCancellation(i));
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = 0; k < 500; k++) {
            String c = rnd.nextInt(5) == 0 ? "new" + rnd.nextInt(50) : log.customers().id(rnd.nextInt(log.customerCount()));
            boolean cancel = rnd.nextInt(6) == 0;
            b.add(c, (cancel ? "C" : "F") + rnd.nextInt(300), "SKU-X" + rnd.nextInt(20), t + rnd.nextInt(400) * DAY
                    + rnd.nextInt(86_400), cancel ? -1 - rnd.nextInt(3) : 1 + rnd.nextInt(3), 1 + rnd.nextInt(500),
                    cancel);
        }
        return b.build();
    }

    private static Map<String, double[]> rowsByKey(CustomerTable t) {
        Map<String, double[]> m = new HashMap<>();
        for (int i = 0; i < t.rows(); i++) {
            double[] r = new double[t.columns()];
            for (int j = 0; j < r.length; j++) {
                r[j] = t.numeric(i, j);
            }
            m.put(t.key(i), r);
        }
        return m;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noFeatureReadsALineAtOrAfterItsCutoff(long seed) {
        SyntheticShop shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(150).withSeed(seed)
                .withRules(PurchaseRules.defaults().withCancellations(PurchaseRules.Cancellations.NET)));
        TransactionLog log = shop.log();
        SplittableRandom rnd = new SplittableRandom(seed);
        long t = shop.startEpochSecond() + (60 + rnd.nextInt(300)) * DAY + rnd.nextInt(86_400);
        Instant cut = Instant.ofEpochSecond(t);
        int[] windows = {7, 30, 90};
        Map<String, double[]> full = rowsByKey(TransactionFeatures.computeUnlabelled(log, cut, windows, 0));
        // the same features from the log cut at t, and from a log whose future was rewritten at random
        Map<String, double[]> past = rowsByKey(TransactionFeatures.computeUnlabelled(log.before(t), cut, windows, 0));
        Map<String, double[]> rewritten = rowsByKey(TransactionFeatures.computeUnlabelled(rewriteFuture(log, t, seed), cut,
                windows, 0));
        assertEquals(full.keySet(), past.keySet(), "seed " + seed);
        assertEquals(full.keySet(), rewritten.keySet(), "seed " + seed);
        for (Map.Entry<String, double[]> e : full.entrySet()) {
            assertArrayEquals(e.getValue(), past.get(e.getKey()), 0.0, "seed " + seed + " customer " + e.getKey());
            assertArrayEquals(e.getValue(), rewritten.get(e.getKey()), 0.0, "seed " + seed + " customer " + e.getKey());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void labels_equalABruteForceScan(long seed) {
        SyntheticShop shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(120).withSeed(seed));
        TransactionLog log = shop.log();
        long t = shop.startEpochSecond() + 200 * DAY;
        int h = 30 + (int) (seed % 4) * 30;
        CustomerTable table = TransactionFeatures.compute(log, TransactionFeatureOptions.of(
                List.of(Instant.ofEpochSecond(t)), h));
        for (int i = 0; i < table.rows(); i++) {
            int c = log.customers().indexOf(table.key(i));
            boolean bought = false;
            boolean before = false;
            for (int line = 0; line < log.size(); line++) {
                if (log.customer(line) == c) {
                    bought |= log.time(line) >= t && log.time(line) < t + h * DAY;
                    before |= log.time(line) < t;
                }
            }
            assertTrue(before, "seed " + seed);
            assertEquals(bought ? 0 : 1, table.labels()[i], "seed " + seed + " customer " + table.key(i));
        }
    }
}
