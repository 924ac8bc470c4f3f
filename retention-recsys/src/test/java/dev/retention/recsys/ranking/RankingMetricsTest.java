package dev.retention.recsys.ranking;

import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.Recommendations;
import dev.retention.recsys.TopN;
import dev.retention.recsys.itemknn.ItemKnn;
import dev.retention.recsys.itemknn.ItemKnnModel;
import dev.retention.recsys.itemknn.ItemKnnOptions;
import dev.retention.recsys.popularity.Popularity;
import dev.retention.recsys.popularity.PopularityOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankingMetricsTest {

    /** Exact arithmetic on small counts: the golden script and this code sum the same terms. */
    private static final double GOLDEN_TOLERANCE = 1e-12;

    private static Ratings ratings(int users, int items, int[] u, int[] i) {
        float[] v = new float[u.length];
        java.util.Arrays.fill(v, 1f);
        return Ratings.of(users, items, u, i, v, new RatingScale(0, 1));
    }

    private static RankingSplit goldenSplit() {
        return RankingSplit.of(ratings(RankingGoldens.USERS, RankingGoldens.ITEMS, RankingGoldens.TRAIN_USERS,
                        RankingGoldens.TRAIN_ITEMS),
                ratings(RankingGoldens.USERS, RankingGoldens.ITEMS, RankingGoldens.TEST_USERS,
                        RankingGoldens.TEST_ITEMS));
    }

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {3, 5})
    void compute_matchesImplicitTranscription(int k) {
        // Golden: src/test/python/ranking_reference.py, a NumPy transcription of implicit's ranking_metrics_at_k
        // (evaluation.pyx) plus recall, hit rate, MRR, coverage and novelty; lists shorter than k and a user
        // without test items included.
        double[] g = k == 3 ? RankingGoldens.METRICS_AT_3 : RankingGoldens.METRICS_AT_5;
        RankingMetrics m = RankingMetrics.compute(RankingGoldens.LISTS, goldenSplit(), k);
        double[] got = {m.precision(), m.recall(), m.ndcg(), m.map(), m.auc(), m.hitRate(), m.mrr(), m.coverage(),
                m.novelty(), m.usersEvaluated(), m.usersSkipped()};
        String[] names = {"precision", "recall", "ndcg", "map", "auc", "hit rate", "mrr", "coverage", "novelty",
                "users evaluated", "users skipped"};
        for (int t = 0; t < g.length; t++) {
            assertEquals(g[t], got[t], GOLDEN_TOLERANCE, names[t]);
        }
    }

    @Test
    void compute_handCase() {
        // One user, 4 items, test item 2, list [1, 2], k = 2: one hit at rank 2.
        Ratings train = ratings(1, 4, new int[] {0}, new int[] {0});
        Ratings test = ratings(1, 4, new int[] {0}, new int[] {2});
        RankingMetrics m = RankingMetrics.compute(new int[][] {{1, 2}}, RankingSplit.of(train, test), 2);
        assertEquals(1.0, m.precision(), 0);           // 1 hit / min(2, 1)
        assertEquals(0.5, m.map(), 0);                 // (1/2) / min(2, 1)
        assertEquals(1 / (Math.log(3) / Math.log(2)), m.ndcg(), 1e-15);
        assertEquals(2.0 / 3.0, m.auc(), 1e-15);        // miss then hit; (1 + 1) / 2 * (3 - 1) over 1 * 3
        assertEquals(0.5, m.mrr(), 0);
        assertEquals(1.0, m.recall(), 0);
        assertEquals(1.0, m.hitRate(), 0);
        assertEquals(0.5, m.coverage(), 0);
        assertEquals(1, m.usersEvaluated());
    }

    @Test
    void compute_withoutTestUsers_isZeroNotNaN() {
        Ratings train = ratings(2, 3, new int[] {0}, new int[] {0});
        Ratings test = ratings(2, 3, new int[0], new int[0]);
        RankingMetrics m = RankingMetrics.compute(new int[][] {{1}, {2}}, RankingSplit.of(train, test), 5);
        assertEquals(0, m.usersEvaluated());
        assertEquals(2, m.usersSkipped());
        assertEquals(0.0, m.precision(), 0);
        assertEquals(0.0, m.auc(), 0);
    }

    @Test
    void compute_rejectsBadArguments() {
        RankingSplit s = goldenSplit();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.compute(RankingGoldens.LISTS, s, 0));
        assertTrue(e.getMessage().contains("k must be >= 1, got 0"), e.getMessage());
        int[][] bad = RankingGoldens.LISTS.clone();
        bad[0] = new int[] {99};
        e = assertThrows(IllegalArgumentException.class, () -> RankingMetrics.compute(bad, s, 3));
        assertTrue(e.getMessage().contains("99"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RankingMetrics.compute(new int[2][], s, 3));
        assertTrue(e.getMessage().contains("one list per user"), e.getMessage());
    }

    private static final ItemKnnOptions.Weighting[] WEIGHTINGS = {ItemKnnOptions.Weighting.COSINE,
        ItemKnnOptions.Weighting.BM25, ItemKnnOptions.Weighting.TFIDF};

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.MethodSource("seeds")
    void modelEvaluation_neverRecommendsBoughtItems_andEqualsListEvaluation(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int users = 3 + rnd.nextInt(10);
        int items = 3 + rnd.nextInt(15);
        dev.retention.data.Interactions.Builder b = dev.retention.data.Interactions.builder(
                dev.retention.data.Interactions.Duplicates.KEEP_LAST);
        for (int t = 0; t < users * items / 2; t++) {
            b.add(rnd.nextInt(users), rnd.nextInt(items), 1 + rnd.nextInt(3), t);
        }
        RankingSplit split = RankingSplit.random(b.build(), 0.3, seed, seed % 2 == 0);
        if (split.train().size() == 0) {
            return;
        }
        int k = 1 + rnd.nextInt(6);
        ItemKnnModel model = ItemKnn.fit(split.train(), ItemKnnOptions.defaults().withNeighbours(1 + rnd.nextInt(4))
                .withWeighting(WEIGHTINGS[rnd.nextInt(3)]));
        int[][] lists = new int[split.train().userCount()][];
        for (int u = 0; u < lists.length; u++) {
            Recommendations r = TopN.recommend(model, split.train(), u, k);
            lists[u] = r.items();
            for (int item : lists[u]) {
                assertFalse(split.train().byUser().get(u, item) != 0, "seed " + seed + ": bought item " + item
                        + " recommended to user " + u);
            }
        }
        RankingMetrics a = RankingMetrics.compute(model, split, k);
        assertEquals(RankingMetrics.compute(lists, split, k), a, "seed " + seed);
        for (double x : new double[] {a.precision(), a.recall(), a.ndcg(), a.map(), a.auc(), a.hitRate(), a.mrr(),
                a.coverage()}) {
            assertTrue(x >= 0 && x <= 1 + 1e-12, "seed " + seed + ": " + a);
        }
        RankingMetrics p = RankingMetrics.compute(Popularity.fit(split.train(), PopularityOptions.defaults()), split,
                k);
        assertTrue(p.auc() >= 0 && p.auc() <= 1, "seed " + seed + ": " + p);
    }
}
