package dev.retention.data;

import dev.retention.model.DataFingerprint;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransactionLogTest {

    /**
     * The hand-made log of the golden tests, default rules (cancellations skipped). Lines are added
     * out of order; the comment says what the rules do with each.
     */
    private static TransactionLog.Builder golden() {
        TransactionLog.Builder b = TransactionLog.builder();
        assertNull(b.add("10", "500", "A", 300, 2, 1.5));                          //  0 kept
        assertNull(b.add("9", "501", "B", 200, 1, 4.0));                           //  1 kept
        assertEquals(SkipReason.MISSING_CUSTOMER, b.add(null, "502", "A", 100, 1, 1.0));
        assertNull(b.add("10", "503", "B", 100, 3, 2.0));                          //  3 kept
        // blank customer with bad quantity and price: the first rule that fails counts
        assertEquals(SkipReason.MISSING_CUSTOMER, b.add(" ", "504", "A", 100, -1, 0));
        assertEquals(SkipReason.CANCELLATION, b.add("9", "C505", "A", 250, -1, 1.0, true));
        assertEquals(SkipReason.NON_POSITIVE_QUANTITY, b.add("9", "506", "C", 200, 0, 1.0));
        assertEquals(SkipReason.NON_POSITIVE_PRICE, b.add("9", "507", "C", 200, 1, 0.0));
        // quantity is checked before price
        assertEquals(SkipReason.NON_POSITIVE_QUANTITY, b.add("9", "508", "C", 200, -2, -1.0));
        assertNull(b.add("10", "500", "C", 300, 1, 10));                           //  9 kept, ties with line 0
        assertNull(b.add("9", "501", "A", 150, 5, 1.0));                           // 10 kept, before line 1
        assertNull(b.add("11", "509", "B", 50, 1, 2));                             // 11 kept
        assertNull(b.add("10", "500", "A", 50, 1, 1.5));                           // 12 kept, order 500 again
        assertNull(b.add("11", "501", "C", 400, 2, 3));                            // 13 kept, 501 shared with "9"
        // a cancellation is skipped as a cancellation even when its price is also bad
        assertEquals(SkipReason.CANCELLATION, b.add("9", "C505", "A", 250, 1, 0, true));
        return b;
    }

    @Test
    void expectLines_rejectsANegativeCountAndAUsedBuilder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransactionLog.builder().expectLines(-1));
        assertTrue(e.getMessage().startsWith("lines must be in [0, ") && e.getMessage().endsWith("got -1"),
                e.getMessage());
        TransactionLog.Builder b = TransactionLog.builder().expectLines(2);
        b.add("1", "o", "x", 10, 1, 2.0);
        b.build();
        assertThrows(IllegalStateException.class, () -> b.expectLines(5));
    }

    @Test
    void fingerprint_isCachedAndCoversEveryColumnTheIdsAndTheZone() {
        TransactionLog log = golden().build();
        DataFingerprint f = log.fingerprint();
        assertSame(f, log.fingerprint(), "computed once");
        assertEquals(new DataFingerprint(log.size(), 8, f.checksum()), f);
        assertEquals(f, golden().build().fingerprint(), "equal data, equal fingerprint");
        TransactionLog.Builder skippedMore = golden();
        skippedMore.add(null, "600", "A", 10, 1, 1.0);
        assertEquals(f, skippedMore.build().fingerprint(), "skipped lines are not part of the data");
        TransactionLog.Builder oneMore = golden();
        oneMore.add("9", "600", "A", 10, 1, 1.0);
        assertNotEquals(f, oneMore.build().fingerprint());
        assertNotEquals(f, golden().zone(ZoneId.of("Europe/London")).build().fingerprint(), "another zone");
        TransactionLog.Builder pricier = golden();
        pricier.add("11", "509", "B", 50, 1, 0.01);
        assertNotEquals(f, pricier.build().fingerprint(), "another amount");
        TransactionLog.Builder one = TransactionLog.builder();
        one.add("1", "o", "x", 10, 1, 2.0);
        TransactionLog.Builder renamed = TransactionLog.builder();
        renamed.add("2", "o", "x", 10, 1, 2.0);
        assertNotEquals(one.build().fingerprint(), renamed.build().fingerprint(), "the same line of another customer");
    }

    @Test
    void build_sortsByCustomerThenTimeThenInputOrder() {
        TransactionLog log = golden().build();

        // customers in numeric order: "9" before "10" before "11"
        assertTrue(log.customers().isNumeric());
        assertArrayEquals(new long[] {9, 10, 11}, log.customers().longIds());
        assertArrayEquals(new long[] {500, 501, 503, 509}, log.orders().longIds());
        assertEquals(List.of("A", "B", "C"), ids(log.items()));

        // expected lines: customer, order, item, time, quantity, price, amount
        Object[][] expected = {
                {"9", "501", "A", 150L, 5.0, 1.0, 5.0},     // line 10
                {"9", "501", "B", 200L, 1.0, 4.0, 4.0},     // line 1
                {"10", "500", "A", 50L, 1.0, 1.5, 1.5},     // line 12
                {"10", "503", "B", 100L, 3.0, 2.0, 6.0},    // line 3
                {"10", "500", "A", 300L, 2.0, 1.5, 3.0},    // line 0 (same time as line 9, added first)
                {"10", "500", "C", 300L, 1.0, 10.0, 10.0},  // line 9
                {"11", "509", "B", 50L, 1.0, 2.0, 2.0},     // line 11
                {"11", "501", "C", 400L, 2.0, 3.0, 6.0},    // line 13
        };
        assertEquals(expected.length, log.size());
        for (int i = 0; i < expected.length; i++) {
            Object[] e = expected[i];
            String at = "line " + i;
            assertEquals(e[0], log.customers().id(log.customer(i)), at);
            assertEquals(e[1], log.orders().id(log.order(i)), at);
            assertEquals(e[2], log.items().id(log.item(i)), at);
            assertEquals(e[3], log.time(i), at);
            assertEquals(e[4], log.quantity(i), at);
            assertEquals(e[5], log.unitPrice(i), at);
            assertEquals(e[6], log.amount(i), at);
            assertFalse(log.isCancellation(i), at);
        }
        assertArrayEquals(new int[] {0, 2, 6}, new int[] {log.lineStart(0), log.lineStart(1), log.lineStart(2)});
        assertEquals(8, log.lineEnd(2));
        assertEquals(50, log.minTime());
        assertEquals(400, log.maxPurchaseTime());
        assertFalse(log.hasCancellations());
        assertTrue(log.hasItems());
        assertEquals(3, log.customerCount());
        assertEquals(4, log.orderCount());
        assertEquals(3, log.itemCount());
        assertEquals(ZoneOffset.UTC, log.zone());
    }

    @Test
    void build_countsSkippedLinesByTheFirstFailingRule() {
        LineCounts counts = golden().build().lineCounts();
        assertEquals(15, counts.read());
        assertEquals(8, counts.kept());
        assertEquals(0, counts.netted());
        assertEquals(7, counts.skipped());
        assertEquals(2, counts.skipped(SkipReason.MISSING_CUSTOMER));
        assertEquals(2, counts.skipped(SkipReason.CANCELLATION));
        assertEquals(2, counts.skipped(SkipReason.NON_POSITIVE_QUANTITY));
        assertEquals(1, counts.skipped(SkipReason.NON_POSITIVE_PRICE));
        assertEquals(0, counts.skipped(SkipReason.MALFORMED));
        assertEquals("lines read 15, kept 8, skipped 7: missing customer 2, cancellation 2, "
                + "non-positive quantity 2, non-positive price 1", counts.toString());
    }

    @Test
    void countMalformed_addsToReadAndSkipped() {
        TransactionLog.Builder b = golden();
        b.countMalformed();
        b.countMalformed();
        LineCounts counts = b.build().lineCounts();
        assertEquals(17, counts.read());
        assertEquals(2, counts.skipped(SkipReason.MALFORMED));
    }

    @Test
    void orders_aggregatesNonAdjacentLinesAndSplitsSharedOrderIds() {
        TransactionLog log = golden().build();
        Orders orders = log.orders(false);
        // customer 9: order 501 (lines at 150 and 200)
        // customer 10: order 500 (lines at 50, 300, 300 with order 503 at 100 in between), then 503
        // customer 11: order 509, then its own order 501 (the id is shared with customer 9)
        assertEquals(5, orders.size());
        assertEquals(3, orders.customerCount());
        String[] orderId = {"501", "500", "503", "509", "501"};
        int[] customer = {0, 1, 1, 2, 2};
        long[] time = {150, 50, 100, 50, 400};
        double[] amount = {5 + 4, 1.5 + 3 + 10, 6, 2, 6};
        double[] quantity = {6, 4, 3, 1, 2};
        int[] lines = {2, 3, 1, 1, 1};
        for (int o = 0; o < 5; o++) {
            String at = "order " + o;
            assertEquals(orderId[o], log.orders().id(orders.orderId(o)), at);
            assertEquals(customer[o], orders.customer(o), at);
            assertEquals(time[o], orders.time(o), at);
            assertEquals(amount[o], orders.amount(o), at);
            assertEquals(quantity[o], orders.quantity(o), at);
            assertEquals(lines[o], orders.lineCount(o), at);
            assertFalse(orders.isCancellation(o), at);
        }
        assertArrayEquals(new int[] {0, 1, 3, 5}, new int[] {orders.orderStart(0), orders.orderStart(1),
                orders.orderStart(2), orders.orderEnd(2)});
        assertEquals("Orders: 5 orders of 3 customers", orders.toString());
    }

    @Test
    void before_keepsEarlierLinesAndDropsCustomersWithoutPurchase() {
        TransactionLog log = golden().build();
        TransactionLog early = log.before(300);
        assertEquals(5, early.size());
        assertArrayEquals(new long[] {9, 10, 11}, early.customers().longIds());
        assertArrayEquals(new long[] {150, 200, 50, 100, 50}, early.times());

        TransactionLog earliest = log.before(100);   // strictly before: lines at 50 only
        assertArrayEquals(new long[] {10, 11}, earliest.customers().longIds());
        assertArrayEquals(new long[] {500, 509}, earliest.orders().longIds());
        assertEquals(List.of("A", "B"), ids(earliest.items()));
        assertEquals(new LineCounts(2, 0, new long[5]), earliest.lineCounts());

        ZoneId paris = ZoneId.of("Europe/Paris");
        TransactionLog zoned = golden().zone(paris).build();
        assertEquals(paris, zoned.before(100).zone());
        assertTrue(log.before(50).isEmpty());
        assertEquals(log.size(), log.before(401).size());
    }

    // ---------------------------------------------------------------- netted cancellations

    /** A log with cancellations netted; "X" has only cancellations. */
    private static TransactionLog.Builder netted() {
        TransactionLog.Builder b = TransactionLog.builder(
                PurchaseRules.defaults().withCancellations(PurchaseRules.Cancellations.NET));
        assertNull(b.add("2", "C1", "A", 500, -2, 1.0, true));                        // kept as -2
        assertNull(b.add("2", "100", "A", 100, 3, 1.0));
        assertNull(b.add("X", "C2", "B", 200, -1, 5.0, true));                        // dropped in build()
        assertNull(b.add("10", "101", "B", 300, 1, 5));
        assertNull(b.add("2", "C3", "A", 600, 3, 1.0, true));                         // positive given: kept as -3
        assertEquals(SkipReason.NON_POSITIVE_QUANTITY, b.add("2", "C4", "A", 700, 0, 1, true));
        assertEquals(SkipReason.NON_POSITIVE_PRICE, b.add("2", "C5", "A", 700, -1, 0, true));
        assertNull(b.add("X", "C2", "A", 200, -1, 1, true));                          // dropped in build()
        assertEquals(SkipReason.MISSING_CUSTOMER, b.add(null, "C6", "A", 200, -1, 1, true));
        assertNull(b.add("5", "C9", "A", 50, -1, 1, true));                           // cancels before buying
        assertNull(b.add("5", "102", "A", 400, 1, 1));
        return b;
    }

    @Test
    void build_netsCancellationsAndDropsCancellationOnlyCustomers() {
        TransactionLog log = netted().build();
        // "X" is gone, so the remaining customer ids are all numbers, in numeric order
        assertTrue(log.customers().isNumeric(), log.customers().toString());
        assertArrayEquals(new long[] {2, 5, 10}, log.customers().longIds());
        // order ids with a C are text, in String order; C2 belonged to X only and is gone
        assertEquals(List.of("100", "101", "102", "C1", "C3", "C9"), ids(log.orders()));
        assertEquals(List.of("A", "B"), ids(log.items()));

        Object[][] expected = {
                // customer, order, time, quantity, amount, cancellation
                {"2", "100", 100L, 3.0, 3.0, false},
                {"2", "C1", 500L, -2.0, -2.0, true},
                {"2", "C3", 600L, -3.0, -3.0, true},
                {"5", "C9", 50L, -1.0, -1.0, true},
                {"5", "102", 400L, 1.0, 1.0, false},
                {"10", "101", 300L, 1.0, 5.0, false},
        };
        assertEquals(expected.length, log.size());
        for (int i = 0; i < expected.length; i++) {
            Object[] e = expected[i];
            String at = "line " + i;
            assertEquals(e[0], log.customers().id(log.customer(i)), at);
            assertEquals(e[1], log.orders().id(log.order(i)), at);
            assertEquals(e[2], log.time(i), at);
            assertEquals(e[3], log.quantity(i), at);
            assertEquals(e[4], log.amount(i), at);
            assertEquals(e[5], log.isCancellation(i), at);
            assertTrue(log.unitPrice(i) > 0, at);
        }
        assertTrue(log.hasCancellations());
        assertEquals(50, log.minTime());
        assertEquals(400, log.maxPurchaseTime());   // the cancellation at 600 is not a purchase

        LineCounts counts = log.lineCounts();
        assertEquals(11, counts.read());
        assertEquals(6, counts.kept());
        assertEquals(3, counts.netted());
        assertEquals(1, counts.skipped(SkipReason.MISSING_CUSTOMER));
        assertEquals(2, counts.skipped(SkipReason.CANCELLATION));    // X's two lines
        assertEquals(1, counts.skipped(SkipReason.NON_POSITIVE_QUANTITY));
        assertEquals(1, counts.skipped(SkipReason.NON_POSITIVE_PRICE));
        assertTrue(counts.toString().contains("(3 netted cancellations)"), counts.toString());
    }

    @Test
    void orders_includeNettedCancellationsOnlyWhenAsked() {
        TransactionLog log = netted().build();
        Orders purchases = log.orders(false);
        assertEquals(3, purchases.size());
        assertEquals(List.of("100", "102", "101"), orderIds(log, purchases));

        Orders all = log.orders(true);
        assertEquals(List.of("100", "C1", "C3", "C9", "102", "101"), orderIds(log, all));
        boolean[] cancelled = {false, true, true, true, false, false};
        for (int o = 0; o < all.size(); o++) {
            assertEquals(cancelled[o], all.isCancellation(o), "order " + o);
        }
        assertEquals(-3.0, all.amount(2));
        assertEquals(3, all.orderEnd(0));
    }

    @Test
    void before_dropsCustomersLeftWithOnlyCancellationsAndCountsThem() {
        TransactionLog log = netted().build();
        // before 200: customer 2 keeps its purchase at 100; customer 5 has only its cancellation at 50
        TransactionLog early = log.before(200);
        assertArrayEquals(new long[] {2}, early.customers().longIds());
        assertEquals(1, early.size());
        assertFalse(early.hasCancellations());
        LineCounts counts = early.lineCounts();
        assertEquals(2, counts.read());
        assertEquals(1, counts.kept());
        assertEquals(1, counts.skipped(SkipReason.CANCELLATION));

        TransactionLog mid = log.before(550);
        assertEquals(5, mid.size());
        assertEquals(2, mid.lineCounts().netted());
        assertTrue(mid.hasCancellations());
        assertArrayEquals(new long[] {2, 5, 10}, mid.customers().longIds());
    }

    @Test
    void build_textIdsOfDroppedLinesDoNotChangeTheOrderOfNumericIds() {
        // "x" has a purchase line with a bad price: it is skipped and never becomes a customer
        TransactionLog.Builder b = TransactionLog.builder();
        b.add("10", "2", "A", 0, 1, 1);
        b.add("x", "xx", "zz", 0, 1, 0);
        b.add("9", "10", "B", 0, 1, 1);
        TransactionLog log = b.build();
        assertArrayEquals(new long[] {9, 10}, log.customers().longIds());
        assertArrayEquals(new long[] {2, 10}, log.orders().longIds());
    }

    @Test
    void build_ordersMixedIdsAsText() {
        TransactionLog.Builder b = TransactionLog.builder();
        b.add("9", "1", "A", 0, 1, 1);
        b.add("10", "2", "A", 0, 1, 1);
        b.add("abc", "3", "A", 0, 1, 1);
        TransactionLog log = b.build();
        assertEquals(List.of("10", "9", "abc"), ids(log.customers()));
    }

    // ---------------------------------------------------------------- amounts instead of prices

    @Test
    void addWithAmount_derivesUnitPriceAndAppliesThePriceRuleToTheAmount() {
        TransactionLog.Builder b = TransactionLog.builder();
        assertNull(b.addWithAmount("1", "o1", null, 10, 2, 30.0, false));
        assertEquals(SkipReason.NON_POSITIVE_QUANTITY, b.addWithAmount("1", "o2", null, 10, 0, 30.0, false));
        assertEquals(SkipReason.NON_POSITIVE_PRICE, b.addWithAmount("1", "o3", null, 10, 2, 0.0, false));
        assertEquals(SkipReason.NON_POSITIVE_PRICE, b.addWithAmount("1", "o4", null, 10, 2, -5.0, false));
        TransactionLog log = b.build();
        assertEquals(1, log.size());
        assertEquals(15.0, log.unitPrice(0));
        assertEquals(30.0, log.amount(0));
        assertEquals(-1, log.item(0));
        assertFalse(log.hasItems());
        assertEquals(2, log.lineCounts().skipped(SkipReason.NON_POSITIVE_PRICE));
    }

    @Test
    void addWithAmount_netsCancellations() {
        TransactionLog.Builder b = TransactionLog.builder(
                PurchaseRules.defaults().withCancellations(PurchaseRules.Cancellations.NET));
        b.addWithAmount("1", "o1", null, 10, 2, 30.0, false);
        b.addWithAmount("1", "c1", null, 20, -1, -15.0, true);
        TransactionLog log = b.build();
        assertEquals(-1.0, log.quantity(1));
        assertEquals(15.0, log.unitPrice(1));
        assertEquals(-15.0, log.amount(1));
        assertTrue(log.isCancellation(1));
    }

    // ---------------------------------------------------------------- bad input and misuse

    @Test
    void add_rejectsNonFiniteQuantity() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransactionLog.builder().add("1", "o", "i", 0, Double.NaN, 1.0));
        assertEquals("quantity must be finite and within +-1.0E15 (TransactionLog.MAX_MAGNITUDE), got NaN", e.getMessage());
    }

    @Test
    void add_rejectsNonFinitePrice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransactionLog.builder().add("1", "o", "i", 0, 1, Double.POSITIVE_INFINITY));
        assertEquals("unitPrice must be finite and within +-1.0E15 (TransactionLog.MAX_MAGNITUDE), got Infinity", e.getMessage());
    }

    @Test
    void addWithAmount_rejectsNonFiniteAmount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransactionLog.builder().addWithAmount("1", "o", null, 0, 1, Double.NEGATIVE_INFINITY, false));
        assertEquals("amount must be finite and within +-1.0E15 (TransactionLog.MAX_MAGNITUDE), got -Infinity", e.getMessage());
    }

    @Test
    void add_rejectsNullOrderId() {
        TransactionLog.Builder b = TransactionLog.builder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.add("1", null, "i", 0, 1, 1.0));
        assertTrue(e.getMessage().contains("orderId"), e.getMessage());
        // also for a line that the rules would skip: the input is wrong, not the purchase
        assertThrows(IllegalArgumentException.class, () -> b.add(null, null, "i", 0, 1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> b.addWithAmount("1", null, null, 0, 1, 1.0, false));
        assertEquals(0, b.build().lineCounts().read());
    }

    @Test
    void build_twiceIsIllegalState() {
        TransactionLog.Builder b = golden();
        b.build();
        IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
        assertTrue(e.getMessage().contains("build() was already called"), e.getMessage());
    }

    @Test
    void add_afterBuildIsIllegalState() {
        TransactionLog.Builder b = golden();
        TransactionLog log = b.build();
        assertThrows(IllegalStateException.class, () -> b.add("1", "o", "i", 0, 1, 1.0));
        // a line the rules would skip must not be counted into a log that is already built either
        assertThrows(IllegalStateException.class, () -> b.add(null, "o", "i", 0, 1, 1.0));
        assertThrows(IllegalStateException.class, b::countMalformed);
        assertEquals(15, log.lineCounts().read());
    }

    @Test
    void emptyLog_hasNoTimes() {
        TransactionLog log = TransactionLog.builder().build();
        assertTrue(log.isEmpty());
        assertEquals(0, log.customerCount());
        assertEquals(0, log.orders(true).size());
        IllegalStateException e = assertThrows(IllegalStateException.class, log::minTime);
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertThrows(IllegalStateException.class, log::maxPurchaseTime);
        assertTrue(log.toString().startsWith("TransactionLog: 0 lines, 0 customers"), log.toString());
    }

    @Test
    void builder_rejectsNullRulesAndZone() {
        assertThrows(NullPointerException.class, () -> TransactionLog.builder(null));
        assertThrows(NullPointerException.class, () -> TransactionLog.builder().zone(null));
        assertThrows(NullPointerException.class, () -> new PurchaseRules(null, false));
    }

    @Test
    void accessors_copyTheirArrays() {
        TransactionLog log = golden().build();
        log.times()[0] = -1;
        log.amounts()[0] = -1;
        log.customerColumn()[0] = -1;
        log.itemColumn()[0] = -1;
        assertEquals(150, log.time(0));
        assertEquals(5.0, log.amount(0));
        assertEquals(0, log.customer(0));
        assertEquals(0, log.item(0));
    }

    @Test
    void toString_showsSizesPeriodCountsAndFirstLines() {
        String s = golden().zone(ZoneId.of("Europe/London")).build().toString();
        assertTrue(s.startsWith("TransactionLog: 8 lines, 3 customers, 4 orders, 3 items, "
                + "1970-01-01 01:00:50 .. 1970-01-01 01:06:40 (Europe/London)"), s);
        assertTrue(s.contains("lines read 15, kept 8"), s);
        assertTrue(s.contains("customer"), s);
        assertTrue(s.endsWith("...\n"), s);
    }

    private static List<String> ids(IdIndex index) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < index.size(); i++) {
            out.add(index.id(i));
        }
        return out;
    }

    private static List<String> orderIds(TransactionLog log, Orders orders) {
        List<String> out = new ArrayList<>();
        for (int o = 0; o < orders.size(); o++) {
            out.add(log.orders().id(orders.orderId(o)));
        }
        return out;
    }
}
