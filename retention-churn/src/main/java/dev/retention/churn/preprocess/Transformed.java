package dev.retention.churn.preprocess;

import dev.retention.matrix.DenseMatrix;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of {@link PreprocessingModel#transform}: the feature matrix and, per categorical column,
 * how many rows held a category not seen in training (encoded as an all-zero one-hot).
 *
 * @param features the feature matrix
 * @param unseen   rows with an unseen category, per column (columns without any are absent)
 */
public record Transformed(DenseMatrix features, Map<String, Long> unseen) {

    /**
     * Copies the counts.
     *
     * @param features the feature matrix
     * @param unseen   rows with an unseen category, per column (columns without any are absent)
     */
    public Transformed {
        unseen = Collections.unmodifiableMap(new LinkedHashMap<>(unseen));
    }

    /** {@return rows with an unseen category, over all columns} */
    public long unseenTotal() {
        long s = 0;
        for (long v : unseen.values()) {
            s += v;
        }
        return s;
    }
}
