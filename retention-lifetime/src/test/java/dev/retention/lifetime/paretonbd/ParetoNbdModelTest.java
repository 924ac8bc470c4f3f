package dev.retention.lifetime.paretonbd;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.TestShops;
import dev.retention.lifetime.simulation.LifetimeSimulation;
import dev.retention.model.FitControl;
import dev.retention.model.Models;
import dev.retention.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Pareto/NBD against an independent reference: mpmath 1.2.1 at 40 digits evaluating the likelihood from its
 * integral representation by numerical quadrature (Fader and Hardie's note, before the 2F1 closed form):
 * <pre>
 * L = Gamma(r+x) alpha^r beta^s / Gamma(r) [(alpha+T)^-(r+x) (beta+T)^-s + s int_{t_x}^T (alpha+u)^-(r+x) (beta+u)^-(s+1) du]
 * </pre>
 * P(alive) as the first term's share and the conditional expectation as equation 22 times it. This checks both
 * 2F1 branches ({@code alpha < beta}, {@code alpha > beta}) and {@code alpha = beta}; tolerance 1e-11 relative.
 */
class ParetoNbdModelTest {

    /** E[Y(10)] of the customer x = 1000, t_x = 900, T = 1000, from mpmath's closed form. */
    private static final double EXTREME_EXPECTATION = 8.087628057012093e-42;

    private static final ParetoNbdModel CDNOW = ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669, PeriodUnit.WEEK);

    /** r, alpha, s, beta, then per customer (x, t_x, T): log-likelihood, P(alive), E[Y(39)]. */
    private static final double[][][] GOLDEN = {
            {{0.553, 10.578, 0.606, 11.669},
                    {0, 0, 38.86, -0.5210462940808903, 0.29528660461689415, 0.10708146821530885},
                    {2, 30.43, 38.86, -9.554283245150407, 0.8691675591530111, 1.4551231932576025},
                    {9, 12, 38, -20.422345480172723, 0.007329764316118618, 0.04660969447931367}},
            {{0.553, 12.0, 0.606, 3.5},
                    {0, 0, 38.86, -0.3207147202944312, 0.1368408193411392, 0.04690906799210962},
                    {2, 30.43, 38.86, -10.150901146603603, 0.8444136833851682, 1.3363557423819643},
                    {9, 12, 38, -21.006567619219158, 0.005751449679956962, 0.03452563289106825}},
            {{1.2, 5, 1.7, 5},
                    {0, 0, 38.86, -0.5327839190943502, 0.00313616648517882, 0.0019320811056690993},
                    {2, 30.43, 38.86, -12.39381853732477, 0.6096038005641741, 1.0014808338611594},
                    {9, 12, 38, -17.654042179224106, 0.00011197572880726677, 0.0005931995355123872}},
    };

    @Test
    void likelihoodAliveAndExpectation_matchTheIntegralRepresentationInBothBranches() {
        for (double[][] g : GOLDEN) {
            double[] p = g[0];
            ParetoNbdModel m = ParetoNbdModel.of(p[0], p[1], p[2], p[3], PeriodUnit.WEEK);
            for (int c = 1; c < g.length; c++) {
                double[] row = g[c];
                int x = (int) row[0];
                String where = "params " + java.util.Arrays.toString(p) + ", customer " + x + ", " + row[1] + ", " + row[2];
                assertEquals(row[3], m.logLikelihood(x, row[1], row[2]), 1e-11 * Math.abs(row[3]), where);
                assertEquals(row[4], m.probabilityAlive(x, row[1], row[2]), 1e-11 * row[4], where);
                assertEquals(row[5], m.expectedPurchases(39, x, row[1], row[2]), 1e-11 * row[5], where);
            }
        }
    }

    @Test
    void expectedPurchasesNewCustomer_matchesTheClosedForm() {
        // mpmath: r beta / (alpha (s - 1)) (1 - (beta / (beta + t))^(s - 1))
        assertEquals(0.050979843245990995, CDNOW.expectedPurchasesNewCustomer(1), 1e-15);
        assertEquals(1.2130028442810157, CDNOW.expectedPurchasesNewCustomer(39), 1e-14);
        assertEquals(1.909398129313685, CDNOW.expectedPurchasesNewCustomer(78), 1e-14);
        // s = 1: the limit r beta / alpha ln((beta + t) / beta)
        ParetoNbdModel one = ParetoNbdModel.of(0.5, 10, 1, 5, PeriodUnit.WEEK);
        assertEquals(0.5 * 5 / 10 * Math.log(44.0 / 5), one.expectedPurchasesNewCustomer(39), 1e-14);
    }

    @Test
    void alphaEqualToBeta_isTheLimitOfBothBranches() {
        ParetoNbdModel equal = ParetoNbdModel.of(0.7, 8, 0.9, 8, PeriodUnit.WEEK);
        ParetoNbdModel below = ParetoNbdModel.of(0.7, 8 - 1e-7, 0.9, 8, PeriodUnit.WEEK);
        ParetoNbdModel above = ParetoNbdModel.of(0.7, 8 + 1e-7, 0.9, 8, PeriodUnit.WEEK);
        double ll = equal.logLikelihood(3, 20, 30);
        assertEquals(ll, below.logLikelihood(3, 20, 30), 1e-7);
        assertEquals(ll, above.logLikelihood(3, 20, 30), 1e-7);
    }

    @Test
    void predictions_stayFiniteForHugeFrequenciesAndAges() {
        // x = 1000, t_x = 900, T = 1000; mpmath's 2F1 closed form (lifetimes' formula at 40 digits), which agrees with
        // quadrature split at 900 + {0.01, 0.1, ..., 50} to 1e-13 (unsplit quadrature misses the peak at t_x)
        assertEquals(-918.0300381109950, CDNOW.logLikelihood(1_000, 900, 1_000), 1e-12 * 918);
        assertEquals(8.193071363062601e-43, CDNOW.probabilityAlive(1_000, 900, 1_000), 1e-9 * 8.2e-43);
        assertEquals(EXTREME_EXPECTATION, CDNOW.expectedPurchases(10, 1_000, 900, 1_000), 1e-9 * EXTREME_EXPECTATION);
        // SciPy's hyp2f1 returns NaN for b = 1000 and z near 1 (see SpecialFunctionsTest), where lifetimes fails
        for (int x : new int[] {1_000, 100_000}) {
            double ll = CDNOW.logLikelihood(x, 0.999 * 1e6, 1e6);
            double alive = CDNOW.probabilityAlive(x, 0.999 * 1e6, 1e6);
            assertTrue(Double.isFinite(ll) && ll < 0, "x = " + x + ": " + ll);
            assertTrue(alive >= 0 && alive <= 1, "x = " + x + ": " + alive);
        }
        assertEquals(1.0, CDNOW.probabilityAlive(50, 1e6, 1e6), 1e-12);
    }

    @Test
    void fit_givesAnEqualModelForThreads1And3AndRejectsTooFewCustomers() {
        CustomerSummary s = LifetimeSimulation.purchases(CDNOW, LifetimeSimulation.ages(2_000, 20, 40), 3);
        ParetoNbdModel one = ParetoNbd.fit(s, ParetoNbdOptions.defaults().withTolerance(1e-5));
        ParetoNbdModel three = ParetoNbd.fit(s, ParetoNbdOptions.defaults().withTolerance(1e-5).withThreads(3));
        assertEquals(one, three);
        assertEquals(one.estimates(), three.estimates());
        assertArrayEquals(one.fitSummary().objective(), three.fitSummary().objective(), 0.0);
        CustomerSummary tooFew = CustomerSummary.of(new int[3], new double[3], new double[] {1, 2, 3}, PeriodUnit.WEEK);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParetoNbd.fit(tooFew));
        assertTrue(e.getMessage().contains("Pareto/NBD has 4 parameters and needs at least 4 customers, got 3"),
                e.getMessage());
    }

    @Test
    void saveAndLoad_roundTrip(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.rtnm");
        CDNOW.save(file);
        ParetoNbdModel back = Models.load(file, ParetoNbdModel.class);
        assertEquals(CDNOW, back);
        assertEquals(PeriodUnit.WEEK, back.unit());
        assertEquals("parameters given, not fitted", back.fitSummary().stopReason());
        assertEquals(CDNOW.fitSummary(), back.fitSummary());
        assertEquals(CDNOW.estimates(), back.estimates());
    }

    @Test
    void fit_givesTheValuesOfTheLibraryBeforeTheModelContractAndWarnsAtTheEdge() {
        // ParetoNbd.fit on this shop printed these at commit cff9196; the dropout parameters run off together
        // (s = 2.1e6, beta = 1.4e8: no dropout seen in a BG/NBD shop's first year), which is now a WARNING
        CustomerSummary s = TestShops.calibration(1500, 7, false);
        ParetoNbdModel p = ParetoNbd.fit(s, ParetoNbdOptions.defaults().withTolerance(1e-5));
        assertArrayEquals(new double[] {0.5070893194049665, 17.042437572732755, 2108482.3666620194,
                1.3662559134586012E8}, p.parameters(), 0.0);
        assertEquals(-3999.730632165262, p.estimates().logLikelihood(), 0.0);
        assertEquals(346, p.fitSummary().iterations());
        assertEquals(p.fitSummary().iterations() + 1, p.fitSummary().objective().length);
        assertEquals(Verdict.WARNING, p.fitSummary().verdict(), p.toString());
        List<String> w = p.fitSummary().warnings();
        assertTrue(w.stream().anyMatch(x -> x.startsWith("s = 2.10848e+06 ran to the edge of the parameter space")),
                w.toString());
        assertTrue(w.stream().anyMatch(x -> x.startsWith("the standard errors of r, alpha, s, beta cannot be "
                + "estimated")), w.toString());
    }

    @Test
    void fit_listenerHearsEachIterationOverTheRestartsAndCancellationStopsTheFit() {
        CustomerSummary s = LifetimeSimulation.purchases(CDNOW, LifetimeSimulation.ages(500, 20, 40), 4);
        List<long[]> heard = new ArrayList<>();
        ParetoNbdModel m = ParetoNbd.fit(s, ParetoNbdOptions.defaults().withTolerance(1e-5), FitControl.defaults()
                .withListener((stage, done, total, objective) -> {
                    assertEquals("Pareto/NBD Nelder-Mead", stage);
                    heard.add(new long[] {done, total});
                }));
        assertEquals(m.fitSummary().iterations(), heard.size());
        for (int k = 0; k < heard.size(); k++) {
            assertEquals(k + 1, heard.get(k)[0], "steps count on across the restarts");
            assertEquals(10_000, heard.get(k)[1]);
        }
        int[] steps = {0};
        assertThrows(CancellationException.class, () -> ParetoNbd.fit(s, ParetoNbdOptions.defaults(),
                FitControl.defaults().withListener((stage, done, total, o) -> steps[0]++)
                        .withCancellation(() -> steps[0] >= 5)));
        assertEquals(5, steps[0]);
    }
}
