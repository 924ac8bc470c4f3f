package dev.retention.lifetime.paretonbd;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.internal.Checks;

/**
 * Options of {@link ParetoNbd#fit(CustomerSummary, ParetoNbdOptions)}.
 *
 * @param penalizer     L2 penalty {@code penalizer * (r^2 + alpha^2 + s^2 + beta^2)} added to the mean negative
 *                      log-likelihood, as lifetimes' {@code penalizer_coef}; finite and {@code >= 0} (default 0)
 * @param maxIterations Nelder-Mead iteration limit over all restarts, {@code >= 1} (default 10,000)
 * @param tolerance     simplex size in the log-parameters at which Nelder-Mead stops (its value tolerance is
 *                      {@code 1e-4} times this), finite and {@code > 0} (default 1e-7)
 * @param threads       threads summing the likelihood, {@code >= 1} (default 1); the model is the same for every
 *                      value
 */
public record ParetoNbdOptions(double penalizer, int maxIterations, double tolerance, int threads) {

    /**
     * Validates the options.
     *
     * @param penalizer     L2 penalty {@code penalizer * (r^2 + alpha^2 + s^2 + beta^2)} added to the mean negative
     *                      log-likelihood, as lifetimes' {@code penalizer_coef}; finite and {@code >= 0} (default 0)
     * @param maxIterations Nelder-Mead iteration limit over all restarts, {@code >= 1} (default 10,000)
     * @param tolerance     simplex size in the log-parameters at which Nelder-Mead stops (its value tolerance is {@code
     *                      1e-4} times this), finite and {@code > 0} (default 1e-7)
     * @param threads       threads summing the likelihood, {@code >= 1} (default 1); the model is the same for every
     *                      value
     * @throws IllegalArgumentException if a value is out of its range (the message names it)
     */
    public ParetoNbdOptions {
        Checks.penalizer(penalizer);
        Checks.optimizer(maxIterations, tolerance, threads);
    }

    /** {@return the defaults: no penalty, 10,000 iterations, tolerance 1e-7, one thread} */
    public static ParetoNbdOptions defaults() {
        return new ParetoNbdOptions(0, 10_000, 1e-7, 1);
    }

    /**
     * {@return a copy with the given L2 penalizer}
     *
     * @param penalizer L2 penalty {@code penalizer * (r^2 + alpha^2 + s^2 + beta^2)} added to the mean negative
     *                  log-likelihood, as lifetimes' {@code penalizer_coef}; finite and {@code >= 0} (default 0)
     */
    public ParetoNbdOptions withPenalizer(double penalizer) {
        return new ParetoNbdOptions(penalizer, maxIterations, tolerance, threads);
    }

    /**
     * {@return a copy with the given iteration limit}
     *
     * @param maxIterations Nelder-Mead iteration limit over all restarts, {@code >= 1} (default 10,000)
     */
    public ParetoNbdOptions withMaxIterations(int maxIterations) {
        return new ParetoNbdOptions(penalizer, maxIterations, tolerance, threads);
    }

    /**
     * {@return a copy with the given simplex tolerance}
     *
     * @param tolerance simplex size in the log-parameters at which Nelder-Mead stops (its value tolerance is {@code
     *                  1e-4} times this), finite and {@code > 0} (default 1e-7)
     */
    public ParetoNbdOptions withTolerance(double tolerance) {
        return new ParetoNbdOptions(penalizer, maxIterations, tolerance, threads);
    }

    /**
     * {@return a copy using the given number of threads}
     *
     * @param threads threads summing the likelihood, {@code >= 1} (default 1); the model is the same for every value
     */
    public ParetoNbdOptions withThreads(int threads) {
        return new ParetoNbdOptions(penalizer, maxIterations, tolerance, threads);
    }
}
