package dev.retention.churn;

import dev.retention.churn.dataset.CustomerTable;
import dev.retention.matrix.DenseMatrix;

/**
 * Fixed data and scikit-learn 1.2.1's answers on it, printed by {@code src/test/python/churn_references.py} (numpy
 * 1.24.2): the data are integer formulas that the script repeats exactly, so no file is shared.
 */
public final class ChurnReferences {

    /** Rows of {@link #features()}. */
    public static final int N = 80;

    /**
     * ROC AUC of each fold (row {@code i} in fold {@code i % 4}) of StandardScaler + LogisticRegression(C=1,
     * tol=1e-10, max_iter=10000) fitted on the other folds.
     */
    private static final double[] FOLD_AUC = {0.9479166666666667, 0.9523809523809524, 0.9500000000000001,
        0.9479166666666666};

    /**
     * The mean of predict_proba over five DecisionTreeClassifier(max_features=None, min_samples_split=2, max_depth=2) fitted
     * with
     * sample_weight = the in-bag counts of the library's RandomForest at seed 42 (tree {@code t}: {@code n} draws of
     * {@code SplittableRandom(Seeds.split(42, t)).nextInt(n)}), on {@link #probes()}.
     */
    private static final double[] FOREST_PROBE_PROBABILITIES = {
        0.1898719986955281, 0.23153866536219478, 0.9945945945945945, 0.04825979825979826, 0.5656730259671436,
        0.4690196078431373, 0.23153866536219478, 0.9945945945945945, 0.04825979825979826, 0.5656730259671436,
        0.04825979825979826, 0.23153866536219478, 0.9124517374517375, 0.04825979825979826, 0.5656730259671436,
        0.04825979825979826, 0.23153866536219478, 0.9945945945945945, 0.04825979825979826, 0.5656730259671436,
        0.8418635021576198, 0.510686274509804, 0.9945945945945945, 0.13061273943626883, 0.6362612612612611,
        0.924006359300477, 0.08992646492646493, 0.9945945945945945, 0.13061273943626883, 0.2706956956956957,
        0.924006359300477, 0.08992646492646493, 0.9124517374517375, 0.1898719986955281, 0.08992646492646493,
        0.924006359300477, 0.08992646492646493, 0.9945945945945945, 0.1898719986955281, 0.17227940610293552};

    /** The mean of those five trees' feature_importances_, normalised (RandomForestClassifier's rule). */
    private static final double[] FOREST_IMPORTANCES = {
        0.8814072935730743, 0.08529876857208962, 0.03329393785483612};

    /**
     * Features by decreasing permutation importance of that forest (sklearn.inspection.permutation_importance,
     * scoring="roc_auc", 20 repeats).
     */
    private static final int[] PERMUTATION_RANKING = {
        0, 1, 2};

    /** {@return a copy of {@link #FOLD_AUC}} */
    public static double[] foldAuc() {
        return FOLD_AUC.clone();
    }

    /** {@return a copy of {@link #FOREST_PROBE_PROBABILITIES}} */
    public static double[] forestProbeProbabilities() {
        return FOREST_PROBE_PROBABILITIES.clone();
    }

    /** {@return a copy of {@link #FOREST_IMPORTANCES}} */
    public static double[] forestImportances() {
        return FOREST_IMPORTANCES.clone();
    }

    /** {@return a copy of {@link #PERMUTATION_RANKING}} */
    public static int[] permutationRanking() {
        return PERMUTATION_RANKING.clone();
    }

    private ChurnReferences() {
    }

    /** Three columns of distinct values: a strong feature, a weak one and one without signal. */
    public static DenseMatrix features() {
        double[][] x = new double[N][];
        for (int i = 0; i < N; i++) {
            x[i] = new double[] {((i * 37) % 101) / 10.0, ((i * 53 + 11) % 97) / 7.0, ((i * 29 + 5) % 89) / 13.0};
        }
        return DenseMatrix.of(x, "strong", "weak", "noise");
    }

    /** The labels: a threshold on the strong feature, the weak one and integer noise. */
    public static int[] labels() {
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            y[i] = ((i * 37) % 101) * 10 - ((i * 53 + 11) % 97) * 2 + ((i * 17) % 23 - 11) * 25 > 480 ? 1 : 0;
        }
        return y;
    }

    /** 40 rows between and around the training values, to score. */
    public static DenseMatrix probes() {
        double[][] p = new double[40][];
        for (int k = 0; k < 40; k++) {
            p[k] = new double[] {((k * 41 + 3) % 103) / 10.3, ((k * 19 + 7) % 101) / 7.3, ((k * 23 + 1) % 91) / 13.1};
        }
        return DenseMatrix.of(p, "strong", "weak", "noise");
    }

    /** {@link #features()} and {@link #labels()} as a numeric customer table. */
    public static CustomerTable table() {
        DenseMatrix x = features();
        CustomerTable.Builder b = CustomerTable.builder(N);
        for (int j = 0; j < 3; j++) {
            double[] col = new double[N];
            for (int i = 0; i < N; i++) {
                col[i] = x.get(i, j);
            }
            b.numeric(x.names().get(j), col);
        }
        return b.labels(labels(), "churn", "1").build();
    }
}
