package dev.retention.random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Moments of the samplers against their closed forms. Tolerances are 5 standard errors of the
 * estimate at the sample size used, so a correct sampler fails with probability below 1e-6 per
 * check (normal approximation), while a wrong mean or variance of a few percent is caught:
 * <ul>
 *   <li>sample mean: standard error {@code sigma / sqrt(n)};</li>
 *   <li>sample variance: standard error {@code sigma^2 sqrt((kurtosis - 1) / n)}, with the kurtosis of the
 *       distribution (gamma: {@code 3 + 6 / k}; for the beta we use the bound {@code E(X - mu)^4 <= sigma^2},
 *       valid on [0, 1], so the standard error is at most {@code sigma sqrt(1 / n)}).</li>
 * </ul>
 */
class VariatesTest {

    private static final int N = 100_000;

    @ParameterizedTest(name = "shape {0}, rate {1}")
    @CsvSource({"0.1, 1", "0.25, 28", "0.8, 1", "1, 2", "2.5, 0.5", "6, 1", "40, 3"})
    void gamma_matchesMeanAndVariance(double shape, double rate) {
        Variates rng = Variates.stream(11, 1, (long) (shape * 1000));
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = rng.gamma(shape, rate);
            assertTrue(x[i] >= 0.0 && Double.isFinite(x[i]), "gamma variate " + x[i]);
        }
        double mean = shape / rate;
        double variance = shape / (rate * rate);
        double kurtosis = 3.0 + 6.0 / shape;
        assertMoments(x, mean, variance, kurtosis, "Gamma(" + shape + ", " + rate + ")");
    }

    @ParameterizedTest(name = "a {0}, b {1}")
    @CsvSource({"0.8, 2.5", "0.5, 0.5", "2, 5", "10, 1", "0.2, 0.3"})
    void beta_matchesMeanAndVariance(double a, double b) {
        Variates rng = Variates.stream(12, 2, (long) (a * 1000 + b));
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = rng.beta(a, b);
            assertTrue(x[i] >= 0.0 && x[i] <= 1.0, "beta variate " + x[i]);
        }
        double mean = a / (a + b);
        double variance = a * b / ((a + b) * (a + b) * (a + b + 1));
        // On [0, 1], (X - mu)^4 <= (X - mu)^2, so the fourth central moment is at most the variance.
        double kurtosisBound = 1.0 + 1.0 / variance;
        assertMoments(x, mean, variance, kurtosisBound, "Beta(" + a + ", " + b + ")");
    }

    @Test
    void normal_hasMeanZeroAndVarianceOne() {
        Variates rng = Variates.stream(13, 3, 0);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = rng.normal();
        }
        assertMoments(x, 0.0, 1.0, 3.0, "N(0, 1)");
    }

    @Test
    void exponential_hasMeanOneAndVarianceOne() {
        Variates rng = Variates.stream(14, 4, 0);
        double[] x = new double[N];
        int belowMedian = 0;
        for (int i = 0; i < N; i++) {
            x[i] = rng.exponential();
            belowMedian += x[i] < Math.log(2.0) ? 1 : 0;
        }
        assertMoments(x, 1.0, 1.0, 9.0, "Exp(1)");
        // P(X < ln 2) = 1/2; binomial standard error sqrt(N / 4).
        assertEquals(N / 2.0, belowMedian, 5 * Math.sqrt(N / 4.0), "draws below the median");
    }

    @Test
    void nextInt_isUniformOverTheBound() {
        Variates rng = Variates.stream(15, 5, 0);
        int bound = 7;
        int[] counts = new int[bound];
        for (int i = 0; i < N; i++) {
            int v = rng.nextInt(bound);
            assertTrue(v >= 0 && v < bound, "nextInt(7) gave " + v);
            counts[v]++;
        }
        double expected = (double) N / bound;
        double sd = Math.sqrt(N * (1.0 / bound) * (1.0 - 1.0 / bound));
        for (int v = 0; v < bound; v++) {
            assertEquals(expected, counts[v], 5 * sd, "count of " + v);
        }
    }

    @Test
    void stream_isDeterministicAndIndependentOfOtherStreams() {
        Variates a = Variates.stream(42, 3, 17);
        Variates b = Variates.stream(42, 3, 17);
        Variates reused = new Variates(0);
        reused.normal();                         // leaves a spare normal that reset must discard
        reused.reset(42, 3, 17);
        for (int i = 0; i < 1000; i++) {
            double x = a.gamma(0.7);
            assertEquals(x, b.gamma(0.7));
            assertEquals(x, reused.gamma(0.7));
        }
        assertNotEquals(Variates.stream(42, 3, 17).nextLong(), Variates.stream(42, 3, 18).nextLong());
        assertNotEquals(Variates.stream(42, 3, 17).nextLong(), Variates.stream(42, 4, 17).nextLong());
        assertNotEquals(Variates.stream(42, 3, 17).nextLong(), Variates.stream(43, 3, 17).nextLong());
    }

    @Test
    void nextLong_matchesTheSplitMix64Reference() {
        // SplitMix64 reference output for state 0 (first value 0xE220A8397B1DCDAF, as in Vigna's splitmix64.c).
        Variates rng = new Variates(0);
        assertEquals(0xE220A8397B1DCDAFL, rng.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, rng.nextLong());
    }

    private static void assertMoments(double[] x, double mean, double variance, double kurtosis, String what) {
        int n = x.length;
        double sum = 0.0;
        for (double v : x) {
            sum += v;
        }
        double sampleMean = sum / n;
        double ss = 0.0;
        for (double v : x) {
            ss += (v - sampleMean) * (v - sampleMean);
        }
        double sampleVariance = ss / (n - 1);
        double meanTolerance = 5 * Math.sqrt(variance / n);
        double varianceTolerance = 5 * variance * Math.sqrt((kurtosis - 1.0) / n);
        assertEquals(mean, sampleMean, meanTolerance, what + " mean");
        assertEquals(variance, sampleVariance, varianceTolerance, what + " variance");
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "2", "7", "100"})
    void permutation_holdsEveryIndexOnce_andShuffleMovesValuesLikeIt(int n) {
        int[] p = new Variates(42).permutation(n);
        boolean[] seen = new boolean[n];
        for (int v : p) {
            assertTrue(v >= 0 && v < n && !seen[v], "n " + n);
            seen[v] = true;
        }
        // shuffling values 10 * i moves them as the same draws move the indexes
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = 10 * i;
        }
        new Variates(42).shuffle(values);
        for (int i = 0; i < n; i++) {
            assertEquals(10 * p[i], values[i], "n " + n);
        }
    }

    @Test
    void permutation_isUniformOverTheOrdersOfThree() {
        // chi-square over the 6 orders of 3 items, 60,000 draws: 5 degrees of freedom, 0.999 quantile 20.5
        Variates v = new Variates(7);
        int[] counts = new int[6];
        for (int t = 0; t < 60_000; t++) {
            int[] p = v.permutation(3);
            counts[p[0] * 2 + (p[1] > p[2] ? 1 : 0)]++;
        }
        double chi2 = 0;
        for (int c : counts) {
            chi2 += (c - 10_000.0) * (c - 10_000.0) / 10_000.0;
        }
        assertTrue(chi2 < 20.5, "chi2 " + chi2);
    }
}
