package dev.retention.cluster.hierarchical;

import java.util.Objects;

/**
 * Options of {@link Agglomerative#fit}.
 *
 * @param linkage     how cluster distances are defined; Ward by default, as in scikit-learn
 * @param parallelism threads used to fill the condensed distance matrix (complete and average linkage),
 *                    at least 1; the result does not depend on it
 */
public record AgglomerativeOptions(Linkage linkage, int parallelism) {

    /** Validates every field. */
    public AgglomerativeOptions {
        Objects.requireNonNull(linkage, "linkage");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
    }

    /** Ward linkage, all processors. */
    public static AgglomerativeOptions defaults() {
        return new AgglomerativeOptions(Linkage.WARD, Runtime.getRuntime().availableProcessors());
    }

    /** A copy with another linkage. */
    public AgglomerativeOptions withLinkage(Linkage linkage) {
        return new AgglomerativeOptions(linkage, parallelism);
    }

    /** A copy using {@code parallelism} threads. */
    public AgglomerativeOptions withParallelism(int parallelism) {
        return new AgglomerativeOptions(linkage, parallelism);
    }
}
