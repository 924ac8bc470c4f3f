package dev.retention.churn.classifier;

import dev.retention.churn.internal.Checks;

import java.util.Locale;

/**
 * Weights of the two classes in a fit, as scikit-learn's {@code class_weight}: none, "balanced"
 * ({@code n_samples / (2 * count(class))}, so that both classes weigh the same in total), or given.
 * Each row's weight is multiplied by the weight of its class.
 *
 * @param mode     how weights are chosen
 * @param negative weight of class 0 when {@code mode == GIVEN} (1 otherwise)
 * @param positive weight of class 1 when {@code mode == GIVEN} (1 otherwise)
 */
public record ClassWeight(Mode mode, double negative, double positive) {

    /** How the class weights are chosen. */
    public enum Mode {
        /** Every class weighs 1. */
        NONE,
        /** {@code n / (2 * count(class))}, from the labels of the fit. */
        BALANCED,
        /** The given weights. */
        GIVEN
    }

    /**
     * Checks the components (and copies what must be copied).
     *
     * @param mode     how weights are chosen
     * @param negative weight of class 0 when {@code mode == GIVEN} (1 otherwise)
     * @param positive weight of class 1 when {@code mode == GIVEN} (1 otherwise)
     * @throws IllegalArgumentException naming the component and its value when one is out of range
     */
    public ClassWeight {
        java.util.Objects.requireNonNull(mode, "mode");
        if (!(negative > 0) || Double.isInfinite(negative)) {
            throw new IllegalArgumentException("negative class weight must be finite and > 0, got " + negative);
        }
        if (!(positive > 0) || Double.isInfinite(positive)) {
            throw new IllegalArgumentException("positive class weight must be finite and > 0, got " + positive);
        }
    }

    /**
     * No class weights.
     *
     * @return weights of 1 for both classes
     */
    public static ClassWeight none() {
        return new ClassWeight(Mode.NONE, 1, 1);
    }

    /** {@return scikit-learn's {@code class_weight="balanced"}} */
    public static ClassWeight balanced() {
        return new ClassWeight(Mode.BALANCED, 1, 1);
    }

    /**
     * Given weights of class 0 and class 1, each finite and &gt; 0.
     *
     * @param negative weight of class 0 when {@code mode == GIVEN} (1 otherwise)
     * @param positive weight of class 1 when {@code mode == GIVEN} (1 otherwise)
     * @return these weights
     */
    public static ClassWeight of(double negative, double positive) {
        return new ClassWeight(Mode.GIVEN, negative, positive);
    }

    /**
     * The weight of each row: {@code base[i]} (1 when {@code base} is null) times the weight of its class.
     *
     * @param y    read: labels 0 or 1
     * @param base read: row weights, or {@code null}
     * @return a new array
     * @throws IllegalArgumentException if the weights sum outside [{@value Checks#MIN_WEIGHT_SUM},
     *                                  {@value Checks#MAX_WEIGHT_SUM}] (the message names {@code sampleWeights} or
     *                                  the class weights and the largest weight)
     */
    public double[] rowWeights(int[] y, double[] base) {
        int n = y.length;
        int positives = 0;
        for (int v : y) {
            positives += v;
        }
        double w0;
        double w1;
        switch (mode) {
            case NONE -> {
                w0 = 1;
                w1 = 1;
            }
            case BALANCED -> {
                w0 = positives == n ? 1 : n / (2.0 * (n - positives));
                w1 = positives == 0 ? 1 : n / (2.0 * positives);
            }
            default -> {
                w0 = negative;
                w1 = positive;
            }
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = (base == null ? 1 : base[i]) * (y[i] == 1 ? w1 : w0);
        }
        Checks.weightSum(w, base == null ? "class weights " + this
                : mode == Mode.NONE ? "sampleWeights" : "sampleWeights times class weights " + this);
        return w;
    }

    @Override
    public String toString() {
        return switch (mode) {
            case NONE -> "none";
            case BALANCED -> "balanced";
            case GIVEN -> String.format(Locale.ROOT, "{0: %g, 1: %g}", negative, positive);
        };
    }
}
