package dev.retention.cluster.quality;

import dev.retention.cluster.Points;
import dev.retention.cluster.internal.Checks;
import dev.retention.cluster.internal.Partition;
import dev.retention.cluster.internal.PointsAccess;
import dev.retention.cluster.internal.Silhouettes;
import dev.retention.cluster.internal.SquaredEuclidean;
import dev.retention.parallel.Workers;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Internal measures of a clustering's quality, computed from the points and their labels only:
 * silhouette (exact, or on a random sample for large n), Davies-Bouldin, Calinski-Harabasz and the
 * within-cluster sum of squares. They equal scikit-learn's {@code silhouette_score},
 * {@code davies_bouldin_score} and {@code calinski_harabasz_score} on the same labels.
 *
 * <p>Labels are cluster indices {@code >= 0} or -1 for noise (as {@code DbscanResult} gives them);
 * <b>noise points are left out</b> of every measure, where scikit-learn would treat -1 as one more
 * cluster. Label values need not be contiguous. The scores need between 2 and m - 1 clusters among the
 * m points that are not noise, and refuse other labellings with an {@link IllegalArgumentException}.
 */
public final class ClusterQuality {

    private ClusterQuality() {
    }

    /**
     * The mean silhouette over all points (Rousseeuw 1987), in [-1, 1]; higher is better. Exact:
     * O(m^2 d) time, O(m) memory, parallel over fixed blocks (the result does not depend on
     * {@code parallelism}).
     *
     * @param x           read
     * @param labels      read: one per point, -1 for noise
     * @param parallelism threads, at least 1
     * @throws IllegalArgumentException if the labels do not give 2 to m - 1 clusters
     */
    public static double silhouette(Points x, int[] labels, int parallelism) {
        Partition p = partition(x, labels, "silhouette");
        double[] s;
        try (Workers workers = Workers.create(parallelism)) {
            s = Silhouettes.of(PointsAccess.data(x), p, workers);
        }
        return mean(s);
    }

    /**
     * The silhouette of each point (0 for noise points, which have none); scikit-learn's
     * {@code silhouette_samples}. O(m^2 d).
     *
     * @param x           read
     * @param labels      read: one per point, -1 for noise
     * @param parallelism threads, at least 1
     * @return a new array of n values in [-1, 1]
     */
    public static double[] silhouetteSamples(Points x, int[] labels, int parallelism) {
        Partition p = partition(x, labels, "silhouette");
        double[] s;
        try (Workers workers = Workers.create(parallelism)) {
            s = Silhouettes.of(PointsAccess.data(x), p, workers);
        }
        double[] out = new double[x.size()];
        for (int i = 0; i < p.rows.length; i++) {
            out[p.rows[i]] = s[i];
        }
        return out;
    }

    /**
     * The mean silhouette of a uniform random sample of {@code sampleSize} points, computed within the
     * sample (scikit-learn's {@code silhouette_score(..., sample_size=s)}): an estimate of the exact
     * value for large n at O(s^2 d) cost. With {@code sampleSize >= m} it is the exact silhouette.
     *
     * @param x           read
     * @param labels      read: one per point, -1 for noise (noise is dropped before sampling)
     * @param sampleSize  points drawn without replacement, at least 2
     * @param seed        seed of the draw
     * @param parallelism threads, at least 1
     * @throws IllegalArgumentException if the sample does not hold 2 to s - 1 clusters
     */
    public static double sampledSilhouette(Points x, int[] labels, int sampleSize, long seed, int parallelism) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(labels, "labels");
        if (sampleSize < 2) {
            throw new IllegalArgumentException("sampleSize must be at least 2, got " + sampleSize);
        }
        int values = Checks.labels(labels, x.size());
        int m = 0;
        for (int l : labels) {
            if (l >= 0) {
                m++;
            }
        }
        if (sampleSize >= m) {
            return silhouette(x, labels, parallelism);
        }
        int[] kept = new int[m];
        m = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                kept[m++] = i;
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < sampleSize; i++) {          // partial Fisher-Yates
            int j = i + rnd.nextInt(m - i);
            int t = kept[i];
            kept[i] = kept[j];
            kept[j] = t;
        }
        int[] rows = java.util.Arrays.copyOf(kept, sampleSize);
        java.util.Arrays.sort(rows);
        int[] sampleLabels = new int[sampleSize];
        for (int i = 0; i < sampleSize; i++) {
            sampleLabels[i] = labels[rows[i]];
        }
        assert values > 0;
        return silhouette(x.select(rows), sampleLabels, parallelism);
    }

    /**
     * The Davies-Bouldin index (Davies and Bouldin, IEEE PAMI 1979): the mean over clusters of the
     * largest {@code (s_i + s_j) / d(c_i, c_j)}, s being the mean distance of a cluster's points to its
     * centroid; 0 is best. As scikit-learn: 0 when all s or all centroid distances are within 1e-8 of 0,
     * and coincident centroids are ignored. O(n d + k^2 d).
     *
     * @param x      read
     * @param labels read: one per point, -1 for noise
     * @throws IllegalArgumentException if the labels do not give 2 to m - 1 clusters
     */
    public static double daviesBouldin(Points x, int[] labels) {
        Partition p = partition(x, labels, "Davies-Bouldin");
        double[] data = PointsAccess.data(x);
        int k = p.k;
        int d = p.d;
        double[] scatter = new double[k];
        for (int i = 0; i < p.rows.length; i++) {
            int c = p.cluster[i];
            scatter[c] += Math.sqrt(SquaredEuclidean.distance(data, p.rows[i] * d, p.centroids, c * d, d));
        }
        boolean allScatterZero = true;
        for (int c = 0; c < k; c++) {
            scatter[c] /= p.sizes[c];
            allScatterZero &= Math.abs(scatter[c]) <= 1e-8;
        }
        double[] dist = new double[k * k];
        boolean allDistZero = true;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double v = Math.sqrt(SquaredEuclidean.distance(p.centroids, a * d, p.centroids, b * d, d));
                dist[a * k + b] = v;
                allDistZero &= v <= 1e-8;
            }
        }
        if (allScatterZero || allDistZero) {
            return 0.0;
        }
        double sum = 0;
        for (int a = 0; a < k; a++) {
            double worst = 0;
            for (int b = 0; b < k; b++) {
                double v = dist[a * k + b];
                if (v > 0) {
                    worst = Math.max(worst, (scatter[a] + scatter[b]) / v);
                }
            }
            sum += worst;
        }
        return sum / k;
    }

    /**
     * The Calinski-Harabasz index (variance ratio criterion; Calinski and Harabasz, Comm. Statistics
     * 1974): {@code [B / (k - 1)] / [W / (m - k)]} with B the between-cluster and W the within-cluster
     * sum of squares; higher is better; 1 when W = 0, as scikit-learn. O(n d).
     *
     * @param x      read
     * @param labels read: one per point, -1 for noise
     * @throws IllegalArgumentException if the labels do not give 2 to m - 1 clusters
     */
    public static double calinskiHarabasz(Points x, int[] labels) {
        Partition p = partition(x, labels, "Calinski-Harabasz");
        double[] data = PointsAccess.data(x);
        int d = p.d;
        int m = p.size();
        double[] mean = new double[d];
        for (int r : p.rows) {
            for (int q = 0; q < d; q++) {
                mean[q] += data[r * d + q];
            }
        }
        for (int q = 0; q < d; q++) {
            mean[q] /= m;
        }
        double between = 0;
        for (int c = 0; c < p.k; c++) {
            between += p.sizes[c] * SquaredEuclidean.distance(p.centroids, c * d, mean, 0, d);
        }
        double within = within(data, p);
        return within == 0.0 ? 1.0 : between * (m - p.k) / (within * (p.k - 1.0));
    }

    /**
     * The within-cluster sum of squared distances to the cluster means (the k-means objective of a
     * labelling), noise excluded; 0 if every point is noise. O(n d).
     *
     * @param x      read
     * @param labels read: one per point, -1 for noise
     */
    public static double withinSumOfSquares(Points x, int[] labels) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(labels, "labels");
        int values = Checks.labels(labels, x.size());
        double[] data = PointsAccess.data(x);
        return within(data, new Partition(data, x.size(), x.dimension(), labels, values));
    }

    private static double within(double[] data, Partition p) {
        double w = 0;
        int d = p.d;
        for (int i = 0; i < p.rows.length; i++) {
            w += SquaredEuclidean.distance(data, p.rows[i] * d, p.centroids, p.cluster[i] * d, d);
        }
        return w;
    }

    private static Partition partition(Points x, int[] labels, String measure) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(labels, "labels");
        int values = Checks.labels(labels, x.size());
        Partition p = new Partition(PointsAccess.data(x), x.size(), x.dimension(), labels, values);
        if (p.k < 2 || p.k > p.size() - 1) {
            throw new IllegalArgumentException(measure + " needs 2 to m-1 clusters among the m=" + p.size()
                    + " points that are not noise, got " + p.k + " clusters");
        }
        return p;
    }

    private static double mean(double[] s) {
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        return sum / s.length;
    }
}
