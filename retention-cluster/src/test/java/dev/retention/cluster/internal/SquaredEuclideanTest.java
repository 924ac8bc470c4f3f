package dev.retention.cluster.internal;

import dev.retention.matrix.DenseMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SquaredEuclideanTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void toEachRow_equalsOneRowAtATimeBitForBit(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int k = 1 + rnd.nextInt(11);                 // 1..11: every remainder of the four-row blocks
        int d = 1 + rnd.nextInt(9);
        double[] x = new double[3 * d];
        double[] c = new double[k * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian() * 1e3;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] = rnd.nextGaussian() * 1e3;
        }
        double[] out = new double[k + 2];
        int xo = rnd.nextInt(3) * d;
        DenseMatrix m = DenseMatrix.ofRowMajor(3, d, x);
        SquaredEuclidean.toEachRow(m, xo, c, k, d, out);
        int nearest = 0;
        for (int j = 0; j < k; j++) {
            double expected = SquaredEuclidean.distance(x, xo, c, j * d, d);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(out[j]),
                    "seed=" + seed + " j=" + j);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(
                    SquaredEuclidean.distance(m, xo, c, j * d, d)), "seed=" + seed + " j=" + j);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(
                    SquaredEuclidean.distance(m, xo, DenseMatrix.ofRowMajor(k, d, c), j * d, d)), "seed=" + seed);
            if (expected < SquaredEuclidean.distance(x, xo, c, nearest * d, d)) {
                nearest = j;
            }
        }
        assertEquals(0.0, out[k], "nothing written past k");
        assertEquals(nearest, SquaredEuclidean.nearest(x, xo, c, k, d), "seed=" + seed);
        assertEquals(nearest, SquaredEuclidean.nearest(m, xo, c, k, d), "seed=" + seed);
    }
}
