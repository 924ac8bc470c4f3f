package dev.retention.recsys.internal;

import java.util.Locale;

/**
 * The limits every learner of the module checks at its public edge, with one message each: training data must
 * hold a rating (a model of nothing would answer the scale's clip of 0 as if it knew), epochs and iterations are
 * bounded (a hostile or mistyped {@code n_epochs=100000000} must not run for days), and an id space must fit an
 * array. Imports no API package of the module.
 */
public final class Limits {

    /** The most epochs (passes over the ratings) or iterations any options record of the module accepts. */
    public static final int MAX_EPOCHS = 1_000_000;

    /**
     * The largest magnitude of a float factor a model file may hold, 2^50 (about 1.1e15): a dot product of a thousand
     * factors of this size stays far below {@link Float#MAX_VALUE}, so no score a model computes in float overflows.
     */
    public static final float MAX_FACTOR = 0x1p50f;

    /** The largest id space (users or items): the row pointers of a CSR matrix hold one more entry. */
    public static final int MAX_ID_SPACE = Integer.MAX_VALUE - 9;

    private Limits() {
    }

    /**
     * Throws unless the training data holds a rating.
     *
     * @param parameter the parameter's name, such as {@code "train"}
     * @param ratings   the number of ratings it holds
     * @throws IllegalArgumentException naming the parameter when {@code ratings} is 0
     */
    public static void requireRatings(String parameter, int ratings) {
        if (ratings <= 0) {
            throw new IllegalArgumentException(parameter + " must hold at least one rating, got none");
        }
    }

    /**
     * Throws unless a number of epochs or iterations lies in {@code [min, MAX_EPOCHS]}.
     *
     * @param parameter the option's name, such as {@code "epochs"}
     * @param value     its value
     * @param min       the smallest value allowed (0 or 1)
     * @throws IllegalArgumentException naming the option, the value and the range
     */
    public static void requireEpochs(String parameter, int value, int min) {
        if (value < min || value > MAX_EPOCHS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be in [%d, %,d], got %d",
                    parameter, min, MAX_EPOCHS, value));
        }
    }

    /**
     * Throws unless an id-space size lies in {@code [0, MAX_ID_SPACE]}.
     *
     * @param parameter the parameter's name, such as {@code "userCount"}
     * @param size      its value
     * @throws IllegalArgumentException naming the parameter, the value and the range
     */
    public static void requireIdSpace(String parameter, int size) {
        if (size < 0 || size > MAX_ID_SPACE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be in [0, %d], got %d",
                    parameter, MAX_ID_SPACE, size));
        }
    }

    /**
     * Throws unless every value is finite and at most {@link #MAX_FACTOR} in magnitude.
     *
     * @param parameter the parameter's name, such as {@code "itemFactors"}
     * @param values    read
     * @throws IllegalArgumentException naming the parameter, the first offending position and its value
     */
    public static void requireFactors(String parameter, float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!(Math.abs(values[i]) <= MAX_FACTOR)) {
                throw new IllegalArgumentException(parameter + "[" + i + "] must be finite and within +-" + MAX_FACTOR
                        + ", got " + values[i]);
            }
        }
    }
}
