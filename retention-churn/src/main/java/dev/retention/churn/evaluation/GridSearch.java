package dev.retention.churn.evaluation;

import dev.retention.churn.classifier.Learner;
import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.preprocess.PreprocessOptions;
import dev.retention.evaluation.StratifiedKFold;
import dev.retention.model.FitControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Grid search by cross-validation (scikit-learn's {@code GridSearchCV} with {@code scoring="roc_auc"}): every
 * candidate options record is turned into a learner, cross-validated on the same stratified folds, and the one
 * with the highest mean ROC AUC wins (the first one on a tie). Typed: the candidates are options of one
 * classifier, for example
 * <pre>{@code
 * GridSearch.Result<LogisticOptions> r = GridSearch.evaluate(table, PreprocessOptions.defaults(),
 *         List.of(o.withC(0.1), o.withC(1), o.withC(10)), LogisticRegression::learner, 5, 0);
 * LogisticOptions best = r.best();
 * }</pre>
 * Cost: candidates times folds pipeline fits.
 */
public final class GridSearch {

    private static final Logger LOG = LoggerFactory.getLogger(GridSearch.class);

    private GridSearch() {
    }

    /**
     * The result: each candidate's cross-validation, in the order given, and the winner.
     *
     * @param candidates the candidates, in order
     * @param results    the cross-validation of each candidate
     * @param bestIndex  the index of the winner
     * @param <O>        the options type
     */
    public record Result<O>(List<O> candidates, List<CrossValidationResult> results, int bestIndex) {

        /**
         * Copies the lists and checks that they match.
         *
         * @param candidates the candidates, in order
         * @param results    the cross-validation of each candidate
         * @param bestIndex  the index of the winner
         * @throws IllegalArgumentException if the lists differ in length or the index is out of range
         */
        public Result {
            candidates = List.copyOf(candidates);
            results = List.copyOf(results);
            if (candidates.size() != results.size() || bestIndex < 0 || bestIndex >= candidates.size()) {
                throw new IllegalArgumentException(candidates.size() + " candidates, " + results.size()
                        + " results and best index " + bestIndex + " do not match");
            }
        }

        /** {@return the winner's options} */
        public O best() {
            return candidates.get(bestIndex);
        }

        /** {@return the winner's cross-validation} */
        public CrossValidationResult bestResult() {
            return results.get(bestIndex);
        }

        /**
         * {@return the table of mean ROC AUC and its standard deviation over the folds, one line per candidate labelled
         * as given (for example {@code "C=0.1,penalty=l2"}), the winner marked {@code best}}
         *
         * @param labels read: one label per candidate
         * @throws IllegalArgumentException if the number of labels is wrong
         */
        public String table(List<String> labels) {
            if (labels.size() != candidates.size()) {
                throw new IllegalArgumentException("got " + labels.size() + " labels for " + candidates.size()
                        + " candidates");
            }
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-40s %8s %8s%n", "candidate", "AUC",
                    "sd"));
            for (int k = 0; k < candidates.size(); k++) {
                CrossValidationResult r = results.get(k);
                sb.append(String.format(Locale.ROOT, "%-40.40s %8.4f %8.4f%s%n", labels.get(k), r.meanAuc(),
                        r.std(MetricSummary::rocAuc), k == bestIndex ? "  best" : ""));
            }
            return sb.toString();
        }

        /** {@link #table} labelled by each candidate's {@code toString()}. */
        @Override
        public String toString() {
            return table(candidates.stream().map(String::valueOf).toList());
        }
    }

    /**
     * Cross-validates every candidate on the same stratified folds.
     *
     * @param <O>        the options type
     * @param table      read: a labelled table
     * @param pre        preprocessing options (fitted per fold)
     * @param candidates read: the candidate options, at least one, in order
     * @param learner    the learner of a candidate, such as {@code LogisticRegression::learner}
     * @param folds      number of folds, &gt;= 2
     * @param seed       seed of the folds
     * @return every candidate's cross-validated metrics, best first by the search's metric
     * @throws IllegalArgumentException if there is no candidate, the table has no labels or a class has fewer rows
     *                                  than folds
     */
    public static <O> Result<O> evaluate(CustomerTable table, PreprocessOptions pre, List<O> candidates,
                                         Function<? super O, ? extends Learner> learner, int folds, long seed) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(learner, "learner");
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a grid search needs at least one candidate, got none");
        }
        if (!table.hasLabels()) {
            throw new IllegalArgumentException("a grid search needs a labelled table");
        }
        StratifiedKFold kfold = StratifiedKFold.split(table.labels(), folds, seed);
        List<CrossValidationResult> results = new ArrayList<>();
        int best = -1;
        double bestAuc = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < candidates.size(); k++) {
            O candidate = Objects.requireNonNull(candidates.get(k), "candidate " + k);
            CrossValidationResult r = CrossValidation.evaluate(table, pre, learner.apply(candidate), kfold,
                    FitControl.defaults());
            results.add(r);
            LOG.info("grid search: {} mean AUC {}", candidate, r.meanAuc());
            if (r.meanAuc() > bestAuc) {
                bestAuc = r.meanAuc();
                best = k;
            }
        }
        return new Result<>(candidates, results, best);
    }
}
