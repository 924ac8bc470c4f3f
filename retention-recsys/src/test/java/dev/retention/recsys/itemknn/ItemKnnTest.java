package dev.retention.recsys.itemknn;

import dev.retention.model.Models;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.GramOptions;
import dev.retention.recsys.sparse.SparseOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemKnnTest {

    /** Float weights and similarities against the script's doubles: relative 1e-6. */
    private static final double FLOAT_TOLERANCE = 1e-6;

    private static Ratings goldenData() {
        return Ratings.of(ItemKnnGoldens.USERS, ItemKnnGoldens.ITEMS, ItemKnnGoldens.USERS_OF,
                ItemKnnGoldens.ITEMS_OF, ItemKnnGoldens.VALUES, new RatingScale(0, 3));
    }

    private static double[][] golden(ItemKnnOptions.Weighting w) {
        return switch (w) {
            case COSINE -> new double[][] {ItemKnnGoldens.COSINE_WEIGHTS, ItemKnnGoldens.COSINE_SIMILARITY,
                    ItemKnnGoldens.COSINE_SCORES};
            case BM25 -> new double[][] {ItemKnnGoldens.BM25_WEIGHTS, ItemKnnGoldens.BM25_SIMILARITY,
                    ItemKnnGoldens.BM25_SCORES};
            case TFIDF -> new double[][] {ItemKnnGoldens.TFIDF_WEIGHTS, ItemKnnGoldens.TFIDF_SIMILARITY,
                    ItemKnnGoldens.TFIDF_SCORES};
        };
    }

    private static void assertClose(double expected, double actual, String label) {
        assertEquals(expected, actual, FLOAT_TOLERANCE * Math.max(1, Math.abs(expected)), label);
    }

    @ParameterizedTest
    @EnumSource(ItemKnnOptions.Weighting.class)
    void fit_matchesImplicitTranscription(ItemKnnOptions.Weighting w) {
        // Golden: src/test/python/ranking_reference.py knn, a NumPy transcription of implicit's normalize,
        // bm25_weight (K1 = 1.2, B = 0.75, applied to counts.T), tfidf_weight and all_pairs_knn (K = 3).
        Ratings r = goldenData();
        ItemKnnOptions o = ItemKnnOptions.defaults().withWeighting(w).withNeighbours(ItemKnnGoldens.K);
        double[][] g = golden(w);
        float[] weights = ItemKnn.weights(r.byUser(), o);
        for (int p = 0; p < weights.length; p++) {
            assertClose(g[0][p], weights[p], w + " weight " + p);
        }
        assertSimilaritiesAndScores(ItemKnn.fit(r, o), g[1], g[2], w);
    }

    /** The model's items x items similarities and users x items scores against the golden ones. */
    private static void assertSimilaritiesAndScores(ItemKnnModel m, double[] similarity, double[] scores,
                                                    ItemKnnOptions.Weighting w) {
        int n = m.itemCount();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertClose(similarity[i * n + j], m.similarity(i, j), w + " similarity " + i + ", " + j);
            }
        }
        double[] row = new double[n];
        for (int u = 0; u < m.userCount(); u++) {
            m.scoreItems(u, row);
            for (int j = 0; j < n; j++) {
                assertClose(scores[u * n + j], row[j], w + " score " + u + ", " + j);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ItemKnnOptions.Weighting.class)
    void fit_ofOnes_takesTheFactoredForm_andMatchesImplicitTranscription(ItemKnnOptions.Weighting w) {
        // Golden: src/test/python/ranking_reference.py knn, the same transcription on a pattern of ones (K = 4); the
        // fit sums squared user factors per pair instead of products of weights, so it agrees to rounding.
        Ratings r = Ratings.of(ItemKnnGoldens.BINARY_USERS, ItemKnnGoldens.BINARY_ITEMS,
                ItemKnnGoldens.BINARY_USERS_OF, ItemKnnGoldens.BINARY_ITEMS_OF, ItemKnnGoldens.BINARY_VALUES,
                new RatingScale(0, 1));
        double[][] g = switch (w) {
            case COSINE -> new double[][] {ItemKnnGoldens.BINARY_COSINE_SIMILARITY,
                    ItemKnnGoldens.BINARY_COSINE_SCORES};
            case BM25 -> new double[][] {ItemKnnGoldens.BINARY_BM25_SIMILARITY, ItemKnnGoldens.BINARY_BM25_SCORES};
            case TFIDF -> new double[][] {ItemKnnGoldens.BINARY_TFIDF_SIMILARITY,
                    ItemKnnGoldens.BINARY_TFIDF_SCORES};
        };
        ItemKnnModel m = ItemKnn.fit(r, ItemKnnOptions.defaults().withWeighting(w)
                .withNeighbours(ItemKnnGoldens.BINARY_K));
        assertTrue(m.fitSummary().toString().contains("every value equal"), m.fitSummary().toString());
        assertSimilaritiesAndScores(m, g[0], g[1], w);
    }

    /** Every weighting, drawn by seed. */
    static final ItemKnnOptions.Weighting[] WEIGHTINGS = {ItemKnnOptions.Weighting.COSINE,
        ItemKnnOptions.Weighting.BM25, ItemKnnOptions.Weighting.TFIDF};

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    private static Ratings random(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int users = 2 + rnd.nextInt(30);
        int items = 2 + rnd.nextInt(30);
        int n = 1 + rnd.nextInt(users * items / 2 + 1);
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        java.util.Set<Long> seen = new java.util.HashSet<>();
        int size = 0;
        for (int t = 0; t < n; t++) {
            int a = rnd.nextInt(users);
            int b = rnd.nextInt(items);
            if (seen.add((long) a * items + b)) {
                u[size] = a;
                i[size] = b;
                v[size++] = 1 + rnd.nextInt(4);
            }
        }
        return Ratings.of(users, items, java.util.Arrays.copyOf(u, size), java.util.Arrays.copyOf(i, size),
                java.util.Arrays.copyOf(v, size), new RatingScale(0, 4));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void foldIn_ofATrainingUser_reproducesTheirScores_andThreadsDoNotMatter(long seed) {
        Ratings r = random(seed);
        ItemKnnOptions o = ItemKnnOptions.defaults().withWeighting(WEIGHTINGS[(int) (seed % 3)])
                .withNeighbours(1 + (int) (seed % 5));
        ItemKnnModel one = ItemKnn.fit(r, o);
        ItemKnnModel two = ItemKnn.fit(r, o.withThreads(2));
        assertEquals(one, two, "seed " + seed);
        double[] fitted = new double[r.itemCount()];
        double[] folded = new double[r.itemCount()];
        for (int u = 0; u < r.userCount(); u++) {
            one.scoreItems(u, fitted);
            int start = r.byUser().rowStart(u);
            int len = r.byUser().rowLength(u);
            int[] items = java.util.Arrays.copyOfRange(r.byUser().columnIndices(), start, start + len);
            float[] values = java.util.Arrays.copyOfRange(r.byUser().values(), start, start + len);
            one.scoreItems(items, values, folded);
            assertArrayEquals(fitted, folded, "seed " + seed + " user " + u);
            for (int j = 0; j < r.itemCount(); j++) {
                assertEquals(one.scale().clip(fitted[j]), one.estimate(u, j), 1e-12, "seed " + seed);
            }
        }
        for (int i = 0; i < r.itemCount(); i++) {
            int[] nb = one.neighbours(i);
            assertTrue(nb.length <= o.neighbours(), "seed " + seed);
            for (int t = 1; t < nb.length; t++) {
                assertTrue(one.similarity(i, nb[t - 1]) >= one.similarity(i, nb[t]), "seed " + seed);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fit_ofOnes_keepsTheLargestOfTheWeightedGram(long seed) {
        // Every value 1: the factored form. Each kept similarity equals the weighted Gram product's entry to 1e-6,
        // and no dropped entry of the row is larger than the smallest kept one (beyond 1e-6).
        Ratings counts = random(seed);
        float[] ones = new float[counts.size()];
        java.util.Arrays.fill(ones, 1f);
        CsrMatrix x = counts.byUser();
        int[] users = new int[x.nnz()];
        for (int u = 0; u < x.rows(); u++) {
            java.util.Arrays.fill(users, x.rowStart(u), x.rowEnd(u), u);
        }
        Ratings r = Ratings.of(counts.userCount(), counts.itemCount(), users, x.columnIndices(), ones,
                new RatingScale(0, 1));
        ItemKnnOptions o = ItemKnnOptions.defaults().withWeighting(WEIGHTINGS[(int) (seed % 3)])
                .withNeighbours(1 + (int) (seed % 5));
        ItemKnnModel m = ItemKnn.fit(r, o);
        if (ItemKnn.separable(r.byUser(), o) == null) {
            return;   // a user holds nearly every item: BM25's or TF-IDF's user factor is not positive
        }
        CsrMatrix full = SparseOps.gram(r.byUser().withValues(ItemKnn.weights(r.byUser(), o)),
                GramOptions.defaults());
        for (int i = 0; i < r.itemCount(); i++) {
            java.util.Set<Integer> kept = new java.util.HashSet<>();
            double smallest = Double.POSITIVE_INFINITY;
            for (int j : m.neighbours(i)) {
                kept.add(j);
                assertClose(full.get(i, j), m.similarity(i, j), "seed " + seed + " similarity " + i + ", " + j);
                smallest = Math.min(smallest, full.get(i, j));
            }
            assertEquals(Math.min(o.neighbours(), full.rowLength(i)), kept.size(), "seed " + seed + " item " + i);
            for (int p = full.rowStart(i); p < full.rowEnd(i); p++) {
                if (!kept.contains(full.columnIndex(p))) {
                    assertTrue(full.value(p) <= smallest * (1 + FLOAT_TOLERANCE), "seed " + seed + " item " + i);
                }
            }
        }
    }

    @Test
    void model_roundTripsThroughItsFile() throws Exception {
        ItemKnnModel m = ItemKnn.fit(goldenData(), ItemKnnOptions.defaults().withWeighting(
                ItemKnnOptions.Weighting.BM25));
        ItemKnnModel back = (ItemKnnModel) Models.fromBytes(m.toBytes(), "memory");
        assertEquals(m, back);
        assertTrue(m.toString().contains("ItemKNN (bm25, K = 20)"), m.toString());
    }

    @Test
    void options_andFit_rejectBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ItemKnnOptions.defaults().withNeighbours(0));
        assertTrue(e.getMessage().contains("neighbours must be >= 1, got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ItemKnnOptions.defaults().withB(1.5));
        assertTrue(e.getMessage().contains("b must be in [0, 1], got 1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ItemKnnOptions.Weighting.parse("jaccard"));
        assertTrue(e.getMessage().contains("'jaccard'"), e.getMessage());
        Ratings zero = Ratings.of(2, 2, new int[] {0, 1}, new int[] {0, 1}, new float[] {1, 0}, new RatingScale(0, 1));
        e = assertThrows(IllegalArgumentException.class, () -> ItemKnn.fit(zero, ItemKnnOptions.defaults()));
        assertTrue(e.getMessage().contains("must be > 0") && e.getMessage().contains("item '1'"), e.getMessage());
        ItemKnnModel m = ItemKnn.fit(goldenData(), ItemKnnOptions.defaults());
        double[] out = new double[m.itemCount()];
        e = assertThrows(IllegalArgumentException.class, () -> m.scoreItems(new int[] {99}, new float[] {1}, out));
        assertTrue(e.getMessage().contains("got 99"), e.getMessage());
    }
}
