package dev.retention.lifetime.simulation;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.PurchaseModel;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.lifetime.paretonbd.ParetoNbdModel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulators against the models' closed forms, which ties each generative process to its formulas: the mean
 * frequency of customers of age T is E[X(T)] of a new customer, and the mean holdout purchases are the mean of the
 * conditional expectations given each calibration history (the law of total expectation). Both within four
 * standard errors of the simulated mean; seeds are named in the case.
 */
class LifetimeSimulationTest {

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of(BgNbdModel.of(0.243, 4.414, 0.793, 2.426, BgNbdModel.Variant.BG_NBD, PeriodUnit.WEEK), 1L),
                Arguments.of(BgNbdModel.of(1.5, 30, 0.4, 1.2, BgNbdModel.Variant.BG_NBD, PeriodUnit.DAY), 2L),
                Arguments.of(BgNbdModel.of(0.525, 6.183, 0.891, 1.614, BgNbdModel.Variant.MBG_NBD, PeriodUnit.WEEK), 3L),
                Arguments.of(ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669, PeriodUnit.WEEK), 4L),
                Arguments.of(ParetoNbdModel.of(1.2, 20, 0.8, 8, PeriodUnit.WEEK), 5L));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("models")
    void meanFrequency_isTheNewCustomerExpectation(PurchaseModel model, long seed) {
        int n = 20_000;
        double age = 30;
        double[] ages = new double[n];
        java.util.Arrays.fill(ages, age);
        CustomerSummary s = LifetimeSimulation.purchases(model, ages, seed);
        double mean = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            mean += s.frequency(i);
            sq += (double) s.frequency(i) * s.frequency(i);
        }
        mean /= n;
        double se = Math.sqrt((sq / n - mean * mean) / n);
        double expected = model.expectedPurchasesNewCustomer(age);
        assertEquals(expected, mean, 4 * se, "seed " + seed + ": simulated " + mean + " +- " + se);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("models")
    void meanHoldoutPurchases_isTheMeanConditionalExpectation(PurchaseModel model, long seed) {
        int n = 20_000;
        double holdout = 26;
        CustomerSummary s = LifetimeSimulation.purchases(model, LifetimeSimulation.ages(n, 5, 52), holdout, seed);
        double mean = 0;
        double sq = 0;
        double predicted = 0;
        for (int i = 0; i < n; i++) {
            int h = s.holdoutFrequency(i);
            mean += h;
            sq += (double) h * h;
            predicted += model.expectedPurchases(holdout, s.frequency(i), s.recency(i), s.age(i));
        }
        mean /= n;
        predicted /= n;
        double se = Math.sqrt((sq / n - mean * mean) / n);
        assertEquals(predicted, mean, 4 * se, "seed " + seed + ": simulated " + mean + " +- " + se);
    }

    @Test
    void purchases_refusesAPurchaseModelItCannotSimulate() {
        PurchaseModel other = (PurchaseModel) java.lang.reflect.Proxy.newProxyInstance(
                PurchaseModel.class.getClassLoader(), new Class<?>[] {PurchaseModel.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LifetimeSimulation.purchases(other, new double[] {1}, 1));
        assertTrue(e.getMessage().startsWith("truth must be a BgNbdModel or a ParetoNbdModel"), e.getMessage());
    }

    @Test
    void spend_hasThePopulationMeanAndCustomersDoNotDependOnTheirNumber() {
        GammaGammaModel gg = GammaGammaModel.of(6.25, 3.74, 15.44);
        int n = 20_000;
        int[] x = new int[n];
        double[] t = new double[n];
        java.util.Arrays.fill(x, 1);
        java.util.Arrays.fill(t, 10);
        CustomerSummary s = LifetimeSimulation.spend(gg, CustomerSummary.of(x, t.clone(), t, PeriodUnit.DAY), 9);
        double mean = 0;
        double sq = 0;
        for (double m : s.monetaryValues()) {
            mean += m;
            sq += m * m;
        }
        mean /= n;
        double se = Math.sqrt((sq / n - mean * mean) / n);
        assertEquals(gg.meanSpend(), mean, 4 * se, "simulated " + mean + " +- " + se);
        BgNbdModel bg = BgNbdModel.of(0.5, 10, 1.5, 3, BgNbdModel.Variant.BG_NBD, PeriodUnit.DAY);
        CustomerSummary small = LifetimeSimulation.purchases(bg, LifetimeSimulation.ages(10, 40, 40), 7);
        CustomerSummary large = LifetimeSimulation.purchases(bg, LifetimeSimulation.ages(1_000, 40, 40), 7);
        for (int i = 0; i < 10; i++) {
            assertEquals(small.frequency(i), large.frequency(i));
            assertEquals(small.recency(i), large.recency(i), 0.0);
        }
        assertArrayEquals(small.frequencies(), LifetimeSimulation.purchases(bg, small.ages(), 7).frequencies());
        assertTrue(LifetimeSimulation.ages(4, 0, 8)[0] == 1.0);
    }
}
