package dev.retention.data;

import dev.retention.data.Interactions.Duplicates;
import dev.retention.data.Interactions.ImplicitValue;
import dev.retention.data.RandomLogs.Raw;
import dev.retention.model.DataFingerprint;
import dev.retention.random.EnumDraws;
import org.junit.jupiter.api.Test;
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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InteractionsTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    // ---------------------------------------------------------------- duplicate policies

    private static Interactions.Builder sample(Duplicates policy) {
        return Interactions.builder(policy)
                .add("10", "b", 3f, 100)
                .add("9", "a", 1f, 50)
                .add("10", "a", 2f, 300)
                .add("10", "b", 4f, 20)       // duplicate of the first entry, added later but earlier in time
                .add("9", "c", 5f, 60);
    }

    @Test
    void keepLast_keepsTheEntryAddedLastWithItsTime() {
        Interactions x = sample(Duplicates.KEEP_LAST).build();
        assertEntries(x, new String[][] {{"9", "a"}, {"9", "c"}, {"10", "a"}, {"10", "b"}},
                new float[] {1, 5, 2, 4}, new long[] {50, 60, 300, 20});
        assertEquals(1, x.duplicatesResolved());
    }

    @Test
    void sum_addsValuesAndKeepsTheLatestTime() {
        Interactions x = sample(Duplicates.SUM).build();
        assertEntries(x, new String[][] {{"9", "a"}, {"9", "c"}, {"10", "a"}, {"10", "b"}},
                new float[] {1, 5, 2, 7}, new long[] {50, 60, 300, 100});
        assertEquals(1, x.duplicatesResolved());
    }

    @Test
    void reject_throwsNamingThePair() {
        Interactions.Builder b = sample(Duplicates.REJECT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertEquals("duplicate interaction for user '10' and item 'b'", e.getMessage());
        Interactions ok = Interactions.builder(Duplicates.REJECT).add(1, 2, 1f, 0).add(2, 1, 1f, 0).build();
        assertEquals(0, ok.duplicatesResolved());
    }

    @Test
    void build_sortsUsersAndItemsInNaturalOrderWithCsrLayout() {
        Interactions x = Interactions.builder(Duplicates.REJECT)
                .add(10, 30, 1f, 0).add(9, 200, 2f, 0).add(10, 4, 3f, 0).add(9, 30, 4f, 0).add(100, 4, 5f, 0)
                .build();
        assertArrayEquals(new long[] {9, 10, 100}, x.users().longIds());
        assertArrayEquals(new long[] {4, 30, 200}, x.items().longIds());
        assertArrayEquals(new int[] {0, 0, 1, 1, 2}, x.userColumn());
        assertArrayEquals(new int[] {1, 2, 0, 1, 0}, x.itemColumn());
        assertArrayEquals(new float[] {4, 2, 3, 1, 5}, x.values());
        assertEquals(0, x.userStart(0));
        assertEquals(2, x.userEnd(0));
        assertEquals(4, x.userStart(2));
        assertEquals(5, x.userEnd(2));
        assertEquals(3, x.userCount());
        assertEquals(3, x.itemCount());
        assertEquals(1f, x.minValue());
        assertEquals(5f, x.maxValue());
        assertEquals("Interactions: 5 entries, 3 users, 3 items, values 1.0..5.0", x.toString());
    }

    @Test
    void accessors_copyTheirArrays() {
        Interactions x = sample(Duplicates.SUM).build();
        x.values()[0] = 99;
        x.times()[0] = 99;
        x.userColumn()[0] = 99;
        x.itemColumn()[0] = 99;
        assertEquals(1f, x.value(0));
        assertEquals(50, x.time(0));
        assertEquals(0, x.user(0));
        assertEquals(0, x.item(0));
    }

    @Test
    void empty_hasNoExtremes() {
        Interactions x = Interactions.builder(Duplicates.SUM).build();
        assertEquals(0, x.size());
        assertTrue(assertThrows(IllegalStateException.class, x::minValue).getMessage().contains("empty"));
        assertThrows(IllegalStateException.class, x::maxValue);
        assertEquals("Interactions: 0 entries, 0 users, 0 items", x.toString());
    }

    @Test
    void fingerprint_isCachedAndCoversEveryColumnAndTheIds() {
        Interactions x = sample(Duplicates.SUM).build();
        DataFingerprint f = x.fingerprint();
        assertSame(f, x.fingerprint(), "computed once");
        assertEquals(new DataFingerprint(4, 4, f.checksum()), f);
        assertEquals(f, sample(Duplicates.SUM).build().fingerprint(), "equal data, equal fingerprint");
        assertNotEquals(f, sample(Duplicates.KEEP_LAST).build().fingerprint(), "another value");
        assertNotEquals(f, sample(Duplicates.SUM).add("9", "a", 0.5f, 50).build().fingerprint(), "another sum");
        assertNotEquals(f, sample(Duplicates.SUM).add("9", "a", 0f, 70).build().fingerprint(), "another time");
        Interactions renamed = Interactions.builder(Duplicates.SUM).add("10", "b", 3f, 100).add("9", "a", 1f, 50)
                .add("10", "a", 2f, 300).add("10", "b", 4f, 20).add("9", "z", 5f, 60).build();
        assertNotEquals(f, renamed.fingerprint(), "the same dense entries under other item ids");
        assertEquals(new DataFingerprint(0, 4, Interactions.builder(Duplicates.SUM).build().fingerprint().checksum()),
                Interactions.builder(Duplicates.SUM).build().fingerprint());
    }

    @Test
    void add_rejectsNonFiniteValueNamingThePair() {
        Interactions.Builder b = Interactions.builder(Duplicates.SUM);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.add("u7", "i3", Float.NaN, 0));
        assertEquals("value must be finite, got NaN for user 'u7' and item 'i3'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.add("u7", "i3", Float.NEGATIVE_INFINITY, 0));
        assertThrows(NullPointerException.class, () -> b.add(null, "i3", 1f, 0));
        assertThrows(NullPointerException.class, () -> b.add("u7", null, 1f, 0));
        assertThrows(NullPointerException.class, () -> Interactions.builder(null));
        assertEquals(0, b.size());
    }

    @Test
    void build_twiceOrAddAfterBuildIsIllegalState() {
        Interactions.Builder b = sample(Duplicates.SUM);
        b.build();
        assertThrows(IllegalStateException.class, b::build);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.add("1", "2", 1f, 0));
        assertTrue(e.getMessage().contains("build() was already called"), e.getMessage());
    }

    // ---------------------------------------------------------------- from transactions

    private static TransactionLog shop() {
        TransactionLog.Builder b = TransactionLog.builder(
                PurchaseRules.defaults().withCancellations(PurchaseRules.Cancellations.NET));
        b.add("1", "o1", "A", 10, 2, 1.0);
        b.add("1", "o1", "A", 11, 3, 1.0);     // A twice in one order: one order, two lines, quantity 5
        b.add("1", "o2", "A", 50, 1, 1.0);
        b.add("1", "o2", "B", 40, 4, 1.0);
        b.add("1", "c1", "B", 60, -4, 1.0, true);   // netted cancellation: ignored
        b.add("2", "o3", "B", 70, 1, 1.0);
        return b.build();
    }

    @Test
    void fromTransactions_ordersCountsAnItemOncePerOrder() {
        Interactions x = Interactions.fromTransactions(shop(), ImplicitValue.ORDERS);
        assertEntries(x, new String[][] {{"1", "A"}, {"1", "B"}, {"2", "B"}}, new float[] {2, 1, 1},
                new long[] {50, 40, 70});
        assertEquals(shop().customers(), x.users());
        assertEquals(shop().items(), x.items());
    }

    @Test
    void fromTransactions_quantitySumsUnits() {
        Interactions x = Interactions.fromTransactions(shop(), ImplicitValue.QUANTITY);
        assertEntries(x, new String[][] {{"1", "A"}, {"1", "B"}, {"2", "B"}}, new float[] {6, 4, 1},
                new long[] {50, 40, 70});
    }

    @Test
    void fromTransactions_linesCountsLines() {
        Interactions x = Interactions.fromTransactions(shop(), ImplicitValue.LINES);
        assertEntries(x, new String[][] {{"1", "A"}, {"1", "B"}, {"2", "B"}}, new float[] {3, 1, 1},
                new long[] {50, 40, 70});
    }

    @Test
    void fromTransactions_ignoresLinesWithoutItem() {
        TransactionLog.Builder b = TransactionLog.builder();
        b.add("1", "o1", "A", 10, 1, 1.0);
        b.add("1", "o1", null, 11, 1, 1.0);
        b.add("1", "o2", null, 12, 1, 1.0);
        b.add("2", "o3", null, 13, 1, 1.0);
        TransactionLog log = b.build();
        for (ImplicitValue v : ImplicitValue.values()) {
            Interactions x = Interactions.fromTransactions(log, v);
            assertEntries(x, new String[][] {{"1", "A"}}, new float[] {1}, new long[] {10});
            assertEquals(2, x.userCount(), v.toString());
            assertEquals(1, x.userEnd(1), v.toString());
        }
    }

    @Test
    void fromTransactions_rejectsLogWithoutItems() {
        TransactionLog.Builder b = TransactionLog.builder();
        b.addWithAmount("1", "o1", null, 10, 1, 9.99, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Interactions.fromTransactions(b.build(), ImplicitValue.ORDERS));
        assertTrue(e.getMessage().contains("has no items"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Interactions.fromTransactions(shop(), null));
    }

    // ---------------------------------------------------------------- properties

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void builder_matchesNaiveReference(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Duplicates policy = EnumDraws.any(Duplicates.class, rnd);
        boolean textUsers = rnd.nextBoolean();
        int users = 1 + rnd.nextInt(12);
        int items = 1 + rnd.nextInt(12);
        int n = rnd.nextInt(80);
        Interactions.Builder b = Interactions.builder(policy);
        // reference: (user, item) -> {value, time} in input order
        Map<List<String>, float[]> sums = new LinkedHashMap<>();
        Map<List<String>, Long> times = new LinkedHashMap<>();
        long duplicates = 0;
        for (int k = 0; k < n; k++) {
            String u = textUsers ? "user" + rnd.nextInt(users) : Integer.toString(rnd.nextInt(users) * 5);
            String i = Integer.toString(rnd.nextInt(items) * 3);
            float v = rnd.nextBoolean() ? 1 + rnd.nextInt(5) : (float) rnd.nextDouble(-10, 10);
            long t = rnd.nextInt(1000);
            b.add(u, i, v, t);
            List<String> key = List.of(u, i);
            float[] old = sums.get(key);
            if (old == null) {
                sums.put(key, new float[] {v});
                times.put(key, t);
                continue;
            }
            duplicates++;
            if (policy == Duplicates.KEEP_LAST) {
                old[0] = v;
                times.put(key, t);
            } else {
                old[0] += v;
                times.put(key, Math.max(times.get(key), t));
            }
        }
        String where = "seed=" + seed + " " + policy;
        if (policy == Duplicates.REJECT && duplicates > 0) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build, where);
            assertTrue(e.getMessage().startsWith("duplicate interaction for user '"), where);
            return;
        }
        Interactions x = b.build();
        assertEquals(duplicates, x.duplicatesResolved(), where);
        assertMatches(sums, times, x, where);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void fromTransactions_matchesNaiveReference(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        PurchaseRules rules = PurchaseRules.defaults().withCancellations(
                rnd.nextBoolean() ? PurchaseRules.Cancellations.NET : PurchaseRules.Cancellations.SKIP);
        List<Raw> raw = new ArrayList<>(RandomLogs.lines(rnd));
        if (rnd.nextInt(4) == 0) {   // some lines without item among lines with items
            raw.replaceAll(r -> rnd.nextInt(5) != 0 ? r : new Raw(r.customer(), r.order(), null, r.time(),
                    r.quantity(), r.price(), r.cancellation(), r.withAmount()));
        }
        TransactionLog log = RandomLogs.build(raw, rules);
        for (ImplicitValue value : ImplicitValue.values()) {
            String where = "seed=" + seed + " " + rules + " " + value;
            if (!log.hasItems()) {
                assertThrows(IllegalArgumentException.class, () -> Interactions.fromTransactions(log, value), where);
                continue;
            }
            // reference over the log's lines: (customer, item) -> value, latest time
            Map<List<String>, float[]> values = new LinkedHashMap<>();
            Map<List<String>, Long> times = new LinkedHashMap<>();
            Map<List<String>, Set<String>> orders = new LinkedHashMap<>();
            for (int i = 0; i < log.size(); i++) {
                if (log.isCancellation(i) || log.item(i) < 0) {
                    continue;
                }
                List<String> key = List.of(log.customers().id(log.customer(i)), log.items().id(log.item(i)));
                float[] v = values.computeIfAbsent(key, k -> new float[1]);
                orders.computeIfAbsent(key, k -> new HashSet<>()).add(log.orders().id(log.order(i)));
                switch (value) {
                    case QUANTITY -> v[0] += (float) log.quantity(i);
                    case LINES -> v[0] += 1;
                    case ORDERS -> v[0] = orders.get(key).size();
                }
                times.merge(key, log.time(i), Math::max);
            }
            Interactions x = Interactions.fromTransactions(log, value);
            assertEquals(log.customers(), x.users(), where);
            assertEquals(log.items(), x.items(), where);
            assertMatches(values, times, x, where);
        }
    }

    /** The interactions hold exactly the reference pairs, sorted by dense user then dense item. */
    private static void assertMatches(Map<List<String>, float[]> values, Map<List<String>, Long> times,
                                      Interactions x, String where) {
        assertEquals(values.size(), x.size(), where);
        for (int e = 0; e < x.size(); e++) {
            if (e > 0) {
                assertTrue(x.user(e - 1) < x.user(e) || (x.user(e - 1) == x.user(e) && x.item(e - 1) < x.item(e)),
                        where + ": entry " + e + " out of order");
            }
            List<String> key = List.of(x.users().id(x.user(e)), x.items().id(x.item(e)));
            float[] v = values.get(key);
            assertTrue(v != null, where + ": unexpected pair " + key);
            assertEquals(v[0], x.value(e), where + " " + key);
            assertEquals(times.get(key), x.time(e), where + " " + key);
        }
        for (int u = 0; u < x.userCount(); u++) {
            for (int e = x.userStart(u); e < x.userEnd(u); e++) {
                assertEquals(u, x.user(e), where);
            }
        }
        if (x.userCount() > 0) {
            assertEquals(x.size(), x.userEnd(x.userCount() - 1), where);
        }
        assertEquals(x.users().sorted(null), x.users(), where + ": users not in natural order");
        assertEquals(x.items().sorted(null), x.items(), where + ": items not in natural order");
    }

    private static void assertEntries(Interactions x, String[][] pairs, float[] values, long[] times) {
        assertEquals(pairs.length, x.size(), x.toString());
        for (int e = 0; e < pairs.length; e++) {
            String at = "entry " + e;
            assertEquals(pairs[e][0], x.users().id(x.user(e)), at);
            assertEquals(pairs[e][1], x.items().id(x.item(e)), at);
            assertEquals(values[e], x.value(e), at);
            assertEquals(times[e], x.time(e), at);
        }
    }
}
