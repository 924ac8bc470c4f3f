package dev.retention.optim;

/**
 * Options of {@link Lbfgs}. The defaults are those of SciPy's L-BFGS-B ({@code maxcor=10},
 * {@code pgtol=1e-5}, {@code factr=1e7}, i.e. {@code ftol = 1e7 * 2.22e-16}, {@code maxfun=15000}),
 * with a line search of at most 20 evaluations ({@code maxls=20}).
 *
 * @param memory             number of correction pairs kept (m), &gt;= 1
 * @param maxIterations      iteration limit, &gt;= 1
 * @param maxEvaluations     limit on function evaluations, &gt;= 1
 * @param gradientTolerance  stop when the largest absolute gradient component (pseudo-gradient with
 *                           L1) is at most this, &gt;= 0
 * @param relativeTolerance  stop when {@code (f_k - f_k+1) / max(|f_k|, |f_k+1|, 1)} is at most this,
 *                           &gt;= 0
 * @param maxLineSearch      evaluations allowed per line search, &gt;= 1
 */
public record LbfgsOptions(int memory, int maxIterations, int maxEvaluations, double gradientTolerance,
                           double relativeTolerance, int maxLineSearch) {

    /**
     * Validates the options.
     *
     * @param memory             number of correction pairs kept (m), &gt;= 1
     * @param maxIterations      iteration limit, &gt;= 1
     * @param maxEvaluations     limit on function evaluations, &gt;= 1
     * @param gradientTolerance  stop when the largest absolute gradient component (pseudo-gradient with
     *                           L1) is at most this, &gt;= 0
     * @param relativeTolerance  stop when {@code (f_k - f_k+1) / max(|f_k|, |f_k+1|, 1)} is at most this,
     *                           &gt;= 0
     * @param maxLineSearch      evaluations allowed per line search, &gt;= 1
     */
    public LbfgsOptions {
        positive("memory", memory);
        positive("maxIterations", maxIterations);
        positive("maxEvaluations", maxEvaluations);
        positive("maxLineSearch", maxLineSearch);
        nonNegative("gradientTolerance", gradientTolerance);
        nonNegative("relativeTolerance", relativeTolerance);
    }

    private static void positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + v);
        }
    }

    private static void nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
        }
    }

    /** {@return SciPy L-BFGS-B's defaults: m = 10, 15,000 iterations and evaluations, pgtol 1e-5, ftol 2.22e-9} */
    public static LbfgsOptions defaults() {
        return new LbfgsOptions(10, 15_000, 15_000, 1e-5, 1e7 * Math.ulp(1.0), 20);
    }

    /**
     * {@return a copy keeping {@code memory} correction pairs}
     *
     * @param memory number of correction pairs kept (m), &gt;= 1
     */
    public LbfgsOptions withMemory(int memory) {
        return new LbfgsOptions(memory, maxIterations, maxEvaluations, gradientTolerance, relativeTolerance,
                maxLineSearch);
    }

    /**
     * {@return a copy with the given iteration limit}
     *
     * @param maxIterations iteration limit, &gt;= 1
     */
    public LbfgsOptions withMaxIterations(int maxIterations) {
        return new LbfgsOptions(memory, maxIterations, maxEvaluations, gradientTolerance, relativeTolerance,
                maxLineSearch);
    }

    /**
     * {@return a copy with the given evaluation limit}
     *
     * @param maxEvaluations limit on function evaluations, &gt;= 1
     */
    public LbfgsOptions withMaxEvaluations(int maxEvaluations) {
        return new LbfgsOptions(memory, maxIterations, maxEvaluations, gradientTolerance, relativeTolerance,
                maxLineSearch);
    }

    /**
     * {@return a copy with the given gradient tolerance (infinity norm)}
     *
     * @param gradientTolerance stop when the largest absolute gradient component (pseudo-gradient with L1) is at most
     *                          this, &gt;= 0
     */
    public LbfgsOptions withGradientTolerance(double gradientTolerance) {
        return new LbfgsOptions(memory, maxIterations, maxEvaluations, gradientTolerance, relativeTolerance,
                maxLineSearch);
    }

    /**
     * {@return a copy with the given relative decrease tolerance}
     *
     * @param relativeTolerance stop when {@code (f_k - f_k+1) / max(|f_k|, |f_k+1|, 1)} is at most this, &gt;= 0
     */
    public LbfgsOptions withRelativeTolerance(double relativeTolerance) {
        return new LbfgsOptions(memory, maxIterations, maxEvaluations, gradientTolerance, relativeTolerance,
                maxLineSearch);
    }

    /**
     * {@return a copy allowing {@code maxLineSearch} evaluations per line search}
     *
     * @param maxLineSearch evaluations allowed per line search, &gt;= 1
     */
    public LbfgsOptions withMaxLineSearch(int maxLineSearch) {
        return new LbfgsOptions(memory, maxIterations, maxEvaluations, gradientTolerance, relativeTolerance,
                maxLineSearch);
    }
}
