package dev.retention.lifetime.gammagamma;

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
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gamma-Gamma: likelihood (FHL 2005 "RFM and CLV", eq. 3) and expected spend (eq. 5) at the published CDNOW
 * parameters p = 6.25, q = 3.74, v = 15.44, against mpmath 1.2.1 (40 digits) evaluating the printed formulas;
 * fits and every bad input the issue names.
 */
class GammaGammaModelTest {

    private static final GammaGammaModel CDNOW = GammaGammaModel.of(6.25, 3.74, 15.44);

    @Test
    void logLikelihoodAndExpectedSpend_matchMpmath() {
        assertEquals(-3.594196492949196, CDNOW.logLikelihood(1, 20.0), 1e-13);
        assertEquals(-4.090552209678846, CDNOW.logLikelihood(3, 35.5), 1e-13);
        assertEquals(-7.872105371529044, CDNOW.logLikelihood(40, 120), 1e-12);
        assertEquals(24.6384872080089, CDNOW.expectedSpend(1, 20.0), 1e-12);
        assertEquals(35.46416938110749, CDNOW.expectedSpend(3, 35.5), 1e-12);
        assertEquals(119.08087362506924, CDNOW.expectedSpend(40, 120), 1e-11);
        // a customer without repeat purchases gets the population mean p v / (q - 1)
        assertEquals(35.21897810218978, CDNOW.expectedSpend(0, 0), 1e-12);
        assertEquals(35.21897810218978, CDNOW.meanSpend(), 1e-12);
    }

    @Test
    void expectedSpend_isInfiniteNotNaNWhereTheMeanDoesNotExist() {
        GammaGammaModel heavy = GammaGammaModel.of(0.1, 0.5, 10);
        assertEquals(Double.POSITIVE_INFINITY, heavy.meanSpend());
        assertEquals(Double.POSITIVE_INFINITY, heavy.expectedSpend(0, 0));
        assertEquals(Double.POSITIVE_INFINITY, heavy.expectedSpend(2, 30));   // p x + q = 0.7 <= 1
        assertTrue(Double.isFinite(heavy.expectedSpend(10, 30)));            // p x + q = 1.5
    }

    @Test
    void fit_reportsTheFrequencySpendCorrelation() {
        int n = 200;
        int[] x = new int[n];
        double[] t = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1 + i % 10;
            t[i] = 50;
            m[i] = 10 + 3 * x[i] + (i % 7);   // spend grows with frequency: the independence assumption fails
        }
        CustomerSummary s = CustomerSummary.of(null, x, t.clone(), t, m, PeriodUnit.DAY);
        GammaGammaModel fit = GammaGamma.fit(s);
        assertTrue(fit.frequencySpendCorrelation() > 0.8, fit.toString());
        assertTrue(fit.toString().contains("frequency-spend correlation"), fit.toString());
        assertEquals(Verdict.WARNING, fit.fitSummary().verdict(), fit.toString());
        assertTrue(fit.fitSummary().warnings().stream().anyMatch(w -> w.startsWith("frequency-spend correlation 0.")
                && w.contains("depends on how often they buy")), fit.fitSummary().warnings().toString());
        for (double v : fit.parameters()) {
            assertTrue(v > 0 && Double.isFinite(v), fit.toString());   // q and v may run off together: no spread in nu
        }
    }

    @Test
    void fit_withoutAMeanSpend_isUnusable_andRefusesSpendUnlessAsked() {
        // Q <= 1 leaves the population mean spend p v / (q - 1) undefined; expected spend was +Infinity
        int n = 400;
        int[] x = new int[n];
        double[] t = new double[n];
        double[] m = new double[n];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        for (int i = 0; i < n; i++) {
            x[i] = 1 + i % 3;
            t[i] = 50;
            m[i] = Math.pow(1 - rnd.nextDouble(), -1 / 0.6);   // Pareto with tail index 0.6: no mean
        }
        GammaGammaModel fit = GammaGamma.fit(CustomerSummary.of(null, x, t.clone(), t, m, PeriodUnit.DAY));
        double q = fit.parameters()[1];
        assertTrue(q <= 1, "this data's fit should have no mean spend: " + fit);
        assertEquals(Verdict.UNUSABLE, fit.fitSummary().verdict(), fit.toString());
        assertTrue(fit.fitSummary().warnings().stream().anyMatch(w -> w.startsWith("q = ")
                && w.contains("the mean spend p v / (q - 1) does not exist")), fit.fitSummary().warnings().toString());
        assertThrows(IllegalStateException.class, () -> fit.expectedSpend(2, 30));
    }

    @Test
    void fit_rejectsDataWithoutRepeatCustomers() {
        CustomerSummary none = CustomerSummary.of(new int[5], new double[5], new double[] {1, 2, 3, 4, 5},
                PeriodUnit.DAY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GammaGamma.fit(none));
        assertTrue(e.getMessage().contains("none of the 5 customers has a repeat purchase"), e.getMessage());
        CustomerSummary two = CustomerSummary.of(null, new int[] {1, 2, 0}, new double[] {1, 2, 0},
                new double[] {3, 3, 3}, new double[] {10, 20, 0}, PeriodUnit.DAY);
        e = assertThrows(IllegalArgumentException.class, () -> GammaGamma.fit(two));
        assertTrue(e.getMessage().contains("needs at least 3 customers with repeat purchases, got 2"), e.getMessage());
    }

    @Test
    void fit_rejectsZeroOrNegativeSpendOfARepeatCustomer() {
        for (double bad : new double[] {0, -12.5}) {
            CustomerSummary s = CustomerSummary.of(null, new int[] {1, 2, 3, 1}, new double[] {1, 2, 3, 1},
                    new double[] {5, 5, 5, 5}, new double[] {10, 20, bad, 5}, PeriodUnit.DAY);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GammaGamma.fit(s));
            assertTrue(e.getMessage().contains("customer 2 (row 2)") && e.getMessage().contains(String.valueOf(bad)),
                    e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CDNOW.expectedSpend(2, -1));
        assertTrue(e.getMessage().contains("got -1.0"), e.getMessage());
    }

    /** 300 repeat customers (1 to 5 repeat purchases, age 30 days) with spend drawn from the CDNOW parameters. */
    private static CustomerSummary simulatedSpend() {
        int n = 300;
        int[] x = new int[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1 + i % 5;
            t[i] = 30;
        }
        return LifetimeSimulation.spend(CDNOW, CustomerSummary.of(x, t.clone(), t, PeriodUnit.DAY), 4);
    }

    @Test
    void saveAndLoad_roundTrip(@TempDir Path dir) throws IOException {
        CustomerSummary s = simulatedSpend();
        GammaGammaModel fit = GammaGamma.fit(s);
        Path file = dir.resolve("gg.rtnm");
        fit.save(file);
        GammaGammaModel back = Models.load(file, GammaGammaModel.class);
        assertEquals(fit, back);
        assertEquals(fit.frequencySpendCorrelation(), back.frequencySpendCorrelation(), 0.0);
        assertEquals(fit.estimates(), back.estimates());
        assertEquals(fit.fitSummary(), back.fitSummary());
    }

    @Test
    void fit_givesTheValuesOfTheLibraryBeforeTheModelContract() {
        // GammaGamma.fit on this shop printed these at commit cff9196 (the correlation is now core's Correlation)
        CustomerSummary s = TestShops.calibration(1500, 7, false);
        GammaGammaModel gg = GammaGamma.fit(s);
        assertArrayEquals(new double[] {5.925210542150346, 3.832970337341368, 37.61672875691188}, gg.parameters(),
                0.0);
        assertEquals(-2238.5485621287426, gg.estimates().logLikelihood(), 0.0);
        assertArrayEquals(new double[] {1.4250952868173625, 0.4497952811533278, 13.352097586177143},
                gg.estimates().standardErrors(), 0.0);
        assertEquals(15, gg.fitSummary().iterations());
        assertEquals(s.repeatCustomers(), gg.estimates().customers());
        assertEquals(Verdict.FINE, gg.fitSummary().verdict(), gg.toString());
        assertEquals(gg, GammaGamma.fit(s, GammaGammaOptions.defaults().withThreads(3)), "threads 1 and 3");
    }

    @Test
    void fit_listenerHearsEachIterationAndCancellationStopsTheFit() {
        CustomerSummary s = simulatedSpend();
        int[] heard = {0};
        GammaGammaModel m = GammaGamma.fit(s, GammaGammaOptions.defaults(), FitControl.defaults()
                .withListener((stage, done, total, objective) -> {
                    assertEquals("Gamma-Gamma L-BFGS", stage);
                    assertEquals(++heard[0], done);
                }));
        assertEquals(m.fitSummary().iterations(), heard[0]);
        assertThrows(CancellationException.class, () -> GammaGamma.fit(s, GammaGammaOptions.defaults(),
                FitControl.defaults().withCancellation(() -> true)));
    }

    @Test
    void equals_comparesTheParametersOnly() {
        assertEquals(CDNOW, GammaGammaModel.of(6.25, 3.74, 15.44));
        assertEquals(CDNOW.hashCode(), GammaGammaModel.of(6.25, 3.74, 15.44).hashCode());
        assertNotEquals(CDNOW, GammaGammaModel.of(6.25, 3.74, 15.45));
        assertEquals(GammaGammaModel.MODEL_TYPE, CDNOW.modelType());
    }
}
