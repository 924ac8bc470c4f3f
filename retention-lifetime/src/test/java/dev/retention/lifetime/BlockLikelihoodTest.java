package dev.retention.lifetime;

import dev.retention.lifetime.bgnbd.BgNbd;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.bgnbd.BgNbdOptions;
import dev.retention.lifetime.gammagamma.GammaGamma;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.lifetime.gammagamma.GammaGammaOptions;
import dev.retention.model.DataFingerprint;
import dev.retention.model.FitControl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The fits over an external likelihood ({@link LikelihoodSum} of block likelihoods) against the fits on a summary:
 * the block sums add up to the whole likelihood (1e-10 relative, rounding of a different summation order), and the
 * fit over blocks equals the single-JVM fit (same optimizer, start and verdict) to 1e-6 relative in the parameters.
 */
class BlockLikelihoodTest {

    @ParameterizedTest
    @ValueSource(longs = {3, 17, 101})
    void blockFitsEqualTheFitOnTheSummary(long seed) {
        CustomerSummary s = TestShops.calibration(400, seed, false);
        int n = s.size();
        int[] cuts = cuts(n, new SplittableRandom(seed));

        for (BgNbdModel.Variant variant : BgNbdModel.Variant.values()) {
            BgNbdOptions options = BgNbdOptions.defaults().withVariant(variant);
            List<LikelihoodSum> blocks = new ArrayList<>();
            for (int b = 0; b + 1 < cuts.length; b++) {
                blocks.add(BgNbd.likelihood(Arrays.copyOfRange(s.frequencies(), cuts[b], cuts[b + 1]),
                        Arrays.copyOfRange(s.recencies(), cuts[b], cuts[b + 1]),
                        Arrays.copyOfRange(s.ages(), cuts[b], cuts[b + 1]), variant));
            }
            LikelihoodSum whole = BgNbd.likelihood(s.frequencies(), s.recencies(), s.ages(), variant);
            double[] at = {0.7, 3.5, 0.4, 2.2};
            assertSumsAgree(whole, blocks, at);

            BgNbdModel expected = BgNbd.fit(s, options);
            BgNbdModel actual = BgNbd.fit(new BgNbd.Totals(n, s.meanFrequency(), s.meanAge(), s.unit(),
                    s.fingerprint(), s.warnings()), sum(blocks), options, FitControl.defaults());
            assertRelative(expected.parameters(), actual.parameters(), 1e-6, variant.label());
            assertEquals(expected.fitSummary().verdict(), actual.fitSummary().verdict(), variant.label());
            assertEquals(expected.estimates().logLikelihood(), actual.estimates().logLikelihood(),
                    1e-9 * Math.abs(expected.estimates().logLikelihood()));
        }

        int[] x = s.frequencies();
        double[] m = s.monetaryValues();
        List<LikelihoodSum> blocks = new ArrayList<>();
        int repeat = 0;
        double spend = 0;
        for (int b = 0; b + 1 < cuts.length; b++) {
            blocks.add(GammaGamma.likelihood(Arrays.copyOfRange(x, cuts[b], cuts[b + 1]),
                    Arrays.copyOfRange(m, cuts[b], cuts[b + 1])));
        }
        List<Double> rx = new ArrayList<>();
        List<Double> rm = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (x[i] > 0) {
                repeat++;
                spend += m[i];
                rx.add((double) x[i]);
                rm.add(m[i]);
            }
        }
        assertSumsAgree(GammaGamma.likelihood(x, m), blocks, new double[] {2.5, 3.1, 40});
        GammaGammaModel expected = GammaGamma.fit(s, GammaGammaOptions.defaults());
        double correlation = dev.retention.evaluation.Correlation.pearson(
                rx.stream().mapToDouble(Double::doubleValue).toArray(),
                rm.stream().mapToDouble(Double::doubleValue).toArray()).orElse(0);
        GammaGammaModel actual = GammaGamma.fit(new GammaGamma.Totals(repeat, spend / repeat, correlation,
                s.fingerprint(), s.warnings()), sum(blocks), GammaGammaOptions.defaults(), FitControl.defaults());
        assertRelative(expected.parameters(), actual.parameters(), 1e-6, "Gamma-Gamma");
        assertEquals(expected.fitSummary().verdict(), actual.fitSummary().verdict());
        assertEquals(expected.fitSummary().warnings(), actual.fitSummary().warnings());
    }

    @org.junit.jupiter.api.Test
    void badBlocksAndTotalsAreRefusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GammaGamma.likelihood(new int[] {0, 2}, new double[] {0, -1}));
        assertEquals(true, e.getMessage().contains("row 1") && e.getMessage().contains("-1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BgNbd.likelihood(new int[2], new double[2],
                new double[1], BgNbdModel.Variant.BG_NBD));
        assertEquals(true, e.getMessage().contains("same length"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BgNbd.Totals(10, Double.NaN, 1, PeriodUnit.WEEK,
                DataFingerprint.NONE, List.of()));
        assertEquals(true, e.getMessage().contains("meanFrequency"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GammaGamma.Totals(10, 0, 0, DataFingerprint.NONE,
                List.of()));
        assertEquals(true, e.getMessage().contains("meanSpend"), e.getMessage());
    }

    /** Block boundaries 0 = c0 < c1 < ... = n, 2 to 5 blocks of random sizes. */
    private static int[] cuts(int n, SplittableRandom random) {
        int blocks = 2 + random.nextInt(4);
        int[] c = new int[blocks + 1];
        for (int b = 1; b < blocks; b++) {
            c[b] = 1 + random.nextInt(n - 1);
        }
        c[blocks] = n;
        Arrays.sort(c);
        return c;
    }

    private static LikelihoodSum sum(List<LikelihoodSum> blocks) {
        return (theta, gradient) -> {
            double total = 0;
            double[] g = gradient == null ? null : new double[gradient.length];
            if (gradient != null) {
                Arrays.fill(gradient, 0);
            }
            for (LikelihoodSum b : blocks) {
                total += b.value(theta, g);
                if (gradient != null) {
                    for (int j = 0; j < g.length; j++) {
                        gradient[j] += g[j];
                    }
                }
            }
            return total;
        };
    }

    private static void assertSumsAgree(LikelihoodSum whole, List<LikelihoodSum> blocks, double[] at) {
        double[] g = new double[at.length];
        double[] gb = new double[at.length];
        double v = whole.value(at, g);
        double vb = sum(blocks).value(at, gb);
        assertEquals(v, vb, 1e-10 * Math.abs(v));
        for (int j = 0; j < g.length; j++) {
            assertEquals(g[j], gb[j], 1e-10 * (1 + Math.abs(g[j])), "gradient " + j);
        }
    }

    private static void assertRelative(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance * Math.abs(expected[i]), what + " parameter " + i);
        }
    }
}
