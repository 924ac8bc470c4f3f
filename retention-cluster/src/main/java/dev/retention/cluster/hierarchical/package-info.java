/**
 * Agglomerative (hierarchical) clustering with Ward, complete, average and single linkage. Entry point:
 * {@link dev.retention.cluster.hierarchical.Agglomerative#fit(dev.retention.matrix.DenseMatrix,
 * dev.retention.cluster.hierarchical.AgglomerativeOptions)}, which returns the
 * {@link dev.retention.cluster.hierarchical.AgglomerativeModel} (SciPy's linkage matrix, cuts by k or by height;
 * saved as a model file of type {@code agglomerative}).
 */
package dev.retention.cluster.hierarchical;
