package dev.retention.recsys.svd;

import dev.retention.model.FitControl;
import dev.retention.recsys.RandomRatings;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.Recommendations;
import dev.retention.recsys.RecsysFixture;
import dev.retention.recsys.TopN;
import dev.retention.recsys.sparse.SvdOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PureSvdTest {

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    /**
     * At full rank (factors = min(users, items) = 6) the projection r_u Q Q^T is r_u itself, so the
     * scores reproduce the rating matrix with zeros for missing ratings (Cremonesi et al. 2010, eq. 6).
     */
    @Test
    void fullRank_scoresReproduceTheRatingMatrix() {
        Ratings r = RecsysFixture.ratings();
        PureSvdModel m = PureSvd.fit(r, SvdOptions.defaults().withRank(6));
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
        PureSvdModel m = PureSvd.fit(r, SvdOptions.defaults().withRank(2));
        Recommendations rec = TopN.recommend(m, r, 5, 3);
        assertEquals(3, rec.size());
        double[] scores = new double[6];
        m.scoreItems(5, scores);
        for (int t = 0; t < rec.size(); t++) {
            int item = rec.item(t);
            assertTrue(item != 1 && item != 4, "seen item recommended");
            assertEquals((float) scores[item], rec.score(t));
            if (t > 0) {
                assertTrue(rec.score(t) <= rec.score(t - 1));
            }
        }
    }

    /** The same seed gives an equal model for 1 and 3 threads; another seed another model. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fit_sameSeed_sameModelForOneAndThreeThreads(long seed) {
        Ratings r = RandomRatings.of(seed);
        int rank = 1 + (int) (seed % Math.min(r.userCount(), r.itemCount()));
        SvdOptions o = SvdOptions.defaults().withRank(rank).withSeed(seed);
        PureSvdModel one = PureSvd.fit(r, o);
        PureSvdModel three = PureSvd.fit(r, o.withThreads(3));
        assertEquals(one, three, "seed " + seed);
        assertEquals(one.hashCode(), three.hashCode(), "seed " + seed);
    }

    @Test
    void fit_otherSeed_otherModel() {
        Ratings r = RandomRatings.of(11);
        SvdOptions o = SvdOptions.defaults().withRank(2).withPowerIterations(0);
        assertNotEquals(PureSvd.fit(r, o), PureSvd.fit(r, o.withSeed(1)));
    }

    @Test
    void fit_listenerHearsEachPowerIteration_andCancelStops() {
        List<Long> heard = new ArrayList<>();
        FitControl control = FitControl.defaults().withListener((stage, done, total, objective) -> {
            assertEquals("power iterations", stage);
            assertEquals(3, total);
            heard.add(done);
        });
        PureSvdModel m = PureSvd.fit(RecsysFixture.ratings(), SvdOptions.defaults().withRank(2).withPowerIterations(3),
                control);
        assertEquals(List.of(1L, 2L, 3L), heard);
        assertEquals(3, m.fitSummary().iterations());
        assertTrue(m.fitSummary().converged());
        FitControl cancel = FitControl.defaults().withCancellation(() -> true);
        assertThrows(CancellationException.class, () -> PureSvd.fit(RecsysFixture.ratings(),
                SvdOptions.defaults().withRank(2), cancel));
    }

    @Test
    void fit_rejectsTooManyFactors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PureSvd.fit(RecsysFixture.ratings(), SvdOptions.defaults().withRank(7)));
        assertTrue(e.getMessage().contains("min(users, items) = 6") && e.getMessage().contains("got 7"), e.getMessage());
    }

    @Test
    void toString_showsTheSingularValues() {
        PureSvdModel m = PureSvd.fit(RecsysFixture.ratings(), SvdOptions.defaults().withRank(2));
        String text = m.toString();
        assertTrue(text.contains("PureSVD: 2 factors") && text.contains("singular value"), text);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%.4f", m.singularValues()[0])), text);
    }
}
