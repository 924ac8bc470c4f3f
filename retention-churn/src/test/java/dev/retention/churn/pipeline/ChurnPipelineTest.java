package dev.retention.churn.pipeline;

import dev.retention.model.FitControl;
import dev.retention.churn.classifier.Learner;
import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.explain.Explanation;
import dev.retention.churn.explain.Reason;
import dev.retention.churn.forest.ForestOptions;
import dev.retention.churn.forest.RandomForest;
import dev.retention.churn.logistic.LogisticModel;
import dev.retention.churn.logistic.LogisticOptions;
import dev.retention.churn.logistic.LogisticRegression;
import dev.retention.churn.preprocess.PreprocessOptions;
import dev.retention.churn.svm.LinearSvm;
import dev.retention.churn.svm.SvmOptions;
import dev.retention.churn.tree.DecisionTree;
import dev.retention.churn.tree.TreeOptions;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChurnPipelineTest {

    /** 300 customers: tenure (numeric, a few missing), plan (3 categories), label mostly from a short tenure. */
    static CustomerTable customers(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 300;
        double[] tenure = new double[n];
        String[] plan = new String[n];
        int[] y = new int[n];
        String[] keys = new String[n];
        String[] plans = {"basic", "plus", "pro"};
        for (int i = 0; i < n; i++) {
            tenure[i] = rnd.nextInt(20) == 0 ? Double.NaN : rnd.nextInt(60);
            plan[i] = plans[rnd.nextInt(3)];
            double t = Double.isNaN(tenure[i]) ? 30 : tenure[i];
            double z = 1.5 - 0.08 * t + (plan[i].equals("basic") ? 1 : 0);
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
            keys[i] = "K" + i;
        }
        return CustomerTable.builder(n).numeric("tenure", tenure).categorical("plan", plan).labels(y, "churn", "1")
                .keys(keys).build();
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    @Test
    void everyModel_savesAndLoadsInsideAPipeline(@TempDir Path dir) throws IOException {
        CustomerTable t = customers(1);
        List<Learner> learners = List.of(LogisticRegression.learner(LogisticOptions.defaults()),
                LinearSvm.learner(SvmOptions.defaults()), DecisionTree.learner(TreeOptions.defaults().withMaxDepth(3)),
                RandomForest.learner(ForestOptions.defaults().withTrees(10)));
        int k = 0;
        for (Learner l : learners) {
            ChurnPipelineModel p = ChurnPipeline.fit(t, range(0, 200), PreprocessOptions.defaults(), l,
                    FitControl.defaults());
            Path file = dir.resolve("p" + k++ + ".rtnm");
            p.save(file);
            ChurnPipelineModel back = Models.load(file, ChurnPipelineModel.class);
            assertEquals(p, back);
            assertEquals(p.fitSummary(), back.fitSummary());
            // the loaded pipeline scores raw customer rows on its own
            assertArrayEquals(p.score(t, range(200, 300)).probabilities(), back.score(t, range(200, 300)).probabilities(),
                    0.0, p.classifier().modelType());
            assertEquals(p.classifier(), Models.fromBytes(p.classifier().toBytes(), "x", ProbabilisticClassifier.class));
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Models.fromBytes(
                ChurnPipeline.fit(t, range(0, 200), PreprocessOptions.defaults(), learners.get(0), FitControl.defaults())
                        .preprocessing().toBytes(), "pre", ProbabilisticClassifier.class));
        assertTrue(e.getMessage().contains("pre"), e.getMessage());
    }

    @Test
    void explain_groupsOneHotColumnsAndNamesTheCustomersValues() {
        CustomerTable t = customers(2);
        ChurnPipelineModel p = ChurnPipeline.fit(t, range(0, 300), PreprocessOptions.defaults(),
                LogisticRegression.learner(LogisticOptions.defaults()), FitControl.defaults());
        LogisticModel m = (LogisticModel) p.classifier();
        for (int row = 0; row < 20; row++) {
            Explanation e = p.explain(t, row, 5);
            assertEquals(t.key(row), e.key());
            double sum = e.base();
            for (Reason r : e.up()) {
                sum += r.contribution();
                assertTrue(r.contribution() > 0);
            }
            for (Reason r : e.down()) {
                sum += r.contribution();
                assertTrue(r.contribution() < 0);
            }
            // two source columns: every reason is one of them, and together they add up to the log-odds
            assertTrue(e.up().size() + e.down().size() <= 2);
            double prob = e.probability();
            assertEquals(Math.log(prob / (1 - prob)), sum, 1e-9, e.toString());
            String plan = t.categorical(row, 1);
            boolean named = false;
            for (Reason r : e.up()) {
                named |= r.feature().equals("plan=" + plan);
            }
            for (Reason r : e.down()) {
                named |= r.feature().equals("plan=" + plan);
            }
            assertTrue(named || Math.abs(m.coefficients()[1]) < 1e-12, e.toString());
        }
    }

    @Test
    void pipeline_refusesAClassifierOfAnotherWidth() {
        CustomerTable t = customers(3);
        ChurnPipelineModel p = ChurnPipeline.fit(t, range(0, 300), PreprocessOptions.defaults(),
                LogisticRegression.learner(LogisticOptions.defaults()), FitControl.defaults());
        ChurnPipelineModel q = ChurnPipeline.fit(t, range(0, 300), PreprocessOptions.defaults().withMissingIndicators(true),
                LogisticRegression.learner(LogisticOptions.defaults()), FitControl.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChurnPipelineModel.of(p.preprocessing(), q.classifier()));
        assertTrue(e.getMessage().contains("features"), e.getMessage());
    }

    /**
     * An L1 penalty strong enough to remove every feature gives every customer the same probability: the fit is
     * UNUSABLE, and the pipeline refuses to score or explain until the caller opts in; the opt-in copy is equal,
     * writes the same file and scores what the classifier says. A usable pipeline scores without asking.
     */
    @Test
    void unusableFit_scoresOnlyWhenAsked() throws ModelFormatException {
        CustomerTable t = customers(2);
        ChurnPipelineModel p = ChurnPipeline.fit(t, range(0, 300), PreprocessOptions.defaults(),
                LogisticRegression.learner(LogisticOptions.defaults().withPenalty(LogisticOptions.Penalty.L1)
                        .withC(1e-6)), FitControl.defaults());
        assertEquals(dev.retention.model.Verdict.UNUSABLE, p.fitSummary().verdict(), p.fitSummary().toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.score(t, range(0, 5)));
        assertTrue(e.getMessage().contains("UNUSABLE") && e.getMessage().contains("allowingUnusable()")
                && e.getMessage().contains("same probability"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> p.explain(t, 0, 2));
        ChurnPipelineModel allowed = p.allowingUnusable();
        assertEquals(p, allowed);
        assertArrayEquals(p.toBytes(), allowed.toBytes());
        double[] scores = allowed.score(t, range(0, 5)).probabilities();
        assertEquals(scores[0], scores[4], 1e-9);
        assertEquals(2, allowed.explain(t, 0, 2).up().size() + allowed.explain(t, 0, 2).down().size(), 2);
        ChurnPipelineModel loaded = Models.fromBytes(p.toBytes(), "unusable.rtnm", ChurnPipelineModel.class);
        assertThrows(IllegalStateException.class, () -> loaded.score(t, range(0, 5)), "the opt-in is not saved");

        ChurnPipelineModel usable = ChurnPipeline.fit(t, range(0, 300), PreprocessOptions.defaults(),
                LogisticRegression.learner(LogisticOptions.defaults()), FitControl.defaults());
        assertEquals(dev.retention.model.Verdict.FINE, usable.fitSummary().verdict(),
                usable.fitSummary().toString());
        assertArrayEquals(usable.allowingUnusable().score(t, range(0, 5)).probabilities(),
                usable.score(t, range(0, 5)).probabilities(), 0.0);
    }
}
