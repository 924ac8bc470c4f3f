package dev.retention.lifetime.simulation;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.Estimates;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.bgnbd.BgNbd;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.bgnbd.BgNbdOptions;
import dev.retention.lifetime.gammagamma.GammaGamma;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.lifetime.paretonbd.ParetoNbd;
import dev.retention.lifetime.paretonbd.ParetoNbdModel;
import dev.retention.lifetime.paretonbd.ParetoNbdOptions;
import dev.retention.model.FitSummary;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parameter recovery: customers simulated from known parameters with each model's own generative process
 * ({@link LifetimeSimulation}) are fitted, and the fit must land within sampling error of the truth. The
 * criterion is the likelihood-ratio test: under the truth {@code 2 (LL(fit) - LL(truth))} is asymptotically
 * chi-squared with as many degrees of freedom as parameters, so it must stay below the 0.9999 quantile (23.51 for
 * 4 parameters, 21.11 for 3). Over 100 seeds of 3,000 customers its mean was 3.7 to 4.3 for each BG/NBD and
 * MBG/NBD parameter set below (chi-squared(4) has mean 4). The fit must also be at least as likely as the truth
 * (the optimizer found the maximum) and report convergence. Each case names its seed; the larger study is
 * {@code LifetimeRecoveryStudy} in the benchmarks module.
 */
class ParameterRecoveryTest {

    private static final double CHI2_4 = 23.51;
    private static final double CHI2_3 = 21.11;

    static Stream<Arguments> bgNbdCases() {
        double[][] sets = {{0.243, 4.414, 0.793, 2.426}, {0.5, 10, 1.5, 3}, {1.5, 30, 0.4, 1.2}, {0.8, 2, 2.5, 6}};
        Stream.Builder<Arguments> b = Stream.builder();
        for (BgNbdModel.Variant v : BgNbdModel.Variant.values()) {
            for (double[] p : sets) {
                for (long seed = 11; seed <= 12; seed++) {
                    b.add(Arguments.of(v, p, seed));
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} seed {2}")
    @MethodSource("bgNbdCases")
    void bgNbd_recoversSimulatedParameters(BgNbdModel.Variant variant, double[] p, long seed) {
        BgNbdModel truth = BgNbdModel.of(p[0], p[1], p[2], p[3], variant, PeriodUnit.WEEK);
        CustomerSummary s = LifetimeSimulation.purchases(truth, LifetimeSimulation.ages(3_000, 26, 52), seed);
        BgNbdModel fit = BgNbd.fit(s, BgNbdOptions.defaults().withVariant(variant));
        check(truth.estimates(), truth.logLikelihood(s), fit.estimates(), fit.fitSummary(), CHI2_4, seed);
    }

    static Stream<Arguments> paretoCases() {
        // alpha < beta and alpha > beta: both branches of the 2F1 in the likelihood
        return Stream.of(Arguments.of(new double[] {0.553, 10.578, 0.606, 11.669}, 21L),
                Arguments.of(new double[] {1.2, 20, 0.8, 8}, 22L));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("paretoCases")
    void paretoNbd_recoversSimulatedParameters(double[] p, long seed) {
        ParetoNbdModel truth = ParetoNbdModel.of(p[0], p[1], p[2], p[3], PeriodUnit.WEEK);
        CustomerSummary s = LifetimeSimulation.purchases(truth, LifetimeSimulation.ages(1_500, 26, 52), seed);
        ParetoNbdModel fit = ParetoNbd.fit(s, ParetoNbdOptions.defaults().withTolerance(1e-6));
        check(truth.estimates(), truth.logLikelihood(s), fit.estimates(), fit.fitSummary(), CHI2_4, seed);
    }

    static Stream<Arguments> gammaGammaCases() {
        return Stream.of(Arguments.of(new double[] {6.25, 3.74, 15.44}, 31L),
                Arguments.of(new double[] {2, 5, 100}, 32L),
                Arguments.of(new double[] {0.8, 2.5, 4}, 33L));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("gammaGammaCases")
    void gammaGamma_recoversSimulatedParameters(double[] p, long seed) {
        GammaGammaModel truth = GammaGammaModel.of(p[0], p[1], p[2]);
        int n = 3_000;
        int[] x = new int[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1 + i % 8;
            t[i] = 40;
        }
        CustomerSummary s = LifetimeSimulation.spend(truth, CustomerSummary.of(x, t.clone(), t, PeriodUnit.WEEK), seed);
        GammaGammaModel fit = GammaGamma.fit(s);
        double truthLl = 0;
        for (int i = 0; i < n; i++) {
            truthLl += truth.logLikelihood(s.frequency(i), s.monetaryValue(i));
        }
        check(truth.estimates(), truthLl, fit.estimates(), fit.fitSummary(), CHI2_3, seed);
        assertTrue(Math.abs(fit.frequencySpendCorrelation()) < 0.1,
                "simulated spend is independent of frequency, correlation " + fit.frequencySpendCorrelation());
    }

    private static void check(Estimates truth, double truthLl, Estimates fit, FitSummary summary, double chi2,
                              long seed) {
        String where = "seed " + seed + ": truth " + Arrays.toString(truth.values()) + ", fit " + fit + summary;
        assertTrue(summary.converged(), where);
        double lr = 2 * (fit.logLikelihood() - truthLl);
        assertTrue(lr >= -1e-6, "the fit is less likely than the truth (optimizer short of the maximum), 2 dLL = "
                + lr + "; " + where);
        assertTrue(lr <= chi2, "the truth is outside the 0.9999 likelihood-ratio region, 2 dLL = " + lr + "; " + where);
    }
}
