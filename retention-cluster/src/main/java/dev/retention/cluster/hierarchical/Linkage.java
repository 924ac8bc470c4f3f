package dev.retention.cluster.hierarchical;

/**
 * How the distance between two clusters is defined in {@link Agglomerative agglomerative clustering}.
 * All four are reducible, so the nearest-neighbour chain (or, for single linkage, the minimum spanning
 * tree) finds the same merges as the naive O(n^3) algorithm, and merge heights never decrease.
 */
public enum Linkage {
    /**
     * Ward's minimum variance (Ward, JASA 1963): the merge height is
     * {@code sqrt(2 |A||B| / (|A|+|B|)) * ||c_A - c_B||}, SciPy's convention. O(n) memory.
     */
    WARD,
    /** Farthest pair of points. Needs a condensed distance matrix: n(n-1)/2 doubles. */
    COMPLETE,
    /** Mean distance over all pairs (UPGMA). Needs a condensed distance matrix: n(n-1)/2 doubles. */
    AVERAGE,
    /** Nearest pair of points, by a minimum spanning tree. O(n) memory. */
    SINGLE
}
