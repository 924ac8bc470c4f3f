package dev.retention.churn.internal;

import dev.retention.churn.classifier.ClassWeight;
import dev.retention.churn.tree.MaxFeatures;
import dev.retention.churn.tree.TreeOptions;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.util.SplittableRandom;

/** What the decision tree and the random forest share: growing a tree from its options, and storing them. */
public final class TreeGrowth {

    private TreeGrowth() {
    }

    /**
     * Grows one tree of {@code o} searching {@code maxFeatures} features per node, drawing from {@code rnd}.
     *
     * @param columns the features column-major ({@link CartBuilder#columnMajor})
     */
    public static TreeArrays grow(double[] columns, int rows, int cols, int[] y, double[] w, TreeOptions o, int maxFeatures,
                                  SplittableRandom rnd) {
        return new CartBuilder(columns, rows, cols, y, w, o.criterion() == TreeOptions.Criterion.ENTROPY,
                o.maxDepth() == 0 ? Integer.MAX_VALUE : o.maxDepth(), o.minSamplesSplit(), o.minSamplesLeaf(),
                maxFeatures, o.minImpurityDecrease(), rnd).build();
    }

    /** Adds tree options to a model file being written. */
    public static void writeOptions(ModelFile.Writer w, TreeOptions o) {
        w.putStrings("tree_options", new String[] {o.criterion().name(), o.maxFeatures().mode().name(),
            o.classWeight().mode().name()});
        w.putDoubles("tree_option_values", new double[] {o.maxDepth(), o.minSamplesSplit(), o.minSamplesLeaf(),
            o.maxFeatures().value(), o.minImpurityDecrease(), o.classWeight().negative(), o.classWeight().positive()});
        w.putLongs("tree_seed", new long[] {o.seed()});
    }

    /** Reads the tree options written by {@link #writeOptions}. */
    public static TreeOptions readOptions(ModelFile f) throws ModelFormatException {
        String[] s = f.strings("tree_options");
        double[] v = ModelSections.doubles(f, "tree_option_values", 7);
        long[] seed = f.longs("tree_seed");
        if (s.length != 3 || seed.length != 1) {
            throw new ModelFormatException(f.source() + ": malformed tree option sections");
        }
        return new TreeOptions(TreeOptions.Criterion.valueOf(s[0]), (int) v[0], (int) v[1], (int) v[2],
                new MaxFeatures(MaxFeatures.Mode.valueOf(s[1]), v[3]), v[4],
                new ClassWeight(ClassWeight.Mode.valueOf(s[2]), v[5], v[6]), seed[0]);
    }
}
