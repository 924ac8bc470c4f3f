package dev.retention.recsys.baseline;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.internal.Limits;

import java.util.Locale;
import java.util.Objects;

/**
 * How baselines {@code b_ui = mu + b_u + b_i} are estimated, with Surprise's defaults
 * ({@code bsl_options}; Y. Koren, "Factor in the neighbors", ACM TKDD 4(1), 2010, section 2.1).
 *
 * <p>{@code epochs} is Surprise's {@code n_epochs}: the fit always runs that many passes, as Surprise does,
 * and then reports in its summary whether they were enough (see {@link BaselineOnly#fit}). It is not a
 * {@code maxIterations}: nothing stops the fit earlier, and there is no {@code tolerance} to stop on.
 *
 * @param method       alternating least squares or stochastic gradient descent
 * @param epochs       passes, in {@code [1, 1,000,000]}: 10 for ALS, 20 for SGD (Surprise's {@code n_epochs})
 * @param regUser      ALS regularisation of user biases, {@code >= 0}: 15
 * @param regItem      ALS regularisation of item biases, {@code >= 0}: 10
 * @param learningRate SGD step, {@code > 0}: 0.005
 * @param reg          SGD regularisation, {@code >= 0}: 0.02
 */
public record BaselineOptions(Method method, int epochs, double regUser, double regItem, double learningRate,
                              double reg) {

    /** The estimation method. */
    public enum Method {
        /**
         * Alternating least squares: each epoch sets every item bias to
         * {@code sum_u (r_ui - mu - b_u) / (reg_i + |U_i|)}, then every user bias to
         * {@code sum_i (r_ui - mu - b_i) / (reg_u + |I_u|)} (Surprise's {@code baseline_als}).
         */
        ALS,
        /**
         * Stochastic gradient descent over the ratings in user-then-item order: with
         * {@code e = r_ui - (mu + b_u + b_i)}, {@code b_u += lr (e - reg b_u)} and
         * {@code b_i += lr (e - reg b_i)} (Surprise's {@code baseline_sgd}).
         */
        SGD
    }

    /**
     * Validates the options.
     *
     * @param method       alternating least squares or stochastic gradient descent
     * @param epochs       passes, in {@code [1, 1,000,000]}: 10 for ALS, 20 for SGD (Surprise's {@code n_epochs})
     * @param regUser      ALS regularisation of user biases, {@code >= 0}: 15
     * @param regItem      ALS regularisation of item biases, {@code >= 0}: 10
     * @param learningRate SGD step, {@code > 0}: 0.005
     * @param reg          SGD regularisation, {@code >= 0}: 0.02
     */
    public BaselineOptions {
        Objects.requireNonNull(method, "method");
        Limits.requireEpochs("epochs", epochs, 1);
        check("regUser", regUser);
        check("regItem", regItem);
        check("reg", reg);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
    }

    private static void check(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
        }
    }

    /** {@return Surprise's defaults: ALS, 10 epochs, reg_u 15, reg_i 10} */
    public static BaselineOptions als() {
        return new BaselineOptions(Method.ALS, 10, 15, 10, 0.005, 0.02);
    }

    /** {@return Surprise's SGD defaults: 20 epochs, learning rate 0.005, reg 0.02} */
    public static BaselineOptions sgd() {
        return new BaselineOptions(Method.SGD, 20, 15, 10, 0.005, 0.02);
    }

    /** {@return the defaults: {@link #als()}} */
    public static BaselineOptions defaults() {
        return als();
    }

    /**
     * {@return a copy with the given method (the other parameters unchanged)}
     *
     * @param method alternating least squares or stochastic gradient descent
     */
    public BaselineOptions withMethod(Method method) {
        return new BaselineOptions(method, epochs, regUser, regItem, learningRate, reg);
    }

    /**
     * {@return a copy with the given number of epochs}
     *
     * @param epochs passes, in {@code [1, 1,000,000]}: 10 for ALS, 20 for SGD (Surprise's {@code n_epochs})
     */
    public BaselineOptions withEpochs(int epochs) {
        return new BaselineOptions(method, epochs, regUser, regItem, learningRate, reg);
    }

    /**
     * {@return a copy with the given ALS regularisation of user biases}
     *
     * @param regUser ALS regularisation of user biases, {@code >= 0}: 15
     */
    public BaselineOptions withRegUser(double regUser) {
        return new BaselineOptions(method, epochs, regUser, regItem, learningRate, reg);
    }

    /**
     * {@return a copy with the given ALS regularisation of item biases}
     *
     * @param regItem ALS regularisation of item biases, {@code >= 0}: 10
     */
    public BaselineOptions withRegItem(double regItem) {
        return new BaselineOptions(method, epochs, regUser, regItem, learningRate, reg);
    }

    /**
     * {@return a copy with the given SGD learning rate}
     *
     * @param learningRate SGD step, {@code > 0}: 0.005
     */
    public BaselineOptions withLearningRate(double learningRate) {
        return new BaselineOptions(method, epochs, regUser, regItem, learningRate, reg);
    }

    /**
     * {@return a copy with the given SGD regularisation}
     *
     * @param reg SGD regularisation, {@code >= 0}: 0.02
     */
    public BaselineOptions withReg(double reg) {
        return new BaselineOptions(method, epochs, regUser, regItem, learningRate, reg);
    }

    /**
     * Adds the options to a model file as sections {@code prefix + "_method"}, {@code "_epochs"} and
     * {@code "_params"} (reg_u, reg_i, learning rate, reg).
     *
     * @param file   written
     * @param prefix such as {@code "baseline"}
     */
    public void writeTo(ModelFile.Writer file, String prefix) {
        Objects.requireNonNull(file, "file");
        file.putString(prefix + "_method", method.name())
                .putInt(prefix + "_epochs", epochs)
                .putDoubles(prefix + "_params", new double[] {regUser, regItem, learningRate, reg});
    }

    /**
     * Reads options written by {@link #writeTo}.
     *
     * @param file   read
     * @param prefix the prefix they were written with
     * @return the options read
     * @throws ModelFormatException if a section is missing, has the wrong length, or holds a value the options
     *                              refuse (the message names the file)
     */
    public static BaselineOptions readFrom(ModelFile file, String prefix) throws ModelFormatException {
        Objects.requireNonNull(file, "file");
        double[] p = file.doubles(prefix + "_params");
        if (p.length != 4) {
            throw new ModelFormatException(file.source() + ": section '" + prefix + "_params' holds " + p.length
                    + " values, expected 4 (reg_u, reg_i, learning rate, reg)");
        }
        String method = file.string(prefix + "_method");
        try {
            return new BaselineOptions(Method.valueOf(method), file.intValue(prefix + "_epochs"), p[0], p[1], p[2],
                    p[3]);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file.source() + ": invalid baseline options: " + e.getMessage());
        }
    }

    /** The method and the parameters it uses, such as {@code "ALS, 10 epochs, reg_u 15, reg_i 10"}. */
    @Override
    public String toString() {
        return method == Method.ALS
                ? String.format(Locale.ROOT, "ALS, %d epochs, reg_u %s, reg_i %s", epochs, regUser, regItem)
                : String.format(Locale.ROOT, "SGD, %d epochs, learning rate %s, reg %s", epochs, learningRate, reg);
    }
}
