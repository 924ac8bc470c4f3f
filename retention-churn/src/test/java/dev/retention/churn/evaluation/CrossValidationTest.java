package dev.retention.churn.evaluation;

import dev.retention.model.FitControl;
import dev.retention.churn.ChurnReferences;
import dev.retention.churn.classifier.Learner;
import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.logistic.LogisticOptions;
import dev.retention.churn.logistic.LogisticRegression;
import dev.retention.churn.pipeline.ChurnPipeline;
import dev.retention.churn.pipeline.ChurnPipelineModel;
import dev.retention.churn.preprocess.PreprocessOptions;
import dev.retention.churn.evaluation.ClassificationMetrics;
import dev.retention.churn.evaluation.MetricSummary;
import dev.retention.evaluation.StratifiedKFold;
import dev.retention.evaluation.TrainTestSplit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrossValidationTest {

    static CustomerTable table(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] a = new double[n];
        double[] b = new double[n];
        String[] c = new String[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextGaussian() * 10 + 50;
            b[i] = rnd.nextInt(10) == 0 ? Double.NaN : rnd.nextGaussian();
            c[i] = "c" + rnd.nextInt(4);
            double z = 0.1 * (a[i] - 50) + (Double.isNaN(b[i]) ? 0 : b[i]) + (c[i].equals("c0") ? 1 : 0);
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        return CustomerTable.builder(n).numeric("a", a).numeric("b", b).categorical("c", c).labels(y, "y", "1").build();
    }

    @Test
    void crossValidation_fitsEachFoldOnItsTrainingRowsOnly() {
        CustomerTable t = table(1, 300);
        Learner l = LogisticRegression.learner(LogisticOptions.defaults());
        CrossValidationResult r = CrossValidation.evaluate(t, PreprocessOptions.defaults(), l, 4, 5, FitControl.defaults());
        assertEquals(4, r.folds());
        assertTrue(r.allConverged());
        // the same folds fitted by hand give the same out-of-fold predictions
        StratifiedKFold folds = StratifiedKFold.split(t.labels(), 4, 5);
        double[] expected = new double[300];
        for (int f = 0; f < 4; f++) {
            ChurnPipelineModel p = ChurnPipeline.fit(t, folds.trainRows(f), PreprocessOptions.defaults(), l, FitControl.defaults());
            double[] s = p.score(t, folds.testRows(f)).probabilities();
            int[] test = folds.testRows(f);
            for (int k = 0; k < test.length; k++) {
                expected[test[k]] = s[k];
            }
            assertEquals(ClassificationMetrics.rocAuc(t.labels(test), s), r.foldMetrics().get(f).rocAuc(), 1e-12);
        }
        assertArrayEquals(expected, r.outOfFold(), 0.0);
        assertEquals(ClassificationMetrics.rocAuc(t.labels(), expected), r.pooled().rocAuc(), 1e-12);
        assertTrue(r.toString().contains("mean"), r.toString());
        int[] foldOf = new int[300];
        for (int i = 0; i < 300; i++) {
            foldOf[i] = folds.foldOf(i);
        }
        assertArrayEquals(r.outOfFold(), CrossValidation.evaluate(t, PreprocessOptions.defaults(), l, foldOf,
                FitControl.defaults()).outOfFold(), 0.0);
    }

    @Test
    void holdout_andGridSearch() {
        CustomerTable t = table(2, 400);
        HoldoutResult h = CrossValidation.holdout(t, PreprocessOptions.defaults(),
                LogisticRegression.learner(LogisticOptions.defaults()), 0.25, 3, FitControl.defaults());
        assertEquals(100, h.labels().length);
        assertEquals(10, h.liftTable().groups());
        assertTrue(h.calibration().size() > 0);
        List<LogisticOptions> grid = List.of(LogisticOptions.defaults().withC(1e-6), LogisticOptions.defaults());
        GridSearch.Result<LogisticOptions> g = GridSearch.evaluate(t, PreprocessOptions.defaults(), grid,
                LogisticRegression::learner, 3, 1);
        double best = g.bestResult().meanAuc();
        for (CrossValidationResult r : g.results()) {
            assertTrue(best >= r.meanAuc());
        }
        assertEquals(grid.get(g.bestIndex()), g.best());
        // each candidate's result is its own cross-validation on the grid's folds
        StratifiedKFold folds = StratifiedKFold.split(t.labels(), 3, 1);
        for (int k = 0; k < grid.size(); k++) {
            assertArrayEquals(CrossValidation.evaluate(t, PreprocessOptions.defaults(),
                    LogisticRegression.learner(grid.get(k)), folds, FitControl.defaults()).outOfFold(),
                    g.results().get(k).outOfFold(), 0.0);
        }
        assertTrue(g.toString().contains("best"), g.toString());
        assertTrue(g.table(List.of("tiny C", "C=1")).contains("tiny C"));
        assertThrows(IllegalArgumentException.class, () -> g.table(List.of("one")));
        assertThrows(IllegalArgumentException.class, () -> GridSearch.evaluate(t, PreprocessOptions.defaults(),
                List.<LogisticOptions>of(), LogisticRegression::learner, 3, 1));
    }

    @Test
    void badInput_isRejected() {
        CustomerTable t = table(3, 50);
        Learner l = LogisticRegression.learner(LogisticOptions.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.evaluate(t, PreprocessOptions.defaults(), l, new int[49], FitControl.defaults()));
        assertTrue(e.getMessage().contains("49 rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.evaluate(t, PreprocessOptions.defaults(), l, new int[50], FitControl.defaults()));
        assertTrue(e.getMessage().contains("at least 2 folds"), e.getMessage());
        CustomerTable unlabelled = CustomerTable.builder(3).numeric("a", new double[] {1, 2, 3}).build();
        assertThrows(IllegalArgumentException.class, () -> CrossValidation.holdout(unlabelled,
                PreprocessOptions.defaults(), l, new TrainTestSplit(new int[] {0}, new int[] {1}), FitControl.defaults()));
        MetricSummary s = CrossValidation.holdout(t, PreprocessOptions.defaults(), l, 0.3, 1, FitControl.defaults()).metrics();
        assertTrue(s.rocAuc() >= 0 && s.rocAuc() <= 1);
    }

    /**
     * Given folds whose training rows hold one class cannot be fitted, and a test fold of one class has no
     * ROC AUC; both are refused naming the fold, instead of a bare "single class" from inside the fit or a NaN mean.
     */
    @Test
    void singleClassFolds_areRefusedNamingTheFold() {
        CustomerTable t = table(4, 120);
        Learner l = LogisticRegression.learner(LogisticOptions.defaults());
        int[] y = t.labels();
        int[] byClass = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            byClass[i] = y[i];   // fold 1 holds every churner: fold 0's training rows are all churners
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.evaluate(t, PreprocessOptions.defaults(), l, byClass, FitControl.defaults()));
        assertTrue(e.getMessage().contains("fold 0 of 2") && e.getMessage().contains("training rows hold a single "
                + "class (all positive)"), e.getMessage());
        int[] threeFolds = new int[y.length];
        int negatives = 0;
        for (int i = 0; i < y.length; i++) {
            // fold 0: the first five non-churners only; the rest alternate between folds 1 and 2
            threeFolds[i] = y[i] == 0 && negatives++ < 5 ? 0 : 1 + i % 2;
        }
        e = assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.evaluate(t, PreprocessOptions.defaults(), l, threeFolds, FitControl.defaults()));
        assertTrue(e.getMessage().contains("fold 0 of 3: its 5 test rows hold a single class (all negative)"),
                e.getMessage());
    }

    /**
     * The reported fold AUCs are scikit-learn's (1.2.1, {@code ChurnReferences.FOLD_AUC}: StandardScaler and
     * LogisticRegression(C=1, tol=1e-10) on each fold, roc_auc_score) on fixed folds (row i in fold i % 4); tolerance
     * 1e-12, AUC being a count of ordered pairs that both fits rank alike.
     */
    @Test
    void foldAucs_matchScikitLearnOnFixedFolds() {
        CustomerTable t = ChurnReferences.table();
        int[] foldOf = new int[t.rows()];
        for (int i = 0; i < foldOf.length; i++) {
            foldOf[i] = i % 4;
        }
        CrossValidationResult r = CrossValidation.evaluate(t, PreprocessOptions.defaults(), LogisticRegression.learner(
                LogisticOptions.defaults().withTolerance(1e-10).withMaxIterations(10_000)), foldOf, FitControl.defaults());
        for (int f = 0; f < 4; f++) {
            assertEquals(ChurnReferences.foldAuc()[f], r.foldMetrics().get(f).rocAuc(), 1e-12, "fold " + f);
        }
        assertEquals(java.util.Arrays.stream(ChurnReferences.foldAuc()).average().orElseThrow(), r.meanAuc(), 1e-12);
    }
}
