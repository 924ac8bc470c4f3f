package dev.retention.playbook;

/**
 * Where a customer stands at the as-of date, as {@link CustomerStates} decides it from the lifetime model and the
 * recency ({@link CustomerStates.Options} holds the thresholds).
 */
public enum CustomerStatus {
    /**
     * Gone: P(alive) below {@link CustomerStates.Options#lapsedBelowAlive()} or no purchase for at least
     * {@link CustomerStates.Options#lapsedAfterDays()} days. A retention action cannot keep them; only a win-back may
     * bring some back, and the default actions do not assume it does.
     */
    LAPSED("lapsed"),
    /** Not lapsed, and P(churn) over the horizon at least {@link CustomerStates.Options#atRiskFrom()}. */
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
