package dev.retention.cluster.internal;

import dev.retention.matrix.DenseMatrix;
import dev.retention.parallel.Workers;

/**
 * Complete and average linkage by the {@link NnChain nearest-neighbour chain} over a condensed
 * (upper-triangle) distance matrix updated by the Lance-Williams formulas (Lance and Williams, "A general
 * theory of classificatory sorting strategies", The Computer Journal 1967):
 * complete {@code max(d(x,i), d(y,i))}, average {@code (|x| d(x,i) + |y| d(y,i)) / (|x| + |y|)}. The
 * chain and the updates follow SciPy's {@code nn_chain} step for step, so heights and merges equal
 * SciPy's (complete exactly, average up to the same rounding). Time O(n^2), memory n(n-1)/2 doubles,
 * stored as one row per point ({@code row i} holds the distances to points {@code j > i}), so n is
 * not limited by the largest array.
 */
public final class NnChainCondensed extends NnChain {

    /** The Lance-Williams update used. */
    public enum Update {
        /** Farthest pair. */
        COMPLETE,
        /** Mean over all pairs (UPGMA). */
        AVERAGE
    }

    private final double[][] dist;
    private final boolean complete;

    private NnChainCondensed(double[][] dist, int n, Update update) {
        super(n);
        this.dist = dist;
        this.complete = update == Update.COMPLETE;
    }

    /** Bytes of the condensed matrix of n points (values and row headers). */
    public static long bytesNeeded(long n) {
        return 8L * (n * (n - 1) / 2) + 16L * n;
    }

    /**
     * Euclidean distances between all pairs, row i holding {@code d(i, j)} for {@code j > i} at
     * {@code j - i - 1}; rows are filled in parallel (each independently).
     *
     * @param x n rows of d values; read, not copied
     */
    public static double[][] condensed(DenseMatrix x, Workers workers) {
        int n = x.rows();
        int d = x.columns();
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
        return new NnChainCondensed(dist, n, update).run();
    }

    @Override
    protected double distance(int x, int y) {
        return get(x, y);
    }

    @Override
    protected int nearest(int x, int y, double min, double[] distanceOut) {
        // column part (i < x) then row part (i > x): increasing i, as SciPy scans
        for (int i = 0; i < x; i++) {
            if (size[i] != 0) {
                double di = dist[i][x - i - 1];
                if (di < min || y < 0) {
                    min = di;
                    y = i;
                }
            }
        }
        double[] row = dist[x];
        for (int i = x + 1; i < n; i++) {
            if (size[i] != 0) {
                double di = row[i - x - 1];
                if (di < min || y < 0) {
                    min = di;
                    y = i;
                }
            }
        }
        distanceOut[0] = min;
        return y;
    }

    @Override
    protected void merge(int a, int b, int na, int nb, double height) {
        for (int i = 0; i < n; i++) {
            if (size[i] == 0 || i == b) {
                continue;
            }
            double dai = get(i, a);
            double dbi = get(i, b);
            double v = complete ? Math.max(dai, dbi) : (na * dai + nb * dbi) / (na + nb);
            if (i < b) {
                dist[i][b - i - 1] = v;
            } else {
                dist[b][i - b - 1] = v;
            }
        }
    }

    private double get(int i, int j) {
        return i < j ? dist[i][j - i - 1] : dist[j][i - j - 1];
    }
}
