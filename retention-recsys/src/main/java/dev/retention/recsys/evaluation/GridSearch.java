package dev.retention.recsys.evaluation;

import dev.retention.recsys.Ratings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Exhaustive search over a grid of parameter values, as Surprise's {@code GridSearchCV}: every
 * combination of the values given for each parameter is cross-validated on the same folds (same
 * seed), and the combinations are ranked by mean RMSE (ties by mean MAE, then grid order).
 * O(combinations x folds x cost of a fit and a test).
 */
public final class GridSearch {

    private GridSearch() {
    }

    /** One combination and its cross-validation. */
    public record Entry(Map<String, String> params, CvResult result) {
    }

    /** The ranked entries of a search; {@link #best()} is the first. */
    public record Result(String algorithm, List<Entry> entries) {
        /** The combination with the lowest mean RMSE. */
        public Entry best() {
            return entries.get(0);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format("Grid search of %s: %d combinations%n%8s %8s  %s%n",
                    algorithm, entries.size(), "RMSE", "MAE", "parameters"));
            for (Entry e : entries) {
                sb.append(String.format("%8.4f %8.4f  %s%n", e.result().rmse(), e.result().mae(), e.params()));
            }
            return sb.toString();
        }
    }

    /**
     * Runs the search.
     *
     * @param data      read
     * @param algorithm a name of {@link Algorithms}
     * @param grid      parameter name to the values to try (each list non-empty); read
     * @param folds     folds of each cross-validation
     * @param seed      shuffle seed, the same for every combination
     * @throws IllegalArgumentException for an unknown algorithm or parameter, an empty value list or a bad value
     */
    public static Result run(Ratings data, String algorithm, Map<String, List<String>> grid, int folds, long seed) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(grid, "grid");
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> g : grid.entrySet()) {
            if (g.getValue().isEmpty()) {
                throw new IllegalArgumentException("the grid must give at least one value for '" + g.getKey() + "'");
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos) {
                for (String v : g.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(g.getKey(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        List<ModelFactory> factories = new ArrayList<>();
        for (Map<String, String> c : combos) {
            factories.add(Algorithms.factory(algorithm, c));   // all checked before any fit
        }
        List<Split> splits = Folds.kFold(data, folds, seed);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < combos.size(); i++) {
            entries.add(new Entry(Map.copyOf(combos.get(i)), CrossValidation.run(splits, algorithm, factories.get(i))));
        }
        List<Entry> ranked = new ArrayList<>(entries);
        ranked.sort(Comparator.comparingDouble((Entry e) -> e.result().rmse())
                .thenComparingDouble(e -> e.result().mae()));
        return new Result(algorithm, List.copyOf(ranked));
    }
}
