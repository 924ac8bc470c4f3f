package dev.retention.cli;

import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.baseline.BaselineOnlyModel;
import dev.retention.recsys.baseline.BaselineOptions;
import dev.retention.recsys.baseline.NormalPredictorModel;
import dev.retention.recsys.knn.KnnModel;
import dev.retention.recsys.knn.KnnVariant;
import dev.retention.recsys.similarity.SimilarityMeasure;
import dev.retention.recsys.svd.PureSvdModel;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's algorithm names and text parameters, turned into the library's typed options. */
class RecsysAlgorithmsTest {

    /** A 7 x 6 rating fixture (the recsys module's), users 0..6, items 0..5. */
    private static Ratings ratings() {
        int[][] t = {{0, 0, 5}, {0, 1, 3}, {0, 2, 4}, {0, 4, 1}, {1, 0, 4}, {1, 2, 5}, {1, 3, 2}, {2, 1, 1}, {2, 2, 2},
                {2, 3, 5}, {2, 4, 4}, {3, 0, 2}, {3, 1, 4}, {3, 3, 3}, {4, 0, 3}, {4, 2, 4}, {4, 3, 1}, {4, 4, 5},
                {5, 1, 5}, {5, 4, 2}};
        int[] u = new int[t.length];
        int[] i = new int[t.length];
        float[] v = new float[t.length];
        for (int p = 0; p < t.length; p++) {
            u[p] = t[p][0];
            i[p] = t[p][1];
            v[p] = t[p][2];
        }
        return Ratings.of(7, 6, u, i, v, RatingScale.oneToFive());
    }

    @Test
    void factory_rejectsUnknownNamesParametersAndValues() {
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> RecsysAlgorithms.factory("svd++", Map.of()));
        assertTrue(name.getMessage().contains("'svd++'") && name.getMessage().contains("knn-means"), name.getMessage());
        IllegalArgumentException param = assertThrows(IllegalArgumentException.class,
                () -> RecsysAlgorithms.factory("knn-basic", Map.of("neighbours", "3")));
        assertTrue(param.getMessage().contains("'neighbours'") && param.getMessage().contains("min_k"),
                param.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> RecsysAlgorithms.factory("slope-one", Map.of("k", "3")));
        assertTrue(none.getMessage().contains("it takes none"), none.getMessage());
        IllegalArgumentException sim = assertThrows(IllegalArgumentException.class,
                () -> RecsysAlgorithms.factory("knn-means", Map.of("sim", "euclid")));
        assertTrue(sim.getMessage().contains("'euclid'"), sim.getMessage());
        IllegalArgumentException bool = assertThrows(IllegalArgumentException.class,
                () -> RecsysAlgorithms.factory("knn-means", Map.of("user_based", "maybe")));
        assertTrue(bool.getMessage().contains("true or false"), bool.getMessage());
        IllegalArgumentException method = assertThrows(IllegalArgumentException.class,
                () -> RecsysAlgorithms.factory("baseline", Map.of("method", "foo")));
        assertTrue(method.getMessage().contains("als or sgd, got 'foo'"), method.getMessage());
        IllegalArgumentException reg = assertThrows(IllegalArgumentException.class,
                () -> RecsysAlgorithms.factory("baseline", Map.of("reg_u", "-1")));
        assertTrue(reg.getMessage().contains("regUser must be finite and >= 0, got -1.0"), reg.getMessage());
    }

    @Test
    void factory_fitsEveryAlgorithm_withTheTypedOptionsOfItsParameters() {
        Ratings r = ratings();
        for (String n : RecsysAlgorithms.names()) {
            Map<String, String> params = n.equals("pure-svd") ? Map.of("factors", "2") : Map.of();
            assertTrue(RecsysAlgorithms.factory(n, params).fit(r).estimate(0, 0) >= 1, n);
        }
        KnnModel knn = (KnnModel) RecsysAlgorithms.factory("knn-zscore", Map.of("k", "7", "user_based", "no",
                "sim", "pearson_baseline", "method", "sgd", "n_epochs", "3", "threads", "2")).fit(r);
        assertEquals(KnnVariant.WITH_Z_SCORE, knn.options().variant());
        assertEquals(7, knn.options().k());
        assertFalse(knn.options().userBased());
        assertEquals(SimilarityMeasure.PEARSON_BASELINE, knn.options().similarity().measure());
        assertEquals(BaselineOptions.sgd().withEpochs(3), knn.options().baseline());
        assertEquals(2, knn.options().threads());
        BaselineOnlyModel b = (BaselineOnlyModel) RecsysAlgorithms.factory("baseline", Map.of("reg_u", "5",
                "reg_i", "2.5")).fit(r);
        assertEquals(BaselineOptions.als().withRegUser(5).withRegItem(2.5), b.options());
        assertEquals(9, ((NormalPredictorModel) RecsysAlgorithms.factory("normal", Map.of("seed", "9")).fit(r))
                .options().seed());
        PureSvdModel svd = (PureSvdModel) RecsysAlgorithms.factory("pure-svd", Map.of("factors", "3", "seed", "4"))
                .fit(r);
        assertEquals(3, svd.factors());
        assertEquals(4, svd.options().seed());
    }
}
