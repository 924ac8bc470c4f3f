/**
 * DBSCAN density-based clustering with a KD-tree. Entry point:
 * {@link dev.retention.cluster.dbscan.Dbscan#fit(dev.retention.matrix.DenseMatrix,
 * dev.retention.cluster.dbscan.DbscanOptions)}, which returns a {@link dev.retention.cluster.dbscan.DbscanModel}
 * (labels with noise -1, core flags, the core points and the feature scaling; labels new raw points by the nearest
 * core point within eps; saved as a model file of type {@code dbscan}).
 */
package dev.retention.cluster.dbscan;
