package dev.retention.recsys.sparse;

import java.util.Locale;
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

    /** {@return the number of rows} */
    public int rows() {
        return t.cols;
    }

    /** {@return the number of columns} */
    public int cols() {
        return t.rows;
    }

    /** {@return the number of stored entries} */
    public int nnz() {
        return t.nnz();
    }

    /**
     * {@return the first position of column {@code j}}
     *
     * @param j column, in [0, cols())
     */
    public int colStart(int j) {
        return t.ptr[j];
    }

    /**
     * {@return one past the last position of column {@code j}}
     *
     * @param j column, in [0, cols())
     */
    public int colEnd(int j) {
        return t.ptr[j + 1];
    }

    /**
     * {@return the row of the entry at position {@code p}}
     *
     * @param p position, in [0, nnz())
     */
    public int rowIndex(int p) {
        return t.idx[p];
    }

    /**
     * {@return the value of the entry at position {@code p}}
     *
     * @param p position, in [0, nnz())
     */
    public float value(int p) {
        return t.val[p];
    }

    /**
     * {@return the element at {@code (i, j)}, 0 when not stored} O(log(column length)).
     *
     * @param i row, in [0, rows())
     * @param j column, in [0, cols())
     */
    public float get(int i, int j) {
        Objects.checkIndex(i, rows());
        return t.get(j, i);
    }

    /** {@return the column pointers, copied (length {@code cols + 1})} */
    public int[] columnPointers() {
        return t.rowPointers();
    }

    /** {@return the row indices of all entries, copied} */
    public int[] rowIndices() {
        return t.columnIndices();
    }

    /** {@return the values of all entries, copied} */
    public float[] values() {
        return t.values();
    }

    /** {@return the transpose viewed as a CSR matrix (no copy: the same arrays)} */
    public CsrMatrix transposeAsCsr() {
        return t;
    }

    /** {@return the same matrix in CSR form} O(nnz + rows). */
    public CsrMatrix toCsr() {
        return t.transpose();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CscMatrix %,d x %,d, %,d non-zeros", rows(), cols(), nnz());
    }
}
