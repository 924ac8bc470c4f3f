package dev.retention.recsys.als;

import dev.retention.recsys.Confidence;
import dev.retention.recsys.internal.Limits;

import java.util.Objects;

/**
 * Options of {@link ImplicitAls#fit}, with the defaults of {@code implicit}'s {@code AlternatingLeastSquares}.
 *
 * @param factors        latent factors, {@code >= 1}; default 100
 * @param regularization lambda on both factor matrices, finite and {@code > 0}; default 0.01
 * @param alpha          confidence per unit of value, {@code c = alpha value}, finite and {@code > 0}; default 1
 * @param iterations     ALS iterations (users then items), a fixed number as in {@code implicit}, in
 *                       [1, 1,000,000]; default 15
 * @param cgSteps        conjugate-gradient steps per row and half-step, warm-started from the last iterate; 0 solves
 *                       exactly by Cholesky; default 3
 * @param seed           seed of the initial factors (uniform in [0, 0.01)); default 0
 * @param threads        threads, {@code >= 1}; the model does not depend on it; default 1
 * @param confidence     how values become confidences ({@link Confidence}); its scale is always {@code alpha};
 *                       default {@link Confidence#scaled} ({@code alpha value}, as {@code implicit})
 */
public record AlsOptions(int factors, double regularization, double alpha, int iterations, int cgSteps, long seed,
                         int threads, Confidence confidence) {

    /**
     * Validates the options.
     *
     * @param factors        latent factors, {@code >= 1}
     * @param regularization lambda, finite and {@code > 0}
     * @param alpha          confidence scale, finite and {@code > 0}
     * @param iterations     in [1, 1,000,000]
     * @param cgSteps        {@code >= 0} (0: Cholesky), at most 1,000
     * @param seed           seed of the initial factors
     * @param threads        {@code >= 1}
     * @param confidence     the weighting; its scale is replaced by {@code alpha}
     */
    public AlsOptions {
        if (factors < 1 || factors > 4096) {
            throw new IllegalArgumentException("factors must be in [1, 4096], got " + factors);
        }
        if (!(regularization > 0) || Double.isInfinite(regularization)) {
            throw new IllegalArgumentException("regularization must be finite and > 0, got " + regularization);
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and > 0, got " + alpha);
        }
        Limits.requireEpochs("iterations", iterations, 1);
        if (cgSteps < 0 || cgSteps > 1000) {
            throw new IllegalArgumentException("cgSteps must be in [0, 1000] (0: the exact Cholesky solve), got "
                    + cgSteps);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Objects.requireNonNull(confidence, "confidence");
        confidence = confidence.withAlpha(alpha);
    }

    /**
     * Options with the confidence {@code alpha value}.
     *
     * @param factors        latent factors, {@code >= 1}
     * @param regularization lambda, finite and {@code > 0}
     * @param alpha          confidence scale, finite and {@code > 0}
     * @param iterations     in [1, 1,000,000]
     * @param cgSteps        {@code >= 0} (0: Cholesky), at most 1,000
     * @param seed           seed of the initial factors
     * @param threads        {@code >= 1}
     */
    public AlsOptions(int factors, double regularization, double alpha, int iterations, int cgSteps, long seed,
                      int threads) {
        this(factors, regularization, alpha, iterations, cgSteps, seed, threads, Confidence.scaled(1));
    }

    /**
     * {@return the defaults: 100 factors, regularization 0.01, alpha 1, 15 iterations, 3 CG steps, seed 0, confidence
     * {@code alpha value}}
     */
    public static AlsOptions defaults() {
        return new AlsOptions(100, 0.01, 1.0, 15, 3, 0, 1);
    }

    /**
     * {@return a copy with the given number of factors}
     *
     * @param factors {@code >= 1}
     */
    public AlsOptions withFactors(int factors) {
        return new AlsOptions(factors, regularization, alpha, iterations, cgSteps, seed, threads, confidence);
    }

    /**
     * {@return a copy with the given regularization}
     *
     * @param regularization finite, {@code > 0}
     */
    public AlsOptions withRegularization(double regularization) {
        return new AlsOptions(factors, regularization, alpha, iterations, cgSteps, seed, threads, confidence);
    }

    /**
     * {@return a copy with the given confidence scale}
     *
     * @param alpha finite, {@code > 0}
     */
    public AlsOptions withAlpha(double alpha) {
        return new AlsOptions(factors, regularization, alpha, iterations, cgSteps, seed, threads, confidence);
    }

    /**
     * {@return a copy with the given number of iterations}
     *
     * @param iterations in [1, 1,000,000]
     */
    public AlsOptions withIterations(int iterations) {
        return new AlsOptions(factors, regularization, alpha, iterations, cgSteps, seed, threads, confidence);
    }

    /**
     * {@return a copy with the given CG steps (0: Cholesky)}
     *
     * @param cgSteps in [0, 1000]
     */
    public AlsOptions withCgSteps(int cgSteps) {
        return new AlsOptions(factors, regularization, alpha, iterations, cgSteps, seed, threads, confidence);
    }

    /**
     * {@return a copy with the given confidence weighting; its scale becomes {@code alpha}}
     *
     * @param confidence the weighting and its scale
     */
    public AlsOptions withConfidence(Confidence confidence) {
        return new AlsOptions(factors, regularization, confidence.alpha(), iterations, cgSteps, seed, threads,
                confidence);
    }

    /**
     * {@return a copy with the given seed}
     *
     * @param seed seed of the initial factors
     */
    public AlsOptions withSeed(long seed) {
        return new AlsOptions(factors, regularization, alpha, iterations, cgSteps, seed, threads, confidence);
    }

    /**
     * {@return a copy with the given number of threads}
     *
     * @param threads {@code >= 1}
     */
    public AlsOptions withThreads(int threads) {
        return new AlsOptions(factors, regularization, alpha, iterations, cgSteps, seed, threads, confidence);
    }
}
