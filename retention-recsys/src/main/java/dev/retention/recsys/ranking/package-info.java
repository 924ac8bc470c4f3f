/**
 * Ranking evaluation of top-N recommenders on implicit feedback: train/test splits
 * ({@link dev.retention.recsys.ranking.RankingSplit}: a given pair of files, seeded random and per-user holdouts,
 * leave-last-out, a global time split) and the metrics at k over the full catalogue
 * ({@link dev.retention.recsys.ranking.RankingMetrics#compute}) with the definitions of the {@code implicit}
 * library's {@code ranking_metrics_at_k}, plus recall, hit rate, MRR, coverage and novelty.
 */
package dev.retention.recsys.ranking;
