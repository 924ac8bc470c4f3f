package dev.retention.matrix;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Edge cases and bad input of {@link Decompositions}; tolerances as in {@link DecompositionsPropertyTest}. */
class DecompositionsTest {

    private static final double TOL = 1e-13;

    @Test
    void qrThin_rankDeficient_keepsOrthonormalColumns() {
        // column 0 is zero, column 2 repeats column 1, column 3 is their sum
        double[] a = {
                0, 1, 1, 2,
                0, 2, 2, 4,
                0, -1, -1, -2,
                0, 3, 3, 6,
                0, 0.5, 0.5, 1};
        double[] r = new double[16];
        double[] q = Decompositions.qrThin(a, 5, 4, null, r);
        assertTrue(DenseChecks.orthonormalityError(q, 5, 4) < TOL);
        assertTrue(DenseChecks.reconstructionError(a, 5, 4, q, null, DenseChecks.transpose(r, 4, 4), 4) < TOL * 10);
        assertEquals(0.0, r[0], "R(0, 0) of a zero column");
    }

    @Test
    void qrThin_zeroMatrix_givesOrthonormalQAndZeroR() {
        double[] r = new double[9];
        double[] q = Decompositions.qrThin(new double[12], 4, 3, null, r);
        assertTrue(DenseChecks.orthonormalityError(q, 4, 3) == 0);
        assertArrayEquals(new double[9], r);
    }

    @Test
    void qrThin_oneByOne() {
        double[] r = new double[1];
        double[] q = Decompositions.qrThin(new double[] {-3}, 1, 1, null, r);
        assertEquals(1.0, Math.abs(q[0]));
        assertEquals(-3.0, q[0] * r[0]);
    }

    @Test
    void qrThin_writesIntoGivenOutput() {
        double[] a = RandomMatrices.gaussian(new SplittableRandom(1), 12);
        double[] q = new double[12];
        assertSame(q, Decompositions.qrThin(a, 4, 3, q));
        assertArrayEquals(Decompositions.qrThin(a, 4, 3, null), q);
    }

    @Test
    void qrThin_leavesInputUnchanged() {
        double[] a = RandomMatrices.gaussian(new SplittableRandom(2), 20);
        double[] copy = a.clone();
        Decompositions.qrThin(a, 5, 4, null, new double[16]);
        Decompositions.svd(a, 5, 4);
        assertArrayEquals(copy, a);
    }

    @Test
    void qrThin_rejectsWideMatrix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Decompositions.qrThin(new double[12], 3, 4, null));
        assertTrue(e.getMessage().contains("rows >= cols") && e.getMessage().contains("3 x 4"), e.getMessage());
    }

    @Test
    void qrThin_rejectsWrongLengths_printingBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Decompositions.qrThin(new double[11], 4, 3, null));
        assertTrue(e.getMessage().contains("4 x 3") && e.getMessage().contains("got 11"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Decompositions.qrThin(new double[12], 4, 3, new double[9]));
        assertTrue(e.getMessage().startsWith("q must hold a 4 x 3 matrix") && e.getMessage().contains("4 x 3 input")
                && e.getMessage().contains("got length 9"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Decompositions.qrThin(new double[12], 4, 3, null, new double[12]));
        assertTrue(e.getMessage().startsWith("r must hold a 3 x 3 matrix") && e.getMessage().contains("4 x 3 input")
                && e.getMessage().contains("got length 12"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Decompositions.qrThin(new double[12], 4, 3, null, null));
        e = assertThrows(IllegalArgumentException.class, () -> Decompositions.qrThin(new double[0], 0, 0, null));
        assertTrue(e.getMessage().contains("0 x 0"), e.getMessage());
    }

    @Test
    void rejectsNonFiniteElements_namingRowAndColumn() {
        double[] a = new double[12];
        a[1 * 3 + 2] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Decompositions.qrThin(a, 4, 3, null));
        assertTrue(e.getMessage().contains("NaN at row 1, column 2"), e.getMessage());
        a[1 * 3 + 2] = 0;
        a[3 * 3] = Double.NEGATIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> Decompositions.svd(a, 4, 3));
        assertTrue(e.getMessage().contains("-Infinity at row 3, column 0"), e.getMessage());
    }

    @Test
    void svd_rejectsWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Decompositions.svd(new double[5], 2, 3));
        assertTrue(e.getMessage().contains("2 x 3") && e.getMessage().contains("got 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Decompositions.svd(new double[0], 0, 3));
        assertTrue(e.getMessage().contains("0 x 3"), e.getMessage());
    }

    @Test
    void svd_zeroMatrix_givesZeroValuesAndOrthonormalFactors() {
        ThinSvd svd = Decompositions.svd(new double[15], 3, 5);
        assertArrayEquals(new double[3], svd.singularValues());
        assertEquals(0.0, DenseChecks.orthonormalityError(svd.u(), 3, 3));
        assertEquals(0.0, DenseChecks.orthonormalityError(svd.v(), 5, 3));
        assertEquals(0, svd.sweeps());
    }

    @Test
    void svd_oneByOne() {
        ThinSvd svd = Decompositions.svd(new double[] {-3}, 1, 1);
        assertEquals(3.0, svd.singularValue(0));
        assertEquals(-1.0, svd.u()[0] * svd.v()[0]);
    }

    @Test
    void svd_rowAndColumnVectors() {
        double[] x = {3, 0, -4};
        ThinSvd row = Decompositions.svd(x, 1, 3);
        ThinSvd col = Decompositions.svd(x, 3, 1);
        assertEquals(5.0, row.singularValue(0), 5 * TOL);
        assertEquals(5.0, col.singularValue(0), 5 * TOL);
        assertTrue(DenseChecks.reconstructionError(x, 1, 3, row.u(), row.singularValues(), row.v(), 1) < 5 * TOL);
        assertTrue(DenseChecks.reconstructionError(x, 3, 1, col.u(), col.singularValues(), col.v(), 1) < 5 * TOL);
    }

    /** Scaling A scales the singular values and leaves the vectors: the power-of-two scaling is exact. */
    @Test
    void svd_hugeAndTinyScales_matchUnscaled() {
        double[] a = RandomMatrices.gaussian(new SplittableRandom(3), 30 * 12);
        ThinSvd base = Decompositions.svd(a, 30, 12);
        for (double f : new double[] {1e150, 1e-150, 1e300 / 64, 1e-300, 0x1p-1060}) {
            double[] scaled = a.clone();
            for (int e = 0; e < scaled.length; e++) {
                scaled[e] *= f;
            }
            ThinSvd svd = Decompositions.svd(scaled, 30, 12);
            for (int t = 0; t < 12; t++) {
                // subnormal elements (f = 2^-1060) carry only a few bits: compare loosely there
                double tol = f < Double.MIN_NORMAL ? 1e-2 : TOL;
                assertEquals(base.singularValue(t) * f, svd.singularValue(t), tol * base.singularValue(0) * f,
                        "sigma " + t + " at scale " + f);
            }
            assertTrue(DenseChecks.orthonormalityError(svd.u(), 30, 12) < TOL, "U at scale " + f);
            assertTrue(DenseChecks.orthonormalityError(svd.v(), 12, 12) < TOL, "V at scale " + f);
        }
    }

    @Test
    void svd_gradedDiagonal_smallValuesRelativelyAccurate_negligibleOnesZero() {
        // 1e-20 is computed to full relative accuracy; 1e-200 is below 2^-450 of the largest and becomes 0
        double[] a = {1, 0, 0, 0, 1e-20, 0, 0, 0, 1e-200};
        ThinSvd svd = Decompositions.svd(a, 3, 3);
        assertEquals(1.0, svd.singularValue(0));
        assertEquals(1e-20, svd.singularValue(1), 1e-20 * TOL);
        assertEquals(0.0, svd.singularValue(2));
        assertTrue(DenseChecks.orthonormalityError(svd.u(), 3, 3) < TOL);
        assertTrue(DenseChecks.orthonormalityError(svd.v(), 3, 3) < TOL);
    }

    @Test
    void svd_notConverging_throwsNamingSweepsAndResidual() {
        double[] a = RandomMatrices.gaussian(new SplittableRandom(4), 40 * 40);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Decompositions.svd(a, 40, 40, 1));
        assertTrue(e.getMessage().contains("did not converge in 1 sweeps")
                && e.getMessage().contains("largest relative inner product of two columns"), e.getMessage());
        assertTrue(Decompositions.svd(a, 40, 40).sweeps() > 1);
    }

    @Test
    void thinSvd_copiesArraysInAndOut() {
        double[] s = {2, 1};
        double[] u = {1, 0, 0, 1};
        double[] v = {0, 1, 1, 0, 0, 0};
        ThinSvd svd = new ThinSvd(2, 3, s, u, v, 3);
        s[0] = 7;
        svd.u()[0] = 7;
        assertEquals(2.0, svd.singularValue(0));
        assertEquals(1.0, svd.u()[0]);
        assertNotSame(svd.v(), svd.v());
        assertEquals(svd, new ThinSvd(2, 3, new double[] {2, 1}, u.clone(), v.clone(), 3));
        assertEquals(svd.hashCode(), new ThinSvd(2, 3, new double[] {2, 1}, u.clone(), v.clone(), 3).hashCode());
        assertTrue(svd.toString().contains("sigma") && svd.toString().contains("2 x 3"), svd.toString());
    }

    @Test
    void thinSvd_rejectsWrongLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ThinSvd(2, 3, new double[2], new double[4], new double[5], 1));
        assertTrue(e.getMessage().contains("v must have length 6") && e.getMessage().contains("got 5"), e.getMessage());
    }
}
