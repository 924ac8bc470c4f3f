package dev.retention.matrix;

/**
 * Plain reference arithmetic for the tests of {@link Decompositions}, written the obvious way (triple loops,
 * no scaling beyond what is said): products, and the largest errors of orthonormality and reconstruction.
 */
final class DenseChecks {

    private DenseChecks() {
    }

    /** The largest magnitude of the row-major matrix, 0 for an empty or zero one. */
    static double maxAbs(double[] a) {
        double max = 0;
        for (double x : a) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }

    /** {@code max |(X^T X - I)(i, j)|} for a row-major {@code rows x cols} matrix {@code X}. */
    static double orthonormalityError(double[] x, int rows, int cols) {
        double worst = 0;
        for (int p = 0; p < cols; p++) {
            for (int q = p; q < cols; q++) {
                double s = 0;
                for (int i = 0; i < rows; i++) {
                    s += x[i * cols + p] * x[i * cols + q];
                }
                worst = Math.max(worst, Math.abs(s - (p == q ? 1 : 0)));
            }
        }
        return worst;
    }

    /**
     * {@code max |A - X diag(d) Y^T|}, for row-major {@code X} ({@code rows x k}) and {@code Y}
     * ({@code cols x k}), with {@code d = null} for all ones. {@code A = Q R} is {@code X = Q}, {@code Y = R^T}.
     */
    static double reconstructionError(double[] a, int rows, int cols, double[] x, double[] d, double[] y, int k) {
        double worst = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double s = 0;
                for (int t = 0; t < k; t++) {
                    s += x[i * k + t] * (d == null ? 1 : d[t]) * y[j * k + t];
                }
                worst = Math.max(worst, Math.abs(a[i * cols + j] - s));
            }
        }
        return worst;
    }

    /** The transpose of a row-major {@code rows x cols} matrix. */
    static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a[i * cols + j];
            }
        }
        return t;
    }
}
