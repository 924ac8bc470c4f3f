package dev.retention.recsys.hybrid;

/** Which part of a {@link HybridModel} served a recommended item. */
public enum Source {
    /** The collaborative model: a customer with enough purchases, an item with purchases. */
    COLLABORATIVE,
    /**
     * Item attributes: a customer with few purchases (their items' content neighbours), or an item nobody bought yet
     * reached through a content neighbour that the collaborative model ranks.
     */
    CONTENT,
    /** The most popular items: a customer without purchases, or a list the content neighbours could not fill. */
    POPULARITY
}
