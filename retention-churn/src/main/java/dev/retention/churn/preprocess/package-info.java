/**
 * Preprocessing fitted on training rows only and applied unchanged at prediction time: imputation,
 * standardisation and one-hot encoding of a {@link dev.retention.churn.dataset.CustomerTable}. Entry point
 * {@link dev.retention.churn.preprocess.Preprocessor#fit}, which returns a
 * {@link dev.retention.churn.preprocess.PreprocessingModel} whose
 * {@link dev.retention.churn.preprocess.PreprocessingModel#transform} gives the feature matrix and counts
 * unseen categories.
 */
package dev.retention.churn.preprocess;
