package dev.retention.playbook;

import java.util.Objects;

/**
 * Something a shop can do to a customer: a name, a cost per contact, who may receive it and its expected effect.
 *
 * @param name        a non-blank name ("win-back coupon")
 * @param cost        cost per contact, finite and {@code >= 0}, in the currency of the orders
 * @param eligibility who may receive it
 * @param effect      the stated share of the value at stake it saves
 * @param capacity    the most customers it can be sent to, {@code >= 0} ({@link Integer#MAX_VALUE}: no limit)
 */
public record Action(String name, double cost, Eligibility eligibility, Effect effect, int capacity) {

    /**
     * Validates.
     *
     * @param name        a non-blank name ("win-back coupon")
     * @param cost        cost per contact, finite and {@code >= 0}, in the currency of the orders
     * @param eligibility who may receive it
     * @param effect      the stated share of the value at stake it saves
     * @param capacity    the most customers it can be sent to, {@code >= 0} ({@link Integer#MAX_VALUE}: no limit)
     *
     * @throws IllegalArgumentException naming the field: blank name, negative or non-finite cost, negative capacity
     */
    public Action {
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("action name must not be blank");
        }
        if (!(cost >= 0) || Double.isInfinite(cost)) {
            throw new IllegalArgumentException("cost of action '" + name + "' must be finite and >= 0, got " + cost);
        }
        Objects.requireNonNull(eligibility, "eligibility");
        Objects.requireNonNull(effect, "effect");
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity of action '" + name + "' must be >= 0, got " + capacity);
        }
    }

    /**
     * An action without a capacity limit.
     *
     * @param name        a non-blank name
     * @param cost        cost per contact, finite and {@code >= 0}
     * @param eligibility who may receive it
     * @param effect      the stated share of the value at stake it saves
     * @throws IllegalArgumentException as the canonical constructor
     */
    public Action(String name, double cost, Eligibility eligibility, Effect effect) {
        this(name, cost, eligibility, effect, Integer.MAX_VALUE);
    }

    /**
     * {@return the expected incremental value of contacting a customer: effect share x value at stake - cost}
     * O(1); not checked for eligibility.
     *
     * @param c read
     */
    public double expectedValue(CustomerState c) {
        return effect.share(c) * c.valueAtStake() - cost;
    }
}
