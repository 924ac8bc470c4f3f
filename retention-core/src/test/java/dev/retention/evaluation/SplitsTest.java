package dev.retention.evaluation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitsTest {

    @Test
    void inOrder_equalsScikitLearnStratifiedKFold() {
        // StratifiedKFold(4).split(zeros(23), y3) in scikit-learn 1.2.1, y3 from NumPy default_rng(7): the fold of
        // each row as a test row. Exact.
        int[] y = {1, 1, 1, 1, 1, 2, 2, 0, 1, 1, 1, 0, 0, 1, 2, 0, 1, 2, 2, 0, 0, 2, 0};
        int[] folds = {0, 0, 0, 1, 1, 0, 1, 0, 1, 2, 2, 0, 1, 3, 2, 1, 3, 2, 3, 2, 2, 3, 3};
        StratifiedKFold k = StratifiedKFold.inOrder(y, 4);
        for (int i = 0; i < y.length; i++) {
            assertEquals(folds[i], k.foldOf(i), "row " + i);
        }
    }

    @Test
    void trainTestSplit_classCountsEqualScikitLearn() {
        // Telco: 7,043 rows, 1,869 churners; train_test_split(test_size=0.2, stratify=y) gives 1,409 test rows
        // with 374 churners and 5,634 training rows with 1,495 churners
        int[] y = new int[7043];
        for (int i = 0; i < 1869; i++) {
            y[i * 3] = 1;
        }
        TrainTestSplit s = TrainTestSplit.stratified(y, 0.2, 0);
        assertEquals(1409, s.test().length);
        assertEquals(5634, s.train().length);
        int pos = 0;
        for (int i : s.test()) {
            pos += y[i];
        }
        assertEquals(374, pos);
    }

    @Test
    void badInput_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StratifiedKFold.split(new int[] {0, 0, 0, 1, 1}, 3, 0));
        assertTrue(e.getMessage().contains("class 1 has only 2 rows") && e.getMessage().contains("k=3"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StratifiedKFold.split(new int[] {0, 1}, 1, 0));
        e = assertThrows(IllegalArgumentException.class,
                () -> TrainTestSplit.stratified(new int[] {0, 0, 1}, 0.5, 0));
        assertTrue(e.getMessage().contains("class 1 has only 1 row"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TrainTestSplit.stratified(new int[] {0, 0, 1, 1}, 1.0, 0));
        assertTrue(e.getMessage().contains("testFraction") && e.getMessage().contains("1.0"), e.getMessage());
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    static int[] randomLabels(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int classes = 2 + rnd.nextInt(3);
        int n = 10 * classes + rnd.nextInt(200);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i < 10 * classes ? i % classes : (rnd.nextInt(4) == 0 ? rnd.nextInt(classes) : 0);
        }
        return y;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void kFold_partitionsTheRowsAndBalancesEveryClass(long seed) {
        int[] y = randomLabels(seed);
        int k = 2 + new SplittableRandom(seed).nextInt(9);
        StratifiedKFold folds = StratifiedKFold.split(y, k, seed);
        int[] seen = new int[y.length];
        int classes = 0;
        for (int v : y) {
            classes = Math.max(classes, v + 1);
        }
        for (int f = 0; f < k; f++) {
            int[] test = folds.testRows(f);
            int[] train = folds.trainRows(f);
            assertEquals(y.length, test.length + train.length, "seed " + seed);
            for (int i : test) {
                seen[i]++;
                assertEquals(f, folds.foldOf(i));
            }
            for (int c = 0; c < classes; c++) {
                int total = 0;
                int inFold = 0;
                for (int i = 0; i < y.length; i++) {
                    total += y[i] == c ? 1 : 0;
                }
                for (int i : test) {
                    inFold += y[i] == c ? 1 : 0;
                }
                assertTrue(Math.abs(inFold - (double) total / k) < 1 + 1e-9, "seed " + seed + " fold " + f
                        + " class " + c + ": " + inFold + " of " + total);
            }
        }
        for (int s : seen) {
            assertEquals(1, s, "seed " + seed + ": every row is a test row exactly once");
        }
        StratifiedKFold again = StratifiedKFold.split(y, k, seed);
        for (int f = 0; f < k; f++) {
            assertArrayEquals(folds.testRows(f), again.testRows(f), "seed " + seed);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void trainTest_isADisjointStratifiedCover(long seed) {
        int[] y = randomLabels(seed);
        double fraction = 0.1 + 0.8 * new SplittableRandom(seed).nextDouble();
        TrainTestSplit s = TrainTestSplit.stratified(y, fraction, seed);
        int[] mark = new int[y.length];
        for (int i : s.train()) {
            mark[i] += 1;
        }
        for (int i : s.test()) {
            mark[i] += 2;
        }
        for (int m : mark) {
            assertTrue(m == 1 || m == 2, "seed " + seed);
        }
        assertEquals((int) Math.ceil(fraction * y.length), s.test().length, "seed " + seed);
        int[] classCount = new int[5];
        int[] testCount = new int[5];
        for (int v : y) {
            classCount[v]++;
        }
        for (int i : s.test()) {
            testCount[y[i]]++;
        }
        for (int c = 0; c < 5; c++) {
            double expected = (double) classCount[c] * s.test().length / y.length;
            assertTrue(Math.abs(testCount[c] - expected) <= 1 + 1e-9, "seed " + seed + " class " + c);
        }
        assertArrayEquals(s.test(), TrainTestSplit.stratified(y, fraction, seed).test(), "seed " + seed);
    }
}
