package dev.retention.recsys.evaluation;

import dev.retention.data.TransactionLog;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.popularity.Popularity;
import dev.retention.recsys.popularity.PopularityModel;
import dev.retention.recsys.popularity.PopularityOptions;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Periods, hit rates and the popularity baseline on a shop small enough to check by hand. */
class PurchasePeriodTest {

    static Instant day(int d) {
        return Instant.ofEpochSecond(86_400L * d);
    }

    /**
     * Before day 10: c1 buys A and B (order o1) and A again (o2); c2 buys A (o3) and C (o4); c3 buys B (o5); c4
     * buys D (o6). Items A, B, C, D get dense indexes 0..3. During [10, 20): c1 buys C (new to c1); c2 buys A
     * again (not new) and cancels an order of B (not a purchase); c3 buys E (new to the shop); c5 (unknown
     * before) buys A. On day 25, after the period, c4 buys A.
     */
    static TransactionLog shop() {
        TransactionLog.Builder b = TransactionLog.builder();
        b.add("c1", "o1", "A", day(1).getEpochSecond(), 1, 2);
        b.add("c1", "o1", "B", day(1).getEpochSecond(), 1, 2);
        b.add("c1", "o2", "A", day(2).getEpochSecond(), 1, 2);
        b.add("c2", "o3", "A", day(3).getEpochSecond(), 1, 2);
        b.add("c2", "o4", "C", day(4).getEpochSecond(), 1, 2);
        b.add("c3", "o5", "B", day(5).getEpochSecond(), 1, 2);
        b.add("c4", "o6", "D", day(6).getEpochSecond(), 1, 2);
        b.add("c1", "o7", "C", day(11).getEpochSecond(), 1, 2);
        b.add("c2", "o8", "A", day(12).getEpochSecond(), 1, 2);
        b.add("c2", "C9", "B", day(12).getEpochSecond(), -1, 2, true);
        b.add("c3", "o10", "E", day(13).getEpochSecond(), 1, 2);
        b.add("c5", "o11", "A", day(14).getEpochSecond(), 1, 2);
        b.add("c4", "o12", "A", day(25).getEpochSecond(), 1, 2);
        return b.build();
    }

    @Test
    void of_findsTheKnownCustomersWhoBoughtSomethingNewToThem() {
        PurchasePeriod p = PurchasePeriod.of(shop(), day(10), day(20));
        Ratings train = p.train();
        assertEquals(4, train.userCount());
        assertEquals(4, train.itemCount());
        assertEquals(2f, train.byUser().get(train.users().indexOf("c1"), train.items().indexOf("A")),
                "two orders of c1 hold A");
        assertEquals(2, p.customers());
        assertEquals("c1", train.users().id(p.customer(0)));
        assertArrayEquals(new int[] {train.items().indexOf("C")}, p.newItems(0));
        assertEquals("c3", train.users().id(p.customer(1)));
        assertArrayEquals(new int[0], p.newItems(1), "E is new to the shop: bought, but never recommendable");
        assertEquals(day(10), p.start());
        assertEquals(day(20), p.end());
        assertTrue(p.toString().contains("2 customers"), p.toString());
        // with the purchase on day 25 inside the period, c4 counts too
        assertEquals(3, PurchasePeriod.of(shop(), day(10), day(30)).customers());
    }

    /**
     * Popularity by customers before day 10: A 2 (c1, c2), B 2 (c1, c3), C 1, D 1. c1 has A and B, so its top 1
     * is C (the smaller index of the two at 1), which it bought: a hit. c3 has B, so its top 2 are A and C; it
     * bought only E: a miss. Hit rate 1 of 2.
     */
    @Test
    void hitRate_ofThePopularityBaseline_byHand() {
        PurchasePeriod p = PurchasePeriod.of(shop(), day(10), day(20));
        PopularityModel pop = Popularity.fit(p.train(), PopularityOptions.defaults());
        assertArrayEquals(new double[] {2, 2, 1, 1}, pop.popularity());
        HitRate one = HitRate.compute(pop, p, 1);
        assertEquals(new HitRate(1, 2), one);
        assertEquals(0.5, one.rate().getAsDouble());
        assertEquals(new HitRate(1, 2), HitRate.compute(pop, p, 2));
        assertTrue(one.toString().contains("50.0% (1 of 2 customers)"), one.toString());
        PopularityModel byOrders = Popularity.fit(p.train(), PopularityOptions.defaults()
                .withMeasure(PopularityOptions.Measure.SUM));
        assertArrayEquals(new double[] {3, 2, 1, 1}, byOrders.popularity(), "A is in three orders");
    }

    @Test
    void hitRate_withoutCustomers_hasNoRate_andBadArgumentsAreRefused() {
        HitRate none = new HitRate(0, 0);
        assertFalse(none.rate().isPresent());
        assertTrue(none.toString().contains("n/a"));
        IllegalArgumentException counts = assertThrows(IllegalArgumentException.class, () -> new HitRate(3, 2));
        assertTrue(counts.getMessage().contains("got hits 3 and customers 2"), counts.getMessage());
        PurchasePeriod p = PurchasePeriod.of(shop(), day(10), day(20));
        PopularityModel pop = Popularity.fit(p.train(), PopularityOptions.defaults());
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> HitRate.compute(pop, p, 0));
        assertTrue(n.getMessage().contains("n must be >= 1, got 0"), n.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> PurchasePeriod.of(shop(), day(20), day(10)));
        assertTrue(order.getMessage().contains("end must be after start"), order.getMessage());
        IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
                () -> PurchasePeriod.of(shop(), day(0), day(10)));
        assertTrue(early.getMessage().contains("no purchase before"), early.getMessage());
    }
}
