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

/** {@link RocAuc} and {@link Correlation} against SciPy and scikit-learn, and against brute force. */
class RankingMeasuresTest {

    // Ties on both sides.
    private static final double[] A = {3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0};
    private static final double[] B = {2.7, 1.8, 2.8, 1.8, 2.8, 4.5, 9.0, 4.5, 2.0, 0.0};

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    /** Golden: SciPy 1.10.1, {@code scipy.stats.rankdata(A)} (method "average"); exact. */
    @Test
    void midRanks_matchScipyRankdata() {
        assertArrayEquals(new double[] {4.5, 1.5, 6.0, 1.5, 7.5, 10.0, 3.0, 9.0, 7.5, 4.5}, Correlation.midRanks(A), 0);
    }

    /** Golden: SciPy 1.10.1, {@code scipy.stats.spearmanr(A, B).correlation}; tolerance 1e-12. */
    @Test
    void spearman_matchesScipyWithTies() {
        assertEquals(0.5092592592592592, Correlation.spearman(A, B).getAsDouble(), 1e-12);
    }

    /** Golden: SciPy 1.10.1, {@code scipy.stats.pearsonr(A, B)[0]}; tolerance 1e-12. */
    @Test
    void pearson_matchesScipy() {
        assertEquals(0.14785965701666548, Correlation.pearson(A, B).getAsDouble(), 1e-12);
    }

    @Test
    void correlation_isEmptyWhenUndefinedAndRefusesNonFiniteValues() {
        double[] constant = new double[A.length];
        assertTrue(Correlation.spearman(A, constant).isEmpty());
        assertTrue(Correlation.pearson(constant, B).isEmpty());
        assertTrue(Correlation.pearson(new double[] {1}, new double[] {2}).isEmpty());
        double[] withNaN = A.clone();
        withNaN[3] = Double.NaN;
        assertEquals("a[3] must be finite, got NaN", assertThrows(IllegalArgumentException.class,
                () -> Correlation.spearman(withNaN, B)).getMessage());
        assertEquals("a and b must have the same length, got 10 and 2", assertThrows(IllegalArgumentException.class,
                () -> Correlation.pearson(A, new double[2])).getMessage());
    }

    /** Golden: scikit-learn 1.2.1 {@code roc_auc_score([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.4, 0.4])} = 0.6666666666666667; tolerance 1e-15. */
    @Test
    void rocAuc_matchesScikitLearnWithTies() {
        assertEquals(0.6666666666666667, RocAuc.of(new int[] {0, 0, 1, 1, 0, 1},
                new double[] {0.1, 0.4, 0.35, 0.8, 0.4, 0.4}), 1e-15);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void rocAuc_equalsTheMannWhitneyCountOverAllPairs(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = rnd.nextInt(2, 80);
        int[] y = new int[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextInt(2);
            s[i] = rnd.nextInt(3) == 0 ? rnd.nextInt(4) * 0.25 : rnd.nextGaussian();   // many ties
            if (rnd.nextInt(20) == 0) {
                s[i] = -0.0;
            }
        }
        y[0] = 0;
        y[1] = 1;
        double pairs = 0;
        double wins = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        assertEquals(wins / pairs, RocAuc.of(y, s), 0.0, "seed " + seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void midRanks_equalBruteForceCounts(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[rnd.nextInt(0, 60)];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextInt(5) - 2.0;
        }
        double[] r = Correlation.midRanks(x);
        for (int i = 0; i < x.length; i++) {
            int below = 0;
            int equal = 0;
            for (double v : x) {
                below += v < x[i] ? 1 : 0;
                equal += v == x[i] ? 1 : 0;
            }
            assertEquals(below + (equal + 1) / 2.0, r[i], 0.0, "seed " + seed);
        }
    }

    @Test
    void rocAuc_namesWhatIsWrong() {
        assertTrue(RocAuc.ifBothClasses(new int[] {1, 1}, new double[] {0.2, 0.3}).isEmpty());
        assertEquals("ROC AUC needs both classes, but every label is 1 (2 rows)", assertThrows(
                IllegalArgumentException.class, () -> RocAuc.of(new int[] {1, 1}, new double[] {0.2, 0.3})).getMessage());
        assertEquals("scores[1] must be finite, got NaN", assertThrows(IllegalArgumentException.class,
                () -> RocAuc.of(new int[] {0, 1}, new double[] {0.2, Double.NaN})).getMessage());
        assertEquals("labels[0] must be 0 or 1, got 2", assertThrows(IllegalArgumentException.class,
                () -> RocAuc.of(new int[] {2, 1}, new double[] {0.2, 0.1})).getMessage());
    }
}
