/**
 * CART decision trees as scikit-learn's {@code DecisionTreeClassifier}. Entry point
 * {@link dev.retention.churn.tree.DecisionTree#fit}, options {@link dev.retention.churn.tree.TreeOptions}
 * (with {@link dev.retention.churn.tree.MaxFeatures}), model {@link dev.retention.churn.tree.TreeModel}.
 */
package dev.retention.churn.tree;
