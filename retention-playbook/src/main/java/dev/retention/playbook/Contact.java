package dev.retention.playbook;

import java.util.Locale;
import java.util.Objects;

/**
 * One planned contact: the customer, the action and what it is expected to bring.
 *
 * @param customer      the customer's state
 * @param action        the action chosen
 * @param expectedValue the expected incremental value, effect x value at stake - cost
 */
public record Contact(CustomerState customer, Action action, double expectedValue) {

    /**
     * Checks for nulls.
     *
     * @param customer      the customer's state
     * @param action        the action chosen
     * @param expectedValue the expected incremental value, effect x value at stake - cost
     *
     * @throws NullPointerException if customer or action is null
     */
    public Contact {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(action, "action");
    }

    /**
     * {@return the choice in a marketer's words: "At Risk, at risk, P(churn) 0.71, 12-month CLV 420: win-back coupon,
     * expected +38 (assumed 5% of value at stake 860, cost 5)", with "cluster 2, " after the status when the customer
     * has a cluster and "estimated ... by uplift model NAME" for an estimated effect}
     *
     * @param horizonMonths the months of the CLV horizon, named in the sentence
     */
    public String reason(int horizonMonths) {
        double share = action.effect().share(customer);
        return String.format(Locale.ROOT, "%s, %s, %sP(churn) %.2f, %d-month CLV %,.0f: %s, expected %+,.0f (%s %s of "
                        + "value at stake %,.0f%s, cost %,.2f)", customer.segment(), customer.status().label(),
                customer.cluster() == CustomerState.NO_CLUSTER ? "" : "cluster " + customer.cluster() + ", ",
                customer.churnProbability(), horizonMonths, customer.clv(), action.name(), expectedValue,
                action.effect().assumed() ? "assumed" : "estimated", Effect.percent(share),
                customer.valueAtStake(), action.effect().assumed() ? "" : " by " + action.effect().source(),
                action.cost());
    }
}
