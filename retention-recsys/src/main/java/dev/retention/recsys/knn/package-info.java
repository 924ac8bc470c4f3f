/**
 * Neighbourhood collaborative filtering: KNNBasic, KNNWithMeans, KNNWithZScore and KNNBaseline, user- or
 * item-based. Entry point: {@link dev.retention.recsys.knn.Knn#fit}; options in
 * {@link dev.retention.recsys.knn.KnnOptions}, estimators in {@link dev.retention.recsys.knn.KnnVariant}, model
 * {@link dev.retention.recsys.knn.KnnModel}.
 */
package dev.retention.recsys.knn;
