package dev.retention.churn.svm;

import dev.retention.churn.classifier.ClassWeight;

import java.util.Locale;
import java.util.Objects;

/**
 * Options of {@link LinearSvm}, named and defaulted as scikit-learn's {@code LinearSVC} (dual solver).
 *
 * @param loss             hinge or squared hinge (default {@link Loss#SQUARED_HINGE})
 * @param c                the cost of a margin violation, finite and &gt; 0 (default 1)
 * @param classWeight      class weights, multiplying {@code C} per class (default none)
 * @param fitIntercept     whether to fit an intercept through a constant bias feature (default true)
 * @param interceptScaling the bias feature's value, &gt; 0 (default 1); its weight is regularised, as in
 *                         LIBLINEAR
 * @param tolerance        stopping tolerance of the dual coordinate descent, &gt; 0 (default 1e-4)
 * @param maxIterations    pass limit, &gt;= 1 (default 1000)
 * @param calibrationFolds folds of the cross-validation whose out-of-fold decision values fit the Platt
 *                         sigmoid, &gt;= 2 (default 5; unshuffled stratified folds, as
 *                         {@code CalibratedClassifierCV(cv=5, ensemble=False)})
 * @param seed             seed of the coordinate orders: fit {@code k} (0 the final fit on every row, {@code f + 1}
 *                         calibration fold {@code f}) shuffles with the stream {@code Seeds.split(seed, k)}
 * @param threads          threads running the {@code calibrationFolds + 1} fits, &gt;= 1 (default 1); the model
 *                         does not depend on it
 */
public record SvmOptions(Loss loss, double c, ClassWeight classWeight, boolean fitIntercept, double interceptScaling,
                         double tolerance, int maxIterations, int calibrationFolds, long seed,
                         int threads) {

    /** The loss on margin violations. */
    public enum Loss {
        /** {@code max(0, 1 - y f)}. */
        HINGE,
        /** {@code max(0, 1 - y f)^2}. */
        SQUARED_HINGE
    }

    /**
     * Checks every option.
     *
     * @param loss             hinge or squared hinge (default {@link Loss#SQUARED_HINGE})
     * @param c                the cost of a margin violation, finite and &gt; 0 (default 1)
     * @param classWeight      class weights, multiplying {@code C} per class (default none)
     * @param fitIntercept     whether to fit an intercept through a constant bias feature (default true)
     * @param interceptScaling the bias feature's value, &gt; 0 (default 1); its weight is regularised, as in LIBLINEAR
     * @param tolerance        stopping tolerance of the dual coordinate descent, &gt; 0 (default 1e-4)
     * @param maxIterations    pass limit, &gt;= 1 (default 1000)
     * @param calibrationFolds folds of the cross-validation whose out-of-fold decision values fit the Platt sigmoid,
     *                         &gt;= 2 (default 5; unshuffled stratified folds, as {@code CalibratedClassifierCV(cv=5,
     *                         ensemble=False)})
     * @param seed             seed of the coordinate orders: fit {@code k} (0 the final fit on every row, {@code f + 1}
     *                         calibration fold {@code f}) shuffles with the stream {@code Seeds.split(seed, k)}
     * @param threads          threads running the {@code calibrationFolds + 1} fits, &gt;= 1 (default 1); the model
     *                         does not depend on it
     * @throws IllegalArgumentException naming the option, its value and what was expected
     */
    public SvmOptions {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(classWeight, "classWeight");
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("c must be finite and > 0, got " + c);
        }
        if (!(interceptScaling > 0) || Double.isInfinite(interceptScaling)) {
            throw new IllegalArgumentException("interceptScaling must be finite and > 0, got " + interceptScaling);
        }
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and > 0, got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (calibrationFolds < 2) {
            throw new IllegalArgumentException("calibrationFolds must be >= 2, got " + calibrationFolds);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** {@return scikit-learn's {@code LinearSVC()} defaults with 5-fold Platt calibration, seed 0, one thread} */
    public static SvmOptions defaults() {
        return new SvmOptions(Loss.SQUARED_HINGE, 1.0, ClassWeight.none(), true, 1.0, 1e-4, 1000, 5, 0, 1);
    }

    /**
     * {@return a copy with this loss}
     *
     * @param loss hinge or squared hinge (default {@link Loss#SQUARED_HINGE})
     */
    public SvmOptions withLoss(Loss loss) {
        return new SvmOptions(loss, c, classWeight, fitIntercept, interceptScaling, tolerance, maxIterations,
                calibrationFolds, seed, threads);
    }

    /**
     * {@return a copy with this cost}
     *
     * @param c the cost of a margin violation, finite and &gt; 0 (default 1)
     */
    public SvmOptions withC(double c) {
        return new SvmOptions(loss, c, classWeight, fitIntercept, interceptScaling, tolerance, maxIterations,
                calibrationFolds, seed, threads);
    }

    /**
     * {@return a copy with these class weights}
     *
     * @param classWeight class weights, multiplying {@code C} per class (default none)
     */
    public SvmOptions withClassWeight(ClassWeight classWeight) {
        return new SvmOptions(loss, c, classWeight, fitIntercept, interceptScaling, tolerance, maxIterations,
                calibrationFolds, seed, threads);
    }

    /**
     * {@return a copy with or without an intercept}
     *
     * @param fitIntercept whether to fit an intercept through a constant bias feature (default true)
     */
    public SvmOptions withFitIntercept(boolean fitIntercept) {
        return new SvmOptions(loss, c, classWeight, fitIntercept, interceptScaling, tolerance, maxIterations,
                calibrationFolds, seed, threads);
    }

    /**
     * {@return a copy with this tolerance}
     *
     * @param tolerance stopping tolerance of the dual coordinate descent, &gt; 0 (default 1e-4)
     */
    public SvmOptions withTolerance(double tolerance) {
        return new SvmOptions(loss, c, classWeight, fitIntercept, interceptScaling, tolerance, maxIterations,
                calibrationFolds, seed, threads);
    }

    /**
     * {@return a copy with this pass limit}
     *
     * @param maxIterations pass limit, &gt;= 1 (default 1000)
     */
    public SvmOptions withMaxIterations(int maxIterations) {
        return new SvmOptions(loss, c, classWeight, fitIntercept, interceptScaling, tolerance, maxIterations,
                calibrationFolds, seed, threads);
    }

    /**
     * {@return a copy with this number of calibration folds}
     *
     * @param calibrationFolds folds of the cross-validation whose out-of-fold decision values fit the Platt sigmoid,
     *                         &gt;= 2 (default 5; unshuffled stratified folds, as {@code CalibratedClassifierCV(cv=5,
     *                         ensemble=False)})
     */
    public SvmOptions withCalibrationFolds(int calibrationFolds) {
        return new SvmOptions(loss, c, classWeight, fitIntercept, interceptScaling, tolerance, maxIterations,
                calibrationFolds, seed, threads);
    }

    /**
     * {@return a copy with this seed}
     *
     * @param seed seed of the coordinate orders: fit {@code k} (0 the final fit on every row, {@code f + 1} calibration
     *             fold {@code f}) shuffles with the stream {@code Seeds.split(seed, k)}
     */
    public SvmOptions withSeed(long seed) {
        return new SvmOptions(loss, c, classWeight, fitIntercept, interceptScaling, tolerance, maxIterations,
                calibrationFolds, seed, threads);
    }

    /**
     * {@return a copy running on this many threads}
     *
     * @param threads threads running the {@code calibrationFolds + 1} fits, &gt;= 1 (default 1); the model does not
     *                depend on it
     */
    public SvmOptions withThreads(int threads) {
        return new SvmOptions(loss, c, classWeight, fitIntercept, interceptScaling, tolerance, maxIterations,
                calibrationFolds, seed, threads);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "loss=%s C=%g class_weight=%s fit_intercept=%b intercept_scaling=%g tol=%g "
                        + "max_iter=%d calibration_folds=%d seed=%d threads=%d", loss.name().toLowerCase(Locale.ROOT), c,
                classWeight, fitIntercept, interceptScaling, tolerance, maxIterations, calibrationFolds, seed, threads);
    }
}
