package dev.retention.cluster.dbscan;

import dev.retention.cluster.RandomPoints;
import dev.retention.matrix.DenseMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DBSCAN over seeded random point sets against a brute-force reference (all pairs, scikit-learn's
 * labelling order), and under a permutation of the rows.
 */
class DbscanPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** O(n^2) DBSCAN: neighbours by a full scan, clusters grown in scikit-learn's order. */
    static int[] reference(double[][] x, double eps, int minSamples, boolean[] core) {
        int n = x.length;
        double r2 = eps * eps;
        boolean[][] near = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int q = 0; q < x[i].length; q++) {
                    double t = x[i][q] - x[j][q];
                    s += t * t;
                }
                near[i][j] = s <= r2;
                if (near[i][j]) {
                    count++;
                }
            }
            core[i] = count >= minSamples;
        }
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] != -1 || !core[i]) {
                continue;
            }
            ArrayDeque<Integer> stack = new ArrayDeque<>();
            stack.push(i);
            while (!stack.isEmpty()) {
                int p = stack.pop();
                if (labels[p] != -1) {
                    continue;
                }
                labels[p] = c;
                if (core[p]) {
                    for (int v = 0; v < n; v++) {
                        if (near[p][v] && labels[v] == -1) {
                            stack.push(v);
                        }
                    }
                }
            }
            c++;
        }
        return labels;
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void fit_equalsBruteForceReference(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = RandomPoints.generate(rnd, 1, 300);
        double eps = rnd.nextDouble(0.05, 1.5);
        int minSamples = 1 + rnd.nextInt(12);
        boolean[] core = new boolean[x.length];
        int[] expected = reference(x, eps, minSamples, core);
        DbscanModel r = Dbscan.fit(DenseMatrix.of(x), DbscanOptions.defaults().withEps(eps).withMinSamples(minSamples)
                .withThreads(1 + rnd.nextInt(3)));
        String where = "seed=" + seed + " n=" + x.length + " eps=" + eps + " minSamples=" + minSamples;
        assertArrayEquals(expected, r.labels(), where);
        assertArrayEquals(core, r.coreFlags(), where);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void fit_permutingRowsPermutesCorePointsAndNoise(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = RandomPoints.generate(rnd, 1, 400);
        int n = x.length;
        DbscanOptions o = DbscanOptions.defaults().withEps(rnd.nextDouble(0.1, 1.2)).withMinSamples(1 + rnd.nextInt(8));
        int[] perm = RandomPoints.permutation(rnd, n);
        double[][] y = new double[n][];
        for (int i = 0; i < n; i++) {
            y[i] = x[perm[i]];
        }
        DbscanModel a = Dbscan.fit(x, o);
        DbscanModel b = Dbscan.fit(y, o);
        String where = "seed=" + seed;
        assertEquals(a.clusterCount(), b.clusterCount(), where);
        assertEquals(a.noiseCount(), b.noiseCount(), where);
        // core flags and noise move with their rows; core points keep their partition up to renaming
        int cores = a.coreSampleIndices().length;
        int[] la = new int[cores];
        int[] lb = new int[cores];
        int m = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(a.isCore(perm[i]), b.isCore(i), where);
            assertEquals(a.label(perm[i]) == -1, b.label(i) == -1, where);
            if (b.isCore(i)) {
                la[m] = a.label(perm[i]);
                lb[m++] = b.label(i);
            }
        }
        assertEquals(cores, m, where);
        assertTrue(RandomPoints.samePartition(la, lb), where);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void predict_equalsTheNearestCorePointWithinEpsByBruteForce(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = RandomPoints.generate(rnd, 1, 300);
        double eps = rnd.nextDouble(0.05, 1.5);
        DbscanModel m = Dbscan.fit(x, DbscanOptions.defaults().withEps(eps).withMinSamples(1 + rnd.nextInt(8)));
        int d = x[0].length;
        for (int t = 0; t < 50; t++) {
            double[] q = t % 2 == 0 ? x[rnd.nextInt(x.length)].clone() : new double[d];
            for (int j = 0; j < d; j++) {
                q[j] += t % 2 == 0 ? rnd.nextDouble(-eps, eps) / 2 : rnd.nextDouble(-8, 8);
            }
            int expected = DbscanModel.NOISE;
            double best = eps * eps;
            for (int i = 0; i < x.length; i++) {
                if (!m.isCore(i)) {
                    continue;
                }
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double u = q[j] - x[i][j];
                    s += u * u;
                }
                if (s < best || (s == best && expected == DbscanModel.NOISE)) {
                    best = s;
                    expected = m.label(i);
                }
            }
            assertEquals(expected, m.predict(q), "seed=" + seed + " query " + t);
        }
    }
}
