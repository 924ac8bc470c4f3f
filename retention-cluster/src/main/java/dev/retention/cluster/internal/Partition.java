package dev.retention.cluster.internal;

import dev.retention.matrix.DenseMatrix;

/**
 * A labelling with the noise points (label -1) set aside: the rows that belong to a cluster and their
 * cluster as a dense index {@code 0 .. k-1} (label values that no point uses are dropped, the others
 * keep their order), with per-cluster sizes and centroids. Built in O(n d).
 */
public final class Partition {

    /** Rows that belong to a cluster, increasing. */
    public final int[] rows;
    /** Dense cluster of each of {@link #rows}. */
    public final int[] cluster;
    /** Number of clusters. */
    public final int k;
    /** Points per cluster. */
    public final int[] sizes;
    /** Cluster means, k rows of d. */
    public final double[] centroids;
    /** Dimension. */
    public final int d;

    /**
     * @param x      n rows of d values; read, not copied
     * @param labels n labels, each -1 or &gt;= 0 (checked by the caller); read
     * @param values the number of label values, {@code max label + 1}
     */
    public Partition(DenseMatrix x, int[] labels, int values) {
        int n = x.rows();
        int d = x.columns();
        this.d = d;
        int[] dense = new int[values];
        java.util.Arrays.fill(dense, -1);
        int m = 0;
        for (int l : labels) {
            if (l >= 0) {
                dense[l] = 0;
                m++;
            }
        }
        int kk = 0;
        for (int v = 0; v < values; v++) {
            if (dense[v] == 0) {
                dense[v] = kk++;
            }
        }
        this.k = kk;
        this.rows = new int[m];
        this.cluster = new int[m];
        this.sizes = new int[kk];
        this.centroids = new double[kk * d];
        int p = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] >= 0) {
                int c = dense[labels[i]];
                rows[p] = i;
                cluster[p++] = c;
                sizes[c]++;
                int xo = i * d;
                int co = c * d;
                for (int q = 0; q < d; q++) {
                    centroids[co + q] += x.valueAt(xo + q);
                }
            }
        }
        for (int c = 0; c < kk; c++) {
            for (int q = 0; q < d; q++) {
                centroids[c * d + q] /= sizes[c];
            }
        }
    }

    /** Number of points in clusters (noise excluded). */
    public int size() {
        return rows.length;
    }
}
