package dev.retention.churn.tree;

import java.util.Locale;
import java.util.Objects;

/**
 * How many features a tree searches at each node, as scikit-learn's {@code max_features}.
 *
 * @param mode  how the number is chosen
 * @param value the fraction ({@link Mode#FRACTION}, in (0, 1]) or the count ({@link Mode#COUNT}, &gt;= 1);
 *              ignored otherwise
 */
public record MaxFeatures(Mode mode, double value) {

    /** How the number of features per node is chosen. */
    public enum Mode {
        /** Every feature. */
        ALL,
        /** {@code max(1, floor(sqrt(p)))}. */
        SQRT,
        /** {@code max(1, floor(log2(p)))}. */
        LOG2,
        /** {@code max(1, floor(value * p))}. */
        FRACTION,
        /** {@code min(value, p)}. */
        COUNT
    }

    /**
     * Checks the components (and copies what must be copied).
     *
     * @param mode  how the number is chosen
     * @param value the fraction ({@link Mode#FRACTION}, in (0, 1]) or the count ({@link Mode#COUNT}, &gt;= 1); ignored
     *              otherwise
     * @throws IllegalArgumentException naming the component and its value when one is out of range
     */
    public MaxFeatures {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.FRACTION && !(value > 0 && value <= 1)) {
            throw new IllegalArgumentException("a max-features fraction must be in (0, 1], got " + value);
        }
        if (mode == Mode.COUNT && !(value >= 1 && value == Math.rint(value))) {
            throw new IllegalArgumentException("a max-features count must be an integer >= 1, got " + value);
        }
    }

    /** {@return every feature} */
    public static MaxFeatures all() {
        return new MaxFeatures(Mode.ALL, 0);
    }

    /** {@return the square root of the number of features} */
    public static MaxFeatures sqrt() {
        return new MaxFeatures(Mode.SQRT, 0);
    }

    /** {@return the base-2 logarithm of the number of features} */
    public static MaxFeatures log2() {
        return new MaxFeatures(Mode.LOG2, 0);
    }

    /**
     * {@return a fraction of the features, in (0, 1]}
     *
     * @param fraction the share of the features, in (0, 1]
     */
    public static MaxFeatures fraction(double fraction) {
        return new MaxFeatures(Mode.FRACTION, fraction);
    }

    /**
     * {@return a fixed number of features, &gt;= 1 (capped at the number of features)}
     *
     * @param count the number of features, &gt;= 1
     */
    public static MaxFeatures count(int count) {
        return new MaxFeatures(Mode.COUNT, count);
    }

    /**
     * {@return the number of features to search for {@code p} features, in [1, p]}
     *
     * @param p the number of features of the data, &gt;= 1
     */
    public int resolve(int p) {
        int k = switch (mode) {
            case ALL -> p;
            case SQRT -> (int) Math.sqrt(p);
            case LOG2 -> (int) (Math.log(p) / Math.log(2));
            case FRACTION -> (int) (value * p);
            case COUNT -> (int) Math.min(value, p);
        };
        return Math.max(1, Math.min(k, p));
    }

    @Override
    public String toString() {
        return switch (mode) {
            case ALL -> "all";
            case SQRT -> "sqrt";
            case LOG2 -> "log2";
            case FRACTION -> String.format(Locale.ROOT, "%g", value);
            case COUNT -> Integer.toString((int) value);
        };
    }
}
