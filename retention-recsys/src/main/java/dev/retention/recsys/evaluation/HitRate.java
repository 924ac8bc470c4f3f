package dev.retention.recsys.evaluation;

import dev.retention.recsys.RatingPredictor;
import dev.retention.recsys.Recommendations;
import dev.retention.recsys.TopN;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The hit rate of a top-N recommender on a later period (M. Deshpande and G. Karypis, "Item-based top-N
 * recommendation algorithms", ACM TOIS 22(1), 2004, section 6.1, on a split by time): of the
 * customers known before the period who bought an item new to them during it ({@link PurchasePeriod}), the
 * share whose top N, recommended from the purchases before the period among the items they had not bought,
 * held one of those items.
 *
 * @param hits      customers whose top N held an item they then bought, in {@code [0, customers]}
 * @param customers customers scored, {@code >= 0}
 */
public record HitRate(int hits, int customers) {

    /**
     * Checks the counts.
     *
     * @param hits      customers whose top N held an item they then bought, in {@code [0, customers]}
     * @param customers customers scored, {@code >= 0}
     */
    public HitRate {
        if (customers < 0 || hits < 0 || hits > customers) {
            throw new IllegalArgumentException("hits must be in [0, customers] and customers >= 0, got hits " + hits
                    + " and customers " + customers);
        }
    }

    /**
     * Scores a recommender on a period: for every customer of the period, {@link TopN#recommend} with the
     * period's training purchases as the items already seen. O(customers x (items x cost of a score +
     * items log n)).
     *
     * @param model  read; fitted on {@code period.train()} (or on data with the same id spaces)
     * @param period read
     * @param n      items recommended per customer, {@code >= 1}
     * @return the hit rate over the period's customers, with their number
     * @throws IllegalArgumentException if {@code n < 1} or the model's id spaces differ from the period's
     */
    public static HitRate compute(RatingPredictor model, PurchasePeriod period, int n) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(period, "period");
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        int hits = 0;
        for (int k = 0; k < period.customers(); k++) {
            Recommendations top = TopN.recommend(model, period.train(), period.customer(k), n);
            if (hit(top, period.newItems(k))) {
                hits++;
            }
        }
        return new HitRate(hits, period.customers());
    }

    private static boolean hit(Recommendations top, int[] bought) {
        for (int j : bought) {
            if (top.contains(j)) {
                return true;
            }
        }
        return false;
    }

    /** {@return the share of customers with a hit; empty when there was no customer to score} */
    public OptionalDouble rate() {
        return customers == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) hits / customers);
    }

    @Override
    public String toString() {
        return customers == 0 ? "hit rate n/a (no customer)"
                : String.format(Locale.ROOT, "hit rate %.1f%% (%,d of %,d customers)", 100.0 * hits / customers, hits,
                customers);
    }
}
