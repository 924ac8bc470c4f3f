package dev.retention.churn.forest;

import dev.retention.churn.classifier.Contributions;
import dev.retention.churn.classifier.FitSummary;
import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.churn.internal.Checks;
import dev.retention.churn.internal.ModelSections;
import dev.retention.churn.internal.TreeArrays;
import dev.retention.churn.internal.TreeCodec;
import dev.retention.churn.internal.TreeGrowth;
import dev.retention.churn.tree.TreeOptions;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A fitted random forest: the probability of churn is the mean of the trees' leaf shares. Contributions
 * are the trees' Saabas path contributions averaged (probability scale). Immutable and thread-safe; saved
 * with the model file format (type {@value #MODEL_TYPE}).
 */
public final class ForestModel implements ProbabilisticClassifier {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "random-forest";

    private final List<TreeArrays> trees;
    private final String[] names;
    private final ForestOptions options;
    private final double[] importances;
    private final int oobRows;
    private final double oobAccuracy;
    private final double oobAuc;
    private final FitSummary summary;

    ForestModel(List<TreeArrays> trees, String[] names, ForestOptions options, double[] importances, int oobRows,
                double oobAccuracy, double oobAuc, FitSummary summary) {
        this.trees = List.copyOf(trees);
        this.names = names.clone();
        this.options = options;
        this.importances = importances.clone();
        this.oobRows = oobRows;
        this.oobAccuracy = oobAccuracy;
        this.oobAuc = oobAuc;
        this.summary = summary;
    }

    /** The options of the fit. */
    public ForestOptions options() {
        return options;
    }

    /** Number of trees. */
    public int treeCount() {
        return trees.size();
    }

    /** Mean decrease in impurity per feature, averaged over the trees and normalised to sum 1; a copy. */
    public double[] impurityImportances() {
        return importances.clone();
    }

    /** Rows that were out of bag for at least one tree (0 without bootstrap). */
    public int oobRows() {
        return oobRows;
    }

    /**
     * Accuracy of the out-of-bag predictions at 0.5 (scikit-learn's {@code oob_score_}), over the rows out of
     * bag for some tree; 0 when there are none ({@link #oobRows()} == 0).
     */
    public double oobAccuracy() {
        return Double.isNaN(oobAccuracy) ? 0 : oobAccuracy;
    }

    /** ROC AUC of the out-of-bag predictions; 0 when there are none or they hold a single class. */
    public double oobAuc() {
        return Double.isNaN(oobAuc) ? 0 : oobAuc;
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
        double s = 0;
        for (TreeArrays t : trees) {
            s += t.value()[t.leaf(features, 0)];
        }
        return s / trees.size();
    }

    @Override
    public Contributions contributions(double[] features) {
        Checks.row(features, names.length);
        double[] c = new double[names.length];
        double base = 0;
        double scale = 1.0 / trees.size();
        for (TreeArrays t : trees) {
            base += TreeCodec.addContributions(t, features, scale, c);
        }
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
        TreeCodec.write(w, trees);
        TreeGrowth.writeOptions(w, options.tree());
        w.putLongs("forest_seed", new long[] {options.seed()});
        w.putDoubles("forest_options", new double[] {options.trees(), options.bootstrap() ? 1 : 0,
            options.sampleFraction(), options.parallelism()});
        w.putDoubles("importances", importances);
        w.putDoubles("oob", new double[] {oobRows, oobAccuracy, oobAuc});
        return ModelSections.write(w, names, summary);
    }

    /**
     * Reads a model written by {@link #save(Path)}.
     *
     * @throws ModelFormatException if the file is not a valid random-forest model file
     * @throws IOException          if it cannot be read
     */
    public static ForestModel load(Path path) throws IOException {
        return from(ModelFile.read(path));
    }

    /** Reads a model from bytes written by {@link #toBytes()}. */
    public static ForestModel fromBytes(byte[] bytes, String source) throws ModelFormatException {
        return from(ModelFile.parse(bytes, source));
    }

    /** Reads a model from a parsed model file of type {@value #MODEL_TYPE}. */
    public static ForestModel from(ModelFile f) throws ModelFormatException {
        f.requireType(MODEL_TYPE);
        try {
            String[] names = f.strings("feature_names");
            List<TreeArrays> trees = TreeCodec.read(f, names.length);
            long[] seeds = f.longs("forest_seed");
            double[] fo = ModelSections.doubles(f, "forest_options", 4);
            double[] oob = ModelSections.doubles(f, "oob", 3);
            if (seeds.length != 1) {
                throw new ModelFormatException(f.source() + ": malformed forest option sections");
            }
            TreeOptions to = TreeGrowth.readOptions(f);
            ForestOptions options = new ForestOptions((int) fo[0], to, fo[1] == 1, fo[2], seeds[0], (int) fo[3]);
            if (trees.size() != options.trees()) {
                throw new ModelFormatException(f.source() + ": " + trees.size() + " trees stored, options say "
                        + options.trees());
            }
            return new ForestModel(trees, names, options, ModelSections.doubles(f, "importances", names.length),
                    (int) oob[0], oob[1], oob[2], ModelSections.summary(f));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(f.source() + ": invalid random-forest model: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(summary);
        Integer[] order = new Integer[names.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(importances[b], importances[a]));
        sb.append(String.format(Locale.ROOT, "%-32s %10s%n", "feature", "importance"));
        for (int k = 0; k < Math.min(order.length, 15); k++) {
            sb.append(String.format(Locale.ROOT, "%-32.32s %10.4f%n", names[order[k]], importances[order[k]]));
        }
        return sb.toString();
    }
}
