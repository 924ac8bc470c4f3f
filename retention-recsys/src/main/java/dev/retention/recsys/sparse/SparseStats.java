package dev.retention.recsys.sparse;

import java.util.Locale;

/**
 * Statistics of the stored entries of each row (or each column) of a sparse matrix: count, sum, mean
 * and Euclidean norm. Means are over stored entries only (the mean rating of a user, not over all
 * items), and 0 for an empty row. Immutable; getters copy.
 */
public final class SparseStats {

    private final int[] counts;
    private final double[] sums;
    private final double[] sumsOfSquares;

    SparseStats(int[] counts, double[] sums, double[] sumsOfSquares) {
        this.counts = counts;
        this.sums = sums;
        this.sumsOfSquares = sumsOfSquares;
    }

    /** {@return the number of rows (or columns) described} */
    public int size() {
        return counts.length;
    }

    /**
     * {@return the stored entries of {@code i}}
     *
     * @param i row or column, as the statistics were taken
     */
    public int count(int i) {
        return counts[i];
    }

    /**
     * {@return the sum of the stored values of {@code i}}
     *
     * @param i row or column, as the statistics were taken
     */
    public double sum(int i) {
        return sums[i];
    }

    /**
     * {@return the mean of the stored values of {@code i}, 0 when there are none}
     *
     * @param i row or column, as the statistics were taken
     */
    public double mean(int i) {
        return counts[i] == 0 ? 0 : sums[i] / counts[i];
    }

    /**
     * {@return Euclidean norm of {@code i}}
     *
     * @param i row or column, as the statistics were taken
     */
    public double norm(int i) {
        return Math.sqrt(sumsOfSquares[i]);
    }

    /** {@return all counts, copied} */
    public int[] counts() {
        return counts.clone();
    }

    /** {@return all sums, copied} */
    public double[] sums() {
        return sums.clone();
    }

    /** {@return all means, a new array} */
    public double[] means() {
        double[] m = new double[counts.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = mean(i);
        }
        return m;
    }

    /** {@return all norms, a new array} */
    public double[] norms() {
        double[] m = new double[counts.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = norm(i);
        }
        return m;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "SparseStats of %,d%n%8s %8s %12s %10s %10s%n", size(),
                "index", "count", "sum", "mean", "norm"));
        for (int i = 0; i < Math.min(size(), 10); i++) {
            sb.append(String.format(Locale.ROOT, "%8d %8d %12.4f %10.4f %10.4f%n", i, count(i), sum(i), mean(i), norm(i)));
        }
        if (size() > 10) {
            sb.append(String.format(Locale.ROOT, "%8s%n", "..."));
        }
        return sb.toString();
    }
}
