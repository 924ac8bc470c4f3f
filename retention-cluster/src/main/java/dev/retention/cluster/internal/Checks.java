package dev.retention.cluster.internal;

/**
 * Argument checks shared by the clustering facades, with the messages the library promises: the
 * parameter, the value and what was expected.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * Checks a number of clusters against the number of points.
     *
     * @throws IllegalArgumentException if k is outside [1, n]
     */
    public static void clusterCount(int k, int n) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, n=" + n + "], got " + k);
        }
    }

    /**
     * Checks optional sample weights: null, or n finite values &gt; 0.
     *
     * @return the weights, copied, or null
     * @throws IllegalArgumentException naming the offending index and value
     */
    public static double[] weights(double[] w, int n) {
        if (w == null) {
            return null;
        }
        if (w.length != n) {
            throw new IllegalArgumentException("sampleWeights has " + w.length + " values, expected one per point (n="
                    + n + ")");
        }
        for (int i = 0; i < n; i++) {
            if (!(w[i] > 0) || !Double.isFinite(w[i])) {
                throw new IllegalArgumentException("sampleWeights[" + i + "] must be finite and > 0, got " + w[i]);
            }
        }
        return w.clone();
    }

    /**
     * Checks cluster labels: n values, each -1 (noise) or &gt;= 0.
     *
     * @return the number of label values {@code max + 1} (0 if every point is noise)
     * @throws IllegalArgumentException on a length mismatch or a label below -1
     */
    public static int labels(int[] labels, int n) {
        if (labels.length != n) {
            throw new IllegalArgumentException("labels has " + labels.length + " values, expected one per point (n="
                    + n + ")");
        }
        int max = -1;
        for (int i = 0; i < n; i++) {
            int l = labels[i];
            if (l < -1) {
                throw new IllegalArgumentException("labels[" + i + "] must be a cluster index >= 0 or -1 for noise, got "
                        + l);
            }
            if (l > max) {
                max = l;
            }
        }
        return max + 1;
    }

    /** Checks a point's length against the dimension. */
    public static void dimension(double[] point, int d, String name) {
        if (point.length != d) {
            throw new IllegalArgumentException(name + " has " + point.length + " values, expected the fitted dimension "
                    + d);
        }
    }

    /** Checks that every value of a point is finite, naming the column. */
    public static void finite(double[] point, String name) {
        for (int j = 0; j < point.length; j++) {
            if (!Double.isFinite(point[j])) {
                throw new IllegalArgumentException(name + ", column " + j + " is " + point[j]
                        + "; every value must be finite");
            }
        }
    }
}
