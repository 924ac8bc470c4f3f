/**
 * Why a model says what it says. {@link dev.retention.churn.explain.Explainer} gives each customer's
 * strongest reasons up and down ({@link dev.retention.churn.explain.Explanation}, from coefficient times
 * standardised value or tree path contributions); {@link dev.retention.churn.explain.PermutationImportance}
 * measures what a fitted model relies on over held-out rows.
 */
package dev.retention.churn.explain;
