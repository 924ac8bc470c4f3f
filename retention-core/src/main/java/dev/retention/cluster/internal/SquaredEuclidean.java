package dev.retention.cluster.internal;

/**
 * Squared Euclidean distance between rows of row-major arrays, summed over the columns in order
 * {@code 0 .. d-1}: the same order as SciPy's {@code pdist} and scikit-learn's KD-tree, so distances
 * compared against a radius or merged into a linkage agree with theirs bit for bit. Exact (no
 * {@code |x|^2 - 2xy + |y|^2} expansion, which cancels badly for close points). O(d).
 */
public final class SquaredEuclidean {

    private SquaredEuclidean() {
    }

    /** {@code sum_j (a[ao + j] - b[bo + j])^2}. */
    public static double distance(double[] a, int ao, double[] b, int bo, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double t = a[ao + j] - b[bo + j];
            s += t * t;
        }
        return s;
    }

    /**
     * The index of the centre nearest to point {@code x[xo .. xo+d)}, lowest index on ties.
     *
     * @param centres k rows of d values
     */
    public static int nearest(double[] x, int xo, double[] centres, int k, int d) {
        int best = 0;
        double bestD = distance(x, xo, centres, 0, d);
        for (int j = 1; j < k; j++) {
            double dj = distance(x, xo, centres, j * d, d);
            if (dj < bestD) {
                bestD = dj;
                best = j;
            }
        }
        return best;
    }
}
