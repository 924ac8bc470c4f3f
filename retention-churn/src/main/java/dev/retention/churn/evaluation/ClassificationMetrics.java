package dev.retention.churn.evaluation;

import dev.retention.evaluation.RocAuc;

/**
 * Metrics of a binary classifier from labels (0 or 1) and scores, computed as scikit-learn 1.2 computes
 * them ({@code sklearn.metrics}). Scores are probabilities of the positive class where the metric needs
 * probabilities (log loss, Brier score) and any finite ranking score otherwise.
 *
 * <p>A row is <em>predicted positive when its score is strictly greater than the threshold</em>, as
 * scikit-learn's {@code predict} only answers 1 when the probability of class 1 exceeds 0.5 (a tree
 * leaf with probability exactly 0.5 predicts 0).
 *
 * <p>Bad input is refused with an {@link IllegalArgumentException} naming the offending index and
 * value: labels other than 0 and 1, non-finite scores, probabilities outside [0, 1], lengths that
 * differ, empty input, and a single class where a metric needs both. No method returns NaN: a ratio
 * with an empty denominator (precision with no predicted positive) is 0, as scikit-learn's
 * {@code zero_division="warn"} returns.
 */
public final class ClassificationMetrics {

    /**
     * Probabilities are clipped to [EPS, 1 - EPS] in the log loss, as scikit-learn 1.2 does with its default
     * {@code eps="auto"}: the machine epsilon of doubles, 2.22e-16.
     */
    public static final double LOG_LOSS_EPS = 0x1.0p-52;

    private ClassificationMetrics() {
    }

    /**
     * {@return the confusion matrix at a threshold: predicted positive iff {@code score > threshold}} O(n).
     *
     * @param labels    read: 0 or 1 per row
     * @param scores    read: finite scores, same length
     * @param threshold finite threshold
     */
    public static ConfusionMatrix confusion(int[] labels, double[] scores, double threshold) {
        BinaryLabels.check(labels, scores, "scores");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite, got " + threshold);
        }
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean predicted = scores[i] > threshold;
            if (labels[i] == 1) {
                if (predicted) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (predicted) {
                fp++;
            } else {
                tn++;
            }
        }
        return new ConfusionMatrix(tp, fp, tn, fn);
    }

    /**
     * {@return the share of rows classified correctly at the threshold ({@code accuracy_score})} O(n).
     *
     * @param labels    read: 0 or 1
     * @param scores    read: finite ranking scores
     * @param threshold finite threshold
     */
    public static double accuracy(int[] labels, double[] scores, double threshold) {
        return confusion(labels, scores, threshold).accuracy();
    }

    /**
     * {@return TP / (TP + FP) at the threshold, 0 when nothing is predicted positive ({@code precision_score})} O(n).
     *
     * @param labels    read: 0 or 1
     * @param scores    read: finite ranking scores
     * @param threshold finite threshold
     */
    public static double precision(int[] labels, double[] scores, double threshold) {
        return confusion(labels, scores, threshold).precision();
    }

    /**
     * {@return TP / (TP + FN) at the threshold, 0 without positives ({@code recall_score})} O(n).
     *
     * @param labels    read: 0 or 1
     * @param scores    read: finite ranking scores
     * @param threshold finite threshold
     */
    public static double recall(int[] labels, double[] scores, double threshold) {
        return confusion(labels, scores, threshold).recall();
    }

    /**
     * {@return the harmonic mean of precision and recall at the threshold, 0 when both are 0 ({@code f1_score})} O(n).
     *
     * @param labels    read: 0 or 1
     * @param scores    read: finite ranking scores
     * @param threshold finite threshold
     */
    public static double f1(int[] labels, double[] scores, double threshold) {
        return confusion(labels, scores, threshold).f1();
    }

    /**
     * {@return the area under the ROC curve, exact: the probability that a random positive scores above a random
     * negative, ties counting one half (the Mann-Whitney U statistic divided by {@code P * N})} Equals the
     * trapezoidal area of scikit-learn's {@code roc_auc_score}, tied scores included. O(n log n). Core's
     * {@link RocAuc#of}, the library's one implementation, named here beside the other metrics.
     *
     * @param labels read: 0 or 1, both present
     * @param scores read: finite ranking scores
     * @throws IllegalArgumentException if only one class is present, or as the class documentation says
     */
    public static double rocAuc(int[] labels, double[] scores) {
        return RocAuc.of(labels, scores);
    }

    /**
     * {@return the area under the precision-recall curve as average precision: {@code sum_k (R_k - R_k-1) P_k} over the
     * distinct scores in decreasing order, without interpolation ({@code average_precision_score})} Tied
     * scores form one step. O(n log n).
     *
     * @param labels read: 0 or 1, at least one positive
     * @param scores read: finite ranking scores
     */
    public static double averagePrecision(int[] labels, double[] scores) {
        int positives = BinaryLabels.check(labels, scores, "scores");
        if (positives == 0) {
            throw new IllegalArgumentException("averagePrecision needs at least one positive label, got none in "
                    + labels.length + " rows");
        }
        int n = labels.length;
        int[] order = BinaryLabels.orderByDecreasingScore(scores);
        double ap = 0;
        long tp = 0;
        long seen = 0;
        int i = 0;
        while (i < n) {
            double s = scores[order[i]];
            long pg = 0;
            while (i < n && scores[order[i]] == s) {
                pg += labels[order[i]];
                seen++;
                i++;
            }
            tp += pg;
            if (pg > 0) {
                ap += ((double) pg / positives) * ((double) tp / seen);
            }
        }
        return ap;
    }

    /**
     * {@return the mean negative log-likelihood {@code -mean(y log p + (1 - y) log(1 - p))}, with {@code p} clipped to
     * {@code [2.22e-16, 1 - 2.22e-16]} ({@code log_loss}, {@code eps="auto"})} O(n).
     *
     * @param labels        read: 0 or 1
     * @param probabilities read: probabilities of class 1 in [0, 1]
     */
    public static double logLoss(int[] labels, double[] probabilities) {
        BinaryLabels.checkProbabilities(labels, probabilities);
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            double p = Math.min(Math.max(probabilities[i], LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
            sum -= labels[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return sum / labels.length;
    }

    /**
     * {@return Brier score {@code mean((p - y)^2)} ({@code brier_score_loss})} O(n).
     *
     * @param labels        read: 0 or 1
     * @param probabilities read: probabilities of class 1 in [0, 1]
     */
    public static double brierScore(int[] labels, double[] probabilities) {
        BinaryLabels.checkProbabilities(labels, probabilities);
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            double d = probabilities[i] - labels[i];
            sum += d * d;
        }
        return sum / labels.length;
    }

    /**
     * {@return every metric of this class at once, for probabilities} O(n log n).
     *
     * @param labels        read: 0 or 1, both classes present
     * @param probabilities read: probabilities of class 1 in [0, 1]
     * @param threshold     the threshold of the confusion matrix, accuracy, precision, recall and F1 (0.5
     *                      gives scikit-learn's {@code predict})
     */
    public static MetricSummary summary(int[] labels, double[] probabilities, double threshold) {
        ConfusionMatrix cm = confusion(labels, probabilities, threshold);
        return new MetricSummary(labels.length, rocAuc(labels, probabilities), averagePrecision(labels, probabilities),
                logLoss(labels, probabilities), brierScore(labels, probabilities), cm.accuracy(), cm.precision(),
                cm.recall(), cm.f1(), threshold, cm);
    }
}
