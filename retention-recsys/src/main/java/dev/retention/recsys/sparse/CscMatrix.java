package dev.retention.recsys.sparse;

import java.util.Objects;

/**
 * An immutable sparse matrix in compressed sparse column (CSC) form: the entries of column {@code j}
 * are positions {@code [colStart(j), colEnd(j))} with strictly increasing {@link #rowIndex(int) row
 * indices}. Stored as the CSR form of the transpose, which has exactly the same arrays. Thread-safe.
 * Made by {@link CsrMatrix#toCsc()}.
 */
public final class CscMatrix {

    private final CsrMatrix t;

    CscMatrix(CsrMatrix transposed) {
        this.t = transposed;
    }

    /** Number of rows. */
    public int rows() {
        return t.cols;
    }

    /** Number of columns. */
    public int cols() {
        return t.rows;
    }

    /** Number of stored entries. */
    public int nnz() {
        return t.nnz();
    }

    /** First position of column {@code j}. */
    public int colStart(int j) {
        return t.ptr[j];
    }

    /** One past the last position of column {@code j}. */
    public int colEnd(int j) {
        return t.ptr[j + 1];
    }

    /** The row of the entry at position {@code p}. */
    public int rowIndex(int p) {
        return t.idx[p];
    }

    /** The value of the entry at position {@code p}. */
    public float value(int p) {
        return t.val[p];
    }

    /** The element at {@code (i, j)}, 0 when not stored. O(log(column length)). */
    public float get(int i, int j) {
        Objects.checkIndex(i, rows());
        return t.get(j, i);
    }

    /** The column pointers, copied (length {@code cols + 1}). */
    public int[] columnPointers() {
        return t.rowPointers();
    }

    /** The row indices of all entries, copied. */
    public int[] rowIndices() {
        return t.columnIndices();
    }

    /** The values of all entries, copied. */
    public float[] values() {
        return t.values();
    }

    /** The transpose viewed as a CSR matrix (no copy: the same arrays). */
    public CsrMatrix transposeAsCsr() {
        return t;
    }

    /** The same matrix in CSR form. O(nnz + rows). */
    public CsrMatrix toCsr() {
        return t.transpose();
    }

    @Override
    public String toString() {
        return String.format("CscMatrix %,d x %,d, %,d non-zeros", rows(), cols(), nnz());
    }
}
