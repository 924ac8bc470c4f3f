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
 * <p>With {@code keepZeroPrice}, a line with a unit price (or amount) of exactly 0 is a purchase too:
 * a free or fully discounted order is still a purchase occasion. The CDNOW data set has such orders,
 * and the published analyses of it count them (its 1/10 sample has 2,357 customers only with them), so
 * {@link dev.retention.io.CdnowReader} keeps them by default. Negative prices are always skipped.
 *
 * <p>With {@link Cancellations#NET}, a cancellation line of a customer is kept instead, with a
 * negative quantity and amount ({@code -|quantity| * unitPrice}), so that it reduces the customer's
 * spend; it never counts as an order, nor as a purchase for recency. A netted cancellation line still
 * needs a non-zero quantity and a positive price, and a customer with no purchase at all keeps no
 * cancellation lines (there is nothing to net them against; they are counted as cancellations).
 *
 * @param cancellations what to do with cancellation lines
 * @param keepZeroPrice  whether a line with a price (or amount) of exactly 0 is a purchase (default false)
 */
public record PurchaseRules(Cancellations cancellations, boolean keepZeroPrice) {

    /** What to do with lines of cancelled orders. */
    public enum Cancellations {
        /** Skip them and count them under {@link SkipReason#CANCELLATION} (the default). */
        SKIP,
        /** Keep them as negative amounts, netted against the customer's spend. */
        NET
    }

    /**
     * Checks the rules.
     *
     * @param cancellations what to do with cancellation lines
     * @param keepZeroPrice whether a line with a price (or amount) of exactly 0 is a purchase (default false)
     * @throws NullPointerException if {@code cancellations} is null
     */
    public PurchaseRules {
        Objects.requireNonNull(cancellations, "cancellations must not be null");
    }

    /** {@return the default rules: cancellations are skipped, and so are zero prices} */
    public static PurchaseRules defaults() {
        return new PurchaseRules(Cancellations.SKIP, false);
    }

    /**
     * {@return a copy with the given cancellation policy}
     *
     * @param policy what to do with cancellation lines
     */
    public PurchaseRules withCancellations(Cancellations policy) {
        return new PurchaseRules(policy, keepZeroPrice);
    }

    /**
     * {@return a copy that keeps ({@code true}) or skips ({@code false}) lines with a price of exactly 0}
     *
     * @param keep whether lines with a price of 0 are kept
     */
    public PurchaseRules withKeepZeroPrice(boolean keep) {
        return new PurchaseRules(cancellations, keep);
    }
}
