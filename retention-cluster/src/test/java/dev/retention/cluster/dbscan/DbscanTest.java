package dev.retention.cluster.dbscan;

import dev.retention.cluster.RandomPoints;
import dev.retention.matrix.DenseMatrix;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DbscanTest {

    private static IllegalArgumentException refused(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run);
    }

    @Test
    void options_rejectNonPositiveEpsAndMinSamples() {
        DbscanOptions o = DbscanOptions.defaults();
        assertEquals("eps must be finite and > 0, got 0.0", refused(() -> o.withEps(0)).getMessage());
        assertEquals("eps must be finite and > 0, got -0.5", refused(() -> o.withEps(-0.5)).getMessage());
        assertEquals("eps must be finite and > 0, got NaN", refused(() -> o.withEps(Double.NaN)).getMessage());
        assertEquals("eps must be finite and > 0, got Infinity",
                refused(() -> o.withEps(Double.POSITIVE_INFINITY)).getMessage());
        assertEquals("minSamples must be at least 1, got 0", refused(() -> o.withMinSamples(0)).getMessage());
    }

    @Test
    void fit_rejectsEmptyRaggedAndNonFiniteData() {
        DbscanOptions o = DbscanOptions.defaults();
        assertTrue(refused(() -> Dbscan.fit(new double[0][], o)).getMessage().contains("0 rows"));
        assertEquals("row 1 has 1 columns, expected 2 (the length of row 0)",
                refused(() -> Dbscan.fit(new double[][] {{1, 2}, {3}}, o)).getMessage());
        assertEquals("row 0, column 1 (x1) is NaN; every value must be finite",
                refused(() -> Dbscan.fit(new double[][] {{1, Double.NaN}}, o)).getMessage());
    }

    @Test
    void fit_byHand() {
        // binary fractions, so distances are exact: 0.75 has 0.25, 0.5, 1.25 within 0.5 (core); 1.25 has
        // only 0.75 and itself (border); 5 has nothing (noise)
        double[][] x = {{0.0}, {0.25}, {0.5}, {0.75}, {1.25}, {5.0}};
        DbscanModel r = Dbscan.fit(x, DbscanOptions.defaults().withEps(0.5).withMinSamples(3).withThreads(1));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, -1}, r.labels());
        assertArrayEquals(new int[] {0, 1, 2, 3}, r.coreSampleIndices());
        assertEquals(1, r.clusterCount());
        assertEquals(1, r.noiseCount());
        assertArrayEquals(new int[] {5}, r.clusterSizes());
        assertTrue(r.toString().contains("1 clusters, 1 noise points"), r.toString());
    }

    @Test
    void fit_borderPointJoinsTheFirstCluster() {
        // two dense groups; 0.875 is exactly 0.5 from core points 0.375 and 1.375 but has only 3 neighbours
        double[][] x = {{0.0}, {0.125}, {0.25}, {0.375}, {0.875}, {1.375}, {1.5}, {1.625}, {1.75}};
        DbscanModel r = Dbscan.fit(x, DbscanOptions.defaults().withEps(0.5).withMinSamples(4).withThreads(1));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1}, r.labels());
        assertEquals(false, r.isCore(4));
        assertEquals(true, r.isCore(3));
        assertEquals(true, r.isCore(5));
    }

    @Test
    void fit_minSamplesOneLeavesNoNoise_andDuplicatesFormOneCluster() {
        double[][] x = RandomPoints.blobs(1, new double[][] {{0, 0}, {20, 20}}, 30, 3.0);
        DbscanModel r = Dbscan.fit(x, DbscanOptions.defaults().withEps(0.1).withMinSamples(1).withThreads(1));
        assertEquals(0, r.noiseCount());
        double[][] same = new double[12][];
        Arrays.fill(same, new double[] {1, 1, 1});
        DbscanModel s = Dbscan.fit(same, DbscanOptions.defaults().withEps(1e-9).withMinSamples(12).withThreads(1));
        assertEquals(1, s.clusterCount());
        assertEquals(12, s.coreSampleIndices().length);
        DbscanModel t = Dbscan.fit(same, DbscanOptions.defaults().withEps(1e-9).withMinSamples(13).withThreads(1));
        assertEquals(12, t.noiseCount());
    }

    @Test
    void fit_resultDoesNotDependOnParallelism() {
        DenseMatrix x = DenseMatrix.of(RandomPoints.blobs(4, new double[][] {{0, 0, 0}, {2, 2, 0}, {4, 0, 1}}, 2000,
                0.8));
        DbscanModel one = Dbscan.fit(x, DbscanOptions.defaults().withEps(0.3).withMinSamples(8).withThreads(1));
        assertEquals(one, Dbscan.fit(x, DbscanOptions.defaults().withEps(0.3).withMinSamples(8).withThreads(2)));
        assertEquals(one, Dbscan.fit(x, DbscanOptions.defaults().withEps(0.3).withMinSamples(8).withThreads(4)));
        assertTrue(one.clusterCount() >= 3);
    }

    @Test
    void predict_takesTheLabelOfTheNearestCorePointWithinEps_elseNoise() {
        // as fit_byHand: core points 0, 0.25, 0.5, 0.75 (cluster 0), border 1.25, noise 5
        double[][] x = {{0.0}, {0.25}, {0.5}, {0.75}, {1.25}, {5.0}};
        DbscanModel m = Dbscan.fit(x, DbscanOptions.defaults().withEps(0.5).withMinSamples(3));
        assertEquals(0, m.predict(new double[] {1.0}));
        assertEquals(0, m.predict(new double[] {1.25}), "exactly eps from the core point 0.75");
        assertEquals(DbscanModel.NOISE, m.predict(new double[] {1.3}), "a border point is not a core point");
        assertEquals(DbscanModel.NOISE, m.predict(new double[] {5.0}));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, -1}, m.predict(DenseMatrix.of(x)));
        assertEquals("point has 2 values, expected the fitted dimension 1",
                refused(() -> m.predict(new double[] {1, 2})).getMessage());
        assertEquals(4, m.corePoints().length);
        assertEquals("DBSCAN (KD-tree)", m.fitSummary().algorithm());
        DbscanModel none = Dbscan.fit(x, DbscanOptions.defaults().withEps(0.1).withMinSamples(3));
        assertEquals(DbscanModel.NOISE, none.predict(new double[] {0.0}));
        assertEquals(dev.retention.model.Verdict.WARNING, none.fitSummary().verdict());
        assertTrue(none.fitSummary().warnings().get(0).startsWith("every point is noise"),
                none.fitSummary().warnings().toString());
    }

    @Test
    void predict_onTheTrainingPoints_givesCorePointsAndNoiseTheirLabels() {
        DenseMatrix x = DenseMatrix.of(RandomPoints.blobs(9, new double[][] {{0, 0}, {3, 3}, {0, 4}}, 300, 0.7));
        DbscanModel m = Dbscan.fit(x, DbscanOptions.defaults().withEps(0.3).withMinSamples(6)
                .withScaling(dev.retention.matrix.FeatureScaling.Kind.ZSCORE));
        int[] predicted = m.predict(x);
        double[][] core = m.corePoints();
        double[][] z = m.scaling().apply(x).toArray();
        for (int i = 0; i < x.rows(); i++) {
            if (m.isCore(i) || m.label(i) == DbscanModel.NOISE) {
                assertEquals(m.label(i), predicted[i], "point " + i);
            } else {
                assertTrue(predicted[i] >= 0, "a border point is within eps of a core point: " + i);
            }
            assertEquals(predicted[i], m.predict(x.row(i)));
        }
        assertEquals(m.coreSampleIndices().length, core.length);
        assertArrayEquals(z[m.coreSampleIndices()[0]], core[0]);
        assertEquals(Dbscan.fit(x, DbscanOptions.defaults().withEps(0.3).withMinSamples(6).withThreads(1)),
                Dbscan.fit(x, DbscanOptions.defaults().withEps(0.3).withMinSamples(6).withThreads(3)));
    }
}
