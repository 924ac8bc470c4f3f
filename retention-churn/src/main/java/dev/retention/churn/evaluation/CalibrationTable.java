package dev.retention.churn.evaluation;

import java.util.Arrays;
import java.util.Locale;

/**
 * A reliability table: predicted probabilities grouped into bins, with the mean prediction and the
 * observed share of positives of each bin, as scikit-learn's {@code calibration_curve}, plus the counts
 * and the expected calibration error {@code sum_b (n_b / n) |observed_b - predicted_b|}.
 *
 * <p>Bin edges are {@code 0, 1/b, ..., 1} ({@link Strategy#UNIFORM}) or the {@code 0, 1/b, ..., 1}
 * quantiles of the predictions with linear interpolation ({@link Strategy#QUANTILE}, NumPy's
 * {@code percentile}). A probability {@code p} falls in the first bin whose upper inner edge is
 * {@code >= p} (NumPy {@code searchsorted(inner_edges, p)}, left side). Empty bins are left out of the
 * table, as scikit-learn does.
 */
public final class CalibrationTable {

    /** How bin edges are placed. */
    public enum Strategy {
        /** Equal-width bins over [0, 1]. */
        UNIFORM,
        /** Bins holding (about) equal numbers of predictions. */
        QUANTILE
    }

    private final double[] lower;
    private final double[] upper;
    private final long[] count;
    private final double[] meanPredicted;
    private final double[] observed;
    private final double ece;

    private CalibrationTable(double[] lower, double[] upper, long[] count, double[] meanPredicted, double[] observed,
                             double ece) {
        this.lower = lower;
        this.upper = upper;
        this.count = count;
        this.meanPredicted = meanPredicted;
        this.observed = observed;
        this.ece = ece;
    }

    /**
     * Builds the table. O(n log n) for quantile bins, O(n log b) for uniform bins.
     *
     * @param labels        read: 0 or 1
     * @param probabilities read: probabilities of class 1 in [0, 1]
     * @param bins          number of bins, &gt;= 1
     * @param strategy      how edges are placed
     * @return the calibration table, one row per non-empty bin
     */
    public static CalibrationTable compute(int[] labels, double[] probabilities, int bins, Strategy strategy) {
        BinaryLabels.checkProbabilities(labels, probabilities);
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        java.util.Objects.requireNonNull(strategy, "strategy");
        int n = labels.length;
        double[] edges = new double[bins + 1];
        if (strategy == Strategy.UNIFORM) {
            double step = 1.0 / bins;   // numpy linspace: b * step, the last edge set to 1
            for (int b = 0; b <= bins; b++) {
                edges[b] = b * step;
            }
            edges[bins] = 1.0;
        } else {
            double[] sorted = probabilities.clone();
            Arrays.sort(sorted);
            for (int b = 0; b <= bins; b++) {
                edges[b] = percentile(sorted, 100.0 * b / bins);
            }
        }
        long[] cnt = new long[bins];
        double[] sumP = new double[bins];
        double[] sumY = new double[bins];
        for (int i = 0; i < n; i++) {
            double p = probabilities[i];
            int b = searchLeft(edges, 1, bins, p) - 1;   // index among the inner edges edges[1..bins-1]
            cnt[b]++;
            sumP[b] += p;
            sumY[b] += labels[i];
        }
        int nonEmpty = 0;
        for (long c : cnt) {
            if (c > 0) {
                nonEmpty++;
            }
        }
        double[] lo = new double[nonEmpty];
        double[] hi = new double[nonEmpty];
        long[] c = new long[nonEmpty];
        double[] mp = new double[nonEmpty];
        double[] ob = new double[nonEmpty];
        double ece = 0;
        int k = 0;
        for (int b = 0; b < bins; b++) {
            if (cnt[b] > 0) {
                lo[k] = edges[b];
                hi[k] = edges[b + 1];
                c[k] = cnt[b];
                mp[k] = sumP[b] / cnt[b];
                ob[k] = sumY[b] / cnt[b];
                ece += (double) cnt[b] / n * Math.abs(ob[k] - mp[k]);
                k++;
            }
        }
        return new CalibrationTable(lo, hi, c, mp, ob, ece);
    }

    /** 1 + the number of inner edges edges[1..bins-1] strictly below p (numpy searchsorted, side left). */
    private static int searchLeft(double[] edges, int from, int to, double p) {
        int lo = from;
        int hi = to;           // search in edges[from, to)
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] < p) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** NumPy's default (linear) percentile of sorted values. */
    private static double percentile(double[] sorted, double q) {
        int n = sorted.length;
        double pos = q / 100.0 * (n - 1);
        int i = (int) Math.floor(pos);
        if (i >= n - 1) {
            return sorted[n - 1];
        }
        double frac = pos - i;
        return sorted[i] + frac * (sorted[i + 1] - sorted[i]);
    }

    /** {@return the number of non-empty bins (rows of the table)} */
    public int size() {
        return count.length;
    }

    /**
     * {@return the lower edge of row {@code k}}
     *
     * @param k row, in [0, size())
     */
    public double lower(int k) {
        return lower[k];
    }

    /**
     * {@return the upper edge of row {@code k}}
     *
     * @param k row, in [0, size())
     */
    public double upper(int k) {
        return upper[k];
    }

    /**
     * {@return predictions in row {@code k}}
     *
     * @param k row, in [0, size())
     */
    public long count(int k) {
        return count[k];
    }

    /** {@return the mean predicted probabilities per row ({@code prob_pred} of scikit-learn); a copy} */
    public double[] meanPredicted() {
        return meanPredicted.clone();
    }

    /** {@return the observed share of positives per row ({@code prob_true} of scikit-learn); a copy} */
    public double[] observed() {
        return observed.clone();
    }

    /** {@return the expected calibration error: the count-weighted mean of |observed - predicted| over the bins} */
    public double expectedCalibrationError() {
        return ece;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-15s %10s %10s %10s%n", "bin", "count", "predicted", "observed"));
        for (int k = 0; k < count.length; k++) {
            sb.append(String.format(Locale.ROOT, "(%.3f, %.3f] %,10d %10.4f %10.4f%n", lower[k], upper[k], count[k],
                    meanPredicted[k], observed[k]));
        }
        sb.append(String.format(Locale.ROOT, "expected calibration error %.4f%n", ece));
        return sb.toString();
    }
}
