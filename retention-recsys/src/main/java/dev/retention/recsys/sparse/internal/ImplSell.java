package dev.retention.recsys.sparse.internal;

import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;

import java.util.Arrays;

/**
 * The sliced ELLPACK form SELL-C-sigma and its product with a vector (M. Kreutzer, G. Hager, G. Wellein,
 * H. Fehske, A. R. Bishop, "A unified sparse matrix data format for efficient general sparse matrix-vector
 * multiplication on modern processors with wide SIMD units", SIAM J. Sci. Comput. 36(5), 2014).
 *
 * <p>Layout: rows are sorted by decreasing length (ties by row) within windows of {@value #SIGMA} rows
 * and cut into slices of {@value #C} consecutive sorted rows. A slice is stored column by column: its
 * {@code j}-th column holds entry {@code j} of each of its rows, at {@code slicePtr[s] + j * C + r},
 * padded with zeros (index 0, value 0) up to the slice's longest row. {@code perm[s * C + r]} is the
 * original row of slot {@code r} of slice {@code s} ({@code -1} past the last row).
 *
 * <p>Why: on matrices of many short rows of varying length, a CSR product mispredicts the exit of
 * almost every row's loop. Here one loop runs over a whole slice with {@value #C} independent sums, so
 * the loop exit is paid once per {@value #C} rows and the sums overlap; the sorting keeps the padding
 * small. Each row's terms are still added one after the other in column order.
 */
public final class ImplSell {

    /** Rows per slice. */
    public static final int C = 8;
    /** Rows per sorting window. */
    public static final int SIGMA = 512;
    /** Target stored entries per parallel block. */
    private static final long BLOCK_ENTRIES = 1 << 18;

    /** The arrays of a SELL-C-sigma matrix. */
    public static final class Sell {
        private final int[] slicePtr;
        private final int[] perm;
        private final int[] idx;
        private final float[] val;

        public Sell(int[] slicePtr, int[] perm, int[] idx, float[] val) {
            this.slicePtr = slicePtr;
            this.perm = perm;
            this.idx = idx;
            this.val = val;
        }

        public int[] slicePtr() {
            return slicePtr;
        }

        public int[] perm() {
            return perm;
        }

        public int[] idx() {
            return idx;
        }

        public float[] val() {
            return val;
        }
    }

    private ImplSell() {
    }

    /**
     * The SELL-C-sigma form of a CSR matrix. O(nnz + rows log SIGMA).
     *
     * @throws IllegalArgumentException if the padded form would hold more than {@code Integer.MAX_VALUE}
     *                                  entries
     */
    public static Sell build(int rows, int[] ptr, int[] idx, float[] val) {
        int slices = (rows + C - 1) / C;
        int[] perm = new int[slices * C];
        Arrays.fill(perm, -1);
        long[] keys = new long[Math.min(rows, SIGMA)];
        for (int from = 0; from < rows; from += SIGMA) {
            int to = Math.min(rows, from + SIGMA);
            for (int i = from; i < to; i++) {   // longest first, then by row
                keys[i - from] = ((long) (Integer.MAX_VALUE - (ptr[i + 1] - ptr[i])) << 32) | i;
            }
            Arrays.sort(keys, 0, to - from);
            for (int i = from; i < to; i++) {
                perm[i] = (int) keys[i - from];
            }
        }
        int[] slicePtr = new int[slices + 1];
        long stored = 0;
        for (int s = 0; s < slices; s++) {
            int width = 0;
            for (int r = 0; r < C; r++) {
                int row = perm[s * C + r];
                if (row >= 0) {
                    width = Math.max(width, ptr[row + 1] - ptr[row]);
                }
            }
            stored += (long) width * C;
            if (stored > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the sliced ELLPACK form would hold more than "
                        + Integer.MAX_VALUE + " entries with its padding");
            }
            slicePtr[s + 1] = (int) stored;
        }
        int[] sIdx = new int[(int) stored];
        float[] sVal = new float[(int) stored];
        for (int s = 0; s < slices; s++) {
            for (int r = 0; r < C; r++) {
                int row = perm[s * C + r];
                if (row < 0) {
                    continue;
                }
                int k = slicePtr[s] + r;
                for (int p = ptr[row]; p < ptr[row + 1]; p++, k += C) {
                    sIdx[k] = idx[p];
                    sVal[k] = val[p];
                }
            }
        }
        return new Sell(slicePtr, perm, sIdx, sVal);
    }

    /**
     * {@code y = A x}; {@code y} fully overwritten. Padding reads {@code x[0]} times 0, so {@code x} must
     * be finite. Blocks of slices are fixed by the data; each writes its own rows.
     */
    public static void mult(Sell a, double[] x, double[] y, Workers workers) {
        int slices = a.slicePtr.length - 1;
        Blocks blocks = Blocks.byWeight(a.slicePtr, slices, BLOCK_ENTRIES);
        workers.run(blocks.count(), b -> multSlices(a, blocks.start(b), blocks.end(b), x, y));
    }

    private static void multSlices(Sell a, int from, int to, double[] x, double[] y) {
        int[] slicePtr = a.slicePtr;
        int[] perm = a.perm;
        int[] idx = a.idx;
        float[] val = a.val;
        for (int s = from; s < to; s++) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double s4 = 0;
            double s5 = 0;
            double s6 = 0;
            double s7 = 0;
            for (int k = slicePtr[s], end = slicePtr[s + 1]; k < end; k += C) {
                s0 += val[k] * x[idx[k]];
                s1 += val[k + 1] * x[idx[k + 1]];
                s2 += val[k + 2] * x[idx[k + 2]];
                s3 += val[k + 3] * x[idx[k + 3]];
                s4 += val[k + 4] * x[idx[k + 4]];
                s5 += val[k + 5] * x[idx[k + 5]];
                s6 += val[k + 6] * x[idx[k + 6]];
                s7 += val[k + 7] * x[idx[k + 7]];
            }
            int at = s * C;
            if (perm[at + C - 1] >= 0) {
                y[perm[at]] = s0;
                y[perm[at + 1]] = s1;
                y[perm[at + 2]] = s2;
                y[perm[at + 3]] = s3;
                y[perm[at + 4]] = s4;
                y[perm[at + 5]] = s5;
                y[perm[at + 6]] = s6;
                y[perm[at + 7]] = s7;
            } else {   // the last slice, not full
                double[] sums = {s0, s1, s2, s3, s4, s5, s6, s7};
                for (int r = 0; r < C && perm[at + r] >= 0; r++) {
                    y[perm[at + r]] = sums[r];
                }
            }
        }
    }
}
