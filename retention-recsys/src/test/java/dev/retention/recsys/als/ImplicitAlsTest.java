package dev.retention.recsys.als;

import dev.retention.model.FitControl;
import dev.retention.model.Models;
import dev.retention.recsys.Confidence;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.ImplAls;
import dev.retention.recsys.sparse.CsrMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImplicitAlsTest {

    /** Cholesky: float factors against NumPy's float64 algebra rounded to float32 per row, on factors near 1. */
    private static final double FACTOR_TOLERANCE = 1e-4;
    /**
     * CG: float algebra, as implicit's; on this fixture the NumPy transcription run in float32 and in float64 differ
     * by up to 3.8e-4 (the third step on a nearly solved 3-factor system amplifies rounding), so 1e-3 absolute.
     */
    private static final double CG_FACTOR_TOLERANCE = 1e-3;

    private static Ratings goldenData() {
        return Ratings.of(AlsGoldens.USERS, AlsGoldens.ITEMS, AlsGoldens.USERS_OF, AlsGoldens.ITEMS_OF,
                AlsGoldens.VALUES, new RatingScale(0, 3));
    }

    @ParameterizedTest(name = "cg steps {0}")
    @ValueSource(ints = {3, 0})
    void fit_matchesNumPyTranscriptionOfImplicit(int cgSteps) {
        // Golden: src/test/python/als_reference.py, implicit's CPU ALS update equations (CG with 3 steps, and the
        // exact solve) from the same initial factors, 3 iterations, factors 3, regularization 0.1, alpha 2.
        AlsOptions o = AlsOptions.defaults().withFactors(AlsGoldens.FACTORS)
                .withRegularization(AlsGoldens.REGULARIZATION).withAlpha(AlsGoldens.ALPHA)
                .withIterations(AlsGoldens.ITERATIONS).withCgSteps(cgSteps);
        AlsModel m = ImplicitAls.fit(goldenData(), o, AlsGoldens.X0.clone(), AlsGoldens.Y0.clone(),
                FitControl.defaults());
        double[] x = cgSteps == 3 ? AlsGoldens.CG3_X : AlsGoldens.CHOLESKY_X;
        double[] y = cgSteps == 3 ? AlsGoldens.CG3_Y : AlsGoldens.CHOLESKY_Y;
        double[] loss = cgSteps == 3 ? AlsGoldens.CG3_LOSS : AlsGoldens.CHOLESKY_LOSS;
        float[] gx = m.userFactors();
        float[] gy = m.itemFactors();
        double tolerance = cgSteps == 0 ? FACTOR_TOLERANCE : CG_FACTOR_TOLERANCE;
        for (int t = 0; t < x.length; t++) {
            assertEquals(x[t], gx[t], tolerance, "user factor " + t);
        }
        for (int t = 0; t < y.length; t++) {
            assertEquals(y[t], gy[t], tolerance, "item factor " + t);
        }
        double[] got = m.fitSummary().objective();
        assertEquals(loss.length, got.length);
        for (int t = 0; t < loss.length; t++) {
            assertEquals(loss[t], got[t], (cgSteps == 0 ? 1e-6 : 1e-4) * loss[t], "loss " + t);
        }
    }

    @ParameterizedTest(name = "cg steps {0}")
    @ValueSource(ints = {3, 1, 0})
    void binaryPurchases_withAlphaOne_areSolvedExactly_byEitherSolver(int cgSteps) {
        // Golden: als_reference.py's BINARY case. Every confidence is 1, so every row's matrix is Y^T Y + reg I; the
        // script solves it exactly (np.linalg.solve, float64, rows rounded to float32). The library solves such rows
        // from one inverse of that matrix per half-step, rounded to float, with CG as with Cholesky: factors 1e-4
        // absolute, loss 1e-5 relative.
        int[] u = AlsGoldens.USERS_OF;
        float[] ones = new float[u.length];
        Arrays.fill(ones, 1f);
        Ratings binary = Ratings.of(AlsGoldens.USERS, AlsGoldens.ITEMS, u, AlsGoldens.ITEMS_OF, ones,
                new RatingScale(0, 1));
        AlsOptions o = AlsOptions.defaults().withFactors(AlsGoldens.FACTORS)
                .withRegularization(AlsGoldens.REGULARIZATION).withAlpha(1)
                .withIterations(AlsGoldens.ITERATIONS).withCgSteps(cgSteps);
        AlsModel m = ImplicitAls.fit(binary, o, AlsGoldens.X0.clone(), AlsGoldens.Y0.clone(), FitControl.defaults());
        for (int t = 0; t < AlsGoldens.BINARY_X.length; t++) {
            assertEquals(AlsGoldens.BINARY_X[t], m.userFactors()[t], FACTOR_TOLERANCE, "user factor " + t);
        }
        for (int t = 0; t < AlsGoldens.BINARY_Y.length; t++) {
            assertEquals(AlsGoldens.BINARY_Y[t], m.itemFactors()[t], FACTOR_TOLERANCE, "item factor " + t);
        }
        double[] loss = m.fitSummary().objective();
        for (int t = 0; t < loss.length; t++) {
            assertEquals(AlsGoldens.BINARY_LOSS[t], loss[t], 1e-5 * AlsGoldens.BINARY_LOSS[t], "loss " + t);
        }
        long rows = Arrays.stream(u).distinct().count() + Arrays.stream(AlsGoldens.ITEMS_OF).distinct().count();
        String solves = String.format(java.util.Locale.ROOT, "%d of %d row solves", rows * AlsGoldens.ITERATIONS,
                rows * AlsGoldens.ITERATIONS);
        assertTrue(m.fitSummary().toString().contains(solves), m.fitSummary().toString());
    }

    @Test
    void cg_reachesTheCholeskySolution_asStepsGrow() {
        Ratings r = goldenData();
        AlsOptions o = AlsOptions.defaults().withFactors(AlsGoldens.FACTORS).withRegularization(0.1)
                .withIterations(1);
        float[] exact = ImplicitAls.fit(r, o.withCgSteps(0), AlsGoldens.X0.clone(), AlsGoldens.Y0.clone(),
                FitControl.defaults()).userFactors();
        double previous = Double.POSITIVE_INFINITY;
        for (int steps : new int[] {1, 2, 3}) {
            float[] cg = ImplicitAls.fit(r, o.withCgSteps(steps), AlsGoldens.X0.clone(), AlsGoldens.Y0.clone(),
                    FitControl.defaults()).userFactors();
            double err = 0;
            for (int t = 0; t < cg.length; t++) {
                err = Math.max(err, Math.abs(cg[t] - exact[t]));
            }
            assertTrue(err <= previous + 1e-6, steps + " steps: " + err + " after " + previous);
            previous = err;
        }
        assertTrue(previous < 1e-4, "3 CG steps on 3 factors solve exactly up to rounding, got " + previous);
    }

    static LongStream seeds() {
        return LongStream.range(0, 30);
    }

    private static Ratings random(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int users = 2 + rnd.nextInt(15);
        int items = 2 + rnd.nextInt(15);
        java.util.List<int[]> pairs = new java.util.ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                if (rnd.nextDouble() < 0.35) {
                    pairs.add(new int[] {u, i, 1 + rnd.nextInt(3)});
                }
            }
        }
        if (pairs.isEmpty()) {
            pairs.add(new int[] {0, 0, 1});
        }
        int[] u = new int[pairs.size()];
        int[] i = new int[pairs.size()];
        float[] v = new float[pairs.size()];
        for (int t = 0; t < u.length; t++) {
            u[t] = pairs.get(t)[0];
            i[t] = pairs.get(t)[1];
            v[t] = pairs.get(t)[2];
        }
        return Ratings.of(users, items, u, i, v, new RatingScale(0, 3));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void exactAls_lossNeverRises_andThreadsDoNotMatter(long seed) {
        Ratings r = random(seed);
        AlsOptions o = AlsOptions.defaults().withFactors(1 + (int) (seed % 4)).withRegularization(0.05)
                .withIterations(6).withCgSteps(0).withSeed(seed);
        AlsModel one = ImplicitAls.fit(r, o);
        double[] loss = one.fitSummary().objective();
        for (int t = 1; t < loss.length; t++) {
            assertTrue(loss[t] <= loss[t - 1] * (1 + 1e-5) + 1e-9, "seed " + seed + ": " + Arrays.toString(loss));
        }
        assertEquals(one, ImplicitAls.fit(r, o.withThreads(2)), "seed " + seed);
        AlsOptions cg = o.withCgSteps(3);
        assertEquals(ImplicitAls.fit(r, cg), ImplicitAls.fit(r, cg.withThreads(3)), "seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void recordedLoss_equalsTheDirectDefinition(long seed) {
        // The fit takes the loss from its last half-step (sum c - y.b - y.r - lambda |y|^2 per item); the direct
        // definition sums every cell in double. Cholesky: double algebra but Y^T Y summed in float as the solver does,
        // and the terms cancel, 1e-5 relative; CG: float residuals, 1e-4 relative.
        // alpha 1 in every fourth case: rows whose values are all 1 are then solved with the shared matrix
        Ratings r = random(seed);
        for (int steps : new int[] {0, 1 + (int) (seed % 3)}) {
            AlsOptions o = AlsOptions.defaults().withFactors(1 + (int) (seed % 5)).withRegularization(0.05)
                    .withAlpha(seed % 4 == 0 ? 1 : 0.5 + seed % 3).withIterations(3).withCgSteps(steps)
                    .withSeed(seed);
            AlsModel m = ImplicitAls.fit(r, o);
            CsrMatrix byUser = r.byUser();
            float[] conf = byUser.values();
            for (int p = 0; p < conf.length; p++) {
                conf[p] = (float) (o.alpha() * conf[p]);
            }
            double direct = ImplAls.loss(r.userCount(), r.itemCount(), byUser.rowPointers(), byUser.columnIndices(),
                    conf, m.userFactors(), m.itemFactors(), o.factors(), o.regularization());
            double[] loss = m.fitSummary().objective();
            assertEquals(direct, loss[loss.length - 1], (steps == 0 ? 1e-5 : 1e-4) * direct,
                    "seed " + seed + ", " + steps + " steps");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void foldIn_ofATrainingUser_reproducesTheirVector_atConvergence(long seed) {
        Ratings r = random(seed);
        Confidence[] weightings = {Confidence.scaled(1), Confidence.linear(0.5), Confidence.log(2, 0.5)};
        AlsOptions o = AlsOptions.defaults().withFactors(2).withRegularization(0.1).withIterations(200)
                .withCgSteps(0).withSeed(seed).withConfidence(weightings[(int) (seed % 3)]);
        AlsModel m = ImplicitAls.fit(r, o);
        float[] x = m.userFactors();
        for (int u = 0; u < r.userCount(); u++) {
            int start = r.byUser().rowStart(u);
            int len = r.byUser().rowLength(u);
            float[] folded = m.foldIn(Arrays.copyOfRange(r.byUser().columnIndices(), start, start + len),
                    Arrays.copyOfRange(r.byUser().values(), start, start + len));
            for (int k = 0; k < 2; k++) {
                assertEquals(x[u * 2 + k], folded[k], 2e-3 * Math.max(1, Math.abs(x[u * 2 + k])),
                        "seed " + seed + " user " + u);
            }
            double[] a = new double[m.itemCount()];
            double[] b = new double[m.itemCount()];
            m.scoreItems(u, a);
            m.scoreItems(Arrays.copyOfRange(x, u * 2, u * 2 + 2), b);
            assertEquals(Arrays.toString(a), Arrays.toString(b));
        }
    }

    @Test
    void weightedModels_roundTrip_andFoldInUsesTheTrainingStatistics() throws Exception {
        // 9 users, item 5 bought by 2 of them: BM25 and TF-IDF confidences are positive
        int[] u = {0, 0, 1, 2, 3, 4, 4, 5, 6, 7, 8, 8, 2, 6};
        int[] i = {0, 1, 1, 2, 3, 0, 4, 2, 3, 1, 4, 0, 5, 5};
        float[] v = {1, 3, 2, 1, 4, 2, 1, 1, 2, 5, 1, 1, 2, 1};
        Ratings r = Ratings.of(9, 6, u, i, v, new RatingScale(0, 5));
        for (Confidence c : new Confidence[] {Confidence.bm25(1, 100, 0.8), Confidence.tfidf(2),
                Confidence.log(1, 1)}) {
            AlsModel m = ImplicitAls.fit(r, AlsOptions.defaults().withFactors(3).withIterations(30).withCgSteps(0)
                    .withConfidence(c));
            assertEquals(m, Models.fromBytes(m.toBytes(), "memory"), c.toString());
            assertTrue(m.fitSummary().toString().contains(c.describe()), m.fitSummary().toString());
            float[] folded = m.foldIn(new int[] {0, 1}, new float[] {1, 3});
            float[] again = ((AlsModel) Models.fromBytes(m.toBytes(), "memory")).foldIn(new int[] {0, 1},
                    new float[] {1, 3});
            assertEquals(Arrays.toString(folded), Arrays.toString(again), c.toString());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImplicitAls.fit(
                Ratings.of(2, 1, new int[] {0, 1}, new int[] {0, 0}, new float[] {1, 1}, new RatingScale(0, 5)),
                AlsOptions.defaults().withConfidence(Confidence.tfidf(1))));
        assertTrue(e.getMessage().contains("confidences must be finite and > 0"), e.getMessage());
    }

    @Test
    void model_roundTrips_andBadInputIsNamed() throws Exception {
        AlsModel m = ImplicitAls.fit(goldenData(), AlsOptions.defaults().withFactors(4).withIterations(2));
        assertEquals(m, Models.fromBytes(m.toBytes(), "memory"));
        assertTrue(m.toString().contains("ImplicitALS (4 factors"), m.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AlsOptions.defaults().withRegularization(0));
        assertTrue(e.getMessage().contains("regularization must be finite and > 0, got 0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AlsOptions.defaults().withCgSteps(-1));
        assertTrue(e.getMessage().contains("cgSteps"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.foldIn(new int[] {1, 1}, new float[] {1, 1}));
        assertTrue(e.getMessage().contains("items[1]"), e.getMessage());
        Ratings zero = Ratings.of(2, 2, new int[] {0, 1}, new int[] {0, 1}, new float[] {1, 0}, new RatingScale(0, 1));
        e = assertThrows(IllegalArgumentException.class, () -> ImplicitAls.fit(zero, AlsOptions.defaults()));
        assertTrue(e.getMessage().contains("must be finite and > 0"), e.getMessage());
    }
}
