/**
 * Churn rankings of an order log: who is most at risk at a cutoff, and why. Entry point
 * {@link dev.retention.churn.ranking.ChurnRanking#compute} with
 * {@link dev.retention.churn.ranking.RankingOptions}: a leakage-free dataset stacked over training cutoffs that
 * end one horizon before the scoring cutoff, a pipeline fitted on it, every customer's probability of churn,
 * the riskiest customers with their top reasons and, when the log covers the horizon, the out-of-time ROC AUC.
 */
package dev.retention.churn.ranking;
