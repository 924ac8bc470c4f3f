package dev.retention.recsys;

import dev.retention.data.Interactions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatingsTest {

    private static Interactions interactions() {
        return Interactions.builder(Interactions.Duplicates.KEEP_LAST)
                .add("alice", "m1", 4, 0)
                .add("alice", "m2", 7, 0)       // outside 1..5
                .add("bob", "m1", 2, 0)
                .add("bob", "m1", 3, 0)         // duplicate: the last wins
                .build();
    }

    @Test
    void of_rejectsRatingsOutsideTheScale_namingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ratings.of(interactions(), RatingScale.oneToFive(), RatingScale.OutOfScale.REJECT));
        assertTrue(e.getMessage().contains("rating 7.0") && e.getMessage().contains("'alice'")
                && e.getMessage().contains("'m2'") && e.getMessage().contains("[1.0, 5.0]"), e.getMessage());
    }

    @Test
    void of_dropsAndCountsOutOfScale_andKeepsDuplicateCount() {
        Ratings r = Ratings.of(interactions(), RatingScale.oneToFive(), RatingScale.OutOfScale.DROP);
        assertEquals(2, r.size());
        assertEquals(1, r.droppedOutOfScale());
        assertEquals(1, r.duplicatesResolved());
        assertEquals(3f, r.byUser().get(r.users().indexOf("bob"), r.items().indexOf("m1")));
        assertEquals(3.5, r.globalMean(), 1e-12);
        assertTrue(r.toString().contains("1 dropped outside the scale"), r.toString());
        assertTrue(r.knowsItem(r.items().indexOf("m1")));
        assertTrue(!r.knowsItem(r.items().indexOf("m2")), "m2 has no rating left, but keeps its index");
    }

    @Test
    void of_rejectsRepeatedPairsAndBadScales() {
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> Ratings.of(2, 2,
                new int[] {0, 0}, new int[] {1, 1}, new float[] {1, 2}, RatingScale.oneToFive()));
        assertTrue(dup.getMessage().contains("1 repeated pairs"), dup.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RatingScale(5, 1));
        assertThrows(IllegalArgumentException.class, () -> new RatingScale(Double.NaN, 1));
    }

    @Test
    void subset_keepsIdSpaces() {
        Ratings r = RecsysFixture.ratings();
        Ratings s = r.subset(new int[] {3, 0});
        assertEquals(7, s.userCount());
        assertEquals(6, s.itemCount());
        assertEquals(2, s.size());
        assertEquals(5f, s.byUser().get(0, 0));
        assertEquals(1f, s.byUser().get(0, 4));
        assertThrows(IllegalArgumentException.class, () -> r.subset(new int[] {1, 1}));
    }
}
