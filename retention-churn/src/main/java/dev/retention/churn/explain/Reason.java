package dev.retention.churn.explain;

import java.util.Locale;
import java.util.Objects;

/**
 * One reason behind a score: a feature (or a source column with its value) and how much it pushed the
 * score, on the scale of the model's contributions (log-odds for linear models, probability for trees).
 *
 * @param feature      what the reason is about, for example {@code "Contract=Month-to-month"} or
 *                     {@code "tenure=2"}
 * @param contribution the push: positive towards churn, negative away from it
 */
public record Reason(String feature, double contribution) {

    /**
     * Checks the components (and copies what must be copied).
     *
     * @param feature      what the reason is about, for example {@code "Contract=Month-to-month"} or {@code "tenure=2"}
     * @param contribution the push: positive towards churn, negative away from it
     * @throws IllegalArgumentException naming the component and its value when one is out of range
     */
    public Reason {
        Objects.requireNonNull(feature, "feature");
        if (!Double.isFinite(contribution)) {
            throw new IllegalArgumentException("contribution of " + feature + " must be finite, got " + contribution);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%+.3f)", feature, contribution);
    }
}
