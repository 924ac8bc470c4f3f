package dev.retention.churn.tree;

import dev.retention.churn.classifier.ClassWeight;
import dev.retention.model.FitControl;
import dev.retention.model.Models;
import dev.retention.churn.classifier.Contributions;
import dev.retention.matrix.DenseMatrix;
import dev.retention.churn.classifier.RandomProblems;
import dev.retention.churn.internal.PairSort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static dev.retention.churn.tree.TreeFixtures.X;
import static dev.retention.churn.tree.TreeFixtures.XT;
import static dev.retention.churn.tree.TreeFixtures.Y;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionTreeTest {

    private static final DenseMatrix TRAIN = DenseMatrix.of(X);

    private static double[] predict(TreeModel m) {
        double[] p = new double[XT.length];
        for (int i = 0; i < XT.length; i++) {
            p[i] = m.probability(XT[i]);
        }
        return p;
    }

    /**
     * scikit-learn 1.2.1 DecisionTreeClassifier(random_state=0, ...) on the fixture: predict_proba[:, 1] of the
     * test rows, node_count, get_depth(), feature_importances_. Every feature is searched, so where candidate
     * splits do not tie the trees are equal whatever the random feature order. Tolerance 1e-12.
     */
    @Test
    void fit_matchesScikitLearn() {
        TreeModel def = DecisionTree.fit(TRAIN, Y, TreeOptions.defaults());
        assertArrayEquals(new double[] {1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0}, predict(def), 1e-12);
        assertEquals(27, def.nodeCount());
        assertEquals(8, def.depth());
        // the full tree's deepest nodes have tied candidate splits, so its importances depend on the random
        // feature order (scikit-learn gives 7 different vectors over random_state 0..29); its predictions, size
        // and depth do not (the same over random_state 0..49), and neither do the two trees below
        assertEquals(1.0, Arrays.stream(def.impurityImportances()).sum(), 1e-12);

        TreeModel ent = DecisionTree.fit(TRAIN, Y, TreeOptions.defaults().withCriterion(TreeOptions.Criterion.ENTROPY)
                .withMaxDepth(3).withMinSamplesLeaf(3));
        assertArrayEquals(new double[] {0.9, 0.2, 0.2, 1.0, 0.0, 0.0, 0.9, 0.9, 0.9, 0.9, 0.5, 0.5}, predict(ent), 1e-12);
        assertEquals(11, ent.nodeCount());
        assertEquals(3, ent.depth());
        assertArrayEquals(new double[] {0.6024313937562, 0.2982983569364341, 0.09927024930736589, 0.0},
                ent.impurityImportances(), 1e-12);

        // class_weight="balanced", min_samples_leaf=6 (with smaller leaves two candidate splits of one node tie in
        // real arithmetic, and the pick depends on rounding)
        TreeModel bal = DecisionTree.fit(TRAIN, Y, TreeOptions.defaults().withClassWeight(ClassWeight.balanced())
                .withMinSamplesLeaf(6));
        assertArrayEquals(new double[] {1.0, 0.125, 0.125, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 0.3636363636363636,
            0.5434782608695652}, predict(bal), 1e-12);
        assertEquals(13, bal.nodeCount());
        assertEquals(4, bal.depth());
        assertArrayEquals(new double[] {0.5291165802529364, 0.38925658435702537, 0.0816268353900381, 0.0},
                bal.impurityImportances(), 1e-12);
    }

    @Test
    void contributions_addUpToTheLeafProbability() {
        TreeModel m = DecisionTree.fit(TRAIN, Y, TreeOptions.defaults().withMaxDepth(4));
        for (double[] row : XT) {
            Contributions c = m.contributions(row);
            assertEquals(Contributions.Scale.PROBABILITY, c.scale());
            assertEquals(m.probability(row), c.output(), 1e-12);
            double share = 0;
            for (int y : Y) {
                share += y;
            }
            assertEquals(share / Y.length, c.base(), 1e-12);
        }
    }

    @Test
    void sampleWeights_ofTwoEqualADuplicatedRow() {
        double[] w = new double[X.length];
        Arrays.fill(w, 1);
        w[4] = 2;
        w[9] = 0;     // left out entirely
        TreeModel weighted = DecisionTree.fit(TRAIN, Y, w, TreeOptions.defaults().withMaxDepth(5), FitControl.defaults());
        int[] rows = new int[X.length];
        int k = 0;
        for (int i = 0; i < X.length; i++) {
            if (i != 9) {
                rows[k++] = i;
            }
        }
        rows[k] = 4;
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = Y[rows[i]];
        }
        TreeModel repeated = DecisionTree.fit(TRAIN.selectRows(rows), y, TreeOptions.defaults().withMaxDepth(5));
        assertArrayEquals(predict(repeated), predict(weighted), 1e-12);
    }

    @Test
    void badInput_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TreeOptions.defaults().withMinSamplesSplit(1));
        assertTrue(e.getMessage().contains("minSamplesSplit") && e.getMessage().contains("got 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MaxFeatures.fraction(0));
        assertThrows(IllegalArgumentException.class, () -> DecisionTree.fit(TRAIN, new int[X.length],
                TreeOptions.defaults()));
        TreeModel m = DecisionTree.fit(TRAIN, Y, TreeOptions.defaults());
        e = assertThrows(IllegalArgumentException.class, () -> m.probability(new double[] {1, 2, Double.NaN, 0}));
        assertTrue(e.getMessage().contains("features[2]"), e.getMessage());
    }

    @Test
    void saveAndLoad_predictAlike(@TempDir Path dir) throws IOException {
        TreeModel m = DecisionTree.fit(TRAIN, Y, TreeOptions.defaults().withMaxDepth(4)
                .withClassWeight(ClassWeight.of(1, 3)).withMaxFeatures(MaxFeatures.count(2)).withSeed(9));
        Path file = dir.resolve("tree.rtnm");
        m.save(file);
        TreeModel back = Models.load(file, TreeModel.class);
        assertArrayEquals(predict(m), predict(back), 0.0);
        assertEquals(m.options(), back.options());
        assertEquals(m.fitSummary(), back.fitSummary());
        assertEquals(m, back);
        assertArrayEquals(m.impurityImportances(), back.impurityImportances(), 0.0);
    }

    // ---- properties ----

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void pairSort_sortsAndKeepsPairs(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = rnd.nextInt(300);
        double[] k = new double[n + 10];
        int[] v = new int[n + 10];
        for (int i = 0; i < k.length; i++) {
            k[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(5) : rnd.nextGaussian();
            v[i] = i;
        }
        double[] original = k.clone();
        int from = 5;
        PairSort.sort(k, v, from, from + n);
        for (int i = from + 1; i < from + n; i++) {
            assertTrue(k[i - 1] <= k[i], "seed " + seed);
        }
        for (int i = 0; i < k.length; i++) {
            assertEquals(original[v[i]], k[i], "seed " + seed + ": the payload follows its key");
        }
        for (int i = 0; i < from; i++) {
            assertEquals(i, v[i], "seed " + seed + ": outside the range nothing moves");
        }
    }

    /** Numerically equal rows (0.0 == -0.0, unlike Arrays.equals). */
    private static boolean sameValues(double[] a, double[] b) {
        for (int j = 0; j < a.length; j++) {
            if (a[j] != b[j]) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fullTree_fitsDistinctTrainingRowsExactlyAndRespectsLimits(long seed) {
        RandomProblems.Problem p = RandomProblems.generate(seed);
        TreeModel full = DecisionTree.fit(p.x(), p.y(), TreeOptions.defaults().withSeed(seed));
        // a fully grown tree reproduces the label of every row whose features no other row shares
        for (int i = 0; i < p.x().rows(); i++) {
            double[] row = p.x().row(i);
            boolean unique = true;
            for (int j = 0; j < p.x().rows() && unique; j++) {
                unique = j == i || !sameValues(row, p.x().row(j));
            }
            if (unique) {
                assertEquals(p.y()[i], full.probability(row), 1e-12, "seed " + seed + " row " + i);
            }
        }
        int leaf = 1 + (int) (seed % 5);
        int depth = 1 + (int) (seed % 4);
        TreeModel limited = DecisionTree.fit(p.x(), p.y(), TreeOptions.defaults().withMinSamplesLeaf(leaf)
                .withMaxDepth(depth).withMaxFeatures(MaxFeatures.sqrt()).withSeed(seed));
        assertTrue(limited.depth() <= depth, "seed " + seed);
        double imp = Arrays.stream(limited.impurityImportances()).sum();
        assertTrue(limited.nodeCount() == 1 ? imp == 0 : Math.abs(imp - 1) < 1e-12, "seed " + seed);
        int[] counts = new int[limited.nodeCount()];
        for (int i = 0; i < p.x().rows(); i++) {
            counts[limited.leaf(p.x().row(i))]++;
        }
        for (int c : counts) {
            assertTrue(c == 0 || c >= leaf, "seed " + seed + ": a leaf with " + c + " rows < " + leaf);
        }
    }
}
