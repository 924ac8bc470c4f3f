package dev.retention.recsys;

import dev.retention.data.IdIndex;
import dev.retention.model.FitSummary;
import dev.retention.model.Model;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.internal.ModelSections;
import dev.retention.recsys.sparse.CsrMatrix;

import java.util.Locale;
import java.util.Objects;

/**
 * The shared part of the rating models of this module: clipping to the scale, falling back to the global
 * mean when a model cannot predict and saying why, scoring every item for top-N, the id indexes of the
 * training data (so that a model reports external ids), and the model file. Subclasses supply the unclipped
 * estimate, their own model-file sections and what makes two of them equal. Immutable and thread-safe when
 * subclasses are.
 *
 * <p>Model file: {@link #toBytes()} writes the model type and schema version, the {@link FitSummary}
 * (sections {@code fit.*}), the sections every rating model has ({@code scale} (min, max),
 * {@code global_mean}, the id indexes {@code users_*} and {@code items_*}), then the model's own. Each model
 * class reads its files back with a static {@code read(ModelFile)}; {@code Models.load(path)} finds it
 * through the module's model reader. A loaded model equals the saved one and predicts exactly what it did.
 *
 * <p>Equality: two rating models are equal when they are of the same class and agree on the scale, the global
 * mean, the id indexes and the model's own parameters and options (not the fit summary, whose time differs
 * from fit to fit, and not the number of threads, which does not change a model).
 */
public abstract class RatingModel implements RatingPredictor, Model {

    /** Why a prediction was impossible: the user or item has no rating in the training data. */
    protected static final String UNKNOWN = "user and/or item is unknown";
    /** Why a prediction was impossible: no neighbour with positive similarity. */
    protected static final String NO_NEIGHBOURS = "not enough neighbours";
    /** Why a prediction was impossible when the model gave no reason of its own. */
    private static final String CANNOT_PREDICT = "the model cannot predict this pair";
    /** Why a prediction was impossible: the model's estimate overflowed. */
    private static final String NOT_FINITE = "the model's estimate is not finite";

    private final String name;
    private final String modelType;
    private final int schemaVersion;
    private final RatingScale scale;
    private final double globalMean;
    private final IdIndex users;
    private final IdIndex items;
    private final FitSummary fitSummary;

    /**
     * The parts every rating model has, as read from a model file by {@link #readModel}.
     *
     * @param scale      the rating scale predictions are clipped to
     * @param globalMean the fallback estimate, finite
     * @param users      the user ids of the training data
     * @param items      the item ids of the training data
     * @param fitSummary what the fit did
     */
    protected record Common(RatingScale scale, double globalMean, IdIndex users, IdIndex items,
                            FitSummary fitSummary) {

        /**
         * Checks the parts.
         *
         * @param scale      the rating scale predictions are clipped to
         * @param globalMean the fallback estimate, finite
         * @param users      the user ids of the training data
         * @param items      the item ids of the training data
         * @param fitSummary what the fit did
         */
        public Common {
            Objects.requireNonNull(scale, "scale");
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(items, "items");
            Objects.requireNonNull(fitSummary, "fitSummary");
            if (!Double.isFinite(globalMean)) {
                throw new IllegalArgumentException("globalMean must be finite, got " + globalMean);
            }
        }

        /**
         * {@return the common parts of a model fitted on {@code train}}
         *
         * @param train      read: its scale, global mean and id indexes are kept
         * @param fitSummary what the fit did
         */
        public static Common of(Ratings train, FitSummary fitSummary) {
            return new Common(train.scale(), train.globalMean(), train.users(), train.items(), fitSummary);
        }

        /** {@return the size of the user id space} */
        public int userCount() {
            return users.size();
        }

        /** {@return the size of the item id space} */
        public int itemCount() {
            return items.size();
        }
    }

    /**
     * Reads the model's own sections once the common ones are read.
     *
     * @param <T> the model's class
     */
    @FunctionalInterface
    protected interface SectionReader<T> {
        /**
         * Builds the model.
         *
         * @param file   read
         * @param common the parts every rating model has
         * @return the model
         * @throws ModelFormatException     if a section is missing or malformed
         * @throws IllegalArgumentException if the model's constructor or options reject a value (reported
         *                                  as a {@link ModelFormatException} naming the file)
         */
        T read(ModelFile file, Common common) throws ModelFormatException;
    }

    /**
     * A model from its parts.
     *
     * @param name          algorithm name, such as {@code "KNNWithMeans"}
     * @param modelType     the model type of its files, such as {@code "recsys-knn"}
     * @param schemaVersion the schema version of that type's sections that this library writes, {@code >= 1}
     * @param common        scale, global mean, id indexes, fit summary ({@link Common#of} for a fitted model)
     */
    protected RatingModel(String name, String modelType, int schemaVersion, Common common) {
        this.name = Objects.requireNonNull(name, "name");
        this.modelType = Objects.requireNonNull(modelType, "modelType");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1, got " + schemaVersion);
        }
        this.schemaVersion = schemaVersion;
        Objects.requireNonNull(common, "common");
        this.scale = common.scale();
        this.globalMean = common.globalMean();
        this.users = common.users();
        this.items = common.items();
        this.fitSummary = common.fitSummary();
    }

    /**
     * {@return the unclipped estimate, or {@link Double#NaN} when the model cannot predict; then
     * {@link #impossibleReason} says why} Must be thread-safe and must not log.
     *
     * @param user dense user index
     * @param item dense item index
     */
    protected abstract double unclippedEstimate(int user, int item);

    /**
     * Why {@link #unclippedEstimate} returned NaN for this pair.
     *
     * @param user dense user index
     * @param item dense item index
     * @return one sentence, for the prediction's details
     */
    protected abstract String impossibleReason(int user, int item);

    /**
     * Adds the model's own sections to a model file whose common part (type, fit summary, scale, global mean,
     * id indexes) is already written.
     *
     * @param file written
     */
    protected abstract void writeSections(ModelFile.Writer file);

    /**
     * {@return whether {@code other}, a model of the same class with the same common parts, has the same options and
     * parameters (the number of threads aside)}
     *
     * @param other a model of the same class
     */
    protected abstract boolean sameParameters(RatingModel other);

    /** {@return a hash of what {@link #sameParameters} compares} */
    protected abstract int parameterHash();

    /**
     * The model as a model file: type and schema version, fit summary, the common sections and the model's
     * own. O(size of the model).
     */
    @Override
    public final byte[] toBytes() {
        ModelFile.Writer w = ModelFile.writer(modelType(), schemaVersion());
        fitSummary.writeTo(w);
        w.putDoubles("scale", new double[] {scale.min(), scale.max()}).putDouble("global_mean", globalMean);
        ModelSections.putIds(w, "users", users);
        ModelSections.putIds(w, "items", items);
        writeSections(w);
        return w.toBytes();
    }

    /**
     * Reads a model file whose type and schema the caller has checked: the common sections, then the model's
     * own through {@code reader}. A value that the model's constructor or options refuse
     * ({@link IllegalArgumentException}, or an index out of range) is turned into a
     * {@link ModelFormatException} naming the file and the model type.
     *
     * @param <T>    the model's class
     * @param file   read
     * @param reader builds the model
     * @return the model
     * @throws ModelFormatException if a section is missing, malformed or holds a refused value
     */
    protected static <T extends RatingModel> T readModel(ModelFile file, SectionReader<T> reader)
            throws ModelFormatException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reader, "reader");
        try {
            double[] s = file.doubles("scale");
            ModelSections.requireLength(file, "scale", s.length, 2);
            Common common = new Common(new RatingScale(s[0], s[1]), file.doubleValue("global_mean"),
                    ModelSections.ids(file, "users"), ModelSections.ids(file, "items"), FitSummary.readFrom(file));
            return reader.read(file, common);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ModelFormatException(file.source() + ": invalid " + file.modelType() + " model: "
                    + e.getMessage());
        }
    }

    /**
     * Adds training ratings (the users x items matrix) as the {@code ratings_*} sections.
     *
     * @param file    written: the sections are added
     * @param ratings read: the training ratings
     */
    protected static void putRatings(ModelFile.Writer file, Ratings ratings) {
        ratings.byUser().writeTo(file, "ratings");
    }

    /**
     * Reads training ratings written by {@link #putRatings}, on the common scale and id indexes.
     *
     * @param file   read
     * @param common the parts every rating model has
     * @return the ratings read
     * @throws ModelFormatException if the matrix is malformed or does not match the id spaces
     */
    protected static Ratings readRatings(ModelFile file, Common common) throws ModelFormatException {
        CsrMatrix byUser = CsrMatrix.readFrom(file, "ratings");
        if (byUser.rows() != common.userCount() || byUser.cols() != common.itemCount()) {
            throw new ModelFormatException(file.source() + ": the ratings are " + byUser.rows() + " x "
                    + byUser.cols() + ", the id spaces " + common.userCount() + " x " + common.itemCount());
        }
        return Ratings.of(byUser, common.scale(), common.users(), common.items());
    }

    @Override
    public final String modelType() {
        return modelType;
    }

    @Override
    public final int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public final FitSummary fitSummary() {
        return fitSummary;
    }

    /** {@return the mean of the training ratings, the fallback estimate} */
    public final double globalMean() {
        return globalMean;
    }

    /** {@return the user ids of the training data: dense user index {@code u} is {@code users().id(u)}} */
    public final IdIndex users() {
        return users;
    }

    /** {@return the item ids of the training data: dense item index {@code i} is {@code items().id(i)}} */
    public final IdIndex items() {
        return items;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final RatingScale scale() {
        return scale;
    }

    /**
     * {@inheritDoc} Always finite and on the scale: an estimate the model cannot make (NaN) or that is not finite
     * falls back to the global mean.
     */
    @Override
    public final double estimate(int user, int item) {
        double e = unclippedEstimate(user, item);
        return scale.clip(Double.isFinite(e) ? e : globalMean);
    }

    /**
     * {@inheritDoc} The estimate is always finite and on the scale; a fallback (the model cannot predict, or its
     * estimate is not finite) is the global mean, flagged impossible with a reason that is never empty.
     */
    @Override
    public final Prediction predict(int user, int item) {
        double e = unclippedEstimate(user, item);
        if (Double.isNaN(e)) {
            String reason = impossibleReason(user, item);
            return new Prediction(user, item, scale.clip(globalMean), true,
                    reason == null || reason.isEmpty() ? CANNOT_PREDICT : reason);
        }
        if (Double.isInfinite(e)) {
            return new Prediction(user, item, scale.clip(globalMean), true, NOT_FINITE);
        }
        return new Prediction(user, item, scale.clip(e), false, "");
    }

    /**
     * {@inheritDoc} Every score is finite: the global mean where the model cannot estimate or its estimate is
     * not finite.
     */
    @Override
    public void scoreItems(int user, double[] out) {
        checkScores(out);
        for (int i = 0; i < out.length; i++) {
            double e = unclippedEstimate(user, i);
            out[i] = Double.isFinite(e) ? e : globalMean;
        }
    }

    /**
     * Checks the length of a score array.
     *
     * @param out the scores, one per item
     */
    protected final void checkScores(double[] out) {
        Objects.requireNonNull(out, "out");
        if (out.length != items.size()) {
            throw new IllegalArgumentException("out must have length itemCount() = " + items.size() + ", got "
                    + out.length);
        }
    }

    @Override
    public final int userCount() {
        return users.size();
    }

    @Override
    public final int itemCount() {
        return items.size();
    }

    // by class, not instanceof: the hierarchy is open (a subclass elsewhere may reuse a model type), and
    // sameParameters may only compare two models of one class
    @SuppressWarnings("EqualsGetClass")
    @Override
    public final boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        RatingModel m = (RatingModel) o;
        return m.name.equals(name) && m.scale.equals(scale) && Double.compare(m.globalMean, globalMean) == 0
                && m.users.equals(users) && m.items.equals(items) && sameParameters(m);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(modelType(), name, scale, globalMean, users.size(), items.size(), parameterHash());
    }

    /**
     * {@return the lines of a small table of the {@code count} largest values, by external id, largest first (ties to
     * the smaller index), for the {@code toString()} of the models}
     *
     * @param title  the table's title
     * @param ids    the ids of the values' indexes
     * @param values read; one per id
     * @param count  rows at most
     * @param format the format of a value, such as {@code "%.4f"}
     */
    protected static String largest(String title, IdIndex ids, double[] values, int count, String format) {
        int n = values.length;
        int[] top = new int[Math.min(count, n)];
        int size = 0;
        for (int i = 0; i < n; i++) {   // insertion into a short sorted list: count is small
            if (top.length > 0 && (size < top.length || values[i] > values[top[size - 1]])) {
                int at = Math.min(size, top.length - 1);
                while (at > 0 && values[top[at - 1]] < values[i]) {
                    top[at] = top[at - 1];
                    at--;
                }
                top[at] = i;
                size = Math.min(size + 1, top.length);
            }
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %s%n%8s %14s %12s%n", title, "rank",
                "id", "value"));
        for (int t = 0; t < size; t++) {
            sb.append(String.format(Locale.ROOT, "%8d %14s %12s%n", t + 1, ids.id(top[t]),
                    String.format(Locale.ROOT, format, values[top[t]])));
        }
        return sb.toString();
    }
}
