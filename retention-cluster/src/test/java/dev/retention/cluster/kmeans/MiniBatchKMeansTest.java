package dev.retention.cluster.kmeans;

import dev.retention.cluster.Points;
import dev.retention.cluster.RandomPoints;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MiniBatchKMeansTest {

    private static final double[][] CENTRES = {{0, 0, 0}, {8, 0, 0}, {0, 8, 0}, {0, 0, 8}, {8, 8, 8}};
    private static final double[][] X = RandomPoints.blobs(5, CENTRES, 4000, 1.0);

    private static MiniBatchKMeansOptions options() {
        return MiniBatchKMeansOptions.defaults().withK(5).withBatchSize(256).withParallelism(1);
    }

    @Test
    void fit_findsTheBlobsWithNearlyTheFullKMeansInertia() {
        Points p = Points.of(X);
        KMeansModel mini = MiniBatchKMeans.fit(p, null, options());
        KMeansModel full = KMeans.fit(p, KMeansOptions.defaults().withK(5).withNInit(3).withParallelism(1));
        assertTrue(dev.retention.cluster.RandomPoints.samePartition(full.labels(), mini.labels()),
                "same partition as full k-means on well-separated blobs");
        assertTrue(mini.inertia() <= full.inertia() * 1.01, mini.inertia() + " vs " + full.inertia());
        int[] sizes = mini.clusterSizes();
        Arrays.sort(sizes);
        assertEquals(4000, sizes[2]);
        assertEquals("minibatch-kmeans", mini.summary().algorithm());
        assertTrue(mini.summary().converged(), "stops early once the smoothed inertia stalls");
        assertTrue(mini.summary().iterations() < 100 * X.length / 256);
    }

    @Test
    void fit_sameSeedSameModelWhateverTheParallelism() {
        Points p = Points.of(X);
        KMeansModel one = MiniBatchKMeans.fit(p, null, options().withSeed(9));
        assertEquals(one, MiniBatchKMeans.fit(p, null, options().withSeed(9).withParallelism(2)));
        assertEquals(one, MiniBatchKMeans.fit(p, null, options().withSeed(9).withParallelism(4)));
    }

    @Test
    void fit_tolStopsWhenCentresSettle() {
        KMeansModel m = MiniBatchKMeans.fit(Points.of(X), null, options().withTol(1e-4).withMaxNoImprovement(0));
        assertTrue(m.summary().converged());
    }

    @Test
    void fit_stepLimitWithoutEarlyStopping() {
        double[][] small = Arrays.copyOf(X, 1000);
        KMeansModel m = MiniBatchKMeans.fit(Points.of(small), null,
                options().withMaxIter(2).withMaxNoImprovement(0).withBatchSize(100));
        assertEquals(20, m.summary().iterations());
        assertEquals(false, m.summary().converged());
    }

    @Test
    void fit_acceptsWeightsAndDuplicates() {
        double[][] x = new double[50][];
        double[] w = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {i % 2 == 0 ? 0 : 5, 1};
            w[i] = 1 + i % 3;
        }
        KMeansModel m = MiniBatchKMeans.fit(Points.of(x), w, options().withK(2).withBatchSize(10));
        assertEquals(0.0, m.inertia(), 1e-12);
        assertEquals(25, m.clusterSizes()[0]);
    }

    @Test
    void fit_rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MiniBatchKMeans.fit(new double[][] {{1}, {2}}, options()));
        assertEquals("k must be in [1, n=2], got 5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> options().withBatchSize(0));
        assertEquals("batchSize must be at least 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> options().withReassignmentRatio(1.5));
        assertEquals("reassignmentRatio must be in [0, 1), got 1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> options().withK(0));
        assertEquals("k must be at least 1, got 0", e.getMessage());
    }
}
