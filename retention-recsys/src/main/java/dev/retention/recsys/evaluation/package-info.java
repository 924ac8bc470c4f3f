/**
 * Evaluation of recommenders, reusable by every model of the module: splits
 * ({@link dev.retention.recsys.evaluation.Folds}: k-fold, train/test, leave-one-out), rating metrics
 * ({@link dev.retention.recsys.evaluation.RatingMetrics}: RMSE, MAE, MSE, FCP), cross-validation
 * ({@link dev.retention.recsys.evaluation.CrossValidation#evaluate}), a typed grid search over options
 * ({@link dev.retention.recsys.evaluation.GridSearch#evaluate}), and top-N scoring on a later period of a
 * shop's orders ({@link dev.retention.recsys.evaluation.PurchasePeriod},
 * {@link dev.retention.recsys.evaluation.HitRate#compute}).
 */
package dev.retention.recsys.evaluation;
