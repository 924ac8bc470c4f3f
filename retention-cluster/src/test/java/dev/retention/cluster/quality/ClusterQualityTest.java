package dev.retention.cluster.quality;

import dev.retention.cluster.RandomPoints;
import dev.retention.matrix.DenseMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterQualityTest {

    /** Two pairs on a line, {0, 1} and {4, 5}. */
    private static final DenseMatrix LINE = DenseMatrix.of(new double[][] {{0}, {1}, {4}, {5}});
    private static final int[] PAIRS = {0, 0, 1, 1};

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    @Test
    void silhouette_byHand() {
        // point 0: a = 1, b = (4 + 5) / 2 = 4.5, s = 3.5/4.5; point 1: a = 1, b = 3.5, s = 2.5/3.5; symmetric
        double expected = (3.5 / 4.5 + 2.5 / 3.5) / 2;
        assertEquals(expected, ClusterQuality.silhouette(LINE, PAIRS, 1), 1e-15);
        // within-cluster SS = 4 * 0.25; centroids 0.5 and 4.5, overall mean 2.5: B = 4 * 4 = 16
        assertEquals(1.0, ClusterQuality.withinSumOfSquares(LINE, PAIRS), 1e-15);
        assertEquals(16.0 * (4 - 2) / (1.0 * (2 - 1)), ClusterQuality.calinskiHarabasz(LINE, PAIRS), 1e-12);
        // Davies-Bouldin: s = 0.5 each, centroid distance 4: (0.5 + 0.5) / 4
        assertEquals(0.25, ClusterQuality.daviesBouldin(LINE, PAIRS), 1e-15);
    }

    @Test
    void compute_measuresAtOnce_andLeavesUndefinedScoresEmpty() {
        ClusterQuality q = ClusterQuality.compute(LINE, PAIRS, 100, 0, 1);
        assertArrayEquals(new int[] {2, 2}, q.sizes());
        assertEquals(0, q.noise());
        assertEquals(1.0, q.withinSumOfSquares(), 1e-15);
        assertEquals(ClusterQuality.silhouette(LINE, PAIRS, 1), q.silhouette().getAsDouble());
        assertEquals(0.25, q.daviesBouldin().getAsDouble(), 1e-15);
        assertEquals(32.0, q.calinskiHarabasz().getAsDouble(), 1e-12);
        assertEquals(4, q.silhouettePoints());
        assertEquals(false, q.sampled());
        assertEquals(q, ClusterQuality.compute(LINE, PAIRS, 100, 0, 3));
        ClusterQuality one = ClusterQuality.compute(LINE, new int[] {-1, 0, 0, -1}, 100, 0, 1);
        assertTrue(one.silhouette().isEmpty() && one.daviesBouldin().isEmpty() && one.calinskiHarabasz().isEmpty());
        assertEquals(2, one.noise());
        assertEquals(0, one.silhouettePoints());
        assertTrue(one.toString().contains("silhouette n/a"), one.toString());
        ClusterQuality sampled = ClusterQuality.compute(LINE, PAIRS, 3, 0, 1);
        assertTrue(sampled.sampled());
        assertEquals(3, sampled.silhouettePoints());
    }

    @Test
    void silhouette_singletonsAndCoincidentPointsScoreZero() {
        DenseMatrix x = DenseMatrix.of(new double[][] {{0}, {0}, {3}});
        double[] s = ClusterQuality.silhouetteSamples(x, new int[] {0, 0, 1}, 1);
        assertEquals(1.0, s[0]);            // a = 0, b = 3
        assertEquals(0.0, s[2]);            // alone in its cluster
        assertEquals(0.0, ClusterQuality.silhouette(DenseMatrix.of(new double[][] {{1}, {1}, {1}}),
                        new int[] {0, 0, 1}, 1),
                "a = b = 0 gives 0, not NaN");
    }

    @Test
    void scores_rejectFewerThanTwoOrTooManyClusters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterQuality.silhouette(LINE, new int[] {0, 0, 0, 0}, 1));
        assertEquals("silhouette needs 2 to m-1 clusters among the m=4 points that are not noise, got 1 clusters",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ClusterQuality.daviesBouldin(LINE, new int[] {0, 1, 2, 3}));
        assertTrue(e.getMessage().contains("got 4 clusters"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ClusterQuality.calinskiHarabasz(LINE, new int[] {-1, -1, 0, 1}));
        assertTrue(e.getMessage().contains("m=2"), e.getMessage());
    }

    @Test
    void scores_rejectBadLabels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterQuality.silhouette(LINE, new int[] {0, 1}, 1));
        assertEquals("labels has 2 values, expected one per point (n=4)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ClusterQuality.withinSumOfSquares(LINE, new int[] {0, -2, 1, 1}));
        assertEquals("labels[1] must be a cluster index >= 0 or -1 for noise, got -2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ClusterQuality.sampledSilhouette(LINE, PAIRS, 1, 0, 1));
        assertEquals("sampleSize must be at least 2, got 1", e.getMessage());
    }

    @Test
    void sampledSilhouette_estimatesTheExactValue() {
        DenseMatrix x = DenseMatrix.of(RandomPoints.blobs(8, new double[][] {{0, 0}, {4, 0}, {2, 3}}, 1000, 1.0));
        int[] labels = dev.retention.cluster.kmeans.KMeans.fit(x,
                dev.retention.cluster.kmeans.KMeansOptions.defaults().withK(3).withNInit(2)).labels();
        double exact = ClusterQuality.silhouette(x, labels, 2);
        double sampled = ClusterQuality.sampledSilhouette(x, labels, 600, 7, 2);
        assertEquals(exact, sampled, 0.03);
        assertEquals(sampled, ClusterQuality.sampledSilhouette(x, labels, 600, 7, 1), "same seed, same sample");
        assertEquals(exact, ClusterQuality.sampledSilhouette(x, labels, 3000, 7, 1), 1e-15, "sample >= n is exact");
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void silhouette_inMinusOneToOne_andIndependentOfParallelism(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = RandomPoints.generate(rnd, 3, 300);
        int n = x.length;
        int k = 2 + rnd.nextInt(Math.min(n - 2, 6));
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            // every cluster used and one more point in cluster 0 (so k <= m - 1), then clusters or noise
            labels[i] = i < k ? i : i == k ? 0 : rnd.nextInt(k + 1) - 1;
        }
        DenseMatrix p = DenseMatrix.of(x);
        String where = "seed=" + seed;
        double[] s = ClusterQuality.silhouetteSamples(p, labels, 1);
        for (double v : s) {
            assertTrue(v >= -1 && v <= 1, where + ": " + v);
        }
        double mean = ClusterQuality.silhouette(p, labels, 1);
        assertTrue(mean >= -1 && mean <= 1, where);
        assertEquals(mean, ClusterQuality.silhouette(p, labels, 3), where);
        assertTrue(ClusterQuality.daviesBouldin(p, labels) >= 0, where);
        assertTrue(ClusterQuality.calinskiHarabasz(p, labels) >= 0, where);
    }
}
