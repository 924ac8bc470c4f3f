/**
 * Evaluation of rating models, reusable by every model of the module: splits
 * ({@link dev.retention.recsys.eval.Folds}: k-fold, train/test, leave-one-out), metrics
 * ({@link dev.retention.recsys.eval.RatingMetrics}: RMSE, MAE, MSE, FCP), cross-validation
 * ({@link dev.retention.recsys.eval.CrossValidation#run}), grid search
 * ({@link dev.retention.recsys.eval.GridSearch#run}) and the algorithms by name
 * ({@link dev.retention.recsys.eval.Algorithms#factory}).
 */
package dev.retention.recsys.eval;
