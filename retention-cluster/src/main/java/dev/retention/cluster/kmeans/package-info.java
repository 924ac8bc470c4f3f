/**
 * k-means clustering. Entry points: {@link dev.retention.cluster.kmeans.KMeans#fit(dev.retention.matrix.DenseMatrix,
 * dev.retention.cluster.kmeans.KMeansOptions)} (greedy k-means++, restarts, Lloyd iterations with Hamerly's bounds)
 * and {@link dev.retention.cluster.kmeans.MiniBatchKMeans#fit(dev.retention.matrix.DenseMatrix,
 * dev.retention.cluster.kmeans.MiniBatchKMeansOptions)}; both fit the options' feature scaling on the raw features
 * and return a {@link dev.retention.cluster.kmeans.KMeansModel} that keeps it, predicts and transforms raw points,
 * and is saved as a model file of type {@code kmeans}.
 */
package dev.retention.cluster.kmeans;
