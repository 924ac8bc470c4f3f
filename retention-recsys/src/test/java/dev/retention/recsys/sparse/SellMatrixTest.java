package dev.retention.recsys.sparse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sliced ELLPACK form: its product adds each row's terms one after the other in column order, so it must
 * equal, bit for bit, that sum computed from the CSR arrays (Java's floating point is strict), for any
 * number of threads; the padding must stay below one slice of the longest row per slice.
 */
class SellMatrixTest {

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    /** Rows of random length in [0, maxLength], a few much longer, distinct sorted columns. */
    private static CsrMatrix randomMatrix(SplittableRandom rnd, int rows, int cols, int maxLength) {
        int[] ptr = new int[rows + 1];
        int[] idx = new int[0];
        float[] val = new float[0];
        int n = 0;
        boolean[] taken = new boolean[cols];
        for (int i = 0; i < rows; i++) {
            int len = Math.min(cols, rnd.nextInt(50) == 0 ? rnd.nextInt(cols + 1) : rnd.nextInt(maxLength + 1));
            if (n + len > idx.length) {
                idx = Arrays.copyOf(idx, 2 * (n + len));
                val = Arrays.copyOf(val, idx.length);
            }
            int chosen = 0;
            while (chosen < len) {
                int j = rnd.nextInt(cols);
                if (!taken[j]) {
                    taken[j] = true;
                    chosen++;
                }
            }
            for (int j = 0; j < cols && chosen > 0; j++) {
                if (taken[j]) {
                    taken[j] = false;
                    chosen--;
                    idx[n] = j;
                    val[n++] = (float) (rnd.nextDouble() * 4 - 2);
                }
            }
            ptr[i + 1] = n;
        }
        return CsrMatrix.of(rows, cols, ptr, Arrays.copyOf(idx, n), Arrays.copyOf(val, n));
    }

    private static double[] sequentialProduct(CsrMatrix a, double[] x) {
        double[] y = new double[a.rows()];
        for (int i = 0; i < a.rows(); i++) {
            double s = 0;
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                s += a.value(p) * x[a.columnIndex(p)];
            }
            y[i] = s;
        }
        return y;
    }

    private static double[] vector(SplittableRandom rnd, int n) {
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = rnd.nextDouble() * 2 - 1;
        }
        return x;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mult_equalsTheSequentialRowSums_forAnyThreads(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        CsrMatrix a = randomMatrix(rnd, rnd.nextInt(3_000), 1 + rnd.nextInt(300), 1 + rnd.nextInt(40));
        SellMatrix sell = a.toSell();
        double[] x = vector(rnd, a.cols());
        double[] expected = sequentialProduct(a, x);
        for (int threads = 1; threads <= 3; threads++) {
            double[] y = new double[a.rows()];
            Arrays.fill(y, Double.NaN);   // every row must be written
            assertArrayEquals(expected, SparseOps.mult(sell, x, y, threads), "seed " + seed + ", threads " + threads);
        }
        double[] csr = SparseOps.mult(a, x, null, 1);
        for (int i = 0; i < a.rows(); i++) {
            assertEquals(csr[i], expected[i], 1e-12 * (1 + a.rowEnd(i) - a.rowStart(i)), "seed " + seed + ", row " + i);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void storedEntries_padEachSliceOfLengthSortedRowsToItsLongest(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        CsrMatrix a = randomMatrix(rnd, rnd.nextInt(2_000), 1 + rnd.nextInt(100), 1 + rnd.nextInt(30));
        SellMatrix sell = a.toSell();
        assertEquals(a.nnz(), sell.nnz());
        assertEquals(a.rows(), sell.rows());
        assertEquals(a.cols(), sell.cols());
        assertTrue(sell.storedEntries() >= a.nnz(), "seed " + seed);
        assertEquals(0, sell.storedEntries() % 8, "seed " + seed);
        // the layout's definition: lengths sorted down within windows of 512 rows, groups of 8 padded to their first
        long expected = 0;
        for (int from = 0; from < a.rows(); from += 512) {
            int to = Math.min(a.rows(), from + 512);
            int[] lengths = new int[to - from];
            for (int i = from; i < to; i++) {
                lengths[i - from] = a.rowEnd(i) - a.rowStart(i);
            }
            Arrays.sort(lengths);
            for (int g = lengths.length - 1; g >= 0; g -= 8) {
                expected += 8L * lengths[g];
            }
        }
        assertEquals(expected, sell.storedEntries(), "seed " + seed);
    }

    @Test
    void equalRowLengths_needNoPadding() {
        SplittableRandom rnd = new SplittableRandom(3);
        int rows = 1_024;
        int[] ptr = new int[rows + 1];
        int[] idx = new int[rows * 5];
        float[] val = new float[rows * 5];
        for (int i = 0; i < rows; i++) {
            ptr[i + 1] = 5 * (i + 1);
            for (int t = 0; t < 5; t++) {
                idx[5 * i + t] = 10 * t + rnd.nextInt(10);
                val[5 * i + t] = (float) rnd.nextDouble();
            }
        }
        SellMatrix sell = CsrMatrix.of(rows, 50, ptr, idx, val).toSell();
        assertEquals(rows * 5, sell.storedEntries());
    }

    @Test
    void manyBlocks_onALargeMatrix_giveTheSameResultForAnyThreads() {
        SplittableRandom rnd = new SplittableRandom(11);
        CsrMatrix a = randomMatrix(rnd, 120_000, 2_000, 12);   // about 800,000 stored entries: several blocks
        SellMatrix sell = a.toSell();
        double[] x = vector(rnd, a.cols());
        double[] expected = sequentialProduct(a, x);
        assertArrayEquals(expected, SparseOps.mult(sell, x, null, 1));
        assertArrayEquals(expected, SparseOps.mult(sell, x, null, 4));
    }

    @Test
    void emptyShapes_work() {
        SellMatrix none = CsrMatrix.of(0, 3, new int[1], new int[0], new float[0]).toSell();
        assertEquals(0, SparseOps.mult(none, new double[3], null, 2).length);
        SellMatrix emptyRows = CsrMatrix.of(13, 0, new int[14], new int[0], new float[0]).toSell();
        assertArrayEquals(new double[13], SparseOps.mult(emptyRows, new double[0], null, 1));
        assertEquals(0, emptyRows.storedEntries());
    }

    @Test
    void badArguments_areNamed() {
        SellMatrix sell = CsrMatrix.of(2, 2, new int[] {0, 1, 2}, new int[] {0, 1}, new float[] {1, 2}).toSell();
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SparseOps.mult(sell, new double[3], null, 1)).getMessage().contains("x"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SparseOps.mult(sell, new double[] {1, Double.NaN}, null, 1)).getMessage().contains("finite"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SparseOps.mult(sell, new double[2], new double[3], 1)).getMessage().contains("y"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SparseOps.mult(sell, new double[2], null, 0)).getMessage().contains("threads must be >= 1, got 0"));
        assertThrows(NullPointerException.class, () -> SparseOps.mult((SellMatrix) null, new double[2], null, 1));
    }
}
