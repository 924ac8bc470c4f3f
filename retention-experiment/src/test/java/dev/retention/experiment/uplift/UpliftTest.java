package dev.retention.experiment.uplift;

import dev.retention.churn.classifier.Learner;
import dev.retention.churn.logistic.LogisticModel;
import dev.retention.churn.logistic.LogisticOptions;
import dev.retention.churn.logistic.LogisticRegression;
import dev.retention.evaluation.TrainTestSplit;
import dev.retention.matrix.DenseMatrix;
import dev.retention.model.Models;
import dev.retention.random.Variates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The uplift learners on simulated experiments whose true uplift is known (it depends on the first feature only),
 * the evaluation's definitions on a hand-computed case, model files through {@code Models.load}, and bad input.
 * The comparison with scikit-learn on Hillstrom is a command-line measurement ({@code uplift_qini_sklearn.py}).
 */
class UpliftTest {

    private static final Learner LOGISTIC = LogisticRegression.learner(LogisticOptions.defaults());

    /** Rows with 3 features (test data, arrays not copied); P(y) = sigmoid(-1 + 0.5 x1 + t (0.8 x0)); uplift grows with x0. */
    @SuppressWarnings("ArrayRecordComponent") // read-only test data
    private record Sim(DenseMatrix x, int[] t, int[] y, double[] trueUplift) {
    }

    private static Sim simulate(long seed, int n) {
        Variates v = new Variates(seed);
        double[][] rows = new double[n][3];
        int[] t = new int[n];
        int[] y = new int[n];
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                rows[i][j] = v.normal();
            }
            t[i] = v.nextBoolean(0.5) ? 1 : 0;
            double base = -1 + 0.5 * rows[i][1];
            double p0 = 1 / (1 + Math.exp(-base));
            double p1 = 1 / (1 + Math.exp(-(base + 0.8 * rows[i][0])));
            u[i] = p1 - p0;
            y[i] = v.nextBoolean(t[i] == 1 ? p1 : p0) ? 1 : 0;
        }
        return new Sim(DenseMatrix.of(rows, "x0", "x1", "x2"), t, y, u);
    }

    @Test
    void tLearner_isTheDifferenceOfTwoLogisticRegressions() {
        Sim s = simulate(1, 2000);
        UpliftModel m = TLearner.fit(s.x(), s.t(), s.y(), LOGISTIC, UpliftOptions.defaults());
        LogisticModel m0 = LogisticRegression.fit(s.x().selectRows(UpliftData.rowsOf(s.t(), 0)),
                UpliftData.select(s.y(), UpliftData.rowsOf(s.t(), 0)), LogisticOptions.defaults());
        LogisticModel m1 = LogisticRegression.fit(s.x().selectRows(UpliftData.rowsOf(s.t(), 1)),
                UpliftData.select(s.y(), UpliftData.rowsOf(s.t(), 1)), LogisticOptions.defaults());
        double[] row = s.x().row(5);
        assertEquals(m1.probability(row) - m0.probability(row), m.uplift(row), 1e-15);
    }

    /** Property: each learner's scores put more incremental outcomes in the top 30% than random targeting. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyLearner_beatsRandomTargeting(long seed) {
        Sim train = simulate(seed, 6000);
        Sim test = simulate(seed + 100, 6000);
        double[] outcome = new double[test.y().length];
        for (int i = 0; i < outcome.length; i++) {
            outcome[i] = test.y()[i];
        }
        UpliftModel[] models = {TLearner.fit(train.x(), train.t(), train.y(), LOGISTIC, UpliftOptions.defaults()),
            ClassTransformation.fit(train.x(), train.t(), train.y(), LOGISTIC, UpliftOptions.defaults()),
            XLearner.fit(train.x(), train.t(), train.y(), LOGISTIC, UpliftOptions.defaults())};
        for (UpliftModel m : models) {
            UpliftEvaluation e = UpliftEvaluation.compute(m.uplift(test.x()), test.t(), outcome);
            assertTrue(e.incrementalTop30() > e.incrementalRandom30() && e.qiniArea() > 0,
                    "seed " + seed + ", " + m.kind() + ": " + e);
            double corr = dev.retention.evaluation.Correlation.pearson(m.uplift(test.x()), test.trueUplift())
                    .orElseThrow();
            assertTrue(corr > 0.8, "seed " + seed + ", " + m.kind() + ": correlation with the true uplift " + corr);
        }
    }

    /** The definition on ten rows, computed by hand. */
    @Test
    void qini_followsTheDefinition() {
        double[] score = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.0};
        int[] t = {1, 0, 1, 0, 1, 0, 1, 0, 1, 0};
        double[] y = {1, 0, 1, 1, 0, 0, 0, 1, 0, 0};
        UpliftEvaluation e = UpliftEvaluation.compute(score, t, y);
        // rows in rank order; q(k) = Yt - Yc Nt / Nc, 0 while no control row is in
        double[] q = {0, 0, 1 - 0, 2 - 0, 2 - 1 * 2 / 2.0, 2 - 1 * 3 / 2.0, 2 - 1 * 3 / 3.0, 2 - 1 * 4 / 3.0,
            2 - 2 * 4 / 4.0, 2 - 2 * 5 / 4.0, 2 - 2 * 5 / 5.0};
        double area = 0;
        for (int k = 1; k <= 10; k++) {
            area += 0.5 * (q[k - 1] + q[k]);
        }
        area -= q[10] * 10 / 2.0;
        for (int k = 0; k <= 10; k++) {
            assertEquals(q[k], e.qini()[k], 1e-15, "q(" + k + ")");
        }
        assertEquals(area, e.qiniArea(), 1e-12);
        assertEquals(2 / 2.0 - 0 / 1.0, e.upliftAt30().getAsDouble(), 1e-15);   // top 3: treated rows 0, 2; control row 1
    }

    @Test
    void models_roundTripThroughModelsLoad(@TempDir Path dir) throws IOException {
        Sim s = simulate(4, 1500);
        for (UpliftModel m : new UpliftModel[] {
            TLearner.fit(s.x(), s.t(), s.y(), LOGISTIC, UpliftOptions.defaults()),
            ClassTransformation.fit(s.x(), s.t(), s.y(), LOGISTIC, UpliftOptions.defaults().withSeed(3)),
            XLearner.fit(s.x(), s.t(), s.y(), LOGISTIC, UpliftOptions.defaults().withRidge(0.5))}) {
            Path file = dir.resolve(m.kind() + ".model");
            m.save(file);
            UpliftModel back = Models.load(file, UpliftModel.class);
            assertEquals(m, back);
            assertEquals(m.uplift(s.x().row(7)), back.uplift(s.x().row(7)));
            assertTrue(m.toString().contains(m.kind().name()));
        }
    }

    @Test
    void split_isStratifiedByArmAndOutcome() {
        Sim s = simulate(5, 1000);
        TrainTestSplit split = UpliftSplit.stratified(s.t(), s.y(), 0.3, 9);
        assertEquals(300, split.test().length);
        assertEquals(split, UpliftSplit.stratified(s.t(), s.y(), 0.3, 9));
    }

    @Test
    void badInput_isAClearError() {
        Sim s = simulate(6, 200);
        int[] allTreated = new int[200];
        java.util.Arrays.fill(allTreated, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TLearner.fit(s.x(), allTreated, s.y(), LOGISTIC, UpliftOptions.defaults()));
        assertTrue(e.getMessage().contains("treated and control rows"), e.getMessage());
        int[] y = s.y().clone();
        y[3] = 2;
        e = assertThrows(IllegalArgumentException.class,
                () -> XLearner.fit(s.x(), s.t(), y, LOGISTIC, UpliftOptions.defaults()));
        assertTrue(e.getMessage().contains("got 2 in row 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> UpliftOptions.defaults().withRidge(-1));
        assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
    }
}
