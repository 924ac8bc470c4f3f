package dev.retention.cluster.dbscan;

import java.util.Arrays;
import java.util.Locale;

/**
 * The result of {@link Dbscan#fit}: a label per point ({@code 0 .. clusterCount-1}, or -1 for noise)
 * and whether each point is a core point. Immutable and thread-safe.
 */
public final class DbscanResult {

    /** The label of noise points. */
    public static final int NOISE = -1;

    private final int[] labels;
    private final boolean[] core;
    private final int clusters;
    private final DbscanOptions options;

    DbscanResult(int[] labels, boolean[] core, int clusters, DbscanOptions options) {
        this.labels = labels;
        this.core = core;
        this.clusters = clusters;
        this.options = options;
    }

    /** The label of each point: a cluster index, or {@link #NOISE}; a copy. */
    public int[] labels() {
        return labels.clone();
    }

    /** The label of point {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** Whether each point is a core point; a copy. */
    public boolean[] coreFlags() {
        return core.clone();
    }

    /** Whether point {@code i} is a core point. */
    public boolean isCore(int i) {
        return core[i];
    }

    /** Indices of the core points in increasing order (scikit-learn's {@code core_sample_indices_}). */
    public int[] coreSampleIndices() {
        int m = 0;
        for (boolean c : core) {
            if (c) {
                m++;
            }
        }
        int[] out = new int[m];
        m = 0;
        for (int i = 0; i < core.length; i++) {
            if (core[i]) {
                out[m++] = i;
            }
        }
        return out;
    }

    /** Number of clusters (noise not counted). */
    public int clusterCount() {
        return clusters;
    }

    /** Number of noise points. */
    public int noiseCount() {
        int m = 0;
        for (int l : labels) {
            if (l == NOISE) {
                m++;
            }
        }
        return m;
    }

    /** Number of points per cluster, noise not included. */
    public int[] clusterSizes() {
        int[] sizes = new int[clusters];
        for (int l : labels) {
            if (l >= 0) {
                sizes[l]++;
            }
        }
        return sizes;
    }

    /** The options used. */
    public DbscanOptions options() {
        return options;
    }

    /** Equal when the labels and core flags are equal (the options may differ, say in parallelism). */
    @Override
    public boolean equals(Object o) {
        return o instanceof DbscanResult r && Arrays.equals(labels, r.labels) && Arrays.equals(core, r.core);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(labels) + Arrays.hashCode(core);
    }

    /** A summary line and the cluster sizes. */
    @Override
    public String toString() {
        int[] sizes = clusterSizes();
        int[] cores = new int[clusters];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0 && core[i]) {
                cores[labels[i]]++;
            }
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "DBSCAN (eps %s, minSamples %d) of %,d points: %d clusters, %,d noise points%n",
                options.eps(), options.minSamples(), labels.length, clusters, noiseCount()));
        sb.append(String.format(Locale.ROOT, "%8s %10s %10s%n", "cluster", "size", "core"));
        for (int c = 0; c < clusters; c++) {
            sb.append(String.format(Locale.ROOT, "%8d %,10d %,10d%n", c, sizes[c], cores[c]));
        }
        return sb.toString();
    }
}
