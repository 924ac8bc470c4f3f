package dev.retention.experiment.uplift;

import dev.retention.churn.classifier.Learner;
import dev.retention.churn.forest.ForestOptions;
import dev.retention.churn.forest.RandomForest;
import dev.retention.churn.logistic.LogisticOptions;
import dev.retention.churn.logistic.LogisticRegression;
import dev.retention.matrix.DenseMatrix;
import dev.retention.model.Models;
import dev.retention.random.Variates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every uplift model kind shared by 8 threads estimates, row by row, the uplifts one thread estimates for the whole
 * matrix (the fitted model and the model read back from its file); and a seeded fit repeated gives the same model.
 */
class UpliftConcurrencyTest {

    private static final int THREADS = 8;
    private static final Learner LOGISTIC = LogisticRegression.learner(LogisticOptions.defaults());
    private static final Learner FOREST = RandomForest.learner(ForestOptions.defaults().withTrees(5).withSeed(4));

    /** Units with 3 features; the treatment raises the chance of the outcome with the first feature. */
    private static DenseMatrix features(long seed, int n, int[] t, int[] y) {
        Variates v = new Variates(seed);
        double[][] rows = new double[n][3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                rows[i][j] = v.normal();
            }
            if (t != null) {
                t[i] = v.nextBoolean(0.5) ? 1 : 0;
                double z = -1 + 0.5 * rows[i][1] + t[i] * 0.8 * rows[i][0];
                y[i] = v.nextBoolean(1 / (1 + Math.exp(-z))) ? 1 : 0;
            }
        }
        return DenseMatrix.of(rows, "x0", "x1", "x2");
    }

    static Stream<Arguments> kinds() {
        int n = 400;
        int[] t = new int[n];
        int[] y = new int[n];
        DenseMatrix x = features(21, n, t, y);
        return Stream.of(
                Arguments.of("t-learner logistic", (Supplier<UpliftModel>) () -> TLearner.fit(x, t, y, LOGISTIC,
                        UpliftOptions.defaults())),
                Arguments.of("t-learner forest", (Supplier<UpliftModel>) () -> TLearner.fit(x, t, y, FOREST,
                        UpliftOptions.defaults())),
                Arguments.of("class transformation", (Supplier<UpliftModel>) () -> ClassTransformation.fit(x, t, y,
                        FOREST, UpliftOptions.defaults().withSeed(5))),
                Arguments.of("x-learner", (Supplier<UpliftModel>) () -> XLearner.fit(x, t, y, LOGISTIC,
                        UpliftOptions.defaults())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void eightThreadsEstimateAsOne_andASeededFitRepeats(String name, Supplier<UpliftModel> fit) throws Exception {
        UpliftModel fitted = fit.get();
        assertEquals(fitted, fit.get(), name + ": the same seed and data must give the same model");
        UpliftModel loaded = Models.fromBytes(fitted.toBytes(), name, UpliftModel.class);
        DenseMatrix probes = features(99, 1_000, null, null);
        double[] expected = fitted.uplift(probes);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<double[]>> results = new ArrayList<>();
            for (int k = 0; k < THREADS; k++) {
                UpliftModel model = k % 2 == 0 ? fitted : loaded;
                int offset = k * 131;
                results.add(pool.submit(() -> {
                    start.await();
                    int n = probes.rows();
                    double[] out = new double[n];
                    for (int s = 0; s < n; s++) {
                        int i = (s + offset) % n;
                        out[i] = model.uplift(probes.row(i));
                    }
                    return out;
                }));
            }
            start.countDown();
            for (Future<double[]> result : results) {
                assertArrayEquals(expected, result.get(60, TimeUnit.SECONDS), 0.0, name);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }
}
