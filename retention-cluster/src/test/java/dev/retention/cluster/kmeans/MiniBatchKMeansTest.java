package dev.retention.cluster.kmeans;

import dev.retention.cluster.RandomPoints;
import dev.retention.matrix.DenseMatrix;
import dev.retention.model.FitControl;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MiniBatchKMeansTest {

    private static final double[][] CENTRES = {{0, 0, 0}, {8, 0, 0}, {0, 8, 0}, {0, 0, 8}, {8, 8, 8}};
    private static final double[][] X = RandomPoints.blobs(5, CENTRES, 4000, 1.0);

    private static MiniBatchKMeansOptions options() {
        return MiniBatchKMeansOptions.defaults().withK(5).withBatchSize(256).withThreads(1);
    }

    @Test
    void fit_findsTheBlobsWithNearlyTheFullKMeansInertia() {
        DenseMatrix p = DenseMatrix.of(X);
        KMeansModel mini = MiniBatchKMeans.fit(p, null, options());
        KMeansModel full = KMeans.fit(p, KMeansOptions.defaults().withK(5).withNInit(3).withThreads(1));
        assertTrue(dev.retention.cluster.RandomPoints.samePartition(full.labels(), mini.labels()),
                "same partition as full k-means on well-separated blobs");
        assertTrue(mini.inertia() <= full.inertia() * 1.01, mini.inertia() + " vs " + full.inertia());
        int[] sizes = mini.clusterSizes();
        Arrays.sort(sizes);
        assertEquals(4000, sizes[2]);
        assertEquals("minibatch-kmeans", mini.fitSummary().algorithm());
        assertTrue(mini.fitSummary().converged(), "stops early once the smoothed inertia stalls");
        assertTrue(mini.fitSummary().iterations() < 100 * X.length / 256);
    }

    @Test
    void fit_sameSeedSameModelWhateverTheParallelism() {
        DenseMatrix p = DenseMatrix.of(X);
        KMeansModel one = MiniBatchKMeans.fit(p, null, options().withSeed(9));
        assertEquals(one, MiniBatchKMeans.fit(p, null, options().withSeed(9).withThreads(2)));
        assertEquals(one, MiniBatchKMeans.fit(p, null, options().withSeed(9).withThreads(4)));
    }

    @Test
    void fit_sameSeedEqualModelForOneAndThreeThreads_andCancellationStopsIt() {
        DenseMatrix p = DenseMatrix.of(X);
        assertEquals(MiniBatchKMeans.fit(p, options().withSeed(3)),
                MiniBatchKMeans.fit(p, options().withSeed(3).withThreads(3)));
        java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
        FitControl control = FitControl.defaults()
                .withListener((stage, done, total, objective) -> heard.incrementAndGet())
                .withCancellation(() -> heard.get() >= 5);
        java.util.concurrent.CancellationException e = assertThrows(java.util.concurrent.CancellationException.class,
                () -> MiniBatchKMeans.fit(p, options(), control));
        assertTrue(e.getMessage().contains("mini-batch steps"), e.getMessage());
        KMeansModel m = MiniBatchKMeans.fit(p, options().withMaxNoImprovement(0).withMaxIterations(1)
                .withBatchSize(4000));
        assertEquals("step limit 5", m.fitSummary().stopReason());
    }

    @Test
    void fit_tolStopsWhenCentresSettle() {
        KMeansModel m = MiniBatchKMeans.fit(DenseMatrix.of(X), null,
                options().withTolerance(1e-4).withMaxNoImprovement(0));
        assertTrue(m.fitSummary().converged());
        assertEquals("centre shift below tolerance", m.fitSummary().stopReason());
    }

    @Test
    void fit_stepLimitWithoutEarlyStopping() {
        double[][] small = Arrays.copyOf(X, 1000);
        KMeansModel m = MiniBatchKMeans.fit(DenseMatrix.of(small), null,
                options().withMaxIterations(2).withMaxNoImprovement(0).withBatchSize(100));
        assertEquals(20, m.fitSummary().iterations());
        assertEquals(false, m.fitSummary().converged());
    }

    @Test
    void fit_acceptsWeightsAndDuplicates() {
        double[][] x = new double[50][];
        double[] w = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {i % 2 == 0 ? 0 : 5, 1};
            w[i] = 1 + i % 3;
        }
        KMeansModel m = MiniBatchKMeans.fit(DenseMatrix.of(x), w, options().withK(2).withBatchSize(10));
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
