package dev.retention.recsys;

import dev.retention.recsys.baseline.BaselineOnly;
import dev.retention.recsys.baseline.BaselineOptions;
import dev.retention.recsys.baseline.NormalPredictor;
import dev.retention.recsys.knn.Knn;
import dev.retention.recsys.knn.KnnOptions;
import dev.retention.recsys.knn.KnnVariant;
import dev.retention.recsys.slopeone.SlopeOne;
import dev.retention.recsys.svd.PureSvd;
import dev.retention.recsys.similarity.SimilarityMeasure;
import dev.retention.recsys.similarity.SimilarityOptions;
import dev.retention.recsys.sparse.SvdOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fit summaries the models carry, and what their {@code toString()} shows of them. */
class FitSummaryTest {

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    /**
     * Each ALS half-step minimises the objective exactly in one set of biases given the other, so the
     * per-epoch objective never rises (Koren 2010, section 2.1); checked to 1e-12 relative.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void baselineAls_objectiveNeverRises(long seed) {
        Ratings r = RandomRatings.of(seed);
        FitSummary s = BaselineOnly.fit(r, BaselineOptions.als().withEpochs(12)).fitSummary();
        double[] h = s.objective();
        assertEquals(12, h.length, "seed " + seed);
        assertEquals(12, s.iterations(), "seed " + seed);
        for (int e = 1; e < h.length; e++) {
            assertTrue(h[e] <= h[e - 1] * (1 + 1e-12), "seed " + seed + ", epoch " + e + ": " + h[e - 1] + " -> " + h[e]);
        }
        assertEquals(FitSummary.settled(h), s.converged(), "seed " + seed);
    }

    @Test
    void baseline_summaryHoldsTheObjectiveOfTheFittedBiases() {
        Ratings r = RecsysFixture.ratings();
        BaselineOnly m = BaselineOnly.fit(r, BaselineOptions.als());
        double[] bu = m.userBiases();
        double[] bi = m.itemBiases();
        double j = 15 * sumOfSquares(bu) + 10 * sumOfSquares(bi);
        for (int u = 0; u < r.userCount(); u++) {
            for (int p = r.byUser().rowStart(u); p < r.byUser().rowEnd(u); p++) {
                double e = r.value(p) - m.mu() - bu[u] - bi[r.item(p)];
                j += e * e;
            }
        }
        double[] h = m.fitSummary().objective();
        assertEquals(j, h[h.length - 1], 1e-12 * j);
        assertEquals("BaselineOnly", m.fitSummary().algorithm());
        assertEquals("ALS, 10 epochs, reg_u 15.0, reg_i 10.0", m.fitSummary().options());
        assertTrue(m.toString().contains("objective per iteration:"), m.toString());
        assertTrue(m.toString().contains("fit: BaselineOnly, 10 iterations"), m.toString());
        // SGD with a tiny learning rate for 2 epochs is still far from its optimum
        FitSummary sgd = BaselineOnly.fit(r, BaselineOptions.sgd().withEpochs(2)).fitSummary();
        assertFalse(sgd.converged());
        assertTrue(sgd.toString().contains("NOT converged"), sgd.toString());
    }

    private static double sumOfSquares(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return s;
    }

    @Test
    void knn_summaryNamesTheSimilarityAndItsRepresentation() {
        Ratings r = RecsysFixture.ratings();
        Knn full = Knn.fit(r, KnnOptions.defaults());
        FitSummary s = full.fitSummary();
        assertEquals("KNNWithMeans", s.algorithm());
        assertEquals(0, s.iterations());
        assertTrue(s.converged());
        assertTrue(s.details().contains("similarity: msd between users (7 x 7"), s.details());
        assertTrue(s.details().contains("full matrix: 0.0 MiB fits the budget of 256.0 MiB"), s.details());
        assertTrue(full.toString().contains(s.details()), full.toString());

        Knn pruned = Knn.fit(r, KnnOptions.defaults().withUserBased(false)
                .withSimilarity(SimilarityOptions.defaults().withMaxDenseBytes(100).withNeighbours(3)));
        assertTrue(pruned.fitSummary().details().contains("between items")
                && pruned.fitSummary().details().contains("top-3 neighbour index: a full matrix would need"),
                pruned.fitSummary().details());

        Knn baseline = Knn.fit(r, KnnOptions.defaults().withVariant(KnnVariant.BASELINE)
                .withMeasure(SimilarityMeasure.PEARSON_BASELINE));
        FitSummary b = baseline.fitSummary();
        assertEquals(10, b.iterations(), "the ALS baseline epochs");
        assertEquals(BaselineOnly.fit(r).fitSummary().objective().length, b.objective().length);
        assertTrue(b.details().contains("baselines ALS, 10 epochs"), b.details());
        assertTrue(b.options().contains("shrinkage 100.0"), b.options());
    }

    @Test
    void closedFormModels_reportNoIterations() {
        Ratings r = RecsysFixture.ratings();
        FitSummary slope = SlopeOne.fit(r).fitSummary();
        assertEquals(0, slope.iterations());
        assertTrue(slope.details().contains("dense 6 x 6 deviation table"), slope.details());
        FitSummary normal = NormalPredictor.fit(r, 3).fitSummary();
        assertTrue(normal.details().contains("sigma 1.409787"), normal.details());
        FitSummary svd = PureSvd.fit(r, SvdOptions.defaults().withRank(2)).fitSummary();
        assertEquals(SvdOptions.defaults().powerIterations(), svd.iterations());
        assertTrue(svd.options().startsWith("2 factors"), svd.options());
        assertTrue(SlopeOne.fit(r).toString().contains("fit: SlopeOne, closed form"));
    }

    @Test
    void summary_rejectsBadValues_andCopiesItsHistory() {
        IllegalArgumentException it = assertThrows(IllegalArgumentException.class,
                () -> new FitSummary("a", "o", "", -1, true, new double[0], 0));
        assertTrue(it.getMessage().contains("iterations must be >= 0, got -1"), it.getMessage());
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> new FitSummary("a", "o", "", 1, true, new double[2], 0));
        assertTrue(len.getMessage().contains("at most one value per iteration (1), got 2"), len.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FitSummary("a", "o", "", 0, true, new double[0], -1));
        double[] h = {3, 2};
        FitSummary s = new FitSummary("a", "o", "", 2, true, h, 0);
        h[0] = 99;
        assertEquals(3, s.objective()[0]);
        assertTrue(FitSummary.settled(new double[] {1, 1 - 1e-5}));
        assertFalse(FitSummary.settled(new double[] {1, 0.9}));
        assertFalse(FitSummary.settled(new double[] {1}));
    }
}
