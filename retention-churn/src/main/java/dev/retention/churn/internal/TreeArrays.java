package dev.retention.churn.internal;

import dev.retention.matrix.DenseMatrix;

import java.util.Arrays;

/**
 * A fitted binary classification tree as parallel arrays, node 0 the root, children after their parent
 * in depth-first order (left subtree first). For a leaf {@code feature[i] == -1} and
 * {@code left[i] == right[i] == -1}. A row goes left when {@code x[feature] <= threshold}.
 */
public final class TreeArrays {
    private final int[] feature;
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    private final double[] value;
    private final double[] impurity;
    private final double[] weight;
    private final int[] count;

    public TreeArrays(int[] feature, double[] threshold, int[] left, int[] right, double[] value, double[] impurity,
                      double[] weight, int[] count) {
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.value = value;
        this.impurity = impurity;
        this.weight = weight;
        this.count = count;
    }

    /** Number of nodes. */
    public int size() {
        return feature.length;
    }

    /** The leaf reached by a row (row-major features at {@code offset}). O(depth). */
    public int leaf(double[] x, int offset) {
        int node = 0;
        while (feature[node] >= 0) {
            node = x[offset + feature[node]] <= threshold[node] ? left[node] : right[node];
        }
        return node;
    }

    /** The leaf reached by row {@code row} of a matrix, read in place. O(depth). */
    public int leaf(DenseMatrix x, int row) {
        int offset = row * x.columns();
        int node = 0;
        while (feature[node] >= 0) {
            node = x.valueAt(offset + feature[node]) <= threshold[node] ? left[node] : right[node];
        }
        return node;
    }

    /** The depth of the tree (0 for a single leaf). */
    public int depth() {
        int[] d = new int[feature.length];
        int max = 0;
        for (int i = 0; i < feature.length; i++) {
            if (feature[i] >= 0) {
                d[left[i]] = d[i] + 1;
                d[right[i]] = d[i] + 1;
                max = Math.max(max, d[i] + 1);
            }
        }
        return max;
    }

    /** Number of leaves. */
    public int leaves() {
        int l = 0;
        for (int f : feature) {
            if (f < 0) {
                l++;
            }
        }
        return l;
    }

    /**
     * Mean decrease in impurity per feature, normalised to sum 1 (all 0 for a single leaf), as
     * scikit-learn's {@code feature_importances_}.
     */
    public double[] impurityImportances(int features) {
        double[] imp = new double[features];
        for (int i = 0; i < feature.length; i++) {
            if (feature[i] >= 0) {
                int l = left[i];
                int r = right[i];
                imp[feature[i]] += weight[i] * impurity[i] - weight[l] * impurity[l] - weight[r] * impurity[r];
            }
        }
        double sum = 0;
        for (int j = 0; j < features; j++) {
            imp[j] /= weight[0];
            sum += imp[j];
        }
        if (sum > 0) {
            for (int j = 0; j < features; j++) {
                imp[j] /= sum;
            }
        }
        return imp;
    }

    /** Equal when every node array is equal by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TreeArrays t && Arrays.equals(t.feature, feature) && Arrays.equals(t.threshold, threshold)
                && Arrays.equals(t.left, left) && Arrays.equals(t.right, right) && Arrays.equals(t.value, value)
                && Arrays.equals(t.impurity, impurity) && Arrays.equals(t.weight, weight)
                && Arrays.equals(t.count, count);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(feature) + Arrays.hashCode(threshold)) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "TreeArrays[" + feature.length + " nodes, depth " + depth() + "]";
    }

    /** Split feature per node, -1 for leaves. */
    public int[] feature() {
        return feature;
    }

    /** Split threshold per node (0 for leaves). */
    public double[] threshold() {
        return threshold;
    }

    /** Left child per node, -1 for leaves. */
    public int[] left() {
        return left;
    }

    /** Right child per node, -1 for leaves. */
    public int[] right() {
        return right;
    }

    /** Weighted share of class 1 among the node's training rows. */
    public double[] value() {
        return value;
    }

    /** The node's impurity (Gini or entropy in bits). */
    public double[] impurity() {
        return impurity;
    }

    /** The node's weighted number of training rows. */
    public double[] weight() {
        return weight;
    }

    /** The node's number of distinct training rows. */
    public int[] count() {
        return count;
    }
}
