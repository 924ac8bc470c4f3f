package dev.retention.churn.classifier;

/**
 * A classifier with its options fixed, ready to be fitted on any data: what cross-validation and grid
 * search fit once per fold. Each model package provides one, for example
 * {@code LogisticRegression.learner(options)}.
 */
@FunctionalInterface
public interface Learner {

    /**
     * Fits a classifier.
     *
     * @param x        read: training features
     * @param y        read: labels 0 or 1, one per row
     * @param listener progress; {@link FitListener#NONE} for none
     */
    ProbabilisticClassifier fit(FeatureMatrix x, int[] y, FitListener listener);
}
