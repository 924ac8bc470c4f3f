package dev.retention.churn.explain;

import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.evaluation.RocAuc;
import dev.retention.matrix.DenseMatrix;
import dev.retention.random.Seeds;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Permutation importance (Breiman 2001; scikit-learn's {@code permutation_importance} with
 * {@code scoring="roc_auc"}): how much the ROC AUC of a fitted model on given data drops when one
 * feature's values (or one group's, permuted together row-wise, for the one-hot columns of a category)
 * are shuffled across rows, breaking their link with the label. Computed on held-out rows it measures
 * what the model relies on, free of the bias of impurity importances towards many-valued features.
 *
 * <p>Deterministic per seed: the permutation of group {@code g} in repeat {@code r} comes from the stream
 * {@code Seeds.split(Seeds.split(seed, g), r)}. Cost O(groups * repeats * n * predict); the rows are read in
 * place.
 *
 * @param names     the group names
 * @param baseline  the AUC with no feature permuted
 * @param mean      the mean drop in AUC per group
 * @param std       the standard deviation of the drop over the repeats per group
 */
@SuppressWarnings("ArrayRecordComponent") // arrays copied in and out; equals, hashCode, toString by content
public record PermutationImportance(String[] names, double baseline, double[] mean, double[] std) {

    /**
     * Copies the arrays.
     *
     * @param names    the group names
     * @param baseline the AUC with no feature permuted
     * @param mean     the mean drop in AUC per group
     * @param std      the standard deviation of the drop over the repeats per group
     */
    public PermutationImportance {
        names = names.clone();
        mean = mean.clone();
        std = std.clone();
    }

    /** {@return the group names; a copy} */
    @Override
    public String[] names() {
        return names.clone();
    }

    /** {@return the mean drop in AUC per group; a copy} */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** {@return the standard deviation of the drop per group; a copy} */
    @Override
    public double[] std() {
        return std.clone();
    }

    /**
     * Computes the importances, one group per feature.
     *
     * @param model   the fitted model
     * @param x       read: rows to evaluate on (held-out rows)
     * @param y       read: their labels, both classes present
     * @param repeats shuffles per feature, &gt;= 1
     * @param seed    seed of the shuffles
     * @return the mean and standard deviation of each feature's drop in ROC AUC
     * @throws IllegalArgumentException if the labels do not match, hold one class, or {@code repeats < 1}
     */
    public static PermutationImportance compute(ProbabilisticClassifier model, DenseMatrix x, int[] y, int repeats,
                                                long seed) {
        String[] names = x.names().toArray(String[]::new);
        int[] g = new int[names.length];
        for (int j = 0; j < g.length; j++) {
            g[j] = j;
        }
        return compute(model, x, y, g, names, repeats, seed);
    }

    /**
     * Computes the importances of groups of features.
     *
     * @param model      the fitted model
     * @param x          read: rows to evaluate on
     * @param y          read: their labels, both classes present
     * @param groupOf    read: the group of each feature, in [0, groupNames.length)
     * @param groupNames read: the name of each group
     * @param repeats    shuffles per group, &gt;= 1
     * @param seed       seed of the shuffles
     * @return the mean and standard deviation of each group's drop in ROC AUC
     * @throws IllegalArgumentException if the labels do not match, hold one class, {@code repeats < 1} or a group
     *                                  index is out of range
     */
    public static PermutationImportance compute(ProbabilisticClassifier model, DenseMatrix x, int[] y, int[] groupOf,
                                                String[] groupNames, int repeats, long seed) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(groupOf, "groupOf");
        Objects.requireNonNull(groupNames, "groupNames");
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        if (groupOf.length != x.columns()) {
            throw new IllegalArgumentException("groupOf has " + groupOf.length + " entries for " + x.columns()
                    + " features");
        }
        for (int j = 0; j < groupOf.length; j++) {
            if (groupOf[j] < 0 || groupOf[j] >= groupNames.length) {
                throw new IllegalArgumentException("groupOf[" + j + "] must be in [0, " + groupNames.length + "), got "
                        + groupOf[j]);
            }
        }
        double baseline = RocAuc.of(y, model.probabilities(x));
        int n = x.rows();
        int p = x.columns();
        double[] mean = new double[groupNames.length];
        double[] std = new double[groupNames.length];
        double[] row = new double[p];
        double[] probs = new double[n];
        int[] perm = new int[n];
        for (int grp = 0; grp < groupNames.length; grp++) {
            double[] drops = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                SplittableRandom rnd = new SplittableRandom(Seeds.split(Seeds.split(seed, grp), r));
                for (int i = 0; i < n; i++) {
                    perm[i] = i;
                }
                for (int i = n - 1; i > 0; i--) {
                    int k = rnd.nextInt(i + 1);
                    int t = perm[i];
                    perm[i] = perm[k];
                    perm[k] = t;
                }
                for (int i = 0; i < n; i++) {
                    x.copyRow(i, row, 0);
                    for (int j = 0, from = perm[i] * p; j < p; j++) {
                        if (groupOf[j] == grp) {
                            row[j] = x.valueAt(from + j);
                        }
                    }
                    probs[i] = model.probability(row);
                }
                drops[r] = baseline - RocAuc.of(y, probs);
            }
            double m = Arrays.stream(drops).average().orElse(0);
            double v = 0;
            for (double d : drops) {
                v += (d - m) * (d - m);
            }
            mean[grp] = m;
            std[grp] = Math.sqrt(v / repeats);
        }
        return new PermutationImportance(groupNames, baseline, mean, std);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PermutationImportance m && Arrays.equals(m.names, names)
                && Double.compare(m.baseline, baseline) == 0 && Arrays.equals(m.mean, mean)
                && Arrays.equals(m.std, std);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(names), baseline, Arrays.hashCode(mean), Arrays.hashCode(std));
    }

    /** The groups by decreasing mean drop (the first 20), with the spread over the repeats. */
    @Override
    public String toString() {
        Integer[] order = new Integer[names.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(mean[b], mean[a]));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "permutation importance (drop in ROC AUC from "
                + "%.4f)%n", baseline));
        for (int k = 0; k < Math.min(order.length, 20); k++) {
            int g = order[k];
            sb.append(String.format(Locale.ROOT, "%-32.32s %8.4f +/- %.4f%n", names[g], mean[g], std[g]));
        }
        return sb.toString();
    }
}
