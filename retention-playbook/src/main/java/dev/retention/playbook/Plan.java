package dev.retention.playbook;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A playbook's plan: the contacts chosen (by decreasing expected value) and what was left out, and why.
 *
 * @param contacts         the contacts, at most one per customer
 * @param options          the limits it was made under
 * @param customers        customers considered
 * @param lapsed           of them, lapsed with no action worth its cost (the default actions exclude lapsed
 *                         customers)
 * @param noPositiveValue  of them, not lapsed, with no eligible action expected to bring more than it costs
 * @param leftOut          of them, with such an action but not contacted: budget, contact limit or capacity reached
 */
public record Plan(List<Contact> contacts, PlanOptions options, int customers, int lapsed, int noPositiveValue,
                   int leftOut) {

    /**
     * Copies the contacts.
     *
     * @param contacts         the contacts, at most one per customer
     * @param options          the limits it was made under
     * @param customers        customers considered
     * @param lapsed           of them, lapsed with no action worth its cost (the default actions exclude lapsed
     *        customers)
     * @param noPositiveValue  of them, not lapsed, with no eligible action expected to bring more than it costs
     * @param leftOut          of them, with such an action but not contacted: budget, contact limit or capacity reached
     *
     * @throws NullPointerException if contacts or options is null
     */
    public Plan {
        contacts = List.copyOf(contacts);
        Objects.requireNonNull(options, "options");
    }

    /** {@return the total cost of the contacts} O(contacts). */
    public double totalCost() {
        double s = 0;
        for (Contact c : contacts) {
            s += c.action().cost();
        }
        return s;
    }

    /** {@return the total expected incremental value of the contacts (costs deducted)} O(contacts). */
    public double totalExpectedValue() {
        double s = 0;
        for (Contact c : contacts) {
            s += c.expectedValue();
        }
        return s;
    }

    /** {@return "1,234 of 4,339 customers contacted, cost 4,998.00 of 5,000.00, expected +12,345 ..."} */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d of %,d customers contacted, cost %,.2f of budget %,.2f, expected "
                        + "incremental value %+,.2f (%s); not contacted: %,d lapsed, %,d with no "
                        + "action worth its cost, %,d beyond the budget or a limit", contacts.size(), customers,
                totalCost(), options.budget(), totalExpectedValue(), effects(), lapsed, noPositiveValue, leftOut);
    }

    /** {@return "effects are assumptions", "effects estimated by uplift models" or "effects partly assumed"} */
    private String effects() {
        long assumed = contacts.stream().filter(c -> c.action().effect().assumed()).count();
        return assumed == contacts.size() ? "effects are assumptions" : assumed == 0
                ? "effects estimated by uplift models" : "effects partly assumed, partly estimated by uplift models";
    }
}
