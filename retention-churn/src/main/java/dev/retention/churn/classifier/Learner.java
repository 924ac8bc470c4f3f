package dev.retention.churn.classifier;

import dev.retention.matrix.DenseMatrix;
import dev.retention.model.FitControl;

/**
 * A classifier with its options fixed, ready to be fitted on any data: what a pipeline, cross-validation and
 * grid search fit once per fold. Each model package provides one, for example
 * {@code LogisticRegression.learner(options)}, and a grid search maps each candidate options record to one
 * ({@code LogisticRegression::learner}). Learners hold no state between fits.
 */
@FunctionalInterface
public interface Learner {

    /**
     * Fits a classifier.
     *
     * @param x       read: training features
     * @param y       read: labels 0 or 1, one per row, both classes present
     * @param control progress, cancellation and the caller's executor; {@link FitControl#defaults()} for none
     * @return the fitted classifier
     * @throws IllegalArgumentException         if the labels do not match {@code x}
     * @throws java.util.concurrent.CancellationException if the control cancels the fit
     */
    ProbabilisticClassifier fit(DenseMatrix x, int[] y, FitControl control);
}
