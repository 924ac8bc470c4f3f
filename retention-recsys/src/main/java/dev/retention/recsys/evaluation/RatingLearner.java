package dev.retention.recsys.evaluation;

import dev.retention.recsys.RatingPredictor;
import dev.retention.recsys.Ratings;

/**
 * Fits a rating model from training ratings and typed options, such as {@code Knn::fit} with
 * {@code KnnOptions} or {@code BaselineOnly::fit} with {@code BaselineOptions}: what {@link GridSearch} tries
 * for each candidate.
 *
 * @param <O> the options type
 */
@FunctionalInterface
public interface RatingLearner<O> {
    /**
     * Fits a model.
     *
     * @param train   read
     * @param options the candidate's options
     * @return the fitted model
     */
    RatingPredictor fit(Ratings train, O options);
}
