package dev.retention.churn.evaluation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassificationMetricsTest {

    /**
     * Golden values from scikit-learn 1.2.1 ({@code sklearn.metrics}) on labels from NumPy default_rng(7) and
     * probabilities rounded to one decimal (many ties). Tolerance 1e-12.
     */
    static final int[] Y = {1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 0, 1};
    static final double[] P = {0.5, 0.5, 0.7, 0.4, 0.4, 0.7, 0.7, 0.6, 0.4, 0.3, 0.3, 0.5, 0.4, 0.1, 0.4, 0.5, 0.2,
        0.4, 0.5, 0.1, 0.5, 0.6, 0.3, 0.6, 0.8, 0.5, 0.4, 0.4, 0.3, 0.9, 0.6, 0.7, 0.4, 0.6, 0.6, 0.4, 0.9, 0.6, 0.6,
        0.7};

    @Test
    void metrics_matchScikitLearnWithTies() {
        assertEquals(0.77734375, ClassificationMetrics.rocAuc(Y, P), 1e-12);
        assertEquals(0.8244400527009222, ClassificationMetrics.averagePrecision(Y, P), 1e-12);
        assertEquals(0.5646202835401393, ClassificationMetrics.logLoss(Y, P), 1e-12);
        assertEquals(0.19400000000000003, ClassificationMetrics.brierScore(Y, P), 1e-12);
        // predict = p > 0.5: accuracy 0.6, precision 0.75, recall 0.5, f1 0.6, confusion_matrix [[12, 4], [12, 12]]
        assertEquals(0.6, ClassificationMetrics.accuracy(Y, P, 0.5), 1e-12);
        assertEquals(0.75, ClassificationMetrics.precision(Y, P, 0.5), 1e-12);
        assertEquals(0.5, ClassificationMetrics.recall(Y, P, 0.5), 1e-12);
        assertEquals(0.6, ClassificationMetrics.f1(Y, P, 0.5), 1e-12);
        assertEquals(new ConfusionMatrix(12, 4, 12, 12), ClassificationMetrics.confusion(Y, P, 0.5));
        MetricSummary s = ClassificationMetrics.summary(Y, P, 0.5);
        assertEquals(0.77734375, s.rocAuc(), 1e-12);
        assertEquals(40, s.rows());
        assertTrue(s.toString().contains("ROC AUC 0.7773"), s.toString());
    }

    @Test
    void logLoss_clipsCertainMistakesAsScikitLearn() {
        // sklearn.metrics.log_loss([1, 0, 1], [0.0, 1.0, 0.3]) = 24.430426527520083 (eps = 2.22e-16); tolerance 1e-12
        assertEquals(24.430426527520083, ClassificationMetrics.logLoss(new int[] {1, 0, 1}, new double[] {0, 1, 0.3}),
                1e-12);
    }

    @Test
    void calibrationTable_matchesScikitLearnCalibrationCurve() {
        // calibration_curve(Y, P, n_bins=5, strategy="uniform" / "quantile"), scikit-learn 1.2.1; tolerance 1e-12
        CalibrationTable u = CalibrationTable.compute(Y, P, 5, CalibrationTable.Strategy.UNIFORM);
        assertArrayEquals(new double[] {0.0, 0.5, 0.6, 1.0, 1.0}, u.observed(), 1e-12);
        assertArrayEquals(new double[] {0.13333333333333333, 0.37142857142857144, 0.5533333333333332,
            0.7166666666666667, 0.9}, u.meanPredicted(), 1e-12);
        CalibrationTable q = CalibrationTable.compute(Y, P, 5, CalibrationTable.Strategy.QUANTILE);
        assertArrayEquals(new double[] {0.4117647058823529, 0.7142857142857143, 0.5, 1.0}, q.observed(), 1e-12);
        assertArrayEquals(new double[] {0.32941176470588246, 0.5, 0.6, 0.7625}, q.meanPredicted(), 1e-12);
        long total = 0;
        for (int k = 0; k < u.size(); k++) {
            total += u.count(k);
        }
        assertEquals(40, total);
        assertTrue(u.expectedCalibrationError() >= 0 && u.expectedCalibrationError() <= 1);
    }

    @Test
    void liftTable_decilesOfAPerfectRanking() {
        int n = 100;
        int[] y = new int[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i < 20 ? 1 : 0;
            s[i] = n - i;
        }
        LiftTable t = LiftTable.compute(y, s, 10);
        assertEquals(10, t.rows(0));
        assertEquals(1.0, t.rate(0));
        assertEquals(5.0, t.lift(0), 1e-12);       // 100% over a base rate of 20%
        assertEquals(1.0, t.gain(1), 1e-12);       // the top two deciles hold every churner
        assertEquals(1.0, t.gain(9), 1e-12);
        assertEquals(1.0, t.cumulativeLift(9), 1e-12);
        assertTrue(t.toString().contains("group"), t.toString());
    }

    @Test
    void liftTable_tiesShareAGroup() {
        int[] y = {1, 0, 1, 0, 0, 0, 1, 0, 0, 0};
        double[] s = {0.9, 0.9, 0.9, 0.5, 0.5, 0.5, 0.5, 0.1, 0.1, 0.1};
        LiftTable t = LiftTable.compute(y, s, 5);   // ranks 0, 3, 7 start the tie groups -> groups 0, 1, 3
        assertEquals(3, t.rows(0));
        assertEquals(4, t.rows(1));
        assertEquals(0, t.rows(2));
        assertEquals(3, t.rows(3));
        assertEquals(0, t.rate(2));
    }

    @Test
    void costThreshold_picksTheCheapestCut() {
        // two churners at the top: offering them (cost 30 each, 50% saved of a 100 loss) beats every other cut:
        // top 1 costs 200 + 80, top 2 100 + 160, top 5 240 + 60, nobody 300, everybody 240 + 90
        int[] y = {1, 1, 0, 0, 1, 0};
        double[] s = {0.9, 0.8, 0.3, 0.2, 0.15, 0.1};
        CostThreshold c = CostThreshold.choose(y, s, 100, 30, 0.5);
        assertEquals(0.3, c.threshold());
        assertEquals(2, c.flagged());
        assertEquals(100 + 2 * (30 + 50), c.cost(), 1e-12);
        assertEquals(300, c.costFlagNone(), 1e-12);
        assertEquals(3 * 80 + 3 * 30, c.costFlagAll(), 1e-12);
        assertEquals(0.6, c.breakEvenProbability(), 1e-12);
        assertEquals(new ConfusionMatrix(2, 0, 3, 1), c.confusion());
        assertEquals(c.confusion(), ClassificationMetrics.confusion(y, s, c.threshold()));
    }

    @Test
    void badInput_namesTheOffendingValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.rocAuc(new int[] {0, 2}, new double[] {0.1, 0.2}));
        assertTrue(e.getMessage().contains("labels[1]") && e.getMessage().contains("got 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.rocAuc(new int[] {0, 1}, new double[] {0.1, Double.NaN}));
        assertTrue(e.getMessage().contains("scores[1]") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.rocAuc(new int[] {1, 1}, new double[] {0.1, 0.2}));
        assertTrue(e.getMessage().contains("both classes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.logLoss(new int[] {1, 0}, new double[] {0.1, 1.2}));
        assertTrue(e.getMessage().contains("probabilities[1]") && e.getMessage().contains("1.2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.brierScore(new int[] {1, 0, 1}, new double[] {0.1, 0.2}));
        assertTrue(e.getMessage().contains("length 3") && e.getMessage().contains("length 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.averagePrecision(new int[] {0, 0},
                new double[] {0.1, 0.2}));
        assertThrows(IllegalArgumentException.class, () -> CostThreshold.choose(Y, P, 0, 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> CostThreshold.choose(Y, P, 10, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> LiftTable.compute(Y, P, 41));
        assertThrows(IllegalArgumentException.class, () -> CalibrationTable.compute(Y, P, 0,
                CalibrationTable.Strategy.UNIFORM));
    }

    @Test
    void precision_withoutPredictedPositivesIsZeroNotNaN() {
        assertEquals(0.0, ClassificationMetrics.precision(new int[] {0, 1}, new double[] {0.1, 0.2}, 0.5));
        assertEquals(0.0, ClassificationMetrics.f1(new int[] {0, 1}, new double[] {0.1, 0.2}, 0.5));
    }

    // ---- properties over seeded random cases ----

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** Random labels (both classes) and scores with many ties. */
    static Object[] randomCase(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 2 + rnd.nextInt(60);
        int[] y = new int[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextInt(2);
            s[i] = rnd.nextInt(1 + rnd.nextInt(12)) / 11.0;
        }
        y[0] = 0;
        y[1] = 1;
        return new Object[] {y, s};
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void rocAuc_equalsThePairwiseCount(long seed) {
        Object[] c = randomCase(seed);
        int[] y = (int[]) c[0];
        double[] s = (double[]) c[1];
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        assertEquals(wins / pairs, ClassificationMetrics.rocAuc(y, s), 1e-12, "seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void averagePrecision_equalsTheThresholdSum(long seed) {
        Object[] c = randomCase(seed);
        int[] y = (int[]) c[0];
        double[] s = (double[]) c[1];
        // sum over distinct thresholds t (descending) of (R(t) - R(prev)) * P(t), predicted positive iff s >= t
        double[] distinct = java.util.Arrays.stream(s).distinct().sorted().toArray();
        int positives = 0;
        for (int v : y) {
            positives += v;
        }
        double ap = 0;
        double prevRecall = 0;
        for (int k = distinct.length - 1; k >= 0; k--) {
            int tp = 0;
            int flagged = 0;
            for (int i = 0; i < y.length; i++) {
                if (s[i] >= distinct[k]) {
                    flagged++;
                    tp += y[i];
                }
            }
            double recall = (double) tp / positives;
            ap += (recall - prevRecall) * tp / flagged;
            prevRecall = recall;
        }
        assertEquals(ap, ClassificationMetrics.averagePrecision(y, s), 1e-12, "seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void costThreshold_isNoWorseThanAnyThreshold(long seed) {
        Object[] c = randomCase(seed);
        int[] y = (int[]) c[0];
        double[] s = (double[]) c[1];
        SplittableRandom rnd = new SplittableRandom(seed ^ 99);
        double lost = 1 + rnd.nextDouble() * 100;
        double offer = rnd.nextDouble() * 30;
        double save = 0.05 + 0.95 * rnd.nextDouble();
        CostThreshold best = CostThreshold.choose(y, s, lost, offer, save);
        ConfusionMatrix at = ClassificationMetrics.confusion(y, s, best.threshold());
        assertEquals(best.confusion(), at, "seed " + seed);
        for (double t = -0.05; t <= 1.05; t += 0.01) {
            ConfusionMatrix cm = ClassificationMetrics.confusion(y, s, t);
            double cost = cm.falseNegatives() * lost + cm.truePositives() * (offer + (1 - save) * lost)
                    + cm.falsePositives() * offer;
            assertTrue(best.cost() <= cost + 1e-9, "seed " + seed + ": threshold " + t + " costs " + cost
                    + " < " + best.cost());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void liftTable_countsAddUpAndGainEndsAtOne(long seed) {
        Object[] c = randomCase(seed);
        int[] y = (int[]) c[0];
        double[] s = (double[]) c[1];
        int groups = 1 + new SplittableRandom(seed).nextInt(Math.min(10, y.length));
        LiftTable t = LiftTable.compute(y, s, groups);
        long rows = 0;
        long pos = 0;
        for (int g = 0; g < groups; g++) {
            rows += t.rows(g);
            pos += t.positives(g);
        }
        int positives = 0;
        for (int v : y) {
            positives += v;
        }
        assertEquals(y.length, rows, "seed " + seed);
        assertEquals(positives, pos, "seed " + seed);
        assertEquals(1.0, t.gain(groups - 1), 1e-12, "seed " + seed);
    }
}
