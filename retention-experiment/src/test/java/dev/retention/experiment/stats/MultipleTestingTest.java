package dev.retention.experiment.stats;

import dev.retention.experiment.Goldens;
import dev.retention.random.Variates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.retention.experiment.Goldens.close;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holm, Bonferroni and the sample-ratio check against statsmodels 0.13.5 ({@code multipletests}) and SciPy 1.10.1
 * ({@code chisquare}), 1e-12 relative; and the properties raw &lt;= Holm &lt;= Bonferroni &lt;= 1 on seeded p-values.
 */
class MultipleTestingTest {

    @Test
    void holmAndBonferroni_matchStatsmodels() {
        for (Goldens.Case c : Goldens.of("holm")) {
            int m = c.args().length;
            double[] h = MultipleTesting.holm(c.args());
            double[] b = MultipleTesting.bonferroni(c.args());
            for (int i = 0; i < m; i++) {
                close(c.expected()[i], h[i], 1e-12, 0, c + " holm " + i);
                close(c.expected()[m + i], b[i], 1e-12, 0, c + " bonferroni " + i);
            }
        }
    }

    @Test
    void sampleRatio_matchesScipy() {
        for (Goldens.Case c : Goldens.of("srm")) {
            long[] counts = new long[c.args().length];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = (long) c.args()[i];
            }
            SampleRatio s = SampleRatio.test(counts, null);
            close(c.expected()[0], s.chiSquare(), 1e-12, 0, c + " chi-square");
            close(c.expected()[1], s.pValue(), 1e-12, 0, c + " p");
        }
        assertTrue(SampleRatio.test(new long[] {1000, 1200}, null).alarm());
        assertTrue(!SampleRatio.test(new long[] {2000, 1000}, new double[] {2, 1}).alarm());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void holm_isBetweenRawAndBonferroni(long seed) {
        Variates v = new Variates(seed);
        double[] p = new double[1 + v.nextInt(20)];
        for (int i = 0; i < p.length; i++) {
            p[i] = v.nextDouble() < 0.2 ? v.nextDouble() * 1e-3 : v.nextDouble();
        }
        double[] h = MultipleTesting.holm(p);
        double[] b = MultipleTesting.bonferroni(p);
        for (int i = 0; i < p.length; i++) {
            assertTrue(p[i] <= h[i] && h[i] <= b[i] && b[i] <= 1, "seed " + seed + ", i " + i);
        }
    }

    @Test
    void badInput_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> MultipleTesting.holm(new double[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultipleTesting.holm(new double[] {0.1, 1.5}));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SampleRatio.test(new long[] {10}, null));
        assertTrue(e.getMessage().contains("at least 2 arms"), e.getMessage());
    }
}
