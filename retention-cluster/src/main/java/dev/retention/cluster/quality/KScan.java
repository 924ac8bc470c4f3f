package dev.retention.cluster.quality;

import dev.retention.cluster.internal.Checks;
import dev.retention.cluster.kmeans.KMeans;
import dev.retention.cluster.kmeans.KMeansModel;
import dev.retention.cluster.kmeans.KMeansOptions;
import dev.retention.matrix.DenseMatrix;
import dev.retention.matrix.FeatureScaling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Objects;

/**
 * Choosing the number of clusters: inertia and silhouette of k-means for a range of k
 * ({@link #compute(DenseMatrix, int, int, KMeansOptions, int)}), with the two usual choices of k: the
 * {@linkplain #bestBySilhouette() highest silhouette} and the {@linkplain #elbow() elbow} of the inertia
 * curve. Immutable.
 */
public final class KScan {

    private static final Logger LOG = LoggerFactory.getLogger(KScan.class);

    private final int kMin;
    private final double[] inertia;
    private final double[] silhouette;
    private final boolean[] converged;
    private final int silhouettePoints;

    private KScan(int kMin, double[] inertia, double[] silhouette, boolean[] converged, int silhouettePoints) {
        this.kMin = kMin;
        this.inertia = inertia;
        this.silhouette = silhouette;
        this.converged = converged;
        this.silhouettePoints = silhouettePoints;
    }

    /**
     * Fits k-means for each k in {@code [kMin, kMax]} with the given options (their k is replaced) and
     * measures each fit. The options' scaling is fitted once on the raw features; inertias and silhouettes are
     * in the scaled space, as the models' are. Silhouettes are exact when n is at most {@code silhouetteSample},
     * else estimated on a sample of that many points drawn with the options' seed. Cost: kMax - kMin + 1 k-means
     * fits plus O(min(n, s)^2 d) per silhouette. The silhouette of a k is reported as 0 when its labels (or its
     * silhouette sample) hold a single cluster, which only duplicate points or a tiny sample cause.
     *
     * @param x                read, not copied: the raw features
     * @param kMin             smallest k, at least 2 (the silhouette needs two clusters)
     * @param kMax             largest k, at least kMin and at most n - 1
     * @param options          read: every option but k
     * @param silhouetteSample sample size of the silhouette, at least 2
     * @return the inertia and silhouette of every k scanned
     * @throws IllegalArgumentException if the range is empty or outside [2, n - 1], or the sample below 2
     */
    public static KScan compute(DenseMatrix x, int kMin, int kMax, KMeansOptions options, int silhouetteSample) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(options, "options");
        int n = x.rows();
        if (kMin < 2) {
            throw new IllegalArgumentException("kMin must be at least 2 (the silhouette needs two clusters), got "
                    + kMin);
        }
        if (kMax < kMin || kMax > n - 1) {
            throw new IllegalArgumentException("kMax must be in [kMin=" + kMin + ", n-1=" + (n - 1) + "], got " + kMax);
        }
        if (silhouetteSample < 2) {
            throw new IllegalArgumentException("silhouetteSample must be at least 2, got " + silhouetteSample);
        }
        DenseMatrix z = FeatureScaling.fit(x, options.scaling()).apply(x);   // once, not once per k
        Checks.magnitudes(z, options.scaling().toString());
        KMeansOptions scaled = options.withScaling(FeatureScaling.Kind.NONE);
        int count = kMax - kMin + 1;
        double[] inertia = new double[count];
        double[] silhouette = new double[count];
        boolean[] converged = new boolean[count];
        for (int i = 0; i < count; i++) {
            int k = kMin + i;
            KMeansModel model = KMeans.fit(z, scaled.withK(k));
            inertia[i] = model.inertia();
            converged[i] = model.fitSummary().converged();
            int[] labels = model.labels();
            if (distinct(labels, k) < 2) {
                silhouette[i] = 0;              // duplicate points collapsed the fit into one cluster
            } else if (n <= silhouetteSample) {
                silhouette[i] = ClusterQuality.silhouette(z, labels, options.threads());
            } else {
                try {
                    silhouette[i] = ClusterQuality.sampledSilhouette(z, labels, silhouetteSample, options.seed(),
                            options.threads());
                } catch (IllegalArgumentException e) {
                    LOG.warn("k={}: the silhouette sample holds a single cluster; reporting 0", k);
                    silhouette[i] = 0;
                }
            }
            LOG.info("k={}: inertia {}, silhouette {}", k, inertia[i], silhouette[i]);
        }
        return new KScan(kMin, inertia, silhouette, converged, n > silhouetteSample ? silhouetteSample : n);
    }

    private static int distinct(int[] labels, int k) {
        boolean[] seen = new boolean[k];
        int c = 0;
        for (int l : labels) {
            if (!seen[l]) {
                seen[l] = true;
                c++;
            }
        }
        return c;
    }

    /** {@return the smallest k scanned} */
    public int kMin() {
        return kMin;
    }

    /** {@return the largest k scanned} */
    public int kMax() {
        return kMin + inertia.length - 1;
    }

    /** {@return the k values scanned, increasing} */
    public int[] ks() {
        int[] ks = new int[inertia.length];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = kMin + i;
        }
        return ks;
    }

    /** {@return the inertia of the best restart for each k; a copy} */
    public double[] inertias() {
        return inertia.clone();
    }

    /** {@return the mean silhouette for each k (on a sample when n was large); a copy} */
    public double[] silhouettes() {
        return silhouette.clone();
    }

    /** {@return whether each k's kept restart converged; a copy} */
    public boolean[] converged() {
        return converged.clone();
    }

    /** {@return the number of points the silhouettes were computed on} */
    public int silhouettePoints() {
        return silhouettePoints;
    }

    /**
     * {@return the inertia for one k}
     *
     * @param k a scanned number of clusters, in [kMin, kMax]
     * @throws IllegalArgumentException if k was not scanned
     */
    public double inertia(int k) {
        return inertia[index(k)];
    }

    /**
     * {@return the silhouette for one k}
     *
     * @param k a scanned number of clusters, in [kMin, kMax]
     * @throws IllegalArgumentException if k was not scanned
     */
    public double silhouette(int k) {
        return silhouette[index(k)];
    }

    private int index(int k) {
        if (k < kMin || k > kMax()) {
            throw new IllegalArgumentException("k must be in [" + kMin + ", " + kMax() + "], got " + k);
        }
        return k - kMin;
    }

    /** {@return the k with the highest silhouette (the smallest such k on ties)} */
    public int bestBySilhouette() {
        int best = 0;
        for (int i = 1; i < silhouette.length; i++) {
            if (silhouette[i] > silhouette[best]) {
                best = i;
            }
        }
        return kMin + best;
    }

    /**
     * {@return the elbow of the inertia curve: with k and inertia scaled to [0, 1], the k farthest below the chord
     * from the first to the last point (the knee of a convex decreasing curve in Satopää, Albrecht, Irwin
     * and Raghavan, "Finding a 'kneedle' in a haystack", ICDCS workshops 2011)} The smallest k when the
     * curve is flat or fewer than three k were scanned.
     */
    public int elbow() {
        int m = inertia.length;
        if (m < 3) {
            return kMin;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : inertia) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (!(hi > lo)) {
            return kMin;
        }
        int best = 0;
        double bestGap = 0;
        for (int i = 0; i < m; i++) {
            double xn = i / (double) (m - 1);
            double yn = (inertia[i] - lo) / (hi - lo);
            double gap = (1 - xn) - yn;
            if (gap > bestGap) {
                bestGap = gap;
                best = i;
            }
        }
        return kMin + best;
    }

    /** One row per k: inertia and silhouette, with the elbow and the best silhouette marked. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "k-means scan k=%d..%d (silhouette on %,d points): elbow k=%d, best silhouette k=%d%n", kMin, kMax(),
                silhouettePoints, elbow(), bestBySilhouette()));
        sb.append(String.format(Locale.ROOT, "%4s %16s %12s%n", "k", "inertia", "silhouette"));
        int elbow = elbow();
        int best = bestBySilhouette();
        for (int i = 0; i < inertia.length; i++) {
            int k = kMin + i;
            sb.append(String.format(Locale.ROOT, "%4d %16.4f %12.4f%s%s%s%n", k, inertia[i], silhouette[i],
                    k == elbow ? "  elbow" : "", k == best ? "  best silhouette" : "",
                    converged[i] ? "" : "  (not converged)"));
        }
        return sb.toString();
    }
}
