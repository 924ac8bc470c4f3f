package dev.retention.experiment.analysis;

import java.util.Locale;
import java.util.Objects;

/**
 * An outcome to compare between arms, and how.
 *
 * @param column the outcome column of the experiment table
 * @param kind   binary (0/1 values: rates, two-proportion tests) or continuous (means, Welch's test)
 */
public record Metric(String column, Kind kind) {

    /** The kind of outcome. */
    public enum Kind {
        /** Values 0 and 1; compared as proportions. */
        BINARY,
        /** Any finite values; compared as means. */
        CONTINUOUS
    }

    /**
     * Checks the fields.
     *
     * @param column the outcome column, non-blank
     * @param kind   the kind
     * @throws IllegalArgumentException if the column is blank
     */
    public Metric {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(kind, "kind");
        if (column.isBlank()) {
            throw new IllegalArgumentException("a metric needs a column name, got '" + column + "'");
        }
    }

    /**
     * Parses {@code NAME:binary} or {@code NAME:continuous}.
     *
     * @param spec the text
     * @return the metric
     * @throws IllegalArgumentException if the text has another form (the message quotes it)
     */
    public static Metric parse(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("a metric must be NAME:binary or NAME:continuous, got '" + spec + "'");
        }
        String kind = spec.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "binary" -> new Metric(spec.substring(0, colon).trim(), Kind.BINARY);
            case "continuous" -> new Metric(spec.substring(0, colon).trim(), Kind.CONTINUOUS);
            default -> throw new IllegalArgumentException("a metric's kind must be binary or continuous, got '"
                    + spec + "'");
        };
    }

    @Override
    public String toString() {
        return column + ":" + kind.name().toLowerCase(Locale.ROOT);
    }
}
