package dev.retention.lifetime;

import dev.retention.lifetime.bgnbd.BgNbd;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.bgnbd.BgNbdOptions;
import dev.retention.lifetime.gammagamma.GammaGamma;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.lifetime.gammagamma.GammaGammaOptions;
import dev.retention.lifetime.paretonbd.ParetoNbd;
import dev.retention.lifetime.paretonbd.ParetoNbdOptions;
import dev.retention.model.Model;
import dev.retention.model.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The battery of the lifetime learners, in the spirit of scikit-learn's {@code check_estimator}: each
 * learner through empty input, one customer, identical customers, nobody repeating, huge magnitudes and non-finite
 * values, each a clear {@link IllegalArgumentException} or a model whose parameters are in range and whose
 * predictions are finite (or refused as UNUSABLE with {@link IllegalStateException}); 8 threads predicting give the
 * answers of one; a fit on 2 threads equals the fit on 1. A new learner joins with one enum constant.
 */
class LifetimeBatteryTest {

    enum Learner {
        BG_NBD {
            @Override
            Model fit(CustomerSummary s, int threads) {
                return BgNbd.fit(s, BgNbdOptions.defaults().withThreads(threads));
            }
        },
        MBG_NBD {
            @Override
            Model fit(CustomerSummary s, int threads) {
                return BgNbd.fit(s, BgNbdOptions.defaults().withVariant(BgNbdModel.Variant.MBG_NBD)
                        .withThreads(threads));
            }
        },
        PARETO_NBD {
            @Override
            Model fit(CustomerSummary s, int threads) {
                return ParetoNbd.fit(s, ParetoNbdOptions.defaults().withMaxIterations(2_000).withThreads(threads));
            }
        },
        GAMMA_GAMMA {
            @Override
            Model fit(CustomerSummary s, int threads) {
                return GammaGamma.fit(s, GammaGammaOptions.defaults().withThreads(threads));
            }
        };

        abstract Model fit(CustomerSummary s, int threads);
    }

    /** Every prediction of a model for every customer, through the opt-in when the fit is UNUSABLE. */
    private static double[] predict(Model m, CustomerSummary s) {
        double[] out = new double[3 * s.size()];
        for (int i = 0; i < s.size(); i++) {
            if (m instanceof PurchaseModel p) {
                PurchaseModel q = p.allowingUnusable();
                out[3 * i] = q.probabilityAlive(s.frequency(i), s.recency(i), s.age(i));
                out[3 * i + 1] = q.expectedPurchases(52, s.frequency(i), s.recency(i), s.age(i));
                out[3 * i + 2] = q.expectedPurchasesNewCustomer(52);
            } else {
                GammaGammaModel g = ((GammaGammaModel) m).allowingUnusable();
                out[3 * i] = g.expectedSpend(s.frequency(i), s.monetaryValue(i));
            }
        }
        return out;
    }

    private static Estimates estimates(Model m) {
        return m instanceof PurchaseModel p ? p.estimates() : ((GammaGammaModel) m).estimates();
    }

    private static CustomerSummary summary(int n, int x, double tx, double t, double m) {
        int[] f = new int[n];
        double[] r = new double[n];
        double[] a = new double[n];
        double[] mv = new double[n];
        Arrays.fill(f, x);
        Arrays.fill(r, tx);
        Arrays.fill(a, t);
        Arrays.fill(mv, m);
        return CustomerSummary.of(null, f, r, a, mv, PeriodUnit.WEEK);
    }

    /** A clear IllegalArgumentException, or a model in range with finite predictions; returns the model or null. */
    private static Model fitOrRefuse(Learner learner, CustomerSummary s, String what) {
        Model m;
        try {
            m = learner.fit(s, 1);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), learner + " " + what);
            return null;
        }
        double[] p = m instanceof PurchaseModel pm ? pm.parameters() : ((GammaGammaModel) m).parameters();
        for (double v : p) {
            assertTrue(v >= 1e-15 && Double.isFinite(v), learner + " " + what + ": " + m);
        }
        for (double v : predict(m, s)) {
            assertTrue(Double.isFinite(v) && v >= 0, learner + " " + what + ": prediction " + v + " of " + m);
        }
        return m;
    }

    @ParameterizedTest
    @EnumSource(Learner.class)
    void emptyAndOneCustomer_areClearErrors(Learner learner) {
        CustomerSummary empty = CustomerSummary.of(null, new int[0], new double[0], new double[0], new double[0],
                PeriodUnit.WEEK);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> learner.fit(empty, 1));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
        CustomerSummary one = summary(1, 2, 5, 10, 30);
        e = assertThrows(IllegalArgumentException.class, () -> learner.fit(one, 1));
        assertTrue(e.getMessage().contains("got 1"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Learner.class)
    void identicalCustomers_areFlaggedOrRefused(Learner learner) {
        Model m = fitOrRefuse(learner, summary(40, 3, 10, 20, 30), "identical customers");
        if (m != null) {
            assertNotEquals(Verdict.FINE, m.fitSummary().verdict(), m.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Learner.class)
    void nobodyRepeats_isFlaggedOrRefused(Learner learner) {
        int n = 50;
        int[] x = new int[n];
        double[] z = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1 + i;
        }
        Model m = fitOrRefuse(learner, CustomerSummary.of(null, x, z, t, z, PeriodUnit.WEEK), "no repeat purchases");
        if (m != null) {
            assertNotEquals(Verdict.FINE, m.fitSummary().verdict(), m.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Learner.class)
    void hugeMagnitudes_areRefusedOrFinite(Learner learner) {
        for (double scale : new double[] {1e6, 1e12, 1e100, 1e300}) {
            int n = 30;
            int[] x = new int[n];
            double[] tx = new double[n];
            double[] t = new double[n];
            double[] m = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i % 3 == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (1 + i % 5) * Math.min(scale, 1e8));
                t[i] = scale * (1 + i % 7);
                tx[i] = x[i] == 0 ? 0 : t[i] * (i % 4) / 4;
                m[i] = x[i] == 0 ? 0 : scale * (1 + i % 11);
            }
            fitOrRefuse(learner, CustomerSummary.of(null, x, tx, t, m, PeriodUnit.WEEK), "scale " + scale);
        }
    }

    @ParameterizedTest
    @EnumSource(Learner.class)
    void nonFiniteInput_isRefusedByTheSummaryNamingTheRow(Learner learner) {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CustomerSummary.of(null,
                    new int[] {1, 2}, new double[] {1, 2}, new double[] {3, bad}, new double[] {5, 6},
                    PeriodUnit.WEEK));
            assertTrue(e.getMessage().contains("1") && e.getMessage().contains(String.valueOf(bad)),
                    learner + ": " + e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Learner.class)
    void predict_eightThreadsGiveTheAnswersOfOne_andTwoThreadsFitTheSameModel(Learner learner) throws Exception {
        CustomerSummary s = TestShops.calibration(600, 11, false);
        Model one = learner.fit(s, 1);
        Model two = learner.fit(s, 2);
        assertEquals(one, two, learner + " on 1 and 2 threads");
        assertEquals(estimates(one), estimates(two));
        double[] expected = predict(one, s);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<double[]>> answers = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                answers.add(pool.submit(() -> predict(one, s)));
            }
            for (Future<double[]> f : answers) {
                assertArrayEquals(expected, f.get(), 0.0);
            }
        } finally {
            pool.shutdown();
        }
    }
}
