package dev.retention.experiment.targeting;

import dev.retention.primitive.IndirectSort;

import java.util.Locale;
import java.util.Objects;

/**
 * Who to treat, given each unit's estimated uplift: rank units by expected incremental value
 * {@code uplift x value - cost} (ties in unit order) and treat from the top, either a fixed fraction, or every unit
 * whose expected incremental value is positive, within an optional budget of units. The result compares the rule
 * with treating everyone and treating no one (whose incremental outcome and value are 0). With value 1 and cost 0
 * the ranking is by uplift. O(n log n).
 *
 * @param treated               units the rule treats
 * @param incrementalOutcome    the sum of the treated units' uplift: the expected extra outcomes
 * @param incrementalValue      the sum of their {@code uplift x value - cost}
 * @param everyoneOutcome       the expected extra outcomes of treating every unit
 * @param everyoneValue         the expected incremental value of treating every unit
 * @param rows                  units considered
 */
public record TargetingRule(int treated, double incrementalOutcome, double incrementalValue, double everyoneOutcome,
                            double everyoneValue, int rows) {

    /**
     * Treats the top fraction by expected incremental value.
     *
     * @param uplift   read: each unit's estimated uplift, finite
     * @param value    the value of one extra outcome, finite and &gt; 0
     * @param cost     the cost of treating one unit, finite and &gt;= 0
     * @param fraction the share of units to treat, in [0, 1] (rounded down to whole units)
     * @return the rule's expected result
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static TargetingRule topFraction(double[] uplift, double value, double cost, double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in [0, 1], got " + fraction);
        }
        check(uplift, value, cost);
        return select(uplift, value, cost, (int) Math.floor(fraction * uplift.length), false);
    }

    /**
     * Treats every unit whose expected incremental value is positive, at most {@code budget} units.
     *
     * @param uplift read: each unit's estimated uplift, finite
     * @param value  the value of one extra outcome, finite and &gt; 0
     * @param cost   the cost of treating one unit, finite and &gt;= 0
     * @param budget the most units to treat, &gt;= 0
     * @return the rule's expected result
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static TargetingRule profitable(double[] uplift, double value, double cost, int budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("budget must be >= 0 units, got " + budget);
        }
        check(uplift, value, cost);
        return select(uplift, value, cost, Math.min(budget, uplift.length), true);
    }

    private static void check(double[] uplift, double value, double cost) {
        Objects.requireNonNull(uplift, "uplift");
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException("value must be finite and > 0, got " + value);
        }
        if (!(cost >= 0 && Double.isFinite(cost))) {
            throw new IllegalArgumentException("cost must be finite and >= 0, got " + cost);
        }
        for (int i = 0; i < uplift.length; i++) {
            if (!Double.isFinite(uplift[i])) {
                throw new IllegalArgumentException("uplift " + i + " is not finite: " + uplift[i]);
            }
        }
    }

    private static TargetingRule select(double[] uplift, double value, double cost, int limit, boolean positiveOnly) {
        int n = uplift.length;
        double[] key = new double[n];
        int[] order = new int[n];
        double allOutcome = 0;
        double allValue = 0;
        for (int i = 0; i < n; i++) {
            double v = uplift[i] * value - cost;
            key[i] = -v;
            order[i] = i;
            allOutcome += uplift[i];
            allValue += v;
        }
        IndirectSort.sortByKey(order, key);
        int treated = 0;
        double outcome = 0;
        double gained = 0;
        for (int r = 0; r < limit; r++) {
            int i = order[r];
            if (positiveOnly && -key[i] <= 0) {
                break;
            }
            treated++;
            outcome += uplift[i];
            gained += -key[i];
        }
        return new TargetingRule(treated, outcome, gained, allOutcome, allValue, n);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "treat %,d of %,d: expected extra outcomes %.2f, value %.2f; everyone %.2f, "
                + "value %.2f; no one 0", treated, rows, incrementalOutcome, incrementalValue, everyoneOutcome,
                everyoneValue);
    }
}
