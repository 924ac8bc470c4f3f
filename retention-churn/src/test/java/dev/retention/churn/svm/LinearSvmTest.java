package dev.retention.churn.svm;

import dev.retention.churn.classifier.ClassWeight;
import dev.retention.model.FitControl;
import dev.retention.model.Models;
import dev.retention.churn.classifier.Contributions;
import dev.retention.matrix.DenseMatrix;
import dev.retention.churn.classifier.RandomProblems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden values from scikit-learn 1.2.1 on the logistic-regression fixture (80 rows, 5 features):
 * LinearSVC(tol=1e-8, max_iter=1e6, random_state=0, ...) coef_ then intercept_ (converged in 185 to 2,992 passes; with
 * tol=1e-12 LIBLINEAR runs to the pass limit and stops far from the optimum on a calibration fold), and
 * CalibratedClassifierCV(that, method="sigmoid", cv=5, ensemble=False) sigmoid and predict_proba[:, 1] of rows 0..5.
 */
class LinearSvmTest {

    private static final double[][] X = fixture("X");
    private static final int[] Y = labels();
    private static final DenseMatrix M = DenseMatrix.of(X);
    private static final SvmOptions TIGHT = SvmOptions.defaults().withTolerance(1e-10).withMaxIterations(200_000);

    private static double[][] fixture(String name) {
        try {
            var f = Class.forName("dev.retention.churn.logistic.LogisticFixtures").getDeclaredField(name);
            f.setAccessible(true);
            return (double[][]) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int[] labels() {
        try {
            var f = Class.forName("dev.retention.churn.logistic.LogisticFixtures").getDeclaredField("Y");
            f.setAccessible(true);
            return (int[]) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] params(SvmModel m) {
        double[] w = m.coefficients();
        double[] out = Arrays.copyOf(w, w.length + 1);
        out[w.length] = m.intercept();
        return out;
    }

    private static double[] firstSix(SvmModel m) {
        double[] p = new double[6];
        for (int i = 0; i < 6; i++) {
            p[i] = m.probability(X[i]);
        }
        return p;
    }

    @Test
    void squaredHinge_matchesLinearSvcAndItsCalibration() {
        SvmModel m = LinearSvm.fit(M, Y, TIGHT);
        assertTrue(m.fitSummary().converged(), m.fitSummary().toString());
        assertArrayEquals(new double[] {0.37630681983149594, -0.3011180097545123, 0.28978754542000734, 0.212343487688574,
            0.03767092105540732, -0.2939170579379516}, params(m), 1e-6);
        assertEquals(-1.7592209571663524, m.platt().a(), 1e-6);
        assertEquals(0.13725189276035227, m.platt().b(), 1e-6);
        assertArrayEquals(new double[] {0.11816561685236238, 0.1532853115139189, 0.629970467169449, 0.2326046956397122,
            0.4606518431557154, 0.17475415489992535}, firstSix(m), 1e-6);
        // with scikit-learn's default tolerance (1e-4) both solvers stop within about 1e-5 of the optimum
        assertArrayEquals(params(m), params(LinearSvm.fit(M, Y, SvmOptions.defaults())), 1e-4);
    }

    @Test
    void hinge_matchesLinearSvc() {
        SvmModel m = LinearSvm.fit(M, Y, TIGHT.withLoss(SvmOptions.Loss.HINGE));
        assertArrayEquals(new double[] {0.8551990765007793, -0.5795222735821383, 0.2700267911073244, 0.4393139180867175,
            0.09313187647670054, -0.33571561699238217}, params(m), 1e-5);
        assertArrayEquals(new double[] {0.09779973856486417, 0.13427099092536152, 0.6571035712573676,
            0.25475741013271397, 0.39613201684942007, 0.1765377708620171}, firstSix(m), 1e-5);
    }

    @Test
    void classWeights_matchLinearSvc() {
        SvmModel m = LinearSvm.fit(M, Y, TIGHT.withC(0.1).withClassWeight(ClassWeight.balanced()));
        assertArrayEquals(new double[] {0.3732700052160121, -0.30232403903344446, 0.23256788629324693,
            0.21407233298192158, 0.043977294997989275, -0.13193479764175337}, params(m), 1e-6);
        assertArrayEquals(new double[] {0.09881121766109019, 0.1349196866770938, 0.6412756491793362, 0.23012199908602232,
            0.4524538977452627, 0.17393090399547578}, firstSix(m), 1e-6);
    }

    @Test
    void plattScaling_reachesTheOptimum() {
        // decision values round(1.3 x0 - x1, 3) of the fixture; scikit-learn's _sigmoid_calibration gives
        // (-0.6997062444710891, 0.7804778799875548) by BFGS, the exact optimum (Nelder-Mead, xatol 1e-12) is
        // (-0.6997059473874985, 0.780477206715334): tolerance 1e-8 to the optimum, 1e-6 to scikit-learn
        double[] f = {-2.675, -1.824, 2.23, -1.047, 1.898, -0.123, 1.632, -1.479, -0.043, 2.379, 0.158, -2.96, -1.888, -2.336, 0.202, 5.475, -3.823, -1.475, 6.187, 2.039, -1.729, -0.698, 0.673, -4.53, 2.436, 1.38, 0.121, -1.94, 0.556, -0.624, -1.876, 1.101, -0.416, 3.231, -1.845, 1.017, -1.145, -0.559, 0.302, 3.122, 3.607, -1.559, 2.705, -2.912, -0.342, 0.056, -2.258, -2.786, 2.472, -2.433, -0.203, 1.024, 1.607, 2.366, 1.646, 0.496, 1.233, -3.979, -1.184, 2.756, 2.489, 1.06, 0.675, 5.318, 0.838, 7.218, -4.09, -0.732, 1.273, 4.758, 0.484, -2.527, -3.998, 3.286, 0.831, 1.747, 0.503, -0.895, 6.801, -1.369};
        PlattScaling p = PlattScaling.fit(f, Y);
        assertEquals(-0.6997059473874985, p.a(), 1e-8);
        assertEquals(0.780477206715334, p.b(), 1e-8);
        assertEquals(-0.6997062444710891, p.a(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> PlattScaling.fit(new double[] {1, Double.NaN}, new int[] {0, 1}));
    }

    @Test
    void contributions_addUpToTheLogOdds() {
        SvmModel m = LinearSvm.fit(M, Y, SvmOptions.defaults());
        for (int i = 0; i < 10; i++) {
            Contributions c = m.contributions(X[i]);
            double p = m.probability(X[i]);
            assertEquals(Math.log(p / (1 - p)), c.output(), 1e-9);
        }
    }

    @Test
    void passLimit_isReportedNotThrown() {
        SvmModel m = LinearSvm.fit(M, Y, SvmOptions.defaults().withTolerance(1e-12).withMaxIterations(2));
        assertFalse(m.fitSummary().converged());
        assertTrue(m.fitSummary().stopReason().contains("pass limit"), m.fitSummary().stopReason());
    }

    @Test
    void badInput_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> SvmOptions.defaults().withC(-1));
        assertThrows(IllegalArgumentException.class, () -> SvmOptions.defaults().withCalibrationFolds(1));
        int[] few = new int[80];
        few[0] = 1;
        few[1] = 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinearSvm.fit(M, few,
                SvmOptions.defaults()));
        assertTrue(e.getMessage().contains("class 1 has only 2 rows"), e.getMessage());
    }

    @Test
    void saveAndLoad_predictAlike(@TempDir Path dir) throws IOException {
        SvmModel m = LinearSvm.fit(M, Y, SvmOptions.defaults().withLoss(SvmOptions.Loss.HINGE).withSeed(4));
        Path file = dir.resolve("svm.rtnm");
        m.save(file);
        SvmModel back = Models.load(file, SvmModel.class);
        assertArrayEquals(m.probabilities(M), back.probabilities(M), 0.0);
        assertEquals(m.options(), back.options());
        assertEquals(m.fitSummary(), back.fitSummary());
        assertEquals(m, back);
    }

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    /** The problem's features scaled to unit standard deviation (dual coordinate descent needs scaled data). */
    private static DenseMatrix standardized(DenseMatrix x) {
        DenseMatrix.Builder b = DenseMatrix.builder(x.rows(), x.columns());
        for (int j = 0; j < x.columns(); j++) {
            double[] c = x.column(j);
            double mean = Arrays.stream(c).average().orElse(0);
            double sd = Math.sqrt(Arrays.stream(c).map(v -> (v - mean) * (v - mean)).sum() / c.length);
            for (int i = 0; i < c.length; i++) {
                b.set(i, j, (c[i] - mean) / sd);
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void optimum_doesNotDependOnTheCoordinateOrder(long seed) {
        RandomProblems.Problem raw = RandomProblems.generate(seed, 60 + (int) (seed % 5) * 20, 4, false);
        RandomProblems.Problem p = new RandomProblems.Problem(standardized(raw.x()), raw.y(), seed);
        SvmOptions o = SvmOptions.defaults().withTolerance(1e-9).withMaxIterations(100_000)
                .withLoss(seed % 2 == 0 ? SvmOptions.Loss.SQUARED_HINGE : SvmOptions.Loss.HINGE);
        SvmModel a = LinearSvm.fit(p.x(), p.y(), o.withSeed(1));
        SvmModel b = LinearSvm.fit(p.x(), p.y(), o.withSeed(2));
        assertArrayEquals(params(a), params(b), 1e-4, "seed " + seed);
        for (double v : a.probabilities(p.x())) {
            assertTrue(v > 0 && v < 1, "seed " + seed);
        }
    }

    @Test
    void sameSeed_givesAnEqualModelForOneAndThreeThreads() {
        RandomProblems.Problem p = RandomProblems.generate(5, 300, 5, false);
        SvmOptions o = SvmOptions.defaults().withSeed(17);
        SvmModel one = LinearSvm.fit(p.x(), p.y(), o);
        SvmModel three = LinearSvm.fit(p.x(), p.y(), o.withThreads(3));
        assertEquals(one, three);
        assertEquals(one.hashCode(), three.hashCode());
        assertEquals(p.x().fingerprint(), one.fitSummary().data());
    }

    @Test
    void listenerHearsEveryFit_andCancellationStopsTheFit() {
        List<Long> done = new ArrayList<>();
        LinearSvm.fit(M, Y, SvmOptions.defaults(), FitControl.defaults().withListener((stage, d, total, objective) -> {
            assertEquals("fits", stage);
            assertEquals(6, total);
            done.add(d);
        }));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), done);
        AtomicInteger steps = new AtomicInteger();
        assertThrows(CancellationException.class, () -> LinearSvm.fit(M, Y, SvmOptions.defaults(), FitControl
                .defaults().withListener((stage, d, total, objective) -> steps.incrementAndGet())
                .withCancellation(() -> steps.get() >= 2)));
        assertEquals(2, steps.get());
    }
}
