package dev.retention.churn.internal;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes trees into model-file sections (all trees' nodes concatenated, with per-tree node offsets)
 * and reads them back, checking the structure before copying anything: tree offsets increasing within the node
 * sections, every child index inside its tree and after its parent, features in range, shares in [0, 1], finite
 * thresholds, impurities in [0, 1], weights finite and positive, and the children of a node holding its rows. Also the path contributions shared by trees and forests.
 */
public final class TreeCodec {

    private TreeCodec() {
    }

    /** Adds the trees to a model file being written. */
    public static ModelFile.Writer write(ModelFile.Writer w, List<TreeArrays> trees) {
        int total = 0;
        int[] offsets = new int[trees.size() + 1];
        for (int t = 0; t < trees.size(); t++) {
            total += trees.get(t).size();
            offsets[t + 1] = total;
        }
        int[] feature = new int[total];
        double[] threshold = new double[total];
        int[] left = new int[total];
        int[] right = new int[total];
        double[] value = new double[total];
        double[] impurity = new double[total];
        double[] weight = new double[total];
        int[] count = new int[total];
        for (int t = 0; t < trees.size(); t++) {
            TreeArrays a = trees.get(t);
            int o = offsets[t];
            System.arraycopy(a.feature(), 0, feature, o, a.size());
            System.arraycopy(a.threshold(), 0, threshold, o, a.size());
            System.arraycopy(a.left(), 0, left, o, a.size());
            System.arraycopy(a.right(), 0, right, o, a.size());
            System.arraycopy(a.value(), 0, value, o, a.size());
            System.arraycopy(a.impurity(), 0, impurity, o, a.size());
            System.arraycopy(a.weight(), 0, weight, o, a.size());
            System.arraycopy(a.count(), 0, count, o, a.size());
        }
        return w.putInts("tree_offsets", offsets).putInts("node_feature", feature)
                .putDoubles("node_threshold", threshold).putInts("node_left", left).putInts("node_right", right)
                .putDoubles("node_value", value).putDoubles("node_impurity", impurity)
                .putDoubles("node_weight", weight).putInts("node_count", count);
    }

    /** Reads the trees written by {@link #write}, checking them against {@code features}. */
    public static List<TreeArrays> read(ModelFile f, int features) throws ModelFormatException {
        int[] offsets = f.ints("tree_offsets");
        int[] feature = f.ints("node_feature");
        double[] threshold = f.doubles("node_threshold");
        int[] left = f.ints("node_left");
        int[] right = f.ints("node_right");
        double[] value = f.doubles("node_value");
        double[] impurity = f.doubles("node_impurity");
        double[] weight = f.doubles("node_weight");
        int[] count = f.ints("node_count");
        int total = feature.length;
        if (offsets.length < 2 || offsets[0] != 0 || offsets[offsets.length - 1] != total || threshold.length != total
                || left.length != total || right.length != total || value.length != total || impurity.length != total
                || weight.length != total || count.length != total) {
            throw new ModelFormatException(f.source() + ": tree sections of inconsistent lengths");
        }
        // every offset is checked against the node sections before any tree is copied: a copy past a section's end
        // would pad it (Arrays.copyOfRange), so one lying offset of 2^30 used to allocate gigabytes
        for (int t = 0; t + 1 < offsets.length; t++) {
            if (offsets[t + 1] <= offsets[t] || offsets[t + 1] > total) {
                throw new ModelFormatException(f.source() + ": section 'tree_offsets' value " + (t + 1) + " is "
                        + offsets[t + 1] + "; expected offsets increasing from 0 to the " + total + " nodes stored");
            }
        }
        List<TreeArrays> trees = new ArrayList<>();
        for (int t = 0; t + 1 < offsets.length; t++) {
            int from = offsets[t];
            int to = offsets[t + 1];
            int size = to - from;
            int[] fe = Arrays.copyOfRange(feature, from, to);
            int[] l = Arrays.copyOfRange(left, from, to);
            int[] r = Arrays.copyOfRange(right, from, to);
            double[] v = Arrays.copyOfRange(value, from, to);
            double[] th = Arrays.copyOfRange(threshold, from, to);
            double[] im = Arrays.copyOfRange(impurity, from, to);
            double[] we = Arrays.copyOfRange(weight, from, to);
            int[] co = Arrays.copyOfRange(count, from, to);
            for (int i = 0; i < size; i++) {
                boolean leaf = fe[i] < 0;
                if (leaf ? (fe[i] != -1 || l[i] != -1 || r[i] != -1)
                        : (fe[i] >= features || l[i] <= i || r[i] <= i || l[i] >= size || r[i] >= size)) {
                    throw new ModelFormatException(f.source() + ": tree " + t + " node " + i + " is malformed");
                }
                if (!(v[i] >= 0 && v[i] <= 1) || !Double.isFinite(th[i])) {
                    throw new ModelFormatException(f.source() + ": tree " + t + " node " + i + " has value " + v[i]
                            + " and threshold " + th[i] + "; expected a share in [0, 1] and a finite threshold");
                }
                if (!(im[i] >= 0 && im[i] <= 1) || !(we[i] > 0) || !Double.isFinite(we[i]) || co[i] < 1) {
                    throw new ModelFormatException(f.source() + ": tree " + t + " node " + i + " has impurity "
                            + im[i] + ", weight " + we[i] + " and " + co[i] + " rows; expected an impurity in [0, 1],"
                            + " a finite weight > 0 and at least one row");
                }
            }
            for (int i = 0; i < size; i++) {
                if (fe[i] >= 0 && ((long) co[l[i]] + co[r[i]] != co[i] || we[l[i]] > we[i] || we[r[i]] > we[i])) {
                    throw new ModelFormatException(f.source() + ": tree " + t + " node " + i + " holds " + co[i]
                            + " rows of weight " + we[i] + ", its children " + co[l[i]] + " + " + co[r[i]]
                            + " rows of weight " + we[l[i]] + " and " + we[r[i]]
                            + "; expected the children to share the node's rows");
                }
            }
            trees.add(new TreeArrays(fe, th, l, r, v, im, we, co));
        }
        return trees;
    }

    /**
     * Adds the path contributions of one tree for row {@code x} into {@code out} (Saabas, "Interpreting
     * random forests", 2014): each split on the path adds the change of the node value to its feature,
     * scaled by {@code scale}. Returns the root value times {@code scale}. O(depth).
     */
    public static double addContributions(TreeArrays t, double[] x, double scale, double[] out) {
        int[] feature = t.feature();
        double[] threshold = t.threshold();
        double[] value = t.value();
        int node = 0;
        while (feature[node] >= 0) {
            int f = feature[node];
            int next = x[f] <= threshold[node] ? t.left()[node] : t.right()[node];
            out[f] += scale * (value[next] - value[node]);
            node = next;
        }
        return scale * value[0];
    }
}
