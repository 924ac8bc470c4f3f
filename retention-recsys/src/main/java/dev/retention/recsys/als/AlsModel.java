package dev.retention.recsys.als;

import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Confidence;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.ImplAls;
import dev.retention.recsys.internal.ImplFactorization;
import dev.retention.recsys.internal.Limits;
import dev.retention.recsys.internal.ModelSections;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Implicit-feedback ALS fitted by {@link ImplicitAls#fit}: float user and item factors; a user's score of an item is
 * {@code x_u . y_i}, and {@link dev.retention.recsys.TopN#recommend} ranks them over the items the user has not
 * bought. A new customer is folded in by one least-squares solve ({@link #foldIn}: the exact user step of the fit
 * against the item factors, as {@code implicit}'s {@code recalculate_user}), without refitting. Immutable and
 * thread-safe; a user's scores cost O(items f).
 *
 * <p>A top-N model: as a rating estimate, the score clipped to the scale means nothing.
 *
 * <p>Model file type {@value #MODEL_TYPE}, schema {@value #SCHEMA_VERSION}: besides the common sections of
 * {@link RatingModel}, the options ({@code factors}, {@code regularization}, {@code alpha}, {@code iterations},
 * {@code cg_steps}, {@code seed}), the confidence weighting ({@code confidence}, {@code epsilon}, {@code k1},
 * {@code b}, and the training data's {@code mean_row_sum} and {@code item_idf} for fold-in; a file without them has
 * the weighting {@code alpha value}) and {@code user_factors}, {@code item_factors} (row-major floats, finite and within {@code +-2^50}).
 */
public final class AlsModel extends RatingModel implements dev.retention.recsys.ItemRecommender {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "recsys-implicit-als";
    /** The schema version of this type's sections that this library writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private final float[] userFactors;
    private final float[] itemFactors;
    private final AlsOptions options;
    /** The training statistics of the confidence weighting, for fold-in: item idf (or null) and mean row sum. */
    private final double[] itemIdf;
    private final double meanRowSum;
    /** The item factors as rows, and transposed (factors x items), for the kernels and for scoring. */
    private final float[][] itemRows;
    private final float[][] itemColumns;
    /** {@code Y^T Y} for fold-in, computed on first use; a benign race computes the same array. */
    private volatile ItemGram itemGram;

    AlsModel(Ratings train, float[] userFactors, float[] itemFactors, AlsOptions options, double[] itemIdf,
             double meanRowSum, FitSummary fit) {
        this(Common.of(train, fit), userFactors, itemFactors, options, itemIdf, meanRowSum);
    }

    private AlsModel(Common common, float[] userFactors, float[] itemFactors, AlsOptions options, double[] itemIdf,
                     double meanRowSum) {
        super("ImplicitALS", MODEL_TYPE, SCHEMA_VERSION, common);
        int f = options.factors();
        if (userFactors.length != (long) common.userCount() * f || itemFactors.length != (long) common.itemCount() * f) {
            throw new IllegalArgumentException("factors must be " + common.userCount() + " x " + f + " and "
                    + common.itemCount() + " x " + f + ", got " + userFactors.length + " and " + itemFactors.length
                    + " values");
        }
        Limits.requireFactors("userFactors", userFactors);
        Limits.requireFactors("itemFactors", itemFactors);
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.options = options;
        this.itemIdf = itemIdf;
        this.meanRowSum = meanRowSum;
        this.itemRows = ImplAls.rows(itemFactors, common.itemCount(), f);
        this.itemColumns = new float[f][common.itemCount()];
        for (int i = 0; i < common.itemCount(); i++) {
            for (int k = 0; k < f; k++) {
                itemColumns[k][i] = itemFactors[i * f + k];
            }
        }
    }

    @Override
    protected double unclippedEstimate(int user, int item) {
        if (user < 0 || user >= userCount() || item < 0 || item >= itemCount()) {
            return Double.NaN;
        }
        return dot(userFactors, user * options.factors(), item);
    }

    private double dot(float[] x, int offset, int item) {
        int f = options.factors();
        int o = item * f;
        double s = 0;
        for (int k = 0; k < f; k++) {
            s += (double) x[offset + k] * itemFactors[o + k];
        }
        return s;
    }

    @Override
    protected String impossibleReason(int user, int item) {
        return UNKNOWN;
    }

    /**
     * {@inheritDoc} A user outside the id space gets the global mean for every item, as every rating model; a new
     * customer is scored from {@link #foldIn} by {@link #scoreItems(float[], double[])}.
     */
    @Override
    public void scoreItems(int user, double[] out) {
        checkScores(out);
        if (user < 0 || user >= userCount()) {
            super.scoreItems(user, out);
            return;
        }
        int f = options.factors();
        score(Arrays.copyOfRange(userFactors, user * f, (user + 1) * f), out);
    }

    /**
     * {@code out = Y x} in float over the transposed item factors, four factors per pass (element-wise loops over
     * the items, which C2 vectorizes), then widened to double. O(items f).
     */
    private void score(float[] x, double[] out) {
        int f = options.factors();
        int n = itemCount();
        float[] acc = new float[n];
        int k = 0;
        for (; k + 3 < f; k += 4) {
            float x0 = x[k];
            float x1 = x[k + 1];
            float x2 = x[k + 2];
            float x3 = x[k + 3];
            float[] c0 = itemColumns[k];
            float[] c1 = itemColumns[k + 1];
            float[] c2 = itemColumns[k + 2];
            float[] c3 = itemColumns[k + 3];
            for (int i = 0; i < n; i++) {
                acc[i] += x0 * c0[i] + x1 * c1[i] + x2 * c2[i] + x3 * c3[i];
            }
        }
        for (; k < f; k++) {
            float xk = x[k];
            float[] c = itemColumns[k];
            for (int i = 0; i < n; i++) {
                acc[i] += xk * c[i];
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] = acc[i];
        }
    }

    /**
     * Scores every item for a user vector, such as one from {@link #foldIn}: {@code y_i . x} summed in float.
     * O(items f).
     *
     * @param user read; {@code factors()} values
     * @param out  written; one score per item, length {@code itemCount()}
     * @throws IllegalArgumentException if a length is wrong
     */
    public void scoreItems(float[] user, double[] out) {
        Objects.requireNonNull(user, "user");
        checkScores(out);
        if (user.length != options.factors()) {
            throw new IllegalArgumentException("user must have " + options.factors() + " factors, got "
                    + user.length);
        }
        score(user, out);
    }

    /**
     * {@return the factors of a new customer from their purchases, without refitting: the exact solution of the
     * user step {@code (Y^T Y + lambda I + sum (c_i - 1) y_i y_i^T) x = sum c_i y_i}, {@code c_i} the confidences
     * of the options' weighting ({@link AlsOptions#confidence}, against the training data's item idf and mean basket
     * for BM25 and TF-IDF)} O(purchases f^2 + f^3), plus O(items f^2 + f^3) once per model for {@code Y^T Y} and
     * the inverse of {@code Y^T Y + lambda I}; a customer whose confidences are all 1 is solved with that inverse in
     * O(purchases f + f^2). Fold-in of a training user's own purchases gives the vector that an exact user step
     * against the final item factors gives.
     *
     * @param items  read; dense item indexes, each in [0, itemCount()), distinct
     * @param values read; the value of each purchase, finite and {@code > 0}
     * @throws IllegalArgumentException if the lengths differ, an item is out of range or repeated, or a value is not
     *                                  finite and positive
     */
    public float[] foldIn(int[] items, float[] values) {
        dev.retention.recsys.internal.Purchases.check(items, values, itemCount());
        float[] conf = options.confidence().weighRow(items, values, itemIdf, meanRowSum);
        for (int t = 0; t < conf.length; t++) {
            if (!(conf[t] > 0) || Float.isInfinite(conf[t])) {
                throw new IllegalArgumentException("the confidence of items[" + t + "] must be finite and > 0, got "
                        + conf[t] + " (" + options.confidence().describe() + ")");
            }
        }
        int f = options.factors();
        float[] x = new float[f];
        if (items.length == 0) {
            return x;
        }
        int[] ptr = {0, items.length};
        float[][] rows = {x};
        try (dev.retention.parallel.Workers w = dev.retention.parallel.Workers.create(1)) {
            ItemGram g = itemGram(w);
            ImplAls.solve(1, ptr, items.clone(), conf, rows, itemRows, f, g.yty, g.shared,
                    options.regularization(), 0, ImplAls.blocks(1, ptr, f, 0), w, null);
        }
        return x;
    }

    /** {@code Y^T Y} of the item factors and the inverse of {@code Y^T Y + lambda I}, made on first use. */
    private static final class ItemGram {
        final double[] yty;
        final float[][] shared;

        ItemGram(double[] yty, float[][] shared) {
            this.yty = yty;
            this.shared = shared;
        }
    }

    private ItemGram itemGram(dev.retention.parallel.Workers w) {
        ItemGram g = itemGram;
        if (g == null) {
            double[] yty = ImplAls.gram(itemRows, itemCount(), options.factors(), w);
            g = new ItemGram(yty, ImplAls.sharedInverse(yty, options.regularization(), options.factors()));
            itemGram = g;
        }
        return g;
    }

    /**
     * {@inheritDoc} The customer's factors come from {@link #foldIn}; the scores are their dot products with the item
     * factors. O(items f + purchases f^2 + f^3).
     */
    @Override
    public void scoreItems(int[] items, float[] values, double[] out) {
        checkScores(out);
        scoreItems(foldIn(items, values), out);
    }

    /**
     * {@inheritDoc} The cosine of the item factors, as {@code implicit}'s {@code similar_items}; an item whose factors
     * are all zero has similarity 0 to every item. O(items f).
     */
    @Override
    public void similarItems(int item, double[] out) {
        java.util.Objects.checkIndex(item, itemCount());
        checkScores(out);
        ImplFactorization.cosineToAll(itemFactors, options.factors(), item, out);
    }

    /** {@return the number of factors} */
    public int factors() {
        return options.factors();
    }

    /** {@return the user factors, users x factors row-major; a copy} */
    public float[] userFactors() {
        return userFactors.clone();
    }

    /** {@return the item factors, items x factors row-major; a copy} */
    public float[] itemFactors() {
        return itemFactors.clone();
    }

    /** {@return the options used} */
    public AlsOptions options() {
        return options;
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        file.putInt("factors", options.factors()).putDouble("regularization", options.regularization())
                .putDouble("alpha", options.alpha()).putInt("iterations", options.iterations())
                .putInt("cg_steps", options.cgSteps()).putLong("seed", options.seed())
                .putString("confidence", options.confidence().kind().name())
                .putDouble("epsilon", options.confidence().epsilon()).putDouble("k1", options.confidence().k1())
                .putDouble("b", options.confidence().b()).putDouble("mean_row_sum", meanRowSum)
                .putDoubles("item_idf", itemIdf == null ? new double[0] : itemIdf)
                .putFloats("user_factors", userFactors).putFloats("item_factors", itemFactors);
    }

    /**
     * Reads a model written by {@link #toBytes()} or {@link #save}; it equals the saved model.
     *
     * @param file read; a checked model file
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another type, a newer schema, or sections that are missing,
     *                              malformed or refused (the message names the file)
     */
    public static AlsModel read(ModelFile file) throws ModelFormatException {
        file.requireType(MODEL_TYPE, SCHEMA_VERSION);
        return readModel(file, (f, common) -> {
            AlsOptions o = new AlsOptions(f.intValue("factors"), f.doubleValue("regularization"),
                    f.doubleValue("alpha"), f.intValue("iterations"), f.intValue("cg_steps"), f.longValue("seed"), 1);
            double[] idf = null;
            double mean = 0;
            if (f.has("confidence")) {
                Confidence.Kind kind = Confidence.Kind.valueOf(f.string("confidence"));
                o = o.withConfidence(new Confidence(kind, o.alpha(), f.doubleValue("epsilon"), f.doubleValue("k1"),
                        f.doubleValue("b")));
                mean = f.doubleValue("mean_row_sum");
                if (kind == Confidence.Kind.BM25 || kind == Confidence.Kind.TFIDF) {
                    idf = f.doubles("item_idf");
                    ModelSections.requireLength(f, "item_idf", idf.length, common.itemCount());
                }
            }
            ModelSections.requireLength(f, "user_factors", f.floats("user_factors").length,
                    (long) common.userCount() * o.factors());
            ModelSections.requireLength(f, "item_factors", f.floats("item_factors").length,
                    (long) common.itemCount() * o.factors());
            return new AlsModel(common, f.floats("user_factors"), f.floats("item_factors"), o, idf, mean);
        });
    }

    @Override
    protected boolean sameParameters(RatingModel other) {
        AlsModel m = (AlsModel) other;
        return m.options.withThreads(1).equals(options.withThreads(1)) && Arrays.equals(m.userFactors, userFactors)
                && Arrays.equals(m.itemFactors, itemFactors) && Arrays.equals(m.itemIdf, itemIdf)
                && Double.compare(m.meanRowSum, meanRowSum) == 0;
    }

    @Override
    protected int parameterHash() {
        return Objects.hash(options.withThreads(1), Arrays.hashCode(userFactors), Arrays.hashCode(itemFactors));
    }

    /** The options, the sizes and the fit summary. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ImplicitALS (%d factors, regularization %s, alpha %s, %d iterations, %s): "
                        + "%,d users x %,d items%n", options.factors(), options.regularization(), options.alpha(),
                options.iterations(), options.cgSteps() == 0 ? "Cholesky" : options.cgSteps() + " CG steps",
                userCount(), itemCount()) + fitSummary();
    }
}
