package dev.retention.recsys;

/**
 * One predicted rating, as Surprise's {@code Prediction}.
 *
 * @param user       dense user index
 * @param item       dense item index
 * @param estimate   the estimate, clipped to the rating scale; never NaN
 * @param impossible {@code true} when the model could not predict (unknown user or item, no usable
 *                   neighbour) and the estimate is the fallback, the global mean of the training data
 *                   (Surprise's {@code was_impossible})
 * @param reason     why it was impossible, empty otherwise
 */
public record Prediction(int user, int item, double estimate, boolean impossible, String reason) {
}
