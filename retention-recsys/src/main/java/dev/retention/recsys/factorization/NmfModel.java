package dev.retention.recsys.factorization;

import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Verdict;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Ratings;

import java.util.Locale;
import java.util.Objects;

/**
 * Non-negative matrix factorisation fitted by {@link Nmf#fit} (Surprise's {@code NMF}): {@code r_ui = q_i.p_u}, or
 * {@code mu + b_u + b_i + q_i.p_u} when biased. Immutable and thread-safe; an estimate O(f).
 *
 * <p>As Surprise: unbiased, a pair with an unknown user or item cannot be predicted (the global mean, flagged
 * impossible); biased, unknown parts count as zero ({@code mu + b_i} for an unknown user). A model whose fit
 * diverged answers the global mean for every pair, flagged impossible with the fit's message.
 *
 * <p>Model file type {@value #MODEL_TYPE}, schema {@value #SCHEMA_VERSION}: the options ({@code nmf_ints}: factors,
 * epochs, biased; {@code nmf_params}: reg_pu, reg_qi, reg_bu, reg_bi, lr_bu, lr_bi, init_low, init_high;
 * {@code nmf_seed}) and the parameter sections of {@link SvdModel}.
 */
public final class NmfModel extends RatingModel {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "recsys-nmf";
    /** The schema version of this type's sections that this library writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private final FactorParameters p;
    private final NmfOptions options;
    private final boolean diverged;

    NmfModel(Ratings train, FactorParameters p, NmfOptions options, FitSummary fit) {
        this(Common.of(train, fit), p, options);
    }

    private NmfModel(Common common, FactorParameters p, NmfOptions options) {
        super(options.biased() ? "NMF (biased)" : "NMF", MODEL_TYPE, SCHEMA_VERSION, common);
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

    /** {@return the number of factors {@code f}} */
    public int factors() {
        return p.f;
    }

    /** {@return the options used} */
    public NmfOptions options() {
        return options;
    }

    /** {@return the user factors {@code p_u}, users x f row-major; a copy} */
    public double[] userFactors() {
        return p.pu.clone();
    }

    /** {@return the item factors {@code q_i}, items x f row-major; a copy} */
    public double[] itemFactors() {
        return p.qi.clone();
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        file.putInts("nmf_ints", new int[] {options.factors(), options.epochs(), options.biased() ? 1 : 0})
                .putDoubles("nmf_params", new double[] {options.regPu(), options.regQi(), options.regBu(),
                        options.regBi(), options.lrBu(), options.lrBi(), options.initLow(), options.initHigh()})
                .putLong("nmf_seed", options.seed());
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
    public static NmfModel read(ModelFile file) throws ModelFormatException {
        file.requireType(MODEL_TYPE, SCHEMA_VERSION);
        return readModel(file, (f, common) -> {
            int[] n = f.ints("nmf_ints");
            double[] d = f.doubles("nmf_params");
            if (n.length != 3 || d.length != 8) {
                throw new ModelFormatException(f.source() + ": sections 'nmf_ints' and 'nmf_params' hold " + n.length
                        + " and " + d.length + " values, expected 3 and 8");
            }
            NmfOptions o = new NmfOptions(n[0], n[1], n[2] != 0, d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7],
                    f.longValue("nmf_seed"));
            FactorParameters p = FactorParameters.readFrom(f, o.factors(), common.userCount(), common.itemCount());
            p.requireFiniteEstimates(f, common.globalMean(), 0);
            return new NmfModel(common, p, o);
        });
    }

    @Override
    protected boolean sameParameters(RatingModel other) {
        NmfModel m = (NmfModel) other;
        return m.options.equals(options) && m.p.equals(p);
    }

    @Override
    protected int parameterHash() {
        return Objects.hash(options, p);
    }

    /** The options, the data's size and the fit summary. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s): mu %.4f, %,d users x %,d items%n", name(), options, globalMean(),
                userCount(), itemCount()) + fitSummary();
    }
}
