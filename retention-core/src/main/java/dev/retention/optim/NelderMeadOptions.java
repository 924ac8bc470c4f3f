package dev.retention.optim;

/**
 * Options of {@link NelderMead}. The defaults follow SciPy's {@code minimize(method="Nelder-Mead")}:
 * {@code xatol = fatol = 1e-4}, at most {@code 200 n} iterations and evaluations, an initial simplex
 * that moves each coordinate by 5% (0.00025 for a zero coordinate), and the standard coefficients.
 *
 * @param maxIterations   iteration limit, &gt;= 1; 0 means {@code 200 * n}
 * @param maxEvaluations  evaluation limit, &gt;= 1; 0 means {@code 200 * n}
 * @param xTolerance      stop when every vertex is within this of the best one in every coordinate
 *                        (and the values are within {@code fTolerance}), &gt;= 0
 * @param fTolerance      stop when every vertex's value is within this of the best value (and the
 *                        points within {@code xTolerance}), &gt;= 0
 * @param initialStep     relative size of the initial simplex, &gt; 0 (0.05 in SciPy)
 * @param adaptive        use the dimension-dependent coefficients of Gao and Han (2012), better above
 *                        about 10 dimensions
 * @param noProgressIterations stop, not converged, when the best value has improved by no more than
 *                        {@code fTolerance} over this many iterations, &gt;= 0; 0 (the default, as SciPy) never
 */
public record NelderMeadOptions(int maxIterations, int maxEvaluations, double xTolerance, double fTolerance,
                                double initialStep, boolean adaptive, int noProgressIterations) {

    /**
     * Validates the options.
     *
     * @param maxIterations   iteration limit, &gt;= 1; 0 means {@code 200 * n}
     * @param maxEvaluations  evaluation limit, &gt;= 1; 0 means {@code 200 * n}
     * @param xTolerance      stop when every vertex is within this of the best one in every coordinate
     *                        (and the values are within {@code fTolerance}), &gt;= 0
     * @param fTolerance      stop when every vertex's value is within this of the best value (and the
     *                        points within {@code xTolerance}), &gt;= 0
     * @param initialStep     relative size of the initial simplex, &gt; 0 (0.05 in SciPy)
     * @param adaptive        use the dimension-dependent coefficients of Gao and Han (2012), better above
     *                        about 10 dimensions
     * @param noProgressIterations stop, not converged, when the best value has improved by no more than
     *                        {@code fTolerance} over this many iterations, &gt;= 0; 0 (the default, as SciPy) never
     */
    public NelderMeadOptions {
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations must be >= 0 (0 = 200 n), got " + maxIterations);
        }
        if (noProgressIterations < 0) {
            throw new IllegalArgumentException("noProgressIterations must be >= 0 (0 = never), got "
                    + noProgressIterations);
        }
        if (maxEvaluations < 0) {
            throw new IllegalArgumentException("maxEvaluations must be >= 0 (0 = 200 n), got " + maxEvaluations);
        }
        if (!(xTolerance >= 0) || Double.isInfinite(xTolerance)) {
            throw new IllegalArgumentException("xTolerance must be finite and >= 0, got " + xTolerance);
        }
        if (!(fTolerance >= 0) || Double.isInfinite(fTolerance)) {
            throw new IllegalArgumentException("fTolerance must be finite and >= 0, got " + fTolerance);
        }
        if (!(initialStep > 0) || Double.isInfinite(initialStep)) {
            throw new IllegalArgumentException("initialStep must be finite and > 0, got " + initialStep);
        }
    }

    /** {@return SciPy's defaults} */
    public static NelderMeadOptions defaults() {
        return new NelderMeadOptions(0, 0, 1e-4, 1e-4, 0.05, false, 0);
    }

    /**
     * {@return a copy with the given iteration limit (0 = 200 n)}
     *
     * @param maxIterations iteration limit, &gt;= 1; 0 means {@code 200 * n}
     */
    public NelderMeadOptions withMaxIterations(int maxIterations) {
        return new NelderMeadOptions(maxIterations, maxEvaluations, xTolerance, fTolerance, initialStep, adaptive,
                noProgressIterations);
    }

    /**
     * {@return a copy with the given evaluation limit (0 = 200 n)}
     *
     * @param maxEvaluations evaluation limit, &gt;= 1; 0 means {@code 200 * n}
     */
    public NelderMeadOptions withMaxEvaluations(int maxEvaluations) {
        return new NelderMeadOptions(maxIterations, maxEvaluations, xTolerance, fTolerance, initialStep, adaptive,
                noProgressIterations);
    }

    /**
     * {@return a copy with the given tolerances}
     *
     * @param xTolerance stop when every vertex is within this of the best one in every coordinate (and the values are
     *                   within {@code fTolerance}), &gt;= 0
     * @param fTolerance stop when every vertex's value is within this of the best value (and the points within {@code
     *                   xTolerance}), &gt;= 0
     */
    public NelderMeadOptions withTolerances(double xTolerance, double fTolerance) {
        return new NelderMeadOptions(maxIterations, maxEvaluations, xTolerance, fTolerance, initialStep, adaptive,
                noProgressIterations);
    }

    /**
     * {@return a copy with the given relative initial step}
     *
     * @param initialStep relative size of the initial simplex, &gt; 0 (0.05 in SciPy)
     */
    public NelderMeadOptions withInitialStep(double initialStep) {
        return new NelderMeadOptions(maxIterations, maxEvaluations, xTolerance, fTolerance, initialStep, adaptive,
                noProgressIterations);
    }

    /**
     * {@return a copy with adaptive coefficients on or off}
     *
     * @param adaptive use the dimension-dependent coefficients of Gao and Han (2012), better above about 10 dimensions
     */
    public NelderMeadOptions withAdaptive(boolean adaptive) {
        return new NelderMeadOptions(maxIterations, maxEvaluations, xTolerance, fTolerance, initialStep, adaptive,
                noProgressIterations);
    }

    /**
     * {@return a copy that stops when the best value has improved by no more than {@code fTolerance} over this many
     * iterations (0: never)}
     *
     * @param noProgressIterations the window, &gt;= 0
     */
    public NelderMeadOptions withNoProgressIterations(int noProgressIterations) {
        return new NelderMeadOptions(maxIterations, maxEvaluations, xTolerance, fTolerance, initialStep, adaptive,
                noProgressIterations);
    }
}
