package dev.retention.churn.evaluation;

import java.util.Locale;

/**
 * Counts of a binary classification at one threshold.
 *
 * @param truePositives  positives predicted positive
 * @param falsePositives negatives predicted positive
 * @param trueNegatives  negatives predicted negative
 * @param falseNegatives positives predicted negative
 */
public record ConfusionMatrix(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

    /**
     * Checks the components (and copies what must be copied).
     *
     * @param truePositives  positives predicted positive
     * @param falsePositives negatives predicted positive
     * @param trueNegatives  negatives predicted negative
     * @param falseNegatives positives predicted negative
     * @throws IllegalArgumentException naming the component and its value when one is out of range
     */
    public ConfusionMatrix {
        if (truePositives < 0 || falsePositives < 0 || trueNegatives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got tp=" + truePositives + " fp=" + falsePositives
                    + " tn=" + trueNegatives + " fn=" + falseNegatives);
        }
    }

    /** {@return the number of rows} */
    public long total() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    /** {@return (TP + TN) / total, 0 for an empty matrix} */
    public double accuracy() {
        return ratio(truePositives + trueNegatives, total());
    }

    /** {@return TP / (TP + FP), 0 when nothing is predicted positive} */
    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** {@return TP / (TP + FN) (sensitivity, true positive rate), 0 without positives} */
    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** {@return TN / (TN + FP) (specificity), 0 without negatives} */
    public double specificity() {
        return ratio(trueNegatives, trueNegatives + falsePositives);
    }

    /** {@return 2 TP / (2 TP + FP + FN), the harmonic mean of precision and recall; 0 when both are 0} */
    public double f1() {
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%-16s %12s %12s%n%-16s %,12d %,12d%n%-16s %,12d %,12d%n"
                        + "accuracy %.4f  precision %.4f  recall %.4f  F1 %.4f%n",
                "", "predicted 0", "predicted 1", "actual 0", trueNegatives, falsePositives, "actual 1",
                falseNegatives, truePositives, accuracy(), precision(), recall(), f1());
    }
}
