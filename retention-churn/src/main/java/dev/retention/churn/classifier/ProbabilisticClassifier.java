package dev.retention.churn.classifier;

import dev.retention.matrix.DenseMatrix;
import dev.retention.model.Model;

import java.util.List;
import java.util.Objects;

/**
 * A fitted binary classifier that gives the probability of the positive class (churn) for a row of
 * features, explains each score by per-feature contributions, and saves itself as a model file
 * ({@link Model}). Implemented by logistic regression, the linear SVM with Platt scaling, the decision tree and
 * the random forest of this module. Implementations are immutable and thread-safe; prediction allocates
 * nothing beyond its result and never logs.
 */
public interface ProbabilisticClassifier extends Model {

    /** {@return the number of features a row must have} */
    int featureCount();

    /** {@return the feature names seen in training, in order} */
    List<String> featureNames();

    /**
     * {@return the probability that a row belongs to the positive class} O(features) for linear models,
     * O(depth) per tree for trees.
     *
     * @param features read: {@link #featureCount()} finite values
     * @throws IllegalArgumentException if the length is wrong or a value is not finite
     */
    double probability(double[] features);

    /**
     * The probability of the positive class for every row of {@code x}. O(rows) predictions.
     *
     * @param x read: a matrix with {@link #featureCount()} columns
     * @return one probability per row
     * @throws IllegalArgumentException if the number of columns is wrong
     */
    default double[] probabilities(DenseMatrix x) {
        Objects.requireNonNull(x, "x");
        if (x.columns() != featureCount()) {
            throw new IllegalArgumentException("x has " + x.columns() + " columns, the model was fitted on "
                    + featureCount() + " features");
        }
        double[] out = new double[x.rows()];
        double[] row = new double[x.columns()];
        for (int i = 0; i < out.length; i++) {
            out[i] = probability(x.copyRow(i, row, 0));
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
     * @return the contribution of each feature to this row's score, and the base value
     */
    Contributions contributions(double[] features);
}
