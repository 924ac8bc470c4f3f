package dev.retention.recsys.content;

/**
 * Options of {@link ContentRecommender#fit}.
 *
 * @param neighbours the most similar items kept per item (the item itself among them), {@code >= 1}; default 50,
 *                   more than item-kNN's 20 because attribute similarities tie often (two films of the same genres are
 *                   equally similar to a third)
 * @param threads    threads, {@code >= 1}; the model does not depend on it; default 1
 */
public record ContentOptions(int neighbours, int threads) {

    /**
     * Validates the options.
     *
     * @param neighbours {@code >= 1}
     * @param threads    {@code >= 1}
     */
    public ContentOptions {
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be >= 1, got " + neighbours);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** {@return the defaults: 50 neighbours, 1 thread} */
    public static ContentOptions defaults() {
        return new ContentOptions(50, 1);
    }

    /**
     * {@return a copy with the given number of neighbours}
     *
     * @param neighbours {@code >= 1}
     */
    public ContentOptions withNeighbours(int neighbours) {
        return new ContentOptions(neighbours, threads);
    }

    /**
     * {@return a copy with the given number of threads}
     *
     * @param threads {@code >= 1}
     */
    public ContentOptions withThreads(int threads) {
        return new ContentOptions(neighbours, threads);
    }
}
