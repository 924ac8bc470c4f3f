package dev.retention.churn.logistic;

import dev.retention.churn.classifier.ClassWeight;

import java.util.Locale;
import java.util.Objects;

/**
 * Options of {@link LogisticRegression}, named and defaulted as scikit-learn's {@code LogisticRegression}.
 *
 * @param penalty       the penalty on the coefficients (default {@link Penalty#L2}); the intercept is never
 *                      penalised
 * @param c             inverse regularisation strength {@code C}, finite and &gt; 0 (default 1): the
 *                      objective is {@code sum_i s_i loss_i + penalty / C}
 * @param l1Ratio       share of L1 in the elastic net, in [0, 1] (default 0.5; used by
 *                      {@link Penalty#ELASTIC_NET} only)
 * @param classWeight   class weights (default none)
 * @param fitIntercept  whether to fit an intercept (default true)
 * @param tolerance     stop when the largest absolute (pseudo-)gradient component is at most this
 *                      (scikit-learn's {@code tol}, default 1e-4), finite and &gt;= 0; the objective's
 *                      relative decrease test of SciPy's L-BFGS-B ({@code ftol = 2.2e-9}) applies too
 * @param maxIterations iteration limit, &gt;= 1 (default 1000; scikit-learn's {@code max_iter} is 100)
 * @param threads       threads computing the loss and gradient, &gt;= 1 (default 1); the model does not
 *                      depend on it
 */
public record LogisticOptions(Penalty penalty, double c, double l1Ratio, ClassWeight classWeight,
                              boolean fitIntercept, double tolerance, int maxIterations, int threads) {

    /** The penalty on the coefficients. */
    public enum Penalty {
        /** No penalty: the maximum-likelihood estimate, which does not exist for separable data. */
        NONE,
        /** {@code ||w||^2 / (2C)}, smooth: solved by L-BFGS (scikit-learn's {@code lbfgs} solver). */
        L2,
        /** {@code ||w||_1 / C}: solved by OWL-QN; coefficients can be exactly 0. */
        L1,
        /** {@code (l1Ratio ||w||_1 + (1 - l1Ratio) ||w||^2 / 2) / C}: solved by OWL-QN. */
        ELASTIC_NET
    }

    /**
     * Checks every option.
     *
     * @param penalty       the penalty on the coefficients (default {@link Penalty#L2}); the intercept is never
     *                      penalised
     * @param c             inverse regularisation strength {@code C}, finite and &gt; 0 (default 1): the objective is
     *                      {@code sum_i s_i loss_i + penalty / C}
     * @param l1Ratio       share of L1 in the elastic net, in [0, 1] (default 0.5; used by {@link Penalty#ELASTIC_NET}
     *                      only)
     * @param classWeight   class weights (default none)
     * @param fitIntercept  whether to fit an intercept (default true)
     * @param tolerance     stop when the largest absolute (pseudo-)gradient component is at most this (scikit-learn's
     *                      {@code tol}, default 1e-4), finite and &gt;= 0; the objective's relative decrease test of
     *                      SciPy's L-BFGS-B ({@code ftol = 2.2e-9}) applies too
     * @param maxIterations iteration limit, &gt;= 1 (default 1000; scikit-learn's {@code max_iter} is 100)
     * @param threads       threads computing the loss and gradient, &gt;= 1 (default 1); the model does not depend on
     *                      it
     * @throws IllegalArgumentException naming the option, its value and what was expected
     */
    public LogisticOptions {
        Objects.requireNonNull(penalty, "penalty");
        Objects.requireNonNull(classWeight, "classWeight");
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("c must be finite and > 0, got " + c);
        }
        if (!(l1Ratio >= 0 && l1Ratio <= 1)) {
            throw new IllegalArgumentException("l1Ratio must be in [0, 1], got " + l1Ratio);
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0, got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /**
     * {@return scikit-learn's defaults (L2, C = 1, no class weights, intercept, tol 1e-4; one thread) but an iteration
     * limit of 1000 instead of scikit-learn's 100: one-hot encoded columns are collinear and L-BFGS needs more than 100
     * iterations on them (three of the five Telco folds), while a fit that converges is the same whatever the limit;
     * the command line uses these defaults too}
     */
    public static LogisticOptions defaults() {
        return new LogisticOptions(Penalty.L2, 1.0, 0.5, ClassWeight.none(), true, 1e-4, 1000, 1);
    }

    /**
     * {@return a copy with the given penalty}
     *
     * @param penalty the penalty on the coefficients (default {@link Penalty#L2}); the intercept is never penalised
     */
    public LogisticOptions withPenalty(Penalty penalty) {
        return new LogisticOptions(penalty, c, l1Ratio, classWeight, fitIntercept, tolerance, maxIterations,
                threads);
    }

    /**
     * {@return a copy with the given inverse regularisation strength}
     *
     * @param c inverse regularisation strength {@code C}, finite and &gt; 0 (default 1): the objective is {@code sum_i
     *          s_i loss_i + penalty / C}
     */
    public LogisticOptions withC(double c) {
        return new LogisticOptions(penalty, c, l1Ratio, classWeight, fitIntercept, tolerance, maxIterations,
                threads);
    }

    /**
     * {@return a copy with the given elastic-net mixing}
     *
     * @param l1Ratio share of L1 in the elastic net, in [0, 1] (default 0.5; used by {@link Penalty#ELASTIC_NET} only)
     */
    public LogisticOptions withL1Ratio(double l1Ratio) {
        return new LogisticOptions(penalty, c, l1Ratio, classWeight, fitIntercept, tolerance, maxIterations,
                threads);
    }

    /**
     * {@return a copy with the given class weights}
     *
     * @param classWeight class weights (default none)
     */
    public LogisticOptions withClassWeight(ClassWeight classWeight) {
        return new LogisticOptions(penalty, c, l1Ratio, classWeight, fitIntercept, tolerance, maxIterations,
                threads);
    }

    /**
     * {@return a copy with or without an intercept}
     *
     * @param fitIntercept whether to fit an intercept (default true)
     */
    public LogisticOptions withFitIntercept(boolean fitIntercept) {
        return new LogisticOptions(penalty, c, l1Ratio, classWeight, fitIntercept, tolerance, maxIterations,
                threads);
    }

    /**
     * {@return a copy with the given gradient tolerance}
     *
     * @param tolerance stop when the largest absolute (pseudo-)gradient component is at most this (scikit-learn's
     *                  {@code tol}, default 1e-4), finite and &gt;= 0; the objective's relative decrease test of
     *                  SciPy's L-BFGS-B ({@code ftol = 2.2e-9}) applies too
     */
    public LogisticOptions withTolerance(double tolerance) {
        return new LogisticOptions(penalty, c, l1Ratio, classWeight, fitIntercept, tolerance, maxIterations,
                threads);
    }

    /**
     * {@return a copy with the given iteration limit}
     *
     * @param maxIterations iteration limit, &gt;= 1 (default 1000; scikit-learn's {@code max_iter} is 100)
     */
    public LogisticOptions withMaxIterations(int maxIterations) {
        return new LogisticOptions(penalty, c, l1Ratio, classWeight, fitIntercept, tolerance, maxIterations,
                threads);
    }

    /**
     * {@return a copy computing with the given number of threads}
     *
     * @param threads threads computing the loss and gradient, &gt;= 1 (default 1); the model does not depend on it
     */
    public LogisticOptions withThreads(int threads) {
        return new LogisticOptions(penalty, c, l1Ratio, classWeight, fitIntercept, tolerance, maxIterations,
                threads);
    }

    /** The L2 strength {@code (1 - l1 share) / C} on {@code ||w||^2 / 2}. */
    double l2Strength() {
        return switch (penalty) {
            case NONE, L1 -> 0;
            case L2 -> 1 / c;
            case ELASTIC_NET -> (1 - l1Ratio) / c;
        };
    }

    /** The L1 strength on {@code ||w||_1}. */
    double l1Strength() {
        return switch (penalty) {
            case NONE, L2 -> 0;
            case L1 -> 1 / c;
            case ELASTIC_NET -> l1Ratio / c;
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "penalty=%s C=%g%s class_weight=%s fit_intercept=%b tol=%g max_iter=%d "
                        + "threads=%d", penalty.name().toLowerCase(Locale.ROOT), c,
                penalty == Penalty.ELASTIC_NET ? String.format(Locale.ROOT, " l1_ratio=%g", l1Ratio) : "",
                classWeight, fitIntercept, tolerance, maxIterations, threads);
    }
}
