/**
 * Customer clustering: the shared input type {@link dev.retention.cluster.Points} (validated row-major
 * points), the {@link dev.retention.cluster.FitSummary} of iterative fits, and
 * {@link dev.retention.cluster.ClusterProfiles#of(dev.retention.rfm.RfmTable, int[])}, the per-cluster RFM
 * table. The algorithms live in subpackages: {@code kmeans} ({@code KMeans.fit}, {@code MiniBatchKMeans.fit}),
 * {@code dbscan} ({@code Dbscan.fit}), {@code hierarchical} ({@code Agglomerative.fit}) and {@code quality}
 * ({@code ClusterQuality}, {@code KSelection.scan}).
 */
package dev.retention.cluster;
