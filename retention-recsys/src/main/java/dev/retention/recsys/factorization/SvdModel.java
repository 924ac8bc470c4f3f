package dev.retention.recsys.factorization;

import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Verdict;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.ImplFactorization;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Biased matrix factorisation {@code r_ui = mu + b_u + b_i + q_i.p_u} (or {@code q_i.p_u} unbiased) fitted by
 * {@link Svd#fit} (Surprise's {@code SVD}). Immutable and thread-safe; an estimate O(f), {@link #scoreItems}
 * O(items f).
 *
 * <p>Unknown users and items (no training rating) count as Surprise counts them: their bias and factors are zero,
 * so a biased model answers {@code mu + b_i} for an unknown user (as {@code BaselineOnly} does, not flagged
 * impossible), and an unbiased model cannot predict a pair with an unknown side (the global mean, flagged
 * impossible with the reason). A model whose fit diverged (verdict {@code UNUSABLE}) answers the global mean for
 * every pair, flagged impossible with the fit's message. {@link #foldIn} gives a new user's parameters from their
 * ratings without refitting.
 *
 * <p>Model file type {@value #MODEL_TYPE}, schema {@value #SCHEMA_VERSION}: besides the common sections of
 * {@link RatingModel}, the options ({@code factor_ints}, {@code factor_params}, {@code factor_seed}),
 * {@code user_biases}, {@code item_biases}, {@code user_factors}, {@code item_factors} (finite, row-major) and the
 * training ratings per user and item ({@code user_ratings}, {@code item_ratings}).
 */
public final class SvdModel extends RatingModel {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "recsys-svd";
    /** The schema version of this type's sections that this library writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private final FactorParameters p;
    private final FactorOptions options;
    private final boolean diverged;

    SvdModel(Ratings train, double[] bu, double[] bi, double[] pu, double[] qi, int[] userCounts, int[] itemCounts,
             FactorOptions options, FitSummary fit) {
        this(Common.of(train, fit), new FactorParameters(options.factors(), bu, bi, pu, qi, userCounts, itemCounts),
                options);
    }

    private SvdModel(Common common, FactorParameters p, FactorOptions options) {
        super(options.biased() ? "SVD" : "SVD (unbiased)", MODEL_TYPE, SCHEMA_VERSION, common);
        this.p = p;
        this.options = options;
        this.diverged = common.fitSummary().verdict() == Verdict.UNUSABLE;
    }

    @Override
    protected double unclippedEstimate(int user, int item) {
        if (diverged || (!options.biased() && !(p.knowsUser(user) && p.knowsItem(item)))) {
            return Double.NaN;
        }
        return (options.biased() ? globalMean() : 0) + p.biasesAndDot(user, item, p.pu, user * p.f);
    }

    @Override
    protected String impossibleReason(int user, int item) {
        return diverged ? fitSummary().warnings().get(0) : UNKNOWN;
    }

    @Override
    public void scoreItems(int user, double[] out) {
        checkScores(out);
        for (int i = 0; i < out.length; i++) {
            double e = unclippedEstimate(user, i);
            out[i] = Double.isNaN(e) ? globalMean() : e;
        }
    }

    /** {@return the number of factors {@code f}} */
    public int factors() {
        return p.f;
    }

    /** {@return the options used} */
    public FactorOptions options() {
        return options;
    }

    /** {@return the user biases {@code b_u}, one per user of the id space (0 when unknown or unbiased); a copy} */
    public double[] userBiases() {
        return p.bu.clone();
    }

    /** {@return the item biases {@code b_i}, one per item of the id space; a copy} */
    public double[] itemBiases() {
        return p.bi.clone();
    }

    /** {@return the item factors {@code q_i}, items x f row-major (zero rows for unknown items); a copy} */
    public double[] itemFactors() {
        return p.qi.clone();
    }

    /**
     * {@return the bias and factor vector of a user of the id space (zero for a user without training ratings)}
     *
     * @param user dense user index in {@code [0, userCount())}
     */
    public UserFactors userFactors(int user) {
        Objects.checkIndex(user, userCount());
        return new UserFactors(p.bu[user], Arrays.copyOfRange(p.pu, user * p.f, user * p.f + p.f));
    }

    /**
     * Folds a new user's ratings into the fitted model without refitting: with the item biases and factors fixed,
     * the user's bias and factors minimise the fit's objective restricted to these ratings,
     * {@code sum_k (r_k - mu - b_u - b_ik - q_ik.p_u)^2 + m (reg_bu b_u^2 + reg_pu |p_u|^2)} ({@code m} ratings;
     * unbiased: no {@code mu}, {@code b}), a regularised least-squares problem solved exactly through its normal
     * equations by Cholesky. At a stationary point of the fit, a training user's own ratings give back their
     * fitted vector. O(m f^2 + f^3).
     *
     * @param items   read: dense item indexes in {@code [0, itemCount())}, distinct, at least one; items without
     *                training ratings have zero factors and bias and only add to the regularisation
     * @param ratings read: the ratings, finite, one per item
     * @return the user's parameters, for {@link #estimate(UserFactors, int)}
     * @throws IllegalArgumentException if the arrays differ in length, are empty, name an item twice or out of range,
     *                                  hold a non-finite rating, or if the regularisation is 0 and the ratings do not
     *                                  determine the vector; or if the model's fit diverged
     */
    public UserFactors foldIn(int[] items, double[] ratings) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(ratings, "ratings");
        if (items.length != ratings.length || items.length == 0) {
            throw new IllegalArgumentException("items and ratings must have the same length >= 1, got " + items.length
                    + " and " + ratings.length);
        }
        if (diverged) {
            throw new IllegalArgumentException("the model's fit diverged; it has no factors to fold a user into");
        }
        boolean[] seen = new boolean[itemCount()];
        for (int k = 0; k < items.length; k++) {
            if (items[k] < 0 || items[k] >= itemCount()) {
                throw new IllegalArgumentException("items[" + k + "] must be in [0, " + itemCount() + "), got "
                        + items[k]);
            }
            if (seen[items[k]]) {
                throw new IllegalArgumentException("items[" + k + "] = " + items[k] + " appears twice");
            }
            seen[items[k]] = true;
            if (!Double.isFinite(ratings[k])) {
                throw new IllegalArgumentException("ratings[" + k + "] must be finite, got " + ratings[k]);
            }
        }
        boolean biased = options.biased();
        int f = p.f;
        int off = biased ? 1 : 0;
        int n = f + off;
        double[] a = new double[n * n];
        double[] b = new double[n];
        double[] x = new double[n];
        double mu = biased ? globalMean() : 0;
        for (int k = 0; k < items.length; k++) {
            int i = items[k];
            boolean known = p.knowsItem(i);
            if (biased) {
                x[0] = 1;
            }
            for (int t = 0; t < f; t++) {
                x[off + t] = known ? p.qi[i * f + t] : 0;
            }
            double y = ratings[k] - mu - (biased && known ? p.bi[i] : 0);
            for (int r = 0; r < n; r++) {
                b[r] += x[r] * y;
                for (int c = 0; c <= r; c++) {
                    a[r * n + c] += x[r] * x[c];
                }
            }
        }
        int m = items.length;
        for (int r = 0; r < n; r++) {
            a[r * n + r] += m * (biased && r == 0 ? options.regBu() : options.regPu());
            for (int c = r + 1; c < n; c++) {
                a[r * n + c] = a[c * n + r];
            }
        }
        if (!ImplFactorization.solvePositiveDefinite(a, b, n)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the %d ratings do not determine the user's "
                    + "%d parameters without regularisation (reg_bu %s, reg_pu %s): give more ratings or a positive "
                    + "regularisation", m, n, options.regBu(), options.regPu()));
        }
        return new UserFactors(biased ? b[0] : 0, Arrays.copyOfRange(b, off, n));
    }

    /**
     * {@return the estimate of {@code item} for a user given by their parameters (from {@link #foldIn} or
     * {@link #userFactors}), clipped to the scale; the global mean if the item is out of range (or, unbiased,
     * unknown) or the fit diverged}
     *
     * @param user the user's bias and factors, with {@link #factors()} factors
     * @param item dense item index; any int
     * @throws IllegalArgumentException if the vector's length is not {@link #factors()}
     */
    public double estimate(UserFactors user, int item) {
        Objects.requireNonNull(user, "user");
        double[] v = user.factors();
        if (v.length != p.f) {
            throw new IllegalArgumentException("user has " + v.length + " factors, the model " + p.f);
        }
        boolean known = p.knowsItem(item);
        if (diverged || (!options.biased() && !known)) {
            return scale().clip(globalMean());
        }
        double e = options.biased() ? globalMean() + user.bias() + (known ? p.bi[item] : 0) : 0;
        if (known) {
            e += ImplFactorization.dot(p.qi, item * p.f, v, 0, p.f);
        }
        return scale().clip(e);
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        options.writeTo(file);
        p.writeTo(file);
    }

    /**
     * Reads a model written by {@link #toBytes()} or {@link #save}; it equals the saved model.
     *
     * @param file read; a checked model file
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another type, a newer schema, or sections that are missing,
     *                              malformed or refused (the message names the file)
     */
    public static SvdModel read(ModelFile file) throws ModelFormatException {
        file.requireType(MODEL_TYPE, SCHEMA_VERSION);
        return readModel(file, (f, common) -> {
            FactorOptions o = FactorOptions.readFrom(f);
            FactorParameters p = FactorParameters.readFrom(f, o.factors(), common.userCount(), common.itemCount());
            p.requireFiniteEstimates(f, common.globalMean(), 0);
            return new SvdModel(common, p, o);
        });
    }

    @Override
    protected boolean sameParameters(RatingModel other) {
        SvdModel m = (SvdModel) other;
        return m.options.equals(options) && m.p.equals(p);
    }

    @Override
    protected int parameterHash() {
        return Objects.hash(options, p);
    }

    /** The options, the items and users with the largest biases by external id, and the fit summary. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s): mu %.4f, %,d users x %,d items%n", name(), options,
                globalMean(), userCount(), itemCount())
                + (options.biased() ? largest("items with the largest bias b_i", items(), p.bi, 5, "%.4f")
                        + largest("users with the largest bias b_u", users(), p.bu, 5, "%.4f") : "")
                + fitSummary();
    }
}
