package dev.retention.lifetime.modelfiles;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.PurchaseModel;
import dev.retention.lifetime.bgnbd.BgNbd;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.bgnbd.BgNbdOptions;
import dev.retention.lifetime.gammagamma.GammaGamma;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.lifetime.paretonbd.ParetoNbd;
import dev.retention.lifetime.paretonbd.ParetoNbdModel;
import dev.retention.lifetime.paretonbd.ParetoNbdOptions;
import dev.retention.lifetime.simulation.LifetimeSimulation;
import dev.retention.model.Model;
import dev.retention.model.testing.ModelFileBattery;
import dev.retention.model.testing.ModelFileBattery.Case;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every lifetime model type (BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma; fitted and given) through the shared
 * corruption battery ({@link ModelFileBattery}): a corrupted file is refused, or the model it gives (asked with
 * {@code allowingUnusable()}, as the battery is about the file, not the verdict) answers P(alive) in [0, 1], finite
 * non-negative expected purchases and probabilities of k purchases, and finite positive expected spend.
 */
class ModelFileBatteryTest {

    private static final BgNbdModel TRUTH = BgNbdModel.of(0.5, 10, 1.5, 3, BgNbdModel.Variant.BG_NBD,
            PeriodUnit.WEEK);

    private static CustomerSummary customers(int n, long seed) {
        CustomerSummary s = LifetimeSimulation.purchases(TRUTH, LifetimeSimulation.ages(n, 5, 52), seed);
        return LifetimeSimulation.spend(GammaGammaModel.of(6.25, 3.74, 15.44), s, seed + 1);
    }

    static Stream<Case> cases() {
        return Stream.of(
                Case.of("bgnbd fitted", () -> BgNbd.fit(customers(300, 3)), ModelFileBatteryTest::probe),
                Case.of("mbgnbd fitted", () -> BgNbd.fit(customers(300, 4), BgNbdOptions.defaults()
                        .withVariant(BgNbdModel.Variant.MBG_NBD).withPenalizer(0.001)), ModelFileBatteryTest::probe),
                Case.of("bgnbd given", () -> BgNbdModel.of(0.243, 4.414, 0.793, 2.426, BgNbdModel.Variant.BG_NBD,
                        PeriodUnit.DAY), ModelFileBatteryTest::probe),
                Case.of("pareto-nbd fitted", () -> ParetoNbd.fit(LifetimeSimulation.purchases(ParetoNbdModel.of(0.553,
                        10.578, 0.606, 11.669, PeriodUnit.WEEK), LifetimeSimulation.ages(200, 5, 52), 4),
                        ParetoNbdOptions.defaults().withTolerance(1e-5)), ModelFileBatteryTest::probe),
                Case.of("pareto-nbd given", () -> ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669, PeriodUnit.DAY),
                        ModelFileBatteryTest::probe),
                Case.of("gamma-gamma fitted", () -> GammaGamma.fit(customers(300, 5)), ModelFileBatteryTest::probe),
                Case.of("gamma-gamma given", () -> GammaGammaModel.of(6.25, 3.74, 15.44),
                        ModelFileBatteryTest::probe));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void corruptedFiles_areRefusedOrPredictFiniteValues(Case c) {
        ModelFileBattery.Result r = ModelFileBattery.run(c);
        assertTrue(r.refused() > 100 && r.fields() > 10, r.toString());
    }

    private static final double[][] CUSTOMERS = {{0, 0, 10}, {1, 5, 30}, {12, 50, 52}, {200, 100, 104}, {3, 0.5, 1}};

    private static void probe(Model m) {
        if (m instanceof PurchaseModel raw) {
            PurchaseModel p = raw.allowingUnusable();
            for (double[] c : CUSTOMERS) {
                int x = (int) c[0];
                ModelFileBattery.requireWithin("P(alive)", 0, 1, p.probabilityAlive(x, c[1], c[2]));
                ModelFileBattery.requireWithin("expected purchases", 0, Double.MAX_VALUE,
                        p.expectedPurchases(10, x, c[1], c[2]), p.expectedPurchases(1000, x, c[1], c[2]));
            }
            ModelFileBattery.requireWithin("expected purchases of a new customer", 0, Double.MAX_VALUE,
                    p.expectedPurchasesNewCustomer(52));
            if (p instanceof BgNbdModel b) {
                double sum = 0;
                for (int k = 0; k < 4; k++) {
                    double q = b.probabilityOfPurchases(k, 20);
                    ModelFileBattery.requireWithin("P(" + k + " purchases)", 0, 1, q);
                    sum += q;
                }
                ModelFileBattery.requireWithin("P(0..3 purchases)", 0, 1 + 1e-9, sum);
            }
        } else {
            GammaGammaModel g = ((GammaGammaModel) m).allowingUnusable();
            ModelFileBattery.requireWithin("expected spend", 0, Double.MAX_VALUE, g.expectedSpend(1, 20),
                    g.expectedSpend(50, 1e6), g.expectedSpend(3, 0.01));
            ModelFileBattery.requireFinite("mean spend", g.meanSpend());
        }
    }
}
