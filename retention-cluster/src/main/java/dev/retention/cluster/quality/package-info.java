/**
 * Cluster quality: {@link dev.retention.cluster.quality.ClusterQuality} (silhouette exact and sampled,
 * Davies-Bouldin, Calinski-Harabasz, within-cluster sum of squares, one static method each, and
 * {@link dev.retention.cluster.quality.ClusterQuality#compute} for all at once) and
 * {@link dev.retention.cluster.quality.KScan#compute}, which fits k-means over a range of k and reports the
 * elbow and the best silhouette.
 */
package dev.retention.cluster.quality;
