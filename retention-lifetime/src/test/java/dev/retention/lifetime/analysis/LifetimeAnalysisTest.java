package dev.retention.lifetime.analysis;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.HoldoutCheck;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.TestShops;
import dev.retention.lifetime.analysis.LifetimeAnalysisOptions.Purchases;
import dev.retention.lifetime.bgnbd.BgNbd;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.bgnbd.BgNbdOptions;
import dev.retention.lifetime.gammagamma.GammaGamma;
import dev.retention.lifetime.paretonbd.ParetoNbd;
import dev.retention.lifetime.paretonbd.ParetoNbdModel;
import dev.retention.lifetime.paretonbd.ParetoNbdOptions;
import dev.retention.model.FitControl;
import dev.retention.model.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analysis that {@code retention clv fit} and {@code retention demo} print, on a synthetic shop (BG/NBD with
 * r = 0.25, alpha = 7 weeks, a = 0.8, b = 2.5; Gamma-Gamma p = 6, q = 4, gamma = 40) calibrated on 2022 and checked
 * on 2023-01 to 2023-06: the same models as the separate fits, the holdout check, the report, the options.
 */
class LifetimeAnalysisTest {

    private static CustomerSummary calibration;

    @BeforeAll
    static void shop() {
        calibration = TestShops.calibration(2_000, 5, true);
    }

    @Test
    void compute_fitsTheModelsChecksTheHoldoutAndReportsThem() {
        LifetimeAnalysis a = LifetimeAnalysis.compute(calibration, LifetimeAnalysisOptions.defaults());
        assertEquals(BgNbd.fit(calibration), a.bgNbd());
        assertSame(a.bgNbd(), a.purchases());
        assertEquals(GammaGamma.fit(calibration), a.spend());
        assertSame(calibration, a.summary());
        HoldoutCheck h = a.holdout().orElseThrow();
        double actual = 0;
        double predicted = 0;
        for (int i = 0; i < calibration.size(); i++) {
            actual += calibration.holdoutFrequency(i);
            predicted += a.bgNbd().expectedPurchases(calibration.holdoutLength(), calibration.frequency(i),
                    calibration.recency(i), calibration.age(i));
        }
        assertEquals(actual, h.actualPurchases(), 0.0);
        assertEquals(predicted, h.predictedPurchases(), 0.0);
        assertEquals(calibration.size(), h.customers());
        assertEquals(actual, predicted, 0.15 * actual, "the BG/NBD predicts the shop's holdout: " + h);
        assertEquals(Verdict.FINE, a.verdict(), a.toString());

        String report = a.toString();
        List<String> lines = report.lines().toList();
        assertTrue(report.startsWith(calibration.toString()), report);
        assertTrue(lines.contains(String.format(java.util.Locale.ROOT, "BG/NBD fit on %,d customers: log-likelihood "
                + "%.4f", calibration.size(), a.bgNbd().estimates().logLikelihood())), report);
        assertTrue(lines.stream().anyMatch(l -> l.matches("  converged after \\d+ iterations \\(\\d+ evaluations, "
                + "\\d+\\.\\d{3} s\\): .+")), report);
        assertTrue(lines.contains(String.format(java.util.Locale.ROOT, "frequency-spend correlation %.3f (the "
                + "Gamma-Gamma model assumes 0)", a.spend().frequencySpendCorrelation())), report);
        assertEquals(h.toString(), lines.get(lines.size() - 1));
        assertTrue(h.toString().matches("holdout of 25\\.86 weeks: \\d+ purchases, BG/NBD predicts \\d+\\.\\d"), h.toString());
    }

    @Test
    void compute_fitsTheChosenPurchaseModelBesidesTheBgNbd() {
        LifetimeAnalysis m = LifetimeAnalysis.compute(calibration, LifetimeAnalysisOptions.defaults()
                .withPurchases(Purchases.MBG_NBD));
        assertEquals(BgNbdModel.Variant.BG_NBD, m.bgNbd().variant());
        assertEquals(BgNbd.fit(calibration, BgNbdOptions.defaults().withVariant(BgNbdModel.Variant.MBG_NBD)),
                m.purchases());
        assertTrue(m.toString().contains("\nMBG/NBD fit on "), m.toString());
        assertTrue(m.holdout().orElseThrow().toString().contains("MBG/NBD predicts"));
        LifetimeAnalysis p = LifetimeAnalysis.compute(calibration, LifetimeAnalysisOptions.defaults()
                .withPurchases(Purchases.PARETO_NBD).withParetoNbd(ParetoNbdOptions.defaults().withTolerance(1e-5)));
        assertInstanceOf(ParetoNbdModel.class, p.purchases());
        assertEquals(ParetoNbd.fit(calibration, ParetoNbdOptions.defaults().withTolerance(1e-5)), p.purchases());
        assertTrue(p.toString().contains("\nPareto/NBD fit on "), p.toString());
    }

    @Test
    void compute_withoutHoldoutHasNoCheck() {
        CustomerSummary noHoldout = CustomerSummary.of(null, calibration.frequencies(), calibration.recencies(),
                calibration.ages(), calibration.monetaryValues(), PeriodUnit.WEEK);
        LifetimeAnalysis a = LifetimeAnalysis.compute(noHoldout, LifetimeAnalysisOptions.defaults());
        assertTrue(a.holdout().isEmpty());
        assertFalse(a.toString().contains("holdout of"), a.toString());
        assertTrue(a.toString().endsWith("(the Gamma-Gamma model assumes 0)\n"), a.toString());
    }

    @Test
    void compute_givesEqualModelsForThreads1And3AndHearsEveryFit() {
        List<String> stages = new ArrayList<>();
        LifetimeAnalysis one = LifetimeAnalysis.compute(calibration, LifetimeAnalysisOptions.defaults(),
                FitControl.defaults().withListener((stage, done, total, objective) -> stages.add(stage)));
        LifetimeAnalysis three = LifetimeAnalysis.compute(calibration, LifetimeAnalysisOptions.defaults()
                .withThreads(3));
        assertEquals(one.bgNbd(), three.bgNbd());
        assertEquals(one.spend(), three.spend());
        assertEquals(one.holdout(), three.holdout());
        assertEquals(List.of("BG/NBD L-BFGS", "Gamma-Gamma L-BFGS"), List.copyOf(new LinkedHashSet<>(stages)));
        assertEquals(one.bgNbd().fitSummary().iterations() + one.spend().fitSummary().iterations(), stages.size());
        int[] steps = {0};
        assertThrows(CancellationException.class, () -> LifetimeAnalysis.compute(calibration,
                LifetimeAnalysisOptions.defaults(), FitControl.defaults()
                        .withListener((stage, done, total, objective) -> steps[0]++)
                        .withCancellation(() -> steps[0] >= 4)));
        assertEquals(4, steps[0]);
    }

    @Test
    void options_applyPenalizerAndThreadsToEveryFitAndRefuseAnMbgNbdReference() {
        LifetimeAnalysisOptions o = LifetimeAnalysisOptions.defaults().withPenalizer(0.01).withThreads(2);
        assertEquals(0.01, o.bgNbd().penalizer());
        assertEquals(0.01, o.paretoNbd().penalizer());
        assertEquals(0.01, o.gammaGamma().penalizer());
        assertEquals(2, o.bgNbd().threads());
        assertEquals(2, o.paretoNbd().threads());
        assertEquals(2, o.gammaGamma().threads());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> o.withBgNbd(BgNbdOptions.defaults().withVariant(BgNbdModel.Variant.MBG_NBD)));
        assertTrue(e.getMessage().startsWith("bgNbd.variant must be BG_NBD") && e.getMessage().endsWith("got MBG_NBD"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> o.withPenalizer(-1));
        assertEquals("penalizer must be finite and >= 0, got -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> o.withThreads(0));
        assertEquals("threads must be >= 1, got 0", e.getMessage());
    }

    @Test
    void compute_passesOnWhatAFitRefuses() {
        CustomerSummary once = CustomerSummary.of(new int[5], new double[5], new double[] {1, 2, 3, 4, 5},
                PeriodUnit.WEEK);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LifetimeAnalysis.compute(once, LifetimeAnalysisOptions.defaults()));
        assertTrue(e.getMessage().startsWith("Gamma-Gamma cannot be fitted: none of the 5 customers has a repeat "
                + "purchase"), e.getMessage());
    }
}
