package dev.retention.churn.internal;

import dev.retention.primitive.DoubleList;
import dev.retention.primitive.IntList;

import java.util.SplittableRandom;

/**
 * Grows one CART classification tree for two classes (Breiman, Friedman, Olshen and Stone,
 * <i>Classification and Regression Trees</i>, 1984), following scikit-learn 1.2's
 * {@code DepthFirstTreeBuilder} and {@code BestSplitter}:
 * <ul>
 *   <li>rows with weight 0 take no part (bootstrap rows left out of a forest's tree);</li>
 *   <li>a node is a leaf when it is at the depth limit, has fewer than {@code minSamplesSplit} rows or
 *       fewer than {@code 2 * minSamplesLeaf}, or is pure (impurity at most 2.2e-16);</li>
 *   <li>otherwise features are drawn at random without replacement (Fisher-Yates) until
 *       {@code maxFeatures} of them that are not constant in the node have been searched; for each, the
 *       node's rows are sorted by the feature and every cut between two values more than 1e-7 apart
 *       leaving at least {@code minSamplesLeaf} rows on each side is scored by the weighted impurity of
 *       the children (Gini or entropy); the first best cut wins, at the midpoint of the two values;</li>
 *   <li>a split whose weighted impurity decrease is below {@code minImpurityDecrease} makes a leaf.</li>
 * </ul>
 * The leaf value is the weighted share of class 1. Cost O(maxFeatures * n log n) per level of the tree;
 * memory O(n) workspace plus the nodes. Not thread-safe: one builder per tree.
 */
public final class CartBuilder {

    private static final double EPSILON = Math.ulp(1.0);

    private final double[] columns;    // column-major: feature f of row i at f * rows + i
    private final int rows;
    private final int p;
    private final int[] y;
    private final double[] w;
    private final boolean entropy;
    private final int maxDepth;
    private final int minSamplesSplit;
    private final int minSamplesLeaf;
    private final int maxFeatures;
    private final double minImpurityDecrease;
    private final SplittableRandom rnd;

    private final int[] samples;
    private final double[] xf;
    private final int[] features;
    private final int n;
    private double totalWeight;

    // output
    private final IntList feature = new IntList();
    private final DoubleList threshold = new DoubleList();
    private final IntList left = new IntList();
    private final IntList right = new IntList();
    private final DoubleList value = new DoubleList();
    private final DoubleList impurity = new DoubleList();
    private final DoubleList weight = new DoubleList();
    private final IntList count = new IntList();

    // best split of the current node
    private final SplitSearch.Best best = new SplitSearch.Best();

    /**
     * @param columns             read: the features column-major, feature {@code f} of row {@code i} at
     *                            {@code f * rows + i} ({@code DenseMatrix.toColumnMajor()})
     * @param rows                number of rows
     * @param p                   number of features
     * @param y                   read: labels 0 or 1
     * @param w                   read: row weights (0 leaves a row out), or {@code null} for all 1
     * @param entropy             entropy instead of Gini
     * @param maxDepth            depth limit, &gt;= 1, or 0 for none
     * @param minSamplesSplit     &gt;= 2
     * @param minSamplesLeaf      &gt;= 1
     * @param maxFeatures         features searched per node, in [1, p]
     * @param minImpurityDecrease &gt;= 0
     * @param rnd                 the tree's random stream (feature order)
     */
    public CartBuilder(double[] columns, int rows, int p, int[] y, double[] w, boolean entropy, int maxDepth,
                       int minSamplesSplit, int minSamplesLeaf, int maxFeatures, double minImpurityDecrease,
                       SplittableRandom rnd) {
        this.columns = columns;
        this.rows = rows;
        this.p = p;
        this.y = y;
        this.w = w;
        this.entropy = entropy;
        this.maxDepth = maxDepth == 0 ? Integer.MAX_VALUE : maxDepth;
        this.minSamplesSplit = minSamplesSplit;
        this.minSamplesLeaf = minSamplesLeaf;
        this.maxFeatures = maxFeatures;
        this.minImpurityDecrease = minImpurityDecrease;
        this.rnd = rnd;
        int kept = 0;
        for (int i = 0; i < rows; i++) {
            if (w == null || w[i] > 0) {
                kept++;
            }
        }
        this.n = kept;
        this.samples = new int[kept];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            if (w == null || w[i] > 0) {
                samples[k++] = i;
            }
        }
        this.xf = new double[kept];
        this.features = new int[p];
        for (int j = 0; j < p; j++) {
            features[j] = j;
        }
    }

    private double weightOf(int i) {
        return w == null ? 1.0 : w[i];
    }

    /** Impurity of a node with class weights w0, w1 (Gini, or entropy in bits). */
    private double impurity(double w0, double w1) {
        return entropy ? SplitSearch.entropy(w0, w1) : SplitSearch.gini(w0, w1);
    }

    /** Builds the tree. */
    public TreeArrays build() {
        if (n == 0) {
            throw new IllegalArgumentException("no row has a positive weight");
        }
        double w0 = 0;
        double w1 = 0;
        for (int s : samples) {
            if (y[s] == 1) {
                w1 += weightOf(s);
            } else {
                w0 += weightOf(s);
            }
        }
        totalWeight = w0 + w1;
        // explicit stack: start, end, depth, parent, isLeft; weights in a parallel stack
        IntList stack = new IntList();
        DoubleList stackW = new DoubleList();
        stack.add(0);
        stack.add(n);
        stack.add(0);
        stack.add(-1);
        stack.add(0);
        stackW.add(w0);
        stackW.add(w1);
        while (!stack.isEmpty()) {
            int isLeft = stack.removeLast();
            int parent = stack.removeLast();
            int depth = stack.removeLast();
            int end = stack.removeLast();
            int start = stack.removeLast();
            double nw1 = stackW.removeLast();
            double nw0 = stackW.removeLast();
            int node = feature.size();
            if (parent >= 0) {
                if (isLeft == 1) {
                    left.set(parent, node);
                } else {
                    right.set(parent, node);
                }
            }
            double imp = impurity(nw0, nw1);
            double nodeWeight = nw0 + nw1;
            int rows = end - start;
            feature.add(-1);
            threshold.add(0);
            left.add(-1);
            right.add(-1);
            value.add(Math.min(1, Math.max(0, nw1 / nodeWeight)));   // a weighted share in [0, 1] whatever the rounding
            impurity.add(imp);
            weight.add(nodeWeight);
            count.add(rows);
            boolean leaf = depth >= maxDepth || rows < minSamplesSplit || rows < 2 * minSamplesLeaf || imp <= EPSILON;
            if (leaf || !findSplit(start, end, nw0, nw1)) {
                continue;
            }
            double wl = best.w0Left + best.w1Left;
            double wr = nodeWeight - wl;
            double impL = impurity(best.w0Left, best.w1Left);
            double impR = impurity(nw0 - best.w0Left, nw1 - best.w1Left);
            double improvement = nodeWeight / totalWeight * (imp - wr / nodeWeight * impR - wl / nodeWeight * impL);
            if (improvement + EPSILON < minImpurityDecrease) {
                continue;
            }
            int mid = partition(start, end, best.feature, best.threshold);
            feature.set(node, best.feature);
            threshold.set(node, best.threshold);
            double l0 = best.w0Left;
            double l1 = best.w1Left;
            // right first, so that the left child is built next (depth-first, left subtree first)
            stack.add(mid);
            stack.add(end);
            stack.add(depth + 1);
            stack.add(node);
            stack.add(0);
            stackW.add(Math.max(0, nw0 - l0));
            stackW.add(Math.max(0, nw1 - l1));
            stack.add(start);
            stack.add(mid);
            stack.add(depth + 1);
            stack.add(node);
            stack.add(1);
            stackW.add(l0);
            stackW.add(l1);
        }
        return new TreeArrays(feature.toArray(), threshold.toArray(), left.toArray(), right.toArray(),
                value.toArray(), impurity.toArray(), weight.toArray(), count.toArray());
    }

    /** Moves the rows going left ({@code x <= t}) to the front of [start, end); returns the first right row. */
    private int partition(int start, int end, int f, double t) {
        int i = start;
        int j = end - 1;
        while (i <= j) {
            if (columns[f * rows + samples[i]] <= t) {
                i++;
            } else {
                int s = samples[i];
                samples[i] = samples[j];
                samples[j] = s;
                j--;
            }
        }
        return i;
    }

    /** Searches the node's best split into {@link #best}; false when there is none. */
    private boolean findSplit(int start, int end, double w0, double w1) {
        best.reset();
        int remaining = p;
        int visited = 0;
        while (remaining > 0 && visited < maxFeatures) {
            int r = rnd.nextInt(remaining);
            int f = features[r];
            features[r] = features[remaining - 1];
            features[remaining - 1] = f;
            remaining--;
            if (SplitSearch.gatherAndSort(columns, rows, f, samples, xf, start, end)) {
                visited++;     // constant features do not count as searched
                SplitSearch.scan(xf, samples, start, end, y, w, w0, w1, entropy, minSamplesLeaf, f, best);
            }
        }
        return best.feature >= 0;
    }
}
