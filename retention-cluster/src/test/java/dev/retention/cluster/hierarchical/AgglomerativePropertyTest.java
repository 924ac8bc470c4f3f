package dev.retention.cluster.hierarchical;

import dev.retention.cluster.RandomPoints;
import dev.retention.matrix.DenseMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Linkages over seeded random point sets against the textbook O(n^3) agglomeration (merge the closest
 * pair of clusters, distances from their definition: all point pairs, or centroids for Ward), and under
 * a permutation of the rows. With tied distances several merge trees are equally valid and their
 * heights may differ (complete, average, Ward), so those linkages are compared on continuous data; the
 * single-linkage heights (the minimum spanning tree's weights) are unique and are also compared on data
 * with ties and duplicates.
 */
class AgglomerativePropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 150);
    }

    /** Sorted merge heights by the definition of each linkage. */
    static double[] naiveHeights(double[][] x, Linkage linkage) {
        int n = x.length;
        int d = x[0].length;
        int[][] members = new int[n][];
        for (int i = 0; i < n; i++) {
            members[i] = new int[] {i};
        }
        double[] heights = new double[n - 1];
        for (int step = 0; step < n - 1; step++) {
            double best = Double.POSITIVE_INFINITY;
            int ba = -1;
            int bb = -1;
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    if (members[a] == null || members[b] == null) {
                        continue;
                    }
                    double v = distance(x, d, members[a], members[b], linkage);
                    if (v < best) {
                        best = v;
                        ba = a;
                        bb = b;
                    }
                }
            }
            heights[step] = best;
            int[] merged = Arrays.copyOf(members[ba], members[ba].length + members[bb].length);
            System.arraycopy(members[bb], 0, merged, members[ba].length, members[bb].length);
            members[ba] = merged;
            members[bb] = null;
        }
        Arrays.sort(heights);
        return heights;
    }

    private static double distance(double[][] x, int d, int[] a, int[] b, Linkage linkage) {
        if (linkage == Linkage.WARD) {
            double s = 0;
            for (int q = 0; q < d; q++) {
                double ca = 0;
                double cb = 0;
                for (int i : a) {
                    ca += x[i][q];
                }
                for (int i : b) {
                    cb += x[i][q];
                }
                double t = ca / a.length - cb / b.length;
                s += t * t;
            }
            return Math.sqrt(2.0 * a.length * b.length / (a.length + b.length) * s);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        double sum = 0;
        for (int i : a) {
            for (int j : b) {
                double s = 0;
                for (int q = 0; q < d; q++) {
                    double t = x[i][q] - x[j][q];
                    s += t * t;
                }
                double v = Math.sqrt(s);
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
        }
        return switch (linkage) {
            case SINGLE -> min;
            case COMPLETE -> max;
            default -> sum / (a.length * (double) b.length);
        };
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void fit_heightsEqualTheTextbookAgglomeration_andNeverDecrease(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        boolean ties = rnd.nextBoolean();
        double[][] x = RandomPoints.generate(rnd, 2, 40, ties);
        DenseMatrix p = DenseMatrix.of(x);
        for (Linkage l : Linkage.values()) {
            AgglomerativeModel t = Agglomerative.fit(p, AgglomerativeOptions.defaults().withLinkage(l).withThreads(1));
            double[] h = t.heights();
            String where = "seed=" + seed + " " + l + " n=" + x.length;
            for (int i = 1; i < h.length; i++) {
                assertTrue(h[i] >= h[i - 1], where + ": heights must not decrease");
            }
            if (!ties || l == Linkage.SINGLE) {
                double[] expected = naiveHeights(x, l);
                assertArrayEquals(expected, h, 1e-9 * (1 + expected[expected.length - 1]), where);
            }
            for (int i = 0; i < t.merges(); i++) {
                assertTrue(t.left(i) < t.right(i) && t.right(i) < x.length + i, where + " row " + i);
                int sl = t.left(i) < x.length ? 1 : t.size(t.left(i) - x.length);
                int sr = t.right(i) < x.length ? 1 : t.size(t.right(i) - x.length);
                assertEquals(sl + sr, t.size(i), where + " row " + i);
            }
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void fit_permutingRowsPermutesTheCutsOnly(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 2 + rnd.nextInt(120);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {                  // continuous values: no ties, so the tree is unique
            x[i] = new double[] {rnd.nextGaussian() * 3, rnd.nextGaussian(), rnd.nextDouble()};
        }
        int[] perm = RandomPoints.permutation(rnd, n);
        double[][] y = new double[n][];
        for (int i = 0; i < n; i++) {
            y[i] = x[perm[i]];
        }
        for (Linkage l : Linkage.values()) {
            AgglomerativeModel a = Agglomerative.fit(x, AgglomerativeOptions.defaults().withLinkage(l).withThreads(1));
            AgglomerativeModel b = Agglomerative.fit(y, AgglomerativeOptions.defaults().withLinkage(l).withThreads(1));
            String where = "seed=" + seed + " " + l;
            assertArrayEquals(a.heights(), b.heights(), 1e-12 * (1 + a.heights()[n - 2]), where);
            for (int k = 1; k <= Math.min(n, 8); k++) {
                int[] ca = a.cut(k);
                int[] cb = b.cut(k);
                int[] moved = new int[n];
                for (int i = 0; i < n; i++) {
                    moved[i] = ca[perm[i]];
                }
                assertTrue(RandomPoints.samePartition(moved, cb), where + " k=" + k);
            }
        }
    }
}
