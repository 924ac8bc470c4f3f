/**
 * Random forests of CART trees, parallel and deterministic per seed, with out-of-bag estimates and
 * impurity importances. Entry point {@link dev.retention.churn.forest.RandomForest#fit}, options
 * {@link dev.retention.churn.forest.ForestOptions}, model {@link dev.retention.churn.forest.ForestModel}.
 */
package dev.retention.churn.forest;
