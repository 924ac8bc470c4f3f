package dev.retention.churn.internal;

import dev.retention.matrix.DenseMatrix;

import java.util.Objects;

/** Validation at the public edge of the classifiers. */
public final class Checks {

    private Checks() {
    }

    /**
     * Checks training labels: one per row, each 0 or 1, both classes present.
     *
     * @return the number of positives
     */
    public static int labels(DenseMatrix x, int[] y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (y.length != x.rows()) {
            throw new IllegalArgumentException("y has " + y.length + " labels but x has " + x.rows() + " rows");
        }
        int positives = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("y[" + i + "] must be 0 or 1, got " + y[i]);
            }
            positives += y[i];
        }
        if (positives == 0 || positives == y.length) {
            throw new IllegalArgumentException("the labels hold a single class: all " + y.length + " rows are "
                    + (positives == 0 ? "0 (no positive)" : "1 (no negative)") + "; a classifier needs both");
        }
        return positives;
    }

    /** Checks row weights: one per row, finite and &gt;= 0, some positive. Returns a copy, or null for none. */
    public static double[] weights(double[] w, int rows) {
        if (w == null) {
            return null;
        }
        if (w.length != rows) {
            throw new IllegalArgumentException("sampleWeights has " + w.length + " values but x has " + rows + " rows");
        }
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new IllegalArgumentException("sampleWeights[" + i + "] must be finite and >= 0, got " + w[i]);
            }
            sum += w[i];
        }
        if (sum == 0) {
            throw new IllegalArgumentException("sampleWeights are all 0");
        }
        return w.clone();
    }

    /** The smallest sum of the row weights a fit takes. */
    public static final double MIN_WEIGHT_SUM = 1e-100;
    /** The largest sum of the row weights a fit takes. */
    public static final double MAX_WEIGHT_SUM = 1e100;

    /**
     * Checks the weights a fit uses (sample weights times class weights): their sum must lie in
     * [{@value #MIN_WEIGHT_SUM}, {@value #MAX_WEIGHT_SUM}]. Within it, sums of weights, their squares (Gini) and
     * their products with per-row losses stay finite and normal; beyond it a tree's shares become
     * {@code Infinity / Infinity} and the linear models' objectives overflow. The weights are refused rather than
     * rescaled because logistic regression and the SVM weigh them against {@code C}: dividing them by a factor
     * changes the fit unless {@code C} is multiplied by the same factor, which the message says.
     *
     * @param w    read: the weights, each finite and &gt;= 0
     * @param what what they are, for the message ({@code "sampleWeights"}, {@code "class weights ..."})
     */
    public static void weightSum(double[] w, String what) {
        double sum = 0;
        double max = 0;
        int arg = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i];
            if (w[i] > max) {
                max = w[i];
                arg = i;
            }
        }
        if (!(sum >= MIN_WEIGHT_SUM && sum <= MAX_WEIGHT_SUM)) {
            throw new IllegalArgumentException("the row weights (" + what + ") sum to " + sum + " (largest " + max
                    + " at row " + arg + "); expected a sum in [" + MIN_WEIGHT_SUM + ", " + MAX_WEIGHT_SUM
                    + "]: divide every weight by one factor (for logistic regression and the SVM, multiply C by the"
                    + " same factor to keep the fit)");
        }
    }

    /** Checks a row given to a model: its length and that every value is finite. */
    public static void row(double[] features, int expected) {
        Objects.requireNonNull(features, "features");
        if (features.length != expected) {
            throw new IllegalArgumentException("features has " + features.length + " values, the model was fitted on "
                    + expected + " features");
        }
        for (int j = 0; j < features.length; j++) {
            if (!Double.isFinite(features[j])) {
                throw new IllegalArgumentException("features[" + j + "] must be finite, got " + features[j]);
            }
        }
    }

    /** Checks a number of threads. */
    public static int threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return threads;
    }
}
