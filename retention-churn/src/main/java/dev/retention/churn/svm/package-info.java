/**
 * Linear support vector machines as scikit-learn's {@code LinearSVC}, with probabilities by Platt scaling
 * fitted on out-of-fold decision values. Entry point {@link dev.retention.churn.svm.LinearSvm#fit}, options
 * {@link dev.retention.churn.svm.SvmOptions}, model {@link dev.retention.churn.svm.SvmModel}, calibration
 * {@link dev.retention.churn.svm.PlattScaling}.
 */
package dev.retention.churn.svm;
