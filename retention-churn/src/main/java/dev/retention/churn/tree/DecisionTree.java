package dev.retention.churn.tree;

import dev.retention.churn.classifier.ClassWeight;
import dev.retention.churn.classifier.Learner;
import dev.retention.churn.internal.CartBuilder;
import dev.retention.churn.internal.Checks;
import dev.retention.churn.internal.ModelSections;
import dev.retention.churn.internal.TreeArrays;
import dev.retention.matrix.DenseMatrix;
import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;

import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A CART classification tree (Breiman, Friedman, Olshen and Stone 1984), grown as scikit-learn 1.2's
 * {@code DecisionTreeClassifier}: best split over the searched features by Gini or entropy, thresholds
 * at midpoints, depth-first growth, leaves holding the weighted share of churners (see
 * {@code CartBuilder} in the internal package for the exact rules). With every feature searched and no
 * tie between candidate splits, the tree equals scikit-learn's whatever the seed. The feature order draws
 * from a SplitMix64 stream seeded by {@link TreeOptions#seed()}.
 *
 * <p>Cost O(maxFeatures * n log n * depth) time, O(n p + nodes) memory (a column-major copy of the features).
 * Progress: {@link FitControl#step} once, when the tree is grown (stage {@code "tree"}).
 */
public final class DecisionTree {

    private DecisionTree() {
    }

    /**
     * Fits a tree with every row weighing 1, no control.
     *
     * @param x       read: training features
     * @param y       read: labels 0 or 1, both classes present
     * @param options the options
     * @return the fitted model
     */
    public static TreeModel fit(DenseMatrix x, int[] y, TreeOptions options) {
        return fit(x, y, null, options, FitControl.defaults());
    }

    /**
     * Fits a tree with every row weighing 1.
     *
     * @param x       read: training features
     * @param y       read: labels 0 or 1, both classes present
     * @param options the options
     * @param control progress and cancellation
     * @return the fitted model
     */
    public static TreeModel fit(DenseMatrix x, int[] y, TreeOptions options, FitControl control) {
        return fit(x, y, null, options, control);
    }

    /**
     * Fits a tree.
     *
     * @param x             read: training features
     * @param y             read: labels 0 or 1, both classes present
     * @param sampleWeights read: row weights, finite and &gt;= 0 (0 leaves a row out), or {@code null}
     * @param options       the options
     * @param control       told once when the tree is grown; may cancel the fit before it starts
     * @return the fitted model
     * @throws IllegalArgumentException if the labels or weights are bad
     * @throws java.util.concurrent.CancellationException if the control cancels the fit
     */
    public static TreeModel fit(DenseMatrix x, int[] y, double[] sampleWeights, TreeOptions options,
                                FitControl control) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        Checks.labels(x, y);
        double[] w = Checks.weights(sampleWeights, x.rows());
        long start = System.nanoTime();
        control.checkCancelled("tree", 0);
        if (w != null || options.classWeight().mode() != ClassWeight.Mode.NONE) {
            w = options.classWeight().rowWeights(y, w);
        }
        int features = options.maxFeatures().resolve(x.columns());
        TreeArrays tree = new CartBuilder(x.toColumnMajor(), x.rows(), x.columns(), y, w,
                options.criterion() == TreeOptions.Criterion.ENTROPY, options.maxDepth(), options.minSamplesSplit(),
                options.minSamplesLeaf(), features, options.minImpurityDecrease(),
                new SplittableRandom(options.seed())).build();
        control.step("tree", 1, 1, Double.NaN);
        FitSummary.Builder summary = FitSummary.builder("decision tree (CART, "
                        + options.criterion().name().toLowerCase(Locale.ROOT) + ")")
                .options(options)
                .choice(features + " of " + x.columns() + " features searched per node")
                .converged(true, tree.size() + " nodes, " + tree.leaves() + " leaves, depth " + tree.depth())
                .data(x.fingerprint());
        ModelSections.flagConstant(summary, x.rows(), i -> tree.value()[tree.leaf(x, i)]);
        FitSummary s = summary.secondsSince(start).build();
        s.logTo(DecisionTree.class);
        return new TreeModel(tree, x.names().toArray(String[]::new), options, s);
    }

    /**
     * {@return a learner fitting with these options, for pipelines, cross-validation and grid search}
     *
     * @param options the options of every fit
     */
    public static Learner learner(TreeOptions options) {
        Objects.requireNonNull(options, "options");
        return (x, y, control) -> fit(x, y, null, options, control);
    }
}
