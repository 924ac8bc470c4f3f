package dev.retention.lifetime.bgnbd;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.TestShops;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.lifetime.simulation.LifetimeSimulation;
import dev.retention.model.FitControl;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Models;
import dev.retention.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BG/NBD and MBG/NBD closed forms against the published CDNOW values (Fader, Hardie and Lee 2005) and against
 * the formulas evaluated by mpmath 1.2.1 at 40 digits (/usr/bin/python3: {@code mp.hyp2f1}, {@code mp.beta},
 * {@code mp.gamma}, the equations as printed in the paper and, for the MBG/NBD, as in lifetimes'
 * {@code ModifiedBetaGeoFitter}); fits (with the values the library gave before the model contract, bit for bit),
 * their verdicts, progress and cancellation, save and load, bad input and extreme values.
 */
class BgNbdModelTest {

    /** The published CDNOW parameters (weeks), rounded to three decimals as printed. */
    private static final BgNbdModel CDNOW = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, BgNbdModel.Variant.BG_NBD,
            PeriodUnit.WEEK);

    @Test
    void expectedPurchasesNewCustomer_matchesMpmathAtThePublishedParameters() {
        // mpmath: (a+b-1)/(a-1) (1 - (alpha/(alpha+t))^r hyp2f1(r, b, a+b-1, t/(alpha+t))); tolerance 1e-13 relative.
        // t = 1000 and 1e6 take the 1 - z transformation (z > 0.99).
        double[] t = {1, 3, 32, 78, 1000, 1e6};
        double[] golden = {0.05326789117165828, 0.15086523089304668, 1.0452433283744438, 1.8605190579427686,
                6.580391613738232, 53.54047825301458};
        for (int i = 0; i < t.length; i++) {
            assertEquals(golden[i], CDNOW.expectedPurchasesNewCustomer(t[i]), 1e-13 * golden[i], "t = " + t[i]);
        }
    }

    @Test
    void expectedPurchasesNewCustomer_reproducesThePublishedValuesWithinTheRoundingOfTheParameters() {
        // FHL 2005 report E[X(t)] = 0.0532, 0.1506, 1.0437, 1.8576 for t = 1, 3, 32, 78 weeks, computed from the
        // unrounded estimates. With the printed (rounded) parameters our values differ by up to 0.16%; each
        // published value lies between the smallest and largest E[X(t)] over the corners of the rounding box
        // (every parameter +-0.0005), so it is reproduced up to the printed precision.
        double[] t = {1, 3, 32, 78};
        double[] published = {0.0532, 0.1506, 1.0437, 1.8576};
        for (int i = 0; i < t.length; i++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int corner = 0; corner < 16; corner++) {
                double r = 0.243 + ((corner & 1) == 0 ? -5e-4 : 5e-4);
                double alpha = 4.414 + ((corner & 2) == 0 ? -5e-4 : 5e-4);
                double a = 0.793 + ((corner & 4) == 0 ? -5e-4 : 5e-4);
                double b = 2.426 + ((corner & 8) == 0 ? -5e-4 : 5e-4);
                double e = BgNbdModel.of(r, alpha, a, b, BgNbdModel.Variant.BG_NBD, PeriodUnit.WEEK)
                        .expectedPurchasesNewCustomer(t[i]);
                min = Math.min(min, e);
                max = Math.max(max, e);
            }
            double p = published[i];
            assertTrue(min - 5e-5 <= p && p <= max + 5e-5, "t = " + t[i] + ": published " + p + " outside [" + min
                    + ", " + max + "]");
        }
    }

    @Test
    void expectedPurchases_reproducesThePublishedCustomer() {
        // FHL 2005: a customer with x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in the next 39 weeks.
        // mpmath at the printed parameters: 1.2260281747671444 (eq. 10), P(alive) 0.726578570080673.
        assertEquals(1.2260281747671444, CDNOW.expectedPurchases(39, 2, 30.43, 38.86), 1e-13);
        assertEquals(1.226, CDNOW.expectedPurchases(39, 2, 30.43, 38.86), 5e-4);
        assertEquals(0.726578570080673, CDNOW.probabilityAlive(2, 30.43, 38.86), 1e-14);
    }

    @Test
    void expectedPurchases_matchesMpmathForOneTimeBuyersAndLongHorizons() {
        // mpmath eq. 10: x = 0, T = 38.86, t = 39; x = 7, t_x = 20, T = 35, t = 520 (z = 0.93)
        assertEquals(0.19509805201126265, CDNOW.expectedPurchases(39, 0, 0, 38.86), 1e-13);
        assertEquals(1.0, CDNOW.probabilityAlive(0, 0, 38.86));
        assertEquals(7.203613297956668, CDNOW.expectedPurchases(520, 7, 20, 35), 1e-12);
        assertEquals(0.2486389354071815, CDNOW.probabilityAlive(7, 20, 35), 1e-14);
    }

    @Test
    void probabilityOfPurchases_matchesEquation8AndSumsToOne() {
        // mpmath eq. 8 at t = 39 for k = 0..5 and k = 40; tolerance 1e-13 relative
        double[] golden = {0.5737863520960094, 0.19939528083591146, 0.08542975953906076, 0.045860353847999726,
                0.027671449335782198, 0.017965493866579044};
        for (int k = 0; k < golden.length; k++) {
            assertEquals(golden[k], CDNOW.probabilityOfPurchases(k, 39), 1e-13 * golden[k], "k = " + k);
        }
        assertEquals(1.505289310761624e-05, CDNOW.probabilityOfPurchases(40, 39), 1e-12 * 1.5e-5);
        double sum = 0;
        double mean = 0;
        for (int k = 0; k < 3_000; k++) {
            double p = CDNOW.probabilityOfPurchases(k, 39);
            sum += p;
            mean += k * p;
        }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(CDNOW.expectedPurchasesNewCustomer(39), mean, 1e-10);
        assertEquals(1.0, CDNOW.probabilityOfPurchases(0, 0));
        assertEquals(0.0, CDNOW.probabilityOfPurchases(3, 0));
    }

    @Test
    void logLikelihood_matchesEquation6() {
        // mpmath eq. 6 (the likelihood itself, then its log); tolerance 1e-12 relative
        assertEquals(-0.5547132764381585, CDNOW.logLikelihood(0, 0, 38.86), 1e-13);
        assertEquals(-9.45860630706627, CDNOW.logLikelihood(2, 30.43, 38.86), 1e-12);
        assertEquals(-32.74264849957567, CDNOW.logLikelihood(14, 36, 38.5), 1e-11);
        CustomerSummary s = CustomerSummary.of(new int[] {0, 2, 14}, new double[] {0, 30.43, 36},
                new double[] {38.86, 38.86, 38.5}, PeriodUnit.WEEK);
        assertEquals(-0.5547132764381585 - 9.45860630706627 - 32.74264849957567, CDNOW.logLikelihood(s), 1e-11);
    }

    @Test
    void modifiedVariant_matchesMpmath() {
        // lifetimes' ModifiedBetaGeoFitter formulas in mpmath at r = 0.525, alpha = 6.183, a = 0.891, b = 1.614
        BgNbdModel m = BgNbdModel.of(0.525, 6.183, 0.891, 1.614, BgNbdModel.Variant.MBG_NBD, PeriodUnit.WEEK);
        assertEquals(0.053084795263701835, m.expectedPurchasesNewCustomer(1), 1e-15);
        assertEquals(1.1829536655971726, m.expectedPurchasesNewCustomer(39), 1e-13);
        assertEquals(1.8047575775531417, m.expectedPurchasesNewCustomer(78), 1e-13);
        assertEquals(1.2629606232673656, m.expectedPurchases(39, 2, 30.43, 38.86), 1e-13);
        assertEquals(0.7062022651184873, m.probabilityAlive(2, 30.43, 38.86), 1e-14);
        assertEquals(0.15401274667514667, m.expectedPurchases(39, 0, 0, 38.86), 1e-13);
        assertEquals(0.3897350809187629, m.probabilityAlive(0, 0, 38.86), 1e-14);
        assertEquals(-0.5398374635310146, m.logLikelihood(0, 0, 38.86), 1e-13);
        assertEquals(-9.485551314533932, m.logLikelihood(2, 30.43, 38.86), 1e-12);
        double sum = 0;
        double mean = 0;
        for (int k = 0; k < 3_000; k++) {
            double p = m.probabilityOfPurchases(k, 39);
            sum += p;
            mean += k * p;
        }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(m.expectedPurchasesNewCustomer(39), mean, 1e-10);
    }

    @Test
    void expectedPurchasesNewCustomer_isContinuousAcrossTheSingularPointsOfTheClosedForm() {
        // (a+b-1)/(a-1) [...] is 0/0 at a = 1 and has a pole in 2F1 at a + b = 1; the value must be smooth there
        for (double t : new double[] {5, 500}) {   // series and 1 - z transformation
            double[] as = {1 - 1e-3, 1 - 1e-9, 1, 1 + 1e-9, 1 + 1e-3};
            double ref = BgNbdModel.of(0.7, 3, 1, 2, BgNbdModel.Variant.BG_NBD, PeriodUnit.DAY)
                    .expectedPurchasesNewCustomer(t);
            for (double a : as) {
                double e = BgNbdModel.of(0.7, 3, a, 2, BgNbdModel.Variant.BG_NBD, PeriodUnit.DAY)
                        .expectedPurchasesNewCustomer(t);
                assertEquals(ref, e, 2e-3 * ref, "a = " + a + ", t = " + t);
            }
            double near = BgNbdModel.of(0.7, 3, 0.4, 0.6, BgNbdModel.Variant.BG_NBD, PeriodUnit.DAY)
                    .expectedPurchasesNewCustomer(t);
            double below = BgNbdModel.of(0.7, 3, 0.4, 0.6 - 1e-6, BgNbdModel.Variant.BG_NBD, PeriodUnit.DAY)
                    .expectedPurchasesNewCustomer(t);
            assertTrue(Double.isFinite(near) && near > 0, "a + b = 1: " + near);
            assertEquals(near, below, 1e-5 * near, "t = " + t);
        }
    }

    @Test
    void predictions_stayFiniteForHugeFrequenciesAndAges() {
        // mpmath: LL(x = 1e5, t_x = 9e5, T = 1e6) = -319749.48106911464; P(alive) < 1e-300
        assertEquals(-319749.48106911464, CDNOW.logLikelihood(100_000, 900_000, 1_000_000), 1e-9 * 319749.5);
        double alive = CDNOW.probabilityAlive(100_000, 900_000, 1_000_000);
        assertTrue(alive >= 0 && alive < 1e-300, "P(alive) = " + alive);
        double e = CDNOW.expectedPurchases(10, 100_000, 900_000, 1_000_000);
        assertTrue(e >= 0 && e < 1e-290, "E = " + e);
        // a customer who bought every day for years and just bought again is alive and keeps buying
        double active = CDNOW.expectedPurchases(7, 5_000, 1_000, 1_000);
        assertTrue(Double.isFinite(active) && active > 30, "E = " + active);
        assertTrue(CDNOW.probabilityAlive(5_000, 1_000, 1_000) > 0.99);
        for (double t : new double[] {1e-9, 1e9, 1e300}) {
            double v = CDNOW.expectedPurchasesNewCustomer(t);
            assertTrue(Double.isFinite(v) && v >= 0, "t = " + t + ": " + v);
        }
    }

    @Test
    void fit_givesAnEqualModelForThreads1And3() {
        BgNbdModel truth = BgNbdModel.of(0.5, 10, 1.5, 3, BgNbdModel.Variant.BG_NBD, PeriodUnit.WEEK);
        CustomerSummary s = LifetimeSimulation.purchases(truth, LifetimeSimulation.ages(20_000, 1, 52), 5);
        BgNbdModel one = BgNbd.fit(s, BgNbdOptions.defaults());
        for (int threads : new int[] {2, 3, 8}) {
            BgNbdModel many = BgNbd.fit(s, BgNbdOptions.defaults().withThreads(threads));
            assertEquals(one, many, "threads " + threads);
            assertEquals(one.hashCode(), many.hashCode());
            assertEquals(one.estimates(), many.estimates());
            assertArrayEquals(one.fitSummary().objective(), many.fitSummary().objective(), 0.0);
        }
        // and on a caller's executor
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            BgNbdModel onPool = BgNbd.fit(s, BgNbdOptions.defaults().withThreads(3),
                    FitControl.defaults().withExecutor(pool));
            assertEquals(one, onPool);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void fit_givesTheValuesOfTheLibraryBeforeTheModelContract() {
        // BgNbd.fit on this shop printed these at commit cff9196 (LifetimeFitSummary, BlockReduction): the move to
        // core's Blocks.sum, FitSummary and FitControl must not change a bit
        CustomerSummary s = TestShops.calibration(1500, 7, false);
        BgNbdModel bg = BgNbd.fit(s);
        assertArrayEquals(new double[] {0.28852054221553197, 9.18141490773881, 1.4807627665178702,
                5.8822087176294335}, bg.parameters(), 0.0);
        assertEquals(-3995.3760657695625, bg.estimates().logLikelihood(), 0.0);
        assertEquals(24, bg.fitSummary().iterations());
        assertArrayEquals(new double[] {0.026441404269011166, 1.2288002094688648, 1.614080263626776,
                7.639534177256295}, bg.estimates().standardErrors(), 0.0);
        assertEquals(Verdict.FINE, bg.fitSummary().verdict(), bg.toString());
        BgNbdModel mbg = BgNbd.fit(s, BgNbdOptions.defaults().withVariant(BgNbdModel.Variant.MBG_NBD));
        assertArrayEquals(new double[] {0.43851776450046925, 10.74395974367437, 1.6053874880322423,
                5.346333699261687}, mbg.parameters(), 0.0);
        assertEquals(-3996.2539178320953, mbg.estimates().logLikelihood(), 0.0);
        assertEquals(25, mbg.fitSummary().iterations());
        assertEquals(s.fingerprint(), bg.fitSummary().data());
        assertEquals(1500, bg.fitSummary().data().rows());
    }

    @Test
    void fit_thatRunsToTheEdgeOfTheParameterSpaceIsAWarningNamingTheParameter() {
        // histories drawn at random (not from a BG/NBD): nobody seems to drop out, a and b run off to 5.9e5 and 2.1e7
        // (the fit on Online Retail ended at a = 6.5e-7, b = 22,188 and passed as converged)
        SplittableRandom rng = new SplittableRandom(42);
        int n = 10_000;
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 80 * rng.nextDouble();
            x[i] = rng.nextBoolean() ? 0 : 1 + rng.nextInt(60);
            tx[i] = x[i] == 0 ? 0 : t[i] * rng.nextDouble();
            rng.nextDouble();
        }
        BgNbdModel m = BgNbd.fit(CustomerSummary.of(x, tx, t, PeriodUnit.WEEK));
        assertEquals(588256.3855430956, m.a(), 0.0, "the value before the model contract");
        assertEquals(Verdict.WARNING, m.fitSummary().verdict(), m.toString());
        List<String> w = m.fitSummary().warnings();
        assertTrue(w.contains("a = 588256 ran to the edge of the parameter space (more than 10,000 times above its start "
                + "1): the likelihood keeps rising towards a limit of the model, so a is not identified by the data"),
                w.toString());
        assertTrue(w.stream().anyMatch(s -> s.startsWith("b = 2.14937e+07 ran to the edge")), w.toString());
        assertTrue(m.toString().contains("WARNING: a = 588256 ran to the edge"), m.toString());
    }

    @Test
    void fit_listenerHearsEachIterationAndCancellationStopsTheFit() {
        BgNbdModel truth = BgNbdModel.of(0.5, 10, 1.5, 3, BgNbdModel.Variant.BG_NBD, PeriodUnit.WEEK);
        CustomerSummary s = LifetimeSimulation.purchases(truth, LifetimeSimulation.ages(2_000, 1, 52), 6);
        List<Object[]> heard = new ArrayList<>();
        BgNbdModel m = BgNbd.fit(s, BgNbdOptions.defaults(), FitControl.defaults()
                .withListener((stage, done, total, objective) -> heard.add(new Object[] {stage, done, total, objective})));
        double[] objective = m.fitSummary().objective();
        assertEquals(m.fitSummary().iterations(), heard.size());
        for (int k = 0; k < heard.size(); k++) {
            assertEquals("BG/NBD L-BFGS", heard.get(k)[0]);
            assertEquals(k + 1L, heard.get(k)[1]);
            assertEquals(1_000L, heard.get(k)[2]);
            assertEquals(objective[k + 1], (double) heard.get(k)[3], 0.0);
        }
        int[] steps = {0};
        CancellationException e = assertThrows(CancellationException.class, () -> BgNbd.fit(s,
                BgNbdOptions.defaults(), FitControl.defaults().withListener((stage, done, total, obj) -> steps[0]++)
                        .withCancellation(() -> steps[0] >= 3)));
        assertEquals(3, steps[0]);
        assertTrue(e.getMessage().contains("BG/NBD L-BFGS"), e.getMessage());
    }

    @Test
    void equals_comparesVariantUnitAndParametersNotTheFit() {
        BgNbdModel a = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, BgNbdModel.Variant.BG_NBD, PeriodUnit.WEEK);
        assertEquals(CDNOW, a);
        assertEquals(CDNOW.hashCode(), a.hashCode());
        assertNotEquals(CDNOW, BgNbdModel.of(0.243, 4.414, 0.793, 2.426, BgNbdModel.Variant.MBG_NBD, PeriodUnit.WEEK));
        assertNotEquals(CDNOW, BgNbdModel.of(0.243, 4.414, 0.793, 2.426, BgNbdModel.Variant.BG_NBD, PeriodUnit.DAY));
        assertNotEquals(CDNOW, BgNbdModel.of(0.243, 4.414, 0.793, 2.427, BgNbdModel.Variant.BG_NBD, PeriodUnit.WEEK));
        assertEquals("parameters given, not fitted", CDNOW.fitSummary().stopReason());
        assertEquals(Verdict.FINE, CDNOW.fitSummary().verdict());
        assertEquals(0, CDNOW.estimates().customers());
        assertEquals(BgNbdModel.MODEL_TYPE, CDNOW.modelType());
        assertEquals(BgNbdModel.SCHEMA_VERSION, CDNOW.schemaVersion());
    }

    @Test
    void fit_withPenalizerShrinksTheParameters() {
        BgNbdModel truth = BgNbdModel.of(0.5, 10, 1.5, 3, BgNbdModel.Variant.BG_NBD, PeriodUnit.WEEK);
        CustomerSummary s = LifetimeSimulation.purchases(truth, LifetimeSimulation.ages(2_000, 1, 52), 6);
        BgNbdModel plain = BgNbd.fit(s);
        BgNbdModel penalized = BgNbd.fit(s, BgNbdOptions.defaults().withPenalizer(0.01));
        assertTrue(penalized.alpha() < plain.alpha(), penalized + " vs " + plain);
        assertTrue(penalized.estimates().logLikelihood() < plain.estimates().logLikelihood());
        assertEquals(0.01, penalized.estimates().penalizer());
        assertTrue(penalized.fitSummary().options().contains("penalizer=0.01"), penalized.fitSummary().options());
    }

    @Test
    void fit_thatCannotConvergeIsReportedNotThrown() {
        BgNbdModel truth = BgNbdModel.of(0.5, 10, 1.5, 3, BgNbdModel.Variant.BG_NBD, PeriodUnit.WEEK);
        CustomerSummary s = LifetimeSimulation.purchases(truth, LifetimeSimulation.ages(500, 1, 52), 7);
        BgNbdModel m = BgNbd.fit(s, BgNbdOptions.defaults().withMaxIterations(2));
        assertFalse(m.fitSummary().converged());
        assertTrue(m.fitSummary().stopReason().contains("iteration limit"), m.fitSummary().stopReason());
        assertEquals(Verdict.WARNING, m.fitSummary().verdict());
        assertEquals(2, m.fitSummary().iterations());
        // nobody ever came back: the data cannot pin the parameters down, and the fit says so instead of throwing
        CustomerSummary none = CustomerSummary.of(new int[6], new double[6], new double[] {5, 6, 7, 8, 9, 10},
                PeriodUnit.DAY);
        BgNbdModel flat = BgNbd.fit(none);
        for (double v : flat.parameters()) {
            assertTrue(Double.isFinite(v) && v > 0, flat.toString());
        }
        assertTrue(Double.isFinite(flat.estimates().logLikelihood()));
    }

    @Test
    void fit_rejectsFewerCustomersThanParameters() {
        CustomerSummary three = CustomerSummary.of(new int[] {1, 0, 2}, new double[] {3, 0, 4},
                new double[] {5, 6, 7}, PeriodUnit.DAY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BgNbd.fit(three));
        assertTrue(e.getMessage().contains("at least 4 customers, got 3"), e.getMessage());
    }

    @Test
    void predictions_rejectInvalidHistories() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CDNOW.probabilityAlive(2, 40, 38));
        assertTrue(e.getMessage().contains("t_x > T") && e.getMessage().contains("40.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CDNOW.expectedPurchases(-1, 2, 3, 38));
        assertTrue(e.getMessage().contains("t must be finite and >= 0, got -1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CDNOW.probabilityAlive(-2, 0, 38));
        assertTrue(e.getMessage().contains("frequency must be >= 0, got -2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CDNOW.probabilityAlive(0, 3, 38));
        assertTrue(e.getMessage().contains("recency must be 0 when frequency is 0, got 3.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CDNOW.probabilityOfPurchases(-1, 3));
        assertTrue(e.getMessage().contains("k must be >= 0, got -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BgNbdModel.of(0.2, Double.NaN, 1, 1, BgNbdModel.Variant.BG_NBD, PeriodUnit.DAY));
        assertTrue(e.getMessage().contains("alpha must be finite and > 0, got NaN"), e.getMessage());
        CustomerSummary days = CustomerSummary.of(new int[] {1}, new double[] {1}, new double[] {2}, PeriodUnit.DAY);
        e = assertThrows(IllegalArgumentException.class, () -> CDNOW.probabilityAlive(days));
        assertTrue(e.getMessage().contains("days") && e.getMessage().contains("weeks"), e.getMessage());
    }

    @Test
    void saveAndLoad_roundTripTheModelItsEstimatesAndItsFitSummary(@TempDir Path dir) throws IOException {
        BgNbdModel truth = BgNbdModel.of(0.5, 10, 1.5, 3, BgNbdModel.Variant.MBG_NBD, PeriodUnit.WEEK);
        CustomerSummary s = LifetimeSimulation.purchases(truth, LifetimeSimulation.ages(1_000, 1, 52), 8);
        BgNbdModel fit = BgNbd.fit(s, BgNbdOptions.defaults().withVariant(BgNbdModel.Variant.MBG_NBD));
        Path file = dir.resolve("m.rtnm");
        fit.save(file);
        BgNbdModel back = Models.load(file, BgNbdModel.class);
        assertEquals(fit, back);
        assertEquals(BgNbdModel.Variant.MBG_NBD, back.variant());
        assertEquals(PeriodUnit.WEEK, back.unit());
        assertEquals(fit.fitSummary(), back.fitSummary());
        assertEquals(fit.estimates(), back.estimates());
        assertEquals(fit.toString(), back.toString());
        assertEquals(fit.expectedPurchases(10, 3, 20, 30), back.expectedPurchases(10, 3, 20, 30), 0.0);
        byte[] bytes = GammaGammaModel.of(1, 2, 3).toBytes();
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> Models.fromBytes(bytes, "gg", BgNbdModel.class));
        assertTrue(e.getMessage().startsWith("gg: ") && e.getMessage().contains("gamma-gamma"), e.getMessage());
    }

    @Test
    void toString_showsParametersStandardErrorsAndConvergence() {
        BgNbdModel truth = BgNbdModel.of(0.5, 10, 1.5, 3, BgNbdModel.Variant.BG_NBD, PeriodUnit.WEEK);
        BgNbdModel fit = BgNbd.fit(LifetimeSimulation.purchases(truth, LifetimeSimulation.ages(1_000, 1, 52), 9));
        String s = fit.toString();
        assertTrue(s.contains("BG/NBD") && s.contains("std. error") && s.contains("converged"), s);
        assertTrue(s.contains("alpha"), s);
    }
}
