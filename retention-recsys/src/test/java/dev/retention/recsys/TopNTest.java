package dev.retention.recsys;

import dev.retention.data.IdIndex;
import dev.retention.recsys.baseline.BaselineOnly;
import dev.retention.recsys.baseline.BaselineOnlyModel;
import dev.retention.recsys.baseline.BaselineOptions;
import dev.retention.recsys.sparse.CsrMatrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
        BaselineOnlyModel m = BaselineOnly.fit(r, BaselineOptions.defaults());
        Recommendations rec = TopN.recommend(m, r, 1, 10);
        assertArrayEquals(new int[] {1, 5, 4}, rec.items());
        assertEquals((float) RecsysFixture.Golden.BASELINEALS.estimate(1, 1), rec.scores()[0], 1e-6);
        assertArrayEquals(new int[] {1}, TopN.recommend(m, r, 1, 1).items());
        assertTrue(rec.toString().contains("Top 3 for user 1"), rec.toString());
    }

    @Test
    void recommend_rejectsBadArguments() {
        Ratings r = RecsysFixture.ratings();
        BaselineOnlyModel m = BaselineOnly.fit(r, BaselineOptions.defaults());
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> TopN.recommend(m, r, 0, 0));
        assertTrue(n.getMessage().contains("n must be >= 1, got 0"), n.getMessage());
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> TopN.recommend(m, r, 7, 3));
        assertTrue(u.getMessage().contains("user must be in [0, 7), got 7"), u.getMessage());
    }

    /** The fixture with external ids: users u0..u6, items i0..i5 in reverse order of index. */
    private static Ratings withIds() {
        Ratings r = RecsysFixture.ratings();
        return Ratings.of(r.byUser(), r.scale(), IdIndex.ofStrings("u0", "u1", "u2", "u3", "u4", "u5", "u6"),
                IdIndex.ofStrings("i5", "i4", "i3", "i2", "i1", "i0"));
    }

    @Test
    void recommendations_printExternalIds_copyTheirArrays_andAreEqualByContent() {
        Ratings r = withIds();
        BaselineOnlyModel m = BaselineOnly.fit(r, BaselineOptions.defaults());
        Recommendations rec = TopN.recommend(m, r, 1, 2);
        assertEquals("u1", rec.userId());
        assertEquals("i4", rec.itemId(0), "dense item 1 is 'i4'");
        String text = rec.toString();
        assertTrue(text.contains("Top 2 for user u1") && text.contains("i4") && text.contains("i0"), text);
        int[] items = rec.items();
        items[0] = 5;
        float[] scores = rec.scores();
        scores[0] = 0;
        assertEquals(1, rec.item(0), "the caller's copy does not write through");
        assertTrue(rec.score(0) > 3);
        assertEquals(rec, TopN.recommend(m, r, 1, 2));
        assertEquals(rec.hashCode(), TopN.recommend(m, r, 1, 2).hashCode());
        assertNotEquals(rec, TopN.recommend(m, r, 1, 3));
        assertNotEquals(rec, TopN.recommend(m, RecsysFixture.ratings(), 1, 2), "other ids");
        assertTrue(rec.contains(5) && !rec.contains(0));
        // the constructor copies too, and checks its arguments
        int[] given = {2, 3};
        Recommendations made = new Recommendations(r.users(), r.items(), 0, given, new float[] {2, 1});
        given[0] = 4;
        assertEquals(2, made.item(0));
        assertThrows(IllegalArgumentException.class,
                () -> new Recommendations(r.users(), r.items(), 0, new int[] {6}, new float[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> new Recommendations(r.users(), r.items(), 7, new int[0], new float[0]));
        assertThrows(IllegalArgumentException.class,
                () -> new Recommendations(r.users(), r.items(), 0, new int[] {1}, new float[] {Float.NaN}));
        assertFalse(made.contains(4));
    }

    @Test
    void ratings_fingerprint_isCachedAndSeesEveryRating() {
        Ratings r = RecsysFixture.ratings();
        assertEquals(r.fingerprint(), r.fingerprint());
        assertEquals(20, r.fingerprint().rows());
        assertEquals(3, r.fingerprint().columns());
        assertEquals(r.fingerprint(), RecsysFixture.ratings().fingerprint(), "the same ratings, the same print");
        float[] v = r.byUser().values();
        v[7] = v[7] == 5 ? 4 : v[7] + 1;
        Ratings changed = Ratings.of(r.byUser().withValues(v), r.scale());
        assertNotEquals(r.fingerprint(), changed.fingerprint());
        CsrMatrix wider = CsrMatrix.of(7, 7, r.byUser().rowPointers(), r.byUser().columnIndices(), r.byUser().values());
        assertNotEquals(r.fingerprint(), Ratings.of(wider, r.scale()).fingerprint(), "another item id space");
    }
}
