package dev.retention.matrix.internal;

/**
 * The level-1 operations of the dense decompositions (dot product, sum of squares, Euclidean norm, plane
 * rotation), on contiguous segments of {@code double[]} arrays.
 *
 * <p>Layout: a vector is {@code len} consecutive elements of an array from an offset (a column of a
 * column-major matrix), or for the rotation a whole array. Complexity O(len) each. Reductions keep four
 * independent partial sums (the order of additions is fixed by the length alone, so results are
 * reproducible); the norm avoids overflow and harmful underflow by rescaling with a power of two when the
 * plain sum of squares leaves the safe range, as LAPACK's {@code dnrm2} does by other means (J. L. Blue, "A
 * portable Fortran program to find the Euclidean norm of a vector", ACM TOMS 4(1), 1978). Reference for the
 * rotation: G. H. Golub and C. F. Van Loan, <i>Matrix Computations</i>, 4th ed., 2013, section 5.1.8.
 * Arguments are trusted.
 */
public final class Blas1 {

    /** Below this sum of squares terms may have underflowed by more than rounding: recompute scaled. */
    private static final double SAFE_MIN_SQUARES = 0x1p-900;

    private Blas1() {
    }

    /** {@code sum x[xo + i] * y[yo + i]} for {@code i < len}. */
    public static double dot(double[] x, int xo, double[] y, int yo, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += x[xo + i] * y[yo + i];
            s1 += x[xo + i + 1] * y[yo + i + 1];
            s2 += x[xo + i + 2] * y[yo + i + 2];
            s3 += x[xo + i + 3] * y[yo + i + 3];
        }
        for (; i < len; i++) {
            s0 += x[xo + i] * y[yo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code sum x[xo + i]^2} for {@code i < len}, unscaled: may overflow or underflow. */
    public static double sumOfSquares(double[] x, int xo, int len) {
        return dot(x, xo, x, xo, len);
    }

    /**
     * The Euclidean norm of {@code x[xo .. xo + len)}, without overflow and with no loss to underflow beyond
     * rounding: the plain sum of squares when it lies in {@code [2^-900, +inf)}, otherwise the sum of the
     * squares scaled by a power of two that brings the largest magnitude to {@code [1, 2)}.
     */
    public static double norm2(double[] x, int xo, int len) {
        double ss = sumOfSquares(x, xo, len);
        if (ss >= SAFE_MIN_SQUARES && ss < Double.POSITIVE_INFINITY) {
            return Math.sqrt(ss);
        }
        double max = 0;
        for (int i = 0; i < len; i++) {
            max = Math.max(max, Math.abs(x[xo + i]));
        }
        if (max == 0) {
            return 0;
        }
        int e = Math.getExponent(max);
        double scaled = 0;
        for (int i = 0; i < len; i++) {
            double t = Math.scalb(x[xo + i], -e);
            scaled += t * t;
        }
        return Math.scalb(Math.sqrt(scaled), e);
    }

    /**
     * The plane rotation of two vectors of the same length, each a whole array: {@code x <- c x - s y},
     * {@code y <- s x + c y}, element by element. Whole arrays, indexed from 0, so that C2 vectorises the loop
     * (JDK 17 does not when the two vectors start at different offsets).
     */
    public static void rotate(double[] x, double[] y, double c, double s) {
        for (int i = 0; i < x.length; i++) {
            double a = x[i];
            double b = y[i];
            x[i] = c * a - s * b;
            y[i] = s * a + c * b;
        }
    }
}
