package dev.retention.recsys.bpr;

import dev.retention.recsys.internal.Limits;

import java.util.Locale;

/**
 * Options of {@link Bpr#fit}, with the defaults of {@code implicit}'s {@code BayesianPersonalizedRanking}.
 *
 * @param factors        latent factors, in [1, 4096], besides the item bias (an extra factor whose user side is
 *                       fixed at 1); default 100
 * @param learningRate   SGD step, finite and {@code > 0}; default 0.01
 * @param regularization L2 penalty on every updated factor, finite and {@code >= 0}; default 0.01
 * @param iterations     epochs, each of as many sampled triples as there are interactions, in [1, 1,000,000];
 *                       default 100
 * @param negatives      how the negative item of a triple is drawn; default {@link Negatives#UNIFORM}
 * @param seed           seed of the initial factors and of every sampled triple; default 0
 * @param threads        threads, {@code >= 1}; the model is a function of the data and the options (thread count
 *                       included): with more than 1 each epoch runs as blocks of user ranges and item groups that
 *                       share no row, a sampling scheme of its own (see {@link Bpr}); default 1
 */
public record BprOptions(int factors, double learningRate, double regularization, int iterations,
                         Negatives negatives, long seed, int threads) {

    /** How the negative (not bought) item of a sampled triple is drawn. */
    public enum Negatives {
        /** Every item of the catalogue equally likely (Rendle et al. 2009). */
        UNIFORM,
        /**
         * The item of a uniformly drawn interaction, so items in proportion to their interactions (what
         * {@code implicit}'s CPU sampler does).
         */
        POPULARITY;

        /**
         * {@return the value named {@code text}, case-insensitive}
         *
         * @param text {@code uniform} or {@code popularity}
         * @throws IllegalArgumentException naming the text otherwise
         */
        public static Negatives parse(String text) {
            for (Negatives n : values()) {
                if (n.name().equalsIgnoreCase(text)) {
                    return n;
                }
            }
            throw new IllegalArgumentException("negatives must be uniform or popularity, got '" + text + "'");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Validates the options.
     *
     * @param factors        in [1, 4096]
     * @param learningRate   finite, {@code > 0}
     * @param regularization finite, {@code >= 0}
     * @param iterations     in [1, 1,000,000]
     * @param negatives      not null
     * @param seed           any value
     * @param threads        {@code >= 1}
     */
    public BprOptions {
        if (factors < 1 || factors > 4096) {
            throw new IllegalArgumentException("factors must be in [1, 4096], got " + factors);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
        if (!(regularization >= 0) || Double.isInfinite(regularization)) {
            throw new IllegalArgumentException("regularization must be finite and >= 0, got " + regularization);
        }
        Limits.requireEpochs("iterations", iterations, 1);
        java.util.Objects.requireNonNull(negatives, "negatives");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /**
     * {@return the defaults: 100 factors, learning rate 0.01, regularization 0.01, 100 iterations, uniform negatives,
     * seed 0, 1 thread}
     */
    public static BprOptions defaults() {
        return new BprOptions(100, 0.01, 0.01, 100, Negatives.UNIFORM, 0, 1);
    }

    /**
     * {@return a copy with the given number of factors}
     *
     * @param factors in [1, 4096]
     */
    public BprOptions withFactors(int factors) {
        return new BprOptions(factors, learningRate, regularization, iterations, negatives, seed, threads);
    }

    /**
     * {@return a copy with the given learning rate}
     *
     * @param learningRate finite, {@code > 0}
     */
    public BprOptions withLearningRate(double learningRate) {
        return new BprOptions(factors, learningRate, regularization, iterations, negatives, seed, threads);
    }

    /**
     * {@return a copy with the given regularization}
     *
     * @param regularization finite, {@code >= 0}
     */
    public BprOptions withRegularization(double regularization) {
        return new BprOptions(factors, learningRate, regularization, iterations, negatives, seed, threads);
    }

    /**
     * {@return a copy with the given number of epochs}
     *
     * @param iterations in [1, 1,000,000]
     */
    public BprOptions withIterations(int iterations) {
        return new BprOptions(factors, learningRate, regularization, iterations, negatives, seed, threads);
    }

    /**
     * {@return a copy with the given negative sampling}
     *
     * @param negatives not null
     */
    public BprOptions withNegatives(Negatives negatives) {
        return new BprOptions(factors, learningRate, regularization, iterations, negatives, seed, threads);
    }

    /**
     * {@return a copy with the given seed}
     *
     * @param seed any value
     */
    public BprOptions withSeed(long seed) {
        return new BprOptions(factors, learningRate, regularization, iterations, negatives, seed, threads);
    }

    /**
     * {@return a copy with the given number of threads}
     *
     * @param threads {@code >= 1}
     */
    public BprOptions withThreads(int threads) {
        return new BprOptions(factors, learningRate, regularization, iterations, negatives, seed, threads);
    }
}
