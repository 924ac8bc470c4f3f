package dev.retention.sparse.internal;

import java.util.Arrays;

/**
 * Building compressed sparse rows from coordinate triples, and transposing them.
 *
 * <p>Layout: CSR with row pointers {@code ptr[0..rows]}, column indices and float values; indices
 * sorted within each row and free of duplicates. Construction is two stable counting sorts (by
 * column, then by row), so O(nnz + rows + cols) time and no comparison sort (as SciPy's
 * {@code coo_tocsr} followed by {@code sort_indices}, but linear). Duplicates are then summed in
 * place. Inputs are trusted: the public facade checks ranges and finiteness.
 */
public final class ImplConstruction {

    private ImplConstruction() {
    }

    /** CSR arrays: pointers, indices, values. */
    public record Csr(int[] ptr, int[] idx, float[] val) {
    }

    /**
     * CSR of the triples {@code (r[p], c[p], v[p])} for {@code p < n}, with duplicates summed in input order.
     */
    public static Csr fromTriples(int rows, int cols, int[] r, int[] c, float[] v, int n) {
        // pass 1: stable counting sort by column
        int[] colPtr = new int[cols + 1];
        for (int p = 0; p < n; p++) {
            colPtr[c[p] + 1]++;
        }
        for (int j = 0; j < cols; j++) {
            colPtr[j + 1] += colPtr[j];
        }
        int[] byCol = new int[n];
        int[] fill = Arrays.copyOf(colPtr, cols);
        for (int p = 0; p < n; p++) {
            byCol[fill[c[p]]++] = p;
        }
        // pass 2: stable counting sort by row, visiting entries in column order
        int[] ptr = new int[rows + 1];
        for (int p = 0; p < n; p++) {
            ptr[r[p] + 1]++;
        }
        for (int i = 0; i < rows; i++) {
            ptr[i + 1] += ptr[i];
        }
        int[] idx = new int[n];
        float[] val = new float[n];
        int[] order = new int[n];
        fill = Arrays.copyOf(ptr, rows);
        for (int q = 0; q < n; q++) {
            int p = byCol[q];
            order[fill[r[p]]++] = p;
        }
        // duplicates of a column are now adjacent in input order: sum them in place
        int out = 0;
        int start = 0;
        for (int i = 0; i < rows; i++) {
            int end = ptr[i + 1];
            int rowStart = out;
            for (int q = start; q < end; q++) {
                int p = order[q];
                if (out > rowStart && idx[out - 1] == c[p]) {
                    val[out - 1] += v[p];
                } else {
                    idx[out] = c[p];
                    val[out] = v[p];
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
