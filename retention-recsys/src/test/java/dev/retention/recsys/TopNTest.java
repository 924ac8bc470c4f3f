package dev.retention.recsys;

import dev.retention.recsys.baseline.BaselineOnly;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopNTest {

    /**
     * BaselineOnly ranks items by b_i for every user (golden ALS table of {@link RecsysFixture}, row 1:
     * item 2 3.458, item 0 3.386, item 1 3.320, item 5 3.316 (unknown: mu + b_u), item 4 3.246, item 3 3.174).
     * User 1 rated 0, 2 and 3, so the unseen ranking is 1, 5, 4.
     */
    @Test
    void recommend_unseenItemsBestFirst() {
        Ratings r = RecsysFixture.ratings();
        Recommendations rec = TopN.recommend(BaselineOnly.fit(r), r, 1, 10);
        assertArrayEquals(new int[] {1, 5, 4}, rec.items());
        assertEquals((float) RecsysFixture.BASELINEALS[1][1], rec.scores()[0], 1e-6);
        assertArrayEquals(new int[] {1}, TopN.recommend(BaselineOnly.fit(r), r, 1, 1).items());
        assertTrue(rec.toString().contains("Top 3 for user 1"), rec.toString());
    }

    @Test
    void recommend_rejectsBadArguments() {
        Ratings r = RecsysFixture.ratings();
        BaselineOnly m = BaselineOnly.fit(r);
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> TopN.recommend(m, r, 0, 0));
        assertTrue(n.getMessage().contains("n must be >= 1, got 0"), n.getMessage());
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> TopN.recommend(m, r, 7, 3));
        assertTrue(u.getMessage().contains("user must be in [0, 7), got 7"), u.getMessage());
    }
}
