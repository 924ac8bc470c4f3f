/**
 * Kernels behind the clustering facades, not exported: the row blocks of deterministic parallel work
 * ({@code RowBlocks}, a {@code dev.retention.parallel.Blocks} policy run by {@code Workers}), exact squared
 * distances, the mean column variance, k-means seeding and iterations (Lloyd, Hamerly), the mini-batch step, the
 * KD-tree, nearest-neighbour chains and the minimum spanning tree for linkages, silhouettes, and the model-file
 * sections the clustering models share. They read the data through {@code DenseMatrix.valueAt} without copying it
 * and trust their arguments; the public classes check them. Nothing here imports {@code dev.retention.cluster} or
 * its subpackages.
 */
package dev.retention.cluster.internal;
