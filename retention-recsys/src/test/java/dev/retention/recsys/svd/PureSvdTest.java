package dev.retention.recsys.svd;

import dev.retention.recsys.RecsysFixture;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.Recommendations;
import dev.retention.recsys.TopN;
import dev.retention.recsys.sparse.SvdOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PureSvdTest {

    /**
     * At full rank (factors = min(users, items) = 6) the projection r_u Q Q^T is r_u itself, so the
     * scores reproduce the rating matrix with zeros for missing ratings (Cremonesi et al. 2010, eq. 6).
     */
    @Test
    void fullRank_scoresReproduceTheRatingMatrix() {
        Ratings r = RecsysFixture.ratings();
        PureSvd m = PureSvd.fit(r, SvdOptions.defaults().withRank(6));
        double[] scores = new double[6];
        for (int u = 0; u < 7; u++) {
            m.scoreItems(u, scores);
            for (int i = 0; i < 6; i++) {
                assertEquals(r.byUser().get(u, i), scores[i], 1e-9, "(" + u + ", " + i + ")");
            }
        }
    }

    /** Top-N with PureSVD: user 5 rated items 1 and 4; the best unseen items by r_u Q Q^T at rank 2. */
    @Test
    void topN_excludesSeenItems_bestFirst() {
        Ratings r = RecsysFixture.ratings();
        PureSvd m = PureSvd.fit(r, SvdOptions.defaults().withRank(2));
        Recommendations rec = TopN.recommend(m, r, 5, 3);
        assertEquals(3, rec.size());
        double[] scores = new double[6];
        m.scoreItems(5, scores);
        for (int t = 0; t < rec.size(); t++) {
            int item = rec.items()[t];
            assertTrue(item != 1 && item != 4, "seen item recommended");
            assertEquals((float) scores[item], rec.scores()[t]);
            if (t > 0) {
                assertTrue(rec.scores()[t] <= rec.scores()[t - 1]);
            }
        }
        // the same seed gives the same model for any parallelism
        PureSvd two = PureSvd.fit(r, SvdOptions.defaults().withRank(2).withParallelism(2));
        assertArrayEquals(m.singularValues(), two.singularValues());
    }

    @Test
    void fit_rejectsTooManyFactors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PureSvd.fit(RecsysFixture.ratings(), SvdOptions.defaults().withRank(7)));
        assertTrue(e.getMessage().contains("min(users, items) = 6") && e.getMessage().contains("got 7"), e.getMessage());
    }
}
