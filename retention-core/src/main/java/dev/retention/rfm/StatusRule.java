package dev.retention.rfm;

/**
 * The rule that gives a customer's {@link CustomerStatus}:
 * <ul>
 *   <li><b>lapsed</b>: no purchase for {@code lapsedAfterDays} days or more, or P(alive) below
 *       {@code lapsedBelowAlive} when a lifetime model gives P(alive);</li>
 *   <li><b>at risk</b>: not lapsed and P(churn) over the horizon at least {@code atRiskFrom};</li>
 *   <li><b>active</b>: the others.</li>
 * </ul>
 * Without a P(alive) (a churn classifier gives none) only the recency decides lapsed.
 *
 * @param lapsedBelowAlive P(alive) under which a customer is lapsed, in [0, 1] (default 0.2)
 * @param lapsedAfterDays  days without purchase from which a customer is lapsed, {@code >= 1} (default 365)
 * @param atRiskFrom       P(churn) from which a customer not lapsed is at risk, in [0, 1] (default 0.5)
 */
public record StatusRule(double lapsedBelowAlive, int lapsedAfterDays, double atRiskFrom) {

    /**
     * Validates.
     *
     * @param lapsedBelowAlive P(alive) under which a customer is lapsed, in [0, 1] (default 0.2)
     * @param lapsedAfterDays  days without purchase from which a customer is lapsed, {@code >= 1} (default 365)
     * @param atRiskFrom       P(churn) from which a customer not lapsed is at risk, in [0, 1] (default 0.5)
     * @throws IllegalArgumentException naming the field and its value
     */
    public StatusRule {
        if (!(lapsedBelowAlive >= 0 && lapsedBelowAlive <= 1)) {
            throw new IllegalArgumentException("lapsedBelowAlive must be in [0, 1], got " + lapsedBelowAlive);
        }
        if (lapsedAfterDays < 1) {
            throw new IllegalArgumentException("lapsedAfterDays must be >= 1, got " + lapsedAfterDays);
        }
        if (!(atRiskFrom >= 0 && atRiskFrom <= 1)) {
            throw new IllegalArgumentException("atRiskFrom must be in [0, 1], got " + atRiskFrom);
        }
    }

    /** {@return lapsed below P(alive) 0.2 or after 365 days without purchase, at risk from P(churn) 0.5} */
    public static StatusRule defaults() {
        return new StatusRule(0.2, 365, 0.5);
    }

    /**
     * {@return a copy with another recency threshold of lapsed}
     *
     * @param lapsedAfterDays {@code >= 1}
     */
    public StatusRule withLapsedAfterDays(int lapsedAfterDays) {
        return new StatusRule(lapsedBelowAlive, lapsedAfterDays, atRiskFrom);
    }

    /**
     * {@return a copy with another at-risk threshold}
     *
     * @param atRiskFrom in [0, 1]
     */
    public StatusRule withAtRiskFrom(double atRiskFrom) {
        return new StatusRule(lapsedBelowAlive, lapsedAfterDays, atRiskFrom);
    }

    /**
     * {@return the status by the class comment's rule} O(1).
     *
     * @param aliveProbability P(alive) in [0, 1], or NaN when no lifetime model gives one (then only the recency
     *                         decides lapsed)
     * @param recencyDays      days since the last purchase, {@code >= 0} (fractions allowed)
     * @param churnProbability P(churn) over the horizon, in [0, 1]
     * @throws IllegalArgumentException naming an argument out of range
     */
    public CustomerStatus status(double aliveProbability, double recencyDays, double churnProbability) {
        if (!Double.isNaN(aliveProbability) && !(aliveProbability >= 0 && aliveProbability <= 1)) {
            throw new IllegalArgumentException("aliveProbability must be in [0, 1] or NaN, got " + aliveProbability);
        }
        if (!(recencyDays >= 0)) {
            throw new IllegalArgumentException("recencyDays must be >= 0, got " + recencyDays);
        }
        if (!(churnProbability >= 0 && churnProbability <= 1)) {
            throw new IllegalArgumentException("churnProbability must be in [0, 1], got " + churnProbability);
        }
        if (aliveProbability < lapsedBelowAlive || recencyDays >= lapsedAfterDays) {
            return CustomerStatus.LAPSED;
        }
        return churnProbability >= atRiskFrom ? CustomerStatus.AT_RISK : CustomerStatus.ACTIVE;
    }
}
