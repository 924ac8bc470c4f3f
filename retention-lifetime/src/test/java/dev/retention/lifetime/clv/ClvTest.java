package dev.retention.lifetime.clv;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.lifetime.paretonbd.ParetoNbdModel;
import dev.retention.lifetime.simulation.LifetimeSimulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClvTest {

    private static final BgNbdModel BG = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, BgNbdModel.Variant.BG_NBD,
            PeriodUnit.WEEK);
    private static final GammaGammaModel GG = GammaGammaModel.of(6.25, 3.74, 15.44);

    private static CustomerSummary three() {
        return CustomerSummary.of(null, new int[] {2, 0, 10}, new double[] {30.43, 0, 38}, new double[] {38.86, 20, 39},
                new double[] {40, 0, 25}, PeriodUnit.WEEK);
    }

    @Test
    void compute_discountsTheExpectedPurchasesOfEachMonth() {
        // by hand: month u = 365.25 / 12 / 7 weeks; CLV = E[M] sum_j (E[Y(j u)] - E[Y((j-1) u)]) / 1.01^j
        CustomerSummary s = three();
        ClvTable t = Clv.compute(BG, GG, s, ClvOptions.defaults().withHorizonMonths(3));
        double u = 365.25 / 12 / 7;
        for (int i = 0; i < 3; i++) {
            double previous = 0;
            double sum = 0;
            for (int j = 1; j <= 3; j++) {
                double e = BG.expectedPurchases(j * u, s.frequency(i), s.recency(i), s.age(i));
                sum += (e - previous) / Math.pow(1.01, j);
                previous = e;
            }
            double spend = GG.expectedSpend(s.frequency(i), s.monetaryValue(i));
            assertEquals(spend * sum, t.clv(i), 1e-12 * spend * sum, "customer " + i);
            assertEquals(previous, t.expectedPurchases(i), 1e-15);
            assertEquals(spend, t.expectedSpend(i), 0.0);
            assertEquals(BG.probabilityAlive(s.frequency(i), s.recency(i), s.age(i)), t.probabilityAlive(i), 0.0);
        }
        assertEquals(GG.meanSpend(), t.expectedSpend(1), 1e-12);   // no repeat purchase: the population mean
    }

    @Test
    void yearlyRate_isCompoundedMonthly() {
        ClvOptions yearly = ClvOptions.defaults().withYearlyDiscountRate(Math.pow(1.01, 12) - 1);
        assertEquals(0.01, yearly.monthlyRate(), 1e-15);
        CustomerSummary s = three();
        assertArrayEquals(Clv.compute(BG, GG, s, ClvOptions.defaults()).clvs(),
                Clv.compute(BG, GG, s, yearly).clvs(), 1e-9);
        ClvTable undiscounted = Clv.compute(BG, GG, s, ClvOptions.defaults().withMonthlyDiscountRate(0));
        assertEquals(undiscounted.expectedPurchases(0) * undiscounted.expectedSpend(0), undiscounted.clv(0), 1e-12);
    }

    @Test
    void ranking_ordersByValueAndTopPrintsTheBestFirst(@TempDir Path dir) throws IOException {
        ClvTable t = Clv.compute(BG, GG, three(), ClvOptions.defaults());
        int[] rank = t.ranking();
        assertEquals(3, rank.length);
        for (int k = 1; k < rank.length; k++) {
            assertTrue(t.clv(rank[k - 1]) >= t.clv(rank[k]));
        }
        String top = t.top(2);
        assertTrue(top.contains("P(alive)") && top.contains("CLV"), top);
        assertEquals(3, top.split("\n").length, top);
        assertTrue(top.lines().toList().get(1).contains(" " + t.customers().id(rank[0]) + " "), top);
        assertTrue(t.toString().contains("total"), t.toString());
        Path csv = dir.resolve("clv.csv");
        t.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("customer,frequency,p_alive,expected_purchases,expected_spend,clv", lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).startsWith(t.customers().id(rank[0]) + ","), lines.get(1));
    }

    @Test
    void compute_isTheSameForThreads1And3AndWorksWithParetoNbd() {
        ParetoNbdModel pnbd = ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669, PeriodUnit.WEEK);
        CustomerSummary s = LifetimeSimulation.spend(GG,
                LifetimeSimulation.purchases(BG, LifetimeSimulation.ages(9_000, 1, 40), 1), 2);
        ClvTable one = Clv.compute(BG, GG, s, ClvOptions.defaults());
        ClvTable three = Clv.compute(BG, GG, s, ClvOptions.defaults().withThreads(3));
        assertArrayEquals(one.clvs(), three.clvs(), 0.0);
        ClvTable p = Clv.compute(pnbd, GG, s, ClvOptions.defaults().withThreads(2).withHorizonMonths(2));
        for (int i = 0; i < s.size(); i++) {
            assertTrue(p.clv(i) >= 0 && Double.isFinite(p.clv(i)), "customer " + i + ": " + p.clv(i));
        }
    }

    @Test
    void compute_rejectsAUnitMismatchAndBadOptions() {
        CustomerSummary days = CustomerSummary.of(new int[] {1}, new double[] {1}, new double[] {3}, PeriodUnit.DAY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Clv.compute(BG, GG, days, ClvOptions.defaults()));
        assertTrue(e.getMessage().contains("the summary is in days but the BG/NBD model is in weeks"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClvOptions.defaults().withHorizonMonths(0));
        assertTrue(e.getMessage().contains("horizonMonths must be in [1, 1200], got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClvOptions.defaults().withMonthlyDiscountRate(-1));
        assertTrue(e.getMessage().contains("discountRate must be in (-1, 10], got -1.0"), e.getMessage());
    }
}
