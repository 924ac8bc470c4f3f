package dev.retention.recsys.sparse;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.internal.Limits;
import dev.retention.recsys.sparse.internal.CsrArrays;
import dev.retention.recsys.sparse.internal.ImplConstruction;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * An immutable sparse matrix in compressed sparse row (CSR) form: float values, int indices, column
 * indices strictly increasing within each row (sorted and duplicate-free). The structure is checked
 * once when the matrix is made and trusted afterwards (as EJML's {@code DMatrixSparseCSC.checkStructure}).
 * Thread-safe.
 *
 * <p>The entries of row {@code i} are positions {@code [rowStart(i), rowEnd(i))}, with
 * {@link #columnIndex(int)} and {@link #value(int)} at each position. Reference: Y. Saad,
 * <i>Iterative Methods for Sparse Linear Systems</i>, 2nd ed., SIAM 2003, section 3.4.
 *
 * <p>Products and statistics are in {@link SparseOps}; the column-oriented form is {@link #toCsc()}.
 */
public final class CsrMatrix {

    final int rows;
    final int cols;
    final int[] ptr;
    final int[] idx;
    final float[] val;

    CsrMatrix(int rows, int cols, int[] ptr, int[] idx, float[] val) {
        this.rows = rows;
        this.cols = cols;
        this.ptr = ptr;
        this.idx = idx;
        this.val = val;
    }

    /**
     * {@return a matrix from coordinate triples {@code (rowIndex[p], colIndex[p], values[p])}; entries with the
     * same row and column are summed in input order (as SciPy's {@code coo_matrix.tocsr})} Triples
     * sorted by row and column are copied; otherwise counting and radix sorts (by row, then by column
     * within cache-sized blocks of rows), never a comparison sort: O(nnz + rows + cols) time and memory.
     *
     * @param rows     number of rows, in {@code [0, Integer.MAX_VALUE - 9]}
     * @param cols     number of columns, {@code >= 0}
     * @param rowIndex read; each in {@code [0, rows)}
     * @param colIndex read; same length, each in {@code [0, cols)}
     * @param values   read; same length, each finite
     * @throws IllegalArgumentException if the lengths differ, an index is out of range or a value is not finite
     */
    public static CsrMatrix fromTriples(int rows, int cols, int[] rowIndex, int[] colIndex, float[] values) {
        checkShape(rows, cols);
        Objects.requireNonNull(rowIndex, "rowIndex");
        Objects.requireNonNull(colIndex, "colIndex");
        Objects.requireNonNull(values, "values");
        int n = rowIndex.length;
        if (colIndex.length != n || values.length != n) {
            throw new IllegalArgumentException("rowIndex, colIndex and values must have the same length, got "
                    + n + ", " + colIndex.length + " and " + values.length);
        }
        for (int p = 0; p < n; p++) {
            int r = rowIndex[p];
            int c = colIndex[p];
            if (r < 0 || r >= rows) {
                throw new IllegalArgumentException("rowIndex[" + p + "] must be in [0, " + rows + "), got " + r);
            }
            if (c < 0 || c >= cols) {
                throw new IllegalArgumentException("colIndex[" + p + "] must be in [0, " + cols + "), got " + c);
            }
            if (!Float.isFinite(values[p])) {
                throw new IllegalArgumentException("values[" + p + "] at row " + r + ", column " + c
                        + " must be finite, got " + values[p]);
            }
        }
        CsrArrays csr = ImplConstruction.fromTriples(rows, cols, rowIndex, colIndex, values, n);
        return new CsrMatrix(rows, cols, csr.ptr(), csr.idx(), csr.val());
    }

    /**
     * {@return a matrix from CSR arrays, checked (pointers non-decreasing from 0 to nnz, column indices in range
     * and strictly increasing within each row, values finite) and copied} O(nnz).
     *
     * @param rows           number of rows, {@code >= 0}
     * @param cols           number of columns, {@code >= 0}
     * @param rowPointers    read, copied; length {@code rows + 1}
     * @param columnIndices  read, copied
     * @param values         read, copied
     * @throws IllegalArgumentException naming the first violation
     */
    public static CsrMatrix of(int rows, int cols, int[] rowPointers, int[] columnIndices, float[] values) {
        checkShape(rows, cols);
        Objects.requireNonNull(rowPointers, "rowPointers");
        Objects.requireNonNull(columnIndices, "columnIndices");
        Objects.requireNonNull(values, "values");
        if (rowPointers.length != rows + 1) {
            throw new IllegalArgumentException("rowPointers must have length rows + 1 = " + (rows + 1) + ", got "
                    + rowPointers.length);
        }
        int nnz = rowPointers[rows];
        if (rowPointers[0] != 0 || nnz != columnIndices.length || nnz != values.length) {
            throw new IllegalArgumentException("rowPointers must run from 0 to nnz = columnIndices.length = "
                    + columnIndices.length + " (values.length = " + values.length + "), got " + rowPointers[0]
                    + " to " + nnz);
        }
        for (int i = 0; i < rows; i++) {
            if (rowPointers[i + 1] < rowPointers[i]) {
                throw new IllegalArgumentException("rowPointers must be non-decreasing, got " + rowPointers[i]
                        + " then " + rowPointers[i + 1] + " at row " + i);
            }
            for (int p = rowPointers[i]; p < rowPointers[i + 1]; p++) {
                int c = columnIndices[p];
                if (c < 0 || c >= cols) {
                    throw new IllegalArgumentException("column index at row " + i + " must be in [0, " + cols
                            + "), got " + c);
                }
                if (p > rowPointers[i] && c <= columnIndices[p - 1]) {
                    throw new IllegalArgumentException("column indices of row " + i
                            + " must be strictly increasing, got " + columnIndices[p - 1] + " then " + c);
                }
                if (!Float.isFinite(values[p])) {
                    throw new IllegalArgumentException("value at row " + i + ", column " + c
                            + " must be finite, got " + values[p]);
                }
            }
        }
        return new CsrMatrix(rows, cols, rowPointers.clone(), columnIndices.clone(), values.clone());
    }

    /**
     * Adds the matrix to a model file as four sections named {@code prefix + "_shape"} (rows, columns),
     * {@code "_pointers"}, {@code "_indices"} and {@code "_values"}. O(nnz).
     *
     * @param file   written
     * @param prefix section name prefix, such as {@code "ratings"}
     */
    public void writeTo(ModelFile.Writer file, String prefix) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(prefix, "prefix");
        file.putInts(prefix + "_shape", new int[] {rows, cols})
                .putInts(prefix + "_pointers", ptr)
                .putInts(prefix + "_indices", idx)
                .putFloats(prefix + "_values", val);
    }

    /**
     * Reads a matrix written by {@link #writeTo}, checking its structure as {@link #of} does. O(nnz).
     *
     * @param file   read
     * @param prefix the prefix it was written with
     * @return the matrix read
     * @throws ModelFormatException if a section is missing or the arrays do not form a valid matrix
     */
    public static CsrMatrix readFrom(ModelFile file, String prefix) throws ModelFormatException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(prefix, "prefix");
        int[] shape = file.ints(prefix + "_shape");
        if (shape.length != 2) {
            throw new ModelFormatException(file.source() + ": section '" + prefix + "_shape' holds " + shape.length
                    + " values, expected 2 (rows, columns)");
        }
        try {
            return of(shape[0], shape[1], file.ints(prefix + "_pointers"), file.ints(prefix + "_indices"),
                    file.floats(prefix + "_values"));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ModelFormatException(file.source() + ": the '" + prefix + "' matrix is invalid: "
                    + e.getMessage());
        }
    }

    static void checkShape(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("shape must be non-negative, got " + rows + " x " + cols);
        }
        if (rows > Limits.MAX_ID_SPACE) {
            throw new IllegalArgumentException("rows must be at most " + Limits.MAX_ID_SPACE
                    + " (the row pointers hold one more entry), got " + rows + " x " + cols);
        }
    }

    /** {@return the number of rows} */
    public int rows() {
        return rows;
    }

    /** {@return the number of columns} */
    public int cols() {
        return cols;
    }

    /** {@return the number of stored entries} */
    public int nnz() {
        return ptr[rows];
    }

    /**
     * {@return the first position of row {@code i}}
     *
     * @param i row, in [0, rows())
     */
    public int rowStart(int i) {
        return ptr[i];
    }

    /**
     * {@return one past the last position of row {@code i}}
     *
     * @param i row, in [0, rows())
     */
    public int rowEnd(int i) {
        return ptr[i + 1];
    }

    /**
     * {@return the number of entries of row {@code i}}
     *
     * @param i row, in [0, rows())
     */
    public int rowLength(int i) {
        return ptr[i + 1] - ptr[i];
    }

    /**
     * {@return the column of the entry at position {@code p}}
     *
     * @param p position, in [0, nnz())
     */
    public int columnIndex(int p) {
        return idx[p];
    }

    /**
     * {@return the value of the entry at position {@code p}}
     *
     * @param p position, in [0, nnz())
     */
    public float value(int p) {
        return val[p];
    }

    /**
     * {@return the element at {@code (i, j)}, 0 when not stored} O(log(row length)).
     *
     * @param i row, in [0, rows())
     * @param j column, in [0, cols())
     * @throws IndexOutOfBoundsException if {@code i} or {@code j} is out of range
     */
    public float get(int i, int j) {
        Objects.checkIndex(i, rows);
        Objects.checkIndex(j, cols);
        int p = Arrays.binarySearch(idx, ptr[i], ptr[i + 1], j);
        return p >= 0 ? val[p] : 0f;
    }

    /** {@return the row pointers, copied (length {@code rows + 1})} */
    public int[] rowPointers() {
        return ptr.clone();
    }

    /** {@return the column indices of all entries, copied} */
    public int[] columnIndices() {
        return idx.clone();
    }

    /** {@return the values of all entries, copied} */
    public float[] values() {
        return val.clone();
    }

    /** {@return the transpose, in CSR form} O(nnz + cols). */
    public CsrMatrix transpose() {
        CsrArrays t = ImplConstruction.transpose(rows, cols, ptr, idx, val);
        return new CsrMatrix(cols, rows, t.ptr(), t.idx(), t.val());
    }

    /** {@return the same matrix in compressed sparse column form} O(nnz + cols). */
    public CscMatrix toCsc() {
        return new CscMatrix(transpose());
    }

    /**
     * {@return the same matrix in sliced ELLPACK form, for repeated products {@code A x} on many short rows (see
     * {@link SellMatrix})} O(nnz + rows log 512).
     *
     * @throws IllegalArgumentException if the padded form would exceed {@code Integer.MAX_VALUE} entries
     */
    public SellMatrix toSell() {
        return new SellMatrix(this);
    }

    /**
     * {@return a copy with the same structure and other values; {@code values} read, copied, each finite}
     *
     * @param values read; same length, each finite
     */
    public CsrMatrix withValues(float[] values) {
        Objects.requireNonNull(values, "values");
        if (values.length != val.length) {
            throw new IllegalArgumentException("values must have length nnz = " + val.length + ", got "
                    + values.length);
        }
        for (int i = 0; i < rows; i++) {
            for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                if (!Float.isFinite(values[p])) {
                    throw new IllegalArgumentException("value at row " + i + ", column " + idx[p]
                            + " must be finite, got " + values[p]);
                }
            }
        }
        return new CsrMatrix(rows, cols, ptr, idx, values.clone());
    }

    /** {@return the matrix as a dense row-major {@code rows x cols} array; for tests and small matrices} */
    public double[] toDense() {
        double[] d = new double[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < rows; i++) {
            for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                d[i * cols + idx[p]] = val[p];
            }
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CsrMatrix m && rows == m.rows && cols == m.cols && Arrays.equals(ptr, m.ptr)
                && Arrays.equals(idx, m.idx) && Arrays.equals(val, m.val);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(ptr) + Arrays.hashCode(idx)) + Arrays.hashCode(val);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "CsrMatrix %,d x %,d, %,d non-zeros", rows, cols, nnz()));
        int shown = 0;
        for (int i = 0; i < rows && shown < 8; i++) {
            for (int p = ptr[i]; p < ptr[i + 1] && shown < 8; p++, shown++) {
                sb.append(String.format(Locale.ROOT, "%n  (%d, %d) %s", i, idx[p], val[p]));
            }
        }
        if (shown < nnz()) {
            sb.append(String.format(Locale.ROOT, "%n  ..."));
        }
        return sb.toString();
    }
}
