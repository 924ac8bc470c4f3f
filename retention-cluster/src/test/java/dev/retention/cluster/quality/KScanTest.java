package dev.retention.cluster.quality;

import dev.retention.cluster.RandomPoints;
import dev.retention.cluster.kmeans.KMeansOptions;
import dev.retention.matrix.DenseMatrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KScanTest {

    private static final DenseMatrix FOUR = DenseMatrix.of(RandomPoints.blobs(6,
            new double[][] {{0, 0}, {10, 0}, {0, 10}, {10, 10}}, 100, 0.8));
    private static final KMeansOptions OPTIONS = KMeansOptions.defaults().withNInit(3).withThreads(1);

    @Test
    void compute_picksFourWellSeparatedBlobs() {
        KScan scan = KScan.compute(FOUR, 2, 8, OPTIONS, 1000);
        assertArrayEquals(new int[] {2, 3, 4, 5, 6, 7, 8}, scan.ks());
        assertEquals(4, scan.bestBySilhouette());
        assertEquals(4, scan.elbow());
        double[] inertia = scan.inertias();
        for (int i = 1; i < inertia.length; i++) {
            assertTrue(inertia[i] < inertia[i - 1], "inertia falls with k");
        }
        assertEquals(400, scan.silhouettePoints());
        assertTrue(scan.toString().contains("elbow k=4, best silhouette k=4"), scan.toString());
    }

    @Test
    void compute_samplesTheSilhouetteForLargeN() {
        KScan scan = KScan.compute(FOUR, 3, 5, OPTIONS, 150);
        assertEquals(150, scan.silhouettePoints());
        assertEquals(4, scan.bestBySilhouette());
    }

    @Test
    void compute_rejectsBadRanges() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KScan.compute(FOUR, 1, 4, OPTIONS, 100));
        assertEquals("kMin must be at least 2 (the silhouette needs two clusters), got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KScan.compute(FOUR, 5, 4, OPTIONS, 100));
        assertEquals("kMax must be in [kMin=5, n-1=399], got 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KScan.compute(FOUR, 2, 4, OPTIONS, 1));
        assertEquals("silhouetteSample must be at least 2, got 1", e.getMessage());
    }
}
