package dev.retention.matrix.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Blas1} against plain loops over awkward lengths and offsets, and its norm at extreme scales. */
class Blas1Test {

    @ParameterizedTest(name = "length {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 7, 8, 9, 31, 64, 101})
    void dot_andSumOfSquares_equalPlainLoopsToRounding(int len) {
        SplittableRandom rnd = new SplittableRandom(len);
        double[] x = new double[len + 3];
        double[] y = new double[len + 5];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble() - 0.5;
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = rnd.nextDouble() - 0.5;
        }
        double dot = 0;
        double squares = 0;
        double abs = 0;
        for (int i = 0; i < len; i++) {
            dot += x[3 + i] * y[5 + i];
            squares += x[3 + i] * x[3 + i];
            abs += Math.abs(x[3 + i] * y[5 + i]);
        }
        assertEquals(dot, Blas1.dot(x, 3, y, 5, len), 4 * len * Math.ulp(abs + 1e-300));
        assertEquals(squares, Blas1.sumOfSquares(x, 3, len), 4 * len * Math.ulp(squares + 1e-300));
        assertEquals(Math.sqrt(squares), Blas1.norm2(x, 3, len), 4 * len * Math.ulp(Math.sqrt(squares) + 1e-300));
    }

    @Test
    void norm2_neitherOverflowsNorUnderflows() {
        assertEquals(5e200, Blas1.norm2(new double[] {3e200, -4e200}, 0, 2), 1e186);
        assertEquals(5e-200, Blas1.norm2(new double[] {3e-200, 4e-200}, 0, 2), 1e-214);
        double tiny = Double.MIN_VALUE;   // subnormal: the plain sum of squares would be 0
        assertEquals(5 * tiny, Blas1.norm2(new double[] {3 * tiny, 4 * tiny}, 0, 2));
        assertEquals(Double.MAX_VALUE, Blas1.norm2(new double[] {0, Double.MAX_VALUE, 0}, 0, 3));
        assertEquals(0.0, Blas1.norm2(new double[3], 0, 3));
        // one large and many tiny elements: the tiny ones do not count, and nothing underflows the large one
        double[] mixed = new double[50];
        mixed[7] = 1e-160;
        Arrays.fill(mixed, 10, 50, 1e-170);
        assertEquals(1e-160, Blas1.norm2(mixed, 0, 50), 1e-174);
    }

    @Test
    void rotate_isThePlaneRotation() {
        double[] x = {1, 2};
        double[] y = {3, 4};
        double c = 0.6;
        double s = 0.8;
        Blas1.rotate(x, y, c, s);
        assertEquals(0.6 * 1 - 0.8 * 3, x[0], 1e-15);
        assertEquals(0.6 * 2 - 0.8 * 4, x[1], 1e-15);
        assertEquals(0.8 * 1 + 0.6 * 3, y[0], 1e-15);
        assertEquals(0.8 * 2 + 0.6 * 4, y[1], 1e-15);
    }
}
