package dev.retention.recsys.ease;

/**
 * Options of {@link Ease#fit}.
 *
 * @param lambda  the L2 penalty added to the Gram matrix's diagonal, finite and {@code > 0}; default 500, the value of
 *                Steck's reference code for MovieLens 20M (the paper tunes it per data set; larger favours popular
 *                items less)
 * @param threads threads, {@code >= 1}; the model does not depend on it; default 1
 */
public record EaseOptions(double lambda, int threads) {

    /**
     * Validates the options.
     *
     * @param lambda  finite, {@code > 0}
     * @param threads {@code >= 1}
     */
    public EaseOptions {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and > 0, got " + lambda);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** {@return the defaults: lambda 500, 1 thread} */
    public static EaseOptions defaults() {
        return new EaseOptions(500, 1);
    }

    /**
     * {@return a copy with the given penalty}
     *
     * @param lambda finite, {@code > 0}
     */
    public EaseOptions withLambda(double lambda) {
        return new EaseOptions(lambda, threads);
    }

    /**
     * {@return a copy with the given number of threads}
     *
     * @param threads {@code >= 1}
     */
    public EaseOptions withThreads(int threads) {
        return new EaseOptions(lambda, threads);
    }
}
