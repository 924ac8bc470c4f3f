package dev.retention.recsys.similarity;

import java.util.Arrays;
import java.util.Objects;

/**
 * Baseline estimates {@code b_xc = mu + rowBias[x] + columnBias[c]} of the entries of a matrix whose
 * rows are compared, as needed by {@link SimilarityMeasure#PEARSON_BASELINE}. For user-user
 * similarity the rows are users and the columns items; for item-item the other way round. Immutable.
 *
 * @param globalMean mean of all entries, finite
 * @param rowBias    bias of each row, finite; copied
 * @param columnBias bias of each column, finite; copied
 */
@SuppressWarnings("ArrayRecordComponent") // arrays copied in and out; equals, hashCode, toString by content
public record Baselines(double globalMean, double[] rowBias, double[] columnBias) {

    /**
     * Validates and copies.
     *
     * @param globalMean mean of all entries, finite
     * @param rowBias    bias of each row, finite; copied
     * @param columnBias bias of each column, finite; copied
     */
    public Baselines {
        if (!Double.isFinite(globalMean)) {
            throw new IllegalArgumentException("globalMean must be finite, got " + globalMean);
        }
        rowBias = checkFinite("rowBias", rowBias);
        columnBias = checkFinite("columnBias", columnBias);
    }

    private static double[] checkFinite(String name, double[] b) {
        Objects.requireNonNull(b, name);
        for (int i = 0; i < b.length; i++) {
            if (!Double.isFinite(b[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + b[i]);
            }
        }
        return b.clone();
    }

    /** {@return the bias of each row, copied} */
    @Override
    public double[] rowBias() {
        return rowBias.clone();
    }

    /** {@return the bias of each column, copied} */
    @Override
    public double[] columnBias() {
        return columnBias.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Baselines b && Double.compare(b.globalMean, globalMean) == 0
                && Arrays.equals(b.rowBias, rowBias) && Arrays.equals(b.columnBias, columnBias);
    }

    @Override
    public int hashCode() {
        return Objects.hash(globalMean, Arrays.hashCode(rowBias), Arrays.hashCode(columnBias));
    }

    @Override
    public String toString() {
        return "Baselines: global mean " + globalMean + ", " + rowBias.length + " row biases, " + columnBias.length
                + " column biases";
    }

    double row(int x) {
        return rowBias[x];
    }

    double column(int c) {
        return columnBias[c];
    }

    int rows() {
        return rowBias.length;
    }

    int columns() {
        return columnBias.length;
    }
}
