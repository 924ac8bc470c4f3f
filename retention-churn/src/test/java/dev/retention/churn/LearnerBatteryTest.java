package dev.retention.churn;

import dev.retention.churn.classifier.ClassWeight;
import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.forest.ForestOptions;
import dev.retention.churn.forest.RandomForest;
import dev.retention.churn.logistic.LogisticOptions;
import dev.retention.churn.logistic.LogisticRegression;
import dev.retention.churn.pipeline.ChurnPipeline;
import dev.retention.churn.pipeline.ChurnPipelineModel;
import dev.retention.churn.preprocess.PreprocessOptions;
import dev.retention.churn.svm.LinearSvm;
import dev.retention.churn.svm.SvmOptions;
import dev.retention.churn.tree.DecisionTree;
import dev.retention.churn.tree.TreeOptions;
import dev.retention.matrix.DenseMatrix;
import dev.retention.model.FitControl;
import dev.retention.model.Model;
import dev.retention.model.Verdict;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The churn family's battery, in the spirit of scikit-learn's {@code check_estimator}: every learner through empty
 * input, one row, non-finite features, constant columns, duplicate rows, one class, huge magnitudes, zero, tiny
 * and huge weights, concurrent prediction and determinism across thread counts. Each case must end in an
 * {@link IllegalArgumentException} that names the parameter, or in a model whose predictions are finite
 * probabilities and whose verdict says when it is not to be trusted. A new learner joins with one line in
 * {@link #learners()}.
 */
class LearnerBatteryTest {

    /** Fits one learner on features, labels and optional row weights with a number of threads. */
    @FunctionalInterface
    interface Fit {
        Fitted fit(DenseMatrix x, int[] y, double[] weights, int threads);
    }

    /** A fitted model and how it predicts a matrix's rows. */
    record Fitted(Model model, java.util.function.ToDoubleFunction<double[]> predict) {
        double[] predictAll(DenseMatrix x) {
            double[] p = new double[x.rows()];
            for (int i = 0; i < p.length; i++) {
                p[i] = predict.applyAsDouble(row(x, i));
            }
            return p;
        }

        Verdict verdict() {
            return model.fitSummary().verdict();
        }
    }

    /**
     * A learner: its name, how it fits, the name its weights go by in messages, whether it takes arbitrary row
     * weights (the pipeline takes class weights only: uniform weights are given to it as equal class weights) and
     * whether its fit is invariant under scaling a feature (trees).
     */
    record Learner(String name, Fit fit, String weightName, boolean rowWeights, boolean scaleInvariant) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Learner> learners() {
        return List.of(
                new Learner("logistic-l2", (x, y, w, t) -> classifier(LogisticRegression.fit(x, y, w,
                        LogisticOptions.defaults().withThreads(t), FitControl.defaults())), "sampleWeights", true, false),
                new Learner("logistic-l1", (x, y, w, t) -> classifier(LogisticRegression.fit(x, y, w,
                        LogisticOptions.defaults().withPenalty(LogisticOptions.Penalty.L1).withThreads(t),
                        FitControl.defaults())), "sampleWeights", true, false),
                new Learner("logistic-elastic-net", (x, y, w, t) -> classifier(LogisticRegression.fit(x, y, w,
                        LogisticOptions.defaults().withPenalty(LogisticOptions.Penalty.ELASTIC_NET).withThreads(t),
                        FitControl.defaults())), "sampleWeights", true, false),
                new Learner("svm", (x, y, w, t) -> classifier(LinearSvm.fit(x, y, w,
                        SvmOptions.defaults().withSeed(3).withThreads(t), FitControl.defaults())), "sampleWeights", true,
                        false),
                new Learner("tree", (x, y, w, t) -> classifier(DecisionTree.fit(x, y, w, TreeOptions.defaults(),
                        FitControl.defaults())), "sampleWeights", true, true),
                new Learner("forest", (x, y, w, t) -> classifier(RandomForest.fit(x, y, w,
                        ForestOptions.defaults().withTrees(15).withSeed(5).withThreads(t), FitControl.defaults())),
                        "sampleWeights", true, true),
                new Learner("pipeline-tree", LearnerBatteryTest::pipeline, "class weight", false, false));
    }

    private static Fitted classifier(ProbabilisticClassifier c) {
        return new Fitted(c, c::probability);
    }

    /** A pipeline over a numeric table of the matrix's columns; uniform weights become equal class weights. */
    private static Fitted pipeline(DenseMatrix x, int[] y, double[] w, int threads) {
        if (w != null) {
            for (double v : w) {
                Assumptions.assumeTrue(v == w[0], "the pipeline takes class weights, not row weights");
            }
        }
        TreeOptions tree = TreeOptions.defaults().withMaxDepth(4);
        if (w != null && w.length > 0) {
            tree = tree.withClassWeight(ClassWeight.of(w[0], w[0]));
        }
        CustomerTable table = table(x, y);
        ChurnPipelineModel m = ChurnPipeline.fit(table, IntStream.range(0, x.rows()).toArray(),
                PreprocessOptions.defaults(), DecisionTree.learner(tree));
        int p = x.columns();
        return new Fitted(m, row -> {
            CustomerTable.Builder b = CustomerTable.builder(1);
            for (int j = 0; j < p; j++) {
                b.numeric("x" + j, new double[] {row[j]});
            }
            return m.score(b.build(), new int[] {0}).probabilities()[0];
        });
    }

    private static CustomerTable table(DenseMatrix x, int[] y) {
        CustomerTable.Builder b = CustomerTable.builder(x.rows());
        for (int j = 0; j < x.columns(); j++) {
            double[] col = new double[x.rows()];
            for (int i = 0; i < col.length; i++) {
                col[i] = x.get(i, j);
            }
            b.numeric("x" + j, col);
        }
        return b.labels(y, "churn", "1").build();
    }

    private static double[] row(DenseMatrix x, int i) {
        double[] r = new double[x.columns()];
        for (int j = 0; j < r.length; j++) {
            r[j] = x.get(i, j);
        }
        return r;
    }

    /** 120 rows, 3 informative columns with noise, both classes. */
    private static DenseMatrix features(long seed, double scale) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] rows = new double[120][3];
        for (double[] r : rows) {
            for (int j = 0; j < 3; j++) {
                r[j] = rnd.nextGaussian() * scale;
            }
        }
        return DenseMatrix.of(rows, "a", "b", "c");
    }

    private static int[] labels(long seed) {
        DenseMatrix x = features(seed, 1);
        SplittableRandom rnd = new SplittableRandom(seed + 1);
        int[] y = new int[x.rows()];
        for (int i = 0; i < y.length; i++) {
            double z = 1.5 * x.get(i, 0) - x.get(i, 1) + 0.5 * rnd.nextGaussian();
            y[i] = z > 0 ? 1 : 0;
        }
        return y;
    }

    private static DenseMatrix scaled(DenseMatrix x, double factor) {
        double[][] rows = new double[x.rows()][x.columns()];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < x.columns(); j++) {
                rows[i][j] = x.get(i, j) * factor;
            }
        }
        return DenseMatrix.of(rows, x.names().toArray(String[]::new));
    }

    private static void assertProbabilities(String what, double[] p) {
        for (int i = 0; i < p.length; i++) {
            assertTrue(p[i] >= 0 && p[i] <= 1, what + ": prediction " + i + " is " + p[i]);
        }
    }

    private static double[] fill(int n, double v) {
        double[] w = new double[n];
        Arrays.fill(w, v);
        return w;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void emptyInput_isRefusedInWords(Learner l) {
        // the matrix (and the table behind a pipeline) refuses to hold no row, so no learner ever sees one
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> l.fit().fit(DenseMatrix.builder(0, 3, "a", "b", "c").build(), new int[0], null, 1));
        assertTrue(e.getMessage().contains("at least one row"), e.getMessage());
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class, () -> CustomerTable.builder(0));
        assertTrue(t.getMessage().contains("at least one row"), t.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void oneRow_isRefusedAsASingleClass(Learner l) {
        DenseMatrix x = DenseMatrix.of(new double[][] {{1, 2, 3}}, "a", "b", "c");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> l.fit().fit(x, new int[] {1}, null, 1));
        // a pipeline first finds every column constant on one row
        assertTrue(e.getMessage().contains("single class") || e.getMessage().contains("every column is constant"),
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void oneClass_isRefusedInWords(Learner l) {
        DenseMatrix x = features(1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> l.fit().fit(x, new int[x.rows()], null, 1));
        assertTrue(e.getMessage().contains("single class"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void nonFiniteFeatures_areRefusedAtTheEdge(Learner l) {
        double[][] rows = {{1, Double.NaN, 3}, {0, 1, 2}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DenseMatrix.of(rows, "a", "b", "c"));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        Fitted f = l.fit().fit(features(2, 1), labels(2), null, 1);
        for (double bad : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                    () -> f.predict().applyAsDouble(new double[] {0, bad, 0}));
            assertTrue(p.getMessage().contains("Infinity"), p.getMessage());
        }
        if (!l.name().startsWith("pipeline")) {
            // a pipeline imputes a missing (NaN) cell; a classifier refuses it
            IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                    () -> f.predict().applyAsDouble(new double[] {0, Double.NaN, 0}));
            assertTrue(p.getMessage().contains("features[1]"), p.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void constantColumn_givesFiniteProbabilities(Learner l) {
        DenseMatrix x = features(3, 1);
        double[][] rows = new double[x.rows()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {x.get(i, 0), 7, x.get(i, 1)};
        }
        DenseMatrix withConstant = DenseMatrix.of(rows, "a", "k", "b");
        Fitted f = l.fit().fit(withConstant, labels(3), null, 1);
        assertProbabilities(l.name(), f.predictAll(withConstant));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void onlyConstantColumns_areRefusedOrFlagged(Learner l) {
        double[][] rows = new double[40][];
        int[] y = new int[40];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {1, -2};
            y[i] = i % 3 == 0 ? 1 : 0;
        }
        DenseMatrix x = DenseMatrix.of(rows, "a", "b");
        Fitted f;
        try {
            f = l.fit().fit(x, y, null, 1);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("constant"), e.getMessage());
            return;
        }
        assertNotEquals(Verdict.FINE, f.verdict(), "no feature varies: " + f.model().fitSummary());
        double[] p = f.predictAll(x);
        assertProbabilities(l.name(), p);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void duplicateRows_giveFiniteProbabilities(Learner l) {
        DenseMatrix x = features(4, 1);
        int[] y = labels(4);
        int[] twice = IntStream.range(0, 2 * x.rows()).map(i -> i % x.rows()).toArray();
        int[] y2 = Arrays.stream(twice).map(i -> y[i]).toArray();
        Fitted f = l.fit().fit(x.selectRows(twice), y2, null, 1);
        assertProbabilities(l.name(), f.predictAll(x));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void hugeMagnitudes_areRefusedOrGiveAFlaggedOrFaithfulModel(Learner l) {
        DenseMatrix x = features(5, 1);
        int[] y = labels(5);
        double[] reference = l.fit().fit(x, y, null, 1).predictAll(x);
        for (double scale : new double[] {1e150, 1e154, 1e300, 1e-300}) {
            DenseMatrix big = scaled(x, scale);
            Fitted f;
            try {
                f = l.fit().fit(big, y, null, 1);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().contains("x") || e.getMessage().contains("column"), e.getMessage());
                continue;
            }
            double[] p = f.predictAll(big);
            assertProbabilities(l.name() + " at scale " + scale, p);
            if (l.scaleInvariant() && scale > 1) {
                // thresholds are midpoints, so a tree grown on scaled features splits the same rows
                assertArrayEquals(reference, p, 1e-12, l.name() + " at scale " + scale);
            } else if (f.verdict() == Verdict.FINE) {
                // a model said to be fine must not be the constant one the issue found
                double spread = Arrays.stream(p).max().orElseThrow() - Arrays.stream(p).min().orElseThrow();
                assertTrue(spread > 0.1, l.name() + " at scale " + scale + " is FINE but constant: "
                        + f.model().fitSummary());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void zeroWeights_areRefusedNamingTheParameter(Learner l) {
        DenseMatrix x = features(6, 1);
        int[] y = labels(6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> l.fit().fit(x, y, fill(x.rows(), 0), 1));
        assertTrue(e.getMessage().contains(l.weightName()), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void hugeOrTinyWeights_areRefusedNamingTheParameterAndValue(Learner l) {
        DenseMatrix x = features(7, 1);
        int[] y = labels(7);
        for (double v : new double[] {1e308, 1e200, 1e-300, Double.MIN_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> l.fit().fit(x, y, fill(x.rows(), v), 1), l.name() + " with weights " + v);
            assertTrue(e.getMessage().contains(l.weightName()) && e.getMessage().contains(Double.toString(v)),
                    e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void weightsInRange_giveFiniteProbabilities_andTreesIgnoreTheirScale(Learner l) {
        DenseMatrix x = features(8, 1);
        int[] y = labels(8);
        double[] reference = l.fit().fit(x, y, null, 1).predictAll(x);
        for (double v : new double[] {1e-60, 1e-3, 1e3, 1e60}) {
            double[] p = l.fit().fit(x, y, fill(x.rows(), v), 1).predictAll(x);
            assertProbabilities(l.name() + " with weights " + v, p);
            if (l.scaleInvariant()) {
                assertArrayEquals(reference, p, 1e-12, l.name() + " with weights " + v);
            }
        }
        if (l.rowWeights()) {
            double[] someZero = fill(x.rows(), 1);
            for (int i = 0; i < someZero.length; i += 3) {
                someZero[i] = 0;
            }
            assertProbabilities(l.name() + " with some zero weights", l.fit().fit(x, y, someZero, 1).predictAll(x));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void predictFromEightThreads_equalsOneThread(Learner l) throws Exception {
        DenseMatrix x = features(9, 1);
        Fitted f = l.fit().fit(x, labels(9), null, 1);
        double[] expected = f.predictAll(x);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    double[] p = new double[x.rows()];
                    for (int k = 0; k < 20; k++) {
                        p = f.predictAll(x);
                    }
                    return p;
                }));
            }
            for (Future<double[]> r : results) {
                assertArrayEquals(expected, r.get(), 0.0);
            }
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void sameSeed_givesEqualModelsAtOneAndTwoThreads(Learner l) {
        DenseMatrix x = features(10, 1);
        int[] y = labels(10);
        Fitted one = l.fit().fit(x, y, null, 1);
        Fitted two = l.fit().fit(x, y, null, 2);
        assertEquals(one.model(), two.model());
        assertArrayEquals(one.predictAll(x), two.predictAll(x), 0.0);
    }
}
