/**
 * Retention cluster: customer clustering (k-means, mini-batch k-means, DBSCAN, agglomerative) with quality
 * measures and per-cluster RFM profiles.
 */
module dev.retention.cluster {
    requires transitive dev.retention.core;
    requires org.slf4j;

    exports dev.retention.cluster;
    exports dev.retention.cluster.dbscan;
    exports dev.retention.cluster.hierarchical;
    exports dev.retention.cluster.kmeans;
    exports dev.retention.cluster.quality;
}
