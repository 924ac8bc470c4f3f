package dev.retention.recsys.ease;

import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.ItemRecommender;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.ModelSections;
import dev.retention.recsys.internal.Purchases;
import dev.retention.recsys.sparse.CsrMatrix;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * EASE fitted by {@link Ease#fit}: the dense items x items weights {@code B} (float, zero diagonal) and the training
 * values; a user's scores are {@code x_u B}, the sum of the rows of their purchases weighted by the values. Fold-in is
 * the same sum for a new customer's purchases, by definition, and equals a training user's scores bit for bit for their
 * own row. Immutable and thread-safe; a user's scores cost O(purchases items).
 *
 * <p>A top-N model: as a rating estimate, the score clipped to the scale means nothing.
 *
 * <p>Model file type {@value #MODEL_TYPE}, schema {@value #SCHEMA_VERSION}: besides the common sections of
 * {@link RatingModel}, {@code lambda}, the training values ({@code ratings_*}) and {@code weights} ({@code B}
 * row-major, items x items floats, finite); a file whose item count exceeds {@link Ease#MAX_ITEMS} is refused before
 * the weights are read.
 */
public final class EaseModel extends RatingModel implements ItemRecommender {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "recsys-ease";
    /** The schema version of this type's sections that this library writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private final Ratings train;
    private final CsrMatrix byUser;
    private final float[] weights;
    private final EaseOptions options;

    EaseModel(Ratings train, float[] weights, EaseOptions options, FitSummary fit) {
        this(Common.of(train, fit), train, weights, options);
    }

    private EaseModel(Common common, Ratings train, float[] weights, EaseOptions options) {
        super("EASE", MODEL_TYPE, SCHEMA_VERSION, common);
        int n = common.itemCount();
        if (weights.length != (long) n * n) {
            throw new IllegalArgumentException("weights must be " + n + " x " + n + ", got " + weights.length
                    + " values");
        }
        for (int t = 0; t < weights.length; t++) {
            if (!Float.isFinite(weights[t])) {
                throw new IllegalArgumentException("weights must be finite, got " + weights[t] + " at " + t);
            }
        }
        this.train = train;
        this.byUser = train.byUser();
        this.weights = weights;
        this.options = options;
    }

    @Override
    protected double unclippedEstimate(int user, int item) {
        if (user < 0 || user >= userCount() || item < 0 || item >= itemCount()) {
            return Double.NaN;
        }
        int n = itemCount();
        double s = 0;
        for (int p = byUser.rowStart(user); p < byUser.rowEnd(user); p++) {
            s += (double) byUser.value(p) * weights[byUser.columnIndex(p) * n + item];
        }
        return s;
    }

    @Override
    protected String impossibleReason(int user, int item) {
        return UNKNOWN;
    }

    /**
     * {@inheritDoc} A user outside the id space gets the global mean for every item, as every rating model.
     */
    @Override
    public void scoreItems(int user, double[] out) {
        checkScores(out);
        if (user < 0 || user >= userCount()) {
            super.scoreItems(user, out);
            return;
        }
        Arrays.fill(out, 0);
        for (int p = byUser.rowStart(user); p < byUser.rowEnd(user); p++) {
            addRow(byUser.columnIndex(p), byUser.value(p), out);
        }
    }

    private void addRow(int item, double value, double[] out) {
        int o = item * itemCount();
        for (int j = 0; j < out.length; j++) {
            out[j] += value * weights[o + j];
        }
    }

    /**
     * {@inheritDoc} By definition: {@code x B} for the new customer's row {@code x}. For a training user's own row (in
     * the order of their training row) the scores are those of {@link #scoreItems(int, double[])} bit for bit.
     */
    @Override
    public void scoreItems(int[] items, float[] values, double[] out) {
        Purchases.check(items, values, itemCount());
        checkScores(out);
        Arrays.fill(out, 0);
        for (int t = 0; t < items.length; t++) {
            addRow(items[t], values[t], out);
        }
    }

    /**
     * {@inheritDoc} Row {@code item} of {@code B}: how much buying {@code item} raises each item's score (0 for the item
     * itself, the diagonal being 0). O(items).
     */
    @Override
    public void similarItems(int item, double[] out) {
        Objects.checkIndex(item, itemCount());
        checkScores(out);
        int o = item * itemCount();
        for (int j = 0; j < out.length; j++) {
            out[j] = weights[o + j];
        }
    }

    /** {@return the weights {@code B}, items x items row-major, zero diagonal; a copy} */
    public float[] weights() {
        return weights.clone();
    }

    /** {@return the options used} */
    public EaseOptions options() {
        return options;
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        file.putDouble("lambda", options.lambda());
        putRatings(file, train);
        file.putFloats("weights", weights);
    }

    /**
     * Reads a model written by {@link #toBytes()} or {@link #save}; it equals the saved model.
     *
     * @param file read; a checked model file
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another type, a newer schema, more items than
     *                              {@link Ease#MAX_ITEMS}, or sections that are missing, malformed or refused (the message
     *                              names the file)
     */
    public static EaseModel read(ModelFile file) throws ModelFormatException {
        file.requireType(MODEL_TYPE, SCHEMA_VERSION);
        return readModel(file, (f, common) -> {
            if (common.itemCount() > Ease.MAX_ITEMS) {
                throw new ModelFormatException(f.source() + ": an EASE model of " + common.itemCount()
                        + " items; the limit is " + Ease.MAX_ITEMS);
            }
            EaseOptions o = new EaseOptions(f.doubleValue("lambda"), 1);
            Ratings train = readRatings(f, common);
            float[] w = f.floats("weights");
            ModelSections.requireLength(f, "weights", w.length, (long) common.itemCount() * common.itemCount());
            return new EaseModel(common, train, w, o);
        });
    }

    @Override
    protected boolean sameParameters(RatingModel other) {
        EaseModel m = (EaseModel) other;
        return m.options.withThreads(1).equals(options.withThreads(1)) && m.byUser.equals(byUser)
                && Arrays.equals(m.weights, weights);
    }

    @Override
    protected int parameterHash() {
        return Objects.hash(options.withThreads(1), byUser, Arrays.hashCode(weights));
    }

    /** The options, the sizes and the fit summary. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EASE (lambda %s): %,d users x %,d items, %,d weights%n", options.lambda(),
                userCount(), itemCount(), weights.length) + fitSummary();
    }
}
