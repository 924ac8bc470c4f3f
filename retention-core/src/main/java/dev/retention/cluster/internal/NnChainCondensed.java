package dev.retention.cluster.internal;

/**
 * Complete and average linkage by the nearest-neighbour chain (Murtagh 1983; Müllner 2011) over a
 * condensed (upper-triangle) distance matrix updated by the Lance-Williams formulas (Lance and
 * Williams, "A general theory of classificatory sorting strategies", The Computer Journal 1967):
 * complete {@code max(d(x,i), d(y,i))}, average {@code (|x| d(x,i) + |y| d(y,i)) / (|x| + |y|)}. The
 * chain and the updates follow SciPy's {@code nn_chain} step for step, so heights and merges equal
 * SciPy's (complete exactly, average up to the same rounding). Time O(n^2), memory n(n-1)/2 doubles,
 * stored as one row per point ({@code row i} holds the distances to points {@code j > i}), so n is
 * not limited by the largest array.
 */
public final class NnChainCondensed {

    /** The Lance-Williams update used. */
    public enum Update {
        /** Farthest pair. */
        COMPLETE,
        /** Mean over all pairs (UPGMA). */
        AVERAGE
    }

    private NnChainCondensed() {
    }

    /** Bytes of the condensed matrix of n points (values and row headers). */
    public static long bytesNeeded(long n) {
        return 8L * (n * (n - 1) / 2) + 16L * n;
    }

    /**
     * Euclidean distances between all pairs, row i holding {@code d(i, j)} for {@code j > i} at
     * {@code j - i - 1}; rows are filled in parallel (each independently).
     *
     * @param x n rows of d values; read
     */
    public static double[][] condensed(double[] x, int n, int d, Workers workers) {
        double[][] rows = new double[n][];
        workers.run(n, i -> {
            double[] r = new double[n - 1 - i];
            int io = i * d;
            for (int j = i + 1; j < n; j++) {
                r[j - i - 1] = Math.sqrt(SquaredEuclidean.distance(x, io, x, j * d, d));
            }
            rows[i] = r;
        });
        return rows;
    }

    /**
     * The merges (unsorted, as {@link Merges} expects before {@link Merges#toLinkage()}).
     *
     * @param dist the condensed matrix of {@link #condensed}; written (destroyed)
     */
    public static Merges merges(double[][] dist, int n, Update update) {
        Merges out = new Merges(n);
        int[] size = new int[n];
        java.util.Arrays.fill(size, 1);
        int[] chain = new int[n];
        int length = 0;
        int firstLive = 0;
        boolean complete = update == Update.COMPLETE;
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
                if (length > 1) {
                    y = chain[length - 2];
                    min = get(dist, xs, y);
                } else {
                    y = -1;
                    min = Double.POSITIVE_INFINITY;
                }
                // column part (i < xs) then row part (i > xs), in increasing i as SciPy scans
                for (int i = 0; i < xs; i++) {
                    if (size[i] == 0) {
                        continue;
                    }
                    double di = dist[i][xs - i - 1];
                    if (di < min || y < 0) {
                        min = di;
                        y = i;
                    }
                }
                double[] row = dist[xs];
                for (int i = xs + 1; i < n; i++) {
                    if (size[i] == 0) {
                        continue;
                    }
                    double di = row[i - xs - 1];
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
            size[a] = 0;
            size[b] = na + nb;
            for (int i = 0; i < n; i++) {
                int ni = size[i];
                if (ni == 0 || i == b) {
                    continue;
                }
                double dai = get(dist, i, a);
                double dbi = get(dist, i, b);
                double v = complete ? Math.max(dai, dbi) : (na * dai + nb * dbi) / (na + nb);
                set(dist, i, b, v);
            }
        }
        return out;
    }

    private static double get(double[][] dist, int i, int j) {
        return i < j ? dist[i][j - i - 1] : dist[j][i - j - 1];
    }

    private static void set(double[][] dist, int i, int j, double v) {
        if (i < j) {
            dist[i][j - i - 1] = v;
        } else {
            dist[j][i - j - 1] = v;
        }
    }
}
