package dev.retention.recsys.factorization;

import dev.retention.model.Verdict;
import dev.retention.recsys.Prediction;
import dev.retention.recsys.RandomRatings;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.RecsysFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties over seeded random rating sets, and the bad inputs of the issue, each with its message. */
class FactorizationTest {

    static LongStream seeds() {
        return LongStream.range(0, 150);
    }

    /** Low-rank ratings plus noise: {@code users x items}, dense enough for fold-in to be determined. */
    static Ratings lowRank(long seed, int users, int items, double density) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] a = new double[users * 2];
        double[] b = new double[items * 2];
        for (int k = 0; k < a.length; k++) {
            a[k] = rnd.nextDouble() * 2 - 1;
        }
        for (int k = 0; k < b.length; k++) {
            b[k] = rnd.nextDouble() * 2 - 1;
        }
        int[] u = new int[users * items];
        int[] i = new int[users * items];
        float[] v = new float[users * items];
        int n = 0;
        for (int x = 0; x < users; x++) {
            for (int y = 0; y < items; y++) {
                if (rnd.nextDouble() < density) {
                    double r = 3 + a[2 * x] * b[2 * y] + a[2 * x + 1] * b[2 * y + 1] + 0.1 * (rnd.nextDouble() - 0.5);
                    u[n] = x;
                    i[n] = y;
                    v[n] = (float) Math.max(1, Math.min(5, r));
                    n++;
                }
            }
        }
        return Ratings.of(users, items, java.util.Arrays.copyOf(u, n), java.util.Arrays.copyOf(i, n),
                java.util.Arrays.copyOf(v, n), RatingScale.oneToFive());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void objective_decreasesOnSmallLearningRates(long seed) {
        Ratings r = RandomRatings.of(seed);
        int f = 1 + (int) (seed % 5);
        double[][] objectives = {
                Svd.fit(r, FactorOptions.svd().withFactors(f).withEpochs(15).withLearningRate(0.002).withSeed(seed))
                        .fitSummary().objective(),
                Svd.fit(r, FactorOptions.svd().withFactors(f).withEpochs(15).withLearningRate(0.002).withBiased(false)
                        .withSeed(seed)).fitSummary().objective(),
                SvdPlusPlus.fit(r, FactorOptions.svdPlusPlus().withFactors(f).withEpochs(15).withLearningRate(0.002)
                        .withSeed(seed)).fitSummary().objective(),
        };
        for (double[] o : objectives) {
            for (int e = 1; e < o.length; e++) {
                assertTrue(o[e] <= o[e - 1], "seed " + seed + ": epoch " + (e + 1) + " raised the objective from "
                        + o[e - 1] + " to " + o[e]);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sameSeed_sameModel_andEveryEstimateFiniteOnTheScale(long seed) {
        Ratings r = RandomRatings.of(seed);
        boolean shuffle = seed % 2 == 0;
        FactorOptions o = FactorOptions.svd().withFactors(1 + (int) (seed % 7)).withEpochs(4).withSeed(seed)
                .withShuffle(shuffle);
        SvdModel a = Svd.fit(r, o);
        assertEquals(a, Svd.fit(r, o), "seed " + seed);
        FactorOptions p = FactorOptions.svdPlusPlus().withFactors(2).withEpochs(4).withSeed(seed).withShuffle(shuffle);
        SvdPlusPlusModel b = SvdPlusPlus.fit(r, p);
        assertEquals(b, SvdPlusPlus.fit(r, p), "seed " + seed);
        NmfModel c = Nmf.fit(r, NmfOptions.defaults().withEpochs(5).withSeed(seed));
        assertEquals(c, Nmf.fit(r, NmfOptions.defaults().withEpochs(5).withSeed(seed)), "seed " + seed);
        CoClusteringModel d = CoClustering.fit(r, CoClusteringOptions.defaults().withSeed(seed));
        assertEquals(d, CoClustering.fit(r, CoClusteringOptions.defaults().withSeed(seed)), "seed " + seed);
        for (int[] pair : RandomRatings.pairs(seed, r, 40)) {
            for (var m : java.util.List.of(a, b, c, d)) {
                double e = m.estimate(pair[0], pair[1]);
                assertTrue(e >= 1 && e <= 5, m.name() + " seed " + seed + ": " + e);
            }
        }
        for (double x : c.userFactors()) {
            assertTrue(x >= 0, "NMF factors stay non-negative, seed " + seed);
        }
    }

    @Test
    void shuffle_changesTheOrderButNotTheAccuracyMuch() {
        Ratings r = lowRank(3, 40, 30, 0.5);
        FactorOptions o = FactorOptions.svd().withFactors(4).withEpochs(30).withLearningRate(0.01);
        SvdModel plain = Svd.fit(r, o);
        SvdModel shuffled = Svd.fit(r, o.withShuffle(true));
        assertNotEquals(plain, shuffled);
        double[] a = plain.fitSummary().objective();
        double[] b = shuffled.fitSummary().objective();
        assertEquals(a[a.length - 1], b[b.length - 1], 0.05 * a[a.length - 1]);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void foldIn_ofATrainingUsersOwnRatings_landsCloseToTheFittedVector(long seed) {
        Ratings r = lowRank(seed, 30, 20, 0.7);
        boolean biased = seed % 2 == 0;
        SvdModel m = Svd.fit(r, FactorOptions.svd().withFactors(2).withEpochs(300).withLearningRate(0.02)
                .withReg(0.05).withBiased(biased).withSeed(seed));
        int u = (int) (seed % 30);
        int start = r.byUser().rowStart(u);
        int end = r.byUser().rowEnd(u);
        int[] items = new int[end - start];
        double[] ratings = new double[end - start];
        for (int p = start; p < end; p++) {
            items[p - start] = r.byUser().columnIndex(p);
            ratings[p - start] = r.byUser().value(p);
        }
        UserFactors fitted = m.userFactors(u);
        UserFactors folded = m.foldIn(items, ratings);
        double[] x = fitted.factors();
        double[] y = folded.factors();
        double diff = (fitted.bias() - folded.bias()) * (fitted.bias() - folded.bias());
        double norm = fitted.bias() * fitted.bias();
        for (int k = 0; k < x.length; k++) {
            diff += (x[k] - y[k]) * (x[k] - y[k]);
            norm += x[k] * x[k];
        }
        assertTrue(Math.sqrt(diff) <= 0.05 * Math.sqrt(norm) + 0.02, "seed " + seed + ": fitted " + fitted
                + ", folded " + folded);
        for (int k = 0; k < items.length; k++) {
            // SGD with a constant rate ends within O(lr) of the stationary point where p_u is exactly the fold-in
            assertEquals(m.estimate(u, items[k]), m.estimate(folded, items[k]), 0.1, "seed " + seed);
        }
    }

    @Test
    void diverging_fitStopsWithTheEpochAndObjective_andNeverPredictsNaN() {
        Ratings r = lowRank(1, 30, 20, 0.7);
        SvdModel m = Svd.fit(r, FactorOptions.svd().withFactors(10).withLearningRate(5));
        assertEquals(Verdict.UNUSABLE, m.fitSummary().verdict());
        String why = m.fitSummary().warnings().get(0);
        assertTrue(why.contains("diverged at epoch ") && why.contains("objective is"), why);
        Prediction p = m.predict(0, 0);
        assertTrue(p.impossible() && p.reason().contains("diverged"), p.toString());
        assertEquals(r.globalMean(), p.estimate(), 1e-12);
        NmfModel n = Nmf.fit(r, NmfOptions.defaults().withBiased(true).withBiasLearningRates(50, 50));
        assertEquals(Verdict.UNUSABLE, n.fitSummary().verdict(), n.fitSummary().toString());
        assertTrue(Double.isFinite(n.estimate(0, 0)));
        SvdPlusPlusModel s = SvdPlusPlus.fit(r, FactorOptions.svdPlusPlus().withLearningRate(5));
        assertEquals(Verdict.UNUSABLE, s.fitSummary().verdict());
        assertTrue(Double.isFinite(s.estimate(0, 0)));
    }

    @Test
    void options_refuseZeroFactorsNegativeRatesAndTermsNaNAndZeroEpochs() {
        assertMessage(() -> FactorOptions.svd().withFactors(0), "factors must be >= 1, got 0");
        assertMessage(() -> FactorOptions.svd().withEpochs(0), "epochs must be in [1, 1,000,000], got 0");
        assertMessage(() -> FactorOptions.svd().withLrPu(-0.1), "lrPu must be finite and >= 0, got -0.1");
        assertMessage(() -> FactorOptions.svd().withLearningRate(Double.NaN), "lrBu must be finite and >= 0, got NaN");
        assertMessage(() -> FactorOptions.svd().withRegQi(-1), "regQi must be finite and >= 0, got -1.0");
        assertMessage(() -> FactorOptions.svd().withReg(Double.NaN), "regBu must be finite and >= 0, got NaN");
        assertMessage(() -> FactorOptions.svd().withInitStd(-1), "initStd must be finite and >= 0, got -1.0");
        assertMessage(() -> FactorOptions.svd().withInitMean(Double.NaN), "initMean must be finite, got NaN");
        assertMessage(() -> NmfOptions.defaults().withFactors(0), "factors must be >= 1, got 0");
        assertMessage(() -> NmfOptions.defaults().withEpochs(0), "epochs must be in [1, 1,000,000], got 0");
        assertMessage(() -> NmfOptions.defaults().withFactorReg(-1, 0), "regPu must be finite and >= 0, got -1.0");
        assertMessage(() -> NmfOptions.defaults().withInit(-0.5, 1), "initLow must be finite and >= 0, got -0.5");
        assertMessage(() -> NmfOptions.defaults().withInit(0.5, 0.1), "initHigh must be finite and >= initLow");
        assertMessage(() -> CoClusteringOptions.defaults().withClusters(0, 3), "userClusters must be >= 1, got 0");
        assertMessage(() -> CoClusteringOptions.defaults().withEpochs(0), "epochs must be in [1, 1,000,000], got 0");
        assertMessage(() -> SvdPlusPlus.fit(RecsysFixture.ratings(), FactorOptions.svdPlusPlus().withBiased(false)),
                "biased must be true for SVD++");
    }

    @Test
    void fit_refusesEmptyRatings_andRatingsRefuseNaN() {
        Ratings empty = Ratings.of(2, 2, new int[0], new int[0], new float[0], RatingScale.oneToFive());
        assertMessage(() -> Svd.fit(empty, FactorOptions.svd()), "train must hold at least one rating");
        assertMessage(() -> Nmf.fit(empty, NmfOptions.defaults()), "train must hold at least one rating");
        assertMessage(() -> CoClustering.fit(empty, CoClusteringOptions.defaults()), "train must hold at least one");
        assertThrows(IllegalArgumentException.class, () -> Ratings.of(1, 1, new int[] {0}, new int[] {0},
                new float[] {Float.NaN}, RatingScale.oneToFive()));
    }

    @Test
    void oneUserOrOneItem_fitsAndPredictsWithinTheScale() {
        Ratings oneUser = Ratings.of(1, 4, new int[] {0, 0, 0}, new int[] {0, 1, 3}, new float[] {5, 1, 4},
                RatingScale.oneToFive());
        Ratings oneItem = Ratings.of(4, 1, new int[] {0, 1, 3}, new int[] {0, 0, 0}, new float[] {5, 1, 4},
                RatingScale.oneToFive());
        for (Ratings r : java.util.List.of(oneUser, oneItem)) {
            for (var m : java.util.List.of(Svd.fit(r, FactorOptions.svd()), SvdPlusPlus.fit(r,
                    FactorOptions.svdPlusPlus()), Nmf.fit(r, NmfOptions.defaults()),
                    CoClustering.fit(r, CoClusteringOptions.defaults()))) {
                for (int u = 0; u < r.userCount(); u++) {
                    for (int i = 0; i < r.itemCount(); i++) {
                        double e = m.estimate(u, i);
                        assertTrue(e >= 1 && e <= 5, m.name() + " (" + u + ", " + i + "): " + e);
                    }
                }
                assertNotEquals(Verdict.UNUSABLE, m.fitSummary().verdict(), m.name());
            }
        }
    }

    @Test
    void foldIn_refusesBadInput() {
        SvdModel m = Svd.fit(RecsysFixture.ratings(), FactorOptions.svd().withFactors(3).withEpochs(5));
        assertMessage(() -> m.foldIn(new int[0], new double[0]), "the same length >= 1, got 0 and 0");
        assertMessage(() -> m.foldIn(new int[] {0, 1}, new double[] {3}), "the same length >= 1, got 2 and 1");
        assertMessage(() -> m.foldIn(new int[] {7}, new double[] {3}), "items[0] must be in [0, 6), got 7");
        assertMessage(() -> m.foldIn(new int[] {1, 1}, new double[] {3, 4}), "items[1] = 1 appears twice");
        assertMessage(() -> m.foldIn(new int[] {1}, new double[] {Double.NaN}), "ratings[0] must be finite, got NaN");
        SvdModel noReg = Svd.fit(RecsysFixture.ratings(), FactorOptions.svd().withFactors(3).withEpochs(5)
                .withReg(0));
        assertMessage(() -> noReg.foldIn(new int[] {1}, new double[] {3}), "do not determine the user's");
        assertMessage(() -> m.estimate(new UserFactors(0, new double[2]), 0), "user has 2 factors, the model 3");
    }

    @Test
    void unknownUsers_followSurprise() {
        SvdModel biased = Svd.fit(RecsysFixture.ratings(), FactorOptions.svd().withFactors(3).withEpochs(5));
        Prediction p = biased.predict(6, 0);
        assertEquals(biased.globalMean() + biased.itemBiases()[0], p.estimate(), 1e-12);
        assertTrue(!p.impossible());
        CoClusteringModel c = CoClustering.fit(RecsysFixture.ratings(), CoClusteringOptions.defaults());
        assertTrue(c.predict(0, 5).impossible());
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
