package dev.retention.churn.explain;

import dev.retention.churn.classifier.Contributions;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a customer got a score: the probability of churn, the base value and the strongest reasons up
 * (towards churn, largest first) and down (away from churn, most negative first).
 *
 * @param key         the customer
 * @param probability the model's probability of churn
 * @param scale       the scale of the contributions
 * @param base        the base value on that scale
 * @param up          reasons pushing the risk up, largest first
 * @param down        reasons pushing the risk down, most negative first
 */
public record Explanation(String key, double probability, Contributions.Scale scale, double base, List<Reason> up,
                          List<Reason> down) {

    /**
     * Checks the components (and copies what must be copied).
     *
     * @param key         the customer
     * @param probability the model's probability of churn
     * @param scale       the scale of the contributions
     * @param base        the base value on that scale
     * @param up          reasons pushing the risk up, largest first
     * @param down        reasons pushing the risk down, most negative first
     * @throws IllegalArgumentException naming the component and its value when one is out of range
     */
    public Explanation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(scale, "scale");
        up = List.copyOf(up);
        down = List.copyOf(down);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: churn risk %.3f; up: %s; down: %s (%s)", key, probability,
                up.isEmpty() ? "-" : join(up), down.isEmpty() ? "-" : join(down),
                scale == Contributions.Scale.LOG_ODDS ? "log-odds" : "probability");
    }

    private static String join(List<Reason> rs) {
        StringBuilder sb = new StringBuilder();
        for (Reason r : rs) {
            sb.append(sb.length() == 0 ? "" : ", ").append(r);
        }
        return sb.toString();
    }
}
