package dev.retention.recsys.popularity;

import java.util.Objects;

/**
 * Options of {@link Popularity#fit}.
 *
 * @param measure how an item's popularity is counted; default {@link Measure#USERS}
 */
public record PopularityOptions(Measure measure) {

    /** How an item's popularity is counted over the training data. */
    public enum Measure {
        /** The number of users (customers) with an entry for the item: "bought by the most customers". */
        USERS,
        /** The sum of the item's values (with purchase counts, the number of orders holding it). */
        SUM
    }

    /**
     * Validates the options.
     *
     * @param measure how an item's popularity is counted; default {@link Measure#USERS}
     */
    public PopularityOptions {
        Objects.requireNonNull(measure, "measure");
    }

    /** {@return the defaults: popularity by number of users} */
    public static PopularityOptions defaults() {
        return new PopularityOptions(Measure.USERS);
    }

    /**
     * {@return a copy with the given measure}
     *
     * @param measure how an item's popularity is counted; default {@link Measure#USERS}
     */
    public PopularityOptions withMeasure(Measure measure) {
        return new PopularityOptions(measure);
    }
}
