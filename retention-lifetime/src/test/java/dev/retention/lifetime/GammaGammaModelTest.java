package dev.retention.lifetime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        for (double v : fit.parameters()) {
            assertTrue(v > 0 && Double.isFinite(v), fit.toString());   // q and v may run off together: no spread in nu
        }
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

    @Test
    void saveAndLoad_roundTrip(@TempDir Path dir) throws IOException {
        int n = 300;
        int[] x = new int[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1 + i % 5;
            t[i] = 30;
        }
        CustomerSummary s = LifetimeSimulation.spend(CDNOW, CustomerSummary.of(x, t.clone(), t, PeriodUnit.DAY), 4);
        GammaGammaModel fit = GammaGamma.fit(s);
        Path file = dir.resolve("gg.rtnm");
        fit.save(file);
        GammaGammaModel back = GammaGammaModel.load(file);
        assertArrayEquals(fit.parameters(), back.parameters(), 0.0);
        assertEquals(fit.frequencySpendCorrelation(), back.frequencySpendCorrelation(), 0.0);
        assertEquals(fit.fitSummary().logLikelihood(), back.fitSummary().logLikelihood(), 0.0);
    }
}
