package dev.retention.churn.forest;

import dev.retention.churn.classifier.Contributions;
import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.churn.internal.Checks;
import dev.retention.churn.internal.ModelSections;
import dev.retention.churn.internal.TreeArrays;
import dev.retention.churn.internal.TreeCodec;
import dev.retention.churn.tree.TreeOptions;
import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A fitted random forest: the probability of churn is the mean of the trees' leaf shares. Contributions
 * are the trees' Saabas path contributions averaged (probability scale). Immutable and thread-safe; saved as a
 * model file of type {@value #MODEL_TYPE}, read back by {@code Models.load(path, ForestModel.class)}. Equal to
 * another forest model when the trees, feature names and options (threads aside) are; the out-of-bag estimates
 * and importances follow from them.
 */
public final class ForestModel implements ProbabilisticClassifier {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "random-forest";
    /** The schema version of this type's sections: 2 since the shared fit summary. */
    public static final int SCHEMA_VERSION = 2;

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

    /** {@return the options of the fit} */
    public ForestOptions options() {
        return options;
    }

    /** {@return the number of trees} */
    public int treeCount() {
        return trees.size();
    }

    /** {@return the mean decrease in impurity per feature, averaged over the trees and normalised to sum 1; a copy} */
    public double[] impurityImportances() {
        return importances.clone();
    }

    /** {@return rows that were out of bag for at least one tree (0 without bootstrap)} */
    public int oobRows() {
        return oobRows;
    }

    /**
     * {@return the accuracy of the out-of-bag predictions at 0.5 (scikit-learn's {@code oob_score_}), over the rows out
     * of
     * bag for some tree; 0 when there are none ({@link #oobRows()} == 0)}
     */
    public double oobAccuracy() {
        return Double.isNaN(oobAccuracy) ? 0 : oobAccuracy;
    }

    /** {@return ROC AUC of the out-of-bag predictions; 0 when there are none or they hold a single class} */
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

    /** The model file: the fit summary, the feature names, the trees, the options and the out-of-bag estimates. */
    @Override
    public byte[] toBytes() {
        ModelFile.Writer w = ModelSections.writer(MODEL_TYPE, SCHEMA_VERSION, summary)
                .putStrings("feature_names", names);
        TreeCodec.write(w, trees);
        options.tree().writeTo(w);
        w.putLongs("forest_seed", new long[] {options.seed()});
        w.putDoubles("forest_options", new double[] {options.trees(), options.bootstrap() ? 1 : 0,
            options.sampleFraction(), options.threads()});
        w.putDoubles("importances", importances);
        w.putDoubles("oob", new double[] {oobRows, oobAccuracy, oobAuc});
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
    public static ForestModel read(ModelFile f) throws ModelFormatException {
        ModelSections.open(f, MODEL_TYPE, SCHEMA_VERSION);
        try {
            String[] names = ModelSections.featureNames(f, -1);
            List<TreeArrays> trees = TreeCodec.read(f, names.length);
            long[] seeds = f.longs("forest_seed");
            double[] fo = ModelSections.doubles(f, "forest_options", 4);
            double[] oob = ModelSections.doubles(f, "oob", 3);
            if (seeds.length != 1) {
                throw new ModelFormatException(f.source() + ": malformed forest section 'forest_seed'");
            }
            ForestOptions options = new ForestOptions((int) fo[0], TreeOptions.readFrom(f), fo[1] == 1, fo[2],
                    seeds[0], (int) fo[3]);
            if (trees.size() != options.trees()) {
                throw new ModelFormatException(f.source() + ": " + trees.size() + " trees stored, options say "
                        + options.trees());
            }
            return new ForestModel(trees, names, options, ModelSections.doubles(f, "importances", names.length),
                    (int) oob[0], oob[1], oob[2], FitSummary.readFrom(f));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(f.source() + ": invalid " + MODEL_TYPE + " model: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForestModel m && m.trees.equals(trees) && Arrays.equals(m.names, names)
                && m.options.withThreads(1).equals(options.withThreads(1));
    }

    @Override
    public int hashCode() {
        return Objects.hash(trees, Arrays.hashCode(names), options.withThreads(1));
    }

    /** The fit summary, then the 15 most important features by name with their impurity importance. */
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
