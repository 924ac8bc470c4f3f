package dev.retention.matrix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DenseMatrixTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    static double[][] random(SplittableRandom rnd) {
        int n = rnd.nextInt(1, 40);
        int d = rnd.nextInt(1, 9);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = rnd.nextDouble() * 200 - 100;
            }
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyViewAgreesWithTheRows(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = random(rnd);
        int n = x.length;
        int d = x[0].length;
        DenseMatrix m = DenseMatrix.of(x);
        assertEquals(n, m.rows());
        assertEquals(d, m.columns());
        double[] rowMajor = m.toRowMajor();
        double[] colMajor = m.toColumnMajor();
        for (int i = 0; i < n; i++) {
            assertArrayEquals(x[i], m.row(i), "seed " + seed);
            for (int j = 0; j < d; j++) {
                assertEquals(x[i][j], m.get(i, j));
                assertEquals(x[i][j], m.valueAt(i * d + j));
                assertEquals(x[i][j], rowMajor[i * d + j]);
                assertEquals(x[i][j], colMajor[j * n + i]);
            }
        }
        for (int j = 0; j < d; j++) {
            double[] c = m.column(j);
            for (int i = 0; i < n; i++) {
                assertEquals(x[i][j], c[i]);
            }
        }
        assertEquals(m, DenseMatrix.ofRowMajor(n, d, rowMajor));
        assertEquals(m.hashCode(), DenseMatrix.ofRowMajor(n, d, rowMajor).hashCode());
        assertEquals(m.fingerprint(), DenseMatrix.ofRowMajor(n, d, rowMajor).fingerprint());
        int[] pick = {n - 1, 0, n - 1};
        DenseMatrix s = m.selectRows(pick);
        for (int k = 0; k < pick.length; k++) {
            assertArrayEquals(x[pick[k]], s.row(k));
        }
    }

    @Test
    void factories_copyTheirInputAndAccessorsCopyTheirOutput() {
        double[][] x = {{1, 2}, {3, 4}};
        DenseMatrix m = DenseMatrix.of(x);
        x[0][0] = 99;
        m.row(0)[0] = 99;
        m.toRowMajor()[0] = 99;
        assertEquals(1, m.get(0, 0));
    }

    @Test
    void names_defaultToXjAndComeBackAsGiven() {
        assertEquals(List.of("x0", "x1"), DenseMatrix.of(new double[][] {{1, 2}}).names());
        DenseMatrix m = DenseMatrix.of(new double[][] {{1, 2}}, "recency", "frequency");
        assertEquals("frequency", m.name(1));
        assertNotEquals(m, m.withNames("a", "b"));
        assertTrue(m.toString().contains("recency"), m.toString());
    }

    @Test
    void builder_handsItsArrayOverOnce() {
        DenseMatrix.Builder b = DenseMatrix.builder(2, 2).set(0, 1, 5).setRow(1, new double[] {7, 8});
        DenseMatrix m = b.build();
        assertArrayEquals(new double[] {0, 5, 7, 8}, m.toRowMajor());
        assertEquals("this builder has already built its matrix",
                assertThrows(IllegalStateException.class, () -> b.set(0, 0, 1)).getMessage());
    }

    @Test
    void badInput_isRefusedNamingRowColumnAndValue() {
        assertEquals("row 1, column 0 (x0) is NaN; every value must be finite", assertThrows(
                IllegalArgumentException.class, () -> DenseMatrix.of(new double[][] {{1}, {Double.NaN}})).getMessage());
        assertEquals("row 1 has 1 columns, expected 2 (the length of row 0)", assertThrows(
                IllegalArgumentException.class, () -> DenseMatrix.of(new double[][] {{1, 2}, {3}})).getMessage());
        assertEquals("a matrix needs at least one row, got 0 rows",
                assertThrows(IllegalArgumentException.class, () -> DenseMatrix.of(new double[0][])).getMessage());
        assertEquals("values has 3 entries, expected rows x columns = 2 x 2 = 4", assertThrows(
                IllegalArgumentException.class, () -> DenseMatrix.ofRowMajor(2, 2, new double[3])).getMessage());
        assertEquals("got 1 column names for 2 columns", assertThrows(IllegalArgumentException.class,
                () -> DenseMatrix.of(new double[][] {{1, 2}}, "a")).getMessage());
        assertEquals("indexes[1] must be in [0, 1), got 3", assertThrows(IllegalArgumentException.class,
                () -> DenseMatrix.of(new double[][] {{1}}).selectRows(new int[] {0, 3})).getMessage());
        assertEquals("a matrix needs at least one row and one column, got 3 x 0",
                assertThrows(IllegalArgumentException.class, () -> DenseMatrix.builder(3, 0)).getMessage());
    }
}
