package dev.retention.playbook;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The limits of a plan.
 *
 * @param budget      the total cost allowed, finite and {@code > 0} (default 5,000)
 * @param maxContacts the most customers contacted, {@code >= 1} (default {@link Integer#MAX_VALUE}: no limit)
 * @param capacities  the most contacts per action name, each {@code >= 0} (default none: no limit)
 */
public record PlanOptions(double budget, int maxContacts, Map<String, Integer> capacities) {

    /**
     * Validates.
     *
     * @param budget      the total cost allowed, finite and {@code > 0} (default 5,000)
     * @param maxContacts the most customers contacted, {@code >= 1} (default {@link Integer#MAX_VALUE}: no limit)
     * @param capacities  the most contacts per action name, each {@code >= 0} (default none: no limit)
     *
     * @throws IllegalArgumentException naming the field and its value
     */
    public PlanOptions {
        if (!(budget > 0) || Double.isInfinite(budget)) {
            throw new IllegalArgumentException("budget must be finite and > 0, got " + budget);
        }
        if (maxContacts < 1) {
            throw new IllegalArgumentException("maxContacts must be >= 1, got " + maxContacts);
        }
        Map<String, Integer> copy = new TreeMap<>();
        for (Map.Entry<String, Integer> e : Objects.requireNonNull(capacities, "capacities").entrySet()) {
            if (e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException("capacity of action '" + e.getKey() + "' must be >= 0, got "
                        + e.getValue());
            }
            copy.put(Objects.requireNonNull(e.getKey(), "action name"), e.getValue());
        }
        capacities = java.util.Collections.unmodifiableMap(copy);
    }

    /** {@return budget 5,000, no contact limit, no capacities} */
    public static PlanOptions defaults() {
        return new PlanOptions(5_000, Integer.MAX_VALUE, Map.of());
    }

    /**
     * {@return a copy with another budget}
     *
     * @param budget finite and {@code > 0}
     */
    public PlanOptions withBudget(double budget) {
        return new PlanOptions(budget, maxContacts, capacities);
    }

    /**
     * {@return a copy with another contact limit}
     *
     * @param maxContacts {@code >= 1}
     */
    public PlanOptions withMaxContacts(int maxContacts) {
        return new PlanOptions(budget, maxContacts, capacities);
    }

    /**
     * {@return a copy with other per-action capacities}
     *
     * @param capacities action name to the most contacts, each {@code >= 0}
     */
    public PlanOptions withCapacities(Map<String, Integer> capacities) {
        return new PlanOptions(budget, maxContacts, capacities);
    }

    /**
     * {@return the capacity of an action, {@link Integer#MAX_VALUE} when not limited}
     *
     * @param action the action's name
     */
    public int capacity(String action) {
        return capacities.getOrDefault(action, Integer.MAX_VALUE);
    }
}
