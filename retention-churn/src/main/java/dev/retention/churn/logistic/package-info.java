/**
 * Logistic regression with L2, L1 and elastic-net penalties, as scikit-learn's {@code LogisticRegression}.
 * Entry point: {@link dev.retention.churn.logistic.LogisticRegression#fit}, options
 * {@link dev.retention.churn.logistic.LogisticOptions}, model {@link dev.retention.churn.logistic.LogisticModel}.
 */
package dev.retention.churn.logistic;
