package dev.retention.lifetime.clv;

import dev.retention.data.IdIndex;
import dev.retention.primitive.IndirectSort;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Customer lifetime values with their ingredients, per customer of a summary: P(alive), expected purchases
 * over the horizon, expected spend per purchase and the discounted value; and the customers ranked by value.
 * Immutable and thread-safe; arrays are copied out.
 */
public final class ClvTable {

    private final IdIndex ids;
    private final int[] frequency;
    private final double[] alive;
    private final double[] expected;
    private final double[] spend;
    private final double[] clv;
    private final ClvOptions options;
    private final String model;

    ClvTable(IdIndex ids, int[] frequency, double[] alive, double[] expected, double[] spend, double[] clv,
             ClvOptions options, String model) {
        this.ids = ids;
        this.frequency = frequency;
        this.alive = alive;
        this.expected = expected;
        this.spend = spend;
        this.clv = clv;
        this.options = options;
        this.model = model;
    }

    /** {@return the number of customers} */
    public int size() {
        return clv.length;
    }

    /** {@return the customers' ids} */
    public IdIndex customers() {
        return ids;
    }

    /** {@return the options the values were computed with} */
    public ClvOptions options() {
        return options;
    }

    /**
     * {@return P(alive) of customer {@code i} at the end of calibration}
     *
     * @param i customer, in [0, size())
     */
    public double probabilityAlive(int i) {
        return alive[i];
    }

    /**
     * {@return the expected purchases of customer {@code i} over the horizon, undiscounted}
     *
     * @param i customer, in [0, size())
     */
    public double expectedPurchases(int i) {
        return expected[i];
    }

    /**
     * {@return the expected spend per purchase of customer {@code i} (Gamma-Gamma)}
     *
     * @param i customer, in [0, size())
     */
    public double expectedSpend(int i) {
        return spend[i];
    }

    /**
     * {@return the discounted lifetime value of customer {@code i} over the horizon}
     *
     * @param i customer, in [0, size())
     */
    public double clv(int i) {
        return clv[i];
    }

    /** {@return all lifetime values, copied} */
    public double[] clvs() {
        return clv.clone();
    }

    /** {@return all P(alive), copied} */
    public double[] probabilitiesAlive() {
        return alive.clone();
    }

    /** {@return the sum of the lifetime values} */
    public double total() {
        double s = 0;
        for (double v : clv) {
            s += v;
        }
        return s;
    }

    /**
     * {@return the customers' positions ordered by lifetime value, highest first; equal values by position} O(n log n).
     */
    public int[] ranking() {
        int n = clv.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IndirectSort.sort(order, (p, q) -> {
            int c = Double.compare(clv[q], clv[p]);
            return c != 0 ? c : Integer.compare(p, q);
        });
        return order;
    }

    /**
     * {@return a table of the {@code n} most valuable customers: rank, id, frequency, P(alive), expected purchases,
     * expected spend and CLV}
     *
     * @param n rows, {@code >= 0}; fewer when the table is smaller
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public String top(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        int[] rank = ranking();
        int shown = Math.min(n, rank.length);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%5s %-14s %6s %9s %12s %12s %12s%n", "rank", "customer", "x", "P(alive)",
                "purchases", "spend", "CLV"));
        for (int k = 0; k < shown; k++) {
            int i = rank[k];
            sb.append(String.format(Locale.ROOT, "%5d %-14s %6d %9.4f %12.4f %12.2f %12.2f%n", k + 1, ids.id(i),
                    frequency[i], alive[i], expected[i], spend[i], clv[i]));
        }
        return sb.toString();
    }

    /**
     * Writes every customer as CSV: {@code customer,frequency,p_alive,expected_purchases,expected_spend,clv},
     * in ranking order.
     *
     * @param path the file, UTF-8, replaced if it exists
     * @throws IOException if the file cannot be written
     */
    public void writeCsv(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            w.write("customer,frequency,p_alive,expected_purchases,expected_spend,clv\n");
            for (int i : ranking()) {
                w.write(String.format(Locale.ROOT, "%s,%d,%.10g,%.10g,%.10g,%.10g%n", ids.id(i), frequency[i], alive[i],
                        expected[i], spend[i], clv[i]));
            }
        }
    }

    /** The horizon, the discount rate, the total and the ten most valuable customers. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CLV (%s + Gamma-Gamma) of %,d customers over %d months at %.4g%% a month:"
                        + " total %,.2f%n%s", model, size(), options.horizonMonths(), 100 * options.monthlyRate(),
                total(), top(10));
    }
}
