package dev.retention.recsys.sparse;

/**
 * Options of {@link SparseOps#gram(CsrMatrix, GramOptions)}.
 *
 * @param topK        keep only the {@code topK} largest values of each row (ties to the smaller column);
 *                    0 (the default) keeps every pair
 * @param minSupport  keep a pair only when at least this many rows hold both columns; default 1
 * @param diagonal    whether to keep the diagonal (the squared column norms); default {@code true}
 * @param threads     number of threads, {@code >= 1}; the result does not depend on it; default 1
 */
public record GramOptions(int topK, int minSupport, boolean diagonal, int threads) {

    /**
     * Validates the options.
     *
     * @param topK       keep only the {@code topK} largest values of each row (ties to the smaller column); 0 (the
     *                   default) keeps every pair
     * @param minSupport keep a pair only when at least this many rows hold both columns; default 1
     * @param diagonal   whether to keep the diagonal (the squared column norms); default {@code true}
     * @param threads    number of threads, {@code >= 1}; the result does not depend on it; default 1
     */
    public GramOptions {
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0 (0 keeps every pair), got " + topK);
        }
        if (minSupport < 1) {
            throw new IllegalArgumentException("minSupport must be >= 1, got " + minSupport);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** {@return the defaults: every pair, support 1, with the diagonal, one thread} */
    public static GramOptions defaults() {
        return new GramOptions(0, 1, true, 1);
    }

    /**
     * {@return a copy keeping the {@code topK} largest values per row (0 for all)}
     *
     * @param topK keep only the {@code topK} largest values of each row (ties to the smaller column); 0 (the default)
     *             keeps every pair
     */
    public GramOptions withTopK(int topK) {
        return new GramOptions(topK, minSupport, diagonal, threads);
    }

    /**
     * {@return a copy with the given minimum support}
     *
     * @param minSupport keep a pair only when at least this many rows hold both columns; default 1
     */
    public GramOptions withMinSupport(int minSupport) {
        return new GramOptions(topK, minSupport, diagonal, threads);
    }

    /**
     * {@return a copy that keeps or drops the diagonal}
     *
     * @param diagonal whether to keep the diagonal (the squared column norms); default {@code true}
     */
    public GramOptions withDiagonal(boolean diagonal) {
        return new GramOptions(topK, minSupport, diagonal, threads);
    }

    /**
     * {@return a copy with the given number of threads}
     *
     * @param threads number of threads, {@code >= 1}; the result does not depend on it; default 1
     */
    public GramOptions withThreads(int threads) {
        return new GramOptions(topK, minSupport, diagonal, threads);
    }
}
