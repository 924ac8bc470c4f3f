package dev.retention.evaluation;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The area under the ROC curve of scores against 0/1 labels, exact: the probability that a random positive
 * scores above a random negative, ties counting one half (the Mann-Whitney U statistic divided by
 * {@code P * N}). Equals scikit-learn's {@code roc_auc_score}, tied scores included. The one implementation
 * in the library: churn evaluation, the lifetime models' checks against the synthetic shop's truth and the
 * recommenders' ranking metrics use it.
 *
 * <p>Cost: O(n log n): the negatives' scores are sorted once and each positive counts the negatives below and
 * level with it by binary search. Every term is a whole or half count, so the sum is exact for fewer than
 * 2^52 pairs and independent of order.
 */
public final class RocAuc {

    private RocAuc() {
    }

    /**
     * {@return the ROC AUC}
     *
     * @param labels read: 0 or 1 per row, both classes present
     * @param scores read: a finite score per row, higher meaning more likely positive
     * @throws IllegalArgumentException if the lengths differ or are 0, a label is not 0 or 1, a score is not
     *                                  finite (its index named), or only one class is present
     */
    public static double of(int[] labels, double[] scores) {
        OptionalDouble auc = ifBothClasses(labels, scores);
        if (auc.isEmpty()) {
            throw new IllegalArgumentException("ROC AUC needs both classes, but every label is " + labels[0] + " ("
                    + labels.length + " rows)");
        }
        return auc.getAsDouble();
    }

    /**
     * {@return the ROC AUC, or empty when only one class is present (where it is undefined)}
     *
     * @param labels read: 0 or 1 per row
     * @param scores read: a finite score per row
     * @throws IllegalArgumentException if the lengths differ or are 0, a label is not 0 or 1, or a score is not
     *                                  finite
     */
    public static OptionalDouble ifBothClasses(int[] labels, double[] scores) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(scores, "scores");
        if (labels.length != scores.length) {
            throw new IllegalArgumentException("labels has length " + labels.length + " but scores has length "
                    + scores.length);
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("labels must not be empty");
        }
        int positives = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("labels[" + i + "] must be 0 or 1, got " + labels[i]);
            }
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("scores[" + i + "] must be finite, got " + scores[i]);
            }
            positives += labels[i];
        }
        int n = labels.length;
        if (positives == 0 || positives == n) {
            return OptionalDouble.empty();
        }
        double[] negatives = new double[n - positives];
        for (int i = 0, k = 0; i < n; i++) {
            if (labels[i] == 0) {
                negatives[k++] = scores[i] == 0 ? 0.0 : scores[i];   // -0.0 and 0.0 tie, as == says
            }
        }
        Arrays.sort(negatives);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] == 1) {
                double s = scores[i] == 0 ? 0.0 : scores[i];
                int below = lowerBound(negatives, s);
                int level = lowerBound(negatives, Math.nextUp(s)) - below;
                sum += below + 0.5 * level;
            }
        }
        return OptionalDouble.of(sum / ((double) positives * (n - positives)));
    }

    /** The first index whose value is {@code >= v} in a sorted array. */
    static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
