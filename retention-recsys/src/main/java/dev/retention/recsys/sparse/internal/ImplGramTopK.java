package dev.retention.recsys.sparse.internal;

import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;

/**
 * The sparse Gram product {@code A^T A} of a matrix with positive entries, keeping the {@code k} largest entries of
 * each row (ties to the smaller column): the item-item similarity of item-kNN.
 *
 * <p>Layout: {@code A} is given both ways, by column ({@code ptr, idx, val}: output row {@code x} is built from
 * column {@code x}) and by row ({@code tPtr, tIdx, tVal}). Output row {@code x} is a dense double accumulator of
 * length {@code n}: for each entry {@code a_cx} of column {@code x}, the whole row {@code c} of {@code A} is added,
 * scaled, without a branch ({@code acc[j] += a_cx a_cj}); then one scan of the accumulator keeps the {@code k} best
 * non-zero entries in a bounded min-heap and clears the accumulator. Every entry of {@code A} being positive, the
 * non-zero sums are exactly the pairs that co-occur, as in the row-by-row form of Gustavson ("Two fast algorithms
 * for sparse matrices", ACM TOMS 4(3), 1978) with a touched list, which the general kernel ({@link ImplPairs}) uses
 * and this one replaces by the scan. Each pair's terms are summed in row order, in double, so the values equal the
 * general kernel's bit for bit.
 *
 * <p>Work O(sum over rows of A of their length squared + n^2) and O(n) memory per worker. Rows are cut into blocks
 * of about equal work, fixed by the data, each writing its own fragment, joined in block order: the result does not
 * depend on the number of threads. Trusts its input.
 */
public final class ImplGramTopK {

    /** About this much work (products and scanned cells) per block of output rows. */
    private static final long BLOCK_WORK = 1 << 18;

    private ImplGramTopK() {
    }

    /**
     * {@return the top-{@code k} rows of {@code A^T A}, {@code n x n}, columns sorted within each row}
     *
     * @param n           columns of A (rows and columns of the result)
     * @param ptr         read; column pointers of A (n + 1)
     * @param idx         read; row of each entry, by column
     * @param val         read; the entries by column, positive
     * @param tPtr        read; row pointers of A
     * @param tIdx        read; column of each entry, by row
     * @param tVal        read; the entries by row, positive
     * @param k           entries kept per row, {@code >= 1}
     * @param excludeSelf drop the diagonal
     * @param workers     run the blocks
     */
    public static CsrArrays gram(int n, int[] ptr, int[] idx, float[] val, int[] tPtr, int[] tIdx, float[] tVal,
                                 int k, boolean excludeSelf, Workers workers) {
        long[] work = new long[n + 1];
        for (int x = 0; x < n; x++) {
            long w = n;
            for (int p = ptr[x]; p < ptr[x + 1]; p++) {
                int c = idx[p];
                w += tPtr[c + 1] - tPtr[c];
            }
            work[x + 1] = work[x] + w;
        }
        Blocks blocks = Blocks.byWeight(work, n, BLOCK_WORK);
        RowBuffer[] out = new RowBuffer[blocks.count()];
        double[][] accumulators = new double[workers.threads()][];
        workers.run(blocks.count(), (b, worker) -> {
            double[] acc = accumulators[worker];
            if (acc == null) {
                acc = new double[n];
                accumulators[worker] = acc;
            }
            int from = blocks.start(b);
            int to = blocks.end(b);
            RowBuffer buf = new RowBuffer(to - from);
            int[] heapIdx = new int[k];
            double[] heapVal = new double[k];
            for (int x = from; x < to; x++) {
                for (int p = ptr[x]; p < ptr[x + 1]; p++) {
                    int c = idx[p];
                    double a = val[p];
                    for (int q = tPtr[c], end = tPtr[c + 1]; q < end; q++) {
                        acc[tIdx[q]] += a * tVal[q];
                    }
                }
                if (excludeSelf) {
                    acc[x] = 0;
                }
                int m = select(acc, n, heapIdx, heapVal, k);
                sortByIndex(heapIdx, heapVal, m);
                buf.addRow(heapIdx, heapVal, m);
            }
            out[b] = buf;
        });
        return RowBuffer.concat(out, n);
    }

    /**
     * Keeps the k largest non-zero cells of {@code acc} (ties to the smaller index) in a min-heap and clears
     * {@code acc}; returns how many were kept. Cells are visited in index order, so a later cell equal to the
     * heap's root ranks below it and never enters; once the heap is full its root is positive, so a zero cell
     * cannot enter either and the scan needs no test for zero.
     */
    private static int select(double[] acc, int n, int[] heapIdx, double[] heapVal, int k) {
        int size = 0;
        int y = 0;
        for (; y < n && size < k; y++) {
            double v = acc[y];
            if (v == 0) {
                continue;
            }
            int i = size++;
            while (i > 0) {   // sift up: the parent must not rank below the new cell
                int parent = (i - 1) >>> 1;
                if (!worse(v, y, heapVal[parent], heapIdx[parent])) {
                    break;
                }
                heapIdx[i] = heapIdx[parent];
                heapVal[i] = heapVal[parent];
                i = parent;
            }
            heapIdx[i] = y;
            heapVal[i] = v;
        }
        double root = heapVal[0];
        for (; y < n; y++) {
            double v = acc[y];
            if (v > root) {
                siftDown(heapIdx, heapVal, k, y, v);
                root = heapVal[0];
            }
        }
        java.util.Arrays.fill(acc, 0, n, 0.0);
        return size;
    }

    /** Whether cell (va, ia) ranks below cell (vb, ib). */
    private static boolean worse(double va, int ia, double vb, int ib) {
        return va < vb || (va == vb && ia > ib);
    }

    /** Replaces the root by (y, v) and restores the heap. */
    private static void siftDown(int[] heapIdx, double[] heapVal, int size, int y, double v) {
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && worse(heapVal[child + 1], heapIdx[child + 1], heapVal[child], heapIdx[child])) {
                child++;
            }
            if (!worse(heapVal[child], heapIdx[child], v, y)) {
                break;
            }
            heapIdx[i] = heapIdx[child];
            heapVal[i] = heapVal[child];
            i = child;
        }
        heapIdx[i] = y;
        heapVal[i] = v;
    }

    /** Insertion sort of the kept cells by index; k is small. */
    private static void sortByIndex(int[] heapIdx, double[] heapVal, int m) {
        for (int i = 1; i < m; i++) {
            int y = heapIdx[i];
            double v = heapVal[i];
            int j = i - 1;
            while (j >= 0 && heapIdx[j] > y) {
                heapIdx[j + 1] = heapIdx[j];
                heapVal[j + 1] = heapVal[j];
                j--;
            }
            heapIdx[j + 1] = y;
            heapVal[j + 1] = v;
        }
    }
}
