package dev.retention.recsys;

import dev.retention.model.FitSummary;
import dev.retention.model.Verdict;
import dev.retention.recsys.baseline.BaselineOnly;
import dev.retention.recsys.baseline.BaselineOnlyModel;
import dev.retention.recsys.baseline.BaselineOptions;
import dev.retention.recsys.baseline.NormalPredictor;
import dev.retention.recsys.baseline.NormalPredictorOptions;
import dev.retention.recsys.knn.Knn;
import dev.retention.recsys.knn.KnnModel;
import dev.retention.recsys.knn.KnnOptions;
import dev.retention.recsys.knn.KnnVariant;
import dev.retention.recsys.similarity.SimilarityMeasure;
import dev.retention.recsys.similarity.SimilarityOptions;
import dev.retention.recsys.slopeone.SlopeOne;
import dev.retention.recsys.sparse.SvdOptions;
import dev.retention.recsys.svd.PureSvd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fit summaries (core's {@link FitSummary}) the recommenders report, and what their {@code toString()} shows. */
class FitSummaryTest {

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    /**
     * Each ALS half-step minimises the objective exactly in one set of biases given the other, so the
     * per-epoch objective never rises (Koren 2010, section 2.1); checked to 1e-12 relative. The fit converged
     * when the last epoch changed it by at most 1e-4 of it.
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
        assertEquals(s.converged() ? Verdict.FINE : Verdict.WARNING, s.verdict(), "seed " + seed);
        assertEquals(r.fingerprint(), s.data(), "seed " + seed);
    }

    @Test
    void baseline_summaryHoldsTheObjectiveOfTheFittedBiases() {
        Ratings r = RecsysFixture.ratings();
        BaselineOnlyModel m = BaselineOnly.fit(r, BaselineOptions.als());
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
        assertTrue(m.toString().contains("regularised squared error (ALS)"), m.toString());
        assertTrue(m.toString().contains("fit: BaselineOnly, converged after 10 iterations"), m.toString());
        // SGD with a tiny learning rate for 2 epochs is still far from its optimum: a warning, not an exception
        FitSummary sgd = BaselineOnly.fit(r, BaselineOptions.sgd().withEpochs(2)).fitSummary();
        assertFalse(sgd.converged());
        assertEquals(Verdict.WARNING, sgd.verdict());
        assertTrue(sgd.stopReason().contains("2 epochs (Surprise's n_epochs) were not enough"), sgd.stopReason());
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
        KnnModel full = Knn.fit(r, KnnOptions.defaults());
        FitSummary s = full.fitSummary();
        assertEquals("KNNWithMeans", s.algorithm());
        assertEquals(0, s.iterations());
        assertTrue(s.converged());
        assertEquals(Verdict.FINE, s.verdict());
        String choice = s.choices().get(0);
        assertTrue(choice.contains("similarity: msd between users (7 x 7"), choice);
        assertTrue(choice.contains("full matrix: 0.0 MiB fits the budget of 256.0 MiB"), choice);
        assertTrue(full.toString().contains(choice), full.toString());

        KnnModel pruned = Knn.fit(r, KnnOptions.defaults().withUserBased(false)
                .withSimilarity(SimilarityOptions.defaults().withMaxDenseBytes(100).withNeighbours(3)));
        String prunedChoice = pruned.fitSummary().choices().get(0);
        assertTrue(prunedChoice.contains("between items")
                && prunedChoice.contains("top-3 neighbour index: a full matrix would need"), prunedChoice);

        KnnModel baseline = Knn.fit(r, KnnOptions.defaults().withVariant(KnnVariant.BASELINE)
                .withMeasure(SimilarityMeasure.PEARSON_BASELINE));
        FitSummary b = baseline.fitSummary();
        assertEquals(10, b.iterations(), "the ALS baseline epochs");
        assertEquals(BaselineOnly.fit(r, BaselineOptions.als()).fitSummary().objective().length, b.objective().length);
        assertTrue(b.choices().get(1).startsWith("baselines ALS, 10 epochs"), b.choices().toString());
        assertTrue(b.options().contains("shrinkage 100.0"), b.options());
    }

    @Test
    void closedFormModels_reportNoIterations() {
        Ratings r = RecsysFixture.ratings();
        FitSummary slope = SlopeOne.fit(r).fitSummary();
        assertEquals(0, slope.iterations());
        assertTrue(slope.converged());
        assertEquals("closed form", slope.stopReason());
        assertTrue(slope.choices().get(0).contains("dense 6 x 6 deviation table"), slope.choices().toString());
        FitSummary normal = NormalPredictor.fit(r, new NormalPredictorOptions(3)).fitSummary();
        assertTrue(normal.choices().get(0).contains("sigma 1.409787"), normal.choices().toString());
        FitSummary svd = PureSvd.fit(r, SvdOptions.defaults().withRank(2)).fitSummary();
        assertEquals(SvdOptions.defaults().powerIterations(), svd.iterations());
        assertTrue(svd.converged());
        assertTrue(svd.options().startsWith("2 factors, oversampling 10, 4 power iterations"), svd.options());
        assertTrue(SlopeOne.fit(r).toString().contains("fit: SlopeOne, closed form"), SlopeOne.fit(r).toString());
        assertEquals(r.fingerprint(), slope.data());
    }

    /**
     * The objective per epoch and the convergence flag against an independent computation (not the code's own
     * rule applied to its own numbers): `src/test/python/baseline_objective_reference.py` runs the ALS updates on
     * the recsys fixture with NumPy and applies the documented rule to its own history. Objectives to 1e-12
     * relative.
     */
    @org.junit.jupiter.api.Test
    void baselineAls_objectiveAndConvergence_matchAnIndependentComputation() {
        double[][] histories = {
                {38.86730174525951, 38.86693001368116, 38.86692977328587, 38.86692977267087, 38.8669297726691, 38.866929772669096, 38.8669297726691, 38.86692977266909, 38.866929772669096, 38.86692977266909},
                {36.7594160297864, 36.75393430832566},
                {36.7594160297864, 36.75393430832566, 36.75355415512278, 36.753380828145325, 36.75327914942665, 36.75321835868057, 36.75318196091406, 36.7531601657009, 36.75314711447348, 36.753139299241084, 36.7531346193854, 36.753131817031225, 36.75313013894763, 36.753129134090884, 36.75312853237051, 36.75312817205307, 36.75312795629063, 36.753127827089465, 36.75312774972225, 36.75312770339382, 36.75312767565181, 36.753127659039535, 36.75312764909193, 36.75312764313518, 36.75312763956819, 36.75312763743224, 36.753127636153216, 36.75312763538731, 36.75312763492868, 36.753127634654035, 36.753127634489594, 36.75312763439112, 36.75312763433215, 36.75312763429684, 36.75312763427569, 36.75312763426303, 36.75312763425545, 36.7531276342509, 36.75312763424818, 36.75312763424657}
        };
        Object[][] settings = {
                {10, 15, 10, true},
                {2, 0.5, 0.5, false},
                {40, 0.5, 0.5, true}
        };
        for (int c = 0; c < settings.length; c++) {
            BaselineOptions o = BaselineOptions.als().withEpochs((Integer) settings[c][0])
                    .withRegUser(((Number) settings[c][1]).doubleValue()).withRegItem(((Number) settings[c][2]).doubleValue());
            FitSummary s = BaselineOnly.fit(RecsysFixture.ratings(), o).fitSummary();
            double[] h = s.objective();
            assertEquals(histories[c].length, h.length, "case " + c);
            for (int e = 0; e < h.length; e++) {
                assertEquals(histories[c][e], h[e], 1e-12 * histories[c][e], "case " + c + ", epoch " + e);
            }
            assertEquals(settings[c][3], s.converged(), "case " + c + ": " + s);
        }
    }
}
