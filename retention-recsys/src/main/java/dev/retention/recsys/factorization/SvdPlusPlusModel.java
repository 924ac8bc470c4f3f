package dev.retention.recsys.factorization;

import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Verdict;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.ImplFactorization;
import dev.retention.recsys.internal.ModelSections;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * SVD++ fitted by {@link SvdPlusPlus#fit} (Surprise's {@code SVDpp}): {@code r_ui = mu + b_u + b_i +
 * q_i.(p_u + z_u)}, with the implicit term {@code z_u = |I_u|^-1/2 sum_{j in I_u} y_j} of the items the user rated in
 * training, kept per user. Immutable and thread-safe; an estimate O(f).
 *
 * <p>Unknown users and items as Surprise: their bias and factors are zero, so an unknown user gets
 * {@code mu + b_i}, never flagged impossible; a model whose fit diverged answers the global mean, flagged
 * impossible with the fit's message.
 *
 * <p>Model file type {@value #MODEL_TYPE}, schema {@value #SCHEMA_VERSION}: the sections of {@link SvdModel} and
 * {@code implicit_factors} ({@code y_j}, items x f) and {@code implicit_terms} ({@code z_u}, users x f).
 */
public final class SvdPlusPlusModel extends RatingModel {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "recsys-svdpp";
    /** The schema version of this type's sections that this library writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private final FactorParameters p;
    private final double[] yj;
    private final double[] implicit;
    private final double[] userVectors;   // p_u + z_u, what predictions use
    private final FactorOptions options;
    private final boolean diverged;

    SvdPlusPlusModel(Ratings train, FactorParameters p, double[] yj, double[] implicit, FactorOptions options,
                     FitSummary fit) {
        this(Common.of(train, fit), p, yj, implicit, options);
    }

    private SvdPlusPlusModel(Common common, FactorParameters p, double[] yj, double[] implicit, FactorOptions options) {
        super("SVD++", MODEL_TYPE, SCHEMA_VERSION, common);
        this.p = p;
        this.yj = yj;
        this.implicit = implicit;
        this.options = options;
        this.diverged = common.fitSummary().verdict() == Verdict.UNUSABLE;
        this.userVectors = new double[p.pu.length];
        for (int k = 0; k < userVectors.length; k++) {
            userVectors[k] = p.pu[k] + implicit[k];
        }
    }

    @Override
    protected double unclippedEstimate(int user, int item) {
        if (diverged) {
            return Double.NaN;
        }
        return globalMean() + p.biasesAndDot(user, item, userVectors, user * p.f);
    }

    @Override
    protected String impossibleReason(int user, int item) {
        return diverged ? fitSummary().warnings().get(0) : UNKNOWN;
    }

    /** {@return the number of factors {@code f}} */
    public int factors() {
        return p.f;
    }

    /** {@return the options used} */
    public FactorOptions options() {
        return options;
    }

    /** {@return the item biases {@code b_i}; a copy} */
    public double[] itemBiases() {
        return p.bi.clone();
    }

    /** {@return the implicit item factors {@code y_j}, items x f row-major; a copy} */
    public double[] implicitFactors() {
        return yj.clone();
    }

    /**
     * {@return {@code p_u + z_u}, the user's vector in predictions (zero for a user without training ratings); a
     * copy}
     *
     * @param user dense user index in {@code [0, userCount())}
     */
    public double[] userVector(int user) {
        Objects.checkIndex(user, userCount());
        return Arrays.copyOfRange(userVectors, user * p.f, user * p.f + p.f);
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        options.writeTo(file);
        p.writeTo(file);
        file.putDoubles("implicit_factors", yj).putDoubles("implicit_terms", implicit);
    }

    /**
     * Reads a model written by {@link #toBytes()} or {@link #save}; it equals the saved model.
     *
     * @param file read; a checked model file
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another type, a newer schema, or sections that are missing,
     *                              malformed or refused (the message names the file)
     */
    public static SvdPlusPlusModel read(ModelFile file) throws ModelFormatException {
        file.requireType(MODEL_TYPE, SCHEMA_VERSION);
        return readModel(file, (f, common) -> {
            FactorOptions o = FactorOptions.readFrom(f);
            FactorParameters p = FactorParameters.readFrom(f, o.factors(), common.userCount(), common.itemCount());
            double[] y = ModelSections.finiteDoubles(f, "implicit_factors", (long) common.itemCount() * o.factors());
            double[] z = ModelSections.finiteDoubles(f, "implicit_terms", (long) common.userCount() * o.factors());
            p.requireFiniteEstimates(f, common.globalMean(), ModelSections.maxAbs(z));
            return new SvdPlusPlusModel(common, p, y, z, o);
        });
    }

    @Override
    protected boolean sameParameters(RatingModel other) {
        SvdPlusPlusModel m = (SvdPlusPlusModel) other;
        return m.options.equals(options) && m.p.equals(p) && Arrays.equals(m.yj, yj)
                && Arrays.equals(m.implicit, implicit);
    }

    @Override
    protected int parameterHash() {
        return Objects.hash(options, p, Arrays.hashCode(yj));
    }

    /** The options, the items with the largest biases by external id, and the fit summary. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SVD++ (%s): mu %.4f, %,d users x %,d items, implicit |y| mean %.4f%n",
                options, globalMean(), userCount(), itemCount(), meanNorm())
                + largest("items with the largest bias b_i", items(), p.bi, 5, "%.4f")
                + fitSummary();
    }

    private double meanNorm() {
        int n = yj.length / p.f;
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += Math.sqrt(ImplFactorization.dot(yj, j * p.f, yj, j * p.f, p.f));
        }
        return n == 0 ? 0 : s / n;
    }
}
