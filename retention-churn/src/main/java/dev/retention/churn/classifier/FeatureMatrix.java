package dev.retention.churn.classifier;

import dev.retention.churn.internal.MatrixAccess;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A dense matrix of finite feature values, one row per customer, stored row-major in one
 * {@code double[]}, with a name per column. Immutable and thread-safe: factories copy their input, the
 * {@link Builder} hands its array over without a copy, and accessors copy on the way out.
 *
 * <p>Every value is finite; a factory or {@link Builder#build()} given a NaN or an infinity throws an
 * {@link IllegalArgumentException} naming its row and column. Missing values are dealt with before,
 * by the preprocessing model ({@code dev.retention.churn.preprocess}). Memory: 8 bytes per cell.
 */
public final class FeatureMatrix {

    static {
        MatrixAccess.register(m -> m.data);
    }

    private final int rows;
    private final int cols;
    private final double[] data;
    private final String[] names;

    private FeatureMatrix(int rows, int cols, double[] data, String[] names) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        this.names = names;
    }

    /**
     * A matrix from row arrays.
     *
     * @param rows  read, copied: {@code rows[i][j]} is feature {@code j} of row {@code i}; all of one length,
     *              at least one row and one column
     * @param names read, copied: one name per column, or {@code null} for {@code x0, x1, ...}
     * @throws IllegalArgumentException on ragged rows, a wrong number of names, or a non-finite value
     */
    public static FeatureMatrix of(double[][] rows, String... names) {
        Objects.requireNonNull(rows, "rows");
        if (rows.length == 0) {
            throw new IllegalArgumentException("a feature matrix needs at least one row, got 0");
        }
        int cols = rows[0].length;
        Builder b = builder(rows.length, cols, names);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, row 0 has " + cols);
            }
            b.setRow(i, rows[i]);
        }
        return b.build();
    }

    /**
     * A matrix from a row-major array.
     *
     * @param rows  number of rows, &gt;= 1
     * @param cols  number of columns, &gt;= 1
     * @param data  read, copied: {@code rows * cols} values, row-major
     * @param names read, copied: one name per column, or {@code null}
     */
    public static FeatureMatrix ofRowMajor(int rows, int cols, double[] data, String... names) {
        Objects.requireNonNull(data, "data");
        Builder b = builder(rows, cols, names);
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException("data has " + data.length + " values, expected rows*cols = "
                    + rows + "*" + cols + " = " + (long) rows * cols);
        }
        System.arraycopy(data, 0, b.data, 0, data.length);
        return b.build();
    }

    /**
     * A builder of a {@code rows x cols} matrix initialised to zeros, which hands its array to the matrix
     * without a copy (for large matrices read from files).
     *
     * @param names read, copied: one name per column, or {@code null} for {@code x0, x1, ...}
     * @throws IllegalArgumentException if a dimension is &lt; 1 or {@code rows * cols} exceeds the largest array
     */
    public static Builder builder(int rows, int cols, String... names) {
        return new Builder(rows, cols, names);
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns (features). */
    public int cols() {
        return cols;
    }

    /** The value at row {@code i}, column {@code j}. */
    public double get(int i, int j) {
        Objects.checkIndex(i, rows);
        Objects.checkIndex(j, cols);
        return data[i * cols + j];
    }

    /** Row {@code i}; a copy. */
    public double[] row(int i) {
        Objects.checkIndex(i, rows);
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    /**
     * Copies row {@code i} into {@code out} (written, length {@code cols}) and returns it: the allocation-free
     * form of {@link #row(int)}.
     */
    public double[] copyRow(int i, double[] out) {
        Objects.checkIndex(i, rows);
        if (out.length != cols) {
            throw new IllegalArgumentException("out has length " + out.length + ", expected cols = " + cols);
        }
        System.arraycopy(data, i * cols, out, 0, cols);
        return out;
    }

    /** Column {@code j}; a copy. */
    public double[] column(int j) {
        Objects.checkIndex(j, cols);
        double[] c = new double[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = data[i * cols + j];
        }
        return c;
    }

    /** The name of column {@code j}. */
    public String name(int j) {
        return names[Objects.checkIndex(j, cols)];
    }

    /** The column names; a copy. */
    public String[] names() {
        return names.clone();
    }

    /** The values, row-major; a copy. */
    public double[] toRowMajor() {
        return data.clone();
    }

    /**
     * The matrix of the given rows, in the given order (repeats allowed). O(rows.length * cols).
     *
     * @param indexes read: row indexes in [0, rows)
     */
    public FeatureMatrix selectRows(int[] indexes) {
        Objects.requireNonNull(indexes, "indexes");
        if (indexes.length == 0) {
            throw new IllegalArgumentException("selectRows needs at least one row index, got none");
        }
        double[] d = new double[indexes.length * cols];
        for (int k = 0; k < indexes.length; k++) {
            int i = indexes[k];
            if (i < 0 || i >= rows) {
                throw new IllegalArgumentException("indexes[" + k + "] must be a row in [0, " + rows + "), got " + i);
            }
            System.arraycopy(data, i * cols, d, k * cols, cols);
        }
        return new FeatureMatrix(indexes.length, cols, d, names);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "FeatureMatrix %,d x %d%n", rows, cols));
        int shownCols = Math.min(cols, 8);
        for (int j = 0; j < shownCols; j++) {
            sb.append(String.format(Locale.ROOT, "%12.12s ", names[j]));
        }
        sb.append(cols > shownCols ? "...\n" : "\n");
        for (int i = 0; i < Math.min(rows, 5); i++) {
            for (int j = 0; j < shownCols; j++) {
                sb.append(String.format(Locale.ROOT, "%12.5g ", data[i * cols + j]));
            }
            sb.append(cols > shownCols ? "...\n" : "\n");
        }
        if (rows > 5) {
            sb.append("...\n");
        }
        return sb.toString();
    }

    /** Fills a matrix row by row or cell by cell; {@link #build()} checks every value once. Not thread-safe. */
    public static final class Builder {
        private final int rows;
        private final int cols;
        private double[] data;
        private final String[] names;

        private Builder(int rows, int cols, String[] names) {
            if (rows < 1) {
                throw new IllegalArgumentException("rows must be >= 1, got " + rows);
            }
            if (cols < 1) {
                throw new IllegalArgumentException("cols must be >= 1, got " + cols);
            }
            if ((long) rows * cols > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("rows*cols = " + (long) rows * cols + " exceeds the largest array");
            }
            this.rows = rows;
            this.cols = cols;
            this.data = new double[rows * cols];
            if (names == null || names.length == 0) {
                this.names = new String[cols];
                for (int j = 0; j < cols; j++) {
                    this.names[j] = "x" + j;
                }
            } else {
                if (names.length != cols) {
                    throw new IllegalArgumentException("got " + names.length + " column names for " + cols + " columns");
                }
                this.names = names.clone();
                for (int j = 0; j < cols; j++) {
                    Objects.requireNonNull(this.names[j], "names[" + j + "]");
                }
            }
        }

        /** Sets one value. */
        public Builder set(int i, int j, double value) {
            check();
            Objects.checkIndex(i, rows);
            Objects.checkIndex(j, cols);
            data[i * cols + j] = value;
            return this;
        }

        /** Sets row {@code i} from {@code values} (read, length {@code cols}). */
        public Builder setRow(int i, double[] values) {
            check();
            Objects.checkIndex(i, rows);
            if (values.length != cols) {
                throw new IllegalArgumentException("row " + i + " has " + values.length + " values, expected " + cols);
            }
            System.arraycopy(values, 0, data, i * cols, cols);
            return this;
        }

        /**
         * Sets {@code count} consecutive values starting at row-major position {@code offset} from
         * {@code values[from ..]}, for bulk loading.
         */
        public Builder setRange(int offset, double[] values, int from, int count) {
            check();
            Objects.checkFromIndexSize(offset, count, data.length);
            Objects.checkFromIndexSize(from, count, values.length);
            System.arraycopy(values, from, data, offset, count);
            return this;
        }

        private void check() {
            if (data == null) {
                throw new IllegalStateException("this builder has already built its matrix");
            }
        }

        /**
         * The matrix; the builder cannot be used afterwards.
         *
         * @throws IllegalArgumentException naming the first non-finite value's row and column
         */
        public FeatureMatrix build() {
            check();
            double[] d = data;
            for (int k = 0; k < d.length; k++) {
                if (!Double.isFinite(d[k])) {
                    throw new IllegalArgumentException("feature value at row " + k / cols + ", column " + k % cols
                            + " ('" + names[k % cols] + "') must be finite, got " + d[k]);
                }
            }
            data = null;
            return new FeatureMatrix(rows, cols, d, names);
        }
    }
}
