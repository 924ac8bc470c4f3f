package dev.retention.churn.ranking;

import dev.retention.churn.classifier.Learner;
import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.dataset.TransactionFeatureOptions;
import dev.retention.churn.dataset.TransactionFeatures;
import dev.retention.churn.explain.Explanation;
import dev.retention.churn.pipeline.ChurnPipeline;
import dev.retention.churn.pipeline.ChurnPipelineModel;
import dev.retention.data.TransactionLog;
import dev.retention.evaluation.RocAuc;
import dev.retention.model.FitControl;
import dev.retention.primitive.IndirectSort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Churn scoring of an order log at a cutoff: a leakage-free dataset stacked over training cutoffs that end one
 * horizon before the scoring cutoff (so their labels use only lines before it), a pipeline fitted on it, the
 * probability of churn of every customer with a purchase before the cutoff, the customers ranked riskiest first
 * with their top reasons, and, when the log covers the horizon after the cutoff, the out-of-time ROC AUC against
 * the churn that actually happened. What {@code retention churn score} and {@code retention demo} print.
 *
 * <pre>{@code
 * ChurnRanking r = ChurnRanking.compute(log, RankingOptions.of(cutoff, 90),
 *         LogisticRegression.learner(LogisticOptions.defaults()));
 * for (Explanation e : r.riskiest(20, 3)) { ... }
 * }</pre>
 *
 * <p>Features: {@link TransactionFeatures} with recent windows of {@link #WINDOW_DAYS} days. Cost:
 * O(cutoffs * lines) for the features plus the learner's fit. Immutable and thread-safe; arrays are copied out.
 */
public final class ChurnRanking {

    /** Seconds in a day. */
    private static final long DAY = 86_400;
    /** The recent windows of the features, in days. */
    private static final int[] WINDOWS = {30, 90, 180};
    /** The recent windows of the features, in days: 30, 90 and 180. */
    public static final List<Integer> WINDOW_DAYS = List.of(30, 90, 180);

    private final RankingOptions options;
    private final List<Instant> cutoffs;
    private final CustomerTable training;
    private final ChurnPipelineModel pipeline;
    private final CustomerTable scored;
    private final double[] probabilities;
    private final int[] ranking;
    private final OptionalDouble testAuc;
    private final OptionalDouble testChurnRate;
    private final int[] outcomes;

    private ChurnRanking(RankingOptions options, List<Instant> cutoffs, CustomerTable training,
                         ChurnPipelineModel pipeline, CustomerTable scored, double[] probabilities, int[] ranking,
                         OptionalDouble testAuc, OptionalDouble testChurnRate, int[] outcomes) {
        this.options = options;
        this.cutoffs = List.copyOf(cutoffs);
        this.training = training;
        this.pipeline = pipeline;
        this.scored = scored;
        this.probabilities = probabilities;
        this.ranking = ranking;
        this.testAuc = testAuc;
        this.testChurnRate = testChurnRate;
        this.outcomes = outcomes;
    }

    /**
     * {@return the training cutoffs: {@code count} cutoffs {@code stepDays} apart, the latest one {@code horizonDays}
     * before
     * {@code cutoff}, those not after the first line of the log left out; oldest first} Empty when none is left.
     * O(count).
     *
     * @param log         read: its first line's time
     * @param cutoff      the scoring cutoff
     * @param horizonDays the churn horizon, &gt;= 1
     * @param count       cutoffs at most, &gt;= 1
     * @param stepDays    days between cutoffs, &gt;= 1
     * @throws IllegalArgumentException if a count or length is below 1
     */
    public static List<Instant> trainingCutoffs(TransactionLog log, Instant cutoff, int horizonDays, int count,
                                                int stepDays) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(cutoff, "cutoff");
        if (horizonDays < 1 || count < 1 || stepDays < 1) {
            throw new IllegalArgumentException("horizonDays, count and stepDays must be >= 1, got " + horizonDays
                    + ", " + count + " and " + stepDays);
        }
        long at = cutoff.getEpochSecond();
        List<Instant> out = new ArrayList<>();
        for (int k = count - 1; k >= 0; k--) {
            long c = at - horizonDays * DAY - (long) k * stepDays * DAY;
            if (c > log.minTime()) {
                out.add(Instant.ofEpochSecond(c));
            }
        }
        return out;
    }

    /**
     * Fits on the training cutoffs and scores the customers at the cutoff.
     *
     * @param log     read: the order log
     * @param options the cutoff, horizon, training cutoffs, preprocessing and end of observation
     * @param learner the classifier
     * @return the customers at the cutoff, riskiest first, with their probabilities and reasons
     * @throws IllegalArgumentException if the log is empty, no training cutoff is left ({@link #trainingCutoffs}
     *                                  empty: the latest one is before the first order) or the training rows hold
     *                                  a single class
     * @throws IllegalStateException    if the fit is judged UNUSABLE and the options do not
     *                                  {@linkplain RankingOptions#withAllowUnusable allow} scoring from it
     */
    public static ChurnRanking compute(TransactionLog log, RankingOptions options, Learner learner) {
        return compute(log, options, learner, FitControl.defaults());
    }

    /**
     * Fits on the training cutoffs and scores the customers at the cutoff, with a control for the fit.
     *
     * @param log     read: the order log
     * @param options the cutoff, horizon, training cutoffs, preprocessing and end of observation
     * @param learner the classifier
     * @param control progress and cancellation of the classifier's fit
     * @return the customers at the cutoff, riskiest first, with their probabilities and reasons
     * @throws IllegalArgumentException as {@link #compute(TransactionLog, RankingOptions, Learner)}
     * @throws IllegalStateException    as {@link #compute(TransactionLog, RankingOptions, Learner)}
     */
    public static ChurnRanking compute(TransactionLog log, RankingOptions options, Learner learner,
                                       FitControl control) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(learner, "learner");
        if (log.isEmpty()) {
            throw new IllegalArgumentException("the log holds no purchase line to learn from");
        }
        Instant at = options.cutoff();
        int horizon = options.horizonDays();
        List<Instant> cutoffs = trainingCutoffs(log, at, horizon, options.trainingCutoffs(), options.stepDays());
        if (cutoffs.isEmpty()) {
            throw new IllegalArgumentException("cutoff " + at + " leaves no training cutoff: the latest one, " + horizon
                    + " days earlier, is before the first order");
        }
        CustomerTable train = TransactionFeatures.compute(log,
                new TransactionFeatureOptions(cutoffs, horizon, WINDOWS, 0, at));
        ChurnPipelineModel fitted = ChurnPipeline.fit(train, allRows(train), options.preprocessing(), learner,
                control);
        ChurnPipelineModel pipeline = options.allowUnusable() ? fitted.allowingUnusable() : fitted;
        CustomerTable now = TransactionFeatures.computeUnlabelled(log, at, WINDOWS, 0);
        double[] p = pipeline.score(now, allRows(now)).probabilities();
        OptionalDouble testAuc = OptionalDouble.empty();
        OptionalDouble testChurnRate = OptionalDouble.empty();
        int[] outcomes = null;
        Instant observedUntil = options.observedUntil();
        long end = observedUntil != null ? observedUntil.getEpochSecond() : log.maxPurchaseTime();
        if (end >= at.getEpochSecond() + horizon * DAY) {
            CustomerTable actual = TransactionFeatures.compute(log, TransactionFeatureOptions.of(List.of(at), horizon)
                    .withWindowDays(WINDOWS).withObservationEnd(observedUntil));
            int[] y = actual.labels();
            int positives = Arrays.stream(y).sum();
            boolean sameRows = actual.rows() == now.rows();
            for (int i = 0; sameRows && i < y.length; i++) {
                sameRows = actual.key(i).equals(now.key(i));
            }
            if (sameRows && positives > 0 && positives < y.length) {
                testAuc = OptionalDouble.of(RocAuc.of(y, p));
                testChurnRate = OptionalDouble.of((double) positives / y.length);
                outcomes = y;
            }
        }
        int[] ranking = new int[p.length];
        Arrays.setAll(ranking, i -> i);
        IndirectSort.sort(ranking, (a, b) -> Double.compare(p[b], p[a]));   // stable: ties in row order
        return new ChurnRanking(options, cutoffs, train, pipeline, now, p, ranking, testAuc, testChurnRate, outcomes);
    }

    /** {@return the options} */
    public RankingOptions options() {
        return options;
    }

    /** {@return the scoring cutoff} */
    public Instant cutoff() {
        return options.cutoff();
    }

    /** {@return the churn horizon in days} */
    public int horizonDays() {
        return options.horizonDays();
    }

    /** {@return the training cutoffs, oldest first} */
    public List<Instant> trainingCutoffs() {
        return cutoffs;
    }

    /** {@return the stacked, labelled training rows (one per customer and training cutoff)} */
    public CustomerTable training() {
        return training;
    }

    /** {@return the pipeline fitted on every training row: it scores raw customer rows on its own} */
    public ChurnPipelineModel pipeline() {
        return pipeline;
    }

    /** {@return the customers at the scoring cutoff, unlabelled, one row each (keys are the customer ids)} */
    public CustomerTable scored() {
        return scored;
    }

    /** {@return P(churn) of each row of {@link #scored()}; a copy} */
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** {@return rows of {@link #scored()}, highest probability first (row order on ties); a copy} */
    public int[] ranking() {
        return ranking.clone();
    }

    /**
     * {@return the out-of-time ROC AUC against the churn observed after the cutoff; empty when the horizon is not
     * observed
     * or a class is missing}
     */
    public OptionalDouble testAuc() {
        return testAuc;
    }

    /** {@return the share of scored customers who did churn; empty with {@link #testAuc()}} */
    public OptionalDouble testChurnRate() {
        return testChurnRate;
    }

    /** {@return whether each scored customer did churn (1) or not (0); a copy, or empty with {@link #testAuc()}} */
    public int[] outcomes() {
        return outcomes == null ? new int[0] : outcomes.clone();
    }

    /**
     * {@return the explanation of the {@code rank}-th riskiest customer (0 the riskiest): probability and top reasons}
     *
     * @param rank in {@code [0, scored().rows())}
     * @param top  reasons each way, &gt;= 1
     * @throws IndexOutOfBoundsException if the rank is out of range
     */
    public Explanation explainRank(int rank, int top) {
        return pipeline.explain(scored, ranking[Objects.checkIndex(rank, ranking.length)], top);
    }

    /**
     * {@return the explanations of the {@code count} riskiest customers, riskiest first (fewer when fewer were scored)}
     *
     * @param count customers, &gt;= 0
     * @param top   reasons each way, &gt;= 1
     */
    public List<Explanation> riskiest(int count, int top) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        List<Explanation> out = new ArrayList<>();
        for (int k = 0; k < Math.min(count, ranking.length); k++) {
            out.add(explainRank(k, top));
        }
        return out;
    }

    /** A summary line, then the ten riskiest customers by id with their probability and top three reasons. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "churn ranking at %s (no purchase in %d days): %,d training rows at %d cutoffs, %,d customers "
                        + "scored%s%n",
                options.cutoff(), options.horizonDays(), training.rows(), cutoffs.size(), scored.rows(),
                testAuc.isPresent() ? String.format(Locale.ROOT, ", out-of-time ROC AUC %.4f", testAuc.getAsDouble())
                        : ""));
        for (Explanation e : riskiest(10, 3)) {
            sb.append(e).append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static int[] allRows(CustomerTable table) {
        int[] rows = new int[table.rows()];
        Arrays.setAll(rows, i -> i);
        return rows;
    }
}
