package dev.retention.recsys.bpr;

import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.random.Variates;
import dev.retention.recsys.ItemRecommender;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.ImplFactorization;
import dev.retention.recsys.internal.ModelSections;
import dev.retention.recsys.internal.Purchases;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * BPR matrix factorisation fitted by {@link Bpr#fit}: float user and item factors, each row {@code factors + 1} long,
 * the last column the item bias (1 on the user side); a user's score of an item is the dot product of the two rows,
 * and {@link dev.retention.recsys.TopN#recommend} ranks them over the items the user has not bought. Immutable and
 * thread-safe; a user's scores cost O(items factors).
 *
 * <p>Fold-in ({@link #foldIn}): a new customer's factors are learnt by the fit's own SGD steps on the user row alone,
 * the item factors fixed: starting from the fit's initial distribution, {@code iterations} epochs of as many triples as
 * the customer has purchases, the bought item uniform among the purchases and the negative uniform over the catalogue
 * (skipped when bought), from the stream {@code Variates.stream(seed, 4, 0)}: seeded, so the same purchases give the
 * same factors. A training customer gets about as many steps as the fit gave them, but not their fitted vector (the
 * item factors moved under it during the fit).
 *
 * <p>A top-N model: as a rating estimate, the score clipped to the scale means nothing.
 *
 * <p>Model file type {@value #MODEL_TYPE}, schema {@value #SCHEMA_VERSION}: besides the common sections of
 * {@link RatingModel}, the options ({@code factors}, {@code learning_rate}, {@code regularization},
 * {@code iterations}, {@code negatives}, {@code seed}) and {@code user_factors}, {@code item_factors} (row-major
 * floats, {@code factors + 1} per row, finite).
 */
public final class BprModel extends RatingModel implements ItemRecommender {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "recsys-bpr";
    /** The schema version of this type's sections that this library writes and reads. */
    public static final int SCHEMA_VERSION = 1;
    private static final long FOLD_IN_STREAM = 4;
    private static final long FOLD_IN_INIT_STREAM = 5;

    private final float[] userFactors;
    private final float[] itemFactors;
    private final BprOptions options;

    BprModel(Ratings train, float[] userFactors, float[] itemFactors, BprOptions options, FitSummary fit) {
        this(Common.of(train, fit), userFactors, itemFactors, options);
    }

    private BprModel(Common common, float[] userFactors, float[] itemFactors, BprOptions options) {
        super("BPR", MODEL_TYPE, SCHEMA_VERSION, common);
        long s = options.factors() + 1L;
        if (userFactors.length != common.userCount() * s || itemFactors.length != common.itemCount() * s) {
            throw new IllegalArgumentException("factors must be " + common.userCount() + " x " + s + " and "
                    + common.itemCount() + " x " + s + ", got " + userFactors.length + " and " + itemFactors.length
                    + " values");
        }
        for (float[] a : new float[][] {userFactors, itemFactors}) {
            for (float v : a) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("factors must be finite, got " + v);
                }
            }
        }
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.options = options;
    }

    private int stride() {
        return options.factors() + 1;
    }

    private double dot(float[] a, int offset, int item) {
        int s = stride();
        int o = item * s;
        double sum = 0;
        for (int k = 0; k < s; k++) {
            sum += (double) a[offset + k] * itemFactors[o + k];
        }
        return sum;
    }

    @Override
    protected double unclippedEstimate(int user, int item) {
        if (user < 0 || user >= userCount() || item < 0 || item >= itemCount()) {
            return Double.NaN;
        }
        return dot(userFactors, user * stride(), item);
    }

    @Override
    protected String impossibleReason(int user, int item) {
        return UNKNOWN;
    }

    /**
     * {@inheritDoc} A user outside the id space gets the global mean for every item, as every rating model; a new
     * customer is scored by {@link #scoreItems(int[], float[], double[])}.
     */
    @Override
    public void scoreItems(int user, double[] out) {
        checkScores(out);
        if (user < 0 || user >= userCount()) {
            super.scoreItems(user, out);
            return;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = dot(userFactors, user * stride(), i);
        }
    }

    /**
     * Scores every item for a user row of {@code factors + 1} values (the last the bias weight, 1 for a fitted or
     * folded-in user), such as one from {@link #foldIn}. O(items factors).
     *
     * @param user read; {@code factors() + 1} values
     * @param out  written; one score per item, length {@code itemCount()}
     * @throws IllegalArgumentException if a length is wrong
     */
    public void scoreItems(float[] user, double[] out) {
        Objects.requireNonNull(user, "user");
        checkScores(out);
        if (user.length != stride()) {
            throw new IllegalArgumentException("user must have factors() + 1 = " + stride() + " values, got "
                    + user.length);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = dot(user, 0, i);
        }
    }

    /**
     * {@return the factor row ({@code factors() + 1} values, the last 1) of a new customer from their purchases,
     * without refitting: SGD on the user row with the item factors fixed, seeded (see the class comment)} The values
     * only decide which purchases there are (every purchase is a positive). O(iterations purchases factors); no
     * purchases give the initial row.
     *
     * @param items  read; dense item indexes, each in [0, itemCount()), distinct
     * @param values read; the value of each purchase, finite and {@code > 0}
     * @throws IllegalArgumentException if the lengths differ, an item is out of range or repeated, or a value is not
     *                                  finite and positive
     */
    public float[] foldIn(int[] items, float[] values) {
        Purchases.check(items, values, itemCount());
        int f = options.factors();
        int s = stride();
        float[] x = new float[s];
        Variates rng = Variates.stream(options.seed(), FOLD_IN_INIT_STREAM, 0);
        for (int k = 0; k < f; k++) {
            x[k] = (float) ((rng.nextDouble() - 0.5) / f);
        }
        x[f] = 1f;
        int n = items.length;
        if (n == 0 || n == itemCount()) {
            return x;
        }
        boolean[] bought = new boolean[itemCount()];
        for (int i : items) {
            bought[i] = true;
        }
        rng.reset(options.seed(), FOLD_IN_STREAM, 0);
        float lr = (float) options.learningRate();
        float reg = (float) options.regularization();
        for (int e = 0; e < options.iterations(); e++) {
            for (int t = 0; t < n; t++) {
                int i = items[rng.nextInt(n)];
                int j = rng.nextInt(itemCount());
                if (bought[j]) {
                    continue;
                }
                int io = i * s;
                int jo = j * s;
                float score = 0;
                for (int k = 0; k < s; k++) {
                    score += x[k] * (itemFactors[io + k] - itemFactors[jo + k]);
                }
                float z = (float) (1.0 / (1.0 + Math.exp(score)));
                for (int k = 0; k < f; k++) {
                    x[k] += lr * (z * (itemFactors[io + k] - itemFactors[jo + k]) - reg * x[k]);
                }
            }
        }
        return x;
    }

    /**
     * {@inheritDoc} The customer's row comes from {@link #foldIn}; the scores are its dot products with the item rows.
     * O(items factors + iterations purchases factors).
     */
    @Override
    public void scoreItems(int[] items, float[] values, double[] out) {
        checkScores(out);
        scoreItems(foldIn(items, values), out);
    }

    /**
     * {@inheritDoc} The cosine of the item rows (bias column included), as {@code implicit}'s {@code similar_items};
     * an item whose row is all zero (no interactions in training) has similarity 0 to every item. O(items factors).
     */
    @Override
    public void similarItems(int item, double[] out) {
        Objects.checkIndex(item, itemCount());
        checkScores(out);
        ImplFactorization.cosineToAll(itemFactors, stride(), item, out);
    }

    /** {@return the number of factors, the bias column aside} */
    public int factors() {
        return options.factors();
    }

    /** {@return the user factors, users x (factors + 1) row-major, the last column 1; a copy} */
    public float[] userFactors() {
        return userFactors.clone();
    }

    /** {@return the item factors, items x (factors + 1) row-major, the last column the item bias; a copy} */
    public float[] itemFactors() {
        return itemFactors.clone();
    }

    /** {@return the options used} */
    public BprOptions options() {
        return options;
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        file.putInt("factors", options.factors()).putDouble("learning_rate", options.learningRate())
                .putDouble("regularization", options.regularization()).putInt("iterations", options.iterations())
                .putString("negatives", options.negatives().name()).putLong("seed", options.seed())
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
    public static BprModel read(ModelFile file) throws ModelFormatException {
        file.requireType(MODEL_TYPE, SCHEMA_VERSION);
        return readModel(file, (f, common) -> {
            BprOptions o = new BprOptions(f.intValue("factors"), f.doubleValue("learning_rate"),
                    f.doubleValue("regularization"), f.intValue("iterations"),
                    BprOptions.Negatives.parse(f.string("negatives")), f.longValue("seed"), 1);
            float[] x = f.floats("user_factors");
            float[] y = f.floats("item_factors");
            ModelSections.requireLength(f, "user_factors", x.length, (long) common.userCount() * (o.factors() + 1));
            ModelSections.requireLength(f, "item_factors", y.length, (long) common.itemCount() * (o.factors() + 1));
            return new BprModel(common, x, y, o);
        });
    }

    @Override
    protected boolean sameParameters(RatingModel other) {
        BprModel m = (BprModel) other;
        return m.options.withThreads(1).equals(options.withThreads(1)) && Arrays.equals(m.userFactors, userFactors)
                && Arrays.equals(m.itemFactors, itemFactors);
    }

    @Override
    protected int parameterHash() {
        return Objects.hash(options.withThreads(1), Arrays.hashCode(userFactors), Arrays.hashCode(itemFactors));
    }

    /** The options, the sizes and the fit summary. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BPR (%d factors and an item bias, learning rate %s, regularization %s, "
                        + "%d epochs, %s negatives): %,d users x %,d items%n", options.factors(),
                options.learningRate(), options.regularization(), options.iterations(), options.negatives(),
                userCount(), itemCount()) + fitSummary();
    }
}
