/**
 * Cluster quality: {@link dev.retention.cluster.quality.ClusterQuality} (silhouette exact and sampled,
 * Davies-Bouldin, Calinski-Harabasz, within-cluster sum of squares) and
 * {@link dev.retention.cluster.quality.KSelection#scan}, which fits k-means over a range of k and reports the
 * elbow and the best silhouette in a {@link dev.retention.cluster.quality.KScan}.
 */
package dev.retention.cluster.quality;
