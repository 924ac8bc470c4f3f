package dev.retention.lifetime;

/**
 * The unit of time of a customer summary and of the models fitted to it: recency, age, horizons and
 * the scale parameters {@code alpha} (and {@code beta} of the Pareto/NBD) are in this unit. Purchase
 * days are whole calendar days in either unit, so a week-based recency is a multiple of 1/7.
 */
public enum PeriodUnit {
    /** One calendar day. */
    DAY(1, "day"),
    /** Seven calendar days, as in the CDNOW studies of Fader, Hardie and Lee. */
    WEEK(7, "week");

    private final int days;
    private final String label;

    PeriodUnit(int days, String label) {
        this.days = days;
        this.label = label;
    }

    /** {@return days in one unit: 1 or 7} */
    public int days() {
        return days;
    }

    /** {@return the lower-case name used in files and on the command line: {@code day} or {@code week}} */
    public String label() {
        return label;
    }

    /** {@return units in an average Gregorian month, 365.25 / 12 days: 30.4375 days or 4.348 weeks} */
    public double unitsPerMonth() {
        return 365.25 / 12 / days;
    }

    /**
     * {@return the unit named by its label}
     *
     * @param label {@code day} or {@code week}
     * @throws IllegalArgumentException if the label is not {@code day} or {@code week}
     */
    public static PeriodUnit parse(String label) {
        for (PeriodUnit u : values()) {
            if (u.label.equals(label)) {
                return u;
            }
        }
        throw new IllegalArgumentException("period unit must be day or week, got '" + label + "'");
    }
}
