package dev.retention.cluster.quality;

import java.util.Locale;

/**
 * Inertia and silhouette of k-means for a range of k, from {@link KSelection#scan}, with the two usual
 * choices of k: the {@linkplain #bestBySilhouette() highest silhouette} and the
 * {@linkplain #elbow() elbow} of the inertia curve. Immutable.
 */
public final class KScan {

    private final int kMin;
    private final double[] inertia;
    private final double[] silhouette;
    private final boolean[] converged;
    private final int silhouettePoints;

    KScan(int kMin, double[] inertia, double[] silhouette, boolean[] converged, int silhouettePoints) {
        this.kMin = kMin;
        this.inertia = inertia;
        this.silhouette = silhouette;
        this.converged = converged;
        this.silhouettePoints = silhouettePoints;
    }

    /** Smallest k scanned. */
    public int kMin() {
        return kMin;
    }

    /** Largest k scanned. */
    public int kMax() {
        return kMin + inertia.length - 1;
    }

    /** The k values scanned, increasing. */
    public int[] ks() {
        int[] ks = new int[inertia.length];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = kMin + i;
        }
        return ks;
    }

    /** Inertia of the best restart for each k; a copy. */
    public double[] inertias() {
        return inertia.clone();
    }

    /** Mean silhouette for each k (on a sample when n was large); a copy. */
    public double[] silhouettes() {
        return silhouette.clone();
    }

    /** Whether each k's kept restart converged; a copy. */
    public boolean[] converged() {
        return converged.clone();
    }

    /** Number of points the silhouettes were computed on. */
    public int silhouettePoints() {
        return silhouettePoints;
    }

    /** Inertia for one k. */
    public double inertia(int k) {
        return inertia[index(k)];
    }

    /** Silhouette for one k. */
    public double silhouette(int k) {
        return silhouette[index(k)];
    }

    private int index(int k) {
        if (k < kMin || k > kMax()) {
            throw new IllegalArgumentException("k must be in [" + kMin + ", " + kMax() + "], got " + k);
        }
        return k - kMin;
    }

    /** The k with the highest silhouette (the smallest such k on ties). */
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
     * The elbow of the inertia curve: with k and inertia scaled to [0, 1], the k farthest below the chord
     * from the first to the last point (the knee of a convex decreasing curve in Satopää, Albrecht, Irwin
     * and Raghavan, "Finding a 'kneedle' in a haystack", ICDCS workshops 2011). The smallest k when the
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
