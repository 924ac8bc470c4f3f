package dev.retention.churn.tree;

import dev.retention.churn.classifier.Contributions;
import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.churn.internal.Checks;
import dev.retention.churn.internal.ModelSections;
import dev.retention.churn.internal.TreeArrays;
import dev.retention.churn.internal.TreeCodec;
import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A fitted decision tree: the probability of churn is the weighted share of churners in the leaf a row
 * reaches. Contributions are the Saabas path contributions on the probability scale: starting from the
 * root's share, each split on the row's path adds the change in share to its feature. Immutable and
 * thread-safe; saved as a model file of type {@value #MODEL_TYPE}, read back by
 * {@code Models.load(path, TreeModel.class)}. Equal to another tree model when the nodes, feature names and
 * options are.
 */
public final class TreeModel implements ProbabilisticClassifier {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "decision-tree";
    /** The schema version of this type's sections: 2 since the shared fit summary. */
    public static final int SCHEMA_VERSION = 2;

    private final TreeArrays tree;
    private final String[] names;
    private final TreeOptions options;
    private final FitSummary summary;

    TreeModel(TreeArrays tree, String[] names, TreeOptions options, FitSummary summary) {
        this.tree = tree;
        this.names = names.clone();
        this.options = options;
        this.summary = summary;
    }

    /** {@return the options of the fit} */
    public TreeOptions options() {
        return options;
    }

    /** {@return the number of nodes} */
    public int nodeCount() {
        return tree.size();
    }

    /** {@return the number of leaves} */
    public int leafCount() {
        return tree.leaves();
    }

    /** {@return the depth (0 for a single leaf)} */
    public int depth() {
        return tree.depth();
    }

    /**
     * {@return the mean decrease in impurity per feature, normalised to sum 1, as scikit-learn's {@code
     * feature_importances_}}
     */
    public double[] impurityImportances() {
        return tree.impurityImportances(names.length);
    }

    /**
     * {@return the index of the leaf a row reaches (node numbering of the model file)} O(depth).
     *
     * @param features read: {@link #featureCount()} finite values
     */
    public int leaf(double[] features) {
        Checks.row(features, names.length);
        return tree.leaf(features, 0);
    }

    @Override
    public String modelType() {
        return MODEL_TYPE;
    }

    @Override
    public int featureCount() {
        return names.length;
    }

    @Override
    public List<String> featureNames() {
        return List.of(names);
    }

    @Override
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }

    @Override
    public FitSummary fitSummary() {
        return summary;
    }

    @Override
    public double probability(double[] features) {
        Checks.row(features, names.length);
        return tree.value()[tree.leaf(features, 0)];
    }

    @Override
    public Contributions contributions(double[] features) {
        Checks.row(features, names.length);
        double[] c = new double[names.length];
        double base = TreeCodec.addContributions(tree, features, 1.0, c);
        return new Contributions(Contributions.Scale.PROBABILITY, base, c);
    }

    /** The model file: the fit summary, the feature names, the nodes and the options. */
    @Override
    public byte[] toBytes() {
        ModelFile.Writer w = ModelSections.writer(MODEL_TYPE, SCHEMA_VERSION, summary)
                .putStrings("feature_names", names);
        TreeCodec.write(w, List.of(tree));
        options.writeTo(w);
        return w.toBytes();
    }

    /**
     * Reads a model from a checked model file of type {@value #MODEL_TYPE}; {@code Models.load} calls it.
     *
     * @param f read
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another type or schema, or a section is missing, malformed
     *                              or inconsistent (the message names the file)
     */
    public static TreeModel read(ModelFile f) throws ModelFormatException {
        ModelSections.open(f, MODEL_TYPE, SCHEMA_VERSION);
        String[] names = ModelSections.featureNames(f, -1);
        List<TreeArrays> trees = TreeCodec.read(f, names.length);
        if (trees.size() != 1) {
            throw new ModelFormatException(f.source() + ": a decision-tree file holds " + trees.size() + " trees");
        }
        return new TreeModel(trees.get(0), names, TreeOptions.readFrom(f), FitSummary.readFrom(f));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeModel m && m.tree.equals(tree) && Arrays.equals(m.names, names)
                && m.options.equals(options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tree, Arrays.hashCode(names), options);
    }

    /** The fit summary, then the first 31 nodes, indented by depth, with their feature names. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(summary);
        int[] feature = tree.feature();
        int shown = Math.min(tree.size(), 31);
        int[] depth = new int[tree.size()];
        for (int i = 0; i < tree.size(); i++) {
            if (feature[i] >= 0) {
                depth[tree.left()[i]] = depth[i] + 1;
                depth[tree.right()[i]] = depth[i] + 1;
            }
        }
        for (int i = 0; i < shown; i++) {
            String indent = "  ".repeat(depth[i]);
            if (feature[i] >= 0) {
                sb.append(String.format(Locale.ROOT, "%s#%d %s <= %.4g ? #%d : #%d  (n=%d, p=%.3f)%n", indent, i,
                        names[feature[i]], tree.threshold()[i], tree.left()[i], tree.right()[i], tree.count()[i],
                        tree.value()[i]));
            } else {
                sb.append(String.format(Locale.ROOT, "%s#%d leaf p(churn)=%.4f (n=%d)%n", indent, i, tree.value()[i],
                        tree.count()[i]));
            }
        }
        if (shown < tree.size()) {
            sb.append("... ").append(tree.size() - shown).append(" more nodes\n");
        }
        return sb.toString();
    }
}
