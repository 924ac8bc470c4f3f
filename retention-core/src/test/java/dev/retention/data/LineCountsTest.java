package dev.retention.data;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LineCountsTest {

    @Test
    void counts_addUpToLinesRead() {
        LineCounts c = new LineCounts(10, 2, new long[] {1, 2, 3, 4, 5});
        assertEquals(25, c.read());
        assertEquals(15, c.skipped());
        assertEquals(3, c.skipped(SkipReason.NON_POSITIVE_QUANTITY));
        assertEquals(Map.of(SkipReason.MISSING_CUSTOMER, 1L, SkipReason.CANCELLATION, 2L,
                SkipReason.NON_POSITIVE_QUANTITY, 3L, SkipReason.NON_POSITIVE_PRICE, 4L, SkipReason.MALFORMED, 5L),
                c.skippedByReason());
        assertEquals(List.of(SkipReason.values()), List.copyOf(c.skippedByReason().keySet()));
        assertEquals("lines read 25, kept 10 (2 netted cancellations), skipped 15: missing customer 1, "
                + "cancellation 2, non-positive quantity 3, non-positive price 4, malformed record 5", c.toString());
    }

    @Test
    void none_isAllZero() {
        assertEquals(0, LineCounts.none().read());
        assertEquals("lines read 0, kept 0, skipped 0", LineCounts.none().toString());
        assertEquals(new LineCounts(0, 0, new long[5]), LineCounts.none());
        assertEquals(LineCounts.none().hashCode(), new LineCounts(0, 0, new long[5]).hashCode());
        assertNotEquals(LineCounts.none(), new LineCounts(1, 0, new long[5]));
    }

    @Test
    void constructor_copiesSkipCounts() {
        long[] skipped = new long[5];
        LineCounts c = new LineCounts(0, 0, skipped);
        skipped[0] = 7;
        assertEquals(0, c.skipped());
    }

    @Test
    void constructor_rejectsBadCountsWithMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LineCounts(1, 0, new long[4]));
        assertEquals("skipped must have 5 entries, got 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LineCounts(1, 2, new long[5]));
        assertEquals("need 0 <= netted <= kept, got kept=1, netted=2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LineCounts(-1, 0, new long[5]));
        assertEquals("need 0 <= netted <= kept, got kept=-1, netted=0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LineCounts(1, 0, new long[] {0, -1, 0, 0, 0}));
        assertEquals("skip counts must be >= 0, got [0, -1, 0, 0, 0]", e.getMessage());
    }

    @Test
    void skipReason_labels() {
        assertEquals("missing customer", SkipReason.MISSING_CUSTOMER.label());
        assertEquals("malformed record", SkipReason.MALFORMED.label());
    }

    @Test
    void purchaseRules_defaultsSkipCancellations() {
        assertEquals(PurchaseRules.Cancellations.SKIP, PurchaseRules.defaults().cancellations());
        assertEquals(PurchaseRules.Cancellations.NET,
                PurchaseRules.defaults().withCancellations(PurchaseRules.Cancellations.NET).cancellations());
    }
}
