package dev.retention.churn.evaluation;

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

    /** Indexes of the scores sorted by decreasing score, ties in index order. O(n log n). */
    static int[] orderByDecreasingScore(double[] scores) {
        int n = scores.length;
        // sort keys (score, index) by packing: sort indices with a stable merge sort on primitive arrays
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] tmp = new int[n];
        mergeSort(idx, tmp, 0, n, scores);
        return idx;
    }

    private static void mergeSort(int[] a, int[] tmp, int from, int to, double[] s) {
        if (to - from < 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && s[a[j]] < s[v]) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, s);
        mergeSort(a, tmp, mid, to, s);
        if (s[a[mid - 1]] >= s[a[mid]]) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            a[k++] = s[tmp[j]] > s[tmp[i]] ? tmp[j++] : tmp[i++];
        }
        while (i < mid) {
            a[k++] = tmp[i++];
        }
        while (j < to) {
            a[k++] = tmp[j++];
        }
    }
}
