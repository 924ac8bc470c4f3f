package dev.retention.churn.tree;

import dev.retention.churn.classifier.Contributions;
import dev.retention.churn.classifier.FitSummary;
import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.churn.internal.Checks;
import dev.retention.churn.internal.ModelSections;
import dev.retention.churn.internal.TreeArrays;
import dev.retention.churn.internal.TreeCodec;
import dev.retention.churn.internal.TreeGrowth;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A fitted decision tree: the probability of churn is the weighted share of churners in the leaf a row
 * reaches. Contributions are the Saabas path contributions on the probability scale: starting from the
 * root's share, each split on the row's path adds the change in share to its feature. Immutable and
 * thread-safe; saved with the model file format (type {@value #MODEL_TYPE}).
 */
public final class TreeModel implements ProbabilisticClassifier {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "decision-tree";

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

    /** The options of the fit. */
    public TreeOptions options() {
        return options;
    }

    /** Number of nodes. */
    public int nodeCount() {
        return tree.size();
    }

    /** Number of leaves. */
    public int leafCount() {
        return tree.leaves();
    }

    /** Depth (0 for a single leaf). */
    public int depth() {
        return tree.depth();
    }

    /** Mean decrease in impurity per feature, normalised to sum 1, as scikit-learn's {@code feature_importances_}. */
    public double[] impurityImportances() {
        return tree.impurityImportances(names.length);
    }

    /** The index of the leaf a row reaches (node numbering of the model file). */
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
    public String[] featureNames() {
        return names.clone();
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

    @Override
    public FitSummary summary() {
        return summary;
    }

    @Override
    public byte[] toBytes() {
        return writer().toBytes();
    }

    @Override
    public void save(Path path) throws IOException {
        writer().write(path);
    }

    private ModelFile.Writer writer() {
        ModelFile.Writer w = ModelFile.writer(MODEL_TYPE);
        TreeCodec.write(w, List.of(tree));
        TreeGrowth.writeOptions(w, options);
        return ModelSections.write(w, names, summary);
    }

    /**
     * Reads a model written by {@link #save(Path)}.
     *
     * @throws ModelFormatException if the file is not a valid decision-tree model file
     * @throws IOException          if it cannot be read
     */
    public static TreeModel load(Path path) throws IOException {
        return from(ModelFile.read(path));
    }

    /** Reads a model from bytes written by {@link #toBytes()}. */
    public static TreeModel fromBytes(byte[] bytes, String source) throws ModelFormatException {
        return from(ModelFile.parse(bytes, source));
    }

    /** Reads a model from a parsed model file of type {@value #MODEL_TYPE}. */
    public static TreeModel from(ModelFile f) throws ModelFormatException {
        f.requireType(MODEL_TYPE);
        try {
            String[] names = f.strings("feature_names");
            List<TreeArrays> trees = TreeCodec.read(f, names.length);
            if (trees.size() != 1) {
                throw new ModelFormatException(f.source() + ": a decision-tree file holds " + trees.size() + " trees");
            }
            return new TreeModel(trees.get(0), names, TreeGrowth.readOptions(f), ModelSections.summary(f));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(f.source() + ": invalid decision-tree model: " + e.getMessage());
        }
    }

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
