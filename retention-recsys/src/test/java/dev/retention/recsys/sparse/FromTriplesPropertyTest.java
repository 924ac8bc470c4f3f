package dev.retention.recsys.sparse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link CsrMatrix#fromTriples} against a reference built by a comparison sort of (row, column, input
 * position), duplicates summed in input order in float (so the comparison is exact), over seeded random
 * triples that take every path of the construction: sorted rows with columns in order (a copy), sorted
 * rows with columns out of order (the block sort straight from the input), interleaved rows with columns
 * in order (one counting sort), interleaved rows out of order (counting sort, then the block sort); narrow
 * and very wide column spaces (one or several column digits, blocks limited by the key width), more
 * entries than a block holds, a row longer than a block, empty rows, and duplicates.
 */
class FromTriplesPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 160);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fromTriples_equalsSortedReference_onEveryPath(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] colChoices = {1, 7, 300, 4_096, 4_097, 70_000, 1 << 20, Integer.MAX_VALUE};
        int cols = colChoices[rnd.nextInt(colChoices.length)];
        int rows = 1 + rnd.nextInt(rnd.nextBoolean() ? 50 : 20_000);   // < 2^15 for the packed reference keys
        int n = rnd.nextInt(4) == 0 ? rnd.nextInt(100) : rnd.nextInt(90_000);   // < 2^17
        int[] r = new int[n];
        int[] c = new int[n];
        float[] v = new float[n];
        boolean longRow = rnd.nextInt(5) == 0;
        double duplicateRate = rnd.nextBoolean() ? 0 : 0.05;
        for (int p = 0; p < n; p++) {
            r[p] = longRow && rnd.nextBoolean() ? rows / 2 : rnd.nextInt(rows);
            c[p] = p > 0 && rnd.nextDouble() < duplicateRate ? c[p - 1] : rnd.nextInt(cols);
            if (p > 0 && c[p] == c[p - 1]) {
                r[p] = r[p - 1];
            }
            v[p] = (float) (rnd.nextInt(9) - 4) / 4;   // quarters: float sums of a few are exact
        }
        int order = rnd.nextInt(4);
        reorder(r, c, v, order, rnd);
        CsrMatrix a = CsrMatrix.fromTriples(rows, cols, r, c, v);
        Reference ref = reference(rows, r, c, v);
        String what = "seed " + seed + ", order " + order + ", " + rows + " x " + cols + ", " + n + " triples";
        assertArrayEquals(ref.ptr, a.rowPointers(), what);
        assertArrayEquals(ref.idx, a.columnIndices(), what);
        assertArrayEquals(ref.val, a.values(), what);
    }

    /**
     * 0: sorted by (row, column); 1: sorted by row, columns shuffled within rows; 2: rows interleaved at
     * random, each row's entries still in column order; 3: shuffled.
     */
    private static void reorder(int[] r, int[] c, float[] v, int order, SplittableRandom rnd) {
        int n = r.length;
        long[] keys = new long[n];
        for (int p = 0; p < n; p++) {
            long second = order == 1 ? rnd.nextInt(1 << 23) : order == 3 ? 0 : c[p];
            keys[p] = order == 3 ? (long) rnd.nextInt(1 << 30) << 17 | p : (long) r[p] << 48 | second << 17 | p;
        }
        Arrays.sort(keys);
        int[] r2 = new int[n];
        int[] c2 = new int[n];
        float[] v2 = new float[n];
        for (int t = 0; t < n; t++) {
            int p = (int) (keys[t] & 0x1FFFF);
            r2[t] = r[p];
            c2[t] = c[p];
            v2[t] = v[p];
        }
        if (order == 2) {
            // deal the sorted entries out again in a shuffled sequence of row labels: each row keeps its order
            int rows = 0;
            for (int p = 0; p < n; p++) {
                rows = Math.max(rows, r2[p] + 1);
            }
            int[] next = new int[rows + 1];
            for (int p = 0; p < n; p++) {
                next[r2[p] + 1]++;
            }
            for (int i = 0; i < rows; i++) {
                next[i + 1] += next[i];
            }
            int[] labels = r2.clone();
            for (int t = n - 1; t > 0; t--) {
                int u = rnd.nextInt(t + 1);
                int x = labels[t];
                labels[t] = labels[u];
                labels[u] = x;
            }
            for (int t = 0; t < n; t++) {
                int q = next[labels[t]]++;
                r[t] = r2[q];
                c[t] = c2[q];
                v[t] = v2[q];
            }
            return;
        }
        System.arraycopy(r2, 0, r, 0, n);
        System.arraycopy(c2, 0, c, 0, n);
        System.arraycopy(v2, 0, v, 0, n);
    }

    private static final class Reference {
        private final int[] ptr;
        private final int[] idx;
        private final float[] val;

        Reference(int[] ptr, int[] idx, float[] val) {
            this.ptr = ptr;
            this.idx = idx;
            this.val = val;
        }
    }

    /** By a comparison sort of (row, column, input position) packed in a long; duplicates summed in input order. */
    private static Reference reference(int rows, int[] r, int[] c, float[] v) {
        int n = r.length;
        long[] keys = new long[n];
        for (int p = 0; p < n; p++) {
            keys[p] = (long) r[p] << 48 | (long) c[p] << 17 | p;
        }
        Arrays.sort(keys);
        int[] ptr = new int[rows + 1];
        int[] idx = new int[n];
        float[] val = new float[n];
        int out = 0;
        for (int t = 0; t < n; t++) {
            int p = (int) (keys[t] & 0x1FFFF);
            if (t > 0 && keys[t] >>> 17 == keys[t - 1] >>> 17) {
                val[out - 1] += v[p];
            } else {
                idx[out] = c[p];
                val[out] = v[p];
                ptr[r[p] + 1]++;
                out++;
            }
        }
        for (int i = 0; i < rows; i++) {
            ptr[i + 1] += ptr[i];
        }
        return new Reference(ptr, Arrays.copyOf(idx, out), Arrays.copyOf(val, out));
    }

    @Test
    void fromTriples_equalNeighboursAcrossRows_areNotDuplicates() {
        // rows 0 and 1 both end/start with column 5 after sorting; nothing to sum
        CsrMatrix a = CsrMatrix.fromTriples(3, 9, new int[] {0, 0, 1, 1, 2}, new int[] {5, 2, 8, 5, 5},
                new float[] {1, 2, 3, 4, 5});
        assertArrayEquals(new int[] {0, 2, 4, 5}, a.rowPointers());
        assertArrayEquals(new int[] {2, 5, 5, 8, 5}, a.columnIndices());
        assertArrayEquals(new float[] {2, 1, 4, 3, 5}, a.values());
        assertEquals(0, CsrMatrix.fromTriples(4, 4, new int[0], new int[0], new float[0]).nnz());
    }
}
