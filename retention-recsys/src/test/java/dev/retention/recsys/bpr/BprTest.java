package dev.retention.recsys.bpr;

import dev.retention.model.FitControl;
import dev.retention.model.Models;
import dev.retention.model.Verdict;
import dev.retention.recsys.RandomRatings;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.TopN;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BprTest {

    private static Ratings goldenData() {
        float[] ones = new float[BprGoldens.ITEMS_OF.length];
        Arrays.fill(ones, 2f);
        return Ratings.of(BprGoldens.USERS, BprGoldens.ITEMS, BprGoldens.USERS_OF, BprGoldens.ITEMS_OF, ones,
                new RatingScale(0, 5));
    }

    private static BprOptions goldenOptions(BprOptions.Negatives negatives) {
        return BprOptions.defaults().withFactors(BprGoldens.FACTORS).withLearningRate(BprGoldens.LEARNING_RATE)
                .withRegularization(BprGoldens.REGULARIZATION).withIterations(BprGoldens.EPOCHS)
                .withSeed(BprGoldens.SEED).withNegatives(negatives);
    }

    @ParameterizedTest
    @EnumSource(BprOptions.Negatives.class)
    void fit_matchesNumPyTranscription(BprOptions.Negatives negatives) {
        // Golden: src/test/python/bpr_reference.py, the sampler's streams and implicit's bpr_update in float32,
        // 3 epochs of 17 triples on a 6 x 9 fixture (item 8 without interactions). Tolerance: float32 sums in
        // another order, 1e-5 on factors of order 0.1 to 1; the loss 1e-5 relative.
        BprModel m = Bpr.fit(goldenData(), goldenOptions(negatives));
        boolean uniform = negatives == BprOptions.Negatives.UNIFORM;
        float[] x = uniform ? BprGoldens.UNIFORM_X : BprGoldens.POPULARITY_X;
        float[] y = uniform ? BprGoldens.UNIFORM_Y : BprGoldens.POPULARITY_Y;
        double[] loss = uniform ? BprGoldens.UNIFORM_LOSS : BprGoldens.POPULARITY_LOSS;
        float[] gx = m.userFactors();
        float[] gy = m.itemFactors();
        assertEquals(x.length, gx.length);
        assertEquals(y.length, gy.length);
        for (int t = 0; t < x.length; t++) {
            assertEquals(x[t], gx[t], 1e-5, "user factor " + t);
        }
        for (int t = 0; t < y.length; t++) {
            assertEquals(y[t], gy[t], 1e-5, "item factor " + t);
        }
        double[] got = m.fitSummary().objective();
        assertEquals(loss.length, got.length);
        for (int t = 0; t < loss.length; t++) {
            assertEquals(loss[t], got[t], 1e-5 * loss[t], "loss " + t);
        }
        // the item without interactions is never a bought item and starts at zero: only negative steps move it
        assertEquals(1f, gx[BprGoldens.FACTORS]);
    }

    static LongStream seeds() {
        return LongStream.range(0, 20);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void oneThread_isAFunctionOfDataAndSeed_andFinite(long seed) {
        Ratings r = RandomRatings.of(seed);
        BprOptions o = BprOptions.defaults().withFactors(4).withIterations(5).withSeed(seed);
        BprModel a = Bpr.fit(r, o);
        BprModel b = Bpr.fit(r, o);
        assertEquals(a, b);
        assertArrayEquals(a.itemFactors(), b.itemFactors());
        double[] out = new double[r.itemCount()];
        for (int u = 0; u < r.userCount(); u++) {
            a.scoreItems(u, out);
            for (double v : out) {
                assertTrue(Double.isFinite(v));
            }
        }
        for (double l : a.fitSummary().objective()) {
            assertTrue(Double.isFinite(l) && l >= 0, "loss " + l);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void twoThreads_areAFunctionOfDataSeedAndThreads_whicheverThreadRunsWhichBlock(long seed) {
        // the blocks of a round share no row, so neither their order nor their threads can change the model
        Ratings r = RandomRatings.of(seed);
        BprOptions o = BprOptions.defaults().withFactors(4).withIterations(5).withSeed(seed).withThreads(2);
        BprModel parallel = Bpr.fit(r, o);
        // a direct executor runs the helper, and so every block, in the caller's thread as it is handed out
        BprModel helperFirst = Bpr.fit(r, o, FitControl.defaults().withExecutor(Runnable::run));
        // a rejecting executor leaves every block to the caller
        BprModel callerOnly = Bpr.fit(r, o, FitControl.defaults().withExecutor(task -> {
            throw new java.util.concurrent.RejectedExecutionException("no threads");
        }));
        for (BprModel m : List.of(helperFirst, callerOnly)) {
            assertArrayEquals(parallel.userFactors(), m.userFactors());
            assertArrayEquals(parallel.itemFactors(), m.itemFactors());
            assertArrayEquals(parallel.fitSummary().objective(), m.fitSummary().objective());
        }
        for (double l : parallel.fitSummary().objective()) {
            assertTrue(Double.isFinite(l) && l >= 0, "loss " + l);
        }
        assertEquals(parallel, callerOnly);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void strata_partitionTheInteractions_intoBlocksOfOneUserRangeAndOneItemGroup(long seed) {
        Ratings r = RandomRatings.of(seed);
        int[] pointers = r.byUser().rowPointers();
        int[] itemOf = r.byUser().columnIndices();
        int count = 2 + (int) (seed % 3);
        Bpr.Strata st = new Bpr.Strata(count, r.userCount(), r.itemCount(), pointers, itemOf);
        dev.retention.random.Variates rng = dev.retention.random.Variates.stream(seed, 1, 0);
        for (int epoch = 0; epoch < 3; epoch++) {
            st.deal(rng);
            for (int a = count - 1; a >= 0; a--) {
                st.list(a, pointers, itemOf);
            }
            st.countGroups(epoch == 1);
            int[] seen = new int[itemOf.length];
            long[] ofGroups = new long[count];
            for (int a = 0; a < count; a++) {
                int covered = st.userCut[a];
                for (int b = 0; b < count; b++) {
                    int[] run = st.runStart[a * count + b];
                    assertEquals(st.userFirst[a + 1] - st.userFirst[a] + 1, run.length);
                    assertEquals(covered, run[0], "the blocks of range " + a + " follow one another");
                    covered = run[run.length - 1];
                    ofGroups[b] += run[run.length - 1] - run[0];
                    for (int t = 0; t + 1 < run.length; t++) {
                        assertTrue(run[t] <= run[t + 1], "runs in user order");
                        int u = st.userFirst[a] + t;
                        for (int q = run[t]; q < run[t + 1]; q++) {
                            int item = st.items[q];
                            int p = Arrays.binarySearch(itemOf, pointers[u], pointers[u + 1], item);
                            assertTrue(p >= 0, "a purchase: " + u + ", " + item);
                            seen[p]++;
                            assertTrue(p >= st.userCut[a] && p < st.userCut[a + 1],
                                    "interaction " + p + " in range " + a);
                            assertEquals(b, st.groupOf[item]);
                        }
                    }
                }
                assertEquals(st.userCut[a + 1], covered, "the blocks of range " + a + " cover it");
            }
            for (int p = 0; p < itemOf.length; p++) {
                assertEquals(1, seen[p], "interaction " + p + " in exactly one block");
            }
            int[] inGroup = new int[r.itemCount()];
            for (int b = 0; b < count; b++) {
                long ofGroup = 0;
                for (int q = st.groupStart[b]; q < st.groupStart[b + 1]; q++) {
                    int item = st.groupItems[q];
                    inGroup[item]++;
                    assertEquals(b, st.groupOf[item]);
                    ofGroup += r.byItem().rowEnd(item) - r.byItem().rowStart(item);
                }
                int from = st.groupInteractionStart[b];
                int to = st.groupInteractionStart[b + 1];
                assertEquals(ofGroup, to - from);
                assertEquals(ofGroup, ofGroups[b]);
                if (epoch != 1) {
                    // the items of the group's interactions, each as often as it was bought
                    int[] listed = new int[r.itemCount()];
                    for (int t = from; t < to; t++) {
                        assertEquals(b, st.groupOf[st.groupInteractionItems[t]]);
                        listed[st.groupInteractionItems[t]]++;
                    }
                    for (int q = st.groupStart[b]; q < st.groupStart[b + 1]; q++) {
                        int item = st.groupItems[q];
                        assertEquals(r.byItem().rowEnd(item) - r.byItem().rowStart(item), listed[item]);
                    }
                }
                // items are dealt in runs of count consecutive popularity ranks, one item of each run per group
                int size = st.groupStart[b + 1] - st.groupStart[b];
                assertTrue(Math.abs(size - r.itemCount() / (double) count) < 1, "group " + b + " has " + size);
            }
            for (int item = 0; item < r.itemCount(); item++) {
                assertEquals(1, inGroup[item], "item " + item + " in exactly one group");
            }
        }
        // the user ranges are contiguous row ranges of the user-major interactions
        for (int a = 0; a <= count; a++) {
            assertEquals(pointers[st.userFirst[a]], st.userCut[a], "cut " + a + " on a row boundary");
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void drawn_countsEveryDraw_pastTheByteItIsKeptIn(long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        int positions = 1 + rnd.nextInt(3);
        // mostly hundreds of draws per place, so that counts pass 255 and 511
        int draws = rnd.nextInt(1 + 700 * positions);
        Bpr.Drawn d = Bpr.Drawn.count(dev.retention.random.Variates.stream(seed, 4, 0), draws, positions);
        dev.retention.random.Variates again = dev.retention.random.Variates.stream(seed, 4, 0);
        int[] expected = new int[positions];
        for (int t = 0; t < draws; t++) {
            expected[again.nextInt(positions)]++;
        }
        for (int q = 0; q < positions; q++) {
            assertEquals(expected[q], d.times(q), "place " + q + " of " + positions + " after " + draws + " draws");
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void bought_bitMatrixAndBinarySearchAgree_withThePurchases(long seed) {
        Ratings r = RandomRatings.of(seed);
        int[] pointers = r.byUser().rowPointers();
        int[] itemOf = r.byUser().columnIndices();
        Bpr.Bought bits = new Bpr.Bought(r.userCount(), r.itemCount(), pointers, itemOf, true);
        Bpr.Bought search = new Bpr.Bought(r.userCount(), r.itemCount(), pointers, itemOf, false);
        for (int u = 0; u < r.userCount(); u++) {
            for (int j = 0; j < r.itemCount(); j++) {
                boolean bought = r.byUser().get(u, j) != 0;
                assertEquals(bought, bits.contains(u, j), "bits " + u + ", " + j);
                assertEquals(bought, search.contains(u, j), "search " + u + ", " + j);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void lossSum_isTheSumOfTheSeparateLogarithms(long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        Bpr.LossSum sum = new Bpr.LossSum();
        double direct = 0;
        int n = 1 + rnd.nextInt(20_000);
        for (int t = 0; t < n; t++) {
            // mostly fit-like scores, some far out on either side (down to where sigma underflows)
            float score = rnd.nextInt(50) == 0 ? (float) rnd.nextDouble(-900, 900) : (float) rnd.nextGaussian() * 3;
            sum.add(score);
            direct += score > 0 ? Math.log1p(Math.exp(-score)) : Math.log1p(Math.exp(score)) - score;
        }
        assertEquals(direct, sum.total(), 1e-12 * direct);
        Bpr.LossSum withNaN = new Bpr.LossSum();
        withNaN.add(1f);
        withNaN.add(Float.NaN);
        assertTrue(Double.isNaN(withNaN.total()));
    }

    @Test
    void learnsAPreference_theBoughtItemsOutrankTheOthers() {
        // two groups of users, each buying within its own half of the catalogue
        int users = 40;
        int items = 20;
        int[] u = new int[users * 6];
        int[] i = new int[users * 6];
        float[] v = new float[users * 6];
        int n = 0;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int a = 0; a < users; a++) {
            int base = a % 2 == 0 ? 0 : 10;
            boolean[] used = new boolean[10];
            for (int t = 0; t < 6; t++) {
                int b = rnd.nextInt(10);
                if (!used[b]) {
                    used[b] = true;
                    u[n] = a;
                    i[n] = base + b;
                    v[n] = 1;
                    n++;
                }
            }
        }
        Ratings r = Ratings.of(users, items, Arrays.copyOf(u, n), Arrays.copyOf(i, n), Arrays.copyOf(v, n),
                new RatingScale(0, 1));
        BprModel m = Bpr.fit(r, BprOptions.defaults().withFactors(8).withLearningRate(0.05).withIterations(200));
        double[] out = new double[items];
        int inOwnHalf = 0;
        int listed = 0;
        for (int a = 0; a < users; a++) {
            int[] top = TopN.recommend(m, r, a, 3).items();
            for (int t : top) {
                inOwnHalf += t / 10 == a % 2 ? 1 : 0;
                listed++;
                assertEquals(0f, r.byUser().get(a, t), "a bought item is excluded");
            }
            // fold-in of the user's purchases also prefers their half
            int[] bought = Arrays.copyOfRange(r.byUser().columnIndices(), r.byUser().rowStart(a), r.byUser().rowEnd(a));
            float[] ones = new float[bought.length];
            Arrays.fill(ones, 1f);
            m.scoreItems(bought, ones, out);
            double own = 0;
            double other = 0;
            for (int t = 0; t < items; t++) {
                if (t / 10 == a % 2) {
                    own += out[t];
                } else {
                    other += out[t];
                }
            }
            assertTrue(own > other, "fold-in of user " + a + ": own half " + own + ", other " + other);
        }
        // a random ranking would put half of the lists in the user's half
        assertTrue(inOwnHalf >= 0.9 * listed, inOwnHalf + " of " + listed + " listed items in the user's half");
        assertEquals(Verdict.FINE, m.fitSummary().verdict());
        double[] loss = m.fitSummary().objective();
        assertTrue(loss[loss.length - 1] < loss[0], "the loss falls: " + loss[0] + " -> " + loss[loss.length - 1]);
    }

    @Test
    void foldIn_isSeededAndChecksItsInput() {
        BprModel m = Bpr.fit(goldenData(), goldenOptions(BprOptions.Negatives.UNIFORM));
        float[] a = m.foldIn(new int[] {0, 3}, new float[] {1, 2});
        assertArrayEquals(a, m.foldIn(new int[] {0, 3}, new float[] {1, 2}));
        assertEquals(BprGoldens.FACTORS + 1, a.length);
        assertEquals(1f, a[BprGoldens.FACTORS]);
        assertNotEquals(Arrays.toString(a), Arrays.toString(m.foldIn(new int[0], new float[0])));
        assertThrows(IllegalArgumentException.class, () -> m.foldIn(new int[] {0, 0}, new float[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> m.foldIn(new int[] {9}, new float[] {1}));
        assertThrows(IllegalArgumentException.class, () -> m.foldIn(new int[] {1}, new float[] {Float.NaN}));
    }

    @Test
    void similarItems_isTheCosineOfTheItemRows() {
        BprModel m = Bpr.fit(goldenData(), goldenOptions(BprOptions.Negatives.UNIFORM));
        double[] out = new double[BprGoldens.ITEMS];
        m.similarItems(2, out);
        assertEquals(1.0, out[2], 1e-12);
        float[] y = m.itemFactors();
        int s = BprGoldens.FACTORS + 1;
        double dot = 0;
        double n2 = 0;
        double n5 = 0;
        for (int k = 0; k < s; k++) {
            dot += (double) y[2 * s + k] * y[5 * s + k];
            n2 += (double) y[2 * s + k] * y[2 * s + k];
            n5 += (double) y[5 * s + k] * y[5 * s + k];
        }
        assertEquals(dot / Math.sqrt(n2 * n5), out[5], 1e-12);
        for (double v : out) {
            assertTrue(v >= -1 - 1e-12 && v <= 1 + 1e-12);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> m.similarItems(BprGoldens.ITEMS, out));
    }

    @Test
    void modelFile_roundTrips() throws Exception {
        BprModel m = Bpr.fit(goldenData(), goldenOptions(BprOptions.Negatives.POPULARITY));
        BprModel back = BprModel.read(dev.retention.model.ModelFile.parse(m.toBytes(), "bpr"));
        assertEquals(m, back);
        assertEquals(m.hashCode(), back.hashCode());
        assertEquals(m.options(), back.options());
        java.nio.file.Path p = java.nio.file.Files.createTempFile("bpr", ".model");
        try {
            m.save(p);
            assertEquals(m, Models.load(p, BprModel.class));
        } finally {
            java.nio.file.Files.deleteIfExists(p);
        }
    }

    @Test
    void options_nameTheBadValue() {
        BprOptions d = BprOptions.defaults();
        assertEquals(100, d.factors());
        assertEquals(0.01, d.learningRate());
        assertEquals(0.01, d.regularization());
        assertEquals(100, d.iterations());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withFactors(0)).getMessage()
                .contains("factors"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withLearningRate(Double.NaN)).getMessage()
                .contains("learningRate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withRegularization(-1)).getMessage()
                .contains("regularization"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withIterations(0)).getMessage()
                .contains("iterations"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withThreads(0)).getMessage()
                .contains("threads"));
        assertEquals(BprOptions.Negatives.POPULARITY, BprOptions.Negatives.parse("Popularity"));
        assertThrows(IllegalArgumentException.class, () -> BprOptions.Negatives.parse("hard"));
        Ratings empty = Ratings.of(2, 2, new int[0], new int[0], new float[0], new RatingScale(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Bpr.fit(empty, d));
    }

    @Test
    void aHugeLearningRate_isReportedUnusable_notNaN() {
        BprModel m = Bpr.fit(goldenData(), goldenOptions(BprOptions.Negatives.UNIFORM).withLearningRate(1e30)
                .withIterations(50), FitControl.defaults());
        assertEquals(Verdict.UNUSABLE, m.fitSummary().verdict());
        double[] out = new double[BprGoldens.ITEMS];
        m.scoreItems(0, out);
        for (double v : out) {
            assertTrue(Double.isFinite(v));
        }
    }
}
