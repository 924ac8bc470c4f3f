package dev.retention.recsys;

/**
 * A fitted model that predicts ratings. Implementations are immutable and thread-safe; a prediction
 * allocates at most small per-call work arrays (the neighbourhood models' bounded heaps) and the
 * returned {@link Prediction}.
 */
public interface RatingPredictor {

    /** {@return the name of the algorithm, such as {@code "KNNWithMeans"}} */
    String name();

    /** {@return the rating scale predictions are clipped to} */
    RatingScale scale();

    /**
     * {@return the predicted rating of {@code user} for {@code item}, clipped to the scale; the global mean of
     * the training data when the model cannot predict (see {@link #predict})} Never NaN.
     *
     * @param user dense user index; any int (unknown users fall back)
     * @param item dense item index; any int (unknown items fall back)
     */
    double estimate(int user, int item);

    /**
     * {@return the prediction with the reason when it had to fall back}
     *
     * @param user dense user index; any int (unknown users fall back)
     * @param item dense item index; any int (unknown items fall back)
     */
    Prediction predict(int user, int item);

    /**
     * Scores of every item {@code 0..itemCount()-1} for {@code user}, for ranking: the unclipped
     * estimate, or the fallback where impossible. O(items x cost of one estimate) unless a model does
     * better.
     *
     * @param user dense user index; any int (unknown users fall back)
     * @param out written; length {@link #itemCount()}
     */
    void scoreItems(int user, double[] out);

    /** {@return the size of the user id space the model was fitted in} */
    int userCount();

    /** {@return the size of the item id space the model was fitted in} */
    int itemCount();
}
