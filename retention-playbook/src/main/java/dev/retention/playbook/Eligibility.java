package dev.retention.playbook;

import dev.retention.rfm.CustomerStatus;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who may receive an action: every condition must hold. An empty set means any.
 *
 * @param statuses        the statuses allowed (empty: any)
 * @param segments        the RFM segment names allowed (empty: any)
 * @param minClv          the least CLV over the horizon, finite and {@code >= 0}
 * @param minChurn        the least P(churn), in [0, 1]
 */
public record Eligibility(Set<CustomerStatus> statuses, Set<String> segments, double minClv, double minChurn) {

    /**
     * Validates and copies the sets.
     *
     * @param statuses        the statuses allowed (empty: any)
     * @param segments        the RFM segment names allowed (empty: any)
     * @param minClv          the least CLV over the horizon, finite and {@code >= 0}
     * @param minChurn        the least P(churn), in [0, 1]
     *
     * @throws IllegalArgumentException naming the field and its value when out of range
     */
    public Eligibility {
        statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
        segments = Set.copyOf(Objects.requireNonNull(segments, "segments"));
        if (!(minClv >= 0) || Double.isInfinite(minClv)) {
            throw new IllegalArgumentException("minClv must be finite and >= 0, got " + minClv);
        }
        if (!(minChurn >= 0 && minChurn <= 1)) {
            throw new IllegalArgumentException("minChurn must be in [0, 1], got " + minChurn);
        }
    }

    /** {@return everyone but lapsed customers, with no threshold} */
    public static Eligibility notLapsed() {
        return new Eligibility(Set.of(CustomerStatus.AT_RISK, CustomerStatus.ACTIVE), Set.of(), 0, 0);
    }

    /**
     * {@return whether a customer may receive the action} O(1).
     *
     * @param c read
     */
    public boolean test(CustomerState c) {
        return (statuses.isEmpty() || statuses.contains(c.status()))
                && (segments.isEmpty() || segments.contains(c.segment()))
                && c.clv() >= minClv && c.churnProbability() >= minChurn;
    }

    /** {@return the rule in words: "at risk; CLV >= 50"} */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (!statuses.isEmpty()) {
            sb.append(String.join(" or ", statuses.stream().sorted().map(CustomerStatus::label).toList()));
        }
        if (!segments.isEmpty()) {
            sb.append(sb.length() > 0 ? "; " : "").append("segment ")
                    .append(String.join(" or ", segments.stream().sorted().toList()));
        }
        if (minClv > 0) {
            sb.append(sb.length() > 0 ? "; " : "").append(String.format(Locale.ROOT, "CLV >= %.4g", minClv));
        }
        if (minChurn > 0) {
            sb.append(sb.length() > 0 ? "; " : "").append(String.format(Locale.ROOT, "P(churn) >= %.4g", minChurn));
        }
        return sb.length() == 0 ? "everyone" : sb.toString();
    }
}
