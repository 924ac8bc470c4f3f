/**
 * Honest evaluation of churn classifiers and pipelines. Cross-validation:
 * {@link dev.retention.churn.evaluation.CrossValidation#evaluate} (stratified K-fold, preprocessing refitted per
 * fold), {@link dev.retention.churn.evaluation.CrossValidation#holdout} (stratified or time-based train/test split)
 * and the typed {@link dev.retention.churn.evaluation.GridSearch#evaluate}. Metrics of binary classifiers as
 * scikit-learn computes them: {@link dev.retention.churn.evaluation.ClassificationMetrics} (accuracy, precision,
 * recall, F1, ROC AUC through core's {@code RocAuc}, PR AUC as average precision, log loss, Brier score,
 * {@link dev.retention.churn.evaluation.ConfusionMatrix}), {@link dev.retention.churn.evaluation.CostThreshold#choose}
 * (the threshold that minimises the cost of lost customers plus offers),
 * {@link dev.retention.churn.evaluation.LiftTable#compute} (lift and gains by decile) and
 * {@link dev.retention.churn.evaluation.CalibrationTable#compute} (reliability table). The seeded index splits are
 * core's ({@code dev.retention.evaluation}).
 */
package dev.retention.churn.evaluation;
