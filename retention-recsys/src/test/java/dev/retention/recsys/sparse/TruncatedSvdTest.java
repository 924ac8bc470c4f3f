package dev.retention.recsys.sparse;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The randomized SVD against EJML's full dense SVD (the reference): singular values to 1e-6 relative,
 * and the subspaces of the leading singular vectors compared by principal angles (the singular values
 * of {@code U_ref^T U} are the cosines of the angles; all must be 1 within 1e-6).
 */
class TruncatedSvdTest {

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    /** When the sketch spans the whole row space (k + p >= min(m, n)), the result is exact. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fullSketch_matchesEjmlFullSvd(long seed) {
        CsrMatrix a = RandomSparse.ratings(seed, 15 + (int) (seed % 20), 10 + (int) (seed % 13), 0.3);
        int k = Math.max(1, Math.min(a.rows(), a.cols()) / 2);
        TruncatedSvd svd = TruncatedSvd.compute(a, SvdOptions.defaults().withRank(k).withOversampling(40)
                .withPowerIterations(1).withSeed(seed));
        Reference ref = reference(a);
        checkAgainst(ref, svd, a, k, "seed " + seed);
    }

    /** A matrix with a fast-decaying spectrum: the leading triplets are found with a small sketch. */
    @Test
    void decayingSpectrum_smallSketch_matchesLeadingTriplets() {
        int m = 120;
        int n = 80;
        double[] u = RandomSparse.dense(1, m, 5);
        double[] v = RandomSparse.dense(2, n, 5);
        double[] scale = {100, 50, 20, 8, 3};
        int[] r = new int[m * n];
        int[] c = new int[m * n];
        float[] val = new float[m * n];
        int p = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double x = 0;
                for (int t = 0; t < 5; t++) {
                    x += u[i * 5 + t] * scale[t] * v[j * 5 + t];
                }
                r[p] = i;
                c[p] = j;
                val[p++] = (float) x;
            }
        }
        CsrMatrix a = CsrMatrix.fromTriples(m, n, r, c, val);
        TruncatedSvd svd = TruncatedSvd.compute(a, SvdOptions.defaults().withRank(3).withOversampling(5));
        checkAgainst(reference(a), svd, a, 3, "rank-5 matrix");
    }

    /** Rank 2 with empty rows and columns: the sketch is rank-deficient, the factors stay orthonormal. */
    @Test
    void rankDeficientMatrix_withEmptyRowsAndColumns() {
        int[] r = {0, 0, 2, 2, 5, 5, 5};
        int[] c = {0, 3, 0, 3, 1, 4, 6};
        float[] v = {1, 2, 2, 4, 3, 1, 1};
        CsrMatrix a = CsrMatrix.fromTriples(8, 7, r, c, v);
        TruncatedSvd svd = TruncatedSvd.compute(a, SvdOptions.defaults().withRank(5).withOversampling(2));
        checkAgainst(reference(a), svd, a, 5, "rank 2");
        assertEquals(0.0, svd.singularValue(2), 1e-12);
    }

    @Test
    void sameSeed_sameResult_forAnyParallelism() {
        CsrMatrix a = RandomSparse.ratings(5, 400, 300, 0.1);
        TruncatedSvd one = TruncatedSvd.compute(a, SvdOptions.defaults().withRank(8).withSeed(3));
        TruncatedSvd two = TruncatedSvd.compute(a, SvdOptions.defaults().withRank(8).withSeed(3).withThreads(2));
        assertArrayEquals(one.singularValues(), two.singularValues());
        assertArrayEquals(one.u(), two.u());
        assertArrayEquals(one.v(), two.v());
    }

    @Test
    void compute_rejectsRankAboveShape() {
        CsrMatrix a = RandomSparse.ratings(5, 4, 3, 0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TruncatedSvd.compute(a, SvdOptions.defaults().withRank(4)));
        assertTrue(e.getMessage().contains("min(rows, cols) = 3") && e.getMessage().contains("got 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SvdOptions.defaults().withRank(0));
    }

    private static final class Reference {
        private final double[] s;
        private final DMatrixRMaj u;
        private final DMatrixRMaj v;

        Reference(double[] s, DMatrixRMaj u, DMatrixRMaj v) {
            this.s = s;
            this.u = u;
            this.v = v;
        }
    }

    private static Reference reference(CsrMatrix a) {
        DMatrixRMaj d = DMatrixRMaj.wrap(a.rows(), a.cols(), a.toDense());
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(a.rows(), a.cols(), true, true, true);
        assertTrue(svd.decompose(d.copy()));
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        double[] s = new double[Math.min(a.rows(), a.cols())];
        for (int t = 0; t < s.length; t++) {
            s[t] = w.get(t, t);
        }
        return new Reference(s, u, v);
    }

    private static void checkAgainst(Reference ref, TruncatedSvd svd, CsrMatrix a, int k, String label) {
        double[] s = svd.singularValues();
        for (int t = 0; t < k; t++) {
            assertEquals(ref.s[t], s[t], 1e-6 * Math.max(ref.s[t], 1e-300) + 1e-12, label + " sigma " + t);
        }
        // compare subspaces only where the spectrum has a gap, so the leading k-space is well defined
        boolean gap = k == ref.s.length || ref.s[k - 1] - ref.s[k] > 1e-3 * ref.s[0];
        if (gap && ref.s[k - 1] > 1e-9 * ref.s[0]) {
            assertEquals(1.0, minCosine(ref.u, svd.u(), a.rows(), k), 1e-6, label + " U angles");
            assertEquals(1.0, minCosine(ref.v, svd.v(), a.cols(), k), 1e-6, label + " V angles");
        }
        // orthonormal factors
        assertOrthonormal(svd.u(), a.rows(), k, label);
        assertOrthonormal(svd.v(), a.cols(), k, label);
    }

    /** The cosine of the largest principal angle between the leading k columns of ref and x (rows x k). */
    private static double minCosine(DMatrixRMaj ref, double[] x, int rows, int k) {
        DMatrixRMaj r = CommonOps_DDRM.extract(ref, 0, rows, 0, k);
        DMatrixRMaj m = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransA(r, DMatrixRMaj.wrap(rows, k, x), m);
        double[] cos = SingularOps_DDRM.singularValues(m);
        double min = Double.MAX_VALUE;
        for (double c : cos) {
            min = Math.min(min, c);
        }
        return min;
    }

    private static void assertOrthonormal(double[] x, int rows, int k, String label) {
        DMatrixRMaj m = new DMatrixRMaj(k, k);
        DMatrixRMaj xm = DMatrixRMaj.wrap(rows, k, x);
        CommonOps_DDRM.multTransA(xm, xm, m);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                assertEquals(i == j ? 1.0 : 0.0, m.get(i, j), 1e-9, label + " orthonormality");
            }
        }
    }
}
