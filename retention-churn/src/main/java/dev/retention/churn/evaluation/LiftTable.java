package dev.retention.churn.evaluation;

import java.util.Locale;

/**
 * Lift and cumulative gains by score group (deciles by default), the table a marketing team reads: "the
 * 10% of customers the model ranks riskiest hold 32% of the churners, a lift of 3.2".
 *
 * <p>Rows are ranked by decreasing score; a row of rank {@code r} (0-based) falls in group
 * {@code floor(r * groups / n)}, where tied scores all take the rank of the first of their tie group
 * (pandas {@code rank(method="min")}), so that equal scores always share a group and the table does not
 * depend on the input order. Groups may therefore be unequal, or empty under heavy ties (an empty group
 * has rate and lift 0). Lift is a group's positive rate over the overall positive rate; gain is the
 * cumulative share of all positives captured down to the group; cumulative lift is gain over the
 * cumulative share of rows.
 */
public final class LiftTable {

    private final long[] rows;
    private final long[] positives;
    private final long totalPositives;
    private final long total;

    private LiftTable(long[] rows, long[] positives, long totalPositives, long total) {
        this.rows = rows;
        this.positives = positives;
        this.totalPositives = totalPositives;
        this.total = total;
    }

    /**
     * Builds the table. O(n log n).
     *
     * @param labels read: 0 or 1, at least one positive
     * @param scores read: finite scores, higher meaning more likely positive
     * @param groups number of groups, in [1, n] (10 for deciles)
     * @return the lift table, one row per group
     */
    public static LiftTable compute(int[] labels, double[] scores, int groups) {
        int totalPositives = BinaryLabels.check(labels, scores, "scores");
        int n = labels.length;
        if (groups < 1 || groups > n) {
            throw new IllegalArgumentException("groups must be in [1, n=" + n + "], got " + groups);
        }
        if (totalPositives == 0) {
            throw new IllegalArgumentException("a lift table needs at least one positive label, got none in "
                    + n + " rows");
        }
        int[] order = BinaryLabels.orderByDecreasingScore(scores);
        long[] rows = new long[groups];
        long[] pos = new long[groups];
        int i = 0;
        while (i < n) {
            int first = i;
            double s = scores[order[i]];
            int g = (int) ((long) first * groups / n);
            while (i < n && scores[order[i]] == s) {
                rows[g]++;
                pos[g] += labels[order[i]];
                i++;
            }
        }
        return new LiftTable(rows, pos, totalPositives, n);
    }

    /** {@return the number of groups} */
    public int groups() {
        return rows.length;
    }

    /**
     * {@return rows in group {@code g} (0 = highest scores)}
     *
     * @param g group, in [0, groups()), 0 the highest scores
     */
    public long rows(int g) {
        return rows[g];
    }

    /**
     * {@return positives in group {@code g}}
     *
     * @param g group, in [0, groups()), 0 the highest scores
     */
    public long positives(int g) {
        return positives[g];
    }

    /**
     * {@return the share of positives in group {@code g}; 0 for an empty group}
     *
     * @param g group, in [0, groups()), 0 the highest scores
     */
    public double rate(int g) {
        return rows[g] == 0 ? 0 : (double) positives[g] / rows[g];
    }

    /**
     * {@return the group rate over the overall rate}
     *
     * @param g group, in [0, groups()), 0 the highest scores
     */
    public double lift(int g) {
        return rate(g) / ((double) totalPositives / total);
    }

    /**
     * {@return the cumulative share of all positives in groups 0..g}
     *
     * @param g group, in [0, groups()), 0 the highest scores
     */
    public double gain(int g) {
        long p = 0;
        for (int k = 0; k <= g; k++) {
            p += positives[k];
        }
        return (double) p / totalPositives;
    }

    /**
     * {@return the cumulative share of all rows in groups 0..g}
     *
     * @param g group, in [0, groups()), 0 the highest scores
     */
    public double cumulativeShare(int g) {
        long r = 0;
        for (int k = 0; k <= g; k++) {
            r += rows[k];
        }
        return (double) r / total;
    }

    /**
     * {@return the gain over cumulative share of rows; 0 while no row has been reached}
     *
     * @param g group, in [0, groups()), 0 the highest scores
     */
    public double cumulativeLift(int g) {
        double share = cumulativeShare(g);
        return share == 0 ? 0 : gain(g) / share;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%5s %10s %10s %8s %7s %9s %8s %9s%n", "group", "rows", "positives",
                "rate", "lift", "cum.rows", "gain", "cum.lift"));
        for (int g = 0; g < rows.length; g++) {
            sb.append(String.format(Locale.ROOT, "%5d %,10d %,10d %8.4f %7.3f %8.1f%% %7.1f%% %9.3f%n", g + 1, rows[g],
                    positives[g], rate(g), lift(g), 100 * cumulativeShare(g), 100 * gain(g), cumulativeLift(g)));
        }
        return sb.toString();
    }
}
