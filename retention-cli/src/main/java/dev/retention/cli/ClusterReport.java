package dev.retention.cli;

import dev.retention.cluster.ClusterProfiles;
import dev.retention.cluster.Points;
import dev.retention.cluster.quality.ClusterQuality;
import dev.retention.rfm.RfmTable;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code retention cluster} and {@code retention demo} report about one clustering of a shop's customers: the
 * cluster sizes and noise, the inertia, the silhouette (exact, or on a sample of customers), Davies-Bouldin and
 * Calinski-Harabasz (noise left out; none of the three when fewer than two clusters or fewer than two points per
 * cluster on average make them undefined), and the RFM profile of each cluster.
 *
 * @param customers         points clustered
 * @param clusters          number of cluster labels
 * @param sizes             customers per cluster label
 * @param noise             customers labelled -1
 * @param inertia           within-cluster sum of squares
 * @param silhouette        mean silhouette, or {@code null} when undefined
 * @param silhouettePoints  customers the silhouette was computed on (0 when undefined)
 * @param sampled           whether the silhouette is an estimate on a sample
 * @param daviesBouldin     Davies-Bouldin index, or {@code null}
 * @param calinskiHarabasz  Calinski-Harabasz index, or {@code null}
 * @param profiles          mean recency, frequency, monetary and top RFM segment per cluster
 */
record ClusterReport(int customers, int clusters, int[] sizes, int noise, double inertia, Double silhouette,
                     int silhouettePoints, boolean sampled, Double daviesBouldin, Double calinskiHarabasz,
                     ClusterProfiles profiles) {

    /**
     * Measures a clustering. O(n^2 d) for an exact silhouette, O(s^2 d) on a sample of {@code s}; O(n d) otherwise.
     *
     * @param x                the clustered points, one row per row of {@code table}
     * @param table            the customers' RFM table, for the profiles
     * @param labels           cluster of each point, -1 for noise
     * @param clusters         number of cluster labels
     * @param inertia          the within-cluster sum of squares reported
     * @param silhouetteSample exact silhouette up to this many non-noise points, else on a sample of this size
     * @param seed             seed of the silhouette sample
     * @param threads          threads of the silhouette
     */
    static ClusterReport of(Points x, RfmTable table, int[] labels, int clusters, double inertia, int silhouetteSample,
                            long seed, int threads) {
        int[] sizes = new int[clusters];
        int noise = 0;
        for (int l : labels) {
            if (l >= 0) {
                sizes[l]++;
            } else {
                noise++;
            }
        }
        int used = 0;
        for (int s : sizes) {
            used += s > 0 ? 1 : 0;
        }
        int m = x.size() - noise;
        boolean scorable = used >= 2 && used <= m - 1;
        boolean sampled = m > silhouetteSample;
        Double silhouette = null;
        Double daviesBouldin = null;
        Double calinskiHarabasz = null;
        if (scorable) {
            silhouette = sampled ? ClusterQuality.sampledSilhouette(x, labels, silhouetteSample, seed, threads)
                    : ClusterQuality.silhouette(x, labels, threads);
            daviesBouldin = ClusterQuality.daviesBouldin(x, labels);
            calinskiHarabasz = ClusterQuality.calinskiHarabasz(x, labels);
        }
        return new ClusterReport(x.size(), clusters, sizes, noise, inertia, silhouette,
                scorable ? Math.min(m, silhouetteSample) : 0, scorable && sampled, daviesBouldin, calinskiHarabasz,
                ClusterProfiles.of(table, labels));
    }

    /** One line: inertia, silhouette (and its sample), Davies-Bouldin and Calinski-Harabasz. */
    String qualityLine() {
        return String.format(Locale.ROOT, "inertia %.2f, silhouette %s%s, Davies-Bouldin %s, Calinski-Harabasz %s",
                inertia, number(silhouette, "%.4f"), sampled ? " (on " + silhouettePoints + " sampled customers)" : "",
                number(daviesBouldin, "%.4f"), number(calinskiHarabasz, "%.1f"));
    }

    /** Adds {@code clusters, sizes, noise, inertia, silhouette, silhouette_points, davies_bouldin, calinski_harabasz}. */
    Json putQuality(Json json) {
        return json.put("clusters", clusters)
                .put("sizes", sizes)
                .put("noise", noise)
                .put("inertia", inertia)
                .put("silhouette", silhouette)
                .put("silhouette_points", silhouettePoints)
                .put("davies_bouldin", daviesBouldin)
                .put("calinski_harabasz", calinskiHarabasz);
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

    private static String number(Double v, String format) {
        return v == null ? "n/a" : String.format(Locale.ROOT, format, v);
    }
}
