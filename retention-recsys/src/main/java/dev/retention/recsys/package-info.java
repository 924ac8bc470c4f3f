/**
 * Rating data and the shape every recommender shares: {@link dev.retention.recsys.Ratings} (made from
 * {@link dev.retention.data.Interactions} on a {@link dev.retention.recsys.RatingScale}, or from purchases),
 * {@link dev.retention.recsys.RatingPredictor} with its {@link dev.retention.recsys.Prediction}, the abstract
 * {@link dev.retention.recsys.RatingModel} every model of the module extends (clipping, fallbacks with reasons,
 * external ids, the model file), and top-N recommendation from any model,
 * {@link dev.retention.recsys.TopN#recommend} with its {@link dev.retention.recsys.Recommendations}. The
 * algorithms are in the subpackages {@code baseline}, {@code knn}, {@code slopeone}, {@code svd} and
 * {@code popularity}, each a learner with a static {@code fit} and its {@code ...Model}; evaluation in
 * {@code evaluation}; saved models open with {@code Models.load(path)}.
 */
package dev.retention.recsys;
