package dev.retention.churn.internal;

/**
 * The split search of a CART node on one feature, the inner kernel of {@link CartBuilder}: gather the
 * feature's values of the node's rows, sort them with the row indexes ({@link PairSort}), then scan every
 * cut between two distinct values (more than {@link #FEATURE_THRESHOLD} apart) leaving at least
 * {@code minLeaf} rows on each side, updating the left child's weighted class counts incrementally and
 * scoring each cut by scikit-learn's impurity proxy ({@code -wR impR - wL impL}, Gini or entropy).
 * O(n log n) for the sort and O(n) for the scan; no allocation.
 */
public final class SplitSearch {

    /** Values closer than this are one value, as scikit-learn's {@code FEATURE_THRESHOLD}. */
    public static final double FEATURE_THRESHOLD = 1e-7;

    private SplitSearch() {
    }

    /** The best cut found so far; written by {@link #scan}. */
    public static final class Best {
        /** Feature of the best cut, -1 when none. */
        public int feature = -1;
        /** Its threshold (rows with a value at most it go left). */
        public double threshold;
        /** Its impurity proxy (larger is better). */
        public double proxy = Double.NEGATIVE_INFINITY;
        /** Weighted count of class 0 on the left. */
        public double w0Left;
        /** Weighted count of class 1 on the left. */
        public double w1Left;

        /** Forgets the best cut. */
        public void reset() {
            feature = -1;
            proxy = Double.NEGATIVE_INFINITY;
        }
    }

    /**
     * Copies feature {@code f} of rows {@code samples[start, end)} into {@code xf[start, end)} and sorts both
     * by value. Returns false when the feature is constant over these rows (within the threshold).
     *
     * @param columns the features column-major: feature {@code f} of row {@code i} at {@code f * n + i}, so
     *                that the gather reads one column, not one cache line per row
     * @param n       the number of rows
     */
    public static boolean gatherAndSort(double[] columns, int n, int f, int[] samples, double[] xf, int start, int end) {
        int base = f * n;
        for (int k = start; k < end; k++) {
            xf[k] = columns[base + samples[k]];
        }
        PairSort.sort(xf, samples, start, end);
        return xf[end - 1] > xf[start] + FEATURE_THRESHOLD;
    }

    /**
     * Scans the sorted rows {@code [start, end)} of feature {@code f} and updates {@code best} when a cut
     * beats it (strictly: the first best cut wins).
     *
     * @param xf      the sorted values
     * @param samples the row indexes in the same order
     * @param y       labels 0 or 1 by row
     * @param w       row weights, or {@code null} for all 1
     * @param w0      the node's weighted count of class 0
     * @param w1      the node's weighted count of class 1
     * @param entropy entropy instead of Gini
     * @param minLeaf rows each side must keep
     */
    public static void scan(double[] xf, int[] samples, int start, int end, int[] y, double[] w, double w0, double w1,
                            boolean entropy, int minLeaf, int f, Best best) {
        double l0 = 0;
        double l1 = 0;
        int pos = start;
        int next = start;
        while (true) {
            while (next + 1 < end && xf[next + 1] <= xf[next] + FEATURE_THRESHOLD) {
                next++;
            }
            next++;
            if (next >= end) {
                return;
            }
            for (; pos < next; pos++) {
                int s = samples[pos];
                double ws = w == null ? 1.0 : w[s];
                if (y[s] == 1) {
                    l1 += ws;
                } else {
                    l0 += ws;
                }
            }
            if (next - start < minLeaf || end - next < minLeaf) {
                continue;
            }
            double r0 = w0 - l0;
            double r1 = w1 - l1;
            double wl = l0 + l1;
            double wr = r0 + r1;
            double proxy;
            if (!entropy) {
                // scikit-learn's Gini proxy, evaluated the same way so that exact ties round alike
                double giniL = 1.0 - (l0 * l0 + l1 * l1) / (wl * wl);
                double giniR = 1.0 - (r0 * r0 + r1 * r1) / (wr * wr);
                proxy = -wr * giniR - wl * giniL;
            } else {
                proxy = -(wl * entropy(l0, l1) + wr * entropy(r0, r1));
            }
            if (proxy > best.proxy) {
                best.proxy = proxy;
                best.feature = f;
                double t = xf[next - 1] / 2.0 + xf[next] / 2.0;
                if (t == xf[next] || Double.isInfinite(t)) {
                    t = xf[next - 1];
                }
                best.threshold = t;
                best.w0Left = l0;
                best.w1Left = l1;
            }
        }
    }

    /** Gini impurity of weighted class counts. */
    public static double gini(double w0, double w1) {
        double t = w0 + w1;
        if (t <= 0) {
            return 0;
        }
        double a = w0 / t;
        double b = w1 / t;
        return 1 - (a * a + b * b);
    }

    /** Entropy in bits of weighted class counts. */
    public static double entropy(double w0, double w1) {
        double t = w0 + w1;
        if (t <= 0) {
            return 0;
        }
        double a = w0 / t;
        double b = w1 / t;
        double e = 0;
        if (a > 0) {
            e -= a * Math.log(a);
        }
        if (b > 0) {
            e -= b * Math.log(b);
        }
        return e / Math.log(2);
    }
}
