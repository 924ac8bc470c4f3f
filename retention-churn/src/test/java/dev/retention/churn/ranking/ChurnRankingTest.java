package dev.retention.churn.ranking;

import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.dataset.TransactionFeatureOptions;
import dev.retention.churn.dataset.TransactionFeatures;
import dev.retention.churn.explain.Explanation;
import dev.retention.churn.explain.Reason;
import dev.retention.churn.logistic.LogisticOptions;
import dev.retention.churn.logistic.LogisticRegression;
import dev.retention.churn.pipeline.ChurnPipeline;
import dev.retention.churn.pipeline.ChurnPipelineModel;
import dev.retention.data.TransactionLog;
import dev.retention.evaluation.RocAuc;
import dev.retention.model.Models;
import dev.retention.rfm.CustomerStatus;
import dev.retention.rfm.StatusRule;
import dev.retention.synth.SyntheticShop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChurnRankingTest {

    private static final long DAY = 86_400;

    private static SyntheticShop shop(long seed) {
        return SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(400).withSeed(seed));
    }

    @Test
    void trainingCutoffs_endOneHorizonBeforeTheCutoffAndStartAfterTheFirstLine() {
        SyntheticShop s = shop(1);
        TransactionLog log = s.log();
        Instant cutoff = Instant.ofEpochSecond(s.endEpochSecond() - 90 * DAY);
        List<Instant> c = ChurnRanking.trainingCutoffs(log, cutoff, 90, 4, 30);
        assertEquals(4, c.size());
        assertEquals(cutoff.minusSeconds(90 * DAY), c.get(3));
        for (int k = 1; k < 4; k++) {
            assertEquals(30 * DAY, c.get(k).getEpochSecond() - c.get(k - 1).getEpochSecond());
        }
        Instant early = Instant.ofEpochSecond(log.minTime() + 100 * DAY);
        assertEquals(1, ChurnRanking.trainingCutoffs(log, early, 90, 4, 30).size());
        assertTrue(ChurnRanking.trainingCutoffs(log, Instant.ofEpochSecond(log.minTime() + DAY), 90, 4, 30).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ChurnRanking.trainingCutoffs(log, cutoff, 0, 4, 30));
    }

    @Test
    void compute_isThePipelineOnTheStackedDatasetScoringTheCustomersAtTheCutoff(@TempDir Path dir)
            throws IOException {
        SyntheticShop s = shop(2);
        TransactionLog log = s.log();
        Instant cutoff = Instant.ofEpochSecond(s.endEpochSecond() - 90 * DAY);
        RankingOptions o = RankingOptions.of(cutoff, 90).withObservedUntil(Instant.ofEpochSecond(s.endEpochSecond()));
        ChurnRanking r = ChurnRanking.compute(log, o, LogisticRegression.learner(LogisticOptions.defaults()));
        // the same steps by hand
        CustomerTable train = TransactionFeatures.compute(log, new TransactionFeatureOptions(r.trainingCutoffs(), 90,
                new int[] {30, 90, 180}, 0, cutoff));
        ChurnPipelineModel pipeline = ChurnPipeline.fit(train, IntStream.range(0, train.rows()).toArray(),
                o.preprocessing(), LogisticRegression.learner(LogisticOptions.defaults()));
        assertEquals(pipeline, r.pipeline());
        CustomerTable now = TransactionFeatures.computeUnlabelled(log, cutoff, new int[] {30, 90, 180}, 0);
        assertEquals(now.rows(), r.scored().rows());
        double[] p = pipeline.score(now, IntStream.range(0, now.rows()).toArray()).probabilities();
        assertArrayEquals(p, r.probabilities(), 0.0);
        // riskiest first, ties in row order
        int[] rank = r.ranking();
        for (int k = 1; k < rank.length; k++) {
            assertTrue(p[rank[k - 1]] > p[rank[k]] || (p[rank[k - 1]] == p[rank[k]] && rank[k - 1] < rank[k]));
        }
        // the horizon after the cutoff is observed: the out-of-time AUC against what happened
        assertTrue(r.testAuc().isPresent());
        int[] outcomes = r.outcomes();
        assertEquals(RocAuc.of(outcomes, p), r.testAuc().getAsDouble(), 0.0);
        assertEquals((double) IntStream.of(outcomes).sum() / outcomes.length, r.testChurnRate().getAsDouble(), 0.0);
        assertTrue(r.testAuc().getAsDouble() > 0.6, "out-of-time AUC " + r.testAuc());
        // reasons of the riskiest customers not lapsed, by customer id
        int[] kept = r.ranking(EnumSet.of(CustomerStatus.AT_RISK, CustomerStatus.ACTIVE));
        List<Explanation> top = r.riskiest(5, 3);
        assertEquals(5, top.size());
        for (int k = 0; k < 5; k++) {
            assertEquals(r.scored().key(kept[k]), top.get(k).key());
            assertEquals(p[kept[k]], top.get(k).probability(), 1e-12);
            assertTrue(top.get(k).up().size() <= 3);
        }
        assertTrue(r.toString().contains(r.scored().key(kept[0])), r.toString());
        // the saved pipeline scores the raw customer rows on its own
        Path file = dir.resolve("churn.model");
        r.pipeline().save(file);
        assertArrayEquals(p, Models.load(file, ChurnPipelineModel.class)
                .score(now, IntStream.range(0, now.rows()).toArray()).probabilities(), 0.0);
    }

    @Test
    void unobservedHorizon_hasNoOutOfTimeCheck() {
        SyntheticShop s = shop(3);
        Instant cutoff = Instant.ofEpochSecond(s.endEpochSecond() - 30 * DAY);
        ChurnRanking r = ChurnRanking.compute(s.log(), RankingOptions.of(cutoff, 90),
                LogisticRegression.learner(LogisticOptions.defaults()));
        assertFalse(r.testAuc().isPresent());
        assertFalse(r.testChurnRate().isPresent());
        assertEquals(0, r.outcomes().length);
    }

    @Test
    void badInput_isRejectedNamingTheValue() {
        SyntheticShop s = shop(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RankingOptions.of(Instant.EPOCH, 0));
        assertTrue(e.getMessage().contains("horizonDays") && e.getMessage().contains("0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ChurnRanking.compute(s.log(),
                RankingOptions.of(Instant.ofEpochSecond(s.log().minTime() + DAY), 90),
                LogisticRegression.learner(LogisticOptions.defaults())));
        assertTrue(e.getMessage().contains("no training cutoff"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RankingOptions.of(Instant.EPOCH, 90).withStepDays(0));
    }

    /** A ranking near the end of a four-year shop: many customers are gone for more than a year. */
    private static ChurnRanking late(long seed) {
        SyntheticShop s = shop(seed);
        Instant cutoff = Instant.ofEpochSecond(s.endEpochSecond() - 90 * DAY);
        return ChurnRanking.compute(s.log(), RankingOptions.of(cutoff, 90),
                LogisticRegression.learner(LogisticOptions.defaults()));
    }

    @Test
    void statuses_followTheSharedRule_andTheRiskiestListLeavesTheLapsedOut() {
        ChurnRanking r = late(5);
        double[] p = r.probabilities();
        int recency = r.scored().indexOf("recency_days");
        StatusRule rule = StatusRule.defaults();
        int lapsed = 0;
        for (int i = 0; i < p.length; i++) {
            double days = r.scored().numeric(i, recency);
            CustomerStatus expected = days >= rule.lapsedAfterDays() ? CustomerStatus.LAPSED
                    : p[i] >= rule.atRiskFrom() ? CustomerStatus.AT_RISK : CustomerStatus.ACTIVE;
            assertEquals(expected, r.status(i), "row " + i);
            lapsed += expected == CustomerStatus.LAPSED ? 1 : 0;
        }
        assertEquals(lapsed, r.count(CustomerStatus.LAPSED));
        assertEquals(p.length, r.count(CustomerStatus.LAPSED) + r.count(CustomerStatus.AT_RISK)
                + r.count(CustomerStatus.ACTIVE));
        // the fixture has the issue: customers gone for a year are among the highest P(churn)
        assertTrue(lapsed > 0, "no lapsed customer in the fixture");
        int[] all = r.ranking();
        boolean lapsedOnTop = false;
        for (int k = 0; k < 20; k++) {
            lapsedOnTop |= r.status(all[k]) == CustomerStatus.LAPSED;
        }
        assertTrue(lapsedOnTop, "the fixture should put lapsed customers among the 20 highest P(churn)");
        for (Explanation e : r.riskiest(50, 3)) {
            int row = rowOf(r, e.key());
            assertTrue(r.status(row) != CustomerStatus.LAPSED, e.key());
        }
        List<Explanation> gone = r.riskiest(10, 3, EnumSet.of(CustomerStatus.LAPSED));
        assertEquals(Math.min(10, lapsed), gone.size());
        assertTrue(r.toString().contains(String.format(java.util.Locale.ROOT, "%,d lapsed", lapsed)), r.toString());
        // a stricter rule moves customers from at risk or active to lapsed
        ChurnRanking strict = ChurnRanking.compute(shop(5).log(), r.options().withStatusRule(
                StatusRule.defaults().withLapsedAfterDays(180)), LogisticRegression.learner(LogisticOptions.defaults()));
        assertTrue(strict.count(CustomerStatus.LAPSED) > lapsed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reasons_areFeatureGroupsInWords_thatAddUpAndDoNotPullApart(long seed) {
        ChurnRanking r = late(seed);
        int rows = r.scored().rows();
        List<String> groups = List.of(ChurnRanking.LAST_ORDER, ChurnRanking.ORDERS, ChurnRanking.SPENDING,
                ChurnRanking.CANCELLATIONS);
        int recency = r.scored().indexOf("recency_days");
        List<double[]> recencyAndPush = new ArrayList<>();
        boolean splitUngrouped = false;
        for (int i = 0; i < rows; i++) {
            Explanation g = r.explainRow(i, 100);
            Explanation f = r.explainRowByFeature(i, 100);
            assertEquals(f.probability(), g.probability(), 1e-12);
            // the groups' pushes are the features' pushes summed: nothing lost, nothing counted twice
            assertEquals(sum(f), sum(g), 1e-9, "row " + i);
            // one reason per group, each in words; recency and tenure are one reason, never two pulling apart
            List<String> seen = new ArrayList<>();
            double lastOrder = 0;
            for (Reason reason : concat(g)) {
                String group = groupOf(reason.feature());
                assertTrue(groups.contains(group), reason.feature());
                assertFalse(seen.contains(group), "row " + i + " has two reasons of " + group + ": " + g);
                seen.add(group);
                assertFalse(reason.feature().contains("recency_days") || reason.feature().contains("tenure_days"),
                        reason.feature());
                if (group.equals(ChurnRanking.LAST_ORDER)) {
                    lastOrder = reason.contribution();
                }
            }
            recencyAndPush.add(new double[] {r.scored().numeric(i, recency), lastOrder});
            // the per-feature detail has the contradiction the groups remove
            double rec = pushOf(f, "recency_days");
            double ten = pushOf(f, "tenure_days");
            splitUngrouped |= rec * ten < 0;
        }
        assertTrue(splitUngrouped, "seed " + seed + ": the fixture should show recency and tenure pulling apart");
        // signs that make sense: the longer since the last order, the more the last-order reason pushes towards churn
        double[] x = recencyAndPush.stream().mapToDouble(v -> v[0]).toArray();
        double[] y = recencyAndPush.stream().mapToDouble(v -> v[1]).toArray();
        double rho = dev.retention.evaluation.Correlation.spearman(x, y).orElseThrow();
        assertTrue(rho > 0.5, "seed " + seed + ": Spearman of recency and the last-order push " + rho);
    }

    private static int rowOf(ChurnRanking r, String key) {
        for (int i = 0; i < r.scored().rows(); i++) {
            if (r.scored().key(i).equals(key)) {
                return i;
            }
        }
        throw new AssertionError(key);
    }

    private static String groupOf(String label) {
        if (label.startsWith("last order ")) {
            return ChurnRanking.LAST_ORDER;
        }
        if (label.matches("[0-9,?]+ orders?, .*")) {
            return ChurnRanking.ORDERS;
        }
        if (label.startsWith("spent ")) {
            return ChurnRanking.SPENDING;
        }
        return label.endsWith("of lines cancelled") ? ChurnRanking.CANCELLATIONS : label;
    }

    private static List<Reason> concat(Explanation e) {
        List<Reason> all = new ArrayList<>(e.up());
        all.addAll(e.down());
        return all;
    }

    private static double sum(Explanation e) {
        return concat(e).stream().mapToDouble(Reason::contribution).sum();
    }

    private static double pushOf(Explanation e, String feature) {
        for (Reason reason : concat(e)) {
            if (reason.feature().startsWith(feature + "=")) {
                return reason.contribution();
            }
        }
        return 0;
    }

    static LongStream seeds() {
        return LongStream.range(0, 6);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void ranking_isAPermutationOfTheScoredRows(long seed) {
        SyntheticShop s = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(150).withSeed(seed));
        Instant cutoff = Instant.ofEpochSecond(s.endEpochSecond() - 120 * DAY);
        ChurnRanking r = ChurnRanking.compute(s.log(), RankingOptions.of(cutoff, 60).withTrainingCutoffs(2),
                LogisticRegression.learner(LogisticOptions.defaults()));
        int[] sorted = r.ranking().clone();
        java.util.Arrays.sort(sorted);
        assertArrayEquals(IntStream.range(0, r.scored().rows()).toArray(), sorted, "seed " + seed);
        for (double v : r.probabilities()) {
            assertTrue(v >= 0 && v <= 1, "seed " + seed);
        }
    }

    /** A fit judged UNUSABLE (every feature removed by the penalty) ranks nobody unless the options allow it. */
    @Test
    void unusableFit_ranksOnlyWhenAllowed() {
        SyntheticShop s = shop(5);
        Instant cutoff = Instant.ofEpochSecond(s.endEpochSecond() - 120 * DAY);
        RankingOptions o = RankingOptions.of(cutoff, 60).withTrainingCutoffs(2);
        assertFalse(o.allowUnusable());
        var learner = LogisticRegression.learner(LogisticOptions.defaults()
                .withPenalty(LogisticOptions.Penalty.L1).withC(1e-6));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ChurnRanking.compute(s.log(), o, learner));
        assertTrue(e.getMessage().contains("UNUSABLE"), e.getMessage());
        ChurnRanking r = ChurnRanking.compute(s.log(), o.withAllowUnusable(true), learner);
        assertEquals(dev.retention.model.Verdict.UNUSABLE, r.pipeline().fitSummary().verdict());
        assertEquals(r.scored().rows(), r.probabilities().length);
        assertEquals(3, r.riskiest(3, 1).size(), "the allowed pipeline explains too");
    }
}
