package dev.retention.cluster.internal;

import dev.retention.primitive.IndirectSort;

/**
 * The n - 1 merges of an agglomerative clustering, first as found (pairs of slots or points and a
 * height), then, after {@link #toLinkage()}, in SciPy's linkage-matrix layout: rows sorted by height
 * (stable, so equal heights keep the order in which they were found), clusters numbered 0..n-1 for
 * observations and n, n+1, ... for the cluster formed by row 0, 1, ..., the smaller id on the left,
 * and the size of each new cluster. This is SciPy's {@code label()} after its stable
 * {@code argsort}: union-find with path compression, O(n log n) for the sort and about O(n) after.
 */
public final class Merges {

    /** Left cluster of each row. */
    public final int[] left;
    /** Right cluster of each row. */
    public final int[] right;
    /** Merge height of each row. */
    public final double[] height;
    /** Size of the cluster each row forms (filled by {@link #toLinkage()}). */
    public final int[] size;

    /** Room for the merges of {@code n} observations. */
    public Merges(int n) {
        int m = Math.max(0, n - 1);
        left = new int[m];
        right = new int[m];
        height = new double[m];
        size = new int[m];
    }

    /** Number of merges. */
    public int count() {
        return left.length;
    }

    /** Sorts by height (stable) and relabels clusters as SciPy does; returns this. */
    public Merges toLinkage() {
        int m = left.length;
        int n = m + 1;
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        IndirectSort.sortByKey(order, height);
        int[] l = new int[m];
        int[] r = new int[m];
        double[] h = new double[m];
        for (int i = 0; i < m; i++) {
            l[i] = left[order[i]];
            r[i] = right[order[i]];
            h[i] = height[order[i]];
        }
        int[] parent = new int[2 * n - 1];
        int[] sizes = new int[2 * n - 1];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
            sizes[i] = 1;
        }
        int next = n;
        for (int i = 0; i < m; i++) {
            int xr = find(parent, l[i]);
            int yr = find(parent, r[i]);
            left[i] = Math.min(xr, yr);
            right[i] = Math.max(xr, yr);
            height[i] = h[i];
            parent[xr] = next;
            parent[yr] = next;
            sizes[next] = sizes[xr] + sizes[yr];
            size[i] = sizes[next];
            next++;
        }
        return this;
    }

    private static int find(int[] parent, int x) {
        int root = x;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[x] != root) {
            int p = parent[x];
            parent[x] = root;
            x = p;
        }
        return root;
    }
}
