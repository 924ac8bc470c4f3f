package dev.retention.churn.pipeline;

import dev.retention.churn.classifier.Learner;
import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.preprocess.PreprocessOptions;
import dev.retention.churn.preprocess.PreprocessingModel;
import dev.retention.churn.preprocess.Preprocessor;
import dev.retention.churn.preprocess.Transformed;
import dev.retention.model.FitControl;

import java.util.Objects;

/**
 * Fits a preprocessing and a classifier together on the same training rows of a customer table: what scores
 * new customers from raw table rows and says why ({@link ChurnPipelineModel}). The preprocessing
 * ({@link Preprocessor#fit}) sees the training rows only; the classifier is fitted on their transformed
 * features. Cost: the preprocessing's O(rows columns) plus the learner's fit.
 *
 * <pre>{@code
 * ChurnPipelineModel model = ChurnPipeline.fit(table, trainRows, PreprocessOptions.defaults(),
 *         LogisticRegression.learner(LogisticOptions.defaults()));
 * model.save(path);   // later: Models.load(path, ChurnPipelineModel.class).score(table, rows)
 * }</pre>
 */
public final class ChurnPipeline {

    private ChurnPipeline() {
    }

    /**
     * Fits on the training rows of a labelled table, without a control.
     *
     * @param table   read: a labelled table
     * @param rows    read: the training rows, at least one, both classes among them
     * @param options preprocessing options
     * @param learner the classifier to fit
     * @return the fitted model
     * @throws IllegalArgumentException if the table has no labels, a row index is bad, no feature is left or the
     *                                  rows hold a single class
     */
    public static ChurnPipelineModel fit(CustomerTable table, int[] rows, PreprocessOptions options, Learner learner) {
        return fit(table, rows, options, learner, FitControl.defaults());
    }

    /**
     * Fits the preprocessing and the classifier on the training rows of a labelled table.
     *
     * @param table   read: a labelled table
     * @param rows    read: the training rows, at least one, both classes among them
     * @param options preprocessing options
     * @param learner the classifier to fit
     * @param control progress and cancellation of the classifier's fit
     * @return the fitted model
     * @throws IllegalArgumentException if the table has no labels, a row index is bad, no feature is left or the
     *                                  rows hold a single class
     * @throws java.util.concurrent.CancellationException if the control cancels the fit
     */
    public static ChurnPipelineModel fit(CustomerTable table, int[] rows, PreprocessOptions options, Learner learner,
                                         FitControl control) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(control, "control");
        if (!table.hasLabels()) {
            throw new IllegalArgumentException("a pipeline is fitted on a labelled table; this one has no label "
                    + "column");
        }
        long start = System.nanoTime();
        PreprocessingModel pre = Preprocessor.fit(table, rows, options);
        Transformed t = pre.transform(table, rows);
        ProbabilisticClassifier c = learner.fit(t.features(), table.labels(rows), control);
        return new ChurnPipelineModel(pre, c, Math.max(0, System.nanoTime() - start) / 1e9);
    }
}
