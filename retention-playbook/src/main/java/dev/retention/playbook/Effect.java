package dev.retention.playbook;

import java.util.Locale;
import java.util.Map;

/**
 * The expected effect of an action on a customer: the share of the customer's {@link CustomerState#valueAtStake()
 * value at stake} a contact saves, in [-1, 1] (negative: the contact puts the customer off). Either stated as an
 * assumption per RFM segment ({@link StatedEffect}, {@link #everywhere}, {@link #bySegment}) or estimated per customer
 * by an uplift model fitted on an experiment ({@link EstimatedEffect}). Every output that shows an expected value says
 * which ({@link #source()}).
 */
public interface Effect {

    /** The {@link #source()} of stated effects. */
    String ASSUMPTION = "assumption";

    /**
     * {@return the share of the customer's value at stake a contact saves, in [-1, 1]} O(1) or O(log n).
     *
     * @param c read
     */
    double share(CustomerState c);

    /** {@return where the effect comes from: {@value #ASSUMPTION}, or "uplift model NAME" for an estimate} */
    String source();

    /** {@return the effect in words, for outputs: "assumed 5% of value at stake", "estimated by uplift model ..."} */
    String describe();

    /** {@return whether the effect is a stated assumption rather than an estimate} */
    default boolean assumed() {
        return ASSUMPTION.equals(source());
    }

    /**
     * {@return the same stated share for every segment}
     *
     * @param share in [-1, 1]
     * @throws IllegalArgumentException if the share is out of [-1, 1]
     */
    static StatedEffect everywhere(double share) {
        return new StatedEffect(share, Map.of());
    }

    /**
     * {@return a stated share per segment, {@code otherwise} for the others}
     *
     * @param otherwise the share for segments not named, in [-1, 1]
     * @param bySegment the share per segment name, each in [-1, 1]
     * @throws IllegalArgumentException naming the segment and share out of [-1, 1]
     */
    static StatedEffect bySegment(double otherwise, Map<String, Double> bySegment) {
        return new StatedEffect(otherwise, bySegment);
    }

    /**
     * {@return a share as a percentage with three significant digits: "5.00%"}
     *
     * @param share read
     */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.3g%%", 100 * share);
    }
}
