package dev.retention.cluster;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PointsTest {

    private static String refused(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void of_rejectsEmptyRaggedAndNonFiniteInput() {
        assertEquals("the data must have at least one row, got 0 rows", refused(() -> Points.of(new double[0][])));
        assertEquals("the data must have at least one column, got 0 columns",
                refused(() -> Points.of(new double[][] {{}})));
        assertEquals("row 2 has 1 columns, expected 2 (the length of row 0)",
                refused(() -> Points.of(new double[][] {{1, 2}, {3, 4}, {5}})));
        assertEquals("row 1 is null", refused(() -> Points.of(new double[][] {{1}, null})));
        assertEquals("row 0, column 2 is Infinity; every value must be finite",
                refused(() -> Points.of(new double[][] {{1, 2, Double.POSITIVE_INFINITY}})));
        assertEquals("row 1, column 0 is NaN; every value must be finite",
                refused(() -> Points.of(new double[] {1, 2, Double.NaN, 4}, 2)));
        assertEquals("rowMajor has 5 values, not a multiple of columns=2",
                refused(() -> Points.of(new double[5], 2)));
        assertEquals("columns must be at least 1, got 0", refused(() -> Points.of(new double[4], 0)));
        assertEquals("the data must have at least one row, got 0 values", refused(() -> Points.of(new double[0], 3)));
    }

    @Test
    void of_copiesItsInput() {
        double[][] rows = {{1, 2}, {3, 4}};
        double[] flat = {1, 2, 3, 4};
        Points a = Points.of(rows);
        Points b = Points.of(flat, 2);
        rows[0][0] = 99;
        flat[0] = 99;
        assertEquals(1.0, a.get(0, 0));
        assertEquals(1.0, b.get(0, 0));
        assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, a.toArray());
        assertArrayEquals(new double[] {1, 2, 3, 4}, b.toRowMajor());
        assertEquals(2, a.size());
        assertEquals(2, a.dimension());
        assertArrayEquals(new double[] {3, 4}, a.row(1));
    }

    @Test
    void select_takesRowsInOrder() {
        Points p = Points.of(new double[][] {{1}, {2}, {3}});
        assertArrayEquals(new double[] {3, 1, 3}, p.select(new int[] {2, 0, 2}).toRowMajor());
        assertEquals("rows[1] must be in [0, 3), got 3", refused(() -> p.select(new int[] {0, 3})));
        assertTrue(p.toString().startsWith("Points 3 x 1"), p.toString());
    }
}
