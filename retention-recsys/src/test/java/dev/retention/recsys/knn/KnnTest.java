package dev.retention.recsys.knn;

import dev.retention.recsys.Prediction;
import dev.retention.recsys.RecsysFixture;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.similarity.SimilarityMeasure;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden tables from surprise_reference.py (see {@link RecsysFixture}), one per variant, orientation and
 * similarity; tolerance 1e-6 because similarities are stored as floats.
 */
class KnnTest {

    private static Knn fit(KnnVariant v, boolean userBased, SimilarityMeasure m, int k, int minK) {
        return Knn.fit(RecsysFixture.ratings(), KnnOptions.defaults().withVariant(v).withUserBased(userBased)
                .withMeasure(m).withK(k).withMinK(minK));
    }

    @Test
    void basic_userMsd_k2_minK2() {
        RecsysFixture.assertTable(RecsysFixture.BASICUSERMSDK2MINK2,
                fit(KnnVariant.BASIC, true, SimilarityMeasure.MSD, 2, 2), 1e-6);
    }

    @Test
    void withMeans_userCosine_k3() {
        RecsysFixture.assertTable(RecsysFixture.MEANSUSERCOSINEK3,
                fit(KnnVariant.WITH_MEANS, true, SimilarityMeasure.COSINE, 3, 1), 1e-6);
    }

    @Test
    void withMeans_itemPearsonBaseline() {
        RecsysFixture.assertTable(RecsysFixture.MEANSITEMPEARSONBASELINEK40,
                fit(KnnVariant.WITH_MEANS, false, SimilarityMeasure.PEARSON_BASELINE, 40, 1), 1e-6);
    }

    @Test
    void withZScore_itemPearson_k2() {
        RecsysFixture.assertTable(RecsysFixture.ZSCOREITEMPEARSONK2,
                fit(KnnVariant.WITH_Z_SCORE, false, SimilarityMeasure.PEARSON, 2, 1), 1e-6);
    }

    @Test
    void baseline_userPearsonBaseline_k3() {
        RecsysFixture.assertTable(RecsysFixture.BASELINEUSERPEARSONBASELINEK3,
                fit(KnnVariant.BASELINE, true, SimilarityMeasure.PEARSON_BASELINE, 3, 1), 1e-6);
    }

    @Test
    void baseline_itemMsd_minK3() {
        RecsysFixture.assertTable(RecsysFixture.BASELINEITEMMSDK40MINK3,
                fit(KnnVariant.BASELINE, false, SimilarityMeasure.MSD, 40, 3), 1e-6);
    }

    @Test
    void predict_saysWhenItFellBack() {
        Knn basic = fit(KnnVariant.BASIC, true, SimilarityMeasure.MSD, 40, 1);
        Prediction unknown = basic.predict(6, 0);
        assertTrue(unknown.impossible());
        assertEquals("user and/or item is unknown", unknown.reason());
        assertEquals(3.25, unknown.estimate(), 1e-12);
        Prediction unknownItem = basic.predict(0, 5);
        assertTrue(unknownItem.impossible());
        Prediction ok = basic.predict(0, 3);
        assertFalse(ok.impossible());
        // KNNBasic with min_k above the raters of an item cannot predict: "not enough neighbours"
        Knn strict = fit(KnnVariant.BASIC, true, SimilarityMeasure.MSD, 40, 5);
        Prediction p = strict.predict(5, 0);
        assertTrue(p.impossible());
        assertEquals("not enough neighbours", p.reason());
        // KNNBaseline falls back to the baseline, which is a normal prediction
        assertFalse(fit(KnnVariant.BASELINE, true, SimilarityMeasure.MSD, 40, 1).predict(6, 5).impossible());
    }

    @Test
    void estimates_stayOnTheScale_andNeverNaN() {
        Ratings r = RecsysFixture.ratings();
        for (KnnVariant v : KnnVariant.values()) {
            for (SimilarityMeasure m : SimilarityMeasure.values()) {
                for (boolean userBased : new boolean[] {true, false}) {
                    Knn model = Knn.fit(r, KnnOptions.defaults().withVariant(v).withMeasure(m).withUserBased(userBased));
                    for (int u = -1; u <= 7; u++) {
                        for (int i = -1; i <= 6; i++) {
                            double e = model.estimate(u, i);
                            assertTrue(e >= 1 && e <= 5, v + " " + m + " " + u + " " + i + " = " + e);
                        }
                    }
                }
            }
        }
    }

    @Test
    void options_rejectKBelowOne() {
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class, () -> KnnOptions.defaults().withK(0));
        assertTrue(k.getMessage().contains("k must be >= 1, got 0"), k.getMessage());
        IllegalArgumentException minK = assertThrows(IllegalArgumentException.class,
                () -> KnnOptions.defaults().withMinK(-2));
        assertTrue(minK.getMessage().contains("minK must be >= 1, got -2"), minK.getMessage());
    }
}
