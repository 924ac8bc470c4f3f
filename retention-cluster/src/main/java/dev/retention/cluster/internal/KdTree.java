package dev.retention.cluster.internal;

import dev.retention.matrix.DenseMatrix;
import dev.retention.primitive.IntList;

/**
 * A KD-tree over n points of dimension d for fixed-radius neighbour queries (Bentley, "Multidimensional
 * binary search trees used for associative searching", CACM 1975; Friedman, Bentley and Finkel 1977).
 *
 * <p><b>Layout.</b> Nodes live in flat arrays (start, end, children) with their bounding boxes in one
 * {@code double[]} ({@code 2d} per node); the points are copied in tree order into one row-major array
 * so that a leaf is a contiguous run. Each node splits its points at the median of the dimension with
 * the widest bounding box (quickselect), down to leaves of at most {@value #LEAF_SIZE} points. Build
 * O(n log n) time, O(n d) memory; never an n x n matrix.
 *
 * <p><b>Queries.</b> A radius query prunes a node whose box lies farther than r and takes a whole node
 * without looking at its points when the box's farthest corner is within r. Squared distances are
 * summed over the columns in order and compared with {@code <= r^2}, as scikit-learn's KD-tree does;
 * because correctly rounded arithmetic is monotone, box bounds summed the same way never disagree
 * with the per-point test, so results are exact. For low dimension a query costs about
 * O(log n + neighbours). Immutable after construction; queries are thread-safe.
 *
 * <p><b>Marks.</b> A {@link Marks} object (one per caller) takes points out of later
 * {@link #unmarkedWithin} queries and keeps a count of unmarked points per node, so that DBSCAN's
 * expansion skips whole subtrees that are already labelled instead of listing every neighbour of every
 * core point again.
 */
public final class KdTree {

    /** Most points in a leaf. */
    public static final int LEAF_SIZE = 32;

    private final int n;
    private final int d;
    private final double[] pts;      // points in tree order
    private final int[] index;       // tree position -> original row
    private int[] start;
    private int[] end;
    private int[] left;              // -1 for a leaf; right child is left + 1
    private int[] parent;            // -1 for the root
    private final int[] leafOf;      // tree position -> its leaf
    private double[] box;            // per node: lo[0..d), hi[0..d)
    private int nodes;
    private int depth;

    /**
     * Builds the tree.
     *
     * @param x n rows of d values; read, not kept (the tree keeps its own copy in tree order)
     */
    public KdTree(DenseMatrix x) {
        int n = x.rows();
        int d = x.columns();
        this.n = n;
        this.d = d;
        this.index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        int capacity = Math.max(1, 2 * ((n + LEAF_SIZE - 1) / LEAF_SIZE) + 1);
        start = new int[capacity];
        end = new int[capacity];
        left = new int[capacity];
        parent = new int[capacity];
        box = new double[capacity * 2 * d];
        if (n > 0) {
            int root = newNode(0, n);
            parent[root] = -1;
            build(x, root, 0);
        }
        leafOf = new int[n];
        for (int node = 0; node < nodes; node++) {
            if (left[node] < 0) {
                for (int p = start[node]; p < end[node]; p++) {
                    leafOf[p] = node;
                }
            }
        }
        pts = new double[n * d];
        for (int p = 0; p < n; p++) {
            x.copyRow(index[p], pts, p * d);
        }
    }

    private int newNode(int s, int e) {
        if (nodes == start.length) {
            int cap = nodes * 2;
            start = java.util.Arrays.copyOf(start, cap);
            end = java.util.Arrays.copyOf(end, cap);
            left = java.util.Arrays.copyOf(left, cap);
            parent = java.util.Arrays.copyOf(parent, cap);
            box = java.util.Arrays.copyOf(box, cap * 2 * d);
        }
        start[nodes] = s;
        end[nodes] = e;
        left[nodes] = -1;
        return nodes++;
    }

    private void build(DenseMatrix x, int node, int level) {
        depth = Math.max(depth, level);
        int s = start[node];
        int e = end[node];
        int bo = node * 2 * d;
        for (int j = 0; j < d; j++) {
            box[bo + j] = Double.POSITIVE_INFINITY;
            box[bo + d + j] = Double.NEGATIVE_INFINITY;
        }
        for (int p = s; p < e; p++) {
            int xo = index[p] * d;
            for (int j = 0; j < d; j++) {
                double v = x.valueAt(xo + j);
                if (v < box[bo + j]) {
                    box[bo + j] = v;
                }
                if (v > box[bo + d + j]) {
                    box[bo + d + j] = v;
                }
            }
        }
        if (e - s <= LEAF_SIZE) {
            return;
        }
        int dim = 0;
        double spread = -1;
        for (int j = 0; j < d; j++) {
            double sp = box[bo + d + j] - box[bo + j];
            if (sp > spread) {
                spread = sp;
                dim = j;
            }
        }
        if (spread <= 0) {
            return;              // all points equal: keep one (large) leaf
        }
        int mid = (s + e) >>> 1;
        select(x, s, e - 1, mid, dim);
        int l = newNode(s, mid);
        int r = newNode(mid, e);
        assert r == l + 1;
        left[node] = l;
        parent[l] = node;
        parent[r] = node;
        build(x, l, level + 1);
        build(x, r, level + 1);
    }

    /** Quickselect on index[lo..hi] by coordinate dim so that position k holds its order statistic. */
    private void select(DenseMatrix x, int lo, int hi, int k, int dim) {
        while (hi > lo) {
            int m = (lo + hi) >>> 1;
            // median of three as pivot
            double a = key(x, lo, dim);
            double b = key(x, m, dim);
            double c = key(x, hi, dim);
            double pivot = a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (key(x, i, dim) < pivot) {
                    i++;
                }
                while (key(x, j, dim) > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = index[i];
                    index[i] = index[j];
                    index[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private double key(DenseMatrix x, int p, int dim) {
        return x.valueAt(index[p] * d + dim);
    }

    /** Number of points. */
    public int size() {
        return n;
    }

    /** The original row of tree position {@code p}. */
    public int row(int p) {
        return index[p];
    }

    /** The tree-ordered points (read only). */
    public double[] points() {
        return pts;
    }

    /**
     * Counts the points within squared distance {@code r2} of {@code q[qo .. qo+d)} (the point itself
     * included if it is in the tree), stopping as soon as the count reaches {@code limit}.
     *
     * @param stack a workspace of at least {@link #stackSize()} ints
     * @return the count, or some value {@code >= limit} if it reached the limit
     */
    public int countWithin(double[] q, int qo, double r2, int limit, int[] stack) {
        return visit(q, qo, r2, limit, null, stack, null);
    }

    /** A fresh set of marks on this tree's points, all unmarked. */
    public Marks newMarks() {
        return new Marks();
    }

    /**
     * Points taken out of further {@link #unmarkedWithin} queries, with a count of unmarked points per
     * node so that a query skips whole subtrees once all their points are marked. Marking a point is
     * O(depth). Not thread-safe; the tree itself stays immutable.
     */
    public final class Marks {
        private final int[] remaining = new int[nodes];
        private final boolean[] marked = new boolean[n];

        private Marks() {
            for (int node = 0; node < nodes; node++) {
                remaining[node] = end[node] - start[node];
            }
        }

        /** Whether tree position {@code p} is marked. */
        public boolean isMarked(int p) {
            return marked[p];
        }

        /** Marks tree position {@code p} (no effect if it already is). */
        public void mark(int p) {
            if (marked[p]) {
                return;
            }
            marked[p] = true;
            for (int node = leafOf[p]; node >= 0; node = parent[node]) {
                remaining[node]--;
            }
        }
    }

    /**
     * Appends to {@code out} the tree positions of the unmarked points within squared distance
     * {@code r2} of {@code q[qo .. qo+d)}, in tree order, skipping subtrees whose points are all marked.
     *
     * @param stack a workspace of at least {@link #stackSize()} ints
     */
    public void unmarkedWithin(double[] q, int qo, double r2, IntList out, int[] stack, Marks marks) {
        visit(q, qo, r2, Integer.MAX_VALUE, out, stack, marks);
    }

    /**
     * The radius query: counts up to {@code limit}, lists the positions found when {@code out} is given,
     * and leaves out marked points (and subtrees with none unmarked) when {@code marks} is given.
     */
    private int visit(double[] q, int qo, double r2, int limit, IntList out, int[] stack, Marks marks) {
        if (n == 0) {
            return 0;
        }
        int[] remaining = marks == null ? null : marks.remaining;
        boolean[] marked = marks == null ? null : marks.marked;
        int count = 0;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            if (remaining != null && remaining[node] == 0) {
                continue;
            }
            int bo = node * 2 * d;
            if (minDistance(q, qo, bo) > r2) {
                continue;
            }
            boolean all = maxDistance(q, qo, bo) <= r2;
            int l = left[node];
            if (!all && l >= 0) {
                stack[top++] = l + 1;
                stack[top++] = l;
                continue;
            }
            int s = start[node];
            int e = end[node];
            if (all && out == null && marked == null) {
                count += e - s;          // the whole box is within r: no need to look at its points
            } else {
                for (int p = s; p < e; p++) {
                    if ((marked == null || !marked[p])
                            && (all || SquaredEuclidean.distance(q, qo, pts, p * d, d) <= r2)) {
                        count++;
                        if (out != null) {
                            out.add(p);
                        }
                    }
                }
            }
            if (count >= limit) {
                return count;
            }
        }
        return count;
    }

    /**
     * The original row of the point nearest to {@code q[qo .. qo+d)} among those within squared distance
     * {@code r2} (distance {@code <= r2}), the lowest row on ties; -1 when none is within {@code r2}. A node is
     * visited only while its box may hold a point at least as near as the best so far. About O(log n) for low
     * dimension.
     *
     * @param stack a workspace of at least {@link #stackSize()} ints
     */
    public int nearestWithin(double[] q, int qo, double r2, int[] stack) {
        if (n == 0) {
            return -1;
        }
        int best = -1;
        double bestD = r2;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            if (minDistance(q, qo, node * 2 * d) > bestD) {
                continue;
            }
            int l = left[node];
            if (l >= 0) {
                stack[top++] = l + 1;
                stack[top++] = l;
                continue;
            }
            for (int p = start[node]; p < end[node]; p++) {
                double dist = SquaredEuclidean.distance(q, qo, pts, p * d, d);
                if (dist < bestD || (dist == bestD && (best < 0 || index[p] < index[best]))) {
                    best = p;
                    bestD = dist;
                }
            }
        }
        return best < 0 ? -1 : index[best];
    }

    /** Size of the traversal stack the queries need. */
    public int stackSize() {
        return 2 * depth + 2;
    }

    /** Squared distance from q to the nearest point of a node's box, summed over columns in order. */
    private double minDistance(double[] q, int qo, int bo) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double v = q[qo + j];
            double lo = box[bo + j];
            double hi = box[bo + d + j];
            double t = v < lo ? lo - v : (v > hi ? v - hi : 0);
            s += t * t;
        }
        return s;
    }

    /** Squared distance from q to the farthest corner of a node's box, summed over columns in order. */
    private double maxDistance(double[] q, int qo, int bo) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double v = q[qo + j];
            double t = Math.max(Math.abs(v - box[bo + j]), Math.abs(box[bo + d + j] - v));
            s += t * t;
        }
        return s;
    }
}
