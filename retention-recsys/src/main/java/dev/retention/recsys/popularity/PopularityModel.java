package dev.retention.recsys.popularity;

import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.ModelSections;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The most-popular-items recommender fitted by {@link Popularity#fit}: every user gets the same item scores,
 * the items' popularity in the training data, so {@link dev.retention.recsys.TopN#recommend} gives each user
 * the most popular items they have not bought or rated yet (ties to the smaller item index). Any user index,
 * even one outside the training data's users, is scored (a new customer gets the most popular items); an item
 * outside the id space is unknown. Immutable and thread-safe; a score O(1), {@link #scoreItems} O(items).
 *
 * <p>A top-N model: as a rating estimate, the popularity clipped to the scale means nothing.
 *
 * <p>Model file type {@value #MODEL_TYPE}, schema {@value #SCHEMA_VERSION}: besides the common sections of
 * {@link RatingModel}, {@code measure} and {@code popularity} (one finite value {@code >= 0} per item).
 */
public final class PopularityModel extends RatingModel implements dev.retention.recsys.ItemRecommender {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "recsys-popularity";
    /** The schema version of this type's sections that this library writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private final double[] popularity;
    private final PopularityOptions options;

    PopularityModel(Ratings train, double[] popularity, PopularityOptions options, FitSummary fit) {
        this(Common.of(train, fit), popularity, options);
    }

    private PopularityModel(Common common, double[] popularity, PopularityOptions options) {
        super("MostPopular", MODEL_TYPE, SCHEMA_VERSION, common);
        for (int i = 0; i < popularity.length; i++) {
            if (!(popularity[i] >= 0)) {
                throw new IllegalArgumentException("popularity must be >= 0, got " + popularity[i] + " for item "
                        + i);
            }
        }
        this.popularity = popularity;
        this.options = options;
    }

    @Override
    protected double unclippedEstimate(int user, int item) {
        return item >= 0 && item < popularity.length ? popularity[item] : Double.NaN;
    }

    @Override
    protected String impossibleReason(int user, int item) {
        return UNKNOWN;
    }

    @Override
    public void scoreItems(int user, double[] out) {
        checkScores(out);
        System.arraycopy(popularity, 0, out, 0, popularity.length);
    }

    /**
     * {@inheritDoc} Popularity does not depend on the customer: every customer, new or not, gets the popularity of
     * each item; the purchases are only checked.
     */
    @Override
    public void scoreItems(int[] items, float[] values, double[] out) {
        dev.retention.recsys.internal.Purchases.check(items, values, itemCount());
        scoreItems(-1, out);
    }

    /**
     * {@inheritDoc} Popularity has no notion of item similarity: the scores are the items' popularity, whatever
     * the item.
     */
    @Override
    public void similarItems(int item, double[] out) {
        java.util.Objects.checkIndex(item, itemCount());
        scoreItems(-1, out);
    }

    /** {@return the popularity of every item of the id space; a copy} */
    public double[] popularity() {
        return popularity.clone();
    }

    /**
     * {@return the popularity of item {@code i}}
     *
     * @param i dense item index, in [0, itemCount())
     */
    public double popularity(int i) {
        return popularity[Objects.checkIndex(i, popularity.length)];
    }

    /** {@return the options used} */
    public PopularityOptions options() {
        return options;
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        file.putString("measure", options.measure().name()).putDoubles("popularity", popularity);
    }

    /**
     * Reads a model written by {@link #toBytes()} or {@link #save}; it equals the saved model.
     *
     * @param file read; a checked model file
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another type, a newer schema, or sections that are missing,
     *                              malformed or refused (the message names the file)
     */
    public static PopularityModel read(ModelFile file) throws ModelFormatException {
        file.requireType(MODEL_TYPE, SCHEMA_VERSION);
        return readModel(file, (f, common) -> new PopularityModel(common,
                ModelSections.finiteDoubles(f, "popularity", common.itemCount()),
                new PopularityOptions(PopularityOptions.Measure.valueOf(f.string("measure")))));
    }

    @Override
    protected boolean sameParameters(RatingModel other) {
        PopularityModel m = (PopularityModel) other;
        return m.options.equals(options) && Arrays.equals(m.popularity, popularity);
    }

    @Override
    protected int parameterHash() {
        return Objects.hash(options, Arrays.hashCode(popularity));
    }

    /** The measure, the most popular items by external id, and the fit summary. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MostPopular (%s): %,d items%n", options.measure(), popularity.length)
                + largest("most popular items", items(), popularity, 10, "%.0f")
                + fitSummary();
    }
}
