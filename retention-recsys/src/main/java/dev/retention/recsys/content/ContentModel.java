package dev.retention.recsys.content;

import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.ItemRecommender;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.Purchases;
import dev.retention.recsys.internal.neighbours.NeighbourScores;
import dev.retention.recsys.sparse.CsrMatrix;

import java.util.Locale;
import java.util.Objects;

/**
 * The content-based recommender fitted by {@link ContentRecommender#fit}: the attribute-cosine neighbour matrix
 * {@code S} (top K per item) and the training values; a user's scores are {@code x_u S}. Fold-in is the same sum for a
 * new customer's purchases, by definition (bit for bit a training user's scores for their own row). Immutable and
 * thread-safe; a user's scores cost O(items + purchases K).
 *
 * <p>A top-N model: as a rating estimate, the score clipped to the scale means nothing.
 *
 * <p>Model file type {@value #MODEL_TYPE}, schema {@value #SCHEMA_VERSION}: besides the common sections of
 * {@link RatingModel}, {@code neighbours}, the training values ({@code ratings_*}) and the neighbour matrix
 * ({@code similarity_*}, items x items CSR).
 */
public final class ContentModel extends RatingModel implements ItemRecommender {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "recsys-content";
    /** The schema version of this type's sections that this library writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private final Ratings train;
    private final CsrMatrix similarity;
    private final ContentOptions options;

    ContentModel(Ratings train, CsrMatrix similarity, ContentOptions options, FitSummary fit) {
        this(Common.of(train, fit), train, similarity, options);
    }

    private ContentModel(Common common, Ratings train, CsrMatrix similarity, ContentOptions options) {
        super("content-based", MODEL_TYPE, SCHEMA_VERSION, common);
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

    /** {@inheritDoc} A user outside the id space gets the global mean for every item, as every rating model. */
    @Override
    public void scoreItems(int user, double[] out) {
        checkScores(out);
        if (user < 0 || user >= userCount()) {
            super.scoreItems(user, out);
            return;
        }
        NeighbourScores.scoreUser(train.byUser(), similarity, user, out);
    }

    /** {@inheritDoc} By definition: {@code x S} for the new customer's row {@code x}. O(items + purchases K). */
    @Override
    public void scoreItems(int[] items, float[] values, double[] out) {
        Purchases.check(items, values, itemCount());
        checkScores(out);
        NeighbourScores.scorePurchases(similarity, items, values, out);
    }

    /**
     * {@inheritDoc} The item's row of the neighbour matrix: the attribute cosine of its top-K neighbours, 0 for the
     * other items (and for every item when it has no attributes). O(items).
     */
    @Override
    public void similarItems(int item, double[] out) {
        Objects.checkIndex(item, itemCount());
        checkScores(out);
        NeighbourScores.similarRow(similarity, item, out);
    }

    /** {@return the items x items neighbour matrix (top K of each row)} */
    public CsrMatrix similarity() {
        return similarity;
    }

    /** {@return the training purchases the scores sum over} */
    public Ratings trainingData() {
        return train;
    }

    /** {@return the options used} */
    public ContentOptions options() {
        return options;
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        file.putInt("neighbours", options.neighbours());
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
    public static ContentModel read(ModelFile file) throws ModelFormatException {
        file.requireType(MODEL_TYPE, SCHEMA_VERSION);
        return readModel(file, (f, common) -> new ContentModel(common, readRatings(f, common),
                CsrMatrix.readFrom(f, "similarity"), new ContentOptions(f.intValue("neighbours"), 1)));
    }

    @Override
    protected boolean sameParameters(RatingModel other) {
        ContentModel m = (ContentModel) other;
        return m.options.withThreads(1).equals(options.withThreads(1)) && m.similarity.equals(similarity)
                && m.train.byUser().equals(train.byUser());
    }

    @Override
    protected int parameterHash() {
        return Objects.hash(options.withThreads(1), similarity, train.byUser());
    }

    /** The options, the sizes and the fit summary. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "content-based (TF-IDF cosine, %d neighbours): %,d users x %,d items, %,d "
                + "similarities%n", options.neighbours(), userCount(), itemCount(), similarity.nnz()) + fitSummary();
    }
}
