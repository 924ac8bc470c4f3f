package dev.retention.cluster.battery;

import dev.retention.cluster.dbscan.Dbscan;
import dev.retention.cluster.dbscan.DbscanModel;
import dev.retention.cluster.dbscan.DbscanOptions;
import dev.retention.cluster.hierarchical.Agglomerative;
import dev.retention.cluster.hierarchical.AgglomerativeModel;
import dev.retention.cluster.hierarchical.AgglomerativeOptions;
import dev.retention.cluster.hierarchical.Linkage;
import dev.retention.cluster.kmeans.KMeans;
import dev.retention.cluster.kmeans.KMeansModel;
import dev.retention.cluster.kmeans.KMeansOptions;
import dev.retention.cluster.kmeans.MiniBatchKMeans;
import dev.retention.cluster.kmeans.MiniBatchKMeansOptions;
import dev.retention.matrix.DenseMatrix;
import dev.retention.model.Model;
import dev.retention.model.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clustering family's battery, in the spirit of scikit-learn's {@code check_estimator}: every
 * learner through one point, k above n, duplicate and identical points, constant columns, non-finite values, and
 * determinism across thread counts, with concurrent prediction where a model predicts. Each case ends in an
 * {@link IllegalArgumentException} naming the parameter, or in labels in range with a verdict that says when they
 * are not to be trusted. A new learner joins with one line in {@link #learners()}.
 */
class ClusterBatteryTest {

    /** A fitted clustering: the model and the training labels (the test's own array, never shared). */
    @SuppressWarnings("ArrayRecordComponent")
    record Fitted(Model model, int[] labels, Function<DenseMatrix, int[]> predict) {
    }

    /** A learner fitted with k clusters (where it takes k) on a number of threads. */
    record Learner(String name, int takesK, Fit fit) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Fit {
        Fitted fit(DenseMatrix x, int k, int threads);
    }

    static List<Learner> learners() {
        List<Learner> all = new ArrayList<>(List.of(
                new Learner("k-means", 1, (x, k, t) -> {
                    KMeansModel m = KMeans.fit(x, KMeansOptions.defaults().withK(k).withThreads(t).withSeed(3));
                    return new Fitted(m, m.labels(), m::predict);
                }),
                new Learner("mini-batch k-means", 1, (x, k, t) -> {
                    KMeansModel m = MiniBatchKMeans.fit(x, MiniBatchKMeansOptions.defaults().withK(k).withThreads(t)
                            .withSeed(3));
                    return new Fitted(m, m.labels(), m::predict);
                }),
                new Learner("DBSCAN", 0, (x, k, t) -> {
                    DbscanModel m = Dbscan.fit(x, DbscanOptions.defaults().withEps(0.8).withMinSamples(3).withThreads(t));
                    return new Fitted(m, m.labels(), m::predict);
                })));
        for (Linkage linkage : Linkage.values()) {
            all.add(new Learner("agglomerative " + linkage, 1, (x, k, t) -> {
                AgglomerativeModel m = Agglomerative.fit(x, AgglomerativeOptions.defaults().withLinkage(linkage)
                        .withThreads(t));
                return new Fitted(m, m.cut(k), null);
            }));
        }
        return all;
    }

    private static DenseMatrix blobs(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            rows[i] = new double[] {c * 6 + rnd.nextGaussian(), (c == 1 ? 6 : 0) + rnd.nextGaussian(), rnd.nextDouble()};
        }
        return DenseMatrix.of(rows);
    }

    private static void assertLabelsInRange(Fitted f, int n, int k) {
        assertEquals(n, f.labels().length);
        for (int l : f.labels()) {
            assertTrue(l >= -1 && l < Math.max(k, n), "label " + l);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void onePoint_isOneClusterOrRefusedNamingK(Learner learner) {
        DenseMatrix one = DenseMatrix.of(new double[][] {{1, 2, 3}});
        Fitted f = learner.fit().fit(one, 1, 1);
        assertLabelsInRange(f, 1, 1);
        if (learner.takesK() == 1) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> learner.fit().fit(one, 2, 1).labels());
            assertTrue(e.getMessage().startsWith("k must be in [1, n=1], got 2"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void kAboveN_isRefusedNamingK(Learner learner) {
        if (learner.takesK() == 0) {
            return;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> learner.fit().fit(blobs(5, 1), 6, 1).labels());
        assertTrue(e.getMessage().contains("k must be in [1, n=5], got 6"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void identicalPoints_giveOneGroup_andSaySoWhenMoreWereAsked(Learner learner) {
        double[][] rows = new double[40][];
        Arrays.fill(rows, new double[] {3, 4, 5});
        Fitted f = learner.fit().fit(DenseMatrix.of(rows), 4, 1);
        assertLabelsInRange(f, 40, 4);
        if (learner.name().contains("k-means")) {
            assertEquals(1, Arrays.stream(f.labels()).distinct().count());
            assertNotEquals(Verdict.FINE, f.model().fitSummary().verdict(), f.model().fitSummary().toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void duplicateRowsAndConstantColumns_clusterAsTheDistinctPointsDo(Learner learner) {
        DenseMatrix x = blobs(60, 2);
        double[][] doubled = new double[120][];
        for (int i = 0; i < 60; i++) {
            double[] r = {x.valueAt(i * 3), x.valueAt(i * 3 + 1), 7.0};   // a constant third column
            doubled[2 * i] = r;
            doubled[2 * i + 1] = r.clone();
        }
        Fitted f = learner.fit().fit(DenseMatrix.of(doubled), 3, 1);
        assertLabelsInRange(f, 120, 3);
        for (int i = 0; i < 60; i++) {
            assertEquals(f.labels()[2 * i], f.labels()[2 * i + 1], "copies of point " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void nonFiniteValues_areRefusedNamingRowAndColumn(Learner learner) {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            double[][] rows = {{1, 2}, {3, bad}, {5, 6}};
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> learner.fit().fit(DenseMatrix.of(rows), 1, 1).labels());
            assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("column 1"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void sameModelOnOneAndTwoThreads_andConcurrentPredictionsAgree(Learner learner) throws Exception {
        DenseMatrix x = blobs(300, 5);
        Fitted one = learner.fit().fit(x, 3, 1);
        Fitted two = learner.fit().fit(x, 3, 2);
        assertArrayEquals(one.labels(), two.labels());
        assertEquals(one.model(), two.model());
        if (one.predict() == null) {
            return;
        }
        int[] expected = one.predict().apply(x);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> one.predict().apply(x)));
            }
            for (Future<int[]> r : results) {
                assertArrayEquals(expected, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
