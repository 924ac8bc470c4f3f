package dev.retention.churn.evaluation;

import dev.retention.churn.pipeline.ChurnPipelineModel;
import dev.retention.evaluation.TrainTestSplit;

/**
 * The outcome of a train/test evaluation: the split, the pipeline fitted on the training rows, its
 * probabilities and the labels of the test rows, their metrics and the fit time. Immutable.
 */
public final class HoldoutResult {

    private final TrainTestSplit split;
    private final ChurnPipelineModel pipeline;
    private final double[] probabilities;
    private final int[] labels;
    private final MetricSummary metrics;
    private final double fitSeconds;

    HoldoutResult(TrainTestSplit split, ChurnPipelineModel pipeline, double[] probabilities, int[] labels,
                  MetricSummary metrics, double fitSeconds) {
        this.split = split;
        this.pipeline = pipeline;
        this.probabilities = probabilities.clone();
        this.labels = labels.clone();
        this.metrics = metrics;
        this.fitSeconds = fitSeconds;
    }

    /** The split. */
    public TrainTestSplit split() {
        return split;
    }

    /** The pipeline fitted on the training rows. */
    public ChurnPipelineModel pipeline() {
        return pipeline;
    }

    /** The test rows' probabilities, in the split's test order; a copy. */
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** The test rows' labels; a copy. */
    public int[] labels() {
        return labels.clone();
    }

    /** The test metrics at threshold 0.5. */
    public MetricSummary metrics() {
        return metrics;
    }

    /** Wall time of the fit (preprocessing and classifier) in seconds. */
    public double fitSeconds() {
        return fitSeconds;
    }

    /** The lift and gains table of the test rows by decile. */
    public LiftTable liftTable() {
        return LiftTable.compute(labels, probabilities, Math.min(10, labels.length));
    }

    /** The reliability table of the test rows (ten uniform bins). */
    public CalibrationTable calibration() {
        return CalibrationTable.compute(labels, probabilities, 10, CalibrationTable.Strategy.UNIFORM);
    }

    @Override
    public String toString() {
        return metrics.toString();
    }
}
