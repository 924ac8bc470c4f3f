/**
 * Agglomerative (hierarchical) clustering with Ward, complete, average and single linkage. Entry point:
 * {@link dev.retention.cluster.hierarchical.Agglomerative#fit(dev.retention.cluster.Points,
 * dev.retention.cluster.hierarchical.AgglomerativeOptions)}, which returns the
 * {@link dev.retention.cluster.hierarchical.Dendrogram} (SciPy's linkage matrix, cuts by k or by height).
 */
package dev.retention.cluster.hierarchical;
