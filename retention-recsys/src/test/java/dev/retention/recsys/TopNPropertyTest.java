package dev.retention.recsys;

import dev.retention.recsys.als.AlsOptions;
import dev.retention.recsys.als.ImplicitAls;
import dev.retention.recsys.itemknn.ItemKnn;
import dev.retention.recsys.itemknn.ItemKnnOptions;
import dev.retention.recsys.popularity.Popularity;
import dev.retention.recsys.popularity.PopularityOptions;
import dev.retention.recsys.sparse.CsrMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of {@link TopN} over seeded random purchase data ({@link RandomRatings}) and the three purchase
 * recommenders (ALS, item-kNN, popularity): a list with exclusion never holds a bought item, never an item the filter
 * refuses, is sorted best first and as long as the allowed candidates permit; the batch lists equal the one-by-one
 * lists on 1 to 3 threads; a training customer folded in gets item-kNN's list exactly; similar items never list the
 * item itself.
 */
class TopNPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    private static ItemRecommender model(long seed, Ratings r) {
        return switch ((int) (seed % 3)) {
            case 0 -> ImplicitAls.fit(r, AlsOptions.defaults().withFactors(3).withIterations(3).withSeed(seed));
            case 1 -> ItemKnn.fit(r, ItemKnnOptions.defaults().withNeighbours(1 + (int) (seed % 5)));
            default -> Popularity.fit(r, PopularityOptions.defaults());
        };
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void lists_respectExclusionAndFilter_andBatchEqualsOneByOne(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Ratings r = RandomRatings.of(seed);
        ItemRecommender m = model(seed, r);
        boolean[] banned = new boolean[r.itemCount()];
        int[] bannedList = new int[r.itemCount()];
        int nb = 0;
        for (int i = 0; i < banned.length; i++) {
            if (rnd.nextDouble() < 0.2) {
                banned[i] = true;
                bannedList[nb++] = i;
            }
        }
        boolean exclude = rnd.nextBoolean();
        TopNOptions o = TopNOptions.defaults().withN(1 + rnd.nextInt(r.itemCount() + 1)).withExcludeSeen(exclude)
                .without(r.itemCount(), Arrays.copyOf(bannedList, nb));
        CsrMatrix x = r.byUser();
        Recommendations[] one = new Recommendations[r.userCount()];
        for (int u = 0; u < r.userCount(); u++) {
            Recommendations rec = TopN.recommend(m, r, u, o);
            one[u] = rec;
            int allowed = 0;
            for (int i = 0; i < r.itemCount(); i++) {
                boolean bought = Arrays.binarySearch(x.columnIndices(), x.rowStart(u), x.rowEnd(u), i) >= 0;
                allowed += !banned[i] && !(exclude && bought) ? 1 : 0;
            }
            assertEquals(Math.min(o.n(), allowed), rec.size(), "seed " + seed + " user " + u);
            double[] scores = new double[r.itemCount()];
            m.scoreItems(u, scores);
            for (int t = 0; t < rec.size(); t++) {
                int i = rec.item(t);
                assertFalse(banned[i], "seed " + seed + ": filtered item " + i + " listed");
                if (exclude) {
                    assertTrue(Arrays.binarySearch(x.columnIndices(), x.rowStart(u), x.rowEnd(u), i) < 0,
                            "seed " + seed + ": bought item " + i + " listed for user " + u);
                }
                assertEquals((float) scores[i], rec.score(t), "seed " + seed);
                if (t > 0) {
                    assertTrue(rec.score(t) <= rec.score(t - 1), "seed " + seed + ": not sorted");
                }
            }
        }
        for (int threads = 1; threads <= 3; threads++) {
            assertArrayEquals(one, TopN.recommendAll(m, r, o.withThreads(threads)),
                    "seed " + seed + ", " + threads + " threads");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void foldIn_ofATrainingCustomer_givesItemKnnsListExactly_andSimilarItemsLeaveTheItemOut(long seed) {
        Ratings r = RandomRatings.of(seed);
        ItemRecommender knn = ItemKnn.fit(r, ItemKnnOptions.defaults().withNeighbours(1 + (int) (seed % 4)));
        TopNOptions o = TopNOptions.defaults().withN(1 + (int) (seed % 6)).withExcludeSeen(seed % 2 == 0);
        CsrMatrix x = r.byUser();
        for (int u = 0; u < r.userCount(); u++) {
            int[] items = Arrays.copyOfRange(x.columnIndices(), x.rowStart(u), x.rowEnd(u));
            float[] values = Arrays.copyOfRange(x.values(), x.rowStart(u), x.rowEnd(u));
            Recommendations trained = TopN.recommend(knn, r, u, o);
            Recommendations folded = TopN.recommendNew(knn, r.users(), r.items(), items, values, o);
            assertEquals(-1, folded.user());
            assertArrayEquals(trained.items(), folded.items(), "seed " + seed + " user " + u);
            assertArrayEquals(trained.scores(), folded.scores(), "seed " + seed + " user " + u);
        }
        ItemRecommender m = model(seed, r);
        for (int i = 0; i < r.itemCount(); i++) {
            Recommendations s = TopN.similar(m, r.users(), r.items(), i, o);
            assertFalse(s.contains(i), "seed " + seed + ": item " + i + " similar to itself");
            assertEquals(Math.min(o.n(), r.itemCount() - 1), s.size(), "seed " + seed);
        }
    }

    @Test
    void badArguments_areNamed() {
        Ratings r = RandomRatings.of(1);
        ItemRecommender m = model(1, r);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TopNOptions.defaults().withN(0));
        assertTrue(e.getMessage().contains("n must be >= 1, got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TopNOptions.defaults().without(3, 1, 3));
        assertTrue(e.getMessage().contains("items[1] must be in [0, 3), got 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TopN.similar(m, r.users(), r.items(), r.itemCount(), TopNOptions.defaults()));
        assertTrue(e.getMessage().contains("item must be in [0, " + r.itemCount() + "), got " + r.itemCount()),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TopN.recommendNew(m, r.users(), r.items(),
                new int[] {0, 0}, new float[] {1, 1}, TopNOptions.defaults()));
        assertTrue(e.getMessage().contains("items[1]"), e.getMessage());
    }
}
