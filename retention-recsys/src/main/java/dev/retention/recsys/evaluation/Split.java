package dev.retention.recsys.evaluation;

import dev.retention.recsys.Ratings;

/**
 * A training set and a test set over the same id spaces.
 *
 * @param train ratings to fit on
 * @param test  ratings to predict
 */
public record Split(Ratings train, Ratings test) {
}
