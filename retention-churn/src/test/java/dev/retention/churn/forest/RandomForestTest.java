package dev.retention.churn.forest;

import dev.retention.churn.ChurnReferences;
import dev.retention.churn.classifier.Contributions;
import dev.retention.model.FitControl;
import dev.retention.model.Models;
import dev.retention.matrix.DenseMatrix;
import dev.retention.churn.classifier.RandomProblems;
import dev.retention.churn.tree.MaxFeatures;
import dev.retention.churn.evaluation.ClassificationMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomForestTest {

    private static final RandomProblems.Problem P = RandomProblems.generate(42, 600, 6, false);
    private static final RandomProblems.Problem HOLDOUT = RandomProblems.generate(42, 1200, 6, false);

    @Test
    void forest_isTheSameForAnyNumberOfThreads() {
        ForestOptions o = ForestOptions.defaults().withTrees(30).withSeed(7);
        ForestModel one = RandomForest.fit(P.x(), P.y(), o);
        ForestModel three = RandomForest.fit(P.x(), P.y(), o.withThreads(3));
        assertArrayEquals(one.probabilities(P.x()), three.probabilities(P.x()), 0.0);
        assertEquals(one.oobAccuracy(), three.oobAccuracy());
        assertEquals(one.oobAuc(), three.oobAuc());
        assertArrayEquals(one.impurityImportances(), three.impurityImportances(), 0.0);
        ForestModel other = RandomForest.fit(P.x(), P.y(), o.withSeed(8));
        assertNotEquals(one.oobAuc(), other.oobAuc());
    }

    @Test
    void outOfBagEstimate_isCloseToAHoldoutEstimate() {
        ForestModel m = RandomForest.fit(P.x(), P.y(), ForestOptions.defaults().withSeed(1));
        assertEquals(600, m.oobRows());   // with 100 trees every row is out of bag for some tree
        // the second half of the holdout problem was generated from the same model but never trained on
        int[] rows = new int[600];
        for (int i = 0; i < 600; i++) {
            rows[i] = 600 + i;
        }
        DenseMatrix test = HOLDOUT.x().selectRows(rows);
        int[] y = Arrays.stream(rows).map(i -> HOLDOUT.y()[i]).toArray();
        double holdoutAuc = ClassificationMetrics.rocAuc(y, m.probabilities(test));
        assertEquals(holdoutAuc, m.oobAuc(), 0.05, "out-of-bag AUC " + m.oobAuc() + " vs holdout " + holdoutAuc);
        assertTrue(m.oobAccuracy() > 0.6 && m.oobAccuracy() <= 1, "oob accuracy " + m.oobAccuracy());
        assertEquals(1.0, Arrays.stream(m.impurityImportances()).sum(), 1e-12);
    }

    @Test
    void contributions_addUpToTheForestProbability() {
        ForestModel m = RandomForest.fit(P.x(), P.y(), ForestOptions.defaults().withTrees(20));
        for (int i = 0; i < 20; i++) {
            double[] row = P.x().row(i);
            Contributions c = m.contributions(row);
            assertEquals(m.probability(row), c.output(), 1e-12);
        }
    }

    @Test
    void listener_hearsEveryTree() {
        AtomicLong calls = new AtomicLong();
        RandomForest.fit(P.x(), P.y(), null, ForestOptions.defaults().withTrees(12).withThreads(2),
                FitControl.defaults().withListener((stage, done, total, objective) -> {
                    assertEquals("trees", stage);
                    assertEquals(12, total);
                    calls.incrementAndGet();
                }));
        assertEquals(12, calls.get());
    }

    @Test
    void cancellation_stopsTheFit() {
        AtomicLong calls = new AtomicLong();
        FitControl control = FitControl.defaults().withListener((stage, done, total, objective) -> calls.incrementAndGet())
                .withCancellation(() -> calls.get() >= 3);
        assertThrows(CancellationException.class, () -> RandomForest.fit(P.x(), P.y(),
                ForestOptions.defaults().withTrees(50).withThreads(2), control));
        assertTrue(calls.get() < 50, calls + " trees grown");
    }

    @Test
    void sameSeed_givesAnEqualModelForOneAndThreeThreads() {
        ForestOptions o = ForestOptions.defaults().withTrees(20).withSeed(11);
        ForestModel one = RandomForest.fit(P.x(), P.y(), o);
        ForestModel three = RandomForest.fit(P.x(), P.y(), o.withThreads(3), FitControl.defaults()
                .withExecutor(java.util.concurrent.ForkJoinPool.commonPool()));
        assertEquals(one, three);
        assertEquals(one.hashCode(), three.hashCode());
        assertNotEquals(one, RandomForest.fit(P.x(), P.y(), o.withSeed(12)));
        assertEquals(P.x().fingerprint(), one.fitSummary().data());
    }

    @Test
    void withoutBootstrap_everyTreeSeesEveryRowAndThereIsNoOutOfBag() {
        ForestModel m = RandomForest.fit(P.x(), P.y(), ForestOptions.defaults().withTrees(5).withBootstrap(false)
                .withTree(ForestOptions.defaults().tree().withMaxFeatures(MaxFeatures.all())));
        assertEquals(0, m.oobRows());
        assertEquals(0.0, m.oobAuc());
    }

    @Test
    void badInput_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> ForestOptions.defaults().withTrees(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ForestOptions.defaults().withSampleFraction(1.5));
        assertTrue(e.getMessage().contains("sampleFraction") && e.getMessage().contains("1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RandomForest.fit(P.x(), new int[600],
                ForestOptions.defaults()));
    }

    @Test
    void saveAndLoad_predictAlike(@TempDir Path dir) throws IOException {
        ForestModel m = RandomForest.fit(P.x(), P.y(), ForestOptions.defaults().withTrees(15).withSeed(3));
        Path file = dir.resolve("forest.rtnm");
        m.save(file);
        ForestModel back = Models.load(file, ForestModel.class);
        assertArrayEquals(m.probabilities(P.x()), back.probabilities(P.x()), 0.0);
        assertEquals(m.options(), back.options());
        assertEquals(m.fitSummary(), back.fitSummary());
        assertEquals(m, back);
        assertEquals(m.oobAuc(), back.oobAuc());
        assertArrayEquals(m.impurityImportances(), back.impurityImportances(), 0.0);
    }

    static LongStream seeds() {
        return LongStream.range(0, 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void probabilities_lieInUnitRangeAndRepeatForTheSameSeed(long seed) {
        RandomProblems.Problem p = RandomProblems.generate(seed);
        ForestModel m = RandomForest.fit(p.x(), p.y(), ForestOptions.defaults().withTrees(10).withSeed(seed)
                .withThreads(1 + (int) (seed % 3)));
        for (double v : m.probabilities(p.x())) {
            assertTrue(v >= 0 && v <= 1, "seed " + seed);
        }
        ForestModel again = RandomForest.fit(p.x(), p.y(), ForestOptions.defaults().withTrees(10).withSeed(seed));
        assertArrayEquals(m.probabilities(p.x()), again.probabilities(p.x()), 0.0, "seed " + seed);
    }

    /**
     * An external reference for the forest: with every feature searched, scikit-learn's split-to-2 rule and depth 2
     * (deep pure splits tie between features, which the two libraries break in different feature orders) the trees
     * are deterministic, so the forest's probabilities must be the means of scikit-learn 1.2.1's
     * DecisionTreeClassifier shares, each tree fitted with sample_weight = the in-bag counts this forest draws
     * ({@code churn_references.py} ports the draws); likewise the impurity importances. Tolerance 1e-12.
     */
    @Test
    void probabilities_areMeansOfScikitLearnTreeSharesOnTheSameBootstrap() {
        ForestOptions o = ForestOptions.scikitLearnDefaults().withTrees(5).withSeed(42)
                .withTree(ForestOptions.scikitLearnDefaults().tree().withMaxFeatures(MaxFeatures.all()).withMaxDepth(2));
        ForestModel m = RandomForest.fit(ChurnReferences.features(), ChurnReferences.labels(), o);
        assertArrayEquals(ChurnReferences.forestProbeProbabilities(), m.probabilities(ChurnReferences.probes()), 1e-12);
        assertArrayEquals(ChurnReferences.forestImportances(), m.impurityImportances(), 1e-12);
        assertTrue(m.probabilities(ChurnReferences.probes())[1] > 0 && m.probabilities(ChurnReferences.probes())[1] < 1,
                "a probe between the classes gets a share strictly between 0 and 1");
    }
}
