package dev.retention.matrix;

import dev.retention.model.DataFingerprint;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An immutable dense matrix of finite doubles, stored row-major in one array, with a name per column: the
 * one dense matrix type of the library, the input of clustering (points) and of the churn classifiers
 * (features). Validated once when built, so the same matrix can be fitted many times without being checked
 * or copied again. Thread-safe.
 *
 * <p>Every value is finite: a factory or {@link Builder#build()} given a NaN or an infinity throws an
 * {@link IllegalArgumentException} naming its row and column. Missing values are dealt with before (the churn
 * preprocessing imputes them). Factories copy their input; the {@link Builder} hands its own array to the
 * matrix without a copy; accessors that return arrays return copies. Memory: 8 bytes per value.
 *
 * <p>Kernels read values with {@link #valueAt(int)}, the value at a row-major position: a final method over a
 * private array, which the JIT compiler inlines into a plain array load (measured: the same time as reading
 * the array directly, in dot products and in element-wise loops), so algorithms in other modules work on the
 * matrix without copying it and without a way to change it.
 */
public final class DenseMatrix {

    private final int rows;
    private final int columns;
    private final double[] data;
    private final String[] names;
    private volatile DataFingerprint fingerprint;

    private DenseMatrix(int rows, int columns, double[] data, String[] names) {
        this.rows = rows;
        this.columns = columns;
        this.data = data;
        this.names = names;
    }

    /**
     * {@return a matrix from row arrays, with columns named {@code x0, x1, ...} unless names are given}
     *
     * @param rows  read, copied: {@code rows[i][j]} is column {@code j} of row {@code i}; all of one length, at
     *              least one row and one column
     * @param names read, copied: one name per column, or none
     * @throws IllegalArgumentException on no rows or columns, a null or ragged row, a wrong number of names, or a
     *                                  value that is not finite (its row and column named)
     */
    public static DenseMatrix of(double[][] rows, String... names) {
        Objects.requireNonNull(rows, "rows");
        if (rows.length == 0) {
            throw new IllegalArgumentException("a matrix needs at least one row, got 0 rows");
        }
        if (rows[0] == null) {
            throw new IllegalArgumentException("row 0 is null");
        }
        Builder b = builder(rows.length, rows[0].length, names);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null) {
                throw new IllegalArgumentException("row " + i + " is null");
            }
            if (rows[i].length != b.columns) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " columns, expected "
                        + b.columns + " (the length of row 0)");
            }
            System.arraycopy(rows[i], 0, b.data, i * b.columns, b.columns);
        }
        return b.build();
    }

    /**
     * {@return a matrix from a row-major array: row {@code i}, column {@code j} is {@code values[i * columns + j]}}
     *
     * @param rows    number of rows, {@code >= 1}
     * @param columns number of columns, {@code >= 1}
     * @param values  read, copied: {@code rows * columns} values
     * @param names   read, copied: one name per column, or none
     * @throws IllegalArgumentException if the shape is empty or does not match the array, or a value is not
     *                                  finite (row and column named)
     */
    public static DenseMatrix ofRowMajor(int rows, int columns, double[] values, String... names) {
        Objects.requireNonNull(values, "values");
        Builder b = builder(rows, columns, names);
        if (values.length != (long) rows * columns) {
            throw new IllegalArgumentException("values has " + values.length + " entries, expected rows x columns = "
                    + rows + " x " + columns + " = " + (long) rows * columns);
        }
        System.arraycopy(values, 0, b.data, 0, values.length);
        return b.build();
    }

    /**
     * {@return a builder of a {@code rows x columns} matrix initialised to zeros, which hands its array to the matrix
     * without a copy}
     *
     * @param rows    {@code >= 1}
     * @param columns {@code >= 1}
     * @param names   read, copied: one name per column, or none for {@code x0, x1, ...}
     * @throws IllegalArgumentException if a dimension is below 1, the matrix would not fit one array, or the
     *                                  number of names is wrong
     */
    public static Builder builder(int rows, int columns, String... names) {
        return new Builder(rows, columns, names);
    }

    /** {@return the number of rows} */
    public int rows() {
        return rows;
    }

    /** {@return the number of columns} */
    public int columns() {
        return columns;
    }

    /**
     * {@return the value at row {@code row}, column {@code column}}
     *
     * @param row    row, in [0, rows())
     * @param column column, in [0, columns())
     * @throws IndexOutOfBoundsException if either index is out of range
     */
    public double get(int row, int column) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(column, columns);
        return data[row * columns + column];
    }

    /**
     * {@return the value at row-major position {@code index = row * columns() + column}, for kernels that walk the
     * matrix} Only the array's own bounds check applies.
     *
     * @param index row-major position, in [0, rows() * columns())
     * @throws ArrayIndexOutOfBoundsException if {@code index} is not in {@code [0, rows * columns)}
     */
    public double valueAt(int index) {
        return data[index];
    }

    /**
     * {@return the row {@code row}; a new array}
     *
     * @param row row, in [0, rows())
     */
    public double[] row(int row) {
        Objects.checkIndex(row, rows);
        return Arrays.copyOfRange(data, row * columns, row * columns + columns);
    }

    /**
     * Copies row {@code row} into {@code out} at {@code offset}.
     *
     * @param row    row, in [0, rows())
     * @param out written: {@code out[offset .. offset + columns)}
     * @param offset the first position written in {@code out}
     * @return {@code out}
     * @throws IndexOutOfBoundsException if the row or the target range is out of range
     */
    public double[] copyRow(int row, double[] out, int offset) {
        Objects.checkIndex(row, rows);
        Objects.checkFromIndexSize(offset, columns, out.length);
        System.arraycopy(data, row * columns, out, offset, columns);
        return out;
    }

    /**
     * {@return the column {@code column}; a new array}
     *
     * @param column column, in [0, columns())
     */
    public double[] column(int column) {
        Objects.checkIndex(column, columns);
        double[] c = new double[rows];
        for (int i = 0, p = column; i < rows; i++, p += columns) {
            c[i] = data[p];
        }
        return c;
    }

    /**
     * {@return the name of column {@code column}}
     *
     * @param column column, in [0, columns())
     */
    public String name(int column) {
        Objects.checkIndex(column, columns);
        return names[column];
    }

    /** {@return the column names, in order} */
    public List<String> names() {
        return List.of(names);
    }

    /** {@return all values as a new row-major array of {@code rows * columns} values} */
    public double[] toRowMajor() {
        return data.clone();
    }

    /** {@return all values as a new column-major array: column {@code j}, row {@code i} at {@code j * rows + i}} */
    public double[] toColumnMajor() {
        double[] c = new double[data.length];
        for (int i = 0; i < rows; i++) {
            int o = i * columns;
            for (int j = 0; j < columns; j++) {
                c[j * rows + i] = data[o + j];
            }
        }
        return c;
    }

    /** {@return all rows as {@code double[rows][columns]}; new arrays} */
    public double[][] toArray() {
        double[][] x = new double[rows][];
        for (int i = 0; i < rows; i++) {
            x[i] = Arrays.copyOfRange(data, i * columns, i * columns + columns);
        }
        return x;
    }

    /**
     * {@return the rows at the given indexes, in that order (rows may repeat), with the same column names} O(m
     * columns).
     *
     * @param indexes read; each in {@code [0, rows)}, at least one
     * @throws IllegalArgumentException if {@code indexes} is empty or holds an index out of range
     */
    public DenseMatrix selectRows(int[] indexes) {
        Objects.requireNonNull(indexes, "indexes");
        if (indexes.length == 0) {
            throw new IllegalArgumentException("indexes must not be empty");
        }
        double[] out = new double[Math.multiplyExact(indexes.length, columns)];
        for (int k = 0; k < indexes.length; k++) {
            int r = indexes[k];
            if (r < 0 || r >= rows) {
                throw new IllegalArgumentException("indexes[" + k + "] must be in [0, " + rows + "), got " + r);
            }
            System.arraycopy(data, r * columns, out, k * columns, columns);
        }
        return new DenseMatrix(indexes.length, columns, out, names);
    }

    /**
     * {@return the same values with other column names}
     *
     * @param names read, copied: one per column
     * @throws IllegalArgumentException if the number of names is wrong or a name is null
     */
    public DenseMatrix withNames(String... names) {
        return new DenseMatrix(rows, columns, data, checkNames(names, columns));
    }

    /**
     * {@return the shape and a checksum of the values (not the names), computed once: what a model fitted on this
     * matrix
     * records in its {@link dev.retention.model.FitSummary}} O(rows columns) the first time.
     */
    public DataFingerprint fingerprint() {
        DataFingerprint f = fingerprint;
        if (f == null) {
            f = DataFingerprint.hasher(rows, columns).add(data).finish();
            fingerprint = f;
        }
        return f;
    }

    /** Equal when the shapes, the values (bit for bit, as {@link Double#equals}) and the names are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DenseMatrix m && m.rows == rows && m.columns == columns && Arrays.equals(m.data, data)
                && Arrays.equals(m.names, names);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data) + Arrays.hashCode(names);
    }

    /** {@code "DenseMatrix 4,338 x 3"}, the column names and the first rows. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "DenseMatrix %,d x %,d%n", rows, columns));
        int shownColumns = Math.min(columns, 8);
        sb.append(String.format(Locale.ROOT, "%8s", "row"));
        for (int j = 0; j < shownColumns; j++) {
            String n = names[j];
            sb.append(String.format(Locale.ROOT, " %12s", n.length() > 12 ? n.substring(0, 11) + "~" : n));
        }
        sb.append(columns > shownColumns ? " ..." : "").append('\n');
        int shownRows = Math.min(rows, 5);
        for (int i = 0; i < shownRows; i++) {
            sb.append(String.format(Locale.ROOT, "%8d", i));
            for (int j = 0; j < shownColumns; j++) {
                sb.append(String.format(Locale.ROOT, " %12.6g", data[i * columns + j]));
            }
            sb.append('\n');
        }
        if (rows > shownRows) {
            sb.append(String.format(Locale.ROOT, "%8s%n", "..."));
        }
        return sb.toString();
    }

    private static String[] checkNames(String[] names, int columns) {
        if (names == null || names.length == 0) {
            String[] n = new String[columns];
            for (int j = 0; j < columns; j++) {
                n[j] = "x" + j;
            }
            return n;
        }
        if (names.length != columns) {
            throw new IllegalArgumentException("got " + names.length + " column names for " + columns + " columns");
        }
        for (int j = 0; j < names.length; j++) {
            if (names[j] == null) {
                throw new IllegalArgumentException("the name of column " + j + " is null");
            }
        }
        return names.clone();
    }

    /**
     * Fills a matrix row by row or value by value, then hands its array to the matrix without a copy. Not
     * thread-safe; a builder builds once.
     */
    public static final class Builder {
        private final int rows;
        private final int columns;
        private final String[] names;
        private double[] data;

        private Builder(int rows, int columns, String[] names) {
            if (rows < 1 || columns < 1) {
                throw new IllegalArgumentException("a matrix needs at least one row and one column, got " + rows
                        + " x " + columns);
            }
            if ((long) rows * columns > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a " + rows + " x " + columns + " matrix holds more values than one "
                        + "array can (" + (Integer.MAX_VALUE - 8) + ")");
            }
            this.rows = rows;
            this.columns = columns;
            this.names = checkNames(names, columns);
            this.data = new double[rows * columns];
        }

        /**
         * Sets one value.
         *
         * @param row    row, in [0, rows)
         * @param column column, in [0, columns)
         * @param value  the value, finite
         * @return this builder
         * @throws IndexOutOfBoundsException if an index is out of range
         * @throws IllegalStateException     if the matrix was already built
         */
        public Builder set(int row, int column, double value) {
            Objects.checkIndex(row, rows);
            Objects.checkIndex(column, columns);
            open()[row * columns + column] = value;
            return this;
        }

        /**
         * Sets a whole row.
         *
         * @param row    row, in [0, rows)
         * @param values read: {@code columns} values
         * @return this builder
         * @throws IllegalArgumentException if the length is wrong
         */
        public Builder setRow(int row, double[] values) {
            Objects.checkIndex(row, rows);
            if (values.length != columns) {
                throw new IllegalArgumentException("row " + row + " has " + values.length + " values, expected "
                        + columns);
            }
            System.arraycopy(values, 0, open(), row * columns, columns);
            return this;
        }

        /**
         * {@return the matrix; the builder's array becomes the matrix's and the builder cannot be used again}
         *
         * @throws IllegalArgumentException if a value is NaN or infinite (row and column named)
         * @throws IllegalStateException    if already built
         */
        public DenseMatrix build() {
            double[] d = open();
            for (int k = 0; k < d.length; k++) {
                if (!Double.isFinite(d[k])) {
                    throw new IllegalArgumentException("row " + k / columns + ", column " + k % columns + " ("
                            + names[k % columns] + ") is " + d[k] + "; every value must be finite");
                }
            }
            data = null;
            return new DenseMatrix(rows, columns, d, names);
        }

        private double[] open() {
            if (data == null) {
                throw new IllegalStateException("this builder has already built its matrix");
            }
            return data;
        }
    }
}
