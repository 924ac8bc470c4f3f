package dev.retention.recsys.slopeone;

/**
 * Options of {@link SlopeOne#fit}. Slope One has no model parameters (Surprise's {@code SlopeOne} takes
 * none); only how the fit runs.
 *
 * @param threads threads of the deviation table, {@code >= 1}; the model does not depend on it; default 1
 */
public record SlopeOneOptions(int threads) {

    /**
     * Validates the options.
     *
     * @param threads threads of the deviation table, {@code >= 1}; the model does not depend on it; default 1
     */
    public SlopeOneOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** {@return the defaults: one thread} */
    public static SlopeOneOptions defaults() {
        return new SlopeOneOptions(1);
    }

    /**
     * {@return a copy with the given number of threads}
     *
     * @param threads threads of the deviation table, {@code >= 1}; the model does not depend on it; default 1
     */
    public SlopeOneOptions withThreads(int threads) {
        return new SlopeOneOptions(threads);
    }
}
