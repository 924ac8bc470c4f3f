package dev.retention.cli;

import dev.retention.churn.classifier.FitListener;
import dev.retention.churn.classifier.Learner;
import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.dataset.TransactionFeatureOptions;
import dev.retention.churn.dataset.TransactionFeatures;
import dev.retention.churn.explain.Explanation;
import dev.retention.churn.pipeline.ChurnPipeline;
import dev.retention.churn.preprocess.PreprocessOptions;
import dev.retention.data.TransactionLog;
import dev.retention.churn.evaluation.ClassificationMetrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Churn scoring of an order log at a cutoff, the steps {@code retention churn score} and {@code retention demo}
 * share: a leakage-free dataset stacked over training cutoffs that end one horizon before the scoring cutoff (their
 * labels use only lines before it), a pipeline fitted on it, the probability of churn of every customer with a
 * purchase before the cutoff, the customers ranked riskiest first, and, when the log covers the horizon after the
 * cutoff, the out-of-time ROC AUC against the churn that actually happened.
 *
 * @param cutoff         the scoring cutoff
 * @param horizonDays    churn is no purchase within this many days after a cutoff
 * @param cutoffs        the training cutoffs
 * @param train          the stacked training rows
 * @param pipeline       the pipeline fitted on every training row
 * @param scored         the customers at the scoring cutoff, unlabelled
 * @param probabilities  P(churn) of each row of {@code scored}
 * @param ranking        rows of {@code scored}, highest probability first (row order on ties)
 * @param testAuc        the out-of-time ROC AUC, or {@code null} when the horizon is not observed or one class is
 *                       missing
 * @param testChurnRate  the share of scored customers who did churn, or {@code null} with {@code testAuc}
 * @param outcomes       whether each scored customer did churn (1) or not (0), or {@code null} with {@code testAuc}
 */
record ChurnRanking(Instant cutoff, int horizonDays, List<Instant> cutoffs, CustomerTable train, ChurnPipeline pipeline, CustomerTable scored,
                    double[] probabilities, int[] ranking, Double testAuc, Double testChurnRate,
                    int[] outcomes) {

    /** Seconds in a day. */
    static final long DAY = 86_400;
    /** The recent windows of the features, in days. */
    static final int[] WINDOWS = {30, 90, 180};

    /**
     * The training cutoffs: {@code count} cutoffs {@code stepDays} apart, the latest one {@code horizonDays} before
     * {@code cutoff}, those not after the first line of the log left out; oldest first. Empty when none is left.
     */
    static List<Instant> trainingCutoffs(TransactionLog log, long cutoff, int horizonDays, int count, int stepDays) {
        List<Instant> cutoffs = new ArrayList<>();
        for (int k = count - 1; k >= 0; k--) {
            long c = cutoff - horizonDays * DAY - (long) k * stepDays * DAY;
            if (c > log.minTime()) {
                cutoffs.add(Instant.ofEpochSecond(c));
            }
        }
        return cutoffs;
    }

    /**
     * Fits on the training cutoffs and scores the customers at {@code cutoff}. O(cutoffs * lines) for the features
     * plus the learner's fit.
     *
     * @param log           read
     * @param cutoff        the scoring cutoff, epoch seconds: only earlier lines make the scored features
     * @param horizonDays   churn is no purchase within this many days after a cutoff
     * @param cutoffs       the training cutoffs, from {@link #trainingCutoffs}; not empty
     * @param preprocessing fitted on the training rows
     * @param learner       the classifier
     * @param observedUntil the end of the data, exclusive; {@code null} means just after the last purchase. The
     *                      out-of-time AUC is measured when the horizon after the cutoff ends by then
     */
    static ChurnRanking fit(TransactionLog log, long cutoff, int horizonDays, List<Instant> cutoffs,
                            PreprocessOptions preprocessing, Learner learner, Instant observedUntil) {
        Instant at = Instant.ofEpochSecond(cutoff);
        TransactionFeatureOptions options = new TransactionFeatureOptions(cutoffs, horizonDays, WINDOWS, 0, at);
        CustomerTable train = TransactionFeatures.build(log, options);
        ChurnPipeline pipeline = ChurnPipeline.fit(train, allRows(train), preprocessing, learner, FitListener.NONE);
        CustomerTable now = TransactionFeatures.buildUnlabelled(log, at, WINDOWS, 0);
        double[] p = pipeline.score(now, allRows(now)).probabilities();
        Double testAuc = null;
        Double testChurnRate = null;
        int[] outcomes = null;
        long end = observedUntil != null ? observedUntil.getEpochSecond() : log.maxPurchaseTime();
        if (end >= cutoff + horizonDays * DAY) {
            CustomerTable actual = TransactionFeatures.build(log, TransactionFeatureOptions.of(List.of(at), horizonDays)
                    .withWindowDays(WINDOWS).withObservationEnd(observedUntil));
            int[] y = actual.labels();
            int positives = Arrays.stream(y).sum();
            boolean sameRows = actual.rows() == now.rows();
            for (int i = 0; sameRows && i < y.length; i++) {
                sameRows = actual.key(i).equals(now.key(i));
            }
            if (sameRows && positives > 0 && positives < y.length) {
                testAuc = ClassificationMetrics.rocAuc(y, p);
                testChurnRate = (double) positives / y.length;
                outcomes = y;
            }
        }
        Integer[] order = new Integer[p.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        int[] ranking = new int[p.length];
        Arrays.setAll(ranking, k -> order[k]);
        return new ChurnRanking(at, horizonDays, List.copyOf(cutoffs), train, pipeline, now, p, ranking, testAuc,
                testChurnRate, outcomes);
    }

    /** The explanation of the {@code rank}-th riskiest customer (0 is the riskiest), {@code top} reasons each way. */
    Explanation explainRank(int rank, int top) {
        return pipeline.explain(scored, ranking[rank], top);
    }

    /** Adds {@code customers_scored, training_rows, training_positives, training_cutoffs, cutoff, horizon_days}. */
    Json putTraining(Json json) {
        return json.put("customers_scored", scored.rows())
                .put("training_rows", train.rows())
                .put("training_positives", Arrays.stream(train.labels()).sum())
                .put("training_cutoffs", cutoffs.stream().map(Instant::toString).toList())
                .put("cutoff", cutoff.toString())
                .put("horizon_days", horizonDays);
    }

    /**
     * The {@code top} riskiest customers as JSON objects {@code customer, probability, up, down}, with the given
     * number of reasons each way.
     */
    List<Object> riskiestJson(int top, int reasons) {
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < Math.min(top, ranking.length); k++) {
            int i = ranking[k];
            Explanation e = pipeline.explain(scored, i, reasons);
            out.add(new Json().put("customer", scored.key(i)).put("probability", probabilities[i])
                    .put("up", ChurnCommand.reasons(e.up())).put("down", ChurnCommand.reasons(e.down())));
        }
        return out;
    }

    private static int[] allRows(CustomerTable table) {
        int[] rows = new int[table.rows()];
        Arrays.setAll(rows, i -> i);
        return rows;
    }
}
