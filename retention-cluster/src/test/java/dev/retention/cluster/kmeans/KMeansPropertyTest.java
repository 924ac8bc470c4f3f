package dev.retention.cluster.kmeans;

import dev.retention.cluster.RandomPoints;
import dev.retention.matrix.DenseMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** k-means properties over seeded random point sets (blobs, duplicates, constant columns, grids). */
class KMeansPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void fit_inertiaNeverRises_labelsInRange_hamerlyEqualsLloyd(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = RandomPoints.generate(rnd, 5, 400);
        int n = x.length;
        int k = 1 + rnd.nextInt(Math.min(n, 9));
        KMeansOptions o = KMeansOptions.defaults().withK(k).withNInit(1).withSeed(seed).withTolerance(0)
                .withThreads(1 + rnd.nextInt(3));
        String where = "seed=" + seed + " n=" + n + " d=" + x[0].length + " k=" + k;
        DenseMatrix p = DenseMatrix.of(x);
        KMeansModel hamerly = KMeans.fit(p, o);
        KMeansModel lloyd = KMeans.fit(p, o.withAlgorithm(KMeansOptions.Algorithm.LLOYD));

        // same k-means++ start: Hamerly's bounds must not change a single label or iteration
        assertArrayEquals(lloyd.labels(), hamerly.labels(), where);
        assertEquals(lloyd.fitSummary().iterations(), hamerly.fitSummary().iterations(), where);
        assertEquals(lloyd.inertia(), hamerly.inertia(), where);

        double[] h = hamerly.fitSummary().objective();
        for (int t = 1; t < h.length; t++) {
            assertTrue(h[t] <= h[t - 1] * (1 + 1e-12) + 1e-12, where + " iteration " + (t + 1) + ": " + h[t - 1]
                    + " -> " + h[t]);
        }
        assertTrue(hamerly.inertia() <= h[h.length - 1] * (1 + 1e-12) + 1e-12, where);

        // labels in range, and the inertia is what the labels and centres say
        double[][] c = hamerly.centres();
        int[] labels = hamerly.labels();
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(labels[i] >= 0 && labels[i] < k, where);
            double s = 0;
            for (int j = 0; j < x[i].length; j++) {
                double t = x[i][j] - c[labels[i]][j];
                s += t * t;
            }
            inertia += s;
            assertEquals(labels[i], hamerly.predict(x[i]), where + " point " + i);
        }
        assertEquals(inertia, hamerly.inertia(), 1e-9 * (1 + inertia), where);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void fit_resultDoesNotDependOnParallelism(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = RandomPoints.generate(rnd, 2, 3000);
        int k = 1 + rnd.nextInt(Math.min(x.length, 6));
        KMeansOptions o = KMeansOptions.defaults().withK(k).withNInit(2).withSeed(seed);
        KMeansModel one = KMeans.fit(x, o.withThreads(1));
        assertEquals(one, KMeans.fit(x, o.withThreads(2)), "seed=" + seed);
        assertEquals(one, KMeans.fit(x, o.withThreads(4)), "seed=" + seed);
    }
}
