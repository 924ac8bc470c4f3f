/**
 * Kernels behind the clustering facades, not exported: fixed row blocks and workers for deterministic
 * parallel work, exact squared distances, k-means seeding and iterations (Lloyd, Hamerly), the
 * mini-batch step, the KD-tree, nearest-neighbour chains and the minimum spanning tree for linkages,
 * silhouettes. They trust their arguments; the public classes check them.
 */
package dev.retention.cluster.internal;
