package dev.retention.lifetime.internal;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.bgnbd.BgNbd;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.bgnbd.BgNbdOptions;
import dev.retention.lifetime.paretonbd.ParetoNbd;
import dev.retention.lifetime.paretonbd.ParetoNbdModel;
import dev.retention.lifetime.paretonbd.ParetoNbdOptions;
import dev.retention.model.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bounded work: every prediction of the lifetime models sums a bounded number of series terms and
 * quadrature nodes, whatever the parameters, and fits on degenerate data end. Counted by {@link Work} (terms and
 * nodes), never timed.
 */
class BoundedWorkTest {

    /** {@code n} customers with the same history. */
    private static CustomerSummary identical(int n, int frequency, double recency, double age) {
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        Arrays.fill(x, frequency);
        Arrays.fill(tx, recency);
        Arrays.fill(t, age);
        return CustomerSummary.of(x, tx, t, PeriodUnit.WEEK);
    }

    /**
     * The Pareto/NBD's 2F1(1, b; c; 1 - w) near z = 1 with a huge c, where the 1 - z transformation's second series
     * is now (1 - w)^(1 - c) in closed form: mpmath 1.3.0 at 60 digits from the integral representation (two
     * quadratures that agree to 1e-20; {@code src/test/python/lifetime_extremes.py}), tolerance 1e-13 relative.
     */
    @Test
    void hyp2f1_paretoShapesNearOne_matchMpmathWithinTheBudget() {
        double[][] goldens = {
            {4.0, 28000000.0, 0.001, 1.0000001427143113},
            {4.0, 28000000.0, 1e-09, 1.000000142857168},
            {3.5, 100000.0, 1e-07, 1.0000350015715707},
            {1500000.0, 1500003.2, 1e-08, 673621.5873771867},
        };
        for (double[] g : goldens) {
            double v = Hypergeometric.hyp2f1(1, g[0], g[1], 1 - g[2], g[2]);
            assertEquals(g[3], v, 1e-13 * g[3], "2F1(1, " + g[0] + "; " + g[1] + "; 1 - " + g[2] + ")");
            long work = Work.take();
            assertTrue(work <= PREDICTION_BUDGET, work + " terms");
        }
    }

    /** Terms and nodes one prediction may take: a few milliseconds at most. */
    static final long PREDICTION_BUDGET = 1_000_000;

    @BeforeEach
    void count() {
        Work.counting = true;
        Work.take();
    }

    @AfterEach
    void stop() {
        Work.counting = false;
    }

    /**
     * Online Retail weekly, at the fit's edge (a = 6.5e-7, b = 22,188): the quadrature of E[X(t)] took over 400,000
     * nodes per evaluation (200,000 a side, the weekly CLV 263 s); now under a thousand.
     */
    @Test
    void expected_onlineRetailEdge_takesUnderAThousandNodes() {
        double e = BgNbdFormulas.expectedConditional(52.18, 5, 20, 30, 0.744209, 9.047414, 6.49525e-7, 22188.2,
                false);
        long work = Work.take();
        assertTrue(work < 2_000, "E[X | history] took " + work + " terms and nodes");
        assertTrue(e > 0 && Double.isFinite(e), "got " + e);
    }

    /** Every prediction over a log grid of every parameter from 1e-15 to 1e15, with ages and horizons from 1e-2 to 1e12. */
    @Test
    void predictions_overAnExtremeGrid_areBoundedAndFinite() {
        double[] values = {1e-15, 1e-6, 1e-2, 0.7, 1, 3, 1e2, 1e6, 1e15};
        SplittableRandom rnd = new SplittableRandom(16);
        long worst = 0;
        String worstAt = "";
        for (double r : values) {
            for (double alpha : values) {
                for (double a : values) {
                    for (double b : values) {
                        double t = Math.pow(10, rnd.nextDouble(-2, 12));
                        double age = Math.pow(10, rnd.nextDouble(-2, 12));
                        double recency = age * rnd.nextDouble();
                        int x = rnd.nextInt(4) == 0 ? 0 : (int) Math.pow(10, rnd.nextDouble(0, 9));
                        if (x == 0) {
                            recency = 0;
                        }
                        String where = "r=" + r + " alpha=" + alpha + " a=" + a + " b=" + b + " x=" + x + " t_x="
                                + recency + " T=" + age + " t=" + t;
                        double[] out = {
                            BgNbdFormulas.expectedConditional(t, x, recency, age, r, alpha, a, b, false),
                            BgNbdFormulas.expectedConditional(t, x, recency, age, r, alpha, a, b, true),
                            BgNbdFormulas.expectedNew(t, r, alpha, a, b, false),
                            BgNbdFormulas.probabilityAlive(x, recency, age, r, alpha, a, b, false),
                            ParetoNbdFormulas.expectedConditional(t, x, recency, age, r, alpha, a, b),
                            ParetoNbdFormulas.probabilityAlive(x, recency, age, r, alpha, a, b),
                            ParetoNbdFormulas.logLikelihood(x, recency, age, r, alpha, a, b),
                        };
                        long work = Work.take();
                        if (work > worst) {
                            worst = work;
                            worstAt = where;
                        }
                        assertTrue(work <= PREDICTION_BUDGET, where + ": " + work + " terms and nodes");
                        for (double v : out) {
                            assertTrue(!Double.isNaN(v), where + ": " + Arrays.toString(out));
                        }
                    }
                }
            }
        }
        System.out.println("most work of one grid point: " + worst + " at " + worstAt);
    }

    /**
     * Pareto/NBD on 40 identical customers never finished (900 s): the search drove the parameters to where the
     * likelihood's 2F1 summed two million terms per call. Now it ends within its work budget, flagged.
     */
    @Test
    void paretoNbd_identicalCustomers_endsFlagged() {
        int n = 40;
        ParetoNbdModel m = ParetoNbd.fit(identical(n, 3, 10, 20),
                ParetoNbdOptions.defaults().withMaxIterations(1_000));
        long work = Work.take();
        // two 2F1 per customer and evaluation; each summed two million terms before, a few thousand now
        long perCall = work / (2L * n * m.estimates().evaluations());
        assertTrue(perCall < 20_000, "the fit took " + work + " terms and nodes over " + m.estimates().evaluations()
                + " evaluations: " + perCall + " per 2F1");
        assertNotEquals(Verdict.FINE, m.fitSummary().verdict(), m.toString());
        assertTrue(!m.fitSummary().converged(), m.toString());
    }

    /**
     * P(X(t) = k) where the negative binomial tail {@code P(N >= k)} cannot be summed within the bound: a tail that
     * decays like {@code z^j} with {@code z = 1 - 1e-9} (the old sum stopped at 100,000 terms, about 11 times too
     * small for k = 1), and a CDF of two billion terms below a mean of 2e12. The regularized incomplete beta's
     * continued fraction answers both. Goldens: mpmath 1.3.0 at 60 digits, eq. 8 with {@code betainc}
     * ({@code src/test/python/probability_of_purchases_mpmath.py}); tolerance 1e-10 relative; work within the
     * prediction budget.
     */
    @Test
    void probabilityOfPurchases_extremeTails_matchMpmathWithinTheBudget() {
        double[][] goldens = {
            {1e-12, 1e-6, 0.5, 2.0, 1e3, 1, 4.944653166729758e-12},
            {1e-12, 1e-6, 0.5, 2.0, 1e3, 5, 8.96806979533334e-13},
            {0.3, 1e-6, 0.8, 3.0, 1e3, 2, 0.13149362365059705},
            {2.0, 1e-10, 0.5, 2.0, 100.0, 2_000_000_000, 7.431283164497375e-15},
            {2.0, 1e-10, 0.5, 2.0, 100.0, 1_000_000, 6.646689478359508e-10},
            {0.243, 4.414, 0.793, 2.426, 39.0, 3, 0.045860353847999726},
        };
        for (double[] g : goldens) {
            BgNbdModel m = BgNbdModel.of(g[0], g[1], g[2], g[3], BgNbdModel.Variant.BG_NBD, PeriodUnit.WEEK);
            Work.take();
            double p = m.probabilityOfPurchases((int) g[5], g[4]);
            long work = Work.take();
            String where = Arrays.toString(g);
            assertEquals(g[6], p, 1e-10 * g[6], where);
            assertTrue(work <= PREDICTION_BUDGET, where + ": " + work + " terms");
        }
    }

    /** The continued fraction agrees with the direct sums where both apply (random moderate cases, 1e-12). */
    @Test
    void negativeBinomialTail_continuedFractionAgreesWithTheSums() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            double r = 0.05 + rnd.nextDouble(5);
            double alpha = 0.5 + rnd.nextDouble(20);
            double t = 0.5 + rnd.nextDouble(60);
            int k = 1 + rnd.nextInt(40);
            double logW = -Math.log1p(t / alpha);
            double logZ = Math.log(t) - Math.log(alpha + t);
            double sums = BgNbdFormulas.logNegativeBinomialTail(k, r, logW, logZ);
            double fraction = SpecialFunctions.logRegularizedBeta(logZ, logW, k, r);
            assertEquals(Math.exp(sums), Math.exp(fraction), 1e-12 * Math.exp(sums) + 1e-15,
                    "r " + r + ", alpha " + alpha + ", t " + t + ", k " + k);
        }
    }

    /**
     * The same customers with the default budget of 10,000 iterations: the simplex crawled along a flat valley for
     * the whole budget (about 30 s) without changing the answer; now the search stops when its best value has not
     * improved by the value tolerance over 200 iterations, not converged, and the summary warns that it stalled.
     */
    @Test
    void paretoNbd_identicalCustomers_stopsOnNoProgress() {
        ParetoNbdModel m = ParetoNbd.fit(identical(40, 3, 10, 20), ParetoNbdOptions.defaults());
        Work.take();
        assertTrue(m.fitSummary().iterations() < 2_000, m.fitSummary().iterations() + " iterations: " + m);
        assertTrue(!m.fitSummary().converged(), m.toString());
        assertTrue(m.fitSummary().stopReason().startsWith("no progress"), m.fitSummary().stopReason());
        assertTrue(m.fitSummary().warnings().stream().anyMatch(w -> w.contains("stopped without progress")),
                m.fitSummary().warnings().toString());
        assertNotEquals(Verdict.FINE, m.fitSummary().verdict(), m.toString());
    }

    /** BG/NBD on customers who all look alike (the 299-customer file ended at r = 1.2e14 after 20 s). */
    @Test
    void bgNbd_identicalCustomers_endsFlagged() {
        int n = 299;
        BgNbdModel m = BgNbd.fit(identical(n, 2, 8, 30), BgNbdOptions.defaults());
        long work = Work.take();
        assertTrue(work < 500_000_000L, "the fit took " + work + " terms and nodes");
        assertNotEquals(Verdict.FINE, m.fitSummary().verdict(), m.toString());
        assertTrue(!m.fitSummary().converged(), m.toString());
        for (double v : m.parameters()) {
            assertTrue(v <= 1e15 && v >= 1e-15, m.toString());
        }
        assertEquals(n, m.estimates().customers());
    }
}
