/**
 * Evaluation of binary classifiers and the splits behind honest evaluation. Entry points:
 * {@link dev.retention.eval.ClassificationMetrics} (accuracy, precision, recall, F1, exact ROC AUC with ties,
 * PR AUC as average precision, log loss, Brier score, {@link dev.retention.eval.ConfusionMatrix}),
 * {@link dev.retention.eval.CostThreshold#choose} (the threshold that minimises the cost of lost customers plus
 * offers), {@link dev.retention.eval.LiftTable#compute} (lift and gains by decile),
 * {@link dev.retention.eval.CalibrationTable#compute} (reliability table), and the seeded index splits
 * {@link dev.retention.eval.StratifiedKFold#split} and {@link dev.retention.eval.TrainTestSplit#stratified}.
 * Everything works on primitive arrays of labels (0 or 1) and scores, so any model can be evaluated.
 */
package dev.retention.eval;
