package dev.retention.lifetime.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** E[X(t)] of the BG/NBD where the dropout parameters a and b are large (fits that drift to the boundary). */
class BgNbdFormulasTest {

    /**
     * Goldens from mpmath 1.2 at 60 digits: {@code (a+b-1)/(a-1) (1 - (alpha/(alpha+t))^r hyp2f1(r, b, a+b-1, z))}
     * where mpmath's series converges, and {@code mp.quad} of {@code (1 - (alpha/(alpha+p t))^r)/p} against the
     * Beta(a, b) density where it does not (the two agree to 1e-16 where both work). Tolerance 1e-12 relative.
     */
    @Test
    void expected_largeDropoutParameters_matchesMpmath() {
        assertRelative(1.218698894056609, BgNbdFormulas.expected(0.21, 4.43, 885386.7, 7449094.9, 39));
        assertRelative(1.1537420599003188, BgNbdFormulas.expected(0.5, 10, 1e4, 3e4, 39));
        assertRelative(1.1092871855235538, BgNbdFormulas.expected(0.3, 5, 300, 900, 39));
        assertRelative(10.891982539869534, BgNbdFormulas.expected(2, 1, 1e6, 1e7, 100));
        assertRelative(0.4262889123509111, BgNbdFormulas.expected(0.243, 4.414, 2000, 0.5, 39));
    }

    /**
     * Goldens at the parameters a fit reaches on Online Retail (a = 6.5e-7, b = 22,188) and at the ends of
     * the accepted range [1e-15, 1e15], from {@code src/test/python/lifetime_extremes.py} (mpmath 1.3.0 at 60 digits:
     * the positive series sum_j P(N >= j) (b)_{j-1} / (a+b)_{j-1}, confirmed by mpmath's hyp2f1 or mp.quad to 1e-35).
     * Tolerance 1e-12 relative.
     */
    @Test
    void expected_extremeParameters_matchesMpmath() {
        double[][] goldens = {
            {0.744209, 9.047414, 6.49525e-07, 22188.2, 4.348, 0.35765144957004297},
            {0.744209, 9.047414, 6.49525e-07, 22188.2, 52.18, 4.292146420433912},
            {5.744209, 38.34, 6.49525e-07, 22193.2, 52.18, 7.817757579023143},
            {1.0, 1.0, 1e-15, 1e15, 10.0, 10.0},
            {0.5, 2.0, 1e-15, 0.5, 10.0, 2.499999999999994},
            {2.0, 3.0, 1e15, 1e15, 10.0, 1.7187500000000004},
            {1000.0, 1000.0, 0.5, 1e12, 40.0, 39.9999999995996},
            {0.25, 7.0, 1e-09, 3.0, 100.0, 3.5714285672711257},
        };
        for (double[] g : goldens) {
            assertRelative(g[5], BgNbdFormulas.expected(g[0], g[1], g[2], g[3], g[4]));
        }
    }

    private static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, 1e-12 * Math.abs(expected), "got " + actual);
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** Where both work, the quadrature equals the series (both exact to rounding). */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void quadrature_agreesWithTheSeries(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double r = Math.exp(rnd.nextDouble(-3, 2));
        double alpha = Math.exp(rnd.nextDouble(-1, 4));
        double a = Math.exp(rnd.nextDouble(Math.log(0.5), Math.log(80)));
        double b = Math.exp(rnd.nextDouble(Math.log(0.5), Math.log(500)));
        double t = alpha * rnd.nextDouble(0.01, 9);                    // z = t / (alpha + t) up to 0.9
        double series = BgNbdFormulas.expectedBySeries(r, alpha, a, b, t);
        double quad = BgNbdFormulas.expectedByQuadrature(r, alpha, a, b, t);
        assertEquals(series, quad, 1e-10 * Math.abs(series), "seed " + seed + ": r=" + r + " alpha=" + alpha + " a=" + a
                + " b=" + b + " t=" + t);
    }

    /** Finite, positive and below the no-dropout limit r t / alpha, however large a and b are. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void expected_isFiniteForExtremeParameters(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double r = Math.exp(rnd.nextDouble(-5, 5));
        double alpha = Math.exp(rnd.nextDouble(-3, 8));
        double a = Math.exp(rnd.nextDouble(-3, 30));
        double b = Math.exp(rnd.nextDouble(-3, 30));
        double t = Math.exp(rnd.nextDouble(-3, 8));
        double e = BgNbdFormulas.expected(r, alpha, a, b, t);
        String where = "seed " + seed + ": r=" + r + " alpha=" + alpha + " a=" + a + " b=" + b + " t=" + t;
        assertTrue(Double.isFinite(e) && e > 0, where + " gave " + e);
        assertTrue(e <= r * t / alpha * (1 + 1e-9), where + " gave " + e + " above r t / alpha");
    }
}
