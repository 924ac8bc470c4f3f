/**
 * Retention cluster: customer clustering (k-means, mini-batch k-means, DBSCAN, agglomerative) with quality
 * measures and per-cluster RFM profiles. Every algorithm takes a {@code DenseMatrix} of raw features, fits the
 * feature scaling its options name and returns a model that keeps it; the models are read back by
 * {@code Models.load} through the {@code ModelReader} this module provides.
 */
module dev.retention.cluster {
    requires transitive dev.retention.core;
    requires org.slf4j;

    exports dev.retention.cluster;
    exports dev.retention.cluster.dbscan;
    exports dev.retention.cluster.hierarchical;
    exports dev.retention.cluster.kmeans;
    exports dev.retention.cluster.quality;

    provides dev.retention.model.ModelReader with dev.retention.cluster.modelfiles.ClusterModelReader;
}
