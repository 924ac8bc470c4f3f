package dev.retention.churn.tree;

import dev.retention.churn.classifier.ClassWeight;
import dev.retention.churn.classifier.FeatureMatrix;
import dev.retention.churn.classifier.FitListener;
import dev.retention.churn.classifier.FitSummary;
import dev.retention.churn.classifier.Learner;
import dev.retention.churn.internal.CartBuilder;
import dev.retention.churn.internal.Checks;
import dev.retention.churn.internal.MatrixAccess;
import dev.retention.churn.internal.TreeArrays;
import dev.retention.churn.internal.TreeGrowth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A CART classification tree (Breiman, Friedman, Olshen and Stone 1984), grown as scikit-learn 1.2's
 * {@code DecisionTreeClassifier}: best split over the searched features by Gini or entropy, thresholds
 * at midpoints, depth-first growth, leaves holding the weighted share of churners (see
 * {@code CartBuilder} in the internal package for the exact rules). With every feature searched and no
 * tie between candidate splits, the tree equals scikit-learn's whatever the seed.
 *
 * <p>Cost O(maxFeatures * n log n * depth) time, O(n + nodes) memory.
 */
public final class DecisionTree {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionTree.class);

    private DecisionTree() {
    }

    /** Fits a tree with every row weighing 1. */
    public static TreeModel fit(FeatureMatrix x, int[] y, TreeOptions options) {
        return fit(x, y, null, options, FitListener.NONE);
    }

    /**
     * Fits a tree.
     *
     * @param x             read: training features
     * @param y             read: labels 0 or 1, both classes present
     * @param sampleWeights read: row weights, finite and &gt;= 0 (0 leaves a row out), or {@code null}
     * @param options       the options
     * @param listener      told once when the tree is grown
     * @throws IllegalArgumentException if the labels or weights are bad
     */
    public static TreeModel fit(FeatureMatrix x, int[] y, double[] sampleWeights, TreeOptions options,
                                FitListener listener) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        Checks.labels(x, y);
        Checks.weights(sampleWeights, x.rows());
        long start = System.nanoTime();
        double[] w = sampleWeights;
        if (options.classWeight().mode() != ClassWeight.Mode.NONE) {
            w = options.classWeight().rowWeights(y, sampleWeights);
        }
        double[] columns = CartBuilder.columnMajor(MatrixAccess.data(x), x.rows(), x.cols());
        TreeArrays tree = TreeGrowth.grow(columns, x.rows(), x.cols(), y, w, options,
                options.maxFeatures().resolve(x.cols()), new SplittableRandom(options.seed()));
        double seconds = (System.nanoTime() - start) / 1e9;
        listener.progress("tree", 1, 1, Double.NaN);
        LOG.info("decision tree on {} rows x {} features: {} nodes, depth {}, {} s", x.rows(), x.cols(), tree.size(),
                tree.depth(), seconds);
        FitSummary summary = new FitSummary("decision tree (CART, " + options.criterion().name().toLowerCase(
                java.util.Locale.ROOT) + ")", options.toString(), x.rows(), x.cols(), 0, true,
                tree.size() + " nodes, " + tree.leaves() + " leaves, depth " + tree.depth(), new double[0], seconds);
        return new TreeModel(tree, x.names(), options, summary);
    }

    /** A learner fitting with these options, for cross-validation and grid search. */
    public static Learner learner(TreeOptions options) {
        Objects.requireNonNull(options, "options");
        return (x, y, listener) -> fit(x, y, null, options, listener);
    }
}
