package dev.retention.data;

import dev.retention.data.RandomLogs.Expected;
import dev.retention.data.RandomLogs.Line;
import dev.retention.data.RandomLogs.Raw;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link TransactionLog} against the naive reference of {@link RandomLogs} over seeded random logs. */
class TransactionLogPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 250);
    }

    private static PurchaseRules rules(SplittableRandom rnd) {
        return PurchaseRules.defaults().withCancellations(
                rnd.nextBoolean() ? PurchaseRules.Cancellations.NET : PurchaseRules.Cancellations.SKIP);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void build_matchesNaiveReference(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        PurchaseRules rules = rules(rnd);
        List<Raw> raw = RandomLogs.lines(rnd);
        TransactionLog log = RandomLogs.build(raw, rules);
        Expected e = RandomLogs.expected(raw, rules);
        String where = "seed=" + seed + " " + rules;

        assertLines(e.lines, log, where);

        // line counts: per reason, and nothing dropped silently
        LineCounts counts = log.lineCounts();
        for (SkipReason r : SkipReason.values()) {
            assertEquals((long) e.skipped.getOrDefault(r, 0L), counts.skipped(r), where + " " + r);
        }
        assertEquals(raw.size(), counts.read(), where);
        assertEquals(counts.read(), counts.kept() + counts.skipped(), where);
        assertEquals(e.lines.size(), counts.kept(), where);
        assertEquals(e.lines.stream().filter(Line::cancellation).count(), counts.netted(), where);

        // per-customer sums, summed in line order on both sides
        Map<String, Double> spend = RandomLogs.spend(e.lines);
        assertEquals(spend.size(), log.customerCount(), where);
        for (int c = 0; c < log.customerCount(); c++) {
            double sum = 0;
            for (int i = log.lineStart(c); i < log.lineEnd(c); i++) {
                assertEquals(c, log.customer(i), where);
                sum += log.amount(i);
            }
            assertEquals(spend.get(log.customers().id(c)), sum, where + " customer " + log.customers().id(c));
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void orders_matchNaiveGrouping(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        PurchaseRules rules = rules(rnd);
        List<Raw> raw = RandomLogs.lines(rnd);
        TransactionLog log = RandomLogs.build(raw, rules);
        List<Line> lines = RandomLogs.expected(raw, rules).lines;
        for (boolean withCancellations : new boolean[] {false, true}) {
            String where = "seed=" + seed + " " + rules + " includeCancellations=" + withCancellations;
            // reference: per customer (lines already in log order), distinct order ids by first appearance
            Map<String, Map<String, double[]>> expected = new LinkedHashMap<>();
            Map<String, Map<String, Long>> firstTime = new LinkedHashMap<>();
            Map<String, Map<String, Boolean>> allCancelled = new LinkedHashMap<>();
            for (Line l : lines) {
                if (l.cancellation() && !withCancellations) {
                    continue;
                }
                double[] agg = expected.computeIfAbsent(l.customer(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(l.order(), k -> new double[3]);
                agg[0] += l.amount();
                agg[1] += l.quantity();
                agg[2]++;
                firstTime.computeIfAbsent(l.customer(), k -> new LinkedHashMap<>()).putIfAbsent(l.order(), l.time());
                allCancelled.computeIfAbsent(l.customer(), k -> new LinkedHashMap<>())
                        .merge(l.order(), l.cancellation(), Boolean::logicalAnd);
            }
            Orders orders = log.orders(withCancellations);
            assertEquals(log.customerCount(), orders.customerCount(), where);
            int total = 0;
            for (int c = 0; c < log.customerCount(); c++) {
                String id = log.customers().id(c);
                Map<String, double[]> mine = expected.getOrDefault(id, Map.of());
                List<String> orderIds = new ArrayList<>(mine.keySet());
                assertEquals(orderIds.size(), orders.orderEnd(c) - orders.orderStart(c), where + " customer " + id);
                for (int k = 0; k < orderIds.size(); k++) {
                    int o = orders.orderStart(c) + k;
                    String orderId = orderIds.get(k);
                    String at = where + " customer " + id + " order " + orderId;
                    double[] agg = mine.get(orderId);
                    assertEquals(c, orders.customer(o), at);
                    assertEquals(orderId, log.orders().id(orders.orderId(o)), at);
                    assertEquals(firstTime.get(id).get(orderId), orders.time(o), at);
                    assertEquals(agg[0], orders.amount(o), at);
                    assertEquals(agg[1], orders.quantity(o), at);
                    assertEquals((int) agg[2], orders.lineCount(o), at);
                    assertEquals(allCancelled.get(id).get(orderId), orders.isCancellation(o), at);
                    if (k > 0) {
                        assertTrue(orders.time(o - 1) <= orders.time(o), at + ": orders not in time order");
                    }
                }
                total += orderIds.size();
            }
            assertEquals(total, orders.size(), where);
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void before_equalsTheLogOfTheEarlierLines(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        PurchaseRules rules = rules(rnd);
        List<Raw> raw = RandomLogs.lines(rnd);
        TransactionLog log = RandomLogs.build(raw, rules);
        List<Line> all = RandomLogs.expected(raw, rules).lines;
        long end = log.isEmpty() ? 0 : log.minTime() + rnd.nextLong(log.maxPurchaseTime() - log.minTime() + 2);
        String where = "seed=" + seed + " " + rules + " end=" + end;

        TransactionLog early = log.before(end);
        List<Line> earlier = all.stream().filter(l -> l.time() < end).toList();
        Set<String> buyers = new HashSet<>();
        for (Line l : earlier) {
            if (!l.cancellation()) {
                buyers.add(l.customer());
            }
        }
        List<Line> expected = earlier.stream().filter(l -> buyers.contains(l.customer())).toList();
        List<Line> sorted = RandomLogs.finish(new Expected(), new ArrayList<>(expected)).lines;
        assertLines(sorted, early, where);
        assertEquals(log.zone(), early.zone(), where);

        LineCounts counts = early.lineCounts();
        assertEquals(expected.size(), counts.kept(), where);
        assertEquals(earlier.size() - expected.size(), counts.skipped(SkipReason.CANCELLATION), where);
        assertEquals(earlier.size(), counts.read(), where);
        assertEquals(expected.stream().filter(Line::cancellation).count(), counts.netted(), where);
    }

    /** A builder told how many lines come (fewer, exactly or more than it keeps) builds the same log. */
    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void build_withALineHint_matchesNaiveReference(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        PurchaseRules rules = rules(rnd);
        List<Raw> raw = RandomLogs.lines(rnd);
        int hint = switch (rnd.nextInt(3)) {
            case 0 -> rnd.nextInt(raw.size() + 1);
            case 1 -> raw.size();
            default -> raw.size() + rnd.nextInt(1, 50);
        };
        TransactionLog.Builder b = TransactionLog.builder(rules).expectLines(hint);
        for (Raw r : raw) {
            r.add(b);
        }
        TransactionLog hinted = b.build();
        String where = "seed=" + seed + " " + rules + " hint=" + hint;
        assertLines(RandomLogs.expected(raw, rules).lines, hinted, where);
        assertEquals(RandomLogs.build(raw, rules).fingerprint(), hinted.fingerprint(), where);
        assertEquals(RandomLogs.build(raw, rules).lineCounts(), hinted.lineCounts(), where);
    }

    /** The log holds exactly the expected lines in the expected order, with naturally ordered id indexes. */
    static void assertLines(List<Line> expected, TransactionLog log, String where) {
        assertEquals(expected.size(), log.size(), where);
        for (int i = 0; i < expected.size(); i++) {
            Line e = expected.get(i);
            String at = where + " line " + i + " (input " + e.input() + ")";
            assertEquals(e.customer(), log.customers().id(log.customer(i)), at);
            assertEquals(e.order(), log.orders().id(log.order(i)), at);
            assertEquals(e.item(), log.item(i) < 0 ? null : log.items().id(log.item(i)), at);
            assertEquals(e.time(), log.time(i), at);
            assertEquals(e.quantity(), log.quantity(i), at);
            assertEquals(e.price(), log.unitPrice(i), at);
            assertEquals(e.amount(), log.amount(i), at);
            assertEquals(e.cancellation(), log.isCancellation(i), at);
        }
        assertIndex(RandomLogs.sortedDistinct(expected.stream().map(Line::customer).toList()), log.customers(), where);
        assertIndex(RandomLogs.sortedDistinct(expected.stream().map(Line::order).toList()), log.orders(), where);
        assertIndex(RandomLogs.sortedDistinct(expected.stream().map(Line::item).filter(x -> x != null).toList()),
                log.items(), where);
        boolean anyCancel = expected.stream().anyMatch(Line::cancellation);
        assertEquals(anyCancel, log.hasCancellations(), where);
    }

    private static void assertIndex(List<String> ids, IdIndex index, String where) {
        String[] actual = new String[index.size()];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = index.id(i);
        }
        assertArrayEquals(ids.toArray(new String[0]), actual, where + " " + index);
        if (!ids.isEmpty()) {
            assertEquals(ids.stream().allMatch(RandomLogs::canonical), index.isNumeric(), where + " " + index);
        }
    }
}
