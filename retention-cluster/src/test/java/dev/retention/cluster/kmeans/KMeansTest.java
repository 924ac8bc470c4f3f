package dev.retention.cluster.kmeans;

import dev.retention.cluster.Points;
import dev.retention.cluster.RandomPoints;
import dev.retention.model.ModelFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KMeansTest {

    private static final double[][] CENTRES = {{0, 0}, {10, 0}, {0, 10}, {10, 10}};
    private static final double[][] BLOBS = RandomPoints.blobs(3, CENTRES, 50, 0.5);

    private static KMeansOptions options(int k) {
        return KMeansOptions.defaults().withK(k).withNInit(3).withParallelism(1);
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
        assertEquals("row 1, column 1 is NaN; every value must be finite", e.getMessage());
        double[][] y = {{1, 2}, {3, 4}, {Double.NEGATIVE_INFINITY, 0}};
        e = refused(() -> KMeans.fit(y, options(1)));
        assertEquals("row 2, column 0 is -Infinity; every value must be finite", e.getMessage());
    }

    @Test
    void fit_rejectsRowsOfDifferentLengths() {
        double[][] x = {{1, 2}, {3, 4, 5}};
        IllegalArgumentException e = refused(() -> KMeans.fit(x, options(1)));
        assertEquals("row 1 has 3 columns, expected 2 (the length of row 0)", e.getMessage());
    }

    @Test
    void fit_rejectsBadWeightsAndInitialCentres() {
        Points p = Points.of(BLOBS);
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
        assertEquals("maxIter must be at least 1, got 0", refused(() -> o.withMaxIter(0)).getMessage());
        assertEquals("tol must be finite and >= 0, got -1.0", refused(() -> o.withTol(-1)).getMessage());
        assertEquals("tol must be finite and >= 0, got NaN", refused(() -> o.withTol(Double.NaN)).getMessage());
        assertEquals("parallelism must be at least 1, got 0", refused(() -> o.withParallelism(0)).getMessage());
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
        assertTrue(m.summary().converged());
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
        KMeansModel one = KMeans.fit(x, o.withParallelism(1));
        assertEquals(one, KMeans.fit(x, o.withParallelism(2)));
        assertEquals(one, KMeans.fit(x, o.withParallelism(4)));
        KMeansModel random = KMeans.fit(x, o.withInit(KMeansInit.random()).withParallelism(1));
        assertEquals(random, KMeans.fit(x, o.withInit(KMeansInit.random()).withParallelism(3)));
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
        KMeansModel weighted = KMeans.fit(Points.of(x), new double[] {1, 1, 1, 1, 2}, o);
        KMeansModel repeated = KMeans.fit(Points.of(twice), null, o);
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
        assertEquals("row 1 has 1 values, expected the fitted dimension 2",
                refused(() -> m.transform(new double[][] {{1, 2}, {1}})).getMessage());
        assertArrayEquals(m.labels(), m.predict(Points.of(BLOBS)));
        assertArrayEquals(m.labels(), m.predict(BLOBS));
    }

    @Test
    void save_loadRoundTrip(@TempDir Path dir) throws IOException {
        KMeansModel m = KMeans.fit(BLOBS, options(4));
        Path file = dir.resolve("kmeans.model");
        m.save(file);
        KMeansModel back = KMeansModel.load(file);
        assertEquals(m, back);
        assertEquals(m.predict(new double[] {9, 1}), back.predict(new double[] {9, 1}));
        assertEquals(m, KMeansModel.fromBytes(m.toBytes(), "bytes"));
        byte[] other = dev.retention.model.ModelFile.writer("rfm-scorer").toBytes();
        assertThrows(ModelFormatException.class, () -> KMeansModel.fromBytes(other, "other"));
    }
}
