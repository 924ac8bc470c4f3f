package dev.retention.churn.classifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A fitted binary classifier that gives the probability of the positive class (churn) for a row of
 * features, explains each score by per-feature contributions, and saves itself with the model file
 * format. Implemented by logistic regression, the linear SVM with Platt scaling, the decision tree and
 * the random forest of this module. Implementations are immutable and thread-safe; prediction allocates
 * nothing beyond its result and never logs.
 */
public interface ProbabilisticClassifier {

    /** The model type written into model files, for example {@code "logistic-regression"}. */
    String modelType();

    /** Number of features a row must have. */
    int featureCount();

    /** The feature names seen in training; a copy. */
    String[] featureNames();

    /**
     * The probability that a row belongs to the positive class. O(features) for linear models,
     * O(depth) per tree for trees.
     *
     * @param features read: {@link #featureCount()} finite values
     * @throws IllegalArgumentException if the length is wrong or a value is not finite
     */
    double probability(double[] features);

    /**
     * The probability of the positive class for every row of {@code x}.
     *
     * @param x read: a matrix with {@link #featureCount()} columns
     * @return one probability per row
     * @throws IllegalArgumentException if the number of columns is wrong
     */
    default double[] probabilities(FeatureMatrix x) {
        Objects.requireNonNull(x, "x");
        if (x.cols() != featureCount()) {
            throw new IllegalArgumentException("x has " + x.cols() + " columns, the model was fitted on "
                    + featureCount() + " features");
        }
        double[] out = new double[x.rows()];
        double[] row = new double[x.cols()];
        for (int i = 0; i < out.length; i++) {
            out[i] = probability(x.copyRow(i, row));
        }
        return out;
    }

    /**
     * How much each feature pushes this row's score up or down from the model's base value: for linear
     * models the coefficient times the feature value on the log-odds scale, for trees the path
     * contributions on the probability scale (Saabas). The base plus the contributions give the
     * score ({@link Contributions#output()}).
     *
     * @param features read: {@link #featureCount()} finite values
     */
    Contributions contributions(double[] features);

    /** What the fit did: algorithm, options, iterations, convergence, objective history. */
    FitSummary summary();

    /** The model as model-file bytes. */
    byte[] toBytes();

    /**
     * Writes the model as a model file (written to a temporary file, then moved into place).
     *
     * @throws IOException if the file cannot be written
     */
    void save(Path path) throws IOException;
}
