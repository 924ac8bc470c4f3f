package dev.retention.lifetime.bgnbd;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.internal.Checks;

import java.util.Objects;

/**
 * Options of {@link BgNbd#fit(CustomerSummary, BgNbdOptions)}.
 *
 * @param variant       the BG/NBD of Fader, Hardie and Lee (default) or the MBG/NBD of Batislam et al.
 * @param penalizer     L2 penalty {@code penalizer * (r^2 + alpha^2 + a^2 + b^2)} added to the mean negative
 *                      log-likelihood, as lifetimes' {@code penalizer_coef}; finite and {@code >= 0} (default 0)
 * @param maxIterations L-BFGS iteration limit, {@code >= 1} (default 1,000)
 * @param tolerance     stop when the largest gradient component of the mean objective in the log-parameters is
 *                      at most this, finite and {@code > 0} (default 1e-9)
 * @param threads       threads summing the likelihood, {@code >= 1} (default 1); the model is the same for every
 *                      value
 */
public record BgNbdOptions(BgNbdModel.Variant variant, double penalizer, int maxIterations, double tolerance,
                           int threads) {

    /**
     * Validates the options.
     *
     * @param variant       the BG/NBD of Fader, Hardie and Lee (default) or the MBG/NBD of Batislam et al.
     * @param penalizer     L2 penalty {@code penalizer * (r^2 + alpha^2 + a^2 + b^2)} added to the mean negative
     *                      log-likelihood, as lifetimes' {@code penalizer_coef}; finite and {@code >= 0} (default 0)
     * @param maxIterations L-BFGS iteration limit, {@code >= 1} (default 1,000)
     * @param tolerance     stop when the largest gradient component of the mean objective in the log-parameters is at
     *                      most this, finite and {@code > 0} (default 1e-9)
     * @param threads       threads summing the likelihood, {@code >= 1} (default 1); the model is the same for every
     *                      value
     * @throws IllegalArgumentException if a value is out of its range (the message names it)
     */
    public BgNbdOptions {
        Objects.requireNonNull(variant, "variant");
        Checks.penalizer(penalizer);
        Checks.optimizer(maxIterations, tolerance, threads);
    }

    /** {@return the defaults: BG/NBD, no penalty, 1,000 iterations, tolerance 1e-9, one thread} */
    public static BgNbdOptions defaults() {
        return new BgNbdOptions(BgNbdModel.Variant.BG_NBD, 0, 1_000, 1e-9, 1);
    }

    /**
     * {@return a copy fitting the given variant}
     *
     * @param variant the BG/NBD of Fader, Hardie and Lee (default) or the MBG/NBD of Batislam et al.
     */
    public BgNbdOptions withVariant(BgNbdModel.Variant variant) {
        return new BgNbdOptions(variant, penalizer, maxIterations, tolerance, threads);
    }

    /**
     * {@return a copy with the given L2 penalizer}
     *
     * @param penalizer L2 penalty {@code penalizer * (r^2 + alpha^2 + a^2 + b^2)} added to the mean negative
     *                  log-likelihood, as lifetimes' {@code penalizer_coef}; finite and {@code >= 0} (default 0)
     */
    public BgNbdOptions withPenalizer(double penalizer) {
        return new BgNbdOptions(variant, penalizer, maxIterations, tolerance, threads);
    }

    /**
     * {@return a copy with the given iteration limit}
     *
     * @param maxIterations L-BFGS iteration limit, {@code >= 1} (default 1,000)
     */
    public BgNbdOptions withMaxIterations(int maxIterations) {
        return new BgNbdOptions(variant, penalizer, maxIterations, tolerance, threads);
    }

    /**
     * {@return a copy with the given gradient tolerance}
     *
     * @param tolerance stop when the largest gradient component of the mean objective in the log-parameters is at most
     *                  this, finite and {@code > 0} (default 1e-9)
     */
    public BgNbdOptions withTolerance(double tolerance) {
        return new BgNbdOptions(variant, penalizer, maxIterations, tolerance, threads);
    }

    /**
     * {@return a copy using the given number of threads}
     *
     * @param threads threads summing the likelihood, {@code >= 1} (default 1); the model is the same for every value
     */
    public BgNbdOptions withThreads(int threads) {
        return new BgNbdOptions(variant, penalizer, maxIterations, tolerance, threads);
    }
}
