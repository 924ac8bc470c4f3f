package dev.retention.recsys.sparse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The products on shapes that take the kernels' cache-driven paths, against a reference summed entry by
 * entry in double (tolerance 1e-9 relative to the sum of the magnitudes of the terms), and bit-for-bit
 * equal for 1, 2 and 3 threads: {@code A x} on short rows (the windowed kernel, and the plain rows at the
 * end of the matrix), {@code A^T B} with an output over the tile threshold (column tiles of 8 and a
 * remainder tile), and {@code A B} with a {@code B} over the panel threshold (two panels), also through
 * {@code multTransA} on the CSC form.
 */
class KernelPathsPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    /** A random matrix whose row lengths are drawn from [0, maxLength]; sorted, no duplicates. */
    private static CsrMatrix shortRows(SplittableRandom rnd, int rows, int cols, int maxLength) {
        int[] ptr = new int[rows + 1];
        int[] idx = new int[rows * Math.min(cols, maxLength)];
        float[] val = new float[idx.length];
        int n = 0;
        boolean[] taken = new boolean[cols];
        for (int i = 0; i < rows; i++) {
            int len = rnd.nextInt(Math.min(cols, maxLength) + 1);
            int start = n;
            while (n - start < len) {
                int j = rnd.nextInt(cols);
                if (!taken[j]) {
                    taken[j] = true;
                    n++;
                }
            }
            int at = start;
            for (int j = 0; j < cols && at < n; j++) {
                if (taken[j]) {
                    taken[j] = false;
                    idx[at] = j;
                    val[at++] = (float) (rnd.nextDouble() * 4 - 2);
                }
            }
            ptr[i + 1] = n;
        }
        return CsrMatrix.of(rows, cols, ptr, java.util.Arrays.copyOf(idx, n), java.util.Arrays.copyOf(val, n));
    }

    private static double[] dense(SplittableRandom rnd, int n) {
        double[] d = new double[n];
        for (int e = 0; e < n; e++) {
            d[e] = rnd.nextDouble() * 2 - 1;
        }
        return d;
    }

    private static void assertClose(double expected, double magnitude, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * (1 + magnitude), what);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void multVector_onShortRows_equalsReference(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        CsrMatrix a = shortRows(rnd, 200 + rnd.nextInt(2_000), 20 + rnd.nextInt(200), 4 + rnd.nextInt(30));
        double[] x = dense(rnd, a.cols());
        double[] y = SparseOps.mult(a, x, null, 1);
        for (int i = 0; i < a.rows(); i++) {
            double sum = 0;
            double magnitude = 0;
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                double term = a.value(p) * x[a.columnIndex(p)];
                sum += term;
                magnitude += Math.abs(term);
            }
            assertClose(sum, magnitude, y[i], "seed " + seed + ", row " + i);
        }
        for (int threads = 2; threads <= 3; threads++) {
            assertArrayEquals(y, SparseOps.mult(a, x, null, threads), "seed " + seed);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void multTransA_withColumnTiles_equalsReference(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int k = 5 + rnd.nextInt(20);   // tiles of 8 and a remainder, or a single partial tile
        int cols = 1 + (int) (300_000 / (8L * k)) + rnd.nextInt(500);   // 8 cols k > 256 KiB
        CsrMatrix a = shortRows(rnd, 100 + rnd.nextInt(300), cols, 40);
        double[] b = dense(rnd, a.rows() * k);
        double[] c = SparseOps.multTransA(a, b, k, null, 1);
        double[] expected = new double[cols * k];
        double[] magnitude = new double[cols * k];
        for (int i = 0; i < a.rows(); i++) {
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                for (int t = 0; t < k; t++) {
                    double term = a.value(p) * b[i * k + t];
                    expected[a.columnIndex(p) * k + t] += term;
                    magnitude[a.columnIndex(p) * k + t] += Math.abs(term);
                }
            }
        }
        for (int e = 0; e < c.length; e++) {
            assertClose(expected[e], magnitude[e], c[e], "seed " + seed + ", element " + e);
        }
        for (int threads = 2; threads <= 3; threads++) {
            assertArrayEquals(c, SparseOps.multTransA(a, b, k, null, threads), "seed " + seed);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void multDense_withPanels_equalsReference_alsoThroughCsc(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int k = 1 + rnd.nextInt(8);
        int cols = 1 + (int) ((5L << 20) / (8L * k)) + rnd.nextInt(1_000);   // B over 4 MiB: two or more panels
        CsrMatrix a = shortRows(rnd, 20 + rnd.nextInt(60), cols, 300);
        double[] b = dense(rnd, cols * k);
        double[] c = SparseOps.mult(a, b, k, null, 1);
        for (int i = 0; i < a.rows(); i++) {
            for (int t = 0; t < k; t++) {
                double sum = 0;
                double magnitude = 0;
                for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                    double term = a.value(p) * b[a.columnIndex(p) * k + t];
                    sum += term;
                    magnitude += Math.abs(term);
                }
                assertClose(sum, magnitude, c[i * k + t], "seed " + seed + ", row " + i);
            }
        }
        for (int threads = 2; threads <= 3; threads++) {
            assertArrayEquals(c, SparseOps.mult(a, b, k, null, threads), "seed " + seed);
        }
        // the CSC form of A^T holds the same arrays: A^T^T B = A B through the same kernel
        CscMatrix transposed = a.transpose().toCsc();
        assertArrayEquals(c, SparseOps.multTransA(transposed, b, k, null, 2), "seed " + seed);
    }
}
