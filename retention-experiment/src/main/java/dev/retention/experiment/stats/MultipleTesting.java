package dev.retention.experiment.stats;

import dev.retention.primitive.IndirectSort;

import java.util.Objects;

/**
 * Adjusted p-values for a family of tests, as {@code statsmodels.stats.multitest.multipletests} with
 * {@code method='holm'} and {@code 'bonferroni'}: Bonferroni {@code min(1, m p_i)}; Holm's step-down
 * {@code max_{j <= i} min(1, (m - j + 1) p_(j))} over the p-values in increasing order (Holm 1979,
 * <i>Scandinavian Journal of Statistics</i> 6, 65-70). Both control the family-wise error rate; Holm is never
 * larger than Bonferroni and never smaller than the raw p-value. O(m log m).
 */
public final class MultipleTesting {

    private MultipleTesting() {
    }

    /**
     * {@return Bonferroni-adjusted p-values, in the input order}
     *
     * @param pValues read: p-values in [0, 1], at least one
     * @throws IllegalArgumentException if empty or a value is outside [0, 1]
     */
    public static double[] bonferroni(double[] pValues) {
        check(pValues);
        double[] out = new double[pValues.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.min(1, pValues[i] * pValues.length);
        }
        return out;
    }

    /**
     * {@return Holm-adjusted p-values, in the input order}
     *
     * @param pValues read: p-values in [0, 1], at least one
     * @throws IllegalArgumentException if empty or a value is outside [0, 1]
     */
    public static double[] holm(double[] pValues) {
        check(pValues);
        int m = pValues.length;
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        IndirectSort.sortByKey(order, pValues);
        double[] out = new double[m];
        double running = 0;
        for (int j = 0; j < m; j++) {
            double adjusted = Math.min(1, (m - j) * pValues[order[j]]);
            running = Math.max(running, adjusted);
            out[order[j]] = running;
        }
        return out;
    }

    private static void check(double[] p) {
        Objects.requireNonNull(p, "pValues");
        if (p.length == 0) {
            throw new IllegalArgumentException("pValues must hold at least one p-value");
        }
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("p-value " + i + " must be in [0, 1], got " + p[i]);
            }
        }
    }
}
