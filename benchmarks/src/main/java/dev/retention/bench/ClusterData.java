package dev.retention.bench;

import java.util.SplittableRandom;

/**
 * Seeded data sets for the clustering benchmarks.
 *
 * <p>{@link #blobs} is the equivalent of scikit-learn's {@code make_blobs(n_samples, n_features, centers,
 * random_state)}: centres uniform in [-10, 10]^d, unit standard deviation, {@code n / centres} points per
 * centre (the first {@code n % centres} centres get one more), rows shuffled. The numbers differ from
 * NumPy's (another generator), the distribution does not. {@link #rfmLike} imitates log1p-standardised RFM
 * features: three dense groups of different spread in 3-D plus a sparse background. Double precision; used by the
 * clustering benchmarks and by {@code dev.retention.bench.study.KMeansBlobsTiming}.
 */
public final class ClusterData {

    private ClusterData() {
    }

    /** Gaussian blobs as one row-major array of {@code n * d} values. */
    public static double[] blobs(int n, int d, int centres, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] c = new double[centres * d];
        for (int i = 0; i < c.length; i++) {
            c[i] = rnd.nextDouble(-10, 10);
        }
        int[] order = permutation(n, rnd);
        double[] x = new double[n * d];
        int row = 0;
        for (int b = 0; b < centres; b++) {
            int count = n / centres + (b < n % centres ? 1 : 0);
            for (int i = 0; i < count; i++) {
                int r = order[row++];
                for (int j = 0; j < d; j++) {
                    x[r * d + j] = c[b * d + j] + rnd.nextGaussian();
                }
            }
        }
        return x;
    }

    /** RFM-like 3-D points: 85% in three Gaussian groups, 15% uniform background in [-3, 3]^3. */
    public static double[] rfmLike(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] centres = {{0.9, -0.8, -0.8}, {-0.8, -0.4, -0.4}, {-1.2, 1.6, 1.4}};
        double[] spread = {0.45, 0.35, 0.6};
        double[] x = new double[n * 3];
        for (int i = 0; i < n; i++) {
            if (rnd.nextDouble() < 0.15) {
                for (int j = 0; j < 3; j++) {
                    x[i * 3 + j] = rnd.nextDouble(-3, 3);
                }
            } else {
                int g = rnd.nextInt(3);
                for (int j = 0; j < 3; j++) {
                    x[i * 3 + j] = centres[g][j] + spread[g] * rnd.nextGaussian();
                }
            }
        }
        return x;
    }

    /** The rows of a row-major array as {@code double[n][d]}. */
    public static double[][] rows(double[] x, int d) {
        double[][] out = new double[x.length / d][];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(x, i * d, i * d + d);
        }
        return out;
    }

    private static int[] permutation(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
