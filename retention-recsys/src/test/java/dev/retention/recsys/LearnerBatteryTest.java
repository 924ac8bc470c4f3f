package dev.retention.recsys;

import dev.retention.model.Models;
import dev.retention.model.Verdict;
import dev.retention.recsys.als.AlsOptions;
import dev.retention.recsys.als.ImplicitAls;
import dev.retention.recsys.baseline.BaselineOnly;
import dev.retention.recsys.baseline.BaselineOptions;
import dev.retention.recsys.baseline.NormalPredictor;
import dev.retention.recsys.baseline.NormalPredictorOptions;
import dev.retention.recsys.factorization.CoClustering;
import dev.retention.recsys.factorization.CoClusteringOptions;
import dev.retention.recsys.factorization.FactorOptions;
import dev.retention.recsys.factorization.Nmf;
import dev.retention.recsys.factorization.NmfOptions;
import dev.retention.recsys.factorization.Svd;
import dev.retention.recsys.factorization.SvdPlusPlus;
import dev.retention.recsys.knn.Knn;
import dev.retention.recsys.knn.KnnOptions;
import dev.retention.recsys.knn.KnnVariant;
import dev.retention.recsys.itemknn.ItemKnn;
import dev.retention.recsys.itemknn.ItemKnnOptions;
import dev.retention.recsys.popularity.Popularity;
import dev.retention.recsys.popularity.PopularityOptions;
import dev.retention.recsys.similarity.SimilarityMeasure;
import dev.retention.recsys.slopeone.SlopeOne;
import dev.retention.recsys.slopeone.SlopeOneOptions;
import dev.retention.recsys.sparse.SvdOptions;
import dev.retention.recsys.svd.PureSvd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every recommender learner of the module through awkward data, in the spirit of scikit-learn's
 * {@code check_estimator}: empty data, one rating, one user, one item, constant ratings, an id space far larger
 * than the ratings; and the data checks every learner relies on (duplicate pairs, NaN, infinite and out-of-scale
 * ratings, impossible id-space sizes). Each case ends in an {@link IllegalArgumentException} that names the
 * parameter, or in a model whose predictions are finite, on the scale, flagged with a reason when they fall back,
 * and whose file loads back to an equal model. Predictions from 8 threads equal those from one; where the
 * learner has a {@code threads} option, the same seed gives equal models at 1 and 2 threads.
 *
 * <p>A new learner joins by adding one line to {@link #LEARNERS}.
 */
class LearnerBatteryTest {

    /** Fits a model on ratings. */
    @FunctionalInterface
    interface Fit {
        RatingModel fit(Ratings train);
    }

    /** A learner: its name, its fit, and (when it has a {@code threads} option) its fit at a number of threads. */
    record Learner(String name, Fit fit, IntFunction<Fit> threaded) {
        static Learner of(String name, Fit fit) {
            return new Learner(name, fit, null);
        }

        static Learner threaded(String name, IntFunction<Fit> threaded) {
            return new Learner(name, threaded.apply(1), threaded);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Learner> LEARNERS = List.of(
            Learner.of("normal", r -> NormalPredictor.fit(r, NormalPredictorOptions.defaults())),
            Learner.of("baseline-als", r -> BaselineOnly.fit(r, BaselineOptions.als())),
            Learner.of("baseline-sgd", r -> BaselineOnly.fit(r, BaselineOptions.sgd())),
            Learner.threaded("knn-basic", t -> r -> Knn.fit(r, knn(KnnVariant.BASIC, true, t))),
            Learner.threaded("knn-means-items", t -> r -> Knn.fit(r, knn(KnnVariant.WITH_MEANS, false, t))),
            Learner.threaded("knn-zscore", t -> r -> Knn.fit(r, knn(KnnVariant.WITH_Z_SCORE, true, t))),
            Learner.threaded("knn-baseline", t -> r -> Knn.fit(r, knn(KnnVariant.BASELINE, true, t)
                    .withMeasure(SimilarityMeasure.PEARSON_BASELINE))),
            Learner.threaded("slope-one", t -> r -> SlopeOne.fit(r, new SlopeOneOptions(t))),
            Learner.threaded("pure-svd", t -> r -> PureSvd.fit(r, SvdOptions.defaults().withRank(1).withSeed(7)
                    .withThreads(t))),
            Learner.of("popularity", r -> Popularity.fit(r, PopularityOptions.defaults())),
            Learner.threaded("implicit-als", t -> r -> ImplicitAls.fit(r, AlsOptions.defaults().withFactors(3)
                    .withIterations(3).withThreads(t))),
            Learner.threaded("item-knn-cosine", t -> r -> ItemKnn.fit(r, ItemKnnOptions.defaults().withNeighbours(3)
                    .withThreads(t))),
            Learner.threaded("item-knn-bm25", t -> r -> ItemKnn.fit(r, ItemKnnOptions.defaults().withNeighbours(3)
                    .withWeighting(ItemKnnOptions.Weighting.BM25).withThreads(t))),
            Learner.of("svd", r -> Svd.fit(r, FactorOptions.svd().withFactors(4).withSeed(3))),
            Learner.of("svd-unbiased", r -> Svd.fit(r, FactorOptions.svd().withFactors(4).withBiased(false))),
            Learner.of("svdpp", r -> SvdPlusPlus.fit(r, FactorOptions.svdPlusPlus().withFactors(4))),
            Learner.of("nmf", r -> Nmf.fit(r, NmfOptions.defaults().withFactors(3))),
            Learner.of("nmf-biased", r -> Nmf.fit(r, NmfOptions.defaults().withFactors(3).withBiased(true))),
            Learner.of("co-clustering", r -> CoClustering.fit(r, CoClusteringOptions.defaults())));

    private static KnnOptions knn(KnnVariant variant, boolean userBased, int threads) {
        return KnnOptions.defaults().withVariant(variant).withUserBased(userBased).withK(3).withThreads(threads);
    }

    static Stream<Learner> learners() {
        return LEARNERS.stream();
    }

    static Stream<Learner> threadedLearners() {
        return LEARNERS.stream().filter(l -> l.threaded() != null);
    }

    private static Ratings ratings(int users, int items, int[][] triples) {
        int n = triples.length;
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        for (int p = 0; p < n; p++) {
            u[p] = triples[p][0];
            i[p] = triples[p][1];
            v[p] = triples[p][2];
        }
        return Ratings.of(users, items, u, i, v, RatingScale.oneToFive());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void fit_refusesEmptyRatings(Learner learner) {
        Ratings empty = ratings(3, 4, new int[0][]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> learner.fit().fit(empty));
        assertTrue(e.getMessage().contains("train"), e.getMessage());
        assertTrue(e.getMessage().contains("rating"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void fit_oneRating(Learner learner) throws Exception {
        checkDegenerate(learner, ratings(2, 2, new int[][] {{0, 1, 4}}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void fit_oneUser(Learner learner) throws Exception {
        checkDegenerate(learner, ratings(1, 5, new int[][] {{0, 0, 1}, {0, 1, 5}, {0, 3, 3}}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void fit_oneItem(Learner learner) throws Exception {
        checkDegenerate(learner, ratings(4, 1, new int[][] {{0, 0, 1}, {1, 0, 5}, {3, 0, 2}}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void fit_constantRatings(Learner learner) throws Exception {
        checkDegenerate(learner, ratings(4, 4, new int[][] {{0, 0, 3}, {0, 1, 3}, {1, 0, 3}, {1, 2, 3}, {2, 1, 3},
                {2, 3, 3}, {3, 3, 3}}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void fit_extremeRatingsOnTheEdgesOfTheScale(Learner learner) throws Exception {
        checkDegenerate(learner, ratings(3, 3, new int[][] {{0, 0, 1}, {0, 1, 5}, {1, 0, 5}, {1, 2, 1}, {2, 1, 1},
                {2, 2, 5}}));
    }

    /** An id space far larger than the ratings: a clear refusal naming the limit, or a sound model. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void fit_largeIdSpace(Learner learner) throws Exception {
        Ratings r = ratings(3, 50_000, new int[][] {{0, 0, 4}, {1, 49_999, 2}, {2, 7, 5}, {0, 7, 3}});
        RatingModel m;
        try {
            m = learner.fit().fit(r);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("items") && e.getMessage().contains("50000"), e.getMessage());
            return;
        }
        checkPredictions(m, new int[] {0, 1, 2}, new int[] {0, 1, 7, 49_998, 49_999});
    }

    @Test
    void ratings_refuseWhatNoLearnerCouldUse() {
        RatingScale s = RatingScale.oneToFive();
        int[] one = {0};
        assertMessage("repeated pairs", () -> Ratings.of(2, 2, new int[] {0, 0}, new int[] {1, 1},
                new float[] {3, 4}, s));
        assertMessage("value[0] = NaN", () -> Ratings.of(2, 2, one, one, new float[] {Float.NaN}, s));
        assertMessage("value[0] = Infinity", () -> Ratings.of(2, 2, one, one,
                new float[] {Float.POSITIVE_INFINITY}, s));
        assertMessage("value[0] = -Infinity", () -> Ratings.of(2, 2, one, one,
                new float[] {Float.NEGATIVE_INFINITY}, s));
        assertMessage("value[0] = 6.0", () -> Ratings.of(2, 2, one, one, new float[] {6}, s));
        assertMessage("userCount", () -> Ratings.of(Integer.MAX_VALUE, 2, one, one, new float[] {3}, s));
        assertMessage("itemCount", () -> Ratings.of(2, Integer.MAX_VALUE, one, one, new float[] {3}, s));
        assertMessage("userCount", () -> Ratings.of(-1, 2, one, one, new float[] {3}, s));
    }

    /**
     * A diverged fit (the issue's {@code method=sgd learning_rate=10}) is unusable with its reason, falls back to the
     * global mean with that reason (never an empty one), and saves and loads like any model.
     */
    @Test
    void fit_divergedModelsFallBackWithTheReasonAndRoundTrip() throws Exception {
        Ratings r = RandomRatings.of(3);
        BaselineOptions diverging = BaselineOptions.sgd().withLearningRate(50);
        List<RatingModel> models = List.of(BaselineOnly.fit(r, diverging),
                Knn.fit(r, KnnOptions.defaults().withVariant(KnnVariant.BASELINE).withBaseline(diverging)),
                Svd.fit(r, FactorOptions.svd().withLearningRate(50)),
                SvdPlusPlus.fit(r, FactorOptions.svdPlusPlus().withLearningRate(50)));
        for (RatingModel m : models) {
            assertEquals(Verdict.UNUSABLE, m.fitSummary().verdict(), m.name());
            assertTrue(m.fitSummary().warnings().stream().anyMatch(w -> w.contains("diverged")),
                    m.name() + ": " + m.fitSummary().warnings());
            Prediction p = m.predict(0, 0);
            assertTrue(p.impossible(), m.name());
            assertTrue(p.reason().contains("diverged"), m.name() + ": " + p.reason());
            assertEquals(r.scale().clip(r.globalMean()), p.estimate(), 0.0, m.name());
            checkEveryPairAndRoundTrip(m.name(), m, r);
        }
    }

    /** A mistyped {@code n_epochs=100000000} must not run for days: every epoch or iteration count is bounded. */
    @Test
    void options_boundEpochsAndIterations() {
        int tooMany = 1_000_001;
        assertMessage("epochs must be in [1, 1,000,000], got 1000001", () -> BaselineOptions.sgd().withEpochs(tooMany));
        assertMessage("epochs must be in [1, 1,000,000], got 1000001", () -> FactorOptions.svd().withEpochs(tooMany));
        assertMessage("epochs must be in [1, 1,000,000], got 1000001",
                () -> FactorOptions.svdPlusPlus().withEpochs(tooMany));
        assertMessage("epochs must be in [1, 1,000,000], got 1000001", () -> NmfOptions.defaults().withEpochs(tooMany));
        assertMessage("epochs must be in [1, 1,000,000], got 1000001",
                () -> CoClusteringOptions.defaults().withEpochs(tooMany));
        assertMessage("powerIterations must be in [0, 1,000,000], got 1000001",
                () -> SvdOptions.defaults().withPowerIterations(tooMany));
        BaselineOptions.sgd().withEpochs(1_000_000);   // the bound itself is allowed
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' should name " + expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void predict_fromEightThreadsEqualsOneThread(Learner learner) throws Exception {
        Ratings r = RandomRatings.of(11);
        RatingModel m = learner.fit().fit(r);
        int[][] pairs = RandomRatings.pairs(5, r, 4_000);
        double[] expected = predictAll(m, pairs);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> predictAll(m, pairs)));
            }
            for (Future<double[]> f : results) {
                assertArrayEquals(expected, f.get(), learner.name());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double[] predictAll(RatingModel m, int[][] pairs) {
        double[] out = new double[pairs.length * 2];
        for (int t = 0; t < pairs.length; t++) {
            Prediction p = m.predict(pairs[t][0], pairs[t][1]);
            out[2 * t] = p.estimate();
            out[2 * t + 1] = p.impossible() ? 1 : 0;
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("threadedLearners")
    void fit_sameModelAtOneAndTwoThreads(Learner learner) {
        for (long seed = 0; seed < 10; seed++) {
            Ratings r = RandomRatings.of(seed);
            RatingModel one = learner.threaded().apply(1).fit(r);
            RatingModel two = learner.threaded().apply(2).fit(r);
            assertEquals(one, two, learner.name() + " seed " + seed);
            int[][] pairs = RandomRatings.pairs(seed, r, 200);
            assertArrayEquals(predictAll(one, pairs), predictAll(two, pairs), learner.name() + " seed " + seed);
        }
    }

    /** Fits, checks every prediction, and checks that the model's file loads back to an equal model. */
    private static void checkDegenerate(Learner learner, Ratings r) throws Exception {
        RatingModel m = learner.fit().fit(r);
        assertNotNull(m.fitSummary().verdict());
        checkEveryPairAndRoundTrip(learner.name(), m, r);
    }

    private static void checkEveryPairAndRoundTrip(String name, RatingModel m, Ratings r) throws Exception {
        int[] users = new int[r.userCount()];
        Arrays.setAll(users, u -> u);
        int[] items = new int[r.itemCount()];
        Arrays.setAll(items, i -> i);
        checkPredictions(m, users, items);
        RatingModel loaded = readBack(m);
        assertEquals(m, loaded, name);
        for (int u : users) {
            for (int i : items) {
                assertEquals(m.predict(u, i), loaded.predict(u, i), name + " (" + u + ", " + i + ")");
            }
        }
    }

    static RatingModel readBack(RatingModel m) throws Exception {
        return (RatingModel) Models.fromBytes(m.toBytes(), "battery.model");
    }

    /** Every prediction finite and on the scale, every fallback with a reason, every item score finite. */
    static void checkPredictions(RatingModel m, int[] users, int[] items) {
        RatingScale s = m.scale();
        double[] scores = new double[m.itemCount()];
        for (int u : users) {
            for (int i : items) {
                Prediction p = m.predict(u, i);
                assertTrue(Double.isFinite(p.estimate()) && p.estimate() >= s.min() && p.estimate() <= s.max(),
                        m.name() + " (" + u + ", " + i + ") = " + p.estimate());
                assertEquals(p.estimate(), m.estimate(u, i), 0.0);
                if (p.impossible()) {
                    assertFalse(p.reason().isBlank(), m.name() + " (" + u + ", " + i + "): fallback without a reason");
                }
            }
            m.scoreItems(u, scores);
            for (int i = 0; i < scores.length; i++) {
                assertTrue(Double.isFinite(scores[i]), m.name() + " score of (" + u + ", " + i + ") = " + scores[i]);
            }
        }
        if (m.fitSummary().verdict() == Verdict.UNUSABLE) {
            assertFalse(m.fitSummary().warnings().isEmpty(), m.name() + ": unusable without a reason");
        }
    }
}
