/**
 * DBSCAN density-based clustering with a KD-tree. Entry point:
 * {@link dev.retention.cluster.dbscan.Dbscan#fit(dev.retention.cluster.Points,
 * dev.retention.cluster.dbscan.DbscanOptions)}, which returns a {@link dev.retention.cluster.dbscan.DbscanResult}
 * (labels with noise -1, core flags).
 */
package dev.retention.cluster.dbscan;
