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

    /** {@return the split} */
    public TrainTestSplit split() {
        return split;
    }

    /** {@return the pipeline fitted on the training rows} */
    public ChurnPipelineModel pipeline() {
        return pipeline;
    }

    /** {@return the test rows' probabilities, in the split's test order; a copy} */
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** {@return the test rows' labels; a copy} */
    public int[] labels() {
        return labels.clone();
    }

    /** {@return the test metrics at threshold 0.5} */
    public MetricSummary metrics() {
        return metrics;
    }

    /** {@return the wall time of the fit (preprocessing and classifier) in seconds} */
    public double fitSeconds() {
        return fitSeconds;
    }

    /** {@return the lift and gains table of the test rows by decile} */
    public LiftTable liftTable() {
        return LiftTable.compute(labels, probabilities, Math.min(10, labels.length));
    }

    /** {@return the reliability table of the test rows (ten uniform bins)} */
    public CalibrationTable calibration() {
        return CalibrationTable.compute(labels, probabilities, 10, CalibrationTable.Strategy.UNIFORM);
    }

    @Override
    public String toString() {
        return metrics.toString();
    }
}
