package dev.retention.lifetime.internal;

import dev.retention.optim.FiniteDifferences;
import dev.retention.parallel.Workers;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The likelihood kernels against the one-customer formulas summed naively, their analytic gradients against
 * central finite differences ({@link FiniteDifferences#gradient}, tolerance 1e-6 relative), the block sums'
 * independence of the number of threads (bit for bit), and the values the kernels gave before they moved from
 * their own block reduction to core's {@code Blocks.sum} (bit for bit: the same blocks of 4,096 customers, added
 * in the same order).
 */
class LikelihoodKernelsTest {

    /** Random histories: half one-time buyers, frequencies up to 60, ages up to 80. */
    private static int[] x;
    private static double[] tx;
    private static double[] t;
    private static double[] m;

    static {
        SplittableRandom rng = new SplittableRandom(42);
        int n = 10_000;
        x = new int[n];
        tx = new double[n];
        t = new double[n];
        m = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 80 * rng.nextDouble();
            x[i] = rng.nextBoolean() ? 0 : 1 + rng.nextInt(60);
            tx[i] = x[i] == 0 ? 0 : t[i] * rng.nextDouble();
            m[i] = 5 + 100 * rng.nextDouble();
        }
    }

    @Test
    void bgNbd_sumsTheCustomerFormulasAndHasTheRightGradient() {
        for (boolean modified : new boolean[] {false, true}) {
            BgNbdLikelihood lik = new BgNbdLikelihood(x, tx, t, modified);
            double[] p = {0.4, 7.5, 0.9, 2.2};
            double naive = 0;
            for (int i = 0; i < x.length; i++) {
                naive += BgNbdFormulas.logLikelihood(x[i], tx[i], t[i], p[0], p[1], p[2], p[3], modified);
            }
            try (Workers one = Workers.create(1); Workers three = Workers.create(3)) {
                double[] g = new double[4];
                double ll = lik.logLikelihood(p[0], p[1], p[2], p[3], g, one);
                assertEquals(naive, ll, 1e-11 * Math.abs(naive));
                double[] fd = FiniteDifferences.gradient(q -> lik.logLikelihood(q[0], q[1], q[2], q[3], null, one), p);
                for (int k = 0; k < 4; k++) {
                    assertEquals(fd[k], g[k], 1e-6 * Math.max(1, Math.abs(fd[k])), "modified " + modified + ", k " + k);
                }
                double[] g3 = new double[4];
                assertEquals(ll, lik.logLikelihood(p[0], p[1], p[2], p[3], g3, three), 0.0);
                assertArrayEquals(g, g3, 0.0);
            }
        }
    }

    /** The frequencies and spends of the repeat customers above. */
    private static GammaGammaLikelihood repeatCustomers(int[] xr, double[] mr) {
        for (int i = 0, k = 0; i < x.length; i++) {
            if (x[i] > 0) {
                xr[k] = x[i];
                mr[k++] = m[i];
            }
        }
        return new GammaGammaLikelihood(xr, mr);
    }

    private static int repeatCount() {
        int n = 0;
        for (int v : x) {
            n += v > 0 ? 1 : 0;
        }
        return n;
    }

    @Test
    void gammaGamma_sumsTheCustomerFormulasAndHasTheRightGradient() {
        int n = repeatCount();
        int[] xr = new int[n];
        double[] mr = new double[n];
        GammaGammaLikelihood lik = repeatCustomers(xr, mr);
        double[] p = {3.5, 2.7, 18};
        double naive = 0;
        for (int i = 0; i < n; i++) {
            double px = p[0] * xr[i];
            naive += SpecialFunctions.logGamma(px + p[1]) - SpecialFunctions.logGamma(px)
                    - SpecialFunctions.logGamma(p[1]) + p[1] * Math.log(p[2]) + (px - 1) * Math.log(mr[i])
                    + px * Math.log(xr[i]) - (px + p[1]) * Math.log(p[2] + xr[i] * mr[i]);
        }
        try (Workers one = Workers.create(1); Workers two = Workers.create(2)) {
            double[] g = new double[3];
            double ll = lik.logLikelihood(p[0], p[1], p[2], g, one);
            assertEquals(naive, ll, 1e-10 * Math.abs(naive));
            double[] fd = FiniteDifferences.gradient(q -> lik.logLikelihood(q[0], q[1], q[2], null, one), p);
            for (int k = 0; k < 3; k++) {
                assertEquals(fd[k], g[k], 1e-6 * Math.max(1, Math.abs(fd[k])), "k " + k);
            }
            double[] g2 = new double[3];
            assertEquals(ll, lik.logLikelihood(p[0], p[1], p[2], g2, two), 0.0);
            assertArrayEquals(g, g2, 0.0);
        }
    }

    @Test
    void paretoNbd_sumsTheCustomerFormulas() {
        ParetoNbdLikelihood lik = new ParetoNbdLikelihood(x, tx, t);
        for (double[] p : new double[][] {{0.55, 10.6, 0.6, 11.7}, {0.55, 12, 0.6, 3.5}, {1.2, 5, 1.7, 5}}) {
            double naive = 0;
            for (int i = 0; i < x.length; i++) {
                naive += ParetoNbdFormulas.logLikelihood(x[i], tx[i], t[i], p[0], p[1], p[2], p[3]);
            }
            try (Workers one = Workers.create(1); Workers two = Workers.create(2)) {
                double ll = lik.logLikelihood(p[0], p[1], p[2], p[3], one);
                assertEquals(naive, ll, 1e-11 * Math.abs(naive));
                assertEquals(ll, lik.logLikelihood(p[0], p[1], p[2], p[3], two), 0.0);
            }
        }
    }

    @Test
    void kernels_giveTheValuesOfTheirOwnBlockReductionBitForBit() {
        // printed by the kernels on BlockReduction (commit cff9196), one thread, on the data above
        BgNbdLikelihood bg = new BgNbdLikelihood(x, tx, t, false);
        BgNbdLikelihood mbg = new BgNbdLikelihood(x, tx, t, true);
        try (Workers one = Workers.create(1); Workers two = Workers.create(2)) {
            for (Workers w : new Workers[] {one, two}) {
                double[] g = new double[4];
                assertEquals(-111026.70208106923, bg.logLikelihood(0.4, 7.5, 0.9, 2.2, g, w), 0.0);
                assertArrayEquals(new double[] {14125.829466131812, -7692.880654410905, -7213.946273726446,
                        1633.1399456711633}, g, 0.0);
                assertEquals(-110157.56090326386, mbg.logLikelihood(0.4, 7.5, 0.9, 2.2, g, w), 0.0);
                assertArrayEquals(new double[] {18115.761407164304, -7786.001463120908, -6613.058301547178,
                        1325.0299335579343}, g, 0.0);
                ParetoNbdLikelihood pnbd = new ParetoNbdLikelihood(x, tx, t);
                assertEquals(-122137.31851257023, pnbd.logLikelihood(0.55, 10.6, 0.6, 11.7, w), 0.0);
                assertEquals(-130396.1009547693, pnbd.logLikelihood(0.55, 12, 0.6, 3.5, w), 0.0);
            }
            int n = repeatCount();
            double[] g = new double[3];
            assertEquals(-26010.978950003293, repeatCustomers(new int[n], new double[n])
                    .logLikelihood(3.5, 2.7, 18, g, two), 0.0);
            assertArrayEquals(new double[] {1136.583478161016, -2229.315737958921, 223.21060450222012}, g, 0.0);
        }
    }

    @Test
    void bgNbd_isFiniteAtExtremeParametersAndHistories() {
        int[] bigX = {0, 1_000_000, 5};
        double[] bigTx = {0, 9.99e8, 1e-9};
        double[] bigT = {1e9, 1e9, 1e9};
        BgNbdLikelihood lik = new BgNbdLikelihood(bigX, bigTx, bigT, false);
        try (Workers one = Workers.create(1)) {
            for (double[] p : new double[][] {{1e-8, 1e-8, 1e-8, 1e-8}, {1e8, 1e8, 1e8, 1e8}, {1e-3, 1e6, 50, 1e-4}}) {
                double[] g = new double[4];
                double ll = lik.logLikelihood(p[0], p[1], p[2], p[3], g, one);
                assertEquals(true, Double.isFinite(ll), java.util.Arrays.toString(p) + ": " + ll);
                for (double v : g) {
                    assertEquals(true, Double.isFinite(v), java.util.Arrays.toString(p) + ": gradient " + v);
                }
            }
        }
    }
}
