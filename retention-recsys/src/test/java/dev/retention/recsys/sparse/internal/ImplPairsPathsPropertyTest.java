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
 * The blocked path of {@link ImplPairs} (dense accumulators for a block of output rows, {@code XT} read in
 * order) gives bit-for-bit the result of the row-by-row path, for every mode, support, top-k, diagonal
 * option, block size and thread count: both sum each pair's terms in the same order. Seeded random
 * matrices from {@link RandomSparse}.
 */
class ImplPairsPathsPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void blockedPath_equalsRowByRowPath(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        CsrMatrix x = RandomSparse.triples(seed, 40).csr();
        CsrMatrix xt = x.transpose();
        int mode = (int) (seed % 6);
        ImplPairs.Spec spec = new ImplPairs.Spec(x.rows(), x.rowPointers(), x.columnIndices(), x.values(),
                xt.rowPointers(), xt.columnIndices(), xt.values(), mode, 1 + rnd.nextInt(3),
                rnd.nextInt(20), rnd.nextBoolean());
        int topK = rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(5);
        boolean excludeSelf = rnd.nextBoolean();
        int rowsPerBlock = 2 + rnd.nextInt(9);
        CsrArrays rowByRow = ImplPairs.sparse(spec, topK, excludeSelf, Workers.create(1), 1);
        for (int threads = 1; threads <= 2; threads++) {
            CsrArrays blocked;
            try (Workers workers = Workers.create(threads)) {
                blocked = ImplPairs.sparse(spec, topK, excludeSelf, workers, rowsPerBlock);
            }
            String what = "seed " + seed + ", mode " + mode + ", " + rowsPerBlock + " rows a block, " + threads
                    + " threads";
            assertArrayEquals(rowByRow.ptr(), blocked.ptr(), what);
            assertArrayEquals(rowByRow.idx(), blocked.idx(), what);
            assertArrayEquals(rowByRow.val(), blocked.val(), what);
        }
        if (mode != ImplPairs.PRODUCT) {
            int n = x.rows();
            float[] expected = new float[n * n];
            ImplPairs.dense(spec, expected, Workers.create(1), 1);
            float[] blocked = new float[n * n];
            try (Workers workers = Workers.create(2)) {
                ImplPairs.dense(spec, blocked, workers, rowsPerBlock);
            }
            assertArrayEquals(expected, blocked, "seed " + seed + ", dense");
        }
    }
}
