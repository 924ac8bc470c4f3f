package dev.retention.cluster;

import dev.retention.cluster.internal.PointsAccess;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The input of every clustering algorithm: {@code n} points of dimension {@code d}, held as one
 * row-major array of {@code n * d} finite doubles. Validated once when built and immutable
 * afterwards, so the same points can be fitted many times (a scan over k, several linkages) without
 * being checked or copied again. Thread-safe.
 *
 * <p>Built from the usual {@code double[n][d]} ({@link #of(double[][])}, as Smile and scikit-learn
 * accept) or from a flat row-major array ({@link #of(double[], int)}, which avoids one array object per
 * row for millions of points). Both copy their argument: O(n d) time and memory.
 */
public final class Points {

    static {
        PointsAccess.install(new PointsAccess.Accessor() {
            @Override
            public double[] data(Points p) {
                return p.data;
            }

            @Override
            public Points wrap(double[] data, int rows, int columns) {
                return new Points(data, rows, columns);
            }
        });
    }

    private final double[] data;
    private final int n;
    private final int d;

    private Points(double[] data, int n, int d) {
        this.data = data;
        this.n = n;
        this.d = d;
    }

    /**
     * Copies and checks points given one array per row.
     *
     * @param rows read, not kept: {@code rows[i][j]} is coordinate {@code j} of point {@code i}
     * @throws IllegalArgumentException if there are no rows, no columns, rows of different lengths, a
     *                                  null row or a value that is NaN or infinite (the message names its
     *                                  row and column)
     */
    public static Points of(double[][] rows) {
        Objects.requireNonNull(rows, "rows");
        if (rows.length == 0) {
            throw new IllegalArgumentException("the data must have at least one row, got 0 rows");
        }
        if (rows[0] == null) {
            throw new IllegalArgumentException("row 0 is null");
        }
        int d = rows[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("the data must have at least one column, got 0 columns");
        }
        int n = rows.length;
        if ((long) n * d > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the data has " + n + " x " + d + " values, more than one array can hold ("
                    + (Integer.MAX_VALUE - 8) + ")");
        }
        double[] data = new double[n * d];
        for (int i = 0; i < n; i++) {
            double[] row = rows[i];
            if (row == null) {
                throw new IllegalArgumentException("row " + i + " is null");
            }
            if (row.length != d) {
                throw new IllegalArgumentException("row " + i + " has " + row.length + " columns, expected " + d
                        + " (the length of row 0)");
            }
            int off = i * d;
            for (int j = 0; j < d; j++) {
                double v = row[j];
                if (!Double.isFinite(v)) {
                    throw nonFinite(i, j, v);
                }
                data[off + j] = v;
            }
        }
        return new Points(data, n, d);
    }

    /**
     * Copies and checks points given as one row-major array: point {@code i}, coordinate {@code j} is
     * {@code rowMajor[i * columns + j]}.
     *
     * @param rowMajor read, not kept; its length must be a positive multiple of {@code columns}
     * @param columns  the dimension d, at least 1
     * @throws IllegalArgumentException if the array is empty, its length is not a multiple of
     *                                  {@code columns}, or a value is NaN or infinite (row and column named)
     */
    public static Points of(double[] rowMajor, int columns) {
        Objects.requireNonNull(rowMajor, "rowMajor");
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, got " + columns);
        }
        if (rowMajor.length == 0) {
            throw new IllegalArgumentException("the data must have at least one row, got 0 values");
        }
        if (rowMajor.length % columns != 0) {
            throw new IllegalArgumentException("rowMajor has " + rowMajor.length + " values, not a multiple of columns="
                    + columns);
        }
        for (int k = 0; k < rowMajor.length; k++) {
            if (!Double.isFinite(rowMajor[k])) {
                throw nonFinite(k / columns, k % columns, rowMajor[k]);
            }
        }
        return new Points(rowMajor.clone(), rowMajor.length / columns, columns);
    }

    private static IllegalArgumentException nonFinite(int row, int column, double v) {
        return new IllegalArgumentException("row " + row + ", column " + column + " is " + v
                + "; every value must be finite");
    }

    /** Number of points n. */
    public int size() {
        return n;
    }

    /** Dimension d (number of columns). */
    public int dimension() {
        return d;
    }

    /** Coordinate {@code column} of point {@code row}. */
    public double get(int row, int column) {
        Objects.checkIndex(row, n);
        Objects.checkIndex(column, d);
        return data[row * d + column];
    }

    /** Point {@code row}; a new array. */
    public double[] row(int row) {
        Objects.checkIndex(row, n);
        return Arrays.copyOfRange(data, row * d, row * d + d);
    }

    /** All points as {@code double[n][d]}; new arrays. */
    public double[][] toArray() {
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = Arrays.copyOfRange(data, i * d, i * d + d);
        }
        return x;
    }

    /** All points as a new row-major array of {@code n * d} values. */
    public double[] toRowMajor() {
        return data.clone();
    }

    /**
     * The points at the given rows, in that order (rows may repeat). O(m d).
     *
     * @param rows read; each in {@code [0, n)}
     * @throws IllegalArgumentException if {@code rows} is empty or holds an index out of range
     */
    public Points select(int[] rows) {
        Objects.requireNonNull(rows, "rows");
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows must not be empty");
        }
        double[] out = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            if (r < 0 || r >= n) {
                throw new IllegalArgumentException("rows[" + i + "] must be in [0, " + n + "), got " + r);
            }
            System.arraycopy(data, r * d, out, i * d, d);
        }
        return new Points(out, rows.length, d);
    }

    /** {@code "Points 4,338 x 3"} and the first rows. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Points %,d x %d%n", n, d));
        int shown = Math.min(n, 5);
        for (int i = 0; i < shown; i++) {
            sb.append(String.format(Locale.ROOT, "%6d ", i));
            for (int j = 0; j < d; j++) {
                sb.append(String.format(Locale.ROOT, " %11.5g", data[i * d + j]));
            }
            sb.append('\n');
        }
        if (n > shown) {
            sb.append("   ...\n");
        }
        return sb.toString();
    }
}
