package dev.retention.experiment.uplift;

import dev.retention.churn.classifier.Learner;
import dev.retention.churn.forest.ForestOptions;
import dev.retention.churn.forest.RandomForest;
import dev.retention.churn.logistic.LogisticOptions;
import dev.retention.churn.logistic.LogisticRegression;
import dev.retention.matrix.DenseMatrix;
import dev.retention.model.Model;
import dev.retention.model.testing.ModelFileBattery;
import dev.retention.model.testing.ModelFileBattery.Case;
import dev.retention.random.Variates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every uplift model kind (T-learner, class transformation, X-learner; logistic and forest components) through the
 * shared corruption battery ({@link ModelFileBattery}), the classifiers' nested model files included: a corrupted
 * file is refused, or the model estimates uplifts in [-1, 1] (an X-learner's effects of 1e308 overflowed to infinite
 * uplifts before its linear stage was evaluated at a smaller scale and clipped).
 */
class ModelFileBatteryTest {

    private static final Learner LOGISTIC = LogisticRegression.learner(LogisticOptions.defaults());
    private static final Learner FOREST = RandomForest.learner(ForestOptions.defaults().withTrees(3).withSeed(2));
    private static final DenseMatrix PROBES = DenseMatrix.of(new double[][] {{0, 0, 0}, {2, -1, 0.5}, {-3, 3, 1e3}},
            "x0", "x1", "x2");

    /** 300 units, 3 features; the treatment raises the chance of the outcome with the first feature. */
    @SuppressWarnings("ArrayRecordComponent") // read-only test data
    private record Sim(DenseMatrix x, int[] t, int[] y) {
    }

    private static Sim simulate() {
        Variates v = new Variates(11);
        int n = 300;
        double[][] rows = new double[n][3];
        int[] t = new int[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                rows[i][j] = v.normal();
            }
            t[i] = v.nextBoolean(0.5) ? 1 : 0;
            double z = -1 + 0.5 * rows[i][1] + t[i] * 0.8 * rows[i][0];
            y[i] = v.nextBoolean(1 / (1 + Math.exp(-z))) ? 1 : 0;
        }
        return new Sim(DenseMatrix.of(rows, "x0", "x1", "x2"), t, y);
    }

    private static final Sim S = simulate();

    static Stream<Case> cases() {
        return Stream.of(
                Case.of("t-learner logistic", () -> TLearner.fit(S.x(), S.t(), S.y(), LOGISTIC,
                        UpliftOptions.defaults()), ModelFileBatteryTest::probe),
                Case.of("t-learner forest", () -> TLearner.fit(S.x(), S.t(), S.y(), FOREST,
                        UpliftOptions.defaults()), ModelFileBatteryTest::probe),
                Case.of("class transformation", () -> ClassTransformation.fit(S.x(), S.t(), S.y(), LOGISTIC,
                        UpliftOptions.defaults().withSeed(3)), ModelFileBatteryTest::probe),
                Case.of("x-learner", () -> XLearner.fit(S.x(), S.t(), S.y(), LOGISTIC,
                        UpliftOptions.defaults().withRidge(0.5)), ModelFileBatteryTest::probe));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void corruptedFiles_areRefusedOrEstimateFiniteUplifts(Case c) {
        ModelFileBattery.Result r = ModelFileBattery.run(c);
        assertTrue(r.refused() > 100 && r.fields() > 20, r.toString());
    }

    private static void probe(Model m) {
        UpliftModel u = (UpliftModel) m;
        ModelFileBattery.requireWithin("uplift", -1, 1, u.uplift(PROBES));
    }
}
