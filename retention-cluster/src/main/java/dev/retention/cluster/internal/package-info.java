/**
 * Kernels behind the clustering facades, not exported: the fixed row blocks of deterministic parallel
 * work (run by {@code dev.retention.parallel.Workers}), exact squared distances, k-means
 * seeding and iterations (Lloyd, Hamerly), the mini-batch step, the KD-tree, nearest-neighbour chains
 * and the minimum spanning tree for linkages, silhouettes. They trust their arguments; the public
 * classes check them.
 */
package dev.retention.cluster.internal;
