package dev.retention.recsys.internal.neighbours;

import dev.retention.recsys.sparse.CsrMatrix;

import java.util.Arrays;

/**
 * The scores of the item-neighbourhood models (item-kNN on purchases, content-based): a customer's score of an item is
 * the sum over their purchases of the purchase's value times the two items' similarity, {@code x S} for the
 * customer's row {@code x} and the items x items neighbour matrix {@code S}. One place for the check of {@code S} and
 * the sums, so that the models score alike.
 */
public final class NeighbourScores {

    private NeighbourScores() {
    }

    /**
     * Checks a neighbour matrix.
     *
     * @param similarity read
     * @param itemCount  the model's item count
     * @throws IllegalArgumentException if it is not items x items or holds a value that is not finite
     */
    public static void checkSimilarity(CsrMatrix similarity, int itemCount) {
        if (similarity.rows() != itemCount || similarity.cols() != itemCount) {
            throw new IllegalArgumentException("similarity must be " + itemCount + " x " + itemCount + ", got "
                    + similarity.rows() + " x " + similarity.cols());
        }
        for (int p = 0; p < similarity.nnz(); p++) {
            if (!Float.isFinite(similarity.value(p))) {
                throw new IllegalArgumentException("similarity values must be finite, got " + similarity.value(p));
            }
        }
    }

    /**
     * {@return the score of one item for one training customer} O(purchases log K).
     *
     * @param train      the customers' purchases, by customer
     * @param similarity the neighbour matrix
     * @param user       a customer of {@code train}
     * @param item       an item of the matrix
     */
    public static double estimate(CsrMatrix train, CsrMatrix similarity, int user, int item) {
        double s = 0;
        for (int p = train.rowStart(user); p < train.rowEnd(user); p++) {
            s += (double) train.value(p) * similarity.get(train.columnIndex(p), item);
        }
        return s;
    }

    /**
     * Scores every item for one training customer. O(items + purchases K).
     *
     * @param train      the customers' purchases, by customer
     * @param similarity the neighbour matrix
     * @param user       a customer of {@code train}
     * @param out        written; one score per item
     */
    public static void scoreUser(CsrMatrix train, CsrMatrix similarity, int user, double[] out) {
        Arrays.fill(out, 0.0);
        for (int p = train.rowStart(user); p < train.rowEnd(user); p++) {
            addRow(similarity, train.columnIndex(p), train.value(p), out);
        }
    }

    /**
     * Scores every item for a customer given by their (checked) purchases. O(items + purchases K).
     *
     * @param similarity the neighbour matrix
     * @param items      the purchased items
     * @param values     their values
     * @param out        written; one score per item
     */
    public static void scorePurchases(CsrMatrix similarity, int[] items, float[] values, double[] out) {
        Arrays.fill(out, 0.0);
        for (int t = 0; t < items.length; t++) {
            addRow(similarity, items[t], values[t], out);
        }
    }

    /**
     * Writes an item's row of the neighbour matrix: its neighbours' similarities, 0 for the other items. O(items).
     *
     * @param similarity the neighbour matrix
     * @param item       an item of the matrix
     * @param out        written; one value per item
     */
    public static void similarRow(CsrMatrix similarity, int item, double[] out) {
        Arrays.fill(out, 0.0);
        addRow(similarity, item, 1.0, out);
    }

    private static void addRow(CsrMatrix similarity, int item, double weight, double[] out) {
        for (int q = similarity.rowStart(item), end = similarity.rowEnd(item); q < end; q++) {
            out[similarity.columnIndex(q)] += weight * similarity.value(q);
        }
    }
}
