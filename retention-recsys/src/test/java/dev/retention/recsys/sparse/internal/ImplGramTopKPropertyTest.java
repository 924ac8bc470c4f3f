package dev.retention.recsys.sparse.internal;

import dev.retention.parallel.Workers;
import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.RandomSparse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The top-k Gram kernel for positive matrices ({@link ImplGramTopK}: branch-free accumulation and a scan) gives bit
 * for bit the rows of the general kernel ({@link ImplPairs}, product mode, touched list) for every k, with and
 * without the diagonal, on 1 to 3 threads. Seeded random matrices of ratings 1..5 or of positive reals, with ties.
 */
class ImplGramTopKPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void topKGram_equalsGeneralKernel(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int rows = 1 + rnd.nextInt(40);
        int cols = 1 + rnd.nextInt(40);
        CsrMatrix a = RandomSparse.ratings(seed, rows, cols, 0.05 + 0.5 * rnd.nextDouble());
        if (a.nnz() == 0) {
            return;
        }
        if (rnd.nextBoolean()) {   // positive reals instead of the ratings' small integers
            float[] v = a.values();
            for (int p = 0; p < v.length; p++) {
                v[p] = (float) (1e-3 + rnd.nextDouble());
            }
            a = a.withValues(v);
        }
        CsrMatrix t = a.transpose();
        int k = 1 + rnd.nextInt(cols + 2);
        boolean excludeSelf = rnd.nextBoolean();
        ImplPairs.Spec spec = new ImplPairs.Spec(cols, t.rowPointers(), t.columnIndices(), t.values(),
                a.rowPointers(), a.columnIndices(), a.values(), ImplPairs.PRODUCT, 1, 0, false);
        CsrArrays expected = ImplPairs.sparse(spec, k, excludeSelf, Workers.create(1), 1);
        for (int threads = 1; threads <= 3; threads++) {
            CsrArrays got;
            try (Workers workers = Workers.create(threads)) {
                got = ImplGramTopK.gram(cols, t.rowPointers(), t.columnIndices(), t.values(), a.rowPointers(),
                        a.columnIndices(), a.values(), k, excludeSelf, workers);
            }
            String what = "seed " + seed + ", k " + k + ", excludeSelf " + excludeSelf + ", " + threads + " threads";
            assertArrayEquals(expected.ptr(), got.ptr(), what);
            assertArrayEquals(expected.idx(), got.idx(), what);
            assertArrayEquals(expected.val(), got.val(), what);
        }
    }
}
