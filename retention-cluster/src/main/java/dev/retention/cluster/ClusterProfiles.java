package dev.retention.cluster;

import dev.retention.rfm.RfmTable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Who is in each cluster, in RFM terms: per cluster the number of customers, their mean recency (days),
 * frequency (orders) and monetary value, and the most common RFM segment with its share. The table a
 * marketer reads to give each group its own offer. The entry point is {@link #compute(RfmTable, int[])}.
 * Immutable.
 */
public final class ClusterProfiles {

    /**
     * One cluster's profile.
     *
     * @param cluster          the cluster label, or -1 for noise
     * @param size             customers in the cluster
     * @param share            size divided by all customers
     * @param meanRecency      mean days since the last purchase
     * @param meanFrequency    mean number of orders
     * @param meanMonetary     mean total spend
     * @param topSegment       the most common RFM segment (the first in the segment map on ties)
     * @param topSegmentShare  the share of the cluster in that segment
     */
    public record Profile(int cluster, int size, double share, double meanRecency, double meanFrequency,
                          double meanMonetary, String topSegment, double topSegmentShare) {
    }

    private final List<Profile> profiles;

    private ClusterProfiles(List<Profile> profiles) {
        this.profiles = Collections.unmodifiableList(profiles);
    }

    /**
     * Profiles of a clustering of an RFM table's customers. O(n + clusters * segments).
     *
     * @param table  read: the customers, in the table's row order
     * @param labels read: the cluster of each table row, -1 for noise
     * @return one profile per cluster label that occurs, in increasing label order, noise (if any) last
     * @throws IllegalArgumentException if the labels do not have one value per row or hold a value below -1
     */
    public static ClusterProfiles compute(RfmTable table, int[] labels) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(labels, "labels");
        int n = table.size();
        if (labels.length != n) {
            throw new IllegalArgumentException("labels has " + labels.length + " values, expected one per table row ("
                    + n + ")");
        }
        int max = -1;
        for (int i = 0; i < n; i++) {
            if (labels[i] < -1) {
                throw new IllegalArgumentException("labels[" + i + "] must be a cluster index >= 0 or -1 for noise, got "
                        + labels[i]);
            }
            max = Math.max(max, labels[i]);
        }
        List<String> segments = table.options().segments().names();
        int groups = max + 2;                  // slot 0 is noise, slot c + 1 is cluster c
        int[] size = new int[groups];
        double[] sumR = new double[groups];
        double[] sumF = new double[groups];
        double[] sumM = new double[groups];
        int[][] bySegment = new int[groups][segments.size()];
        java.util.Map<String, Integer> segmentIndex = new java.util.HashMap<>();
        for (int s = 0; s < segments.size(); s++) {
            segmentIndex.put(segments.get(s), s);
        }
        for (int i = 0; i < n; i++) {
            int g = labels[i] + 1;
            size[g]++;
            sumR[g] += table.recency(i);
            sumF[g] += table.frequency(i);
            sumM[g] += table.monetary(i);
            bySegment[g][segmentIndex.get(table.segment(i))]++;
        }
        List<Profile> out = new ArrayList<>();
        for (int step = 1; step <= groups; step++) {
            int g = step % groups;             // clusters first, noise (slot 0) last
            if (size[g] == 0) {
                continue;
            }
            int top = 0;
            for (int s = 1; s < segments.size(); s++) {
                if (bySegment[g][s] > bySegment[g][top]) {
                    top = s;
                }
            }
            int c = size[g];
            out.add(new Profile(g - 1, c, c / (double) n, sumR[g] / c, sumF[g] / c, sumM[g] / c, segments.get(top),
                    bySegment[g][top] / (double) c));
        }
        return new ClusterProfiles(out);
    }

    /** {@return the profiles, clusters in label order, noise last; unmodifiable} */
    public List<Profile> profiles() {
        return profiles;
    }

    /** The table: one row per cluster. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%8s %10s %7s %10s %10s %12s   %s%n", "cluster", "customers", "share",
                "recency", "frequency", "monetary", "top segment"));
        for (Profile p : profiles) {
            sb.append(String.format(Locale.ROOT, "%8s %,10d %6.1f%% %10.1f %10.2f %12.2f   %s (%.0f%%)%n",
                    p.cluster() < 0 ? "noise" : Integer.toString(p.cluster()), p.size(), 100 * p.share(),
                    p.meanRecency(), p.meanFrequency(), p.meanMonetary(), p.topSegment(), 100 * p.topSegmentShare()));
        }
        return sb.toString();
    }
}
