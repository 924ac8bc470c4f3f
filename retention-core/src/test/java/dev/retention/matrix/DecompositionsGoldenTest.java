package dev.retention.matrix;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Decompositions} against EJML 0.46.1's dense decompositions, the reference
 * ({@code DecompositionFactory_DDRM.qr}: Householder by columns; {@code DecompositionFactory_DDRM.svd}:
 * bidiagonalisation and implicit QR), on Gaussian matrices of the shapes the truncated SVD uses and
 * others. Tolerances: the QR factors, made unique by a non-negative diagonal of {@code R}, agree to 1e-12
 * relative to the largest element of each factor (the matrices are well conditioned, so the factors are
 * well determined); singular values to 1e-13 relative to the largest; singular vectors, compared up to sign
 * on matrices with singular values 1 apart (so each vector is well determined), to 1e-12.
 */
class DecompositionsGoldenTest {

    @ParameterizedTest(name = "{0} x {1}, seed {2}")
    @CsvSource({"1, 1, 1", "7, 3, 2", "40, 40, 3", "200, 60, 4", "3706, 60, 5", "60, 1, 6", "110, 110, 7"})
    void qrThin_matchesEjmlHouseholderQr(int rows, int cols, long seed) {
        double[] a = RandomMatrices.gaussian(new SplittableRandom(seed), rows * cols);
        double[] r = new double[cols * cols];
        double[] q = Decompositions.qrThin(a, rows, cols, null, r);

        QRDecomposition<DMatrixRMaj> ejml = DecompositionFactory_DDRM.qr(rows, cols);
        assertTrue(ejml.decompose(DMatrixRMaj.wrap(rows, cols, a.clone())));
        double[] qRef = ejml.getQ(null, true).data;
        double[] rRef = ejml.getR(null, true).data;

        positiveDiagonal(q, r, rows, cols);
        positiveDiagonal(qRef, rRef, rows, cols);
        assertClose(qRef, q, 1e-12 * DenseChecks.maxAbs(qRef), "Q");
        assertClose(rRef, r, 1e-12 * DenseChecks.maxAbs(rRef), "R");
    }

    @ParameterizedTest(name = "{0} x {1}, seed {2}")
    @CsvSource({"1, 1, 11", "5, 5, 12", "60, 60, 13", "3706, 60, 14", "60, 3706, 15", "23, 9, 16", "9, 23, 17",
            "110, 110, 18"})
    void svd_singularValuesMatchEjml(int rows, int cols, long seed) {
        double[] a = RandomMatrices.gaussian(new SplittableRandom(seed), rows * cols);
        ThinSvd svd = Decompositions.svd(a, rows, cols);
        Reference ref = reference(a, rows, cols);
        double[] s = svd.singularValues();
        for (int t = 0; t < s.length; t++) {
            assertEquals(ref.s[t], s[t], 1e-13 * ref.s[0], "sigma " + t);
        }
    }

    /** {@code A = U0 diag(p, p-1, ..., 1) V0^T} with random orthonormal {@code U0} and {@code V0}. */
    @ParameterizedTest(name = "{0} x {1}, seed {2}")
    @CsvSource({"1, 1, 21", "6, 6, 22", "60, 60, 23", "300, 60, 24", "60, 300, 25", "31, 12, 26", "12, 31, 27"})
    void svd_separatedSpectrum_vectorsMatchEjml(int rows, int cols, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int p = Math.min(rows, cols);
        double[] u0 = Decompositions.qrThin(RandomMatrices.gaussian(rnd, rows * p), rows, p, null);
        double[] v0 = Decompositions.qrThin(RandomMatrices.gaussian(rnd, cols * p), cols, p, null);
        double[] a = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double x = 0;
                for (int t = 0; t < p; t++) {
                    x += u0[i * p + t] * (p - t) * v0[j * p + t];
                }
                a[i * cols + j] = x;
            }
        }
        ThinSvd svd = Decompositions.svd(a, rows, cols);
        Reference ref = reference(a, rows, cols);
        for (int t = 0; t < p; t++) {
            assertEquals(ref.s[t], svd.singularValue(t), 1e-13 * ref.s[0], "sigma " + t);
            assertEquals(p - t, svd.singularValue(t), 1e-12 * p, "sigma " + t + " as constructed");
        }
        assertColumnsMatchUpToSign(ref.u, svd.u(), rows, p, "U");
        assertColumnsMatchUpToSign(ref.v, svd.v(), cols, p, "V");
    }

    private static final class Reference {
        private final double[] s;
        private final double[] u;
        private final double[] v;

        Reference(double[] s, double[] u, double[] v) {
            this.s = s;
            this.u = u;
            this.v = v;
        }
    }

    /** EJML's compact SVD, sorted descending with its vectors. */
    private static Reference reference(double[] a, int rows, int cols) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, true, true, true);
        assertTrue(svd.decompose(DMatrixRMaj.wrap(rows, cols, a.clone())));
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        double[] s = new double[Math.min(rows, cols)];
        for (int t = 0; t < s.length; t++) {
            s[t] = w.get(t, t);
        }
        return new Reference(s, u.data, v.data);
    }

    /** Flips column j of Q and row j of R where R(j, j) < 0: the QR factors with a non-negative diagonal. */
    private static void positiveDiagonal(double[] q, double[] r, int rows, int cols) {
        for (int j = 0; j < cols; j++) {
            if (r[j * cols + j] < 0) {
                for (int i = 0; i < rows; i++) {
                    q[i * cols + j] = -q[i * cols + j];
                }
                for (int k = 0; k < cols; k++) {
                    r[j * cols + k] = -r[j * cols + k];
                }
            }
        }
    }

    private static void assertColumnsMatchUpToSign(double[] ref, double[] x, int rows, int cols, String what) {
        for (int t = 0; t < cols; t++) {
            double dot = 0;
            for (int i = 0; i < rows; i++) {
                dot += ref[i * cols + t] * x[i * cols + t];
            }
            double sign = Math.signum(dot);
            for (int i = 0; i < rows; i++) {
                assertEquals(ref[i * cols + t], sign * x[i * cols + t], 1e-12, what + "(" + i + ", " + t + ")");
            }
        }
    }

    private static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int e = 0; e < expected.length; e++) {
            assertEquals(expected[e], actual[e], tol, what + " element " + e);
        }
    }
}
