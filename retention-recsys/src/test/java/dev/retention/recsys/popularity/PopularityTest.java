package dev.retention.recsys.popularity;

import dev.retention.data.IdIndex;
import dev.retention.model.FitControl;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.Recommendations;
import dev.retention.recsys.RecsysFixture;
import dev.retention.recsys.TopN;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PopularityTest {

    /**
     * Raters per item of the fixture: item 0 by users 0, 1, 3, 4 (4); item 1 by 0, 2, 3, 5 (4); item 2 by 0,
     * 1, 2, 4 (4); item 3 by 1, 2, 3, 4 (4); item 4 by 0, 2, 4, 5 (4); item 5 by none. User 5 rated 1 and 4,
     * so its top 3 are the first unseen items at 4 raters: 0, 2, 3.
     */
    @Test
    void fit_countsRatersPerItem_andRecommendsTheMostPopularUnseenItems() {
        Ratings r = RecsysFixture.ratings();
        PopularityModel m = Popularity.fit(r, PopularityOptions.defaults());
        assertArrayEquals(new double[] {4, 4, 4, 4, 4, 0}, m.popularity());
        Recommendations top = TopN.recommend(m, r, 5, 3);
        assertArrayEquals(new int[] {0, 2, 3}, top.items());
        assertArrayEquals(new float[] {4, 4, 4}, top.scores());
        double[] scores = new double[6];
        m.scoreItems(6, scores);
        assertArrayEquals(m.popularity(), scores, "a user without ratings gets the same scores");
        assertTrue(m.predict(0, 9).impossible(), "an item outside the id space is unknown");
        PopularityModel sums = Popularity.fit(r, PopularityOptions.defaults().withMeasure(PopularityOptions.Measure.SUM));
        assertEquals(5 + 4 + 2 + 3, sums.popularity(0), 0.0);
    }

    @Test
    void toString_listsTheMostPopularItemsByExternalId() {
        Ratings f = RecsysFixture.ratings();
        Ratings r = Ratings.of(f.byUser(), new RatingScale(1, 5), f.users(),
                IdIndex.ofStrings("tea", "jam", "oat", "rye", "fig", "yam"));
        String text = Popularity.fit(r, PopularityOptions.defaults()).toString();
        assertTrue(text.contains("most popular items") && text.contains("tea") && text.contains("fig"), text);
        assertTrue(text.indexOf("tea") < text.indexOf("jam"), "ties in index order: " + text);
    }

    @Test
    void fit_cancelledBeforeItStarts_andOptionsRefuseNull() {
        assertThrows(CancellationException.class, () -> Popularity.fit(RecsysFixture.ratings(),
                PopularityOptions.defaults(), FitControl.defaults().withCancellation(() -> true)));
        assertThrows(NullPointerException.class, () -> new PopularityOptions(null));
    }
}
