package dev.retention.churn.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Probabilities of churn of scored rows, and the unseen categories met on the way.
 *
 * @param probabilities one probability per scored row, in the order asked
 * @param unseen        rows with a category unseen in training, per column
 */
public record Scores(double[] probabilities, Map<String, Long> unseen) {

    public Scores {
        probabilities = probabilities.clone();
        unseen = Collections.unmodifiableMap(new LinkedHashMap<>(unseen));
    }

    /** The probabilities; a copy. */
    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }
}
