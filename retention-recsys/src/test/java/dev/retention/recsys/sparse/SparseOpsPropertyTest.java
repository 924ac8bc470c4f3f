package dev.retention.recsys.sparse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kernels against a dense reference in double over 300 seeded random matrices (awkward shapes,
 * empty rows and columns, duplicate triples). Tolerance 1e-9 relative to the magnitude of the terms:
 * float values are exact in double, so only the order of summation differs.
 */
class SparseOpsPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fromTriples_equalsDenseSumOfTriples_sortedAndDuplicateFree(long seed) {
        RandomSparse.Triples t = RandomSparse.triples(seed, 40);
        CsrMatrix a = t.csr();
        double[] d = t.dense();
        for (int i = 0; i < a.rows(); i++) {
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                assertTrue(p == a.rowStart(i) || a.columnIndex(p) > a.columnIndex(p - 1), "seed " + seed);
            }
        }
        assertArrayEquals(d, a.toDense(), 1e-5, "seed " + seed);
        // the structure check of of() accepts what fromTriples builds
        assertEquals(a, CsrMatrix.of(a.rows(), a.cols(), a.rowPointers(), a.columnIndices(), a.values()));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void transposeTwice_isIdentity_andCscAgrees(long seed) {
        CsrMatrix a = RandomSparse.triples(seed, 40).csr();
        CsrMatrix t = a.transpose();
        assertEquals(a, t.transpose(), "seed " + seed);
        CscMatrix csc = a.toCsc();
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                assertEquals(a.get(i, j), t.get(j, i), "seed " + seed);
                assertEquals(a.get(i, j), csc.get(i, j), "seed " + seed);
            }
        }
        assertEquals(a, csc.toCsr());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void products_equalDenseReference_forAnyThreadCount(long seed) {
        CsrMatrix a = RandomSparse.triples(seed, 40).csr();
        double[] d = a.toDense();
        int m = a.rows();
        int n = a.cols();
        int k = 1 + (int) (seed % 7);
        double[] x = RandomSparse.dense(seed + 1, n, 1);
        double[] b = RandomSparse.dense(seed + 2, n, k);
        double[] bt = RandomSparse.dense(seed + 3, m, k);
        double[] y = SparseOps.mult(a, x, null, 1);
        double[] c = SparseOps.mult(a, b, k, null, 1);
        double[] ct = SparseOps.multTransA(a, bt, k, null, 1);
        for (int i = 0; i < m; i++) {
            double yi = 0;
            for (int j = 0; j < n; j++) {
                yi += d[i * n + j] * x[j];
            }
            assertEquals(yi, y[i], 1e-9, "seed " + seed);
            for (int t = 0; t < k; t++) {
                double ci = 0;
                for (int j = 0; j < n; j++) {
                    ci += d[i * n + j] * b[j * k + t];
                }
                assertEquals(ci, c[i * k + t], 1e-9, "seed " + seed);
            }
        }
        for (int j = 0; j < n; j++) {
            for (int t = 0; t < k; t++) {
                double cj = 0;
                for (int i = 0; i < m; i++) {
                    cj += d[i * n + j] * bt[i * k + t];
                }
                assertEquals(cj, ct[j * k + t], 1e-9, "seed " + seed);
            }
        }
        double[] viaCsc = SparseOps.multTransA(a.toCsc(), bt, k, null, 1);
        for (int e = 0; e < ct.length; e++) {
            assertEquals(ct[e], viaCsc[e], 1e-9, "seed " + seed);
        }
        for (int threads = 2; threads <= 4; threads++) {
            assertArrayEquals(viaCsc, SparseOps.multTransA(a.toCsc(), bt, k, null, threads), "seed " + seed);
            assertArrayEquals(y, SparseOps.mult(a, x, null, threads), "seed " + seed);
            assertArrayEquals(c, SparseOps.mult(a, b, k, null, threads), "seed " + seed);
            assertArrayEquals(ct, SparseOps.multTransA(a, bt, k, null, threads), "seed " + seed);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void gram_equalsDenseReference_withSupportAndTopK(long seed) {
        CsrMatrix a = RandomSparse.triples(seed, 30).csr();
        double[] d = a.toDense();
        int m = a.rows();
        int n = a.cols();
        int minSupport = 1 + (int) (seed % 3);
        int topK = (int) (seed % 5);
        boolean diagonal = seed % 2 == 0;
        CsrMatrix g = SparseOps.gram(a, new GramOptions(topK, minSupport, diagonal, 1));
        assertEquals(n, g.rows());
        for (int i = 0; i < n; i++) {
            double[] value = new double[n];
            boolean[] eligible = new boolean[n];
            int eligibleCount = 0;
            for (int j = 0; j < n; j++) {
                int support = 0;
                for (int u = 0; u < m; u++) {
                    if (containsColumn(a, u, i) && containsColumn(a, u, j)) {
                        support++;
                        value[j] += d[u * n + i] * d[u * n + j];
                    }
                }
                eligible[j] = support >= minSupport && (diagonal || j != i);
                eligibleCount += eligible[j] ? 1 : 0;
            }
            int expectedCount = topK == 0 ? eligibleCount : Math.min(topK, eligibleCount);
            assertEquals(expectedCount, g.rowLength(i), "seed " + seed + " row " + i);
            for (int p = g.rowStart(i); p < g.rowEnd(i); p++) {
                int j = g.columnIndex(p);
                assertTrue(eligible[j], "seed " + seed);
                assertEquals(value[j], g.value(p), 1e-5 * (1 + Math.abs(value[j])), "seed " + seed);
                if (topK > 0) {
                    // nothing left out ranks above a kept entry (ties to the smaller column)
                    float kept = g.value(p);
                    for (int o = 0; o < n; o++) {
                        if (eligible[o] && !containsColumn(g, i, o)) {
                            float other = (float) value[o];
                            assertTrue(other < kept || (other == kept && o > j), "seed " + seed);
                        }
                    }
                }
            }
        }
        for (int threads = 2; threads <= 3; threads++) {
            assertEquals(g, SparseOps.gram(a, new GramOptions(topK, minSupport, diagonal, threads)), "seed " + seed);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void stats_equalDenseReference(long seed) {
        CsrMatrix a = RandomSparse.triples(seed, 30).csr();
        SparseStats rows = SparseOps.rowStats(a);
        SparseStats cols = SparseOps.columnStats(a);
        for (int i = 0; i < a.rows(); i++) {
            double s = 0;
            double q = 0;
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                s += a.value(p);
                q += a.value(p) * (double) a.value(p);
            }
            assertEquals(a.rowLength(i), rows.count(i));
            assertEquals(s, rows.sum(i), 1e-9);
            assertEquals(a.rowLength(i) == 0 ? 0 : s / a.rowLength(i), rows.mean(i), 1e-9);
            assertEquals(Math.sqrt(q), rows.norm(i), 1e-9);
        }
        CsrMatrix t = a.transpose();
        SparseStats viaTranspose = SparseOps.rowStats(t);
        assertArrayEquals(viaTranspose.counts(), cols.counts(), "seed " + seed);
        assertArrayEquals(viaTranspose.sums(), cols.sums(), 1e-9, "seed " + seed);
        assertArrayEquals(viaTranspose.norms(), cols.norms(), 1e-9, "seed " + seed);
    }

    private static boolean containsColumn(CsrMatrix a, int i, int j) {
        for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
            if (a.columnIndex(p) == j) {
                return true;
            }
        }
        return false;
    }
}
