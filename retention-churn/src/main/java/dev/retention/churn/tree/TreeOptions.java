package dev.retention.churn.tree;

import dev.retention.churn.classifier.ClassWeight;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.util.Locale;
import java.util.Objects;

/**
 * Options of {@link DecisionTree}, as scikit-learn's {@code DecisionTreeClassifier}.
 *
 * @param criterion           impurity measure (default {@link Criterion#GINI})
 * @param maxDepth            depth limit, &gt;= 1, or 0 for none (default 0)
 * @param minSamplesSplit     a node with fewer rows is a leaf, &gt;= 2 (default 2)
 * @param minSamplesLeaf      rows each child must keep, &gt;= 1 (default 1)
 * @param maxFeatures         features searched per node (default all)
 * @param minImpurityDecrease a split must decrease the weighted impurity by at least this, &gt;= 0
 *                            (default 0)
 * @param classWeight         class weights (default none)
 * @param seed                seed of the random feature order (matters for ties and for
 *                            {@code maxFeatures} below all)
 */
public record TreeOptions(Criterion criterion, int maxDepth, int minSamplesSplit, int minSamplesLeaf,
                          MaxFeatures maxFeatures, double minImpurityDecrease, ClassWeight classWeight, long seed) {

    /** The impurity measure of a node with class shares {@code q_k}. */
    public enum Criterion {
        /** Gini impurity {@code 1 - sum q_k^2}. */
        GINI,
        /** Entropy {@code -sum q_k log2 q_k}. */
        ENTROPY
    }

    /**
     * Checks every option.
     *
     * @param criterion           impurity measure (default {@link Criterion#GINI})
     * @param maxDepth            depth limit, &gt;= 1, or 0 for none (default 0)
     * @param minSamplesSplit     a node with fewer rows is a leaf, &gt;= 2 (default 2)
     * @param minSamplesLeaf      rows each child must keep, &gt;= 1 (default 1)
     * @param maxFeatures         features searched per node (default all)
     * @param minImpurityDecrease a split must decrease the weighted impurity by at least this, &gt;= 0 (default 0)
     * @param classWeight         class weights (default none)
     * @param seed                seed of the random feature order (matters for ties and for {@code maxFeatures} below
     *                            all)
     * @throws IllegalArgumentException naming the option, its value and what was expected
     */
    public TreeOptions {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(maxFeatures, "maxFeatures");
        Objects.requireNonNull(classWeight, "classWeight");
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must be >= 1, or 0 for no limit, got " + maxDepth);
        }
        if (minSamplesSplit < 2) {
            throw new IllegalArgumentException("minSamplesSplit must be >= 2, got " + minSamplesSplit);
        }
        if (minSamplesLeaf < 1) {
            throw new IllegalArgumentException("minSamplesLeaf must be >= 1, got " + minSamplesLeaf);
        }
        if (!(minImpurityDecrease >= 0) || Double.isInfinite(minImpurityDecrease)) {
            throw new IllegalArgumentException("minImpurityDecrease must be finite and >= 0, got " + minImpurityDecrease);
        }
    }

    /**
     * {@return scikit-learn's defaults: Gini, no depth limit, split 2, leaf 1, all features, no class weights, seed 0}
     */
    public static TreeOptions defaults() {
        return new TreeOptions(Criterion.GINI, 0, 2, 1, MaxFeatures.all(), 0, ClassWeight.none(), 0);
    }

    /**
     * {@return a copy with this criterion}
     *
     * @param criterion impurity measure (default {@link Criterion#GINI})
     */
    public TreeOptions withCriterion(Criterion criterion) {
        return new TreeOptions(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, minImpurityDecrease,
                classWeight, seed);
    }

    /**
     * {@return a copy with this depth limit (0 for none)}
     *
     * @param maxDepth depth limit, &gt;= 1, or 0 for none (default 0)
     */
    public TreeOptions withMaxDepth(int maxDepth) {
        return new TreeOptions(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, minImpurityDecrease,
                classWeight, seed);
    }

    /**
     * {@return a copy with this minimum node size for a split}
     *
     * @param minSamplesSplit a node with fewer rows is a leaf, &gt;= 2 (default 2)
     */
    public TreeOptions withMinSamplesSplit(int minSamplesSplit) {
        return new TreeOptions(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, minImpurityDecrease,
                classWeight, seed);
    }

    /**
     * {@return a copy with this minimum leaf size}
     *
     * @param minSamplesLeaf rows each child must keep, &gt;= 1 (default 1)
     */
    public TreeOptions withMinSamplesLeaf(int minSamplesLeaf) {
        return new TreeOptions(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, minImpurityDecrease,
                classWeight, seed);
    }

    /**
     * {@return a copy searching this many features per node}
     *
     * @param maxFeatures features searched per node (default all)
     */
    public TreeOptions withMaxFeatures(MaxFeatures maxFeatures) {
        return new TreeOptions(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, minImpurityDecrease,
                classWeight, seed);
    }

    /**
     * {@return a copy with this minimum impurity decrease}
     *
     * @param minImpurityDecrease a split must decrease the weighted impurity by at least this, &gt;= 0 (default 0)
     */
    public TreeOptions withMinImpurityDecrease(double minImpurityDecrease) {
        return new TreeOptions(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, minImpurityDecrease,
                classWeight, seed);
    }

    /**
     * {@return a copy with these class weights}
     *
     * @param classWeight class weights (default none)
     */
    public TreeOptions withClassWeight(ClassWeight classWeight) {
        return new TreeOptions(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, minImpurityDecrease,
                classWeight, seed);
    }

    /**
     * {@return a copy with this seed}
     *
     * @param seed seed of the random feature order (matters for ties and for {@code maxFeatures} below all)
     */
    public TreeOptions withSeed(long seed) {
        return new TreeOptions(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, minImpurityDecrease,
                classWeight, seed);
    }

    /**
     * Writes these options as sections {@code tree_options}, {@code tree_option_values} and {@code tree_seed} of
     * a model file, which {@link #readFrom} reads back.
     *
     * @param w written
     */
    public void writeTo(ModelFile.Writer w) {
        w.putStrings("tree_options", new String[] {criterion.name(), maxFeatures.mode().name(),
            classWeight.mode().name()});
        w.putDoubles("tree_option_values", new double[] {maxDepth, minSamplesSplit, minSamplesLeaf,
            maxFeatures.value(), minImpurityDecrease, classWeight.negative(), classWeight.positive()});
        w.putLongs("tree_seed", new long[] {seed});
    }

    /**
     * Reads the options written by {@link #writeTo}.
     *
     * @param f read
     * @return the options
     * @throws ModelFormatException if a section is missing or malformed, or an option is out of range (the message
     *                              names the file)
     */
    public static TreeOptions readFrom(ModelFile f) throws ModelFormatException {
        String[] s = f.strings("tree_options");
        double[] v = f.doubles("tree_option_values");
        long[] seed = f.longs("tree_seed");
        if (s.length != 3 || v.length != 7 || seed.length != 1) {
            throw new ModelFormatException(f.source() + ": malformed tree option sections");
        }
        try {
            return new TreeOptions(Criterion.valueOf(s[0]), (int) v[0], (int) v[1], (int) v[2],
                    new MaxFeatures(MaxFeatures.Mode.valueOf(s[1]), v[3]), v[4],
                    new ClassWeight(ClassWeight.Mode.valueOf(s[2]), v[5], v[6]), seed[0]);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(f.source() + ": invalid tree options: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "criterion=%s max_depth=%s min_samples_split=%d min_samples_leaf=%d "
                        + "max_features=%s min_impurity_decrease=%g class_weight=%s seed=%d",
                criterion.name().toLowerCase(Locale.ROOT), maxDepth == 0 ? "none" : Integer.toString(maxDepth),
                minSamplesSplit, minSamplesLeaf, maxFeatures, minImpurityDecrease, classWeight, seed);
    }
}
