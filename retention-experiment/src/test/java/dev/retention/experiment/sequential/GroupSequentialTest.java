package dev.retention.experiment.sequential;

import dev.retention.random.Variates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Group-sequential boundaries against published values: Lan-DeMets O'Brien-Fleming type, K = 5 equal looks,
 * two-sided 0.05: 4.877, 3.357, 2.680, 2.290, 2.031 (the figures; Jennison and Turnbull 2000, table 7.6's
 * design, as R's {@code ldbounds::bounds(t, iuse = 1, alpha = c(0.025, 0.025))} prints them), Pocock type 2.438,
 * 2.427, 2.410, 2.397, 2.386 ({@code iuse = 2}); no Python package at hand computes them. Tolerance 5e-4 (three
 * printed decimals). Properties: one look is the fixed test; the spent error is the spending function's; a seeded
 * simulation of the null crosses about alpha of the time; the mSPRT p-values never rise and stay valid.
 */
class GroupSequentialTest {

    @Test
    void obrienFleming_fiveLooks_matchesPublished() {
        Boundaries b = GroupSequential.compute(5, 0.05, Spending.OBRIEN_FLEMING);
        assertArrayEquals(new double[] {4.877, 3.357, 2.680, 2.290, 2.031}, b.z(), 5e-4);
        assertEquals(0.05, b.alphaSpent()[4], 1e-15);
    }

    @Test
    void pocock_fiveLooks_matchesPublished() {
        Boundaries b = GroupSequential.compute(5, 0.05, Spending.POCOCK);
        assertArrayEquals(new double[] {2.438, 2.427, 2.410, 2.397, 2.386}, b.z(), 5e-4);
    }

    @Test
    void oneLook_isTheFixedTest() {
        assertEquals(1.959963984540054, GroupSequential.compute(1, 0.05, Spending.POCOCK).z()[0], 1e-12);
    }

    /** Property: simulated null paths cross the boundaries with probability alpha (within 4 standard errors). */
    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void nullPaths_crossWithProbabilityAlpha(long seed) {
        Boundaries b = GroupSequential.compute(new double[] {0.25, 0.5, 0.75, 1}, 0.05, Spending.OBRIEN_FLEMING);
        Variates v = new Variates(seed);
        int reps = 20000;
        int crossed = 0;
        for (int r = 0; r < reps; r++) {
            double s = 0;
            double[] z = new double[4];
            for (int k = 0; k < 4; k++) {
                s += v.normal() * Math.sqrt(0.25);
                z[k] = s / Math.sqrt(0.25 * (k + 1));
            }
            crossed += b.firstCrossing(z) >= 0 ? 1 : 0;
        }
        double rate = crossed / (double) reps;
        assertTrue(Math.abs(rate - 0.05) < 4 * Math.sqrt(0.05 * 0.95 / reps), "seed " + seed + ": " + rate);
    }

    @Test
    void msprt_isNonIncreasingAndSmallForLargeEffects() {
        double[] d = {0.01, 0.03, -0.02, 0.05, 0.08};
        double[] v = {1e-3, 5e-4, 3e-4, 2e-4, 1e-4};
        double[] p = Msprt.pValues(d, v, 0.05);
        for (int i = 1; i < p.length; i++) {
            assertTrue(p[i] <= p[i - 1] && p[i] > 0 && p[i] <= 1);
        }
        assertTrue(p[4] < 1e-10, "p " + p[4]);
        // Johari et al.: Lambda at Delta = 0 is sqrt(V / (V + tau^2)) < 1, so p = 1
        assertEquals(1, Msprt.pValues(new double[] {0}, new double[] {1e-3}, 0.05)[0]);
    }

    /** Property: under the null the always-valid p-value drops below alpha on few paths, however often one looks. */
    @ParameterizedTest
    @ValueSource(longs = {3, 4})
    void msprt_controlsTheErrorUnderContinuousPeeking(long seed) {
        Variates v = new Variates(seed);
        int reps = 400;
        int rejected = 0;
        for (int r = 0; r < reps; r++) {
            double st = 0;
            double sc = 0;
            int looks = 200;
            double[] d = new double[looks];
            double[] var = new double[looks];
            for (int n = 1; n <= looks; n++) {
                for (int i = 0; i < 10; i++) {
                    st += v.normal();
                    sc += v.normal();
                }
                d[n - 1] = (st - sc) / (10.0 * n);
                var[n - 1] = 2.0 / (10.0 * n);
            }
            double[] p = Msprt.pValues(d, var, 0.2);
            rejected += p[looks - 1] < 0.05 ? 1 : 0;
        }
        assertTrue(rejected <= 0.05 * reps + 4 * Math.sqrt(0.05 * 0.95 * reps), "seed " + seed + ": " + rejected);
    }

    @Test
    void badInput_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GroupSequential.compute(0, 0.05, Spending.POCOCK));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GroupSequential.compute(3, 1.2, Spending.POCOCK));
        assertTrue(e.getMessage().contains("alpha must be in (0, 1), got 1.2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GroupSequential.compute(new double[] {0.5, 0.4, 1}, 0.05, Spending.POCOCK));
        assertTrue(e.getMessage().contains("increase"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Msprt.pValues(new double[] {1}, new double[] {0}, 0.1));
    }
}
