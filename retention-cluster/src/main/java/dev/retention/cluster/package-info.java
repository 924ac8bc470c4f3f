/**
 * Customer clustering. Every algorithm takes the raw features as a {@code dev.retention.matrix.DenseMatrix}
 * and returns a model ({@code dev.retention.model.Model}) that keeps the feature scaling it fitted: subpackages
 * {@code kmeans} ({@code KMeans.fit}, {@code MiniBatchKMeans.fit} -> {@code KMeansModel}), {@code dbscan}
 * ({@code Dbscan.fit} -> {@code DbscanModel}), {@code hierarchical} ({@code Agglomerative.fit} ->
 * {@code AgglomerativeModel}) and {@code quality} ({@code ClusterQuality.compute}, {@code KScan.compute}). This
 * package holds {@link dev.retention.cluster.ClusterProfiles#compute(dev.retention.rfm.RfmTable, int[])}, the
 * per-cluster RFM table.
 */
package dev.retention.cluster;
