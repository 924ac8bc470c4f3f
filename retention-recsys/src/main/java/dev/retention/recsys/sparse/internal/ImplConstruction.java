package dev.retention.recsys.sparse.internal;

import java.util.Arrays;

/**
 * Building compressed sparse rows from coordinate triples, and transposing them.
 *
 * <p>Layout: CSR with row pointers {@code ptr[0..rows]}, column indices and float values; indices
 * sorted within each row and free of duplicates. Construction is a copy when the triples come sorted,
 * a counting sort by row when only the rows interleave, and otherwise a radix sort of the entries grouped
 * by row, one cache-sized block of rows at a time (LSD on column digits, then on the row within the
 * block): O(nnz + rows + cols) with no comparison sort; duplicates are then summed in place, in input
 * order. Transposition is a counting sort by column, O(nnz + cols). Inputs are trusted: the public
 * facade checks ranges and finiteness.
 *
 * <p>Reference for the radix sorts: D. E. Knuth, <i>The Art of Computer Programming</i>, vol. 3, 2nd ed.,
 * 1998, section 5.2.5 (LSD radix sorting); the packing of key and value in one word per entry follows
 * the usual practice of cache-conscious radix sorts (N. Satish et al., "Fast sort on CPUs and GPUs",
 * SIGMOD 2010).
 */
public final class ImplConstruction {

    private ImplConstruction() {
    }

    /**
     * CSR of the triples {@code (r[p], c[p], v[p])} for {@code p < n}, with duplicates summed in input order.
     *
     * <p>One branch-free pass finds how the triples are ordered and, when they come sorted by row, the
     * row pointers (otherwise a counting pass finds them). Sorted by row and column (as from
     * {@code Interactions}): the arrays are copied. Rows interleaved but each row's entries in increasing
     * column order: one stable counting sort by row. Otherwise the entries are grouped by row (free when
     * the triples come sorted by row, else a stable counting sort by row into a scratch copy), and each
     * block of consecutive rows holding about {@value #SORT_BLOCK} entries is sorted where it fits in the
     * cache ({@link #sortRowBlocks}). Duplicates are then adjacent, in input order, and are summed in
     * place. O(nnz + rows + cols) with no comparison sort; memory besides the output: the block scratch
     * (16 bytes an entry of a block), plus a copy of the triples when rows interleave.
     */
    public static CsrArrays fromTriples(int rows, int cols, int[] r, int[] c, float[] v, int n) {
        int[] ptr = new int[rows + 1];
        // triples sorted by row (the common case) need no per-row counters: a flat pass checks the order
        // and sets ptr[i + 1] to one past the last entry of row i (later entries overwrite earlier ones).
        // The check is branch-free: a sign bit turns on when a row goes back
        int rowsBack = 0;
        int previousRow = n > 0 ? r[0] : 0;
        for (int p = 0; p < n; p++) {
            int i = r[p];
            rowsBack |= i - previousRow;
            ptr[i + 1] = p + 1;
            previousRow = i;
        }
        boolean rowsSorted = rowsBack >= 0;
        boolean columnsInOrder = rowsSorted && columnsIncrease(r, c, n);
        if (rowsSorted) {
            for (int i = 0; i < rows; i++) {
                ptr[i + 1] = Math.max(ptr[i + 1], ptr[i]);   // empty rows end where the previous one does
            }
        } else {
            columnsInOrder = countRows(r, c, n, ptr);
        }
        int[] idx = new int[n];
        float[] val = new float[n];
        if (columnsInOrder && rowsSorted) {
            System.arraycopy(c, 0, idx, 0, n);
            System.arraycopy(v, 0, val, 0, n);
            return new CsrArrays(ptr, idx, val);
        }
        if (columnsInOrder) {
            // one counting sort by row gives each row's entries in the order they came, which is column order
            scatterByRow(rows, ptr, r, c, v, n, idx, val);
            return new CsrArrays(ptr, idx, val);
        }
        boolean duplicates;
        if (rowsSorted) {
            // row i is already at positions ptr[i]..ptr[i+1] of the input
            duplicates = sortRowBlocks(rows, cols, ptr, c, v, idx, val);
        } else {
            int[] groupedIdx = new int[n];
            float[] groupedVal = new float[n];
            scatterByRow(rows, ptr, r, c, v, n, groupedIdx, groupedVal);
            duplicates = sortRowBlocks(rows, cols, ptr, groupedIdx, groupedVal, idx, val);
        }
        return duplicates ? sumDuplicates(rows, ptr, idx, val) : new CsrArrays(ptr, idx, val);
    }

    /** Whether, in triples sorted by row, the columns increase within each row; stops at the first that does not. */
    private static boolean columnsIncrease(int[] r, int[] c, int n) {
        for (int p = 1; p < n; p++) {
            if (r[p] == r[p - 1] && c[p] <= c[p - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Row pointers of triples in any order, by counting (into {@code ptr}, zeroed here); returns whether
     * the entries of every row come in increasing column order.
     */
    private static boolean countRows(int[] r, int[] c, int n, int[] ptr) {
        int rows = ptr.length - 1;
        Arrays.fill(ptr, 0);
        int[] last = new int[rows];
        Arrays.fill(last, -1);
        int columnsBack = 0;
        for (int p = 0; p < n; p++) {
            int i = r[p];
            int j = c[p];
            ptr[i + 1]++;
            columnsBack |= ~(last[i] - j);   // sign bit on when j <= last[i]
            last[i] = j;
        }
        for (int i = 0; i < rows; i++) {
            ptr[i + 1] += ptr[i];
        }
        return columnsBack >= 0;
    }

    /** Stable counting sort of the triples by row into {@code (idx, val)}, given the row pointers. */
    private static void scatterByRow(int rows, int[] ptr, int[] r, int[] c, float[] v, int n, int[] idx, float[] val) {
        int[] fill = Arrays.copyOf(ptr, rows);
        for (int p = 0; p < n; p++) {
            int q = fill[r[p]]++;
            idx[q] = c[p];
            val[q] = v[p];
        }
    }

    /** Target entries per block of the column sort: the block's scratch (16 bytes an entry) stays in L2. */
    static final int SORT_BLOCK = 1 << 15;
    /** Largest column digit of the block sort, in bits (a 16 KiB histogram). */
    static final int DIGIT_BITS = 12;
    /** Most columns for the bitmap sort of long rows (an 8 KiB bitmap and a 256 KiB value array). */
    static final int BITMAP_COLS = 1 << 16;

    /**
     * Sorts each row of {@code (inIdx, inVal)}, grouped by row at the positions {@code ptr}, by column
     * into {@code (idx, val)}, stably; returns whether a row holds a column twice (left adjacent, in input
     * order). Blocks of consecutive rows are sorted one at a time, in cache, by {@link BlockSorter}.
     */
    private static boolean sortRowBlocks(int rows, int cols, int[] ptr, int[] inIdx, float[] inVal, int[] idx,
                                         float[] val) {
        BlockSorter sorter = new BlockSorter(rows, cols, ptr, inIdx, inVal, idx, val);
        boolean duplicates = false;
        int from = 0;
        while (from < rows) {
            int to = from + 1;
            while (to < rows && to - from < sorter.maxBlockRows && ptr[to + 1] - ptr[from] <= SORT_BLOCK) {
                to++;
            }
            long entries = (long) ptr[to] - ptr[from];
            if (sorter.dense != null && entries * 64 >= (long) (to - from) * cols) {
                duplicates |= sorter.bitmapRows(from, to);
            } else {
                duplicates |= sorter.radix(from, to);
            }
            from = to;
        }
        return duplicates;
    }

    /**
     * The two in-cache sorts of a block of rows, with their scratch arrays.
     *
     * <p>{@link #radix}: each entry becomes one {@code long}, the key {@code localRow << colBits | column}
     * in the high half and the value's bits in the low half, so every pass moves one word. LSD passes
     * over the column digits (a histogram each) are followed by a counting sort on the local row, whose
     * cursors are the row pointers, and a sequential copy into the output. The key must fit 31 bits, so a
     * block holds at most {@code 2^(31 - colBits)} rows (one row when the columns need 31 bits).
     *
     * <p>{@link #bitmapRows}, for rows long next to the number of columns (at least {@code cols / 64}
     * entries on average, with at most {@value #BITMAP_COLS} columns): each row sets one bit per column
     * and parks its value in a dense array by column, then reads the bits out in order, 64 columns a
     * word. O(row length + cols / 64) a row, against the radix sort's passes over the row. A row with a
     * column twice goes through {@link #radix} instead, which keeps the duplicates for summing.
     */
    private static final class BlockSorter {
        final int[] ptr;
        final int[] inIdx;
        final float[] inVal;
        final int[] idx;
        final float[] val;
        final int colBits;
        final int maxBlockRows;
        final int passes;
        final int digitBits;
        final int digitMask;
        final int colMask;
        final int[] count;
        final int largest;
        final int rows;
        long[] a;
        long[] b;
        int[] mark;
        int[] cursor;
        final long[] bits;
        final float[] dense;
        final int lastCol;

        BlockSorter(int rows, int cols, int[] ptr, int[] inIdx, float[] inVal, int[] idx, float[] val) {
            this.ptr = ptr;
            this.inIdx = inIdx;
            this.inVal = inVal;
            this.idx = idx;
            this.val = val;
            colBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, cols - 1)));
            maxBlockRows = Math.min(SORT_BLOCK, 1 << (31 - colBits));
            passes = (colBits + DIGIT_BITS - 1) / DIGIT_BITS;
            digitBits = (colBits + passes - 1) / passes;
            digitMask = (1 << digitBits) - 1;
            colMask = (int) ((1L << colBits) - 1);
            count = new int[1 << digitBits];
            int most = SORT_BLOCK;
            for (int i = 0; i < rows; i++) {
                most = Math.max(most, ptr[i + 1] - ptr[i]);
            }
            largest = most;
            this.rows = rows;
            bits = cols <= BITMAP_COLS ? new long[(cols + 63) >>> 6] : null;
            dense = cols <= BITMAP_COLS ? new float[cols] : null;
            lastCol = Math.max(0, cols - 1);
        }

        /** Radix-sorts the rows {@code [from, to)} into the output; returns whether a row holds a column twice. */
        boolean radix(int from, int to) {
            int base = ptr[from];
            int m = ptr[to] - base;
            if (m <= 1) {
                if (m == 1) {
                    idx[base] = inIdx[base];
                    val[base] = inVal[base];
                }
                return false;
            }
            if (a == null) {   // the radix scratch, made on first use (the bitmap sort may do every block)
                a = new long[largest];
                b = new long[largest];
                mark = new int[largest + 1];
                cursor = new int[Math.min(rows, maxBlockRows)];
            }
            // the block-local row of each position, branch-free: mark where rows start, then a running sum
            Arrays.fill(mark, 0, m, 0);
            for (int i = from + 1; i < to; i++) {
                mark[ptr[i] - base]++;
            }
            // histogram of the lowest column digit, then one word per entry scattered by that digit
            Arrays.fill(count, 0);
            for (int q = base; q < base + m; q++) {
                count[inIdx[q] & digitMask]++;
            }
            toCursors(count);
            int local = 0;
            for (int t = 0; t < m; t++) {
                local += mark[t];
                int j = inIdx[base + t];
                b[count[j & digitMask]++] = (long) (local << colBits | j) << 32
                        | (Float.floatToRawIntBits(inVal[base + t]) & 0xFFFFFFFFL);
            }
            swap();
            for (int pass = 1, shift = 32 + digitBits; pass < passes; pass++, shift += digitBits) {
                Arrays.fill(count, 0);
                for (int t = 0; t < m; t++) {
                    count[(int) (a[t] >>> shift) & digitMask]++;
                }
                toCursors(count);
                for (int t = 0; t < m; t++) {
                    long e = a[t];
                    b[count[(int) (e >>> shift) & digitMask]++] = e;
                }
                swap();
            }
            // stable counting sort on the local row; its cursors are the row pointers
            for (int i = from; i < to; i++) {
                cursor[i - from] = ptr[i] - base;
            }
            int rowShift = 32 + colBits;
            for (int t = 0; t < m; t++) {
                long e = a[t];
                b[cursor[(int) (e >>> rowShift)]++] = e;
            }
            // unpack into the output; a column twice in a row is now adjacent. Equal neighbours across a
            // row boundary are rare and are told apart by the row check
            boolean equalNeighbours = false;
            int previous = -1;
            for (int t = 0; t < m; t++) {
                long e = b[t];
                int j = (int) (e >>> 32) & colMask;
                equalNeighbours |= j == previous;
                previous = j;
                idx[base + t] = j;
                val[base + t] = Float.intBitsToFloat((int) e);
            }
            boolean duplicates = false;
            if (equalNeighbours) {
                for (int i = from; i < to && !duplicates; i++) {
                    for (int q = ptr[i] + 1; q < ptr[i + 1]; q++) {
                        duplicates |= idx[q] == idx[q - 1];
                    }
                }
            }
            return duplicates;
        }

        private void swap() {
            long[] t = a;
            a = b;
            b = t;
        }

        /** Sorts each of the rows {@code [from, to)} through the column bitmap; returns whether a row held a column twice. */
        boolean bitmapRows(int from, int to) {
            boolean duplicates = false;
            for (int i = from; i < to; i++) {
                int start = ptr[i];
                int end = ptr[i + 1];
                if (end == start) {
                    continue;
                }
                long twice = 0;
                for (int q = start; q < end; q++) {
                    int j = inIdx[q];
                    int w = j >>> 6;
                    long bit = 1L << j;
                    long word = bits[w];
                    twice |= word & bit;
                    bits[w] = word | bit;
                    dense[j] = inVal[q];
                }
                // every word is read out (the block's rows average at least cols / 64 entries); tracking the
                // row's lowest and highest word instead made the loop above a chain of dependent updates
                int words = bits.length;
                if (twice != 0) {
                    Arrays.fill(bits, 0L);
                    duplicates |= radix(i, i + 1);
                    continue;
                }
                int at = start;
                if (end + 3 <= idx.length) {
                    // four columns a word without a branch (a word of a long row holds a few); the writes
                    // past the word's last column land where the next ones, or the next row, will write
                    for (int w = 0; w < words; w++) {
                        long word = bits[w];
                        bits[w] = 0;
                        int count = Long.bitCount(word);
                        int base = w << 6;
                        int j0 = Math.min(base + Long.numberOfTrailingZeros(word), lastCol);
                        word &= word - 1;
                        int j1 = Math.min(base + Long.numberOfTrailingZeros(word), lastCol);
                        word &= word - 1;
                        int j2 = Math.min(base + Long.numberOfTrailingZeros(word), lastCol);
                        word &= word - 1;
                        int j3 = Math.min(base + Long.numberOfTrailingZeros(word), lastCol);
                        word &= word - 1;
                        idx[at] = j0;
                        val[at] = dense[j0];
                        idx[at + 1] = j1;
                        val[at + 1] = dense[j1];
                        idx[at + 2] = j2;
                        val[at + 2] = dense[j2];
                        idx[at + 3] = j3;
                        val[at + 3] = dense[j3];
                        at += Math.min(count, 4);
                        while (word != 0) {
                            int j = base | Long.numberOfTrailingZeros(word);
                            idx[at] = j;
                            val[at++] = dense[j];
                            word &= word - 1;
                        }
                    }
                } else {
                    for (int w = 0; w < words; w++) {
                        long word = bits[w];
                        bits[w] = 0;
                        while (word != 0) {
                            int j = w << 6 | Long.numberOfTrailingZeros(word);
                            idx[at] = j;
                            val[at++] = dense[j];
                            word &= word - 1;
                        }
                    }
                }
            }
            return duplicates;
        }
    }

    /** Turns counts into the first position of each digit (an exclusive prefix sum), in place. */
    private static void toCursors(int[] count) {
        int sum = 0;
        for (int d = 0; d < count.length; d++) {
            int c = count[d];
            count[d] = sum;
            sum += c;
        }
    }

    /** Sums adjacent equal columns of each row in place (in their order) and compacts the arrays. */
    private static CsrArrays sumDuplicates(int rows, int[] ptr, int[] idx, float[] val) {
        int n = ptr[rows];
        int out = 0;
        int start = 0;
        for (int i = 0; i < rows; i++) {
            int end = ptr[i + 1];
            int rowStart = out;
            for (int q = start; q < end; q++) {
                if (out > rowStart && idx[out - 1] == idx[q]) {
                    val[out - 1] += val[q];
                } else {
                    idx[out] = idx[q];
                    val[out] = val[q];
                    out++;
                }
            }
            start = end;
            ptr[i + 1] = out;
        }
        return out == n ? new CsrArrays(ptr, idx, val)
                : new CsrArrays(ptr, Arrays.copyOf(idx, out), Arrays.copyOf(val, out));
    }

    /**
     * The transpose of a {@code rows x cols} CSR matrix as CSR (equivalently: the CSC form of the
     * matrix). Indices come out sorted because rows are visited in order. O(nnz + cols).
     */
    public static CsrArrays transpose(int rows, int cols, int[] ptr, int[] idx, float[] val) {
        int nnz = ptr[rows];
        int[] tPtr = new int[cols + 1];
        for (int p = 0; p < nnz; p++) {
            tPtr[idx[p] + 1]++;
        }
        for (int j = 0; j < cols; j++) {
            tPtr[j + 1] += tPtr[j];
        }
        int[] fill = Arrays.copyOf(tPtr, cols);
        int[] tIdx = new int[nnz];
        float[] tVal = new float[nnz];
        for (int i = 0; i < rows; i++) {
            for (int p = ptr[i], end = ptr[i + 1]; p < end; p++) {
                int q = fill[idx[p]]++;
                tIdx[q] = i;
                tVal[q] = val[p];
            }
        }
        return new CsrArrays(tPtr, tIdx, tVal);
    }
}
