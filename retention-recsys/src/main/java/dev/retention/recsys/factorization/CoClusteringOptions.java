package dev.retention.recsys.factorization;

import dev.retention.recsys.internal.Limits;

/**
 * Options of {@link CoClustering}, with Surprise 1.1.4's names and defaults ({@code CoClustering}).
 *
 * @param userClusters user clusters, {@code >= 1}: 3 (Surprise's {@code n_cltr_u})
 * @param itemClusters item clusters, {@code >= 1}: 3 (Surprise's {@code n_cltr_i})
 * @param epochs       passes, in {@code [1, 1,000,000]}: 20 (Surprise's {@code n_epochs})
 * @param seed         seed of the initial clusters: 0
 */
public record CoClusteringOptions(int userClusters, int itemClusters, int epochs, long seed) {

    /**
     * Validates the options.
     *
     * @param userClusters user clusters, {@code >= 1}: 3
     * @param itemClusters item clusters, {@code >= 1}: 3
     * @param epochs       passes, in {@code [1, 1,000,000]}: 20
     * @param seed         seed of the initial clusters: 0
     * @throws IllegalArgumentException naming the option, the value and what was expected
     */
    public CoClusteringOptions {
        if (userClusters < 1) {
            throw new IllegalArgumentException("userClusters must be >= 1, got " + userClusters);
        }
        if (itemClusters < 1) {
            throw new IllegalArgumentException("itemClusters must be >= 1, got " + itemClusters);
        }
        Limits.requireEpochs("epochs", epochs, 1);
    }

    /** {@return Surprise's defaults: 3 user and 3 item clusters, 20 epochs, seed 0} */
    public static CoClusteringOptions defaults() {
        return new CoClusteringOptions(3, 3, 20, 0);
    }

    /**
     * {@return a copy with the given numbers of clusters}
     *
     * @param userClusters user clusters, {@code >= 1}
     * @param itemClusters item clusters, {@code >= 1}
     */
    public CoClusteringOptions withClusters(int userClusters, int itemClusters) {
        return new CoClusteringOptions(userClusters, itemClusters, epochs, seed);
    }

    /**
     * {@return a copy with the given number of epochs}
     *
     * @param epochs passes, in {@code [1, 1,000,000]}
     */
    public CoClusteringOptions withEpochs(int epochs) {
        return new CoClusteringOptions(userClusters, itemClusters, epochs, seed);
    }

    /**
     * {@return a copy with the given seed}
     *
     * @param seed seed of the initial clusters
     */
    public CoClusteringOptions withSeed(long seed) {
        return new CoClusteringOptions(userClusters, itemClusters, epochs, seed);
    }
}
