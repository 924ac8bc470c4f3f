package dev.retention.recsys.evaluation;

import dev.retention.recsys.RatingPredictor;
import dev.retention.recsys.Ratings;

/** Fits a model on training ratings; one per algorithm and parameter setting. */
@FunctionalInterface
public interface ModelFactory {
    /**
     * Fits a model on {@code train} (read).
     *
     * @param train the training ratings, read
     * @return the fitted model
     */
    RatingPredictor fit(Ratings train);
}
