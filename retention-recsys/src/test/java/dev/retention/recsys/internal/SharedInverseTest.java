package dev.retention.recsys.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class SharedInverseTest {

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    /** {@code Y^T Y} of n random rows of f factors, as {@link ImplAls#gram} lays it out. */
    private static double[] gram(SplittableRandom rnd, int n, int f) {
        double[] g = new double[f * f];
        for (int i = 0; i < n; i++) {
            double[] y = new double[f];
            for (int k = 0; k < f; k++) {
                y[k] = rnd.nextDouble(-1, 1);
            }
            for (int a = 0; a < f; a++) {
                for (int c = 0; c < f; c++) {
                    g[a * f + c] += y[a] * y[c];
                }
            }
        }
        return g;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void inverse_solvesTheSharedSystem_likeCholesky(long seed) {
        // Property: S b equals the double Cholesky solution of (Y^T Y + lambda I) x = b, also when Y has fewer rows
        // than factors (Y^T Y singular, lambda alone keeps the matrix definite). S is rounded to float, so relative
        // to the size of the terms summed: |S b - x| <= 1e-5 * (|S| |b|) per entry.
        SplittableRandom rnd = new SplittableRandom(seed);
        int f = 1 + rnd.nextInt(40);
        int n = rnd.nextInt(2 * f + 1);
        double lambda = rnd.nextBoolean() ? 0.01 : 1.0;
        double[] yty = gram(rnd, n, f);
        float[][] s = ImplAls.sharedInverse(yty, lambda, f);
        assertNotNull(s);
        double[] b = new double[f];
        for (int k = 0; k < f; k++) {
            b[k] = rnd.nextDouble(-1, 1);
        }
        double[] a = yty.clone();
        for (int k = 0; k < f; k++) {
            a[k * f + k] += lambda;
        }
        double[] x = b.clone();
        ImplFactorization.solvePositiveDefinite(a, x, f);
        for (int r = 0; r < f; r++) {
            double sum = 0;
            double scale = 0;
            for (int c = 0; c < f; c++) {
                assertEquals(s[r][c], s[c][r], "symmetric, seed " + seed);
                sum += s[r][c] * b[c];
                scale += Math.abs(s[r][c] * b[c]);
            }
            assertEquals(x[r], sum, 1e-5 * scale + 1e-12, "seed " + seed + ", f " + f + ", n " + n + ", row " + r);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void notPositiveDefinite_givesNull(long seed) {
        // Y^T Y = 0 and lambda 0 (the options refuse lambda <= 0; a safeguard): no inverse, the rows keep their solver
        SplittableRandom rnd = new SplittableRandom(seed);
        int f = 2 + rnd.nextInt(20);
        assertNull(ImplAls.sharedInverse(new double[f * f], 0, f));
    }
}
