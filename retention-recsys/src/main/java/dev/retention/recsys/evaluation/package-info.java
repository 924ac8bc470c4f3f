/**
 * Evaluation of rating models, reusable by every model of the module: splits
 * ({@link dev.retention.recsys.evaluation.Folds}: k-fold, train/test, leave-one-out), metrics
 * ({@link dev.retention.recsys.evaluation.RatingMetrics}: RMSE, MAE, MSE, FCP), cross-validation
 * ({@link dev.retention.recsys.evaluation.CrossValidation#run}), grid search
 * ({@link dev.retention.recsys.evaluation.GridSearch#run}) and the algorithms by name
 * ({@link dev.retention.recsys.evaluation.Algorithms#factory}).
 */
package dev.retention.recsys.evaluation;
