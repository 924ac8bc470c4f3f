package dev.retention.churn.explain;

import dev.retention.churn.ChurnReferences;
import dev.retention.churn.tree.MaxFeatures;
import dev.retention.matrix.DenseMatrix;
import dev.retention.churn.classifier.RandomProblems;
import dev.retention.churn.forest.ForestModel;
import dev.retention.churn.forest.ForestOptions;
import dev.retention.churn.forest.RandomForest;
import dev.retention.churn.logistic.LogisticModel;
import dev.retention.churn.logistic.LogisticOptions;
import dev.retention.churn.logistic.LogisticRegression;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplainTest {

    /** Three features: a strong one, a weak one, and pure noise; labels from the first two. */
    private static Object[] problem(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        DenseMatrix.Builder b = DenseMatrix.builder(n, 3, "strong", "weak", "noise");
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double s = rnd.nextGaussian();
            double w = rnd.nextGaussian();
            b.setRow(i, new double[] {s, w, rnd.nextGaussian()});
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-(2.5 * s + 0.5 * w))) ? 1 : 0;
        }
        return new Object[] {b.build(), y};
    }

    @Test
    void explainer_ranksReasonsByTheirPush() {
        Object[] pr = problem(1, 500);
        DenseMatrix x = (DenseMatrix) pr[0];
        LogisticModel m = LogisticRegression.fit(x, (int[]) pr[1], LogisticOptions.defaults());
        double[] row = {2.0, -1.0, 0.0};
        Explanation e = Explainer.of(m).explain("c1", row, null, 2);
        assertEquals("strong", e.up().get(0).feature());
        assertEquals(m.coefficients()[0] * 2.0, e.up().get(0).contribution(), 1e-12);
        assertEquals("weak", e.down().get(0).feature());
        assertEquals(m.probability(row), e.probability(), 1e-12);
        assertTrue(e.toString().startsWith("c1: churn risk"), e.toString());
        Explanation labelled = Explainer.grouped(m, new String[] {"a", "a", "b"}).explain("c2", row,
                new String[] {"a=2", "b=0"}, 1);
        double sum = m.coefficients()[0] * 2.0 - m.coefficients()[1];
        assertEquals(sum > 0 ? "a=2" : "b=0", sum > 0 ? labelled.up().get(0).feature() : labelled.down().get(0).feature());
        assertThrows(IllegalArgumentException.class, () -> Explainer.of(m).explain("c", row, null, 0));
        assertThrows(IllegalArgumentException.class, () -> Explainer.grouped(m, new String[] {"a"}));
    }

    @Test
    void permutationImportance_findsTheInformativeFeatures() {
        Object[] train = problem(2, 600);
        Object[] test = problem(3, 400);
        ForestModel f = RandomForest.fit((DenseMatrix) train[0], (int[]) train[1], ForestOptions.defaults()
                .withTrees(30));
        PermutationImportance pi = PermutationImportance.compute(f, (DenseMatrix) test[0], (int[]) test[1], 3, 7);
        double[] mean = pi.mean();
        assertTrue(mean[0] > mean[1] && mean[1] > mean[2], java.util.Arrays.toString(mean));
        assertTrue(Math.abs(mean[2]) < 0.02, "noise importance " + mean[2]);
        assertTrue(pi.baseline() > 0.8, "baseline AUC " + pi.baseline());
        PermutationImportance again = PermutationImportance.compute(f, (DenseMatrix) test[0], (int[]) test[1], 3, 7);
        assertArrayEquals(mean, again.mean(), 0.0);
        assertTrue(pi.toString().contains("strong"));
        // grouping the two informative features permutes them together: a larger drop than either alone
        PermutationImportance grouped = PermutationImportance.compute(f, (DenseMatrix) test[0], (int[]) test[1],
                new int[] {0, 0, 1}, new String[] {"signal", "noise"}, 3, 7);
        assertTrue(grouped.mean()[0] >= mean[0] - 1e-9, grouped.toString());
        assertThrows(IllegalArgumentException.class, () -> PermutationImportance.compute(f, (DenseMatrix) test[0],
                (int[]) test[1], 0, 1));
    }

    /**
     * On the fixed-bootstrap forest of {@code ChurnReferences}, the impurity importances are scikit-learn
     * 1.2.1's (1e-12) and rank the strong feature first, and permutation importance ranks it first as scikit-learn's
     * {@code permutation_importance(scoring="roc_auc")} does on the same trees.
     */
    @Test
    void impurityImportances_agreeOnTheStrongFeature() {
        ForestOptions o = ForestOptions.scikitLearnDefaults().withTrees(5).withSeed(42)
                .withTree(ForestOptions.scikitLearnDefaults().tree().withMaxFeatures(MaxFeatures.all()).withMaxDepth(2));
        ForestModel f = RandomForest.fit(ChurnReferences.features(), ChurnReferences.labels(), o);
        double[] imp = f.impurityImportances();
        assertArrayEquals(ChurnReferences.forestImportances(), imp, 1e-12);
        assertTrue(imp[0] > imp[1] && imp[0] > imp[2], java.util.Arrays.toString(imp));
        double[] pi = PermutationImportance.compute(f, ChurnReferences.features(), ChurnReferences.labels(), 20, 0)
                .mean();
        int strongest = pi[0] >= pi[1] && pi[0] >= pi[2] ? 0 : pi[1] >= pi[2] ? 1 : 2;
        assertEquals(ChurnReferences.permutationRanking()[0], strongest, java.util.Arrays.toString(pi));
    }
}
