package dev.retention.matrix;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A thin singular value decomposition {@code A = U diag(s) V^T} of a {@code rows x cols} matrix, with
 * {@code p = min(rows, cols)}: {@code s} non-increasing and non-negative, {@code U} row-major
 * {@code rows x p} and {@code V} row-major {@code cols x p}, both with orthonormal columns. Made by
 * {@link Decompositions#svd}; arrays are copied on the way in and out, so it is immutable.
 *
 * @param rows           rows of {@code A}, {@code >= 1}
 * @param cols           columns of {@code A}, {@code >= 1}
 * @param singularValues the {@code p} singular values
 * @param u              the left singular vectors, row-major {@code rows x p}
 * @param v              the right singular vectors, row-major {@code cols x p}
 * @param sweeps         the Jacobi sweeps the decomposition took (0 for a zero matrix)
 */
@SuppressWarnings("ArrayRecordComponent") // arrays copied in and out; equals, hashCode, toString by content
public record ThinSvd(int rows, int cols, double[] singularValues, double[] u, double[] v, int sweeps) {

    /**
     * Checks the lengths against the shape and copies the arrays.
     *
     * @param rows           rows of {@code A}, {@code >= 1}
     * @param cols           columns of {@code A}, {@code >= 1}
     * @param singularValues the {@code p} singular values
     * @param u              the left singular vectors, row-major {@code rows x p}
     * @param v              the right singular vectors, row-major {@code cols x p}
     * @param sweeps         the Jacobi sweeps the decomposition took (0 for a zero matrix)
     */
    public ThinSvd {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("rows and cols must be >= 1, got a " + rows + " x " + cols
                    + " matrix");
        }
        int p = Math.min(rows, cols);
        singularValues = copy("singularValues", singularValues, p, "p = min(rows, cols) = " + p);
        u = copy("u", u, (long) rows * p, "rows x p = " + rows + " x " + p);
        v = copy("v", v, (long) cols * p, "cols x p = " + cols + " x " + p);
        if (sweeps < 0) {
            throw new IllegalArgumentException("sweeps must be >= 0, got " + sweeps);
        }
    }

    private static double[] copy(String name, double[] array, long expected, String what) {
        Objects.requireNonNull(array, name);
        if (array.length != expected) {
            throw new IllegalArgumentException(name + " must have length " + expected + " (" + what + "), got "
                    + array.length);
        }
        return array.clone();
    }

    /** {@return {@code min(rows, cols)}: the number of singular values and of columns of {@code U} and {@code V}} */
    public int size() {
        return Math.min(rows, cols);
    }

    /** {@return the singular values, non-increasing; a copy} */
    @Override
    public double[] singularValues() {
        return singularValues.clone();
    }

    /**
     * {@return the singular value {@code t}}
     *
     * @param t index of the value, in [0, size())
     */
    public double singularValue(int t) {
        return singularValues[Objects.checkIndex(t, size())];
    }

    /** {@return the left singular vectors, row-major {@code rows x p}; a copy} */
    @Override
    public double[] u() {
        return u.clone();
    }

    /** {@return the right singular vectors, row-major {@code cols x p}; a copy} */
    @Override
    public double[] v() {
        return v.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ThinSvd other && rows == other.rows && cols == other.cols && sweeps == other.sweeps
                && Arrays.equals(singularValues, other.singularValues) && Arrays.equals(u, other.u)
                && Arrays.equals(v, other.v);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rows, cols, sweeps, Arrays.hashCode(singularValues), Arrays.hashCode(u),
                Arrays.hashCode(v));
    }

    /** The shape, the sweeps and a table of the singular values. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "ThinSvd of a %,d x %,d matrix (%d sweeps)%n%6s %22s%n",
                rows, cols, sweeps, "t", "sigma"));
        for (int t = 0; t < singularValues.length; t++) {
            sb.append(String.format(Locale.ROOT, "%6d %22.15g%n", t, singularValues[t]));
        }
        return sb.toString();
    }
}
