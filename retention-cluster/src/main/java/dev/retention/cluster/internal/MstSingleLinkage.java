package dev.retention.cluster.internal;

import dev.retention.matrix.DenseMatrix;

/**
 * Single linkage by Prim's minimum spanning tree (Gower and Ross, "Minimum spanning trees and single
 * linkage cluster analysis", JRSS C 1969), in the form of SciPy's {@code mst_single_linkage}: grow the
 * tree from point 0, each step adding the outside point nearest to the tree (lowest index on ties).
 * Distances are computed on the fly from the points, so memory is O(n) (no condensed matrix);
 * time O(n^2 d). The edges, sorted by weight, are the single-linkage merges.
 */
public final class MstSingleLinkage {

    private MstSingleLinkage() {
    }

    /**
     * The merges (unsorted, as {@link Merges} expects before {@link Merges#toLinkage()}).
     *
     * @param x n rows of d values; read, not copied
     */
    public static Merges merges(DenseMatrix x) {
        int n = x.rows();
        int d = x.columns();
        Merges out = new Merges(n);
        boolean[] inTree = new boolean[n];
        double[] nearest = new double[n];
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        int cur = 0;
        for (int step = 0; step < n - 1; step++) {
            inTree[cur] = true;
            double best = Double.POSITIVE_INFINITY;
            int next = -1;
            int co = cur * d;
            for (int i = 0; i < n; i++) {
                if (inTree[i]) {
                    continue;
                }
                double di = Math.sqrt(SquaredEuclidean.distance(x, co, x, i * d, d));
                if (di < nearest[i]) {
                    nearest[i] = di;
                }
                if (nearest[i] < best || next < 0) {
                    best = nearest[i];
                    next = i;
                }
            }
            out.left[step] = cur;
            out.right[step] = next;
            out.height[step] = best;
            cur = next;
        }
        return out;
    }
}
