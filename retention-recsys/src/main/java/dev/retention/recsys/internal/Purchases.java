package dev.retention.recsys.internal;

import java.util.Objects;

/** The check of a new customer's purchases that every fold-in shares. */
public final class Purchases {

    private Purchases() {
    }

    /**
     * Checks a customer's purchases given as parallel arrays.
     *
     * @param items     dense item indexes, each in {@code [0, itemCount)}, distinct
     * @param values    the value of each purchase, finite and {@code > 0}
     * @param itemCount the size of the model's item id space
     * @throws IllegalArgumentException naming the first offending position and value
     */
    public static void check(int[] items, float[] values, int itemCount) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(values, "values");
        if (items.length != values.length) {
            throw new IllegalArgumentException("items and values must have the same length, got " + items.length
                    + " and " + values.length);
        }
        boolean[] seen = new boolean[itemCount];
        for (int t = 0; t < items.length; t++) {
            if (items[t] < 0 || items[t] >= itemCount || seen[items[t]]) {
                throw new IllegalArgumentException("items[" + t + "] must be a distinct item in [0, " + itemCount
                        + "), got " + items[t]);
            }
            seen[items[t]] = true;
            if (!(values[t] > 0) || Float.isInfinite(values[t])) {
                throw new IllegalArgumentException("values[" + t + "] must be finite and > 0, got " + values[t]);
            }
        }
    }
}
