package dev.retention.cluster.internal;

import dev.retention.matrix.DenseMatrix;

/**
 * Ward linkage by the {@link NnChain nearest-neighbour chain} on cluster centroids instead of a distance
 * matrix: the Ward distance of clusters A and B is {@code sqrt(2 |A| |B| / (|A| + |B|)) * ||c_A - c_B||},
 * which is what the Lance-Williams update of SciPy's {@code linkage(method="ward")} computes from
 * Euclidean distances (Ward, JASA 1963; Müllner 2011). Memory O(n d) (centroids and sizes), time
 * O(n^2 d). Heights equal SciPy's up to rounding (about 1e-15 relative).
 */
public final class NnChainWard extends NnChain {

    private final double[] centroid;
    private final int d;

    private NnChainWard(DenseMatrix x) {
        super(x.rows());
        this.centroid = x.toRowMajor();
        this.d = x.columns();
    }

    /**
     * The merges (unsorted, as {@link Merges} expects before {@link Merges#toLinkage()}).
     *
     * @param x n rows of d values; read, copied (the centroids start as the points)
     */
    public static Merges merges(DenseMatrix x) {
        return new NnChainWard(x).run();
    }

    @Override
    protected double distance(int x, int y) {
        return ward(x * d, size[x], y * d, size[y]);
    }

    @Override
    protected int nearest(int x, int y, double min, double[] distanceOut) {
        int xo = x * d;
        int nx = size[x];
        for (int i = 0; i < n; i++) {
            int ni = size[i];
            if (ni == 0 || i == x) {
                continue;
            }
            double di = ward(xo, nx, i * d, ni);
            if (di < min || y < 0) {
                min = di;
                y = i;
            }
        }
        distanceOut[0] = min;
        return y;
    }

    @Override
    protected void merge(int a, int b, int na, int nb, double height) {
        int ao = a * d;
        int bo = b * d;
        double t = na + nb;
        for (int q = 0; q < d; q++) {
            centroid[bo + q] = (na * centroid[ao + q] + nb * centroid[bo + q]) / t;
        }
    }

    private double ward(int ao, int na, int bo, int nb) {
        double s = SquaredEuclidean.distance(centroid, ao, centroid, bo, d);
        return Math.sqrt(2.0 * na * nb / (na + nb) * s);
    }
}
