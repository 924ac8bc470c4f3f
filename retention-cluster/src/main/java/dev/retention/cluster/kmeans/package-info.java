/**
 * k-means clustering. Entry points: {@link dev.retention.cluster.kmeans.KMeans#fit(dev.retention.cluster.Points,
 * double[], dev.retention.cluster.kmeans.KMeansOptions)} (greedy k-means++, restarts, Lloyd iterations with
 * Hamerly's bounds) and {@link dev.retention.cluster.kmeans.MiniBatchKMeans#fit(dev.retention.cluster.Points,
 * double[], dev.retention.cluster.kmeans.MiniBatchKMeansOptions)}; both return a
 * {@link dev.retention.cluster.kmeans.KMeansModel} that predicts, transforms and is saved with the model file
 * format.
 */
package dev.retention.cluster.kmeans;
