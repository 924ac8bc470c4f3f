package dev.retention.cluster.internal;

/**
 * Ward linkage by the nearest-neighbour chain (Murtagh, "A survey of recent advances in hierarchical
 * clustering algorithms", The Computer Journal 1983; Müllner, "Modern hierarchical, agglomerative
 * clustering algorithms", arXiv:1109.2378, 2011) on cluster centroids instead of a distance matrix:
 * the Ward distance of clusters A and B is {@code sqrt(2 |A| |B| / (|A| + |B|)) * ||c_A - c_B||}, which
 * is what the Lance-Williams update of SciPy's {@code linkage(method="ward")} computes from Euclidean
 * distances. Memory O(n d) (centroids and sizes), time O(n^2 d).
 *
 * <p>The chain follows SciPy's {@code nn_chain} step for step: it starts at the lowest live slot,
 * prefers the previous chain element on ties, merges x and y (x &lt; y) into slot y. Heights equal
 * SciPy's up to rounding (about 1e-15 relative).
 */
public final class NnChainWard {

    private NnChainWard() {
    }

    /**
     * The merges (unsorted, as {@link Merges} expects before {@link Merges#toLinkage()}).
     *
     * @param x n rows of d values; read
     */
    public static Merges merges(double[] x, int n, int d) {
        Merges out = new Merges(n);
        double[] centroid = x.clone();
        int[] size = new int[n];
        java.util.Arrays.fill(size, 1);
        int[] chain = new int[n];
        int length = 0;
        int firstLive = 0;
        for (int k = 0; k < n - 1; k++) {
            if (length == 0) {
                while (size[firstLive] == 0) {
                    firstLive++;
                }
                chain[0] = firstLive;
                length = 1;
            }
            int xs;
            int y;
            double min;
            while (true) {
                xs = chain[length - 1];
                int xo = xs * d;
                int nx = size[xs];
                if (length > 1) {
                    y = chain[length - 2];
                    min = ward(centroid, xo, nx, y * d, size[y], d);
                } else {
                    y = -1;
                    min = Double.POSITIVE_INFINITY;
                }
                for (int i = 0; i < n; i++) {
                    int ni = size[i];
                    if (ni == 0 || i == xs) {
                        continue;
                    }
                    double di = ward(centroid, xo, nx, i * d, ni, d);
                    if (di < min || y < 0) {
                        min = di;
                        y = i;
                    }
                }
                if (length > 1 && y == chain[length - 2]) {
                    break;
                }
                chain[length++] = y;
            }
            length -= 2;
            int a = Math.min(xs, y);
            int b = Math.max(xs, y);
            int na = size[a];
            int nb = size[b];
            out.left[k] = a;
            out.right[k] = b;
            out.height[k] = min;
            int ao = a * d;
            int bo = b * d;
            double t = na + nb;
            for (int q = 0; q < d; q++) {
                centroid[bo + q] = (na * centroid[ao + q] + nb * centroid[bo + q]) / t;
            }
            size[a] = 0;
            size[b] = na + nb;
        }
        return out;
    }

    private static double ward(double[] c, int ao, int na, int bo, int nb, int d) {
        double s = SquaredEuclidean.distance(c, ao, c, bo, d);
        return Math.sqrt(2.0 * na * nb / (na + nb) * s);
    }
}
