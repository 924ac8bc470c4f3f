package dev.retention.churn.evaluation;

import dev.retention.primitive.IndirectSort;

import java.util.Objects;

/** Checks shared by the metrics: 0/1 labels, finite scores, equal lengths. */
final class BinaryLabels {

    private BinaryLabels() {
    }

    /** Checks labels and scores; returns the number of positives. */
    static int check(int[] labels, double[] scores, String scoreName) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(scores, scoreName);
        if (labels.length != scores.length) {
            throw new IllegalArgumentException("labels has length " + labels.length + " but " + scoreName
                    + " has length " + scores.length);
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("labels must not be empty");
        }
        int positives = 0;
        for (int i = 0; i < labels.length; i++) {
            int y = labels[i];
            if (y != 0 && y != 1) {
                throw new IllegalArgumentException("labels[" + i + "] must be 0 or 1, got " + y);
            }
            positives += y;
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException(scoreName + "[" + i + "] must be finite, got " + scores[i]);
            }
        }
        return positives;
    }

    /** As {@link #check} and also requires every score in [0, 1]. */
    static int checkProbabilities(int[] labels, double[] probabilities) {
        int positives = check(labels, probabilities, "probabilities");
        for (int i = 0; i < probabilities.length; i++) {
            double p = probabilities[i];
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("probabilities[" + i + "] must be in [0, 1], got " + p);
            }
        }
        return positives;
    }

    /** Requires both classes. */
    static void requireBothClasses(String metric, int positives, int n) {
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException(metric + " needs both classes, but every label is "
                    + (positives == 0 ? 0 : 1) + " (" + n + " rows)");
        }
    }

    /** Indexes of the scores sorted by decreasing score, ties in index order (a stable sort). O(n log n). */
    static int[] orderByDecreasingScore(double[] scores) {
        int[] idx = new int[scores.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        IndirectSort.sort(idx, (a, b) -> scores[a] > scores[b] ? -1 : scores[a] < scores[b] ? 1 : 0);
        return idx;
    }
}
