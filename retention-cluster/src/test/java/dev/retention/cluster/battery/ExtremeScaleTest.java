package dev.retention.cluster.battery;

import dev.retention.cluster.dbscan.Dbscan;
import dev.retention.cluster.dbscan.DbscanOptions;
import dev.retention.cluster.hierarchical.Agglomerative;
import dev.retention.cluster.hierarchical.AgglomerativeOptions;
import dev.retention.cluster.hierarchical.Linkage;
import dev.retention.cluster.kmeans.KMeans;
import dev.retention.cluster.kmeans.KMeansModel;
import dev.retention.cluster.kmeans.KMeansOptions;
import dev.retention.cluster.kmeans.MiniBatchKMeans;
import dev.retention.cluster.kmeans.MiniBatchKMeansOptions;
import dev.retention.matrix.DenseMatrix;
import dev.retention.matrix.FeatureScaling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clustering at scales where squared distances overflow or underflow: k-means on three separated
 * blobs scaled by 1e200 gave sizes 298/1/1 with an infinite inertia, scaled by 1e-300 300/0/0; weights of 1e308
 * gave NaN centres; a point at 1e300 transformed to Infinity; mini-batch k-means threw NullPointerException.
 * Each is now a clear IllegalArgumentException, and the same blobs at sane scales still cluster exactly.
 */
class ExtremeScaleTest {

    /** Three blobs of 100 points in 2-d around (0,0), (10,0), (0,10), times {@code scale}. */
    static DenseMatrix blobs(double scale) {
        SplittableRandom rnd = new SplittableRandom(7);
        double[][] rows = new double[300][];
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        for (int i = 0; i < 300; i++) {
            double[] c = centres[i / 100];
            rows[i] = new double[] {(c[0] + rnd.nextDouble() - 0.5) * scale, (c[1] + rnd.nextDouble() - 0.5) * scale};
        }
        return DenseMatrix.of(rows);
    }

    private static int[] sortedSizes(int[] labels, int k) {
        int[] sizes = new int[k];
        for (int l : labels) {
            sizes[l]++;
        }
        Arrays.sort(sizes);
        return sizes;
    }

    private static void assertRefused(Consumer<DenseMatrix> fit, double scale) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit.accept(blobs(scale)));
        assertTrue(e.getMessage().contains("in magnitude") && e.getMessage().contains("scale the features"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e200, 1e-300, 1e120, 1e-120})
    void everyFit_refusesScalesWhereDistancesOverflowOrUnderflow(double scale) {
        assertRefused(x -> KMeans.fit(x, KMeansOptions.defaults().withK(3)), scale);
        assertRefused(x -> MiniBatchKMeans.fit(x, MiniBatchKMeansOptions.defaults().withK(3)), scale);
        assertRefused(x -> Dbscan.fit(x, DbscanOptions.defaults()), scale);
        for (Linkage linkage : Linkage.values()) {
            assertRefused(x -> Agglomerative.fit(x, AgglomerativeOptions.defaults().withLinkage(linkage)), scale);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e90, 1, 1e-90})
    void kMeans_findsTheThreeBlobs_atEveryScaleItTakes(double scale) {
        KMeansModel m = KMeans.fit(blobs(scale), KMeansOptions.defaults().withK(3));
        assertArrayEquals(new int[] {100, 100, 100}, sortedSizes(m.labels(), 3));
        assertTrue(Double.isFinite(m.inertia()) && m.inertia() > 0, "inertia " + m.inertia());
    }

    @Test
    void zScores_bringHugeRawValuesIntoRange() {
        // the z-score's variance used to overflow to Infinity at this scale, scaling every value to 0
        KMeansModel m = KMeans.fit(blobs(1e200), KMeansOptions.defaults().withK(3).withScaling(FeatureScaling.Kind.ZSCORE));
        assertArrayEquals(new int[] {100, 100, 100}, sortedSizes(m.labels(), 3));
    }

    @Test
    void kMeans_onIdenticalPoints_warnsThatClustersAreEmpty() {
        double[][] rows = new double[40][];
        Arrays.fill(rows, new double[] {3, 4, 5});
        KMeansModel m = KMeans.fit(DenseMatrix.of(rows), KMeansOptions.defaults().withK(4));
        assertEquals(dev.retention.model.Verdict.WARNING, m.fitSummary().verdict(), m.fitSummary().toString());
        assertTrue(m.fitSummary().warnings().toString().contains("distinct"), m.fitSummary().warnings().toString());
    }

    @Test
    void kMeans_refusesWeightsWhoseSumOverflows() {
        double[] w = new double[300];
        Arrays.fill(w, 1e308);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KMeans.fit(blobs(1), w, KMeansOptions.defaults().withK(3)));
        assertTrue(e.getMessage().startsWith("sampleWeights sum to Infinity"), e.getMessage());
        Arrays.fill(w, 1e40);   // a common factor does not change the clustering
        assertArrayEquals(KMeans.fit(blobs(1), KMeansOptions.defaults().withK(3)).labels(),
                KMeans.fit(blobs(1), w, KMeansOptions.defaults().withK(3)).labels());
    }

    @Test
    void kMeansModel_refusesPointsWhoseDistancesOverflow() {
        KMeansModel m = KMeans.fit(blobs(1), KMeansOptions.defaults().withK(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.transform(new double[] {1e300, 0}));
        assertTrue(e.getMessage().contains("column 0 is 1.0E300"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.predict(new double[] {0, -1e200}));
        assertThrows(IllegalArgumentException.class, () -> m.predict(DenseMatrix.of(new double[][] {{0, 1e300}})));
        double[] d = m.transform(new double[] {1e90, 0});
        for (double v : d) {
            assertTrue(Double.isFinite(v), Arrays.toString(d));
        }
        assertEquals(3, d.length);
    }
}
