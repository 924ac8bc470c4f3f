package dev.retention.recsys.itemknn;

import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.neighbours.NeighbourScores;
import dev.retention.recsys.sparse.CsrMatrix;

import java.util.Locale;
import java.util.Objects;

/**
 * Item-kNN on implicit feedback fitted by {@link ItemKnn#fit}: the top-K item-item similarity {@code S} and the
 * training interactions. A user's score of item {@code j} is {@code sum over the user's training items i of
 * x_ui S(i, j)}; {@link dev.retention.recsys.TopN#recommend} ranks them over the items the user has not bought.
 * A new customer is folded in by definition ({@link #scoreItems(int[], float[], double[])}): the same sum over
 * their purchases, no refit. Immutable and thread-safe; a user's scores cost O(items + their items x K).
 *
 * <p>A top-N model: as a rating estimate, the score clipped to the scale means nothing.
 *
 * <p>Model file type {@value #MODEL_TYPE}, schema {@value #SCHEMA_VERSION}: besides the common sections of
 * {@link RatingModel}, {@code weighting}, {@code neighbours}, {@code k1}, {@code b}, the training interactions
 * ({@code ratings_*}) and the similarity ({@code similarity_*}, items x items).
 */
public final class ItemKnnModel extends RatingModel implements dev.retention.recsys.ItemRecommender {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "recsys-item-knn";
    /** The schema version of this type's sections that this library writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private final Ratings train;
    private final CsrMatrix similarity;
    private final ItemKnnOptions options;

    ItemKnnModel(Ratings train, CsrMatrix similarity, ItemKnnOptions options, FitSummary fit) {
        this(Common.of(train, fit), train, similarity, options);
    }

    /**
     * {@return a model from a similarity computed elsewhere (for example a distributed Gram product), for a writer
     * of model files that did not fit with {@link ItemKnn#fit}} The similarity must be what {@link ItemKnn#fit}
     * would compute from {@code train} and {@code options} for the model to mean what its type says; only its
     * shape and values are checked.
     *
     * @param train      read, kept: the training interactions, with their id indexes
     * @param similarity read, kept: items x items, the top-K similarities of each item's row, finite
     * @param options    the options the similarity was computed with
     * @param fit        the summary of the computation
     * @throws IllegalArgumentException if the similarity is not items x items or holds a value that is not finite
     */
    public static ItemKnnModel of(Ratings train, CsrMatrix similarity, ItemKnnOptions options, FitSummary fit) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(similarity, "similarity");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(fit, "fit");
        return new ItemKnnModel(train, similarity, options, fit);
    }

    private ItemKnnModel(Common common, Ratings train, CsrMatrix similarity, ItemKnnOptions options) {
        super("ItemKNN-" + options.weighting().label(), MODEL_TYPE, SCHEMA_VERSION, common);
        NeighbourScores.checkSimilarity(similarity, common.itemCount());
        this.train = train;
        this.similarity = similarity;
        this.options = options;
    }

    @Override
    protected double unclippedEstimate(int user, int item) {
        if (user < 0 || user >= userCount() || item < 0 || item >= itemCount()) {
            return Double.NaN;
        }
        return NeighbourScores.estimate(train.byUser(), similarity, user, item);
    }

    @Override
    protected String impossibleReason(int user, int item) {
        return UNKNOWN;
    }

    /**
     * {@inheritDoc} A user outside the id space gets the global mean for every item, as every rating model;
     * a new customer with purchases is scored by {@link #scoreItems(int[], float[], double[])}.
     */
    @Override
    public void scoreItems(int user, double[] out) {
        checkScores(out);
        if (user < 0 || user >= userCount()) {
            super.scoreItems(user, out);
            return;
        }
        NeighbourScores.scoreUser(train.byUser(), similarity, user, out);
    }

    /**
     * Scores every item for a customer outside the training data from their purchases (fold-in by definition:
     * the same sum as for a training user, so a training user's own items give their fitted scores).
     * O(items + purchases x K).
     *
     * @param items  read; dense item indexes of the purchases, each in [0, itemCount()), distinct
     * @param values read; the value of each purchase (finite and {@code > 0}; 1 for binary data); same length
     * @param out    written; one score per item, length {@code itemCount()}
     * @throws IllegalArgumentException if the lengths differ, an item is out of range or repeated, or a value is not
     *                                  finite and positive
     */
    @Override
    public void scoreItems(int[] items, float[] values, double[] out) {
        dev.retention.recsys.internal.Purchases.check(items, values, itemCount());
        checkScores(out);
        NeighbourScores.scorePurchases(similarity, items, values, out);
    }

    /**
     * {@inheritDoc} The item's row of the neighbour matrix: its top-K neighbours' similarities, 0 for the other items.
     * O(items).
     */
    @Override
    public void similarItems(int item, double[] out) {
        Objects.checkIndex(item, itemCount());
        checkScores(out);
        NeighbourScores.similarRow(similarity, item, out);
    }

    /**
     * {@return the neighbours of an item, best first: parallel items and similarities; the item itself included}
     * O(K log K).
     *
     * @param item dense item index in [0, itemCount())
     */
    public int[] neighbours(int item) {
        Objects.checkIndex(item, itemCount());
        int start = similarity.rowStart(item);
        int n = similarity.rowEnd(item) - start;
        Integer[] order = new Integer[n];
        for (int t = 0; t < n; t++) {
            order[t] = start + t;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Float.compare(similarity.value(b), similarity.value(a));
            return c != 0 ? c : Integer.compare(similarity.columnIndex(a), similarity.columnIndex(b));
        });
        int[] out = new int[n];
        for (int t = 0; t < n; t++) {
            out[t] = similarity.columnIndex(order[t]);
        }
        return out;
    }

    /**
     * {@return the similarity of two items, 0 when {@code b} is not among the neighbours of {@code a}}
     *
     * @param a dense item index
     * @param b dense item index
     */
    public double similarity(int a, int b) {
        Objects.checkIndex(a, itemCount());
        Objects.checkIndex(b, itemCount());
        return similarity.get(a, b);
    }

    /** {@return the options used} */
    public ItemKnnOptions options() {
        return options;
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        file.putString("weighting", options.weighting().name()).putInt("neighbours", options.neighbours())
                .putDouble("k1", options.k1()).putDouble("b", options.b());
        putRatings(file, train);
        similarity.writeTo(file, "similarity");
    }

    /**
     * Reads a model written by {@link #toBytes()} or {@link #save}; it equals the saved model.
     *
     * @param file read; a checked model file
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another type, a newer schema, or sections that are missing,
     *                              malformed or refused (the message names the file)
     */
    public static ItemKnnModel read(ModelFile file) throws ModelFormatException {
        file.requireType(MODEL_TYPE, SCHEMA_VERSION);
        return readModel(file, (f, common) -> {
            ItemKnnOptions o = new ItemKnnOptions(ItemKnnOptions.Weighting.valueOf(f.string("weighting")),
                    f.intValue("neighbours"), f.doubleValue("k1"), f.doubleValue("b"), 1);
            Ratings train = readRatings(f, common);
            CsrMatrix s = CsrMatrix.readFrom(f, "similarity");
            return new ItemKnnModel(common, train, s, o);
        });
    }

    @Override
    protected boolean sameParameters(RatingModel other) {
        ItemKnnModel m = (ItemKnnModel) other;
        return m.options.withThreads(1).equals(options.withThreads(1)) && m.similarity.equals(similarity)
                && m.train.byUser().equals(train.byUser());
    }

    @Override
    protected int parameterHash() {
        return Objects.hash(options.withThreads(1), similarity);
    }

    /** The weighting, the size of the similarity, and the fit summary. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ItemKNN (%s, K = %d): %,d users x %,d items, %,d similarities%n",
                options.weighting().label(), options.neighbours(), userCount(), itemCount(), similarity.nnz())
                + fitSummary();
    }
}
