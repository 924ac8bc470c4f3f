/**
 * Honest evaluation of churn pipelines: {@link dev.retention.churn.evaluation.CrossValidation#run} (stratified
 * K-fold, preprocessing refitted per fold), {@link dev.retention.churn.evaluation.CrossValidation#holdout}
 * (stratified or time-based train/test split) and {@link dev.retention.churn.evaluation.GridSearch#run}.
 */
package dev.retention.churn.evaluation;
