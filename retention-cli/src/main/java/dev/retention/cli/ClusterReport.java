package dev.retention.cli;

import dev.retention.cluster.ClusterProfiles;
import dev.retention.cluster.quality.ClusterQuality;
import dev.retention.io.Json;
import dev.retention.matrix.DenseMatrix;
import dev.retention.model.FitSummary;
import dev.retention.rfm.RfmTable;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What {@code retention cluster} and {@code retention demo} report about one clustering of a shop's customers: the
 * cluster sizes and noise, the inertia, and the library's {@link ClusterQuality} (silhouette exact or on a sample of
 * customers, Davies-Bouldin and Calinski-Harabasz; noise left out; none of the three when fewer than two clusters or
 * fewer than two points per cluster on average make them undefined) and {@link ClusterProfiles}, formatted as the
 * commands print them.
 */
final class ClusterReport {
    private final int customers;
    private final int clusters;
    private final int[] sizes;
    private final int noise;
    private final double inertia;
    private final ClusterQuality quality;
    private final ClusterProfiles profiles;

    ClusterReport(int customers, int clusters, int[] sizes, int noise, double inertia, ClusterQuality quality,
                  ClusterProfiles profiles) {
        this.customers = customers;
        this.clusters = clusters;
        this.sizes = sizes;
        this.noise = noise;
        this.inertia = inertia;
        this.quality = quality;
        this.profiles = profiles;
    }

    /**
     * Measures a clustering. O(n^2 d) for an exact silhouette, O(s^2 d) on a sample of {@code s}; O(n d) otherwise.
     *
     * @param x                the clustered (scaled) points, one row per row of {@code table}
     * @param table            the customers' RFM table, for the profiles
     * @param labels           cluster of each point, -1 for noise
     * @param clusters         number of cluster labels
     * @param inertia          the within-cluster sum of squares reported
     * @param silhouetteSample exact silhouette up to this many non-noise points, else on a sample of this size
     * @param seed             seed of the silhouette sample
     * @param threads          threads of the silhouette
     */
    static ClusterReport of(DenseMatrix x, RfmTable table, int[] labels, int clusters, double inertia,
                            int silhouetteSample, long seed, int threads) {
        ClusterQuality q = ClusterQuality.compute(x, labels, silhouetteSample, seed, threads);
        return new ClusterReport(x.rows(), clusters, Arrays.copyOf(q.sizes(), clusters), q.noise(), inertia, q,
                ClusterProfiles.compute(table, labels));
    }

    /** One line: algorithm, iterations, converged, the first and last objective (as the commands always printed it). */
    static String summaryLine(FitSummary s) {
        double[] h = s.objective();
        String objective = h.length == 0 ? "" : String.format(Locale.ROOT, ", objective %.6g -> %.6g", h[0],
                h[h.length - 1]);
        return String.format(Locale.ROOT, "%s: %d iterations, %s%s", s.algorithm(), s.iterations(),
                s.converged() ? "converged" : "not converged", objective);
    }

    /** One line: inertia, silhouette (and its sample), Davies-Bouldin and Calinski-Harabasz. */
    String qualityLine() {
        return String.format(Locale.ROOT, "inertia %.2f, silhouette %s%s, Davies-Bouldin %s, Calinski-Harabasz %s",
                inertia, number(quality.silhouette(), "%.4f"), quality.sampled() ? " (on " + quality.silhouettePoints()
                        + " sampled customers)" : "", number(quality.daviesBouldin(), "%.4f"),
                number(quality.calinskiHarabasz(), "%.1f"));
    }

    /** Adds {@code clusters, sizes, noise, inertia, silhouette, silhouette_points, davies_bouldin, calinski_harabasz}. */
    Json putQuality(Json json) {
        return json.put("clusters", clusters)
                .put("sizes", sizes)
                .put("noise", noise)
                .put("inertia", inertia)
                .put("silhouette", boxed(quality.silhouette()))
                .put("silhouette_points", quality.silhouettePoints())
                .put("davies_bouldin", boxed(quality.daviesBouldin()))
                .put("calinski_harabasz", boxed(quality.calinskiHarabasz()));
    }

    /** One object per cluster profile. */
    List<Json> profilesJson() {
        List<Json> out = new ArrayList<>();
        for (ClusterProfiles.Profile p : profiles.profiles()) {
            out.add(new Json().put("cluster", p.cluster()).put("size", p.size()).put("recency_mean", p.meanRecency())
                    .put("frequency_mean", p.meanFrequency()).put("monetary_mean", p.meanMonetary())
                    .put("top_segment", p.topSegment()).put("top_segment_share", p.topSegmentShare()));
        }
        return out;
    }

    /** Writes {@code customer,cluster} for every row of the table (-1 is noise). */
    static void writeLabels(Path file, RfmTable table, int[] labels) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("customer,cluster\n");
            for (int i = 0; i < labels.length; i++) {
                w.write(CsvText.field(table.customerId(i)) + "," + labels[i] + "\n");
            }
        }
    }

    private static String number(OptionalDouble v, String format) {
        return v.isEmpty() ? "n/a" : String.format(Locale.ROOT, format, v.getAsDouble());
    }

    private static Double boxed(OptionalDouble v) {
        return v.isEmpty() ? null : v.getAsDouble();
    }

    /** Points clustered. */
    public int customers() {
        return customers;
    }

    /** Number of cluster labels. */
    public int clusters() {
        return clusters;
    }

    /** Customers per cluster label. */
    public int[] sizes() {
        return sizes;
    }

    /** Customers labelled -1. */
    public int noise() {
        return noise;
    }

    /** The within-cluster sum of squares reported (k-means: the model's inertia). */
    public double inertia() {
        return inertia;
    }

    /** The quality measures. */
    public ClusterQuality quality() {
        return quality;
    }

    /** Mean recency, frequency, monetary and top RFM segment per cluster. */
    public ClusterProfiles profiles() {
        return profiles;
    }
}
