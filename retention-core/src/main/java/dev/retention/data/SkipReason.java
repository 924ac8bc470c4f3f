package dev.retention.data;

/**
 * Why an order line was not counted as a purchase. See {@link PurchaseRules} for the rules and the
 * order in which they are applied: a line is counted under the first reason that applies.
 */
public enum SkipReason {
    /** The customer id is empty: the line cannot be attributed to anyone. */
    MISSING_CUSTOMER("missing customer"),
    /** The line belongs to a cancelled order (Online Retail: the invoice starts with {@code C}). */
    CANCELLATION("cancellation"),
    /** Quantity is zero or negative. */
    NON_POSITIVE_QUANTITY("non-positive quantity"),
    /** Unit price (or, for formats that give only a line amount, the amount) is zero or negative. */
    NON_POSITIVE_PRICE("non-positive price"),
    /** The record could not be parsed (only in lenient reading; strict reading throws). */
    MALFORMED("malformed record");

    private final String label;

    SkipReason(String label) {
        this.label = label;
    }

    /** {@return a short human-readable name, for example {@code "missing customer"}} */
    public String label() {
        return label;
    }
}
