package dev.retention.sparse.internal;

import java.util.Arrays;

/**
 * Building compressed sparse rows from coordinate triples, and transposing them.
 *
 * <p>Layout: CSR with row pointers {@code ptr[0..rows]}, column indices and float values; indices
 * sorted within each row and free of duplicates. Construction is a counting sort by row when each
 * row's entries already come in column order, else a two-key LSD radix sort (counting sorts by column,
 * then by row), so O(nnz + rows + cols) with no comparison sort; duplicates are then summed in place.
 * Transposition is a counting sort by column, O(nnz + cols). Inputs are trusted: the public facade
 * checks ranges and finiteness.
 */
public final class ImplConstruction {

    private ImplConstruction() {
    }

    /** CSR arrays: pointers, indices, values. */
    public record Csr(int[] ptr, int[] idx, float[] val) {
    }

    /**
     * CSR of the triples {@code (r[p], c[p], v[p])} for {@code p < n}, with duplicates summed in input order.
     *
     * <p>When the entries of every row arrive in increasing column order (rows may interleave), as from
     * {@code Interactions}, one counting sort by row suffices. Otherwise two stable counting sorts, by
     * column and then by row (a least-significant-digit radix sort on the two keys). O(nnz + rows + cols)
     * either way.
     */
    public static Csr fromTriples(int rows, int cols, int[] r, int[] c, float[] v, int n) {
        int[] ptr = new int[rows + 1];
        int[] last = new int[rows];
        Arrays.fill(last, -1);
        boolean rowsInOrder = true;
        for (int p = 0; p < n; p++) {
            int i = r[p];
            ptr[i + 1]++;
            if (c[p] <= last[i]) {
                rowsInOrder = false;
            }
            last[i] = c[p];
        }
        for (int i = 0; i < rows; i++) {
            ptr[i + 1] += ptr[i];
        }
        int[] idx = new int[n];
        float[] val = new float[n];
        int[] fill = Arrays.copyOf(ptr, rows);
        if (rowsInOrder) {
            for (int p = 0; p < n; p++) {
                int q = fill[r[p]]++;
                idx[q] = c[p];
                val[q] = v[p];
            }
            return new Csr(ptr, idx, val);
        }
        // stable counting sort by column into (row, value) arrays, then by row
        int[] colPtr = new int[cols + 1];
        for (int p = 0; p < n; p++) {
            colPtr[c[p] + 1]++;
        }
        for (int j = 0; j < cols; j++) {
            colPtr[j + 1] += colPtr[j];
        }
        int[] rowByCol = new int[n];
        float[] valByCol = new float[n];
        int[] colFill = Arrays.copyOf(colPtr, cols);
        for (int p = 0; p < n; p++) {
            int q = colFill[c[p]]++;
            rowByCol[q] = r[p];
            valByCol[q] = v[p];
        }
        for (int j = 0; j < cols; j++) {
            for (int q = colPtr[j], end = colPtr[j + 1]; q < end; q++) {
                int at = fill[rowByCol[q]]++;
                idx[at] = j;
                val[at] = valByCol[q];
            }
        }
        // duplicates are now adjacent, in input order: sum them in place
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
        return out == n ? new Csr(ptr, idx, val) : new Csr(ptr, Arrays.copyOf(idx, out), Arrays.copyOf(val, out));
    }

    /**
     * The transpose of a {@code rows x cols} CSR matrix as CSR (equivalently: the CSC form of the
     * matrix). Indices come out sorted because rows are visited in order. O(nnz + cols).
     */
    public static Csr transpose(int rows, int cols, int[] ptr, int[] idx, float[] val) {
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
        return new Csr(tPtr, tIdx, tVal);
    }
}
