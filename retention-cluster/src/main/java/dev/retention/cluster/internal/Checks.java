package dev.retention.cluster.internal;

import dev.retention.matrix.DenseMatrix;

import java.util.Locale;

/**
 * Argument checks shared by the clustering facades, with the messages the library promises: the
 * parameter, the value and what was expected.
 */
public final class Checks {

    /**
     * The largest magnitude of a (scaled) feature value a fit takes: squared distances of points up to this size
     * stay finite in any dimension below 10^7, and their sums over millions of points too.
     */
    public static final double MAX_MAGNITUDE = 1e100;

    /**
     * The smallest largest-magnitude a fit takes when the values are not all zero: below it, squared differences
     * fall into the subnormal range and lose their digits (or become 0), so that distinct points look equal.
     */
    public static final double MIN_MAGNITUDE = 1e-100;

    /** The largest sum of sample weights: weights times squared distances then stay finite. */
    public static final double MAX_WEIGHT_SUM = 1e50;

    private Checks() {
    }

    /**
     * Checks that the points a fit clusters (after its scaling) have magnitudes where squared distances are
     * exact: none above {@link #MAX_MAGNITUDE}, and not all below {@link #MIN_MAGNITUDE} unless all zero.
     * Before this check, k-means on blobs scaled by 1e200 reported sizes 298/1/1 with an infinite inertia, and
     * scaled by 1e-300, 300/0/0.
     *
     * @param z       the points as the fit sees them
     * @param scaling the name of the scaling applied, for the message
     * @throws IllegalArgumentException naming the row, column and value, and what to do
     */
    public static void magnitudes(DenseMatrix z, String scaling) {
        int at = largestOrNonFinite(z);
        if (at < 0) {
            return;                                   // no values
        }
        int d = z.columns();
        double v = z.valueAt(at);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("the features after scaling " + scaling + " are " + v + " at row "
                    + (at / d) + ", column " + (at % d) + ": the raw values are too large for that scaling;"
                    + " rescale them first");
        }
        double max = Math.abs(v);
        if (max > MAX_MAGNITUDE || (max > 0 && max < MIN_MAGNITUDE)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the features after scaling %s reach %s in magnitude at row %d, column %d: clustering needs"
                            + " values within [%.0e, %.0e] in magnitude (unless all are 0), where squared distances"
                            + " neither overflow nor underflow; scale the features (for example with z-scores)",
                    scaling, v, at / d, at % d, MIN_MAGNITUDE, MAX_MAGNITUDE));
        }
    }

    /**
     * Checks that the rows to label or transform have magnitudes where their squared distances stay finite.
     *
     * @throws IllegalArgumentException naming the row, column and value
     */
    public static void rowMagnitudes(DenseMatrix z) {
        int at = largestOrNonFinite(z);
        if (at >= 0 && !(Math.abs(z.valueAt(at)) <= MAX_MAGNITUDE)) {
            int d = z.columns();
            throw beyondRange("x, row " + (at / d) + ", column " + (at % d), z.valueAt(at));
        }
    }

    /**
     * Checks that a point to label or transform has magnitudes where its squared distances stay finite.
     *
     * @throws IllegalArgumentException naming the column and value
     */
    public static void pointMagnitude(double[] point, String name) {
        for (int j = 0; j < point.length; j++) {
            if (!(Math.abs(point[j]) <= MAX_MAGNITUDE)) {
                throw beyondRange(name + ", column " + j, point[j]);
            }
        }
    }

    /** The position of the first non-finite value, else of the largest magnitude; -1 for no values. */
    private static int largestOrNonFinite(DenseMatrix z) {
        int size = z.rows() * z.columns();            // a DenseMatrix holds at most Integer.MAX_VALUE values
        int at = -1;
        double max = -1;
        for (int p = 0; p < size; p++) {
            double a = Math.abs(z.valueAt(p));
            if (!(a <= Double.MAX_VALUE)) {
                return p;
            }
            if (a > max) {
                max = a;
                at = p;
            }
        }
        return at;
    }

    private static IllegalArgumentException beyondRange(String where, double v) {
        return new IllegalArgumentException(where + " is " + v + " after scaling; values beyond +-" + MAX_MAGNITUDE
                + " make squared distances overflow");
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
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!(w[i] > 0) || !Double.isFinite(w[i])) {
                throw new IllegalArgumentException("sampleWeights[" + i + "] must be finite and > 0, got " + w[i]);
            }
            sum += w[i];
        }
        if (!(sum <= MAX_WEIGHT_SUM)) {
            throw new IllegalArgumentException("sampleWeights sum to " + sum + ", more than " + MAX_WEIGHT_SUM
                    + ": weighted sums of the points would overflow; divide the weights by their largest (a common"
                    + " factor does not change the clustering)");
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
