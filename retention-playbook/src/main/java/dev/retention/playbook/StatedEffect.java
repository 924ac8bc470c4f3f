package dev.retention.playbook;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An {@link Effect} stated as an assumption: the share of a customer's {@link CustomerState#valueAtStake() value at
 * stake} that a contact saves, per RFM segment, with one share for the other segments. Negative shares (contact puts
 * customers off) are allowed. Every output that uses it says it is an assumption ({@link #source()}).
 *
 * @param otherwise the share for segments not named, in [-1, 1]
 * @param bySegment the share per segment name, each in [-1, 1]
 */
public record StatedEffect(double otherwise, Map<String, Double> bySegment) implements Effect {

    /**
     * Validates and copies the map (sorted by name).
     *
     * @param otherwise the share for segments not named, in [-1, 1]
     * @param bySegment the share per segment name, each in [-1, 1]
     *
     * @throws IllegalArgumentException naming the segment and share out of [-1, 1]
     */
    public StatedEffect {
        check("otherwise", otherwise);
        Map<String, Double> copy = new TreeMap<>();
        for (Map.Entry<String, Double> e : Objects.requireNonNull(bySegment, "bySegment").entrySet()) {
            check("effect for segment '" + e.getKey() + "'", Objects.requireNonNull(e.getValue(), e.getKey()));
            copy.put(Objects.requireNonNull(e.getKey(), "segment"), e.getValue());
        }
        bySegment = java.util.Collections.unmodifiableMap(copy);
    }

    private static void check(String name, double v) {
        if (!(v >= -1 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be a share in [-1, 1], got " + v);
        }
    }

    /**
     * {@return the share for a customer: its segment's, else {@link #otherwise()}} O(log segments).
     *
     * @param c read
     */
    @Override
    public double share(CustomerState c) {
        return bySegment.getOrDefault(c.segment(), otherwise);
    }

    /** {@return {@value Effect#ASSUMPTION}: where the effect comes from, printed beside every expected value} */
    @Override
    public String source() {
        return ASSUMPTION;
    }

    /** {@return the effect in words: "assumed 10% of value at stake (At Risk 15%)"} */
    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "assumed %s of value at stake",
                Effect.percent(otherwise)));
        if (!bySegment.isEmpty()) {
            sb.append(" (");
            int k = 0;
            for (Map.Entry<String, Double> e : bySegment.entrySet()) {
                sb.append(k++ == 0 ? "" : ", ").append(e.getKey()).append(' ').append(Effect.percent(e.getValue()));
            }
            sb.append(')');
        }
        return sb.toString();
    }

}
