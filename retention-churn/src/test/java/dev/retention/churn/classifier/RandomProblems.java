package dev.retention.churn.classifier;

import dev.retention.matrix.DenseMatrix;

import java.util.SplittableRandom;

/**
 * Seeded random classification problems for property tests: Gaussian features with random scales,
 * labels from a random logistic model (so that both classes occur and the data are rarely separable),
 * optionally with duplicated values to create ties.
 */
public final class RandomProblems {

    private RandomProblems() {
    }

    /** A problem: features and labels. */
    public static final class Problem {
        private final DenseMatrix x;
        private final int[] y;
        private final long seed;

        public Problem(DenseMatrix x, int[] y, long seed) {
            this.x = x;
            this.y = y;
            this.seed = seed;
        }

        public DenseMatrix x() {
            return x;
        }

        public int[] y() {
            return y;
        }

        public long seed() {
            return seed;
        }
    }

    /** A random problem with n rows and p columns. */
    public static Problem generate(long seed, int n, int p, boolean ties) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            w[j] = rnd.nextGaussian();
        }
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            scale[j] = Math.exp(rnd.nextGaussian());
        }
        double b = rnd.nextGaussian() * 0.5;
        DenseMatrix.Builder builder = DenseMatrix.builder(n, p);
        int[] y = new int[n];
        double[] row = new double[p];
        for (int i = 0; i < n; i++) {
            double z = b;
            for (int j = 0; j < p; j++) {
                double v = rnd.nextGaussian();
                if (ties) {
                    v = Math.rint(v * 2) / 2;
                }
                row[j] = v * scale[j];
                z += v * w[j];
            }
            builder.setRow(i, row);
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        y[0] = 0;
        y[n - 1] = 1;
        return new Problem(builder.build(), y, seed);
    }

    /** A random problem of random size: 20..200 rows, 1..8 columns. */
    public static Problem generate(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 31 + 7);
        return generate(seed, 20 + rnd.nextInt(181), 1 + rnd.nextInt(8), rnd.nextBoolean());
    }
}
