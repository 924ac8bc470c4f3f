package dev.retention.evaluation;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Pearson's and Spearman's correlation of two samples, as SciPy's {@code pearsonr} and {@code spearmanr}: how
 * well a model's scores follow a truth (the synthetic shop's true purchase rates, spend or CLV). Undefined
 * correlations (fewer than two values, or a constant side, where SciPy returns NaN) are empty, never NaN.
 * O(n) for Pearson, O(n log n) for Spearman.
 */
public final class Correlation {

    private Correlation() {
    }

    /**
     * Pearson's product-moment correlation, two passes (means, then centred sums).
     *
     * @param a read: finite values
     * @param b read: finite values, as many as {@code a}
     * @return empty when there are fewer than two values or either side is constant
     * @throws IllegalArgumentException if the lengths differ or a value is not finite (its side and index named)
     */
    public static OptionalDouble pearson(double[] a, double[] b) {
        check(a, b);
        int n = a.length;
        if (n < 2) {
            return OptionalDouble.empty();
        }
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (saa == 0 || sbb == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb))));
    }

    /**
     * Spearman's rank correlation: Pearson's correlation of the mid-ranks ({@link #midRanks}).
     *
     * @param a read: finite values
     * @param b read: finite values, as many as {@code a}
     * @return empty when there are fewer than two values or either side is constant
     * @throws IllegalArgumentException if the lengths differ or a value is not finite
     */
    public static OptionalDouble spearman(double[] a, double[] b) {
        check(a, b);
        return pearson(midRanks(a), midRanks(b));
    }

    /**
     * Ranks 1..n in increasing order of value, tied values sharing the mean of their ranks (SciPy's
     * {@code rankdata(method="average")}). O(n log n).
     *
     * @param x read: finite values
     * @return a new array
     * @throws IllegalArgumentException if a value is not finite
     */
    public static double[] midRanks(double[] x) {
        Objects.requireNonNull(x, "x");
        double[] sorted = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("x[" + i + "] must be finite, got " + x[i]);
            }
            sorted[i] = x[i] == 0 ? 0.0 : x[i];
        }
        Arrays.sort(sorted);
        double[] rank = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i] == 0 ? 0.0 : x[i];
            int below = RocAuc.lowerBound(sorted, v);
            int upTo = RocAuc.lowerBound(sorted, Math.nextUp(v));
            rank[i] = (below + 1 + upTo) / 2.0;
        }
        return rank;
    }

    private static void check(double[] a, double[] b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.length != b.length) {
            throw new IllegalArgumentException("a and b must have the same length, got " + a.length + " and "
                    + b.length);
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException("a[" + i + "] must be finite, got " + a[i]);
            }
            if (!Double.isFinite(b[i])) {
                throw new IllegalArgumentException("b[" + i + "] must be finite, got " + b[i]);
            }
        }
    }
}
