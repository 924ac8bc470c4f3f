package dev.retention.experiment.planning;

import dev.retention.experiment.Goldens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.retention.experiment.Goldens.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Planning against statsmodels 0.13.5: {@code NormalIndPower().solve_power(effect_size=proportion_effectsize(p1, p0),
 * alpha, power, ratio=1, alternative='two-sided')}, its {@code power} and its effect size for a given size (goldens
 * from {@code src/test/python/experiment_reference.py}); tolerance 1e-7 relative for sizes (statsmodels' Brent root is
 * exact to about 5e-9), 1e-10 for powers. The size per arm is the ceiling of the exact root.
 */
class PowerAnalysisTest {

    @Test
    void sampleSize_matchesStatsmodels() {
        for (Goldens.Case c : Goldens.of("plan_n")) {
            double[] a = c.args();
            Plan p = PowerAnalysis.proportions(a[0], a[1], a[2], a[3]);
            close(c.expected()[0], p.effectSize(), 1e-12, 0, c + " h");
            close(c.expected()[1], p.exactSampleSize(), 1e-7, 0, c + " n");   // Brent's root: 5e-9 at worst
            assertEquals((long) Math.ceil(c.expected()[1]), p.sampleSizePerArm(), c.toString());
            close(c.expected()[2], p.power(), 1e-9, 0, c + " power at the ceiling");
        }
    }

    @Test
    void power_matchesStatsmodels() {
        for (Goldens.Case c : Goldens.of("plan_power")) {
            double[] a = c.args();
            close(c.expected()[0], PowerAnalysis.proportionsPower(a[0], a[1], (long) a[2], a[3]).power(), 1e-10, 0,
                    c.toString());
        }
    }

    @Test
    void detectableEffect_matchesStatsmodels() {
        for (Goldens.Case c : Goldens.of("plan_es")) {
            double[] a = c.args();
            // statsmodels' solve_power for the effect size stops early: 6e-5 relative off at n 10,000, 1.4e-4 at 123,456 (its own power
            // there is 0.80005); ours is checked to 5e-4 against it and exactly through the power function
            double es = PowerAnalysis.detectableEffectSize(a[0], a[1], a[2]);
            close(c.expected()[0], es, 5e-4, 0, c.toString());
            close(a[2], PowerAnalysis.power(es, a[0], a[1]), 1e-12, 0, c + " power at the effect");
        }
    }

    /** Property: the detectable effect at the planned size gives back the mde's effect size, and power is monotone. */
    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.05, 0.1, 0.3, 0.5, 0.8})
    void mdeAndSampleSize_areInverse(double baseline) {
        double mde = Math.min(0.05, (1 - baseline) / 4);
        Plan p = PowerAnalysis.proportions(baseline, mde, 0.05, 0.8);
        Plan back = PowerAnalysis.proportionsMde(baseline, p.sampleSizePerArm(), 0.05, 0.8);
        assertTrue(back.mde() <= mde && back.mde() > 0.98 * mde, baseline + ": " + back.mde() + " vs " + mde);
        assertTrue(PowerAnalysis.power(p.effectSize(), p.sampleSizePerArm() + 100.0, 0.05) > p.power());
        Plan means = PowerAnalysis.means(2.0, 0.1, 0.05, 0.8);
        close(0.1, PowerAnalysis.meansMde(2.0, (long) means.exactSampleSize(), 0.05, 0.8).mde(), 1e-4, 0, "means");
    }

    @Test
    void badInput_isAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PowerAnalysis.proportions(0.1, 0, 0.05, 0.8));
        assertTrue(e.getMessage().contains("mde must not be 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PowerAnalysis.proportions(0.1, 0.01, 1.5, 0.8));
        assertTrue(e.getMessage().contains("alpha must be in (0, 1), got 1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PowerAnalysis.proportions(0.1, 0.01, 0.05, 0));
        assertTrue(e.getMessage().contains("power must be in (0, 1), got 0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PowerAnalysis.proportions(0.1, 0.01, 0.05, 0.04));
        assertTrue(e.getMessage().contains("power must exceed alpha"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PowerAnalysis.proportions(0.95, 0.1, 0.05, 0.8));
        assertTrue(e.getMessage().contains("baseline + mde"), e.getMessage());
        // effect 0 has a stated power: alpha
        assertEquals(0.05, PowerAnalysis.proportionsPower(0.1, 0, 1000, 0.05).power(), 1e-15);
    }
}
