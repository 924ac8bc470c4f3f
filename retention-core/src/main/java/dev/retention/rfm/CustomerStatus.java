package dev.retention.rfm;

/**
 * Where a customer stands at a date: gone, still there but likely to go, or neither. Decided by a {@link StatusRule}
 * from the days since the last purchase, the probability of being alive when a lifetime model gives one, and the
 * probability of churn over a horizon. One definition for every output that says who is "at risk": the playbook's
 * customer states and the churn rankings use the same rule, so a customer gone for a year is lapsed in both, never
 * "most at risk".
 */
public enum CustomerStatus {
    /**
     * Gone: no purchase for at least {@link StatusRule#lapsedAfterDays()} days, or P(alive) below
     * {@link StatusRule#lapsedBelowAlive()}. A retention action cannot keep them; only a win-back may bring some back.
     */
    LAPSED("lapsed"),
    /** Not lapsed, and P(churn) over the horizon at least {@link StatusRule#atRiskFrom()}. */
    AT_RISK("at risk"),
    /** Neither lapsed nor at risk. */
    ACTIVE("active");

    private final String label;

    CustomerStatus(String label) {
        this.label = label;
    }

    /** {@return the label in outputs: "lapsed", "at risk" or "active"} */
    public String label() {
        return label;
    }

    /**
     * {@return the status of a label ("lapsed", "at risk" or "at_risk", "active"; case ignored)}
     *
     * @param label read
     * @throws IllegalArgumentException naming the label if it is none of them
     */
    public static CustomerStatus parse(String label) {
        String s = label.trim().toLowerCase(java.util.Locale.ROOT).replace('_', ' ').replace('-', ' ');
        for (CustomerStatus st : values()) {
            if (st.label.equals(s)) {
                return st;
            }
        }
        throw new IllegalArgumentException("status must be lapsed, at risk or active, got '" + label + "'");
    }
}
