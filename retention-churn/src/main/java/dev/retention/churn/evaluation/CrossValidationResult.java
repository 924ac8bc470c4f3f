package dev.retention.churn.evaluation;

import dev.retention.model.FitSummary;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The outcome of a cross-validation: the metrics of each fold, each fold's fit time, the out-of-fold
 * probability of every row and the metrics of those pooled predictions. Immutable.
 */
public final class CrossValidationResult {

    private final MetricSummary[] folds;
    private final FitSummary[] summaries;
    private final double[] fitSeconds;
    private final double[] outOfFold;
    private final MetricSummary pooled;

    CrossValidationResult(MetricSummary[] folds, FitSummary[] summaries, double[] fitSeconds, double[] outOfFold,
                          MetricSummary pooled) {
        this.folds = folds.clone();
        this.summaries = summaries.clone();
        this.fitSeconds = fitSeconds.clone();
        this.outOfFold = outOfFold.clone();
        this.pooled = pooled;
    }

    /** {@return the number of folds} */
    public int folds() {
        return folds.length;
    }

    /** {@return the metrics of each fold's test rows} */
    public List<MetricSummary> foldMetrics() {
        return List.of(folds);
    }

    /** {@return the classifier's fit summary in each fold} */
    public List<FitSummary> fitSummaries() {
        return List.of(summaries);
    }

    /** {@return whether the classifier converged in every fold} */
    public boolean allConverged() {
        for (FitSummary s : summaries) {
            if (!s.converged()) {
                return false;
            }
        }
        return true;
    }

    /** {@return the fit time of each fold in seconds; a copy} */
    public double[] fitSeconds() {
        return fitSeconds.clone();
    }

    /** {@return the out-of-fold probability of every row, in table order; a copy} */
    public double[] outOfFold() {
        return outOfFold.clone();
    }

    /** {@return the metrics of the pooled out-of-fold predictions} */
    public MetricSummary pooled() {
        return pooled;
    }

    /**
     * {@return the mean over folds of a metric, for example {@code mean(MetricSummary::rocAuc)}}
     *
     * @param metric the metric to read from each fold's summary
     */
    public double mean(ToDoubleFunction<MetricSummary> metric) {
        double s = 0;
        for (MetricSummary m : folds) {
            s += metric.applyAsDouble(m);
        }
        return s / folds.length;
    }

    /**
     * {@return the standard deviation over folds of a metric (population)}
     *
     * @param metric the metric to read from each fold's summary
     */
    public double std(ToDoubleFunction<MetricSummary> metric) {
        double mean = mean(metric);
        double s = 0;
        for (MetricSummary m : folds) {
            double d = metric.applyAsDouble(m) - mean;
            s += d * d;
        }
        return Math.sqrt(s / folds.length);
    }

    /** {@return the mean ROC AUC over the folds} */
    public double meanAuc() {
        return mean(MetricSummary::rocAuc);
    }

    /** {@return the mean fit time per fold in seconds} */
    public double meanFitSeconds() {
        double s = 0;
        for (double v : fitSeconds) {
            s += v;
        }
        return s / fitSeconds.length;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%4s %8s %8s %8s %8s %8s %8s%n", "fold", "AUC",
                "PR AUC", "logloss", "accuracy", "F1", "fit s"));
        for (int f = 0; f < folds.length; f++) {
            MetricSummary m = folds[f];
            sb.append(String.format(Locale.ROOT, "%4d %8.4f %8.4f %8.4f %8.4f %8.4f %8.3f%n", f + 1, m.rocAuc(),
                    m.averagePrecision(), m.logLoss(), m.accuracy(), m.f1(), fitSeconds[f]));
        }
        sb.append(String.format(Locale.ROOT, "%4s %8.4f %8.4f %8.4f %8.4f %8.4f %8.3f%n", "mean", meanAuc(),
                mean(MetricSummary::averagePrecision), mean(MetricSummary::logLoss), mean(MetricSummary::accuracy),
                mean(MetricSummary::f1), meanFitSeconds()));
        sb.append(String.format(Locale.ROOT, "%4s %8.4f %8.4f %8.4f %8.4f %8.4f%n", "sd", std(MetricSummary::rocAuc),
                std(MetricSummary::averagePrecision), std(MetricSummary::logLoss), std(MetricSummary::accuracy),
                std(MetricSummary::f1)));
        return sb.toString();
    }
}
