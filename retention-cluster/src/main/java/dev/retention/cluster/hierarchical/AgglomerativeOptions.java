package dev.retention.cluster.hierarchical;

import dev.retention.matrix.FeatureScaling;

import java.util.Objects;

/**
 * Options of {@link Agglomerative#fit}.
 *
 * @param linkage how cluster distances are defined; Ward by default, as in scikit-learn
 * @param threads threads used to fill the condensed distance matrix (complete and average linkage), at least 1
 *                (default 1); the model is the same for every value
 * @param scaling the per-column transform fitted on the raw features before clustering and kept by the model
 *                ({@code NONE} by default; {@code LOG1P_ZSCORE} for RFM)
 */
public record AgglomerativeOptions(Linkage linkage, int threads, FeatureScaling.Kind scaling) {

    /**
     * Validates every field.
     *
     * @param linkage how cluster distances are defined; Ward by default, as in scikit-learn
     * @param threads threads used to fill the condensed distance matrix (complete and average linkage), at least 1
     *                (default 1); the model is the same for every value
     * @param scaling the per-column transform fitted on the raw features before clustering and kept by the model
     *                ({@code NONE} by default; {@code LOG1P_ZSCORE} for RFM)
     * @throws IllegalArgumentException naming the field, its value and what was expected
     */
    public AgglomerativeOptions {
        Objects.requireNonNull(linkage, "linkage");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Objects.requireNonNull(scaling, "scaling");
    }

    /** {@return the defaults: Ward linkage, 1 thread, no scaling} */
    public static AgglomerativeOptions defaults() {
        return new AgglomerativeOptions(Linkage.WARD, 1, FeatureScaling.Kind.NONE);
    }

    /**
     * {@return a copy with another linkage}
     *
     * @param linkage how cluster distances are defined; Ward by default, as in scikit-learn
     */
    public AgglomerativeOptions withLinkage(Linkage linkage) {
        return new AgglomerativeOptions(linkage, threads, scaling);
    }

    /**
     * {@return a copy using {@code threads} threads}
     *
     * @param threads threads used to fill the condensed distance matrix (complete and average linkage), at least 1
     *                (default 1); the model is the same for every value
     */
    public AgglomerativeOptions withThreads(int threads) {
        return new AgglomerativeOptions(linkage, threads, scaling);
    }

    /**
     * {@return a copy with another feature scaling}
     *
     * @param scaling the per-column transform fitted on the raw features before clustering and kept by the model
     *                ({@code NONE} by default; {@code LOG1P_ZSCORE} for RFM)
     */
    public AgglomerativeOptions withScaling(FeatureScaling.Kind scaling) {
        return new AgglomerativeOptions(linkage, threads, scaling);
    }
}
