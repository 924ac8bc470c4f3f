package dev.retention.lifetime.gammagamma;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.internal.Checks;

/**
 * Options of {@link GammaGamma#fit(CustomerSummary, GammaGammaOptions)}.
 *
 * @param penalizer     L2 penalty {@code penalizer * (p^2 + q^2 + v^2)} added to the mean negative
 *                      log-likelihood, as lifetimes' {@code penalizer_coef}; finite and {@code >= 0} (default 0)
 * @param maxIterations L-BFGS iteration limit, {@code >= 1} (default 1,000)
 * @param tolerance     stop when the largest gradient component of the mean objective in the log-parameters is
 *                      at most this, finite and {@code > 0} (default 1e-9)
 * @param threads       threads summing the likelihood, {@code >= 1} (default 1); the model is the same for every
 *                      value
 */
public record GammaGammaOptions(double penalizer, int maxIterations, double tolerance, int threads) {

    /**
     * Validates the options.
     *
     * @param penalizer     L2 penalty {@code penalizer * (p^2 + q^2 + v^2)} added to the mean negative log-likelihood,
     *                      as lifetimes' {@code penalizer_coef}; finite and {@code >= 0} (default 0)
     * @param maxIterations L-BFGS iteration limit, {@code >= 1} (default 1,000)
     * @param tolerance     stop when the largest gradient component of the mean objective in the log-parameters is at
     *                      most this, finite and {@code > 0} (default 1e-9)
     * @param threads       threads summing the likelihood, {@code >= 1} (default 1); the model is the same for every
     *                      value
     * @throws IllegalArgumentException if a value is out of its range (the message names it)
     */
    public GammaGammaOptions {
        Checks.penalizer(penalizer);
        Checks.optimizer(maxIterations, tolerance, threads);
    }

    /** {@return the defaults: no penalty, 1,000 iterations, tolerance 1e-9, one thread} */
    public static GammaGammaOptions defaults() {
        return new GammaGammaOptions(0, 1_000, 1e-9, 1);
    }

    /**
     * {@return a copy with the given L2 penalizer}
     *
     * @param penalizer L2 penalty {@code penalizer * (p^2 + q^2 + v^2)} added to the mean negative log-likelihood, as
     *                  lifetimes' {@code penalizer_coef}; finite and {@code >= 0} (default 0)
     */
    public GammaGammaOptions withPenalizer(double penalizer) {
        return new GammaGammaOptions(penalizer, maxIterations, tolerance, threads);
    }

    /**
     * {@return a copy with the given iteration limit}
     *
     * @param maxIterations L-BFGS iteration limit, {@code >= 1} (default 1,000)
     */
    public GammaGammaOptions withMaxIterations(int maxIterations) {
        return new GammaGammaOptions(penalizer, maxIterations, tolerance, threads);
    }

    /**
     * {@return a copy with the given gradient tolerance}
     *
     * @param tolerance stop when the largest gradient component of the mean objective in the log-parameters is at most
     *                  this, finite and {@code > 0} (default 1e-9)
     */
    public GammaGammaOptions withTolerance(double tolerance) {
        return new GammaGammaOptions(penalizer, maxIterations, tolerance, threads);
    }

    /**
     * {@return a copy using the given number of threads}
     *
     * @param threads threads summing the likelihood, {@code >= 1} (default 1); the model is the same for every value
     */
    public GammaGammaOptions withThreads(int threads) {
        return new GammaGammaOptions(penalizer, maxIterations, tolerance, threads);
    }
}
