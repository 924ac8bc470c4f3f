package dev.retention.recsys.hybrid;

import dev.retention.recsys.content.ContentOptions;

import java.util.Objects;

/**
 * Options of {@link Hybrid#fit}.
 *
 * @param minPurchases a customer with fewer purchases (distinct items) than this, but at least one, is served from
 *                     their items' content neighbours instead of the collaborative model, {@code >= 1}; default 3
 * @param content      the content model's options; default {@link ContentOptions#defaults()}
 */
public record HybridOptions(int minPurchases, ContentOptions content) {

    /**
     * Validates the options.
     *
     * @param minPurchases {@code >= 1}
     * @param content      not null
     */
    public HybridOptions {
        if (minPurchases < 1) {
            throw new IllegalArgumentException("minPurchases must be >= 1, got " + minPurchases);
        }
        Objects.requireNonNull(content, "content");
    }

    /** {@return the defaults: 3 purchases, the content model's defaults} */
    public static HybridOptions defaults() {
        return new HybridOptions(3, ContentOptions.defaults());
    }

    /**
     * {@return a copy with the given threshold}
     *
     * @param minPurchases {@code >= 1}
     */
    public HybridOptions withMinPurchases(int minPurchases) {
        return new HybridOptions(minPurchases, content);
    }

    /**
     * {@return a copy with the given content options}
     *
     * @param content not null
     */
    public HybridOptions withContent(ContentOptions content) {
        return new HybridOptions(minPurchases, content);
    }
}
