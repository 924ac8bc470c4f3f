package dev.retention.recsys.evaluation;

import dev.retention.recsys.Prediction;
import dev.retention.recsys.RatingPredictor;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.RecsysFixture;
import dev.retention.recsys.baseline.BaselineOnly;
import dev.retention.recsys.baseline.BaselineOptions;
import dev.retention.recsys.knn.Knn;
import dev.retention.recsys.knn.KnnModel;
import dev.retention.recsys.knn.KnnOptions;
import dev.retention.recsys.knn.KnnVariant;
import dev.retention.recsys.similarity.SimilarityMeasure;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvalTest {

    private static String key(Ratings r, int p, int[] userOf) {
        return userOf[p] + ":" + r.item(p);
    }

    @Test
    void kFold_partitionsTheRatings_withSurpriseFoldSizes() {
        Ratings data = RecsysFixture.ratings();     // 20 ratings, 3 folds: 7, 7, 6
        List<Split> splits = Folds.kFold(data, 3, 42);
        assertEquals(3, splits.size());
        Set<String> seen = new HashSet<>();
        int[] sizes = new int[3];
        for (int f = 0; f < 3; f++) {
            Split s = splits.get(f);
            sizes[f] = s.test().size();
            assertEquals(20, s.train().size() + s.test().size());
            int[] userOf = s.test().userOfEntry();
            for (int p = 0; p < s.test().size(); p++) {
                assertTrue(seen.add(key(s.test(), p, userOf)), "each rating tested once");
                int u = userOf[p];
                assertEquals(0f, s.train().byUser().get(u, s.test().item(p)), "test rating not in training");
            }
        }
        assertEquals(20, seen.size());
        assertEquals(List.of(7, 7, 6), List.of(sizes[0], sizes[1], sizes[2]));
        // the same seed gives the same folds
        assertEquals(splits.get(1).test().byUser(), Folds.kFold(data, 3, 42).get(1).test().byUser());
    }

    @Test
    void kFold_rejectsEmptyFoldsAndTooFewFolds() {
        Ratings data = RecsysFixture.ratings();
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> Folds.kFold(data, 21, 0));
        assertTrue(empty.getMessage().contains("got 21") && empty.getMessage().contains("empty"), empty.getMessage());
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> Folds.kFold(data, 1, 0));
        assertTrue(one.getMessage().contains("[2, number of ratings = 20]"), one.getMessage());
    }

    @Test
    void trainTest_andLeaveOneOut() {
        Ratings data = RecsysFixture.ratings();
        Split s = Folds.trainTest(data, 0.25, 1);
        assertEquals(5, s.test().size());
        assertEquals(15, s.train().size());
        Split loo = Folds.leaveOneOut(data, 3, 1);
        // users 0..4 have at least 3 ratings, user 5 has 2
        assertEquals(5, loo.test().size());
        for (int u = 0; u < 5; u++) {
            assertEquals(1, loo.test().byUser().rowLength(u));
        }
        assertEquals(0, loo.test().byUser().rowLength(5));
        assertThrows(IllegalArgumentException.class, () -> Folds.trainTest(data, 0.01, 1));
        assertThrows(IllegalArgumentException.class, () -> Folds.leaveOneOut(data, 9, 1));
    }

    /**
     * Metrics by hand on three test ratings of user 0 (5, 3, 1) and one of user 1 (4) with estimates
     * 4, 3, 2 and 4: errors 1, 0, -1, 0; MSE 0.5, RMSE sqrt(0.5), MAE 0.5. FCP as Surprise: user 0 has
     * 3 concordant pairs and 0 discordant, user 1 has none; means 1.5 and 0, so FCP = 1.
     */
    @Test
    void metrics_byHand() {
        Ratings test = Ratings.of(2, 3, new int[] {0, 0, 0, 1}, new int[] {0, 1, 2, 0}, new float[] {5, 3, 1, 4},
                RatingScale.oneToFive());
        double[] est = {4, 3, 2, 4};
        assertEquals(0.5, RatingMetrics.mse(test, est), 1e-12);
        assertEquals(Math.sqrt(0.5), RatingMetrics.rmse(test, est), 1e-12);
        assertEquals(0.5, RatingMetrics.mae(test, est), 1e-12);
        assertEquals(1.0, RatingMetrics.fcp(test, est), 1e-12);
        // reversing user 0's estimates makes all of its pairs discordant
        assertEquals(0.0, RatingMetrics.fcp(test, new double[] {2, 3, 4, 4}), 1e-12);
        // a tie of estimates counts as discordant for the pair whose first rating is lower: with estimates
        // 3, 3, 2 for ratings 5, 3, 1, the pairs (5,1) and (3,1) are concordant, (3,5) discordant -> 2/3
        assertEquals(2.0 / 3, RatingMetrics.fcp(test, new double[] {3, 3, 2, 4}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> RatingMetrics.rmse(test, new double[3]));
    }

    @Test
    void crossValidation_reportsEveryFold_andMeans() {
        Ratings data = RecsysFixture.ratings();
        CvResult r = CrossValidation.evaluate(data, "baseline", train -> BaselineOnly.fit(train,
                BaselineOptions.defaults()), 4, 3);
        assertEquals(4, r.folds().size());
        double mean = 0;
        for (FoldResult f : r.folds()) {
            assertEquals(5, f.testSize());
            assertEquals(Math.sqrt(f.mse()), f.rmse(), 1e-12);
            assertTrue(f.fitSeconds() >= 0 && f.testSeconds() >= 0);
            mean += f.rmse() / 4;
        }
        assertEquals(mean, r.rmse(), 1e-12);
        assertTrue(r.toString().contains("RMSE (testset)"), r.toString());
    }

    /**
     * The test pass predicts each test rating once and counts the fallbacks from the same predictions:
     * no second pass (a counting wrapper sees exactly one predict() per test rating and no estimate()).
     */
    @Test
    void evaluate_countsFallbacksInTheTimedPass_predictingEachRatingOnce() {
        Ratings data = RecsysFixture.ratings();
        Split split = Folds.kFold(data, 4, 5).get(0);
        KnnModel inner = Knn.fit(split.train(), KnnOptions.defaults().withVariant(KnnVariant.BASIC).withMinK(3));
        int[] calls = new int[2];
        RatingPredictor counting = new RatingPredictor() {
            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public RatingScale scale() {
                return inner.scale();
            }

            @Override
            public double estimate(int user, int item) {
                calls[1]++;
                return inner.estimate(user, item);
            }

            @Override
            public Prediction predict(int user, int item) {
                calls[0]++;
                return inner.predict(user, item);
            }

            @Override
            public void scoreItems(int user, double[] out) {
                inner.scoreItems(user, out);
            }

            @Override
            public int userCount() {
                return inner.userCount();
            }

            @Override
            public int itemCount() {
                return inner.itemCount();
            }
        };
        FoldResult r = CrossValidation.evaluate(split, train -> counting);
        Ratings test = split.test();
        assertEquals(test.size(), calls[0]);
        assertEquals(0, calls[1]);
        int impossible = 0;
        double[] est = new double[test.size()];
        int[] users = test.userOfEntry();
        for (int p = 0; p < test.size(); p++) {
            impossible += inner.predict(users[p], test.item(p)).impossible() ? 1 : 0;
            est[p] = inner.estimate(users[p], test.item(p));
        }
        assertTrue(impossible > 0, "the fixture fold has fallbacks to count");
        assertEquals(impossible, r.impossible());
        assertEquals(RatingMetrics.rmse(test, est), r.rmse(), 0.0);
    }

    @Test
    void gridSearch_ranksEveryCandidateByRmse_onTheSameFolds() {
        Ratings data = RecsysFixture.ratings();
        KnnOptions o = KnnOptions.defaults();
        List<KnnOptions> candidates = List.of(o.withK(1), o.withK(3), o.withK(1).withMeasure(SimilarityMeasure.COSINE),
                o.withK(3).withMeasure(SimilarityMeasure.COSINE));
        GridSearch.Result<KnnOptions> g = GridSearch.evaluate(data, candidates, Knn::fit, 3, 0);
        assertEquals(4, g.entries().size());
        for (int i = 1; i < 4; i++) {
            assertTrue(g.entries().get(i - 1).result().rmse() <= g.entries().get(i).result().rmse());
        }
        assertEquals(g.best(), g.entries().get(0));
        // each entry is the cross-validation of its candidate on the folds of the seed
        for (GridSearch.Entry<KnnOptions> e : g.entries()) {
            CvResult alone = CrossValidation.evaluate(data, "x", train -> Knn.fit(train, e.candidate()), 3, 0);
            assertEquals(alone.rmse(), e.result().rmse(), 0.0);
        }
        assertTrue(g.toString().contains("Grid search: 4 candidates"), g.toString());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> GridSearch.evaluate(data, List.<KnnOptions>of(), Knn::fit, 3, 0));
        assertTrue(empty.getMessage().contains("candidates must not be empty"), empty.getMessage());
        GridSearch.Result<BaselineOptions> b = GridSearch.evaluate(data, List.of(BaselineOptions.als(),
                BaselineOptions.sgd()), BaselineOnly::fit, 4, 1);
        assertEquals(2, b.entries().size());
    }
}
