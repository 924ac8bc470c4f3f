package dev.retention.recsys.knn;

import dev.retention.data.IdIndex;
import dev.retention.model.FitControl;
import dev.retention.recsys.EnumDraws;
import dev.retention.recsys.Prediction;
import dev.retention.recsys.RandomRatings;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.RecsysFixture;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.baseline.BaselineOptions;
import dev.retention.recsys.similarity.SimilarityMatrix;
import dev.retention.recsys.similarity.SimilarityMeasure;
import dev.retention.recsys.similarity.SimilarityOptions;
import dev.retention.recsys.sparse.RandomSparse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden tables from surprise_reference.py (see {@link RecsysFixture}), one per variant, orientation and
 * similarity; tolerance 1e-6 because similarities are stored as floats.
 */
class KnnTest {

    static LongStream seeds() {
        return LongStream.range(0, 48);
    }

    private static KnnModel fit(KnnVariant v, boolean userBased, SimilarityMeasure m, int k, int minK) {
        return Knn.fit(RecsysFixture.ratings(), KnnOptions.defaults().withVariant(v).withUserBased(userBased)
                .withMeasure(m).withK(k).withMinK(minK));
    }

    @Test
    void basic_userMsd_k2_minK2() {
        RecsysFixture.assertTable(RecsysFixture.Golden.BASICUSERMSDK2MINK2,
                fit(KnnVariant.BASIC, true, SimilarityMeasure.MSD, 2, 2), 1e-6);
    }

    @Test
    void withMeans_userCosine_k3() {
        RecsysFixture.assertTable(RecsysFixture.Golden.MEANSUSERCOSINEK3,
                fit(KnnVariant.WITH_MEANS, true, SimilarityMeasure.COSINE, 3, 1), 1e-6);
    }

    @Test
    void withMeans_itemPearsonBaseline() {
        RecsysFixture.assertTable(RecsysFixture.Golden.MEANSITEMPEARSONBASELINEK40,
                fit(KnnVariant.WITH_MEANS, false, SimilarityMeasure.PEARSON_BASELINE, 40, 1), 1e-6);
    }

    @Test
    void withZScore_itemPearson_k2() {
        RecsysFixture.assertTable(RecsysFixture.Golden.ZSCOREITEMPEARSONK2,
                fit(KnnVariant.WITH_Z_SCORE, false, SimilarityMeasure.PEARSON, 2, 1), 1e-6);
    }

    @Test
    void baseline_userPearsonBaseline_k3() {
        RecsysFixture.assertTable(RecsysFixture.Golden.BASELINEUSERPEARSONBASELINEK3,
                fit(KnnVariant.BASELINE, true, SimilarityMeasure.PEARSON_BASELINE, 3, 1), 1e-6);
    }

    @Test
    void baseline_itemMsd_minK3() {
        RecsysFixture.assertTable(RecsysFixture.Golden.BASELINEITEMMSDK40MINK3,
                fit(KnnVariant.BASELINE, false, SimilarityMeasure.MSD, 40, 3), 1e-6);
    }

    @Test
    void predict_saysWhenItFellBack() {
        KnnModel basic = fit(KnnVariant.BASIC, true, SimilarityMeasure.MSD, 40, 1);
        Prediction unknown = basic.predict(6, 0);
        assertTrue(unknown.impossible());
        assertEquals("user and/or item is unknown", unknown.reason());
        assertEquals(3.25, unknown.estimate(), 1e-12);
        Prediction unknownItem = basic.predict(0, 5);
        assertTrue(unknownItem.impossible());
        Prediction ok = basic.predict(0, 3);
        assertFalse(ok.impossible());
        // KNNBasic with min_k above the raters of an item cannot predict: "not enough neighbours"
        KnnModel strict = fit(KnnVariant.BASIC, true, SimilarityMeasure.MSD, 40, 5);
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
                    KnnModel model = Knn.fit(r, KnnOptions.defaults().withVariant(v).withMeasure(m).withUserBased(userBased));
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

    /** The same data gives an equal model for 1 and 3 threads, any variant, measure and representation. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fit_sameModelForOneAndThreeThreads(long seed) {
        Ratings r = RandomRatings.of(seed);
        KnnOptions o = KnnOptions.defaults().withVariant(EnumDraws.at(KnnVariant.class, seed))
                .withMeasure(EnumDraws.at(SimilarityMeasure.class, seed / EnumDraws.count(KnnVariant.class)))
                .withUserBased(seed % 2 == 0)
                .withSimilarity(KnnOptions.defaults().similarity()
                        .withMeasure(EnumDraws.at(SimilarityMeasure.class, seed / EnumDraws.count(KnnVariant.class)))
                        .withRepresentation(EnumDraws.at(SimilarityOptions.Representation.class, seed))
                        .withNeighbours(2));
        KnnModel one = Knn.fit(r, o);
        KnnModel three = Knn.fit(r, o.withThreads(3));
        assertEquals(one, three, "seed " + seed);
        assertEquals(one.hashCode(), three.hashCode(), "seed " + seed);
        assertEquals(3, three.options().threads());
    }

    /** Large enough for several blocks of similarity rows. */
    @Test
    void fit_largerData_sameModelForOneAndThreeThreads() {
        Ratings r = Ratings.of(RandomSparse.ratings(5, 600, 300, 0.2), RatingScale.oneToFive());
        KnnOptions o = KnnOptions.defaults().withMeasure(SimilarityMeasure.PEARSON);
        assertEquals(Knn.fit(r, o), Knn.fit(r, o.withThreads(3)));
    }

    @Test
    void fit_withBaselines_listenerHearsEachEpochThenTheSimilarities_andCancelStops() {
        List<String> heard = new ArrayList<>();
        FitControl control = FitControl.defaults().withListener((stage, done, total, objective) ->
                heard.add(stage + " " + done + "/" + total));
        KnnOptions o = KnnOptions.defaults().withVariant(KnnVariant.BASELINE)
                .withBaseline(BaselineOptions.als().withEpochs(4));
        Knn.fit(RecsysFixture.ratings(), o, control);
        assertEquals(List.of("epochs 1/4", "epochs 2/4", "epochs 3/4", "epochs 4/4", "similarities 1/1"), heard);
        AtomicInteger steps = new AtomicInteger();
        FitControl cancel = FitControl.defaults().withListener((stage, done, total, objective) -> steps.incrementAndGet())
                .withCancellation(() -> steps.get() >= 2);
        assertThrows(CancellationException.class, () -> Knn.fit(RecsysFixture.ratings(), o, cancel));
        assertEquals(2, steps.get());
    }

    @Test
    void toString_showsNeighboursByExternalId() {
        Ratings f = RecsysFixture.ratings();
        Ratings r = Ratings.of(f.byUser(), f.scale(), IdIndex.ofStrings("ann", "bob", "cy", "dee", "eve", "fay", "gus"),
                f.items());
        KnnModel m = Knn.fit(r, KnnOptions.defaults());
        String text = m.toString();
        assertTrue(text.contains("nearest users") && text.contains("ann") && text.contains("bob"), text);
        SimilarityMatrix.Neighbours nb = m.neighbours(0, 3);
        for (int t = 0; t < nb.size(); t++) {
            assertEquals(r.users().id(nb.index(t)), nb.id(t));
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
