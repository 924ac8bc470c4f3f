package dev.retention.churn.explain;

import dev.retention.churn.classifier.Contributions;
import dev.retention.churn.classifier.ProbabilisticClassifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a model's per-feature contributions into a customer's top reasons. Features may be grouped (the
 * one-hot columns of one categorical column form one reason, since only the customer's own category is
 * non-zero), and each group may be labelled with the customer's value, so that an at-risk list reads
 * "Contract=Month-to-month (+0.62), tenure=1 (+0.48)". For logistic regression the contribution of a
 * feature is its coefficient times its standardised value; for trees, Saabas path contributions (see
 * {@link ProbabilisticClassifier#contributions}). Immutable and thread-safe. O(features) per customer.
 */
public final class Explainer {

    private final ProbabilisticClassifier model;
    private final int[] groupOf;
    private final String[] groupNames;

    private Explainer(ProbabilisticClassifier model, int[] groupOf, String[] groupNames) {
        this.model = model;
        this.groupOf = groupOf;
        this.groupNames = groupNames;
    }

    /**
     * {@return one reason per feature, named by the model's feature names}
     *
     * @param model the model
     */
    public static Explainer of(ProbabilisticClassifier model) {
        Objects.requireNonNull(model, "model");
        String[] names = model.featureNames().toArray(String[]::new);
        int[] g = new int[names.length];
        for (int j = 0; j < g.length; j++) {
            g[j] = j;
        }
        return new Explainer(model, g, names);
    }

    /**
     * {@return features grouped by a source name: features with the same source form one reason}
     *
     * @param model   the model
     * @param sources read: the source (for example the table column) of each feature
     */
    public static Explainer grouped(ProbabilisticClassifier model, String[] sources) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(sources, "sources");
        if (sources.length != model.featureCount()) {
            throw new IllegalArgumentException("got " + sources.length + " sources for " + model.featureCount()
                    + " features");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] g = new int[sources.length];
        for (int j = 0; j < sources.length; j++) {
            g[j] = index.computeIfAbsent(Objects.requireNonNull(sources[j], "sources[" + j + "]"), k -> index.size());
        }
        return new Explainer(model, g, index.keySet().toArray(new String[0]));
    }

    /** {@return the names of the reasons (groups), in order} */
    public String[] groupNames() {
        return groupNames.clone();
    }

    /**
     * Explains one row.
     *
     * @param key      the customer, for the explanation
     * @param features read: the row's features
     * @param labels   read: the label of each group for this row ({@code "tenure=2"}), or {@code null} for the
     *                 group names
     * @param top      reasons kept on each side, &gt;= 1
     * @return the row's top reasons up and down
     */
    public Explanation explain(String key, double[] features, String[] labels, int top) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be >= 1, got " + top);
        }
        if (labels != null && labels.length != groupNames.length) {
            throw new IllegalArgumentException("got " + labels.length + " labels for " + groupNames.length + " groups");
        }
        Contributions c = model.contributions(features);
        double[] sums = new double[groupNames.length];
        for (int j = 0; j < groupOf.length; j++) {
            sums[groupOf[j]] += c.value(j);
        }
        Integer[] order = new Integer[sums.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(sums[b], sums[a]));
        List<Reason> up = new ArrayList<>();
        List<Reason> down = new ArrayList<>();
        for (int k = 0; k < order.length && up.size() < top; k++) {
            int gIdx = order[k];
            if (sums[gIdx] > 0) {
                up.add(new Reason(labels == null ? groupNames[gIdx] : labels[gIdx], sums[gIdx]));
            }
        }
        for (int k = order.length - 1; k >= 0 && down.size() < top; k--) {
            int gIdx = order[k];
            if (sums[gIdx] < 0) {
                down.add(new Reason(labels == null ? groupNames[gIdx] : labels[gIdx], sums[gIdx]));
            }
        }
        return new Explanation(key, model.probability(features), c.scale(), c.base(), up, down);
    }
}
