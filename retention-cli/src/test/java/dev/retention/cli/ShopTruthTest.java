package dev.retention.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShopTruthTest {

    // Ties on both sides.
    private static final double[] A = {3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0};
    private static final double[] B = {2.7, 1.8, 2.8, 1.8, 2.8, 4.5, 9.0, 4.5, 2.0, 0.0};

    /** Golden: SciPy 1.10.1, {@code scipy.stats.rankdata(A)} (method "average"); exact. */
    @Test
    void midRanks_matchScipyRankdata() {
        assertArrayEquals(new double[] {4.5, 1.5, 6.0, 1.5, 7.5, 10.0, 3.0, 9.0, 7.5, 4.5}, ShopTruth.midRanks(A), 0);
    }

    /** Golden: SciPy 1.10.1, {@code scipy.stats.spearmanr(A, B).correlation}; tolerance 1e-12. */
    @Test
    void spearman_matchesScipyWithTies() {
        assertEquals(0.5092592592592592, ShopTruth.spearman(A, B), 1e-12);
    }

    /** Golden: SciPy 1.10.1, {@code scipy.stats.pearsonr(A, B)[0]}; tolerance 1e-12. */
    @Test
    void pearson_matchesScipy() {
        assertEquals(0.14785965701666548, ShopTruth.pearson(A, B), 1e-12);
    }

    @Test
    void correlations_areNaNForConstantOrNonFiniteInput() {
        double[] constant = new double[A.length];
        assertTrue(Double.isNaN(ShopTruth.spearman(A, constant)));
        assertTrue(Double.isNaN(ShopTruth.pearson(constant, B)));
        double[] withNaN = A.clone();
        withNaN[3] = Double.NaN;
        assertTrue(Double.isNaN(ShopTruth.spearman(withNaN, B)));
        assertTrue(Double.isNaN(ShopTruth.pearson(B, withNaN)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShopTruth.spearman(A, new double[3]));
        assertTrue(e.getMessage().contains("10") && e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void auc_isNaNWithOneClassOrANonFiniteScore() {
        assertTrue(Double.isNaN(ShopTruth.auc(new int[] {1, 1, 1}, new double[] {0.1, 0.2, 0.3})));
        assertTrue(Double.isNaN(ShopTruth.auc(new int[] {0, 1, 1}, new double[] {0.1, Double.NaN, 0.3})));
        assertEquals(1.0, ShopTruth.auc(new int[] {0, 1, 1}, new double[] {0.1, 0.2, 0.3}), 0);
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /**
     * The closed form {@code (1 - exp(-lambda p t)) / p} equals its definition, the sum over purchases k of
     * {@code (1 - p)^(k-1) P(N(t) >= k)} with {@code N(t)} Poisson of mean {@code lambda t}, summed directly until
     * the terms vanish; relative tolerance 1e-10.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void expectedPurchases_equalsTheSumOverPurchases(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double lambda = Math.exp(random.nextDouble(-8, 0));         // 0.0003 .. 1 purchases a day
        double p = random.nextDouble() < 0.05 ? 0 : random.nextDouble(0.001, 1);
        double days = random.nextDouble(1, 400);
        double mean = lambda * days;
        double pmf = Math.exp(-mean);      // P(N = 0)
        double tail = 1 - pmf;             // P(N >= 1)
        double survive = 1;                // (1 - p)^(k-1)
        double sum = 0;
        for (int k = 1; k < 10_000 && tail > 1e-18; k++) {
            sum += survive * tail;
            pmf *= mean / k;               // P(N = k)
            tail -= pmf;                   // P(N >= k + 1)
            survive *= 1 - p;
        }
        double closed = ShopTruth.expectedPurchases(lambda, p, days);
        assertEquals(sum, closed, 1e-10 * Math.max(1, closed),
                "seed " + seed + ": lambda " + lambda + ", p " + p + ", days " + days);
    }
}
