package dev.retention.matrix;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The algebraic invariants of {@link Decompositions} over seeded random matrices of every kind that
 * {@link RandomMatrices} makes (1 x 1, tall, square, wide, rank-deficient, zero, scales 1e+-150 and
 * 1e+-300, graded columns); each failure names its seed. Tolerances, with {@code eps = 2^-52} and
 * {@code m = max(rows, cols)} (at most 100 here): orthonormality {@code |X^T X - I| <= 4 m eps};
 * reconstruction {@code |A - Q R|} and {@code |A - U S V^T| <= 4 m eps} times the largest singular value
 * (or for QR, the largest column norm); a backward-stable decomposition meets these with a margin.
 */
class DecompositionsPropertyTest {

    private static final double EPS = 0x1p-52;

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void qrThin_orthonormalQ_upperTriangularR_reconstructs(long seed) {
        RandomMatrices.Case c = RandomMatrices.generate(seed, true);
        int m = c.rows();
        int n = c.cols();
        double[] r = new double[n * n];
        double[] q = Decompositions.qrThin(c.a(), m, n, null, r);
        double tol = 4 * m * EPS;

        assertTrue(DenseChecks.orthonormalityError(q, m, n) <= tol,
                c + ": Q^T Q = I, error " + DenseChecks.orthonormalityError(q, m, n));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(0.0, r[i * n + j], c + ": R(" + i + ", " + j + ") below the diagonal");
            }
        }
        double error = DenseChecks.reconstructionError(c.a(), m, n, q, null, DenseChecks.transpose(r, n, n), n);
        assertTrue(error <= tol * largestColumnNorm(c.a(), m, n), c + ": A = Q R, error " + error);
        // the overload without R gives the same Q
        assertArrayEquals(q, Decompositions.qrThin(c.a(), m, n, null), c.toString());
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void svd_orthonormalFactors_descendingValues_reconstructs(long seed) {
        RandomMatrices.Case c = RandomMatrices.generate(seed, false);
        int rows = c.rows();
        int cols = c.cols();
        int p = Math.min(rows, cols);
        ThinSvd svd = Decompositions.svd(c.a(), rows, cols);
        double[] s = svd.singularValues();
        double tol = 4 * Math.max(rows, cols) * EPS;

        assertEquals(p, s.length, c.toString());
        for (int t = 0; t < p; t++) {
            assertTrue(s[t] >= 0 && Double.isFinite(s[t]), c + ": sigma " + t + " = " + s[t]);
        }
        for (int t = 1; t < p; t++) {
            assertTrue(s[t] <= s[t - 1], c + ": sigma " + t + " = " + s[t] + " > " + s[t - 1]);
        }
        assertTrue(DenseChecks.orthonormalityError(svd.u(), rows, p) <= tol,
                c + ": U^T U = I, error " + DenseChecks.orthonormalityError(svd.u(), rows, p));
        assertTrue(DenseChecks.orthonormalityError(svd.v(), cols, p) <= tol,
                c + ": V^T V = I, error " + DenseChecks.orthonormalityError(svd.v(), cols, p));
        double error = DenseChecks.reconstructionError(c.a(), rows, cols, svd.u(), s, svd.v(), p);
        assertTrue(error <= tol * s[0], c + ": A = U S V^T, error " + error + ", sigma_max " + s[0]);
        if (c.kind() == RandomMatrices.Kind.ZERO) {
            assertEquals(0.0, s[0], c.toString());
        }
    }

    /** The largest Euclidean norm of a column, computed on values scaled by the largest magnitude. */
    private static double largestColumnNorm(double[] a, int rows, int cols) {
        double max = DenseChecks.maxAbs(a);
        if (max == 0) {
            return 0;
        }
        double worst = 0;
        for (int j = 0; j < cols; j++) {
            double s = 0;
            for (int i = 0; i < rows; i++) {
                double x = a[i * cols + j] / max;
                s += x * x;
            }
            worst = Math.max(worst, Math.sqrt(s));
        }
        return worst * max;
    }
}
