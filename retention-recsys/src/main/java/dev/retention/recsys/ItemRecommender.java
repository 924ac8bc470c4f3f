package dev.retention.recsys;

/**
 * A fitted top-N model for purchase (implicit) data: it scores every item for a training customer
 * ({@link #scoreItems(int, double[])}), for a customer described only by their purchases without refitting
 * ({@link #scoreItems(int[], float[], double[])}, the fold-in), and scores every item's similarity to a given item
 * ({@link #similarItems}). Scores rank items and have no unit; higher is better. {@link TopN} turns the scores into
 * recommendation lists (bought items excluded or not, item filters, one customer or all of them).
 *
 * <p>Implementations are immutable and thread-safe; each call allocates at most small work arrays.
 */
public interface ItemRecommender extends RatingPredictor {

    /**
     * Scores every item for a customer outside the training data from their purchases alone. For a training
     * customer's own purchases (their row of the training data) the scores are those of
     * {@link #scoreItems(int, double[])}, up to the precision of the model's solver.
     *
     * @param items  read; dense item indexes of the purchases, each in {@code [0, itemCount())}, distinct
     * @param values read; the value of each purchase, finite and {@code > 0} (1 for binary data); same length
     * @param out    written; one score per item, length {@link #itemCount()}
     * @throws IllegalArgumentException if the lengths differ, an item is out of range or repeated, or a value is not
     *                                  finite and positive
     */
    void scoreItems(int[] items, float[] values, double[] out);

    /**
     * Scores every item's similarity to {@code item} as this model sees it (the item itself included; callers drop
     * it). A model with no notion of item similarity says so in its Javadoc and gives its item-independent ranking.
     *
     * @param item dense item index in {@code [0, itemCount())}
     * @param out  written; one score per item, length {@link #itemCount()}
     * @throws IndexOutOfBoundsException if the item is out of range
     * @throws IllegalArgumentException  if {@code out} has the wrong length
     */
    void similarItems(int item, double[] out);
}
