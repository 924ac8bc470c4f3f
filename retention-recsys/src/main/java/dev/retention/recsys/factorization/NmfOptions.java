package dev.retention.recsys.factorization;

import dev.retention.recsys.internal.Limits;

import java.util.Locale;

/**
 * Options of {@link Nmf}, with Surprise 1.1.4's names and defaults ({@code NMF}).
 *
 * <p>{@code epochs} is Surprise's {@code n_epochs}: a fixed number of passes; the fit summary says whether they were
 * enough. No {@code threads}: the biases move by SGD, one rating after the other.
 *
 * @param factors  factors per user and item, {@code >= 1}: 15
 * @param epochs   passes, in {@code [1, 1,000,000]}: 50
 * @param biased   whether to learn {@code mu + b_u + b_i} by SGD besides the factors: false
 * @param regPu    regularisation of user factors, finite and {@code >= 0}: 0.06
 * @param regQi    regularisation of item factors, finite and {@code >= 0}: 0.06
 * @param regBu    regularisation of user biases, finite and {@code >= 0}: 0.02
 * @param regBi    regularisation of item biases, finite and {@code >= 0}: 0.02
 * @param lrBu     learning rate of user biases, finite and {@code >= 0}: 0.005
 * @param lrBi     learning rate of item biases, finite and {@code >= 0}: 0.005
 * @param initLow  lower bound of the uniform initial factors, finite and {@code >= 0}: 0
 * @param initHigh upper bound of the uniform initial factors, finite and {@code >= initLow}: 1
 * @param seed     seed of the initial factors: 0
 */
public record NmfOptions(int factors, int epochs, boolean biased, double regPu, double regQi, double regBu,
                         double regBi, double lrBu, double lrBi, double initLow, double initHigh, long seed) {

    /**
     * Validates the options.
     *
     * @param factors  factors per user and item, {@code >= 1}: 15
     * @param epochs   passes, in {@code [1, 1,000,000]}: 50
     * @param biased   whether to learn {@code mu + b_u + b_i} by SGD besides the factors: false
     * @param regPu    regularisation of user factors, finite and {@code >= 0}: 0.06
     * @param regQi    regularisation of item factors, finite and {@code >= 0}: 0.06
     * @param regBu    regularisation of user biases, finite and {@code >= 0}: 0.02
     * @param regBi    regularisation of item biases, finite and {@code >= 0}: 0.02
     * @param lrBu     learning rate of user biases, finite and {@code >= 0}: 0.005
     * @param lrBi     learning rate of item biases, finite and {@code >= 0}: 0.005
     * @param initLow  lower bound of the uniform initial factors, finite and {@code >= 0}: 0
     * @param initHigh upper bound of the uniform initial factors, finite and {@code >= initLow}: 1
     * @param seed     seed of the initial factors: 0
     * @throws IllegalArgumentException naming the option, the value and what was expected
     */
    public NmfOptions {
        if (factors < 1) {
            throw new IllegalArgumentException("factors must be >= 1, got " + factors);
        }
        Limits.requireEpochs("epochs", epochs, 1);
        FactorOptions.nonNegative("regPu", regPu);
        FactorOptions.nonNegative("regQi", regQi);
        FactorOptions.nonNegative("regBu", regBu);
        FactorOptions.nonNegative("regBi", regBi);
        FactorOptions.nonNegative("lrBu", lrBu);
        FactorOptions.nonNegative("lrBi", lrBi);
        FactorOptions.nonNegative("initLow", initLow);
        if (!(initHigh >= initLow) || Double.isInfinite(initHigh)) {
            throw new IllegalArgumentException("initHigh must be finite and >= initLow = " + initLow + ", got "
                    + initHigh);
        }
    }

    /** {@return Surprise's defaults: 15 factors, 50 epochs, unbiased, reg_pu = reg_qi = 0.06, init U[0, 1], seed 0} */
    public static NmfOptions defaults() {
        return new NmfOptions(15, 50, false, 0.06, 0.06, 0.02, 0.02, 0.005, 0.005, 0, 1, 0);
    }

    /**
     * {@return a copy with the given number of factors}
     *
     * @param factors factors per user and item, {@code >= 1}
     */
    public NmfOptions withFactors(int factors) {
        return new NmfOptions(factors, epochs, biased, regPu, regQi, regBu, regBi, lrBu, lrBi, initLow, initHigh, seed);
    }

    /**
     * {@return a copy with the given number of epochs}
     *
     * @param epochs passes, in {@code [1, 1,000,000]}
     */
    public NmfOptions withEpochs(int epochs) {
        return new NmfOptions(factors, epochs, biased, regPu, regQi, regBu, regBi, lrBu, lrBi, initLow, initHigh, seed);
    }

    /**
     * {@return a copy with or without biases}
     *
     * @param biased whether to learn biases
     */
    public NmfOptions withBiased(boolean biased) {
        return new NmfOptions(factors, epochs, biased, regPu, regQi, regBu, regBi, lrBu, lrBi, initLow, initHigh, seed);
    }

    /**
     * {@return a copy with the given regularisation of user and item factors}
     *
     * @param regPu user factors, finite and {@code >= 0}
     * @param regQi item factors, finite and {@code >= 0}
     */
    public NmfOptions withFactorReg(double regPu, double regQi) {
        return new NmfOptions(factors, epochs, biased, regPu, regQi, regBu, regBi, lrBu, lrBi, initLow, initHigh, seed);
    }

    /**
     * {@return a copy with the given regularisation of user and item biases}
     *
     * @param regBu user biases, finite and {@code >= 0}
     * @param regBi item biases, finite and {@code >= 0}
     */
    public NmfOptions withBiasReg(double regBu, double regBi) {
        return new NmfOptions(factors, epochs, biased, regPu, regQi, regBu, regBi, lrBu, lrBi, initLow, initHigh, seed);
    }

    /**
     * {@return a copy with the given learning rates of user and item biases}
     *
     * @param lrBu user biases, finite and {@code >= 0}
     * @param lrBi item biases, finite and {@code >= 0}
     */
    public NmfOptions withBiasLearningRates(double lrBu, double lrBi) {
        return new NmfOptions(factors, epochs, biased, regPu, regQi, regBu, regBi, lrBu, lrBi, initLow, initHigh, seed);
    }

    /**
     * {@return a copy with the given bounds of the uniform initial factors}
     *
     * @param initLow  lower bound, finite and {@code >= 0}
     * @param initHigh upper bound, finite and {@code >= initLow}
     */
    public NmfOptions withInit(double initLow, double initHigh) {
        return new NmfOptions(factors, epochs, biased, regPu, regQi, regBu, regBi, lrBu, lrBi, initLow, initHigh, seed);
    }

    /**
     * {@return a copy with the given seed}
     *
     * @param seed seed of the initial factors
     */
    public NmfOptions withSeed(long seed) {
        return new NmfOptions(factors, epochs, biased, regPu, regQi, regBu, regBi, lrBu, lrBi, initLow, initHigh, seed);
    }

    /** {@return the rates and terms in the kernels' order (lr_bu, lr_bi, -, -, -, reg_bu, reg_bi, reg_pu, reg_qi, -)} */
    double[] hyper() {
        return new double[] {lrBu, lrBi, 0, 0, 0, regBu, regBi, regPu, regQi, 0};
    }

    /** The options in Surprise's terms. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d factors, %d epochs, %s, reg_pu %s, reg_qi %s%s, init U[%s, %s], seed %d",
                factors, epochs, biased ? "biased" : "unbiased", regPu, regQi,
                biased ? String.format(Locale.ROOT, ", lr_bu %s, lr_bi %s, reg_bu %s, reg_bi %s", lrBu, lrBi, regBu,
                        regBi) : "", initLow, initHigh, seed);
    }
}
