package dev.retention.recsys.factorization;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.internal.Limits;

import java.util.Locale;

/**
 * Options of the SGD factor models {@link Svd} and {@link SvdPlusPlus}, with Surprise 1.1.4's names and
 * defaults ({@code SVD} and {@code SVDpp}): {@link #svd()} and {@link #svdPlusPlus()}. Surprise's
 * {@code lr_all} and {@code reg_all} are {@link #withLearningRate} and {@link #withReg}, which set every rate or
 * every regularisation term; the separate terms ({@code lr_bu}, ..., {@code reg_yj}) have their own {@code withX}.
 *
 * <p>{@code epochs} is Surprise's {@code n_epochs}: a fixed number of passes, not a {@code maxIterations}; the fit
 * summary says whether they were enough. There is no {@code threads}: SGD visits one rating after the other,
 * each step depending on the one before, so the fit runs on the calling thread and gives the same model every
 * time.
 *
 * @param factors   factors per user and item, {@code >= 1}: 100 for SVD, 20 for SVD++ (Surprise's {@code n_factors})
 * @param epochs    passes over the ratings, in {@code [1, 1,000,000]}: 20 (Surprise's {@code n_epochs})
 * @param biased    whether to learn {@code mu + b_u + b_i}: true; false gives plain Funk SVD {@code q_i.p_u} (SVD++ is always biased)
 * @param initMean  mean of the normal initial factors, finite: 0 (Surprise's {@code init_mean})
 * @param initStd   standard deviation of the normal initial factors, finite and {@code >= 0}: 0.1 (Surprise's {@code init_std_dev})
 * @param lrBu      learning rate of user biases, finite and {@code >= 0}: 0.005 (SVD++ 0.007)
 * @param lrBi      learning rate of item biases, finite and {@code >= 0}: 0.005 (SVD++ 0.007)
 * @param lrPu      learning rate of user factors, finite and {@code >= 0}: 0.005 (SVD++ 0.007)
 * @param lrQi      learning rate of item factors, finite and {@code >= 0}: 0.005 (SVD++ 0.007)
 * @param lrYj      learning rate of the implicit item factors of SVD++, finite and {@code >= 0}: 0.005 (SVD++ 0.007)
 * @param regBu     regularisation of user biases, finite and {@code >= 0}: 0.02
 * @param regBi     regularisation of item biases, finite and {@code >= 0}: 0.02
 * @param regPu     regularisation of user factors, finite and {@code >= 0}: 0.02
 * @param regQi     regularisation of item factors, finite and {@code >= 0}: 0.02
 * @param regYj     regularisation of the implicit item factors of SVD++, finite and {@code >= 0}: 0.02
 * @param shuffle   false (Surprise's order: users by index, each user's items by index); true visits the ratings in a new seeded random order every epoch (SVD++: the users in a random order, each user's ratings together)
 * @param seed      seed of the initial factors and of the shuffles: 0
 */
public record FactorOptions(int factors, int epochs, boolean biased, double initMean, double initStd, double lrBu, double lrBi, double lrPu, double lrQi, double lrYj, double regBu, double regBi, double regPu, double regQi, double regYj, boolean shuffle, long seed) {

    /**
     * Validates the options.
     *
     * @param factors   factors per user and item, {@code >= 1}: 100 for SVD, 20 for SVD++ (Surprise's {@code n_factors})
     * @param epochs    passes over the ratings, in {@code [1, 1,000,000]}: 20 (Surprise's {@code n_epochs})
     * @param biased    whether to learn {@code mu + b_u + b_i}: true; false gives plain Funk SVD {@code q_i.p_u} (SVD++ is always biased)
     * @param initMean  mean of the normal initial factors, finite: 0 (Surprise's {@code init_mean})
     * @param initStd   standard deviation of the normal initial factors, finite and {@code >= 0}: 0.1 (Surprise's {@code init_std_dev})
     * @param lrBu      learning rate of user biases, finite and {@code >= 0}: 0.005 (SVD++ 0.007)
     * @param lrBi      learning rate of item biases, finite and {@code >= 0}: 0.005 (SVD++ 0.007)
     * @param lrPu      learning rate of user factors, finite and {@code >= 0}: 0.005 (SVD++ 0.007)
     * @param lrQi      learning rate of item factors, finite and {@code >= 0}: 0.005 (SVD++ 0.007)
     * @param lrYj      learning rate of the implicit item factors of SVD++, finite and {@code >= 0}: 0.005 (SVD++ 0.007)
     * @param regBu     regularisation of user biases, finite and {@code >= 0}: 0.02
     * @param regBi     regularisation of item biases, finite and {@code >= 0}: 0.02
     * @param regPu     regularisation of user factors, finite and {@code >= 0}: 0.02
     * @param regQi     regularisation of item factors, finite and {@code >= 0}: 0.02
     * @param regYj     regularisation of the implicit item factors of SVD++, finite and {@code >= 0}: 0.02
     * @param shuffle   false (Surprise's order: users by index, each user's items by index); true visits the ratings in a new seeded random order every epoch (SVD++: the users in a random order, each user's ratings together)
     * @param seed      seed of the initial factors and of the shuffles: 0
     * @throws IllegalArgumentException naming the option, the value and what was expected
     */
    public FactorOptions {
        if (factors < 1) {
            throw new IllegalArgumentException("factors must be >= 1, got " + factors);
        }
        Limits.requireEpochs("epochs", epochs, 1);
        if (!Double.isFinite(initMean)) {
            throw new IllegalArgumentException("initMean must be finite, got " + initMean);
        }
        nonNegative("initStd", initStd);
        nonNegative("lrBu", lrBu);
        nonNegative("lrBi", lrBi);
        nonNegative("lrPu", lrPu);
        nonNegative("lrQi", lrQi);
        nonNegative("lrYj", lrYj);
        nonNegative("regBu", regBu);
        nonNegative("regBi", regBi);
        nonNegative("regPu", regPu);
        nonNegative("regQi", regQi);
        nonNegative("regYj", regYj);
    }

    static void nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
        }
    }

    /** {@return Surprise's {@code SVD} defaults: 100 factors, 20 epochs, biased, init N(0, 0.1), learning rate
     * 0.005 and regularisation 0.02 for every term, Surprise's order, seed 0} */
    public static FactorOptions svd() {
        return new FactorOptions(100, 20, true, 0, 0.1, 0.005, 0.005, 0.005, 0.005, 0.005, 0.02, 0.02, 0.02, 0.02,
                0.02, false, 0);
    }

    /** {@return Surprise's {@code SVDpp} defaults: 20 factors, 20 epochs, init N(0, 0.1), learning rate 0.007 and
     * regularisation 0.02 for every term, Surprise's order, seed 0} */
    public static FactorOptions svdPlusPlus() {
        return new FactorOptions(20, 20, true, 0, 0.1, 0.007, 0.007, 0.007, 0.007, 0.007, 0.02, 0.02, 0.02, 0.02,
                0.02, false, 0);
    }

    /** {@return the defaults: {@link #svd()}} */
    public static FactorOptions defaults() {
        return svd();
    }

    /**
     * {@return a copy with every learning rate set to {@code lr} (Surprise's {@code lr_all})}
     *
     * @param lr learning rate of every term, finite and {@code >= 0}
     */
    public FactorOptions withLearningRate(double lr) {
        return new FactorOptions(factors, epochs, biased, initMean, initStd, lr, lr, lr, lr, lr, regBu, regBi, regPu,
                regQi, regYj, shuffle, seed);
    }

    /**
     * {@return a copy with every regularisation term set to {@code reg} (Surprise's {@code reg_all})}
     *
     * @param reg regularisation of every term, finite and {@code >= 0}
     */
    public FactorOptions withReg(double reg) {
        return new FactorOptions(factors, epochs, biased, initMean, initStd, lrBu, lrBi, lrPu, lrQi, lrYj, reg, reg,
                reg, reg, reg, shuffle, seed);
    }

    /**
     * {@return a copy with the given factors}
     *
     * @param factors factors per user and item, {@code >= 1}: 100 for SVD, 20 for SVD++ (Surprise's {@code n_factors})
     */
    public FactorOptions withFactors(int factors) {
        return new FactorOptions(factors, epochs, biased, initMean, initStd, lrBu, lrBi, lrPu, lrQi, lrYj, regBu, regBi, regPu, regQi, regYj, shuffle, seed);
    }
    /**
     * {@return a copy with the given epochs}
     *
     * @param epochs passes over the ratings, in {@code [1, 1,000,000]}: 20 (Surprise's {@code n_epochs})
     */
    public FactorOptions withEpochs(int epochs) {
        return new FactorOptions(factors, epochs, biased, initMean, initStd, lrBu, lrBi, lrPu, lrQi, lrYj, regBu, regBi, regPu, regQi, regYj, shuffle, seed);
    }
    /**
     * {@return a copy with the given biased}
     *
     * @param biased whether to learn {@code mu + b_u + b_i}: true; false gives plain Funk SVD {@code q_i.p_u} (SVD++ is always biased)
     */
    public FactorOptions withBiased(boolean biased) {
        return new FactorOptions(factors, epochs, biased, initMean, initStd, lrBu, lrBi, lrPu, lrQi, lrYj, regBu, regBi, regPu, regQi, regYj, shuffle, seed);
    }
    /**
     * {@return a copy with the given initMean}
     *
     * @param initMean mean of the normal initial factors, finite: 0 (Surprise's {@code init_mean})
     */
    public FactorOptions withInitMean(double initMean) {
        return new FactorOptions(factors, epochs, biased, initMean, initStd, lrBu, lrBi, lrPu, lrQi, lrYj, regBu, regBi, regPu, regQi, regYj, shuffle, seed);
    }
    /**
     * {@return a copy with the given initStd}
     *
     * @param initStd standard deviation of the normal initial factors, finite and {@code >= 0}: 0.1 (Surprise's {@code init_std_dev})
     */
    public FactorOptions withInitStd(double initStd) {
        return new FactorOptions(factors, epochs, biased, initMean, initStd, lrBu, lrBi, lrPu, lrQi, lrYj, regBu, regBi, regPu, regQi, regYj, shuffle, seed);
    }
    /**
     * {@return a copy with the given lrBu}
     *
     * @param lrBu learning rate of user biases, finite and {@code >= 0}: 0.005 (SVD++ 0.007)
     */
    public FactorOptions withLrBu(double lrBu) {
        return new FactorOptions(factors, epochs, biased, initMean, initStd, lrBu, lrBi, lrPu, lrQi, lrYj, regBu, regBi, regPu, regQi, regYj, shuffle, seed);
    }
    /**
     * {@return a copy with the given lrBi}
     *
     * @param lrBi learning rate of item biases, finite and {@code >= 0}: 0.005 (SVD++ 0.007)
     */
    public FactorOptions withLrBi(double lrBi) {
        return new FactorOptions(factors, epochs, biased, initMean, initStd, lrBu, lrBi, lrPu, lrQi, lrYj, regBu, regBi, regPu, regQi, regYj, shuffle, seed);
    }
    /**
     * {@return a copy with the given lrPu}
     *
     * @param lrPu learning rate of user factors, finite and {@code >= 0}: 0.005 (SVD++ 0.007)
     */
    public FactorOptions withLrPu(double lrPu) {
        return new FactorOptions(factors, epochs, biased, initMean, initStd, lrBu, lrBi, lrPu, lrQi, lrYj, regBu, regBi, regPu, regQi, regYj, shuffle, seed);
    }
    /**
     * {@return a copy with the given lrQi}
     *
     * @param lrQi learning rate of item factors, finite and {@code >= 0}: 0.005 (SVD++ 0.007)
     */
    public FactorOptions withLrQi(double lrQi) {
        return new FactorOptions(factors, epochs, biased, initMean, initStd, lrBu, lrBi, lrPu, lrQi, lrYj, regBu, regBi, regPu, regQi, regYj, shuffle, seed);
    }
    /**
     * {@return a copy with the given lrYj}
     *
     * @param lrYj learning rate of the implicit item factors of SVD++, finite and {@code >= 0}: 0.005 (SVD++ 0.007)
     */
    public FactorOptions withLrYj(double lrYj) {
        return new FactorOptions(factors, epochs, biased, initMean, initStd, lrBu, lrBi, lrPu, lrQi, lrYj, regBu, regBi, regPu, regQi, regYj, shuffle, seed);
    }
    /**
     * {@return a copy with the given regBu}
     *
     * @param regBu regularisation of user biases, finite and {@code >= 0}: 0.02
     */
    public FactorOptions withRegBu(double regBu) {
        return new FactorOptions(factors, epochs, biased, initMean, initStd, lrBu, lrBi, lrPu, lrQi, lrYj, regBu, regBi, regPu, regQi, regYj, shuffle, seed);
    }
    /**
     * {@return a copy with the given regBi}
     *
     * @param regBi regularisation of item biases, finite and {@code >= 0}: 0.02
     */
    public FactorOptions withRegBi(double regBi) {
        return new FactorOptions(factors, epochs, biased, initMean, initStd, lrBu, lrBi, lrPu, lrQi, lrYj, regBu, regBi, regPu, regQi, regYj, shuffle, seed);
    }
    /**
     * {@return a copy with the given regPu}
     *
     * @param regPu regularisation of user factors, finite and {@code >= 0}: 0.02
     */
    public FactorOptions withRegPu(double regPu) {
        return new FactorOptions(factors, epochs, biased, initMean, initStd, lrBu, lrBi, lrPu, lrQi, lrYj, regBu, regBi, regPu, regQi, regYj, shuffle, seed);
    }
    /**
     * {@return a copy with the given regQi}
     *
     * @param regQi regularisation of item factors, finite and {@code >= 0}: 0.02
     */
    public FactorOptions withRegQi(double regQi) {
        return new FactorOptions(factors, epochs, biased, initMean, initStd, lrBu, lrBi, lrPu, lrQi, lrYj, regBu, regBi, regPu, regQi, regYj, shuffle, seed);
    }
    /**
     * {@return a copy with the given regYj}
     *
     * @param regYj regularisation of the implicit item factors of SVD++, finite and {@code >= 0}: 0.02
     */
    public FactorOptions withRegYj(double regYj) {
        return new FactorOptions(factors, epochs, biased, initMean, initStd, lrBu, lrBi, lrPu, lrQi, lrYj, regBu, regBi, regPu, regQi, regYj, shuffle, seed);
    }
    /**
     * {@return a copy with the given shuffle}
     *
     * @param shuffle false (Surprise's order: users by index, each user's items by index); true visits the ratings in a new seeded random order every epoch (SVD++: the users in a random order, each user's ratings together)
     */
    public FactorOptions withShuffle(boolean shuffle) {
        return new FactorOptions(factors, epochs, biased, initMean, initStd, lrBu, lrBi, lrPu, lrQi, lrYj, regBu, regBi, regPu, regQi, regYj, shuffle, seed);
    }
    /**
     * {@return a copy with the given seed}
     *
     * @param seed seed of the initial factors and of the shuffles: 0
     */
    public FactorOptions withSeed(long seed) {
        return new FactorOptions(factors, epochs, biased, initMean, initStd, lrBu, lrBi, lrPu, lrQi, lrYj, regBu, regBi, regPu, regQi, regYj, shuffle, seed);
    }

    /** {@return the rates and terms in the kernels' order: lr_bu, lr_bi, lr_pu, lr_qi, lr_yj, reg_bu, ..., reg_yj} */
    double[] hyper() {
        return new double[] {lrBu, lrBi, lrPu, lrQi, lrYj, regBu, regBi, regPu, regQi, regYj};
    }

    /**
     * Adds the options to a model file as sections {@code factor_ints} (factors, epochs, biased, shuffle),
     * {@code factor_params} (init mean, init std, the ten rates and terms) and {@code factor_seed}.
     *
     * @param file written
     */
    void writeTo(ModelFile.Writer file) {
        file.putInts("factor_ints", new int[] {factors, epochs, biased ? 1 : 0, shuffle ? 1 : 0});
        double[] h = hyper();
        double[] p = new double[2 + h.length];
        p[0] = initMean;
        p[1] = initStd;
        System.arraycopy(h, 0, p, 2, h.length);
        file.putDoubles("factor_params", p).putLong("factor_seed", seed);
    }

    /**
     * Reads options written by {@link #writeTo}.
     *
     * @param file read
     * @return the options
     * @throws ModelFormatException if a section is missing or malformed
     * @throws IllegalArgumentException if a value is refused
     */
    static FactorOptions readFrom(ModelFile file) throws ModelFormatException {
        int[] n = file.ints("factor_ints");
        double[] p = file.doubles("factor_params");
        if (n.length != 4 || p.length != 12) {
            throw new ModelFormatException(file.source() + ": sections 'factor_ints' and 'factor_params' hold "
                    + n.length + " and " + p.length + " values, expected 4 and 12");
        }
        return new FactorOptions(n[0], n[1], n[2] != 0, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9],
                p[10], p[11], n[3] != 0, file.longValue("factor_seed"));
    }

    /** The options in Surprise's terms, such as {@code "100 factors, 20 epochs, biased, lr 0.005, reg 0.02"}. */
    @Override
    public String toString() {
        boolean sameLr = lrBu == lrBi && lrBi == lrPu && lrPu == lrQi && lrQi == lrYj;
        boolean sameReg = regBu == regBi && regBi == regPu && regPu == regQi && regQi == regYj;
        String lr = sameLr ? "lr " + lrBu : String.format(Locale.ROOT, "lr_bu %s, lr_bi %s, lr_pu %s, lr_qi %s, lr_yj %s",
                lrBu, lrBi, lrPu, lrQi, lrYj);
        String reg = sameReg ? "reg " + regBu : String.format(Locale.ROOT,
                "reg_bu %s, reg_bi %s, reg_pu %s, reg_qi %s, reg_yj %s", regBu, regBi, regPu, regQi, regYj);
        return String.format(Locale.ROOT, "%d factors, %d epochs, %s, init N(%s, %s), %s, %s, %s, seed %d", factors,
                epochs, biased ? "biased" : "unbiased", initMean, initStd, lr, reg,
                shuffle ? "shuffled" : "Surprise's order", seed);
    }
}
