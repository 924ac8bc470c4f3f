/**
 * Honest evaluation of churn pipelines: {@link dev.retention.churn.validation.CrossValidation#run} (stratified
 * K-fold, preprocessing refitted per fold), {@link dev.retention.churn.validation.CrossValidation#holdout}
 * (stratified or time-based train/test split) and {@link dev.retention.churn.validation.GridSearch#run}.
 */
package dev.retention.churn.validation;
