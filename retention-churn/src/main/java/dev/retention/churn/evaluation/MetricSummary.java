package dev.retention.churn.evaluation;

import java.util.Locale;

/**
 * The metrics of {@link ClassificationMetrics#summary} for one set of predictions.
 *
 * @param rows             number of rows evaluated
 * @param rocAuc           ROC AUC (exact, ties one half)
 * @param averagePrecision PR AUC as average precision
 * @param logLoss          mean log loss
 * @param brierScore       Brier score
 * @param accuracy         accuracy at the threshold
 * @param precision        precision at the threshold
 * @param recall           recall at the threshold
 * @param f1               F1 at the threshold
 * @param threshold        the threshold (predicted positive iff probability &gt; threshold)
 * @param confusion        the confusion matrix at the threshold
 */
public record MetricSummary(int rows, double rocAuc, double averagePrecision, double logLoss, double brierScore,
                            double accuracy, double precision, double recall, double f1, double threshold,
                            ConfusionMatrix confusion) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d rows: ROC AUC %.4f  PR AUC %.4f  log loss %.4f  Brier %.4f%n"
                        + "at threshold %.3g: accuracy %.4f  precision %.4f  recall %.4f  F1 %.4f%n",
                rows, rocAuc, averagePrecision, logLoss, brierScore, threshold, accuracy, precision, recall, f1);
    }
}
