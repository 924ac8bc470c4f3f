package dev.retention.churn.evaluation;

import dev.retention.churn.classifier.FitListener;
import dev.retention.churn.classifier.Learner;
import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.preprocess.PreprocessOptions;
import dev.retention.evaluation.StratifiedKFold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Grid search by cross-validation (scikit-learn's {@code GridSearchCV} with {@code scoring="roc_auc"}):
 * every candidate learner is cross-validated on the same stratified folds and the one with the highest
 * mean ROC AUC wins (the first one on a tie). Cost: candidates times folds pipeline fits.
 */
public final class GridSearch {

    private static final Logger LOG = LoggerFactory.getLogger(GridSearch.class);

    private GridSearch() {
    }

    /** The result: each candidate's cross-validation, in the order given, and the winner. */
    public record Result(Map<String, CrossValidationResult> candidates, String best) {

        public Result {
            candidates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(candidates));
        }

        /** The winner's cross-validation. */
        public CrossValidationResult bestResult() {
            return candidates.get(best);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-40s %8s %8s%n", "candidate", "AUC", "sd"));
            candidates.forEach((name, r) -> sb.append(String.format(Locale.ROOT, "%-40.40s %8.4f %8.4f%s%n", name,
                    r.meanAuc(), r.std(dev.retention.churn.evaluation.MetricSummary::rocAuc), name.equals(best) ? "  best" : "")));
            return sb.toString();
        }
    }

    /**
     * Runs the search.
     *
     * @param table      read: a labelled table
     * @param pre        preprocessing options (fitted per fold)
     * @param candidates named learners, at least one, in order
     * @param folds      number of folds, &gt;= 2
     * @param seed       seed of the folds
     */
    public static Result run(CustomerTable table, PreprocessOptions pre, Map<String, Learner> candidates, int folds,
                             long seed) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(candidates, "candidates");
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a grid search needs at least one candidate, got none");
        }
        if (!table.hasLabels()) {
            throw new IllegalArgumentException("a grid search needs a labelled table");
        }
        StratifiedKFold kfold = StratifiedKFold.split(table.labels(), folds, seed);
        Map<String, CrossValidationResult> results = new LinkedHashMap<>();
        String best = null;
        double bestAuc = Double.NEGATIVE_INFINITY;
        List<String> names = new ArrayList<>(candidates.keySet());
        for (String name : names) {
            CrossValidationResult r = CrossValidation.run(table, pre, candidates.get(name), kfold, FitListener.NONE);
            results.put(name, r);
            LOG.info("grid search: {} mean AUC {}", name, r.meanAuc());
            if (r.meanAuc() > bestAuc) {
                bestAuc = r.meanAuc();
                best = name;
            }
        }
        return new Result(results, best);
    }
}
