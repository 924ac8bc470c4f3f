package dev.retention.experiment.analysis;

import dev.retention.data.TransactionLog;
import dev.retention.experiment.ExperimentTable;
import dev.retention.experiment.ExperimentTableReader;
import dev.retention.experiment.LogOutcomes;
import dev.retention.io.DataFormatException;
import dev.retention.random.Variates;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analysis end to end on small made-up tables, its bad inputs, the CSV reader and outcomes from a log. */
class ExperimentAnalysisTest {

    private static ExperimentTable table(long seed, int n) {
        Variates v = new Variates(seed);
        String[] g = new String[n];
        double[] visit = new double[n];
        double[] spend = new double[n];
        double[] history = new double[n];
        for (int i = 0; i < n; i++) {
            int arm = v.nextInt(3);
            g[i] = arm == 0 ? "control" : arm == 1 ? "a" : "b";
            history[i] = 100 * v.exponential();
            visit[i] = v.nextBoolean(0.1 + 0.03 * arm) ? 1 : 0;
            spend[i] = 0.01 * history[i] + arm * 0.5 + v.normal();
        }
        Map<String, double[]> c = new LinkedHashMap<>();
        c.put("visit", visit);
        c.put("spend", spend);
        c.put("history", history);
        return ExperimentTable.of(g, c);
    }

    @Test
    void analysis_comparesEveryArmAndAdjusts() {
        AnalysisReport r = ExperimentAnalysis.compute(table(1, 3000), AnalysisOptions.of("control",
                List.of(new Metric("visit", Metric.Kind.BINARY), new Metric("spend", Metric.Kind.CONTINUOUS))));
        assertEquals(4, r.comparisons().size());
        assertEquals("a", r.comparisons().get(0).arm());
        for (Comparison c : r.comparisons()) {
            assertTrue(c.pValue() <= c.pValueHolm() && c.pValueHolm() <= c.pValueBonferroni());
        }
        assertTrue(r.sampleRatio().pValue() > 0.001);
    }

    @Test
    void cuped_reducesVarianceAndKeepsTheEffect() {
        ExperimentTable t = table(2, 6000);
        Metric spend = new Metric("spend", Metric.Kind.CONTINUOUS);
        AnalysisReport raw = ExperimentAnalysis.compute(t, AnalysisOptions.of("control", List.of(spend)));
        AnalysisReport cuped = ExperimentAnalysis.compute(t, AnalysisOptions.of("control", List.of(spend))
                .withCovariate("history"));
        Comparison a = raw.comparisons().get(0);
        Comparison b = cuped.comparisons().get(0);
        assertTrue(b.interval().high() - b.interval().low() < a.interval().high() - a.interval().low());
        assertTrue(b.varianceReduction().getAsDouble() > 0.2, "reduction " + b.varianceReduction());
        assertTrue(Math.abs(b.difference() - 0.5) < 0.1, "difference " + b.difference());
        assertEquals(a.relativeLift(), b.relativeLift());
    }

    @Test
    void badInput_isAClearError() {
        Map<String, double[]> c = new LinkedHashMap<>();
        c.put("visit", new double[] {0, 1, 2, 0});
        ExperimentTable t = ExperimentTable.of(new String[] {"x", "y", "x", "y"}, c);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExperimentAnalysis.compute(t,
                AnalysisOptions.of("x", List.of(new Metric("visit", Metric.Kind.BINARY)))));
        assertTrue(e.getMessage().contains("value 2.0 in row 2"), e.getMessage());
        ExperimentTable single = ExperimentTable.of(new String[] {"x", "x"}, Map.of("v", new double[] {0, 1}));
        e = assertThrows(IllegalArgumentException.class, () -> ExperimentAnalysis.compute(single,
                AnalysisOptions.of("x", List.of(new Metric("v", Metric.Kind.BINARY)))));
        assertTrue(e.getMessage().contains("single arm"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ExperimentAnalysis.compute(single,
                AnalysisOptions.of("z", List.of(new Metric("v", Metric.Kind.BINARY)))));
        assertTrue(e.getMessage().contains("no unit is in arm 'z'"), e.getMessage());
        ExperimentTable flat = ExperimentTable.of(new String[] {"x", "y", "x", "y"},
                Map.of("v", new double[] {3, 3, 3, 3}));
        e = assertThrows(IllegalArgumentException.class, () -> ExperimentAnalysis.compute(flat,
                AnalysisOptions.of("x", List.of(new Metric("v", Metric.Kind.CONTINUOUS)))));
        assertTrue(e.getMessage().contains("zero variance"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> AnalysisOptions.of("x", List.of(new Metric("v", Metric.Kind.BINARY))).withAlpha(0));
        assertTrue(e.getMessage().contains("alpha must be in (0, 1), got 0.0"), e.getMessage());
    }

    @Test
    void reader_namesTheLineOfAMissingLabel() {
        String csv = "segment,visit\nA,1\n,0\n";
        DataFormatException e = assertThrows(DataFormatException.class, () -> ExperimentTableReader.read(
                new StringReader(csv), "t.csv", "segment", List.of("visit")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("missing group label"), e.getMessage());
        DataFormatException bad = assertThrows(DataFormatException.class, () -> ExperimentTableReader.read(
                new StringReader("segment,visit\nA,yes\n"), "t.csv", "segment", List.of("visit")));
        assertTrue(bad.getMessage().contains("yes"), bad.getMessage());
    }

    @Test
    void logOutcomes_followTheirDefinitions() {
        TransactionLog.Builder b = TransactionLog.builder();
        long day = 86400;
        b.addWithAmount("c1", "o1", "i", 0, 1, 10, false);        // before assignment
        b.addWithAmount("c1", "o2", "i", 12 * day, 1, 20, false);   // in the window
        b.addWithAmount("c2", "o3", "i", 40 * day, 1, 5, false);   // after the window
        TransactionLog log = b.build();
        ExperimentTable t = LogOutcomes.compute(log, new String[] {"c1", "c2", "c3"}, new String[] {"A", "B", "A"},
                new long[] {10 * day, 10 * day, 10 * day}, Duration.ofDays(14));
        assertArrayEquals(new double[] {1, 0, 0}, t.column("retention"));
        assertArrayEquals(new double[] {1, 1, 0}, t.column("conversion"));
        assertArrayEquals(new double[] {1, 0, 0}, t.column("repurchase"));
        assertArrayEquals(new double[] {20, 0, 0}, t.column("revenue"));
        assertArrayEquals(new double[] {10, 0, 0}, t.column("pre_revenue"));
    }
}
