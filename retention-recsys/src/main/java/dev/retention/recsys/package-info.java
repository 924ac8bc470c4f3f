/**
 * Rating data and the interfaces of the recommenders: {@link dev.retention.recsys.Ratings} (made from
 * {@link dev.retention.data.Interactions} on a {@link dev.retention.recsys.RatingScale}),
 * {@link dev.retention.recsys.RatingPredictor} with its {@link dev.retention.recsys.Prediction}, and
 * top-N recommendation from any model, {@link dev.retention.recsys.TopN#recommend}. The algorithms are
 * in the subpackages {@code baseline}, {@code knn}, {@code slopeone} and {@code svd}; evaluation in
 * {@code eval}.
 */
package dev.retention.recsys;
