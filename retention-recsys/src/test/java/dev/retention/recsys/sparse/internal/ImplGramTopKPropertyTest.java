package dev.retention.recsys.sparse.internal;

import dev.retention.parallel.Workers;
import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.RandomSparse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The top-k Gram kernel for positive matrices ({@link ImplGramTopK}: each pair summed once, in the row of its smaller
 * column, and offered to both rows' candidates) gives bit for bit the rows of the general kernel ({@link ImplPairs},
 * product mode, touched list) and of the definition computed the plain way (every pair summed over the rows of
 * {@code A} in order, in double, then the {@code k} largest of each row by value, ties to the smaller column), for
 * every k, with and without the diagonal, on 1 to 3 threads. Seeded random matrices of ratings 1..5, of ones, or of
 * positive reals, with ties; small ones, and larger ones that the kernel cuts into several blocks. The separable form
 * (row weights and column scales on a pattern) against its own plain definition, bit for bit.
 */
class ImplGramTopKPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    static LongStream largeSeeds() {
        return LongStream.range(0, 12);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void topKGram_equalsGeneralKernel(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int rows = 1 + rnd.nextInt(40);
        int cols = 1 + rnd.nextInt(40);
        CsrMatrix a = positive(rnd, RandomSparse.ratings(seed, rows, cols, 0.05 + 0.5 * rnd.nextDouble()));
        if (a.nnz() == 0) {
            return;
        }
        CsrMatrix t = a.transpose();
        int k = 1 + rnd.nextInt(cols + 2);
        boolean excludeSelf = rnd.nextBoolean();
        ImplPairs.Spec spec = new ImplPairs.Spec(cols, t.rowPointers(), t.columnIndices(), t.values(),
                a.rowPointers(), a.columnIndices(), a.values(), ImplPairs.PRODUCT, 1, 0, false);
        CsrArrays expected = ImplPairs.sparse(spec, k, excludeSelf, Workers.create(1), 1);
        CsrArrays plain = plain(a, k, excludeSelf);
        String what = "seed " + seed + ", k " + k + ", excludeSelf " + excludeSelf;
        assertArrayEquals(plain.ptr(), expected.ptr(), what);
        assertArrayEquals(plain.idx(), expected.idx(), what);
        assertArrayEquals(plain.val(), expected.val(), what);
        assertAllThreadCounts(a, k, excludeSelf, expected, what);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("largeSeeds")
    void topKGram_equalsPlainDefinition_onSeveralBlocks(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int rows = 100 + rnd.nextInt(300);
        int cols = 100 + rnd.nextInt(600);
        CsrMatrix a = positive(rnd, RandomSparse.ratings(seed, rows, cols, 0.05 + 0.3 * rnd.nextDouble()));
        int k = 1 + rnd.nextInt(40);
        boolean excludeSelf = rnd.nextBoolean();
        String what = "seed " + seed + ", " + rows + " x " + cols + ", k " + k + ", excludeSelf " + excludeSelf;
        assertAllThreadCounts(a, k, excludeSelf, plain(a, k, excludeSelf), what);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void separableGram_equalsItsDefinition_onEveryThreadCount(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int rows = 1 + rnd.nextInt(seed < 290 ? 40 : 300);
        int cols = 1 + rnd.nextInt(seed < 290 ? 40 : 500);
        CsrMatrix a = RandomSparse.ratings(seed, rows, cols, 0.05 + 0.5 * rnd.nextDouble());
        if (a.nnz() == 0) {
            return;
        }
        double[] rowWeight = new double[rows];
        for (int u = 0; u < rows; u++) {   // a few distinct weights, so that sums tie
            rowWeight[u] = rnd.nextBoolean() ? 1.0 : 0.25 + rnd.nextInt(3);
        }
        double[] colScale = new double[cols];
        for (int j = 0; j < cols; j++) {
            colScale[j] = rnd.nextInt(4) == 0 ? 0.5 : 0.1 + rnd.nextDouble();
        }
        int k = 1 + rnd.nextInt(cols + 2);
        boolean excludeSelf = rnd.nextBoolean();
        CsrArrays expected = plainSeparable(a, rowWeight, colScale, k, excludeSelf);
        for (int threads = 1; threads <= 3; threads++) {
            CsrArrays got;
            try (Workers workers = Workers.create(threads)) {
                got = ImplGramTopK.gramSeparable(cols, a.rowPointers(), a.columnIndices(), rowWeight, colScale, k,
                        excludeSelf, workers);
            }
            String w = "seed " + seed + ", k " + k + ", excludeSelf " + excludeSelf + ", " + threads + " threads";
            assertArrayEquals(expected.ptr(), got.ptr(), w);
            assertArrayEquals(expected.idx(), got.idx(), w);
            assertArrayEquals(expected.val(), got.val(), w);
        }
    }

    /**
     * The separable form's definition computed the plain way: for each pair, the row weights of the rows that hold
     * both columns summed in row order, times the smaller column's scale, times the larger's; the k best of each row.
     */
    private static CsrArrays plainSeparable(CsrMatrix a, double[] rowWeight, double[] colScale, int k,
                                            boolean excludeSelf) {
        int n = a.cols();
        boolean[][] held = new boolean[a.rows()][n];
        for (int u = 0; u < a.rows(); u++) {
            for (int p = a.rowStart(u); p < a.rowEnd(u); p++) {
                held[u][a.columnIndex(p)] = true;
            }
        }
        double[][] g = new double[n][n];
        boolean[][] co = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sum = 0;
                for (int u = 0; u < a.rows(); u++) {
                    if (held[u][i] && held[u][j]) {
                        sum += rowWeight[u];
                        co[i][j] = true;
                        co[j][i] = true;
                    }
                }
                g[i][j] = sum * colScale[i] * colScale[j];
                g[j][i] = g[i][j];
            }
        }
        return topK(g, co, k, excludeSelf);
    }

    /** The k best entries of each row of a dense matrix among the flagged ones, by value then smaller column. */
    private static CsrArrays topK(double[][] g, boolean[][] co, int k, boolean excludeSelf) {
        int n = g.length;
        int[] ptr = new int[n + 1];
        int[] idx = new int[n * Math.min(k, n)];
        float[] val = new float[idx.length];
        for (int i = 0; i < n; i++) {
            double[] row = g[i];
            Integer[] order = new Integer[n];
            int m = 0;
            for (int j = 0; j < n; j++) {
                if (co[i][j] && !(excludeSelf && j == i)) {
                    assertTrue(row[j] > 0);
                    order[m++] = j;
                }
            }
            Arrays.sort(order, 0, m, (x, y) -> row[x] != row[y] ? Double.compare(row[y], row[x])
                    : Integer.compare(x, y));
            int kept = Math.min(k, m);
            int[] cols = new int[kept];
            for (int t = 0; t < kept; t++) {
                cols[t] = order[t];
            }
            Arrays.sort(cols);
            for (int t = 0; t < kept; t++) {
                idx[ptr[i] + t] = cols[t];
                val[ptr[i] + t] = (float) row[cols[t]];
            }
            ptr[i + 1] = ptr[i] + kept;
        }
        return new CsrArrays(ptr, Arrays.copyOf(idx, ptr[n]), Arrays.copyOf(val, ptr[n]));
    }

    private static void assertAllThreadCounts(CsrMatrix a, int k, boolean excludeSelf, CsrArrays expected,
                                              String what) {
        for (int threads = 1; threads <= 3; threads++) {
            CsrArrays got;
            try (Workers workers = Workers.create(threads)) {
                got = ImplGramTopK.gram(a.cols(), a.rowPointers(), a.columnIndices(), a.values(), k, excludeSelf,
                        workers);
            }
            String w = what + ", " + threads + " threads";
            assertArrayEquals(expected.ptr(), got.ptr(), w);
            assertArrayEquals(expected.idx(), got.idx(), w);
            assertArrayEquals(expected.val(), got.val(), w);
        }
    }

    /** Ratings 1..5 as given, all ones, or positive reals instead (a third of the cases each). */
    private static CsrMatrix positive(SplittableRandom rnd, CsrMatrix a) {
        int kind = rnd.nextInt(3);
        if (kind == 0) {
            return a;
        }
        float[] v = a.values();
        for (int p = 0; p < v.length; p++) {
            v[p] = kind == 1 ? 1f : (float) (1e-3 + rnd.nextDouble());
        }
        return a.withValues(v);
    }

    /** The definition: every pair's sum over the rows of {@code a} in order, in double; the k best of each row. */
    private static CsrArrays plain(CsrMatrix a, int k, boolean excludeSelf) {
        int n = a.cols();
        double[][] dense = new double[a.rows()][n];
        boolean[][] held = new boolean[a.rows()][n];
        for (int u = 0; u < a.rows(); u++) {
            for (int p = a.rowStart(u); p < a.rowEnd(u); p++) {
                dense[u][a.columnIndex(p)] = a.value(p);
                held[u][a.columnIndex(p)] = true;
            }
        }
        double[][] g = new double[n][n];
        boolean[][] co = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int u = 0; u < a.rows(); u++) {
                    if (held[u][i] && held[u][j]) {
                        g[i][j] += dense[u][i] * dense[u][j];
                        co[i][j] = true;
                    }
                }
            }
        }
        return topK(g, co, k, excludeSelf);
    }
}
