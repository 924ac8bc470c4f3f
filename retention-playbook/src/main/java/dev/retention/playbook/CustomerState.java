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
     * {@return the value at stake over the horizon: P(churn) times the value the customer brings if kept, taken as
     * {@code clv / max(P(alive), 0.01)} (the lifetime model's CLV is P(alive) times the value of a customer still
     * active)} A retention action's effect is stated as the share of this value it saves. O(1).
     */
    public double valueAtStake() {
        return churnProbability * clv / Math.max(aliveProbability, ALIVE_FLOOR);
    }
}
