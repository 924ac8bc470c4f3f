/**
 * What every churn classifier shares: {@link dev.retention.churn.classifier.FeatureMatrix} (the input),
 * {@link dev.retention.churn.classifier.ProbabilisticClassifier} (the fitted model: probabilities,
 * contributions, model file), {@link dev.retention.churn.classifier.Learner} (a model with fixed options,
 * for cross-validation and grid search), {@link dev.retention.churn.classifier.FitSummary},
 * {@link dev.retention.churn.classifier.FitListener} (progress) and
 * {@link dev.retention.churn.classifier.ClassWeight}. The models live in {@code logistic}, {@code svm},
 * {@code tree} and {@code forest}.
 */
package dev.retention.churn.classifier;
