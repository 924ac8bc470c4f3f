package dev.retention.report;

import dev.retention.cohort.CohortOptions;
import dev.retention.cohort.CohortRetention;
import dev.retention.cohort.CohortTable;
import dev.retention.data.TransactionLog;
import dev.retention.evaluation.RocAuc;
import dev.retention.playbook.Actions;
import dev.retention.playbook.CustomerState;
import dev.retention.playbook.Plan;
import dev.retention.playbook.PlanOptions;
import dev.retention.playbook.Playbook;
import dev.retention.rfm.CustomerStatus;
import dev.retention.rfm.Rfm;
import dev.retention.rfm.RfmOptions;
import dev.retention.rfm.RfmTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each section's numbers on a four-customer shop small enough to count by hand, and against the library's own
 * computations (RFM, cohorts, ROC AUC, the playbook's plan).
 */
class SectionFiguresTest {

    private static final long DAY = 86_400;
    /** 2021-01-01T00:00:00Z. */
    private static final long T0 = 1_609_459_200L;
    private static final Instant AS_OF = Instant.ofEpochSecond(T0 + 120 * DAY);

    /**
     * A: orders on days 0 (10), 10 (20), 40 (30); B: days 5 (50), 100 (50); C: day 20 (5); D: day 70 (100) and a
     * cancelled line on day 75, which the default rules skip.
     */
    static TransactionLog shop() {
        TransactionLog.Builder b = TransactionLog.builder();
        b.add("A", "o1", "i1", T0, 1, 10);
        b.add("A", "o2", "i2", T0 + 10 * DAY, 2, 10);
        b.add("A", "o3", "i3", T0 + 40 * DAY, 3, 10);
        b.add("B", "o4", "i1", T0 + 5 * DAY, 1, 50);
        b.add("B", "o5", "i2", T0 + 100 * DAY, 1, 50);
        b.add("C", "o6", "i3", T0 + 20 * DAY, 1, 5);
        b.add("D", "o7", "i1", T0 + 70 * DAY, 4, 25);
        b.add("D", "C8", "i1", T0 + 75 * DAY, -1, 25, true);
        return b.build();
    }

    @Test
    void summary_countsRevenueAndMonths_byHand() {
        TransactionLog log = shop();
        SummarySection.Figures f = SummarySection.compute(log.before(AS_OF.getEpochSecond()), log);
        assertEquals(4, f.customers());
        assertEquals(7, f.orders());
        assertEquals(7, f.lines());
        assertEquals(8, f.linesRead());
        assertEquals(1, f.linesSkipped());
        assertEquals(265, f.revenue(), 1e-12);
        assertEquals(0.5, f.repeatShare(), 0.0, "A and B of four");
        assertEquals(List.of("2021-01", "2021-02", "2021-03", "2021-04"), f.months());
        // January: A 10 + 20, B 50, C 5; February: A 30; March: D 100; April: B 50
        assertArrayEquals(new double[] {85, 30, 100, 50}, f.monthlyRevenue(), 1e-12);
        assertArrayEquals(new int[] {3, 1, 1, 1}, f.monthlyCustomers());
    }

    @Test
    void repurchase_curveByHand_andEqualToTheCohortTableAt30_60_90() {
        TransactionLog log = shop();
        RepurchaseSection.Curve c = RepurchaseSection.compute(log, AS_OF.getEpochSecond());
        // windows observed: A 119 days, B 114, C 99, D 49; second orders: A after 10 days, B after 95
        assertEquals(119, c.days());
        assertEquals(0.0, c.share(9));
        assertEquals(0.25, c.share(10), 0.0, "A of A, B, C, D");
        assertEquals(1.0 / 3, c.share(60), 1e-15, "A of A, B, C (D observed 49 days only)");
        assertEquals(1.0 / 3, c.share(94), 1e-15);
        assertEquals(2.0 / 3, c.share(95), 1e-15);
        assertEquals(1.0, c.share(100), 0.0, "A and B of A, B");
        CohortTable cohorts = CohortRetention.compute(log, CohortOptions.defaults().withAsOf(AS_OF));
        for (int d : new int[] {30, 60, 90}) {
            assertEquals(cohorts.overallRepurchaseRateWithin(d).getAsDouble(), c.share(d), 1e-15, "day " + d);
        }
    }

    static IntStream seeds() {
        return IntStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void roc_areaEqualsRocAuc_withTies(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = r.nextInt(2, 60);
        int[] y = new int[n];
        double[] s = new double[n];
        y[0] = 1;
        for (int i = 0; i < n; i++) {
            y[i] = i == 0 ? 1 : i == 1 ? 0 : r.nextInt(2);
            s[i] = Math.rint(r.nextDouble() * 8) / 8;   // many ties
        }
        ChurnSection.Roc roc = ChurnSection.roc(y, s);
        assertEquals(RocAuc.of(y, s), roc.area(), 1e-12, "seed " + seed);
        double[] fpr = roc.fpr();
        double[] tpr = roc.tpr();
        assertEquals(0, fpr[0]);
        assertEquals(0, tpr[0]);
        assertEquals(1, fpr[fpr.length - 1], 1e-15);
        assertEquals(1, tpr[tpr.length - 1], 1e-15);
        for (int i = 1; i < fpr.length; i++) {
            assertTrue(fpr[i] >= fpr[i - 1] && tpr[i] >= tpr[i - 1], "seed " + seed + ": not monotone at " + i);
        }
    }

    @Test
    void roc_byHand() {
        ChurnSection.Roc roc = ChurnSection.roc(new int[] {1, 0, 1, 0}, new double[] {0.9, 0.8, 0.7, 0.1});
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, roc.fpr(), 0);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, roc.tpr(), 0);
        assertEquals(0.75, roc.area(), 1e-15);
    }

    @Test
    void segments_sumToTheRfmTable() {
        TransactionLog log = shop();
        RfmTable rfm = Rfm.fit(log.before(AS_OF.getEpochSecond()), RfmOptions.defaults().withAsOf(AS_OF)
                .withTies(RfmOptions.Ties.EQUAL)).table().orElseThrow();
        List<SegmentSection.Row> rows = SegmentSection.compute(rfm);
        Map<String, Integer> counts = rfm.segmentCounts();
        assertEquals(counts.size(), rows.size());
        double revenue = 0;
        int customers = 0;
        for (SegmentSection.Row r : rows) {
            assertEquals(counts.get(r.segment()), r.customers(), r.segment());
            revenue += r.revenue();
            customers += r.customers();
            if (r.customers() == 1) {
                int row = -1;
                for (int i = 0; i < rfm.size(); i++) {
                    row = rfm.segment(i).equals(r.segment()) ? i : row;
                }
                assertEquals(rfm.recency(row), r.meanRecency(), 1e-12);
                assertEquals(rfm.monetary(row), r.revenue(), 1e-12);
            }
        }
        assertEquals(4, customers);
        assertEquals(265, revenue, 1e-12);
    }

    @Test
    void cohorts_cellsAreTheCohortTables() {
        TransactionLog log = shop();
        Context ctx = new Context(log, AS_OF, "GBP", Actions.defaults(), 100, 12, 0, 0, 1, i -> false, List.of());
        CohortSection.Figures f = CohortSection.compute(ctx);
        CohortTable t = f.table();
        // January holds A, B, C; March holds D
        assertEquals(2, t.cohortCount());
        assertEquals("2021-01 (3)", f.rows()[0]);
        assertEquals("2021-03 (1)", f.rows()[1]);
        for (int r = 0; r < f.rows().length; r++) {
            for (int k = 0; k < f.columns().length; k++) {
                assertEquals(t.retention(r, k).orElse(Double.NaN), f.shares()[r][k], 0.0, r + "," + k);
            }
        }
        // January cohort in February: A only; in April: B only; March cohort in April: nobody
        assertEquals(1.0 / 3, f.shares()[0][1], 1e-15);
        assertEquals(1.0 / 3, f.shares()[0][3], 1e-15);
        assertEquals(0.0, f.shares()[1][1]);
        assertTrue(f.scaleMax() >= 1.0 / 3 && f.scaleMax() <= 1);
    }

    @Test
    void clvHistogram_niceBins_holdEveryCustomer() {
        double[] clv = new double[100];
        for (int i = 0; i < clv.length; i++) {
            clv[i] = i;
        }
        // the 99th percentile is 98: nice ticks 0, 10, ..., 100, so ten bins of ten customers each
        ClvSection.Histogram h = ClvSection.histogram(clv);
        assertEquals(11, h.edges().length);
        assertEquals(100, h.edges()[10], 0.0);
        for (long c : h.counts()) {
            assertEquals(10, c);
        }
        assertEquals(4950, h.total(), 1e-9);
        double[] skewed = {1, 1, 1, 1, 1000};
        ClvSection.Histogram s = ClvSection.histogram(skewed);
        long sum = 0;
        for (long c : s.counts()) {
            sum += c;
        }
        assertEquals(5, sum, "the last bin holds everything above the 99th percentile");
    }

    @Test
    void playbook_byActionSumsToThePlan() {
        List<CustomerState> states = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 300; i++) {
            double alive = 0.05 + 0.95 * r.nextDouble();
            double churn = Math.min(1, 1 - alive + 0.3 * r.nextDouble());
            int recency = r.nextInt(0, 500);
            CustomerStatus status = alive < 0.2 || recency >= 365 ? CustomerStatus.LAPSED
                    : churn >= 0.5 ? CustomerStatus.AT_RISK : CustomerStatus.ACTIVE;
            states.add(new CustomerState("c" + i, i % 3 == 0 ? "At Risk" : "Loyal Customers", churn, alive,
                    3 * r.nextDouble(), 2000 * r.nextDouble(), recency, status));
        }
        PlaybookSection.Figures f = PlaybookSection.compute(states, Actions.defaults(), 300);
        Plan plan = Playbook.plan(states, Actions.defaults(), PlanOptions.defaults().withBudget(300));
        assertEquals(plan, f.plan());
        int contacts = 0;
        double cost = 0;
        double value = 0;
        for (PlaybookSection.ByAction a : f.byAction()) {
            contacts += a.contacts();
            cost += a.cost();
            value += a.expectedValue();
        }
        assertTrue(plan.contacts().size() > 0, "the fixture contacts someone");
        assertEquals(plan.contacts().size(), contacts);
        assertEquals(plan.totalCost(), cost, 1e-9);
        assertEquals(plan.totalExpectedValue(), value, 1e-9);
        int sum = 0;
        for (int n : f.statuses().values()) {
            sum += n;
        }
        assertEquals(states.size(), sum);
    }
}
