package dev.retention.cluster.kmeans;

import dev.retention.cluster.RandomPoints;
import dev.retention.matrix.DenseMatrix;
import dev.retention.matrix.FeatureScaling;
import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.model.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KMeansTest {

    private static final double[][] CENTRES = {{0, 0}, {10, 0}, {0, 10}, {10, 10}};
    private static final double[][] BLOBS = RandomPoints.blobs(3, CENTRES, 50, 0.5);

    private static KMeansOptions options(int k) {
        return KMeansOptions.defaults().withK(k).withNInit(3).withThreads(1);
    }

    private static IllegalArgumentException refused(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run);
    }

    @Test
    void fit_rejectsEmptyData() {
        IllegalArgumentException e = refused(() -> KMeans.fit(new double[0][], options(1)));
        assertTrue(e.getMessage().contains("0 rows"), e.getMessage());
    }

    @Test
    void fit_rejectsKOutOfRange() {
        IllegalArgumentException e = refused(() -> KMeans.fit(BLOBS, options(201)));
        assertEquals("k must be in [1, n=200], got 201", e.getMessage());
        e = refused(() -> options(0));
        assertEquals("k must be at least 1, got 0", e.getMessage());
    }

    @Test
    void fit_rejectsNonFiniteValuesNamingRowAndColumn() {
        double[][] x = {{1, 2}, {3, Double.NaN}};
        IllegalArgumentException e = refused(() -> KMeans.fit(x, options(1)));
        assertEquals("row 1, column 1 (x1) is NaN; every value must be finite", e.getMessage());
        double[][] y = {{1, 2}, {3, 4}, {Double.NEGATIVE_INFINITY, 0}};
        e = refused(() -> KMeans.fit(y, options(1)));
        assertEquals("row 2, column 0 (x0) is -Infinity; every value must be finite", e.getMessage());
    }

    @Test
    void fit_rejectsRowsOfDifferentLengths() {
        double[][] x = {{1, 2}, {3, 4, 5}};
        IllegalArgumentException e = refused(() -> KMeans.fit(x, options(1)));
        assertEquals("row 1 has 3 columns, expected 2 (the length of row 0)", e.getMessage());
    }

    @Test
    void fit_rejectsBadWeightsAndInitialCentres() {
        DenseMatrix p = DenseMatrix.of(BLOBS);
        double[] w = new double[200];
        Arrays.fill(w, 1);
        w[7] = -1;
        IllegalArgumentException e = refused(() -> KMeans.fit(p, w, options(2)));
        assertEquals("sampleWeights[7] must be finite and > 0, got -1.0", e.getMessage());
        e = refused(() -> KMeans.fit(p, new double[3], options(2)));
        assertTrue(e.getMessage().contains("sampleWeights has 3 values"), e.getMessage());
        KMeansOptions given = options(2).withInit(KMeansInit.given(new double[][] {{0, 0, 0}, {1, 1, 1}}));
        e = refused(() -> KMeans.fit(p, given));
        assertEquals("initial centres are 2 x 3, expected k x d = 2 x 2", e.getMessage());
        e = refused(() -> KMeansInit.given(new double[][] {{0, Double.NaN}}));
        assertTrue(e.getMessage().contains("initial centre 0, column 1 is NaN"), e.getMessage());
    }

    @Test
    void options_rejectInvalidValues() {
        KMeansOptions o = KMeansOptions.defaults();
        assertEquals("nInit must be at least 1, got 0", refused(() -> o.withNInit(0)).getMessage());
        assertEquals("maxIterations must be at least 1, got 0", refused(() -> o.withMaxIterations(0)).getMessage());
        assertEquals("tolerance must be finite and >= 0, got -1.0", refused(() -> o.withTolerance(-1)).getMessage());
        assertEquals("tolerance must be finite and >= 0, got NaN",
                refused(() -> o.withTolerance(Double.NaN)).getMessage());
        assertEquals("threads must be at least 1, got 0", refused(() -> o.withThreads(0)).getMessage());
        assertEquals(1, o.threads());
        assertEquals(FeatureScaling.Kind.NONE, o.scaling());
    }

    @Test
    void fit_findsWellSeparatedBlobs() {
        KMeansModel m = KMeans.fit(BLOBS, options(4));
        int[] sizes = m.clusterSizes();
        Arrays.sort(sizes);
        assertArrayEquals(new int[] {50, 50, 50, 50}, sizes);
        for (double[] c : CENTRES) {
            double[] t = m.transform(c);
            double nearest = Arrays.stream(t).min().orElseThrow();
            assertTrue(nearest < 0.3, "a centre near " + Arrays.toString(c) + ": " + Arrays.toString(t));
            assertEquals(m.predict(c), indexOf(t, nearest));
        }
        assertTrue(m.fitSummary().converged());
        assertTrue(m.toString().contains("KMeansModel k=4, d=2, 200 training points"), m.toString());
    }

    private static int indexOf(double[] a, double v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void fit_handlesDuplicatePointsAndConstantColumns() {
        double[][] x = new double[30][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {i % 3, 7.0};       // three distinct points, a constant column
        }
        KMeansModel three = KMeans.fit(x, options(3));
        assertEquals(0.0, three.inertia());
        assertArrayEquals(new int[] {10, 10, 10}, three.clusterSizes());
        // more clusters than distinct points: still k labels in range, zero inertia, no NaN
        KMeansModel five = KMeans.fit(x, options(5));
        assertEquals(0.0, five.inertia());
        for (double[] c : five.centres()) {
            assertTrue(Double.isFinite(c[0]) && Double.isFinite(c[1]), Arrays.toString(c));
        }
        for (int l : five.labels()) {
            assertTrue(l >= 0 && l < 5);
        }
        // every point identical
        double[][] same = new double[10][];
        Arrays.fill(same, new double[] {1, 2});
        assertEquals(0.0, KMeans.fit(same, options(4)).inertia());
    }

    @Test
    void fit_kEqualsN_putsEveryPointAlone() {
        double[][] x = {{0}, {1}, {3}, {7}, {15}};
        KMeansModel m = KMeans.fit(x, options(5));
        assertEquals(0.0, m.inertia());
        assertArrayEquals(new int[] {1, 1, 1, 1, 1}, m.clusterSizes());
    }

    @Test
    void fit_sameSeedSameModelWhateverTheParallelism() {
        double[][] x = RandomPoints.blobs(11, new double[][] {{0, 0, 0}, {3, 1, 0}, {1, 4, 2}}, 1500, 1.5);
        KMeansOptions o = KMeansOptions.defaults().withK(5).withNInit(2).withSeed(42);
        KMeansModel one = KMeans.fit(x, o.withThreads(1));
        assertEquals(one, KMeans.fit(x, o.withThreads(2)));
        assertEquals(one, KMeans.fit(x, o.withThreads(4)));
        KMeansModel random = KMeans.fit(x, o.withInit(KMeansInit.random()).withThreads(1));
        assertEquals(random, KMeans.fit(x, o.withInit(KMeansInit.random()).withThreads(3)));
    }

    @Test
    void fit_keepsTheRestartWithTheLowestInertia() {
        KMeansModel m = KMeans.fit(BLOBS, options(6).withNInit(5));
        double[] restarts = m.restartInertias();
        assertEquals(5, restarts.length);
        assertEquals(Arrays.stream(restarts).min().orElseThrow(), m.inertia());
    }

    @Test
    void fit_weightsActLikeRepeatedPoints() {
        // weight 2 on a point equals that point twice (same init so the runs are comparable)
        double[][] x = {{0, 0}, {1, 0}, {5, 5}, {6, 5}, {6, 6}};
        double[][] twice = {{0, 0}, {1, 0}, {5, 5}, {6, 5}, {6, 6}, {6, 6}};
        KMeansOptions o = options(2).withInit(KMeansInit.given(new double[][] {{0, 0}, {6, 6}}));
        KMeansModel weighted = KMeans.fit(DenseMatrix.of(x), new double[] {1, 1, 1, 1, 2}, o);
        KMeansModel repeated = KMeans.fit(DenseMatrix.of(twice), null, o);
        assertEquals(repeated.inertia(), weighted.inertia(), 1e-12);
        assertArrayEquals(repeated.centre(1), weighted.centre(1), 1e-12);
    }

    @Test
    void predict_rejectsWrongDimensionAndNonFiniteValues() {
        KMeansModel m = KMeans.fit(BLOBS, options(2));
        assertEquals("point has 3 values, expected the fitted dimension 2",
                refused(() -> m.predict(new double[] {1, 2, 3})).getMessage());
        assertEquals("point, column 0 is Infinity; every value must be finite",
                refused(() -> m.predict(new double[] {Double.POSITIVE_INFINITY, 2})).getMessage());
        assertEquals("x has 1 columns, expected the fitted dimension 2",
                refused(() -> m.transform(DenseMatrix.of(new double[][] {{1}}))).getMessage());
        assertArrayEquals(m.labels(), m.predict(DenseMatrix.of(BLOBS)));
        double[][] t = m.transform(DenseMatrix.of(BLOBS));
        for (int i = 0; i < BLOBS.length; i++) {
            assertArrayEquals(m.transform(BLOBS[i]), t[i]);
            assertEquals(m.labels()[i], m.predict(BLOBS[i]));
        }
    }

    @Test
    void fit_withScaling_takesRawFeaturesAndKeepsTheScaling() {
        // two groups whose raw scales differ by orders of magnitude: log1p then z-scores makes them comparable
        double[][] raw = new double[60][];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = i % 2 == 0 ? new double[] {1 + i % 5, 10 + i} : new double[] {200 + i, 9000 + 37 * i};
        }
        DenseMatrix x = DenseMatrix.of(raw, "recency", "monetary");
        KMeansModel m = KMeans.fit(x, options(2).withScaling(FeatureScaling.Kind.LOG1P_ZSCORE));
        FeatureScaling s = FeatureScaling.fit(x, FeatureScaling.Kind.LOG1P_ZSCORE);
        assertEquals(s, m.scaling());
        KMeansModel onScaled = KMeans.fit(s.apply(x), options(2));
        assertArrayEquals(onScaled.centres(), m.centres(), "the same centres as k-means on the scaled rows");
        assertArrayEquals(onScaled.labels(), m.labels());
        assertEquals(onScaled.inertia(), m.inertia());
        for (int i = 0; i < raw.length; i++) {
            assertEquals(m.labels()[i], m.predict(raw[i]), "raw row " + i);
        }
        assertArrayEquals(m.labels(), m.predict(x));
        double[][] inInputUnits = m.centresInInputUnits();
        for (int j = 0; j < 2; j++) {
            assertArrayEquals(s.invert(m.centre(j)), inInputUnits[j]);
        }
        assertEquals(java.util.List.of("recency", "monetary"), m.columnNames());
        assertTrue(m.toString().contains("recency"), m.toString());
        IllegalArgumentException e = refused(() -> m.predict(new double[] {-2, 5}));
        assertTrue(e.getMessage().contains("log1p needs values > -1"), e.getMessage());
    }

    @Test
    void fitSummary_recordsIterationsChoicesAndData() {
        DenseMatrix x = DenseMatrix.of(BLOBS);
        KMeansModel m = KMeans.fit(x, options(4));
        FitSummary s = m.fitSummary();
        assertEquals("kmeans (hamerly)", s.algorithm());
        assertEquals(Verdict.FINE, s.verdict());
        assertEquals(x.fingerprint(), s.data());
        assertEquals("inertia", s.objectiveName());
        assertEquals(s.iterations(), s.objective().length);
        assertTrue(s.choices().get(0).startsWith("restart "), s.choices().toString());
        assertTrue(s.stopReason().equals("labels unchanged") || s.stopReason().equals("centre shift below tolerance"),
                s.stopReason());
        KMeansModel capped = KMeans.fit(x, options(4).withMaxIterations(1).withTolerance(0)
                .withInit(KMeansInit.given(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}})));
        assertEquals("iteration limit 1", capped.fitSummary().stopReason());
        assertEquals(Verdict.WARNING, capped.fitSummary().verdict());
        assertTrue(capped.fitSummary().warnings().get(0).contains("iteration limit 1"));
    }

    @Test
    void fit_sameSeedEqualModelForOneAndThreeThreads() {
        DenseMatrix x = DenseMatrix.of(RandomPoints.blobs(12, new double[][] {{0, 0}, {4, 1}, {1, 5}}, 1500, 1.2));
        KMeansOptions o = KMeansOptions.defaults().withK(4).withNInit(3).withSeed(8)
                .withScaling(FeatureScaling.Kind.ZSCORE);
        assertEquals(KMeans.fit(x, o.withThreads(1)), KMeans.fit(x, o.withThreads(3)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            assertEquals(KMeans.fit(x, o), KMeans.fit(x, o.withThreads(3),
                    FitControl.defaults().withExecutor(pool)), "the caller's executor");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void fit_listenerHearsEveryIterationAndEveryRestart() {
        List<String> heard = new ArrayList<>();
        FitControl control = FitControl.defaults().withListener((stage, done, total, objective) ->
                heard.add(stage + " " + done + "/" + total + " " + objective));
        KMeansModel m = KMeans.fit(DenseMatrix.of(BLOBS), options(4).withNInit(1), control);
        int iterations = m.fitSummary().iterations();
        double[] inertia = m.fitSummary().objective();
        assertEquals(iterations + 1, heard.size(), heard.toString());
        for (int it = 0; it < iterations; it++) {
            assertEquals("k-means restart 1/1 " + (it + 1) + "/300 " + inertia[it], heard.get(it));
        }
        assertEquals("k-means restarts 1/1 " + m.inertia(), heard.get(iterations));
    }

    @Test
    void fit_cancelledStopsWithCancellationException() {
        AtomicInteger steps = new AtomicInteger();
        FitControl control = FitControl.defaults()
                .withListener((stage, done, total, objective) -> steps.incrementAndGet())
                .withCancellation(() -> steps.get() >= 2);
        CancellationException e = assertThrows(CancellationException.class,
                () -> KMeans.fit(DenseMatrix.of(BLOBS), options(4).withThreads(2), control));
        assertTrue(e.getMessage().contains("k-means restart 1/3"), e.getMessage());
        assertEquals(2, steps.get());
    }
}
