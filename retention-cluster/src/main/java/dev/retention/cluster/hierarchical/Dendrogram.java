package dev.retention.cluster.hierarchical;

import dev.retention.cluster.internal.Checks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The merge tree of an {@link Agglomerative agglomerative clustering} of n observations, in SciPy's
 * linkage-matrix layout: row i merges clusters {@link #left(int)} and {@link #right(int)} (ids below n
 * are observations, id {@code n + j} is the cluster formed by row j; the smaller id is on the left) at
 * height {@link #height(int)} into a cluster of {@link #size(int)} observations. Rows are in
 * non-decreasing height. Immutable and thread-safe.
 *
 * <p>{@link #cut(int)} undoes the last k - 1 merges (scikit-learn's {@code n_clusters});
 * {@link #cutAtHeight(double)} keeps the merges at or below a height (SciPy's
 * {@code fcluster(Z, t, "distance")}). Both number clusters by their first observation: the cluster of
 * observation 0 is 0, the next new cluster met in observation order is 1, and so on.
 */
public final class Dendrogram {

    private final int n;
    private final Linkage linkage;
    private final int[] left;
    private final int[] right;
    private final double[] height;
    private final int[] size;

    Dendrogram(int n, Linkage linkage, int[] left, int[] right, double[] height, int[] size) {
        this.n = n;
        this.linkage = linkage;
        this.left = left;
        this.right = right;
        this.height = height;
        this.size = size;
    }

    /** Number of observations n. */
    public int observations() {
        return n;
    }

    /** Number of merges, n - 1. */
    public int merges() {
        return left.length;
    }

    /** The linkage used. */
    public Linkage linkage() {
        return linkage;
    }

    /** Left (smaller) cluster id of row {@code i}. */
    public int left(int i) {
        return left[i];
    }

    /** Right (larger) cluster id of row {@code i}. */
    public int right(int i) {
        return right[i];
    }

    /** Merge height of row {@code i}. */
    public double height(int i) {
        return height[i];
    }

    /** Number of observations in the cluster formed by row {@code i}. */
    public int size(int i) {
        return size[i];
    }

    /** Merge heights of all rows, non-decreasing; a copy. */
    public double[] heights() {
        return height.clone();
    }

    /**
     * The linkage matrix Z as SciPy returns it: {@code double[n-1][4]} of left, right, height, size.
     */
    public double[][] linkageMatrix() {
        double[][] z = new double[left.length][];
        for (int i = 0; i < z.length; i++) {
            z[i] = new double[] {left[i], right[i], height[i], size[i]};
        }
        return z;
    }

    /**
     * Flat clusters: undo the last {@code k - 1} merges. O(n).
     *
     * @param k number of clusters, in [1, n]
     * @return a label in [0, k) per observation, numbered by first observation
     * @throws IllegalArgumentException if k is outside [1, n]
     */
    public int[] cut(int k) {
        Checks.clusterCount(k, n);
        return labels(n - k);
    }

    /**
     * Flat clusters: keep the merges at or below {@code h}. O(n).
     *
     * @param h a finite height
     * @return a label per observation, numbered by first observation
     * @throws IllegalArgumentException if h is not finite
     */
    public int[] cutAtHeight(double h) {
        if (!Double.isFinite(h)) {
            throw new IllegalArgumentException("h must be finite, got " + h);
        }
        int m = 0;
        while (m < height.length && height[m] <= h) {
            m++;
        }
        return labels(m);
    }

    /** Number of clusters left at height h: n minus the merges at or below h. */
    public int clustersAtHeight(double h) {
        if (!Double.isFinite(h)) {
            throw new IllegalArgumentException("h must be finite, got " + h);
        }
        int m = 0;
        while (m < height.length && height[m] <= h) {
            m++;
        }
        return n - m;
    }

    /** Labels after applying the first {@code m} rows. */
    private int[] labels(int m) {
        int[] parent = new int[n + m];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < m; i++) {
            parent[left[i]] = n + i;
            parent[right[i]] = n + i;
        }
        int[] root = new int[n];
        for (int i = 0; i < n; i++) {
            int r = i;
            while (parent[r] != r) {
                r = parent[r];
            }
            int c = i;                       // path compression
            while (parent[c] != r) {
                int p = parent[c];
                parent[c] = r;
                c = p;
            }
            root[i] = r;
        }
        int[] id = new int[n + m];
        Arrays.fill(id, -1);
        int[] labels = new int[n];
        int next = 0;
        for (int i = 0; i < n; i++) {
            int r = root[i];
            if (id[r] < 0) {
                id[r] = next++;
            }
            labels[i] = id[r];
        }
        return labels;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dendrogram g && n == g.n && linkage == g.linkage && Arrays.equals(left, g.left)
                && Arrays.equals(right, g.right) && Arrays.equals(height, g.height) && Arrays.equals(size, g.size);
    }

    @Override
    public int hashCode() {
        return Objects.hash(n, linkage, Arrays.hashCode(left), Arrays.hashCode(right), Arrays.hashCode(height));
    }

    /** A summary line and the last (highest) merges. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Dendrogram (%s linkage) of %,d observations%n",
                linkage.name().toLowerCase(Locale.ROOT), n));
        int shown = Math.min(left.length, 10);
        if (shown > 0) {
            sb.append(String.format(Locale.ROOT, "%8s %10s %10s %14s %10s%n", "row", "left", "right", "height", "size"));
            for (int i = left.length - shown; i < left.length; i++) {
                sb.append(String.format(Locale.ROOT, "%8d %10d %10d %14.6g %,10d%n", i, left[i], right[i], height[i],
                        size[i]));
            }
        }
        return sb.toString();
    }
}
