package dev.retention.cluster.quality;

import dev.retention.cluster.Points;
import dev.retention.cluster.kmeans.KMeans;
import dev.retention.cluster.kmeans.KMeansModel;
import dev.retention.cluster.kmeans.KMeansOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * Choosing the number of clusters: fits k-means for every k in a range and reports inertia and
 * silhouette per k, for the elbow and the silhouette choice. The entry point is
 * {@link #scan(Points, int, int, KMeansOptions, int)}.
 */
public final class KSelection {

    private static final Logger LOG = LoggerFactory.getLogger(KSelection.class);

    private KSelection() {
    }

    /**
     * Fits k-means for each k in {@code [kMin, kMax]} with the given options (their k is replaced).
     * Silhouettes are exact when n is at most {@code silhouetteSample}, else estimated on a sample of
     * that many points drawn with the options' seed. Cost: kMax - kMin + 1 k-means fits plus
     * O(min(n, s)^2 d) per silhouette. The silhouette of a k is reported as 0 when its labels (or
     * its silhouette sample) hold a single cluster, which only duplicate points or a tiny sample cause.
     *
     * @param x                read
     * @param kMin             smallest k, at least 2 (the silhouette needs two clusters)
     * @param kMax             largest k, at least kMin and at most n - 1
     * @param options          read: every option but k
     * @param silhouetteSample sample size of the silhouette, at least 2
     * @throws IllegalArgumentException if the range is empty or outside [2, n - 1]
     */
    public static KScan scan(Points x, int kMin, int kMax, KMeansOptions options, int silhouetteSample) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(options, "options");
        int n = x.size();
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
        int count = kMax - kMin + 1;
        double[] inertia = new double[count];
        double[] silhouette = new double[count];
        boolean[] converged = new boolean[count];
        for (int i = 0; i < count; i++) {
            int k = kMin + i;
            KMeansModel model = KMeans.fit(x, options.withK(k));
            inertia[i] = model.inertia();
            converged[i] = model.summary().converged();
            int[] labels = model.labels();
            if (distinct(labels, k) < 2) {
                silhouette[i] = 0;              // duplicate points collapsed the fit into one cluster
            } else if (n <= silhouetteSample) {
                silhouette[i] = ClusterQuality.silhouette(x, labels, options.parallelism());
            } else {
                try {
                    silhouette[i] = ClusterQuality.sampledSilhouette(x, labels, silhouetteSample, options.seed(),
                            options.parallelism());
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
}
