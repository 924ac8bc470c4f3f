package dev.retention.cluster.quality;

import dev.retention.cluster.internal.Checks;
import dev.retention.cluster.internal.Partition;
import dev.retention.cluster.internal.Silhouettes;
import dev.retention.cluster.internal.SquaredEuclidean;
import dev.retention.matrix.DenseMatrix;
import dev.retention.parallel.Workers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Internal measures of a clustering's quality, computed from the points and their labels only:
 * silhouette (exact, or on a random sample for large n), Davies-Bouldin, Calinski-Harabasz and the
 * within-cluster sum of squares. They equal scikit-learn's {@code silhouette_score},
 * {@code davies_bouldin_score} and {@code calinski_harabasz_score} on the same labels.
 *
 * <p>Two ways in: one static method per measure ({@link #silhouette}, {@link #daviesBouldin}, ...), which
 * refuse labellings where the measure is undefined, and {@link #compute}, which measures a clustering at once
 * (sizes, noise, within-cluster sum of squares, and each score where it is defined) and returns it as an
 * instance of this class, with a one-line {@link #toString()}.
 *
 * <p>Labels are cluster indices {@code >= 0} or -1 for noise (as {@code DbscanModel} gives them);
 * <b>noise points are left out</b> of every measure, where scikit-learn would treat -1 as one more
 * cluster. Label values need not be contiguous. The scores need between 2 and m - 1 clusters among the
 * m points that are not noise. Points are compared as given: pass the scaled features a model clustered
 * ({@code model.scaling().apply(raw)}). Instances are immutable.
 */
public final class ClusterQuality {

    private final int[] sizes;
    private final int noise;
    private final double withinSumOfSquares;
    private final double silhouette;        // NaN when undefined (never returned as such)
    private final int silhouettePoints;
    private final boolean sampled;
    private final double daviesBouldin;
    private final double calinskiHarabasz;

    private ClusterQuality(int[] sizes, int noise, double withinSumOfSquares, double silhouette, int silhouettePoints,
                           boolean sampled, double daviesBouldin, double calinskiHarabasz) {
        this.sizes = sizes;
        this.noise = noise;
        this.withinSumOfSquares = withinSumOfSquares;
        this.silhouette = silhouette;
        this.silhouettePoints = silhouettePoints;
        this.sampled = sampled;
        this.daviesBouldin = daviesBouldin;
        this.calinskiHarabasz = calinskiHarabasz;
    }

    /**
     * Measures a clustering: points per label, noise, the within-cluster sum of squares, and, when the labels
     * give 2 to m - 1 clusters among the m points that are not noise, the silhouette (exact up to
     * {@code silhouetteSample} points, else on a sample of that many drawn with {@code seed}), Davies-Bouldin and
     * Calinski-Harabasz. O(m^2 d) for an exact silhouette, O(s^2 d) on a sample of s; O(n d) otherwise.
     *
     * @param x                read: the clustered points
     * @param labels           read: one per point, -1 for noise
     * @param silhouetteSample exact silhouette up to this many points that are not noise, else on a sample of
     *                         this size; at least 2
     * @param seed             seed of the silhouette sample
     * @param threads          threads of the silhouette, at least 1; the result does not depend on it
     * @return the measures of the clustering
     * @throws IllegalArgumentException on labels of the wrong length or below -1, a sample below 2 or threads
     *                                  below 1
     */
    public static ClusterQuality compute(DenseMatrix x, int[] labels, int silhouetteSample, long seed, int threads) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(labels, "labels");
        if (silhouetteSample < 2) {
            throw new IllegalArgumentException("silhouetteSample must be at least 2, got " + silhouetteSample);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        int[] sizes = new int[Checks.labels(labels, x.rows())];
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
        int m = x.rows() - noise;
        double within = withinSumOfSquares(x, labels);
        if (used < 2 || used > m - 1) {
            return new ClusterQuality(sizes, noise, within, Double.NaN, 0, false, Double.NaN, Double.NaN);
        }
        boolean sampled = m > silhouetteSample;
        double s = sampled ? sampledSilhouette(x, labels, silhouetteSample, seed, threads)
                : silhouette(x, labels, threads);
        return new ClusterQuality(sizes, noise, within, s, Math.min(m, silhouetteSample), sampled,
                daviesBouldin(x, labels), calinskiHarabasz(x, labels));
    }

    /** {@return points per label value {@code 0 .. max label}, noise not included; a copy} */
    public int[] sizes() {
        return sizes.clone();
    }

    /** {@return points labelled -1} */
    public int noise() {
        return noise;
    }

    /** {@return the within-cluster sum of squared distances to the cluster means, noise excluded} */
    public double withinSumOfSquares() {
        return withinSumOfSquares;
    }

    /** {@return the mean silhouette, empty when fewer than 2 or more than m - 1 clusters make it undefined} */
    public OptionalDouble silhouette() {
        return optional(silhouette);
    }

    /** {@return points the silhouette was computed on; 0 when it is undefined} */
    public int silhouettePoints() {
        return silhouettePoints;
    }

    /** {@return whether the silhouette is an estimate on a sample} */
    public boolean sampled() {
        return sampled;
    }

    /** {@return the Davies-Bouldin index, empty when undefined} */
    public OptionalDouble daviesBouldin() {
        return optional(daviesBouldin);
    }

    /** {@return the Calinski-Harabasz index, empty when undefined} */
    public OptionalDouble calinskiHarabasz() {
        return optional(calinskiHarabasz);
    }

    private static OptionalDouble optional(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Equal sizes, noise and measures (bit for bit). */
    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterQuality q && Arrays.equals(sizes, q.sizes) && noise == q.noise
                && Double.compare(withinSumOfSquares, q.withinSumOfSquares) == 0
                && Double.compare(silhouette, q.silhouette) == 0 && silhouettePoints == q.silhouettePoints
                && sampled == q.sampled && Double.compare(daviesBouldin, q.daviesBouldin) == 0
                && Double.compare(calinskiHarabasz, q.calinskiHarabasz) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(sizes), noise, withinSumOfSquares, silhouette, daviesBouldin,
                calinskiHarabasz);
    }

    /** One line: sizes, noise, within-cluster sum of squares and the scores ({@code n/a} where undefined). */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "sizes %s, noise %,d, within-cluster SS %.2f, silhouette %s%s, "
                        + "Davies-Bouldin %s, Calinski-Harabasz %s", Arrays.toString(sizes), noise, withinSumOfSquares,
                text(silhouette, "%.4f"), sampled ? " (on " + silhouettePoints + " sampled points)" : "",
                text(daviesBouldin, "%.4f"), text(calinskiHarabasz, "%.1f"));
    }

    private static String text(double v, String format) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, format, v);
    }

    /**
     * {@return the mean silhouette over all points (Rousseeuw 1987), in [-1, 1]; higher is better} Exact:
     * O(m^2 d) time, O(m) memory, parallel over fixed blocks (the result does not depend on
     * {@code threads}).
     *
     * @param x           read
     * @param labels      read: one per point, -1 for noise
     * @param threads     threads, at least 1
     * @throws IllegalArgumentException if the labels do not give 2 to m - 1 clusters
     */
    public static double silhouette(DenseMatrix x, int[] labels, int threads) {
        Partition p = partition(x, labels, "silhouette");
        double[] s;
        try (Workers workers = Workers.create(threads)) {
            s = Silhouettes.of(x, p, workers);
        }
        return mean(s);
    }

    /**
     * The silhouette of each point (0 for noise points, which have none); scikit-learn's
     * {@code silhouette_samples}. O(m^2 d).
     *
     * @param x           read
     * @param labels      read: one per point, -1 for noise
     * @param threads     threads, at least 1
     * @return a new array of n values in [-1, 1]
     */
    public static double[] silhouetteSamples(DenseMatrix x, int[] labels, int threads) {
        Partition p = partition(x, labels, "silhouette");
        double[] s;
        try (Workers workers = Workers.create(threads)) {
            s = Silhouettes.of(x, p, workers);
        }
        double[] out = new double[x.rows()];
        for (int i = 0; i < p.rows.length; i++) {
            out[p.rows[i]] = s[i];
        }
        return out;
    }

    /**
     * {@return the mean silhouette of a uniform random sample of {@code sampleSize} points, computed within the
     * sample (scikit-learn's {@code silhouette_score(..., sample_size=s)}): an estimate of the exact
     * value for large n at O(s^2 d) cost} With {@code sampleSize >= m} it is the exact silhouette.
     *
     * @param x           read
     * @param labels      read: one per point, -1 for noise (noise is dropped before sampling)
     * @param sampleSize  points drawn without replacement, at least 2
     * @param seed        seed of the draw
     * @param threads     threads, at least 1
     * @throws IllegalArgumentException if the sample does not hold 2 to s - 1 clusters
     */
    public static double sampledSilhouette(DenseMatrix x, int[] labels, int sampleSize, long seed, int threads) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(labels, "labels");
        if (sampleSize < 2) {
            throw new IllegalArgumentException("sampleSize must be at least 2, got " + sampleSize);
        }
        int values = Checks.labels(labels, x.rows());
        int m = 0;
        for (int l : labels) {
            if (l >= 0) {
                m++;
            }
        }
        if (sampleSize >= m) {
            return silhouette(x, labels, threads);
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
        int[] rows = Arrays.copyOf(kept, sampleSize);
        Arrays.sort(rows);
        int[] sampleLabels = new int[sampleSize];
        for (int i = 0; i < sampleSize; i++) {
            sampleLabels[i] = labels[rows[i]];
        }
        assert values > 0;
        return silhouette(x.selectRows(rows), sampleLabels, threads);
    }

    /**
     * {@return the Davies-Bouldin index (Davies and Bouldin, IEEE PAMI 1979): the mean over clusters of the
     * largest {@code (s_i + s_j) / d(c_i, c_j)}, s being the mean distance of a cluster's points to its
     * centroid; 0 is best} As scikit-learn: 0 when all s or all centroid distances are within 1e-8 of 0,
     * and coincident centroids are ignored. O(n d + k^2 d).
     *
     * @param x      read
     * @param labels read: one per point, -1 for noise
     * @throws IllegalArgumentException if the labels do not give 2 to m - 1 clusters
     */
    public static double daviesBouldin(DenseMatrix x, int[] labels) {
        Partition p = partition(x, labels, "Davies-Bouldin");
        int k = p.k;
        int d = p.d;
        double[] scatter = new double[k];
        for (int i = 0; i < p.rows.length; i++) {
            int c = p.cluster[i];
            scatter[c] += Math.sqrt(SquaredEuclidean.distance(x, p.rows[i] * d, p.centroids, c * d, d));
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
     * {@return the Calinski-Harabasz index (variance ratio criterion; Calinski and Harabasz, Comm} Statistics
     * 1974): {@code [B / (k - 1)] / [W / (m - k)]} with B the between-cluster and W the within-cluster
     * sum of squares; higher is better; 1 when W = 0, as scikit-learn. O(n d).
     *
     * @param x      read
     * @param labels read: one per point, -1 for noise
     * @throws IllegalArgumentException if the labels do not give 2 to m - 1 clusters
     */
    public static double calinskiHarabasz(DenseMatrix x, int[] labels) {
        Partition p = partition(x, labels, "Calinski-Harabasz");
        int d = p.d;
        int m = p.size();
        double[] mean = new double[d];
        for (int r : p.rows) {
            for (int q = 0; q < d; q++) {
                mean[q] += x.valueAt(r * d + q);
            }
        }
        for (int q = 0; q < d; q++) {
            mean[q] /= m;
        }
        double between = 0;
        for (int c = 0; c < p.k; c++) {
            between += p.sizes[c] * SquaredEuclidean.distance(p.centroids, c * d, mean, 0, d);
        }
        double within = within(x, p);
        return within == 0.0 ? 1.0 : between * (m - p.k) / (within * (p.k - 1.0));
    }

    /**
     * {@return the within-cluster sum of squared distances to the cluster means (the k-means objective of a
     * labelling), noise excluded; 0 if every point is noise} O(n d).
     *
     * @param x      read
     * @param labels read: one per point, -1 for noise
     */
    public static double withinSumOfSquares(DenseMatrix x, int[] labels) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(labels, "labels");
        int values = Checks.labels(labels, x.rows());
        return within(x, new Partition(x, labels, values));
    }

    private static double within(DenseMatrix x, Partition p) {
        double w = 0;
        int d = p.d;
        for (int i = 0; i < p.rows.length; i++) {
            w += SquaredEuclidean.distance(x, p.rows[i] * d, p.centroids, p.cluster[i] * d, d);
        }
        return w;
    }

    private static Partition partition(DenseMatrix x, int[] labels, String measure) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(labels, "labels");
        int values = Checks.labels(labels, x.rows());
        Partition p = new Partition(x, labels, values);
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
