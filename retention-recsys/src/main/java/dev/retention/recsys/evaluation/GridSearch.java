package dev.retention.recsys.evaluation;

import dev.retention.recsys.Ratings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Exhaustive search over candidate options, as Surprise's {@code GridSearchCV}: every candidate is
 * cross-validated on the same folds (same seed), and the candidates are ranked by mean RMSE (ties by mean
 * MAE, then by their order in the list). Typed: the candidates are options records and the learner fits one,
 * for example {@code GridSearch.evaluate(data, List.of(o.withK(20), o.withK(40)), Knn::fit, 5, 0)}.
 * O(candidates x folds x cost of a fit and a test).
 */
public final class GridSearch {

    private GridSearch() {
    }

    /**
     * One candidate and its cross-validation.
     *
     * @param candidate the options tried
     * @param result    their cross-validation
     * @param <O>       the options type
     */
    public record Entry<O>(O candidate, CvResult result) {
        /**
         * Checks the parts.
         *
         * @param candidate the options tried
         * @param result    their cross-validation
         */
        public Entry {
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * The ranked entries of a search; {@link #best()} is the first.
     *
     * @param entries every candidate, best first; copied
     * @param <O>     the options type
     */
    public record Result<O>(List<Entry<O>> entries) {
        /**
         * Copies the entries.
         *
         * @param entries every candidate, best first; copied
         */
        public Result {
            entries = List.copyOf(entries);
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("a grid search result needs at least one entry");
            }
        }

        /** {@return the entry with the lowest mean RMSE} */
        public Entry<O> best() {
            return entries.get(0);
        }

        /** The candidates, best first, with their mean RMSE and MAE. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Grid search: %d candidates%n%8s %8s  %s%n",
                    entries.size(), "RMSE", "MAE", "candidate"));
            for (Entry<O> e : entries) {
                sb.append(String.format(Locale.ROOT, "%8.4f %8.4f  %s%n", e.result().rmse(), e.result().mae(),
                        e.candidate()));
            }
            return sb.toString();
        }
    }

    /**
     * Cross-validates every candidate on the same {@link Folds#kFold} splits and ranks them.
     *
     * @param <O>        the options type
     * @param data       read
     * @param candidates read; at least one, each non-null (their {@code toString()} names them in the results)
     * @param learner    fits a model from training ratings and a candidate
     * @param folds      folds of each cross-validation, in {@code [2, data.size()]}
     * @param seed       shuffle seed, the same for every candidate
     * @return every candidate's cross-validated errors, best first by RMSE
     * @throws IllegalArgumentException if there is no candidate, or the folds are out of range
     */
    public static <O> Result<O> evaluate(Ratings data, List<O> candidates, RatingLearner<O> learner, int folds,
                                         long seed) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(learner, "learner");
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("candidates must not be empty");
        }
        for (int c = 0; c < candidates.size(); c++) {
            Objects.requireNonNull(candidates.get(c), "candidate " + c);
        }
        List<Split> splits = Folds.kFold(data, folds, seed);
        List<Entry<O>> entries = new ArrayList<>(candidates.size());
        for (O candidate : candidates) {
            CvResult r = CrossValidation.evaluate(splits, String.valueOf(candidate),
                    train -> learner.fit(train, candidate));
            entries.add(new Entry<>(candidate, r));
        }
        entries.sort(Comparator.comparingDouble((Entry<O> e) -> e.result().rmse())
                .thenComparingDouble(e -> e.result().mae()));
        return new Result<>(entries);
    }
}
