/**
 * Honest evaluation shared by every family: seeded index splits ({@link dev.retention.evaluation.StratifiedKFold},
 * {@link dev.retention.evaluation.TrainTestSplit}), the ROC AUC ({@link dev.retention.evaluation.RocAuc}) and rank
 * correlations ({@link dev.retention.evaluation.Correlation}). Each family's own measures sit in its module:
 * classification metrics and cross-validation of classifiers in {@code dev.retention.churn.evaluation}, rating
 * and ranking metrics in {@code dev.retention.recsys.evaluation}.
 */
package dev.retention.evaluation;
