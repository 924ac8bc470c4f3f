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
 * column, and offered to both rows' heaps) gives bit for bit the rows of the general kernel ({@link ImplPairs},
 * product mode, touched list) and of the definition computed the plain way (every pair summed over the rows of
 * {@code A} in order, in double, then the {@code k} largest of each row by value, ties to the smaller column), for
 * every k, with and without the diagonal, on 1 to 3 threads. Seeded random matrices of ratings 1..5, of ones, or of
 * positive reals, with ties; small ones, and larger ones that the kernel cuts into several blocks.
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
        int[] ptr = new int[n + 1];
        int[] idx = new int[n * Math.min(k, n)];
        float[] val = new float[idx.length];
        for (int i = 0; i < n; i++) {
            double[] g = new double[n];
            boolean[] co = new boolean[n];
            for (int j = 0; j < n; j++) {
                for (int u = 0; u < a.rows(); u++) {
                    if (held[u][i] && held[u][j]) {
                        g[j] += dense[u][i] * dense[u][j];
                        co[j] = true;
                    }
                }
            }
            Integer[] order = new Integer[n];
            int m = 0;
            for (int j = 0; j < n; j++) {
                if (co[j] && !(excludeSelf && j == i)) {
                    assertTrue(g[j] > 0);
                    order[m++] = j;
                }
            }
            Arrays.sort(order, 0, m, (x, y) -> g[x] != g[y] ? Double.compare(g[y], g[x]) : Integer.compare(x, y));
            int kept = Math.min(k, m);
            int[] cols = new int[kept];
            for (int t = 0; t < kept; t++) {
                cols[t] = order[t];
            }
            Arrays.sort(cols);
            for (int t = 0; t < kept; t++) {
                idx[ptr[i] + t] = cols[t];
                val[ptr[i] + t] = (float) g[cols[t]];
            }
            ptr[i + 1] = ptr[i] + kept;
        }
        return new CsrArrays(ptr, Arrays.copyOf(idx, ptr[n]), Arrays.copyOf(val, ptr[n]));
    }
}
