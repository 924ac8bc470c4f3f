package dev.retention.recsys.sparse.internal;

import java.util.Arrays;

/** A growable CSR fragment of consecutive rows that one block writes; fragments are joined in block order. */
final class RowBuffer {
    private int[] lengths;
    private int rows;
    private int[] idx = new int[64];
    private float[] val = new float[64];
    private int size;

    RowBuffer(int expectedRows) {
        lengths = new int[Math.max(1, expectedRows)];
    }

    /** Appends a row holding {@code cols[0..m)} with values {@code value[col]}. */
    void addRow(int[] cols, int m, double[] value) {
        if (rows == lengths.length) {
            lengths = Arrays.copyOf(lengths, rows * 2);
        }
        lengths[rows++] = m;
        if (size + m > idx.length) {
            int cap = Math.max(size + m, idx.length * 2);
            idx = Arrays.copyOf(idx, cap);
            val = Arrays.copyOf(val, cap);
        }
        for (int t = 0; t < m; t++) {
            int c = cols[t];
            idx[size + t] = c;
            val[size + t] = (float) value[c];
        }
        size += m;
    }

    /** Appends a row holding {@code cols[0..m)} with the parallel values {@code values[0..m)}. */
    void addRow(int[] cols, double[] values, int m) {
        if (rows == lengths.length) {
            lengths = Arrays.copyOf(lengths, rows * 2);
        }
        lengths[rows++] = m;
        if (size + m > idx.length) {
            int cap = Math.max(size + m, idx.length * 2);
            idx = Arrays.copyOf(idx, cap);
            val = Arrays.copyOf(val, cap);
        }
        for (int t = 0; t < m; t++) {
            idx[size + t] = cols[t];
            val[size + t] = (float) values[t];
        }
        size += m;
    }

    /** The fragments, in order, as one CSR of {@code n} rows. */
    static CsrArrays concat(RowBuffer[] parts, int n) {
        long total = 0;
        for (RowBuffer b : parts) {
            total += b.size;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the result has " + total + " non-zeros, more than an int index holds");
        }
        int[] ptr = new int[n + 1];
        int[] idx = new int[(int) total];
        float[] val = new float[(int) total];
        int row = 0;
        int at = 0;
        for (RowBuffer b : parts) {
            for (int r = 0; r < b.rows; r++) {
                ptr[row + 1] = ptr[row] + b.lengths[r];
                row++;
            }
            System.arraycopy(b.idx, 0, idx, at, b.size);
            System.arraycopy(b.val, 0, val, at, b.size);
            at += b.size;
        }
        assert row == n;
        return new CsrArrays(ptr, idx, val);
    }
}
