package dev.retention.data;

import java.util.Objects;

/**
 * Which order lines count as purchases. By default ({@link #defaults()}) a line is a purchase when
 * <ol>
 *   <li>the customer id is present (else {@link SkipReason#MISSING_CUSTOMER}),</li>
 *   <li>the order is not a cancellation (Online Retail: the invoice starts with {@code C};
 *       else {@link SkipReason#CANCELLATION}),</li>
 *   <li>the quantity is &gt; 0 (else {@link SkipReason#NON_POSITIVE_QUANTITY}),</li>
 *   <li>the unit price is &gt; 0 (else {@link SkipReason#NON_POSITIVE_PRICE}).</li>
 * </ol>
 * The rules are applied in this order and a skipped line is counted under the first that fails, so
 * the counts in {@link LineCounts} add up to the lines read.
 *
 * <p>With {@link Cancellations#NET}, a cancellation line of a customer is kept instead, with a
 * negative quantity and amount ({@code -|quantity| * unitPrice}), so that it reduces the customer's
 * spend; it never counts as an order, nor as a purchase for recency. A netted cancellation line still
 * needs a non-zero quantity and a positive price, and a customer with no purchase at all keeps no
 * cancellation lines (there is nothing to net them against; they are counted as cancellations).
 *
 * @param cancellations what to do with cancellation lines
 */
public record PurchaseRules(Cancellations cancellations) {

    /** What to do with lines of cancelled orders. */
    public enum Cancellations {
        /** Skip them and count them under {@link SkipReason#CANCELLATION} (the default). */
        SKIP,
        /** Keep them as negative amounts, netted against the customer's spend. */
        NET
    }

    public PurchaseRules {
        Objects.requireNonNull(cancellations, "cancellations");
    }

    /** The default rules: cancellations are skipped. */
    public static PurchaseRules defaults() {
        return new PurchaseRules(Cancellations.SKIP);
    }

    /** A copy with the given cancellation policy. */
    public PurchaseRules withCancellations(Cancellations policy) {
        return new PurchaseRules(policy);
    }
}
