/**
 * What every churn classifier shares: {@link dev.retention.churn.classifier.ProbabilisticClassifier} (the
 * fitted model: probabilities, contributions, model file), {@link dev.retention.churn.classifier.Learner} (a
 * classifier with fixed options, for pipelines, cross-validation and grid search),
 * {@link dev.retention.churn.classifier.Contributions} and {@link dev.retention.churn.classifier.ClassWeight}.
 * The input is core's {@link dev.retention.matrix.DenseMatrix}; the fit summary, listener and control are
 * core's ({@code dev.retention.model}). The models live in {@code logistic}, {@code svm}, {@code tree} and
 * {@code forest}.
 */
package dev.retention.churn.classifier;
