package dev.retention.lifetime;

import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.lifetime.paretonbd.ParetoNbdModel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fits that do not converge drift to the edges of the parameter space (a and b of the BG/NBD towards
 * infinity when nobody seems to drop out, s and beta of the Pareto/NBD likewise). Every public prediction
 * must stay a finite number in its range there: never a NaN, never an infinity. (Log-likelihoods are finite
 * but may be positive: they include the density of the purchase times.)
 */
class ExtremeParametersTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    private static double logUniform(SplittableRandom rnd, double lo, double hi) {
        return Math.exp(rnd.nextDouble(Math.log(lo), Math.log(hi)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void predictions_areFiniteAndInRange(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double r = logUniform(rnd, 1e-3, 1e3);
        double alpha = logUniform(rnd, 1e-2, 1e4);
        double a = logUniform(rnd, 1e-3, 1e13);
        double b = logUniform(rnd, 1e-3, 1e13);
        double age = logUniform(rnd, 0.1, 1e4);
        double recency = age * rnd.nextDouble();
        int x = rnd.nextInt(3) == 0 ? 0 : (int) logUniform(rnd, 1, 1e4);
        if (x == 0) {
            recency = 0;
        }
        double t = logUniform(rnd, 1e-2, 1e4);
        int k = rnd.nextInt(20);
        String where = "seed " + seed + ": r=" + r + " alpha=" + alpha + " a=" + a + " b=" + b + " x=" + x + " t_x="
                + recency + " T=" + age + " t=" + t;
        for (BgNbdModel.Variant v : BgNbdModel.Variant.values()) {
            BgNbdModel m = BgNbdModel.of(r, alpha, a, b, v, PeriodUnit.WEEK);
            check(m.probabilityAlive(x, recency, age), 0, 1, where + " " + v + " P(alive)");
            check(m.expectedPurchases(t, x, recency, age), 0, Double.MAX_VALUE, where + " " + v + " E[X | history]");
            check(m.expectedPurchasesNewCustomer(t), 0, Double.MAX_VALUE, where + " " + v + " E[X(t)]");
            check(m.probabilityOfPurchases(k, t), 0, 1, where + " " + v + " P(X(t) = " + k + ")");
            check(m.logLikelihood(x, recency, age), -Double.MAX_VALUE, Double.MAX_VALUE, where + " " + v + " log-likelihood");
        }
        ParetoNbdModel p = ParetoNbdModel.of(r, alpha, a, b, PeriodUnit.WEEK);   // a, b as s, beta
        check(p.probabilityAlive(x, recency, age), 0, 1, where + " Pareto/NBD P(alive)");
        check(p.expectedPurchases(t, x, recency, age), 0, Double.MAX_VALUE, where + " Pareto/NBD E[X | history]");
        check(p.expectedPurchasesNewCustomer(t), 0, Double.MAX_VALUE, where + " Pareto/NBD E[X(t)]");
        check(p.logLikelihood(x, recency, age), -Double.MAX_VALUE, Double.MAX_VALUE, where + " Pareto/NBD log-likelihood");
        GammaGammaModel g = GammaGammaModel.of(r, logUniform(rnd, 1.001, 1e4), alpha);
        if (x > 0) {
            check(g.expectedSpend(x, logUniform(rnd, 1e-2, 1e5)), 0, Double.MAX_VALUE, where + " expected spend");
        }
        check(g.meanSpend(), 0, Double.MAX_VALUE, where + " mean spend");
    }

    private static void check(double value, double lo, double hi, String what) {
        assertTrue(value >= lo && value <= hi, what + " = " + value + ", expected in [" + lo + ", " + hi + "]");
    }
}
