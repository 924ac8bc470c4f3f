package dev.retention.lifetime;

import dev.retention.data.TransactionLog;
import dev.retention.lifetime.analysis.LifetimeAnalysis;
import dev.retention.lifetime.analysis.LifetimeAnalysisOptions;
import dev.retention.lifetime.bgnbd.BgNbd;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.clv.Clv;
import dev.retention.lifetime.clv.ClvOptions;
import dev.retention.lifetime.gammagamma.GammaGamma;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.lifetime.paretonbd.ParetoNbdModel;
import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Models;
import dev.retention.model.Verdict;
import dev.retention.synth.SyntheticShop;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers users can trust, for the lifetime family: model files with extreme finite values, parameters
 * beyond the accepted range, the no-dropout limit as an UNUSABLE fit, the opt-in for its predictions, a calibration
 * end after the data and too few repeat customers.
 */
class TrustTest {

    private static byte[] bgNbdFile(double... p) {
        ModelFile.Writer w = ModelFile.writer(BgNbdModel.MODEL_TYPE, BgNbdModel.SCHEMA_VERSION);
        FitSummary.given("BG/NBD", "").writeTo(w);
        new Estimates("BG/NBD", List.of("r", "alpha", "a", "b"), p, new double[] {1, 1, 1, 1}, -100, 10, 0, 5)
                .writeTo(w);
        return w.putString("variant", "BG_NBD").putString("unit", "WEEK").toBytes();
    }

    /** b = 1e308 loaded and predicted NaN; a checksummed file with it is now refused, naming the file and b. */
    @Test
    void load_refusesExtremeFiniteParametersNamingFileAndParameter() {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> Models.fromBytes(bgNbdFile(0.3, 4.4, 0.8, 1e308), "huge.model"));
        assertTrue(e.getMessage().startsWith("huge.model: invalid bgnbd model: b must be in [1.0E-15, 1.0E15]"),
                e.getMessage());
        e = assertThrows(ModelFormatException.class,
                () -> Models.fromBytes(bgNbdFile(0.3, 4.9e-324, 0.8, 2.4), "tiny.model"));
        assertTrue(e.getMessage().contains("alpha must be in [1.0E-15, 1.0E15]"), e.getMessage());

        ModelFile.Writer g = ModelFile.writer(GammaGammaModel.MODEL_TYPE, GammaGammaModel.SCHEMA_VERSION);
        FitSummary.given("Gamma-Gamma", "").writeTo(g);
        new Estimates("Gamma-Gamma", List.of("p", "q", "v"), new double[] {1e308, 3.7, 15}, new double[] {1, 1, 1},
                -100, 10, 0, 5).writeTo(g);
        byte[] gg = g.putDouble("frequency_spend_correlation", 0).toBytes();
        e = assertThrows(ModelFormatException.class, () -> Models.fromBytes(gg, "gg.model"));
        assertTrue(e.getMessage().startsWith("gg.model: invalid gamma-gamma model: p must be in"), e.getMessage());

        ModelFile.Writer p = ModelFile.writer(ParetoNbdModel.MODEL_TYPE, ParetoNbdModel.SCHEMA_VERSION);
        FitSummary.given("Pareto/NBD", "").writeTo(p);
        new Estimates("Pareto/NBD", List.of("r", "alpha", "s", "beta"), new double[] {0.5, 10, 1e300, 3},
                new double[] {1, 1, 1, 1}, -100, 10, 0, 5).writeTo(p);
        byte[] pareto = p.putString("unit", "WEEK").toBytes();
        e = assertThrows(ModelFormatException.class, () -> Models.fromBytes(pareto, "p.model"));
        assertTrue(e.getMessage().contains("s must be in [1.0E-15, 1.0E15]"), e.getMessage());
    }

    /** BgNbdModel.of(0.3, 4.9e-324, ...) threw from the hypergeometric function at prediction time. */
    @Test
    void of_refusesParametersOutsideTheEvaluatedRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BgNbdModel.of(0.3, 4.9e-324, 0.8, 2.4, BgNbdModel.Variant.BG_NBD, PeriodUnit.WEEK));
        assertTrue(e.getMessage().startsWith("alpha must be in [1.0E-15, 1.0E15]") && e.getMessage().endsWith(
                "got 4.9E-324"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GammaGammaModel.of(2, 1.5, 1e308));   // mean overflows
        // the ends of the range predict finite numbers
        BgNbdModel m = BgNbdModel.of(1e-15, 1e-15, 1e15, 1e-15, BgNbdModel.Variant.BG_NBD, PeriodUnit.WEEK);
        assertTrue(Double.isFinite(m.expectedPurchasesNewCustomer(1e300)));
        assertTrue(Double.isFinite(m.expectedPurchases(1e300, 5, 3, 1e300)));
    }

    /** Customers who never seem to drop out: the BG/NBD runs to a -> 0, b -> infinity, which is UNUSABLE. */
    private static CustomerSummary noDropout() {
        int n = 400;
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 20 + i % 10;
            x[i] = 1 + i % 5;
            tx[i] = t[i] - 0.5 * (i % 3);     // everyone bought lately
        }
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = 20 + i % 13;
        }
        return CustomerSummary.of(null, x, tx, t, m, PeriodUnit.WEEK);
    }

    @Test
    void fit_noDropoutLimit_isUnusableNotConvergedAndRefusesPredictionsUnlessAsked() {
        BgNbdModel m = BgNbd.fit(noDropout());
        FitSummary f = m.fitSummary();
        assertEquals(Verdict.UNUSABLE, f.verdict(), m.toString());
        assertFalse(f.converged(), m.toString());
        assertTrue(f.warnings().stream().anyMatch(w -> w.contains("nobody ever drops out")), f.warnings().toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.probabilityAlive(2, 10, 20));
        assertTrue(e.getMessage().contains("UNUSABLE") && e.getMessage().contains("allowingUnusable()"),
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> m.expectedPurchases(10, 2, 10, 20));
        BgNbdModel asked = m.allowingUnusable();
        assertEquals(m, asked);
        double p = asked.probabilityAlive(2, 10, 20);
        assertTrue(p > 0.99 && p <= 1, "P(alive) " + p);
        GammaGammaModel gg = GammaGammaModel.of(6.25, 3.74, 15.44);
        CustomerSummary s = noDropout();
        assertThrows(IllegalStateException.class, () -> Clv.compute(m, gg, s, ClvOptions.defaults()));
        assertEquals(s.size(), Clv.compute(asked, gg, s, ClvOptions.defaults()).size());
    }

    /** The calibration end after the data's last day was accepted silently and changed the fit; now it is flagged. */
    @Test
    void summary_calibrationEndAfterTheData_isAWarningOfEveryFit() {
        SyntheticShop shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(800).withSeed(3)
                .withItems(30).withoutNoise());
        TransactionLog log = shop.log().before(LocalDate.of(2023, 1, 1).toEpochDay() * 86_400L);
        CustomerSummary inside = CustomerSummary.from(log, new SummaryOptions(PeriodUnit.WEEK,
                LocalDate.of(2022, 12, 31), null));
        assertTrue(inside.warnings().isEmpty(), inside.warnings().toString());
        CustomerSummary after = CustomerSummary.from(log, new SummaryOptions(PeriodUnit.WEEK,
                LocalDate.of(2023, 6, 30), null));
        assertEquals(1, after.warnings().size());
        assertTrue(after.warnings().get(0).startsWith("the calibration end 2023-06-30 is "), after.warnings().get(0));
        LifetimeAnalysis a = LifetimeAnalysis.compute(after, LifetimeAnalysisOptions.defaults());
        assertTrue(a.bgNbd().fitSummary().warnings().contains(after.warnings().get(0)), a.toString());
        assertTrue(a.spend().fitSummary().warnings().contains(after.warnings().get(0)), a.toString());
        assertTrue(a.verdict().compareTo(Verdict.WARNING) >= 0);
        // before the first purchase: refused
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CustomerSummary.from(log,
                new SummaryOptions(PeriodUnit.WEEK, LocalDate.of(2000, 1, 1), null)));
        assertTrue(e.getMessage().startsWith("no customer bought on or before the calibration end 2000-01-01"),
                e.getMessage());
    }

    /** Five repeat customers are enough to fit three parameters, not to trust them. */
    @Test
    void gammaGamma_fewRepeatCustomers_isAWarning() {
        int n = 5;
        int[] x = {1, 2, 3, 1, 2};
        double[] t = {10, 10, 10, 10, 10};
        double[] m = {20, 35, 28, 50, 31};
        GammaGammaModel g = GammaGamma.fit(CustomerSummary.of(null, x, t.clone(), t, m, PeriodUnit.WEEK));
        assertTrue(g.fitSummary().warnings().stream().anyMatch(w -> w.startsWith("only 5 customers have repeat "
                + "purchases")), g.fitSummary().warnings().toString());
        assertTrue(g.fitSummary().verdict().compareTo(Verdict.WARNING) >= 0);
        assertEquals(n, g.estimates().customers());
    }
}
