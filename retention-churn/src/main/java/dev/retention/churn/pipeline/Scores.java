package dev.retention.churn.pipeline;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Probabilities of churn of scored rows, and the unseen categories met on the way.
 *
 * @param probabilities one probability per scored row, in the order asked
 * @param unseen        rows with a category unseen in training, per column
 */
@SuppressWarnings("ArrayRecordComponent") // arrays copied in and out; equals, hashCode, toString by content
public record Scores(double[] probabilities, Map<String, Long> unseen) {

    /**
     * Copies the probabilities and the counts.
     *
     * @param probabilities one probability per scored row, in the order asked
     * @param unseen        rows with a category unseen in training, per column
     */
    public Scores {
        probabilities = probabilities.clone();
        unseen = Collections.unmodifiableMap(new LinkedHashMap<>(unseen));
    }

    /** {@return the probabilities; a copy} */
    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scores s && Arrays.equals(s.probabilities, probabilities) && s.unseen.equals(unseen);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(probabilities), unseen);
    }

    @Override
    public String toString() {
        return "Scores[" + probabilities.length + " rows" + (unseen.isEmpty() ? "" : ", unseen categories " + unseen)
                + "]";
    }
}
