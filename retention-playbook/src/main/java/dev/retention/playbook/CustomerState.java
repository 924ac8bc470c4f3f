package dev.retention.playbook;

import dev.retention.rfm.CustomerStatus;

import java.util.List;
import java.util.Objects;

/**
 * One customer at the as-of date, in the terms a decision needs. Built by {@link CustomerStates#compute} or by hand.
 *
 * @param id                 the external customer id
 * @param segment            the RFM segment name ("At Risk", "Champions", ...)
 * @param churnProbability   P(no purchase over the horizon), in [0, 1]
 * @param aliveProbability   P(alive) at the as-of date, in [0, 1]
 * @param expectedPurchases  expected purchases over the horizon, finite and {@code >= 0}
 * @param clv                expected (discounted) value over the horizon, finite and {@code >= 0}
 * @param recencyDays        whole days since the last purchase, {@code >= 0}
 * @param status             lapsed, at risk or active
 * @param cluster            the customer's cluster (for example of a k-means model on R, F, M), {@code >= 0}, or
 *                           {@link #NO_CLUSTER} when none was assigned
 * @param items              the customer's recommended items, best first (empty when none were given)
 */
public record CustomerState(String id, String segment, double churnProbability, double aliveProbability,
                            double expectedPurchases, double clv, int recencyDays, CustomerStatus status,
                            int cluster, List<String> items) {

    /** The {@link #cluster()} of a customer with no cluster assigned. */
    public static final int NO_CLUSTER = -1;

    /** P(alive) below which the value if kept is not extrapolated further: {@link #valueAtStake()} divides by it. */
    public static final double ALIVE_FLOOR = 0.01;

    /**
     * Validates every field.
     *
     * @param id                 the external customer id
     * @param segment            the RFM segment name ("At Risk", "Champions", ...)
     * @param churnProbability   P(no purchase over the horizon), in [0, 1]
     * @param aliveProbability   P(alive) at the as-of date, in [0, 1]
     * @param expectedPurchases  expected purchases over the horizon, finite and {@code >= 0}
     * @param clv                expected (discounted) value over the horizon, finite and {@code >= 0}
     * @param recencyDays        whole days since the last purchase, {@code >= 0}
     * @param status             lapsed, at risk or active
     * @param cluster            the customer's cluster, {@code >= 0}, or {@link #NO_CLUSTER}
     * @param items              the customer's recommended items, best first
     *
     * @throws IllegalArgumentException naming the field, its value and the expected range
     */
    public CustomerState {
        Objects.requireNonNull(id, "id");
        items = List.copyOf(items);
        if (cluster < NO_CLUSTER) {
            throw new IllegalArgumentException("cluster of customer " + id + " must be >= 0 or " + NO_CLUSTER
                    + " (none), got " + cluster);
        }
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(status, "status");
        unit("churnProbability", churnProbability);
        unit("aliveProbability", aliveProbability);
        nonNegative("expectedPurchases", expectedPurchases);
        nonNegative("clv", clv);
        if (recencyDays < 0) {
            throw new IllegalArgumentException("recencyDays of customer " + id + " must be >= 0, got " + recencyDays);
        }
    }

    /**
     * A state without cluster or items.
     *
     * @param id                 the external customer id
     * @param segment            the RFM segment name ("At Risk", "Champions", ...)
     * @param churnProbability   P(no purchase over the horizon), in [0, 1]
     * @param aliveProbability   P(alive) at the as-of date, in [0, 1]
     * @param expectedPurchases  expected purchases over the horizon, finite and {@code >= 0}
     * @param clv                expected (discounted) value over the horizon, finite and {@code >= 0}
     * @param recencyDays        whole days since the last purchase, {@code >= 0}
     * @param status             lapsed, at risk or active
     * @throws IllegalArgumentException as the canonical constructor
     */
    public CustomerState(String id, String segment, double churnProbability, double aliveProbability,
                         double expectedPurchases, double clv, int recencyDays, CustomerStatus status) {
        this(id, segment, churnProbability, aliveProbability, expectedPurchases, clv, recencyDays, status, NO_CLUSTER,
                List.of());
    }

    /**
     * {@return a copy in another cluster}
     *
     * @param cluster {@code >= 0}, or {@link #NO_CLUSTER}
     */
    public CustomerState withCluster(int cluster) {
        return new CustomerState(id, segment, churnProbability, aliveProbability, expectedPurchases, clv, recencyDays,
                status, cluster, items);
    }

    /**
     * {@return a copy with other recommended items}
     *
     * @param items best first
     */
    public CustomerState withItems(List<String> items) {
        return new CustomerState(id, segment, churnProbability, aliveProbability, expectedPurchases, clv, recencyDays,
                status, cluster, items);
    }

    private void unit(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " of customer " + id + " must be in [0, 1], got " + v);
        }
    }

    private void nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " of customer " + id + " must be finite and >= 0, got " + v);
        }
    }

    /**
     * {@return the value of the customer if kept, over the horizon: {@code clv / max(P(alive), 0.01)}} The lifetime
     * model's CLV is P(alive) times the value of a customer still active. O(1).
     */
    public double valueIfKept() {
        return clv / Math.max(aliveProbability, ALIVE_FLOOR);
    }

    /**
     * {@return the value at stake over the horizon that a retention contact can save: the probability that the
     * customer is still alive and yet makes no purchase over the horizon, {@code P(alive) P(no purchase | alive) =
     * P(churn) - (1 - P(alive))} (at least 0), times {@link #valueIfKept()}} A retention action's effect is stated
     * as the share of this value it saves. The part of P(churn) that is {@code 1 - P(alive)}, the customer having
     * already left, is not at stake: a contact cannot keep a customer who has gone (winning one back is another
     * action, with its own and much smaller effect). Counted in, it sent coupons to customers the model half believes
     * gone (see docs/architecture.md, "The playbook"). O(1).
     */
    public double valueAtStake() {
        double kept = churnProbability - (1 - aliveProbability);
        return kept > 1e-12 ? kept * valueIfKept() : 0;   // rounding of 1 - P(alive) leaves no stake
    }
}
