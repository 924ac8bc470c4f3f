package dev.retention.churn.ranking;

import dev.retention.churn.classifier.Learner;
import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.dataset.TransactionFeatureOptions;
import dev.retention.churn.dataset.TransactionFeatures;
import dev.retention.churn.explain.Explainer;
import dev.retention.churn.explain.Explanation;
import dev.retention.churn.pipeline.ChurnPipeline;
import dev.retention.churn.pipeline.ChurnPipelineModel;
import dev.retention.data.TransactionLog;
import dev.retention.evaluation.RocAuc;
import dev.retention.model.FitControl;
import dev.retention.primitive.IndirectSort;
import dev.retention.rfm.CustomerStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

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
 * <p><b>Lapsed versus at risk.</b> Every scored customer has a {@link CustomerStatus} by the options'
 * {@link dev.retention.rfm.StatusRule} (the playbook's definition): lapsed when the last purchase is at least
 * {@code lapsedAfterDays} days before the cutoff (a ranking has no P(alive), so only the recency decides), at risk
 * when not lapsed and P(churn) is at least {@code atRiskFrom}, active otherwise. A customer gone for a year has the
 * highest P(churn) of all, but no retention action can keep them: {@link #riskiest(int, int)} lists the customers who
 * are not lapsed, and {@link #count(CustomerStatus)} says how many were left out.
 *
 * <p><b>Reasons in plain words.</b> The order-log features are strongly correlated (for a one-order customer
 * {@code recency_days} equals {@code tenure_days}; {@code frequency}, the recent order counts and the gaps between
 * orders move together), so one feature's contribution is often large and offset by a neighbour's of the opposite
 * sign ({@code recency_days +3.85, tenure_days -2.63}), which reads as a contradiction. Reasons are therefore reported
 * per group of features, each group's contributions summed (contributions are additive: log-odds for linear models,
 * Saabas path contributions for trees, so a group's sum is exactly what the group adds), and labelled with the
 * customer's values in words ({@link #reasonGroup(String)}):
 * <ul>
 *   <li>{@value #LAST_ORDER}: {@code recency_days}, {@code tenure_days}: "last order 272 days ago, customer for 274
 *       days";</li>
 *   <li>{@value #ORDERS}: {@code frequency}, {@code orders_Wd}, the mean and deviation of the days between orders:
 *       "34 orders, 0 in the last 90 days, one every 8 days";</li>
 *   <li>{@value #SPENDING}: {@code monetary}, {@code spend_Wd}, {@code spend_trend}, {@code avg_order_value},
 *       {@code basket_size}, {@code distinct_items}: "spent 3,203 (3,203 per order), 0 in the last 90 days";</li>
 *   <li>{@value #CANCELLATIONS}: {@code cancellation_share}: "2% of lines cancelled".</li>
 * </ul>
 * The per-feature detail stays available ({@link #explainRowByFeature}).
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
    /** The reason group of the recency and tenure features. */
    public static final String LAST_ORDER = "last order";
    /** The reason group of the order counts and the days between orders. */
    public static final String ORDERS = "orders";
    /** The reason group of the spend features. */
    public static final String SPENDING = "spending";
    /** The reason group of the cancellation share. */
    public static final String CANCELLATIONS = "cancellations";

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
    private final Explainer grouped;
    private final CustomerStatus[] statuses;

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
        String[] groups = new String[pipeline.preprocessing().featureCount()];
        for (int f = 0; f < groups.length; f++) {
            groups[f] = reasonGroup(pipeline.preprocessing().sourceColumn(f));
        }
        this.grouped = Explainer.grouped(pipeline.classifier(), groups);
        int recency = scored.indexOf("recency_days");
        this.statuses = new CustomerStatus[probabilities.length];
        for (int i = 0; i < statuses.length; i++) {
            double r = recency < 0 ? 0 : scored.numeric(i, recency);
            statuses[i] = options.statusRule().status(Double.NaN, Double.isNaN(r) ? 0 : r, probabilities[i]);
        }
    }

    /**
     * {@return the reason group of a feature column, by the class comment's table: {@value #LAST_ORDER},
     * {@value #ORDERS}, {@value #SPENDING}, {@value #CANCELLATIONS}, or the column's own name for any other column}
     *
     * @param column a feature column's name
     */
    public static String reasonGroup(String column) {
        Objects.requireNonNull(column, "column");
        if (column.equals("recency_days") || column.equals("tenure_days")) {
            return LAST_ORDER;
        }
        if (column.equals("frequency") || column.equals("mean_days_between_orders")
                || column.equals("std_days_between_orders") || (column.startsWith("orders_") && column.endsWith("d"))) {
            return ORDERS;
        }
        if (column.equals("monetary") || column.startsWith("spend_") || column.equals("avg_order_value")
                || column.equals("basket_size") || column.equals("distinct_items")) {
            return SPENDING;
        }
        if (column.equals("cancellation_share")) {
            return CANCELLATIONS;
        }
        return column;
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
     * {@return the status of a scored row: lapsed, at risk or active, by the options' status rule}
     *
     * @param row a row of {@link #scored()}
     * @throws IndexOutOfBoundsException if the row is out of range
     */
    public CustomerStatus status(int row) {
        return statuses[Objects.checkIndex(row, statuses.length)];
    }

    /**
     * {@return how many scored customers have a status}
     *
     * @param status read
     */
    public int count(CustomerStatus status) {
        Objects.requireNonNull(status, "status");
        int n = 0;
        for (CustomerStatus s : statuses) {
            n += s == status ? 1 : 0;
        }
        return n;
    }

    /**
     * {@return rows of {@link #scored()} with one of the statuses, highest probability first (row order on ties)}
     *
     * @param statuses the statuses kept
     */
    public int[] ranking(Set<CustomerStatus> statuses) {
        Objects.requireNonNull(statuses, "statuses");
        return Arrays.stream(ranking).filter(i -> statuses.contains(this.statuses[i])).toArray();
    }

    /**
     * {@return why a row got its score, in plain words: the feature groups' summed contributions (see the class
     * comment), labelled with the customer's values} O(features).
     *
     * @param row a row of {@link #scored()}
     * @param top reasons each way, &gt;= 1
     * @throws IndexOutOfBoundsException if the row is out of range
     */
    public Explanation explainRow(int row, int top) {
        Objects.checkIndex(row, statuses.length);
        double[] x = pipeline.preprocessing().transform(scored, new int[] {row}).features().row(0);
        String[] groups = grouped.groupNames();
        String[] labels = new String[groups.length];
        for (int g = 0; g < groups.length; g++) {
            labels[g] = describe(groups[g], row);
        }
        return grouped.explain(scored.key(row), x, labels, top);
    }

    /**
     * {@return why a row got its score, one reason per feature column with its value ("recency_days=272.4"): the
     * detail behind {@link #explainRow}, whose correlated features may pull against each other}
     *
     * @param row a row of {@link #scored()}
     * @param top reasons each way, &gt;= 1
     * @throws IndexOutOfBoundsException if the row is out of range
     */
    public Explanation explainRowByFeature(int row, int top) {
        return pipeline.explain(scored, Objects.checkIndex(row, statuses.length), top);
    }

    /**
     * {@return the explanation in plain words ({@link #explainRow}) of the {@code rank}-th riskiest customer of
     * {@link #ranking()} (0 the riskiest, whatever the status)}
     *
     * @param rank in {@code [0, scored().rows())}
     * @param top  reasons each way, &gt;= 1
     * @throws IndexOutOfBoundsException if the rank is out of range
     */
    public Explanation explainRank(int rank, int top) {
        return explainRow(ranking[Objects.checkIndex(rank, ranking.length)], top);
    }

    /**
     * {@return the explanations in plain words of the {@code count} riskiest customers who are not lapsed (at risk or
     * active), riskiest first (fewer when fewer were scored); {@link #count(CustomerStatus)} says how many lapsed ones
     * were left out}
     *
     * @param count customers, &gt;= 0
     * @param top   reasons each way, &gt;= 1
     */
    public List<Explanation> riskiest(int count, int top) {
        return riskiest(count, top, EnumSet.of(CustomerStatus.AT_RISK, CustomerStatus.ACTIVE));
    }

    /**
     * {@return the explanations in plain words of the {@code count} riskiest customers with one of the statuses,
     * riskiest first}
     *
     * @param count    customers, &gt;= 0
     * @param top      reasons each way, &gt;= 1
     * @param statuses the statuses kept
     */
    public List<Explanation> riskiest(int count, int top, Set<CustomerStatus> statuses) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        int[] rows = ranking(statuses);
        List<Explanation> out = new ArrayList<>();
        for (int k = 0; k < Math.min(count, rows.length); k++) {
            out.add(explainRow(rows[k], top));
        }
        return out;
    }

    /** A reason group's label for a row, with the customer's values in words. */
    private String describe(String group, int row) {
        return switch (group) {
            case LAST_ORDER -> String.format(Locale.ROOT, "last order %s days ago, customer for %s days",
                    days(value(row, "recency_days")), days(value(row, "tenure_days")));
            case ORDERS -> {
                double gap = value(row, "mean_days_between_orders");
                double orders = value(row, "frequency");
                yield String.format(Locale.ROOT, "%s %s, %s in the last 90 days%s", whole(orders),
                        orders == 1 ? "order" : "orders", whole(value(row, "orders_90d")), Double.isFinite(gap)
                                ? ", one every " + days(gap) + " days" : "");
            }
            case SPENDING -> String.format(Locale.ROOT, "spent %s (%s per order), %s in the last 90 days",
                    money(value(row, "monetary")), money(value(row, "avg_order_value")),
                    money(value(row, "spend_90d")));
            case CANCELLATIONS -> String.format(Locale.ROOT, "%s of lines cancelled",
                    Double.isFinite(value(row, "cancellation_share"))
                            ? String.format(Locale.ROOT, "%.0f%%", 100 * value(row, "cancellation_share")) : "?");
            default -> {
                int j = scored.indexOf(group);
                yield j < 0 ? group : group + "=" + (scored.text(row, j).isEmpty() ? "(missing)"
                        : scored.text(row, j));
            }
        };
    }

    private double value(int row, String column) {
        int j = scored.indexOf(column);
        return j < 0 ? Double.NaN : scored.numeric(row, j);
    }

    private static String days(double d) {
        return !Double.isFinite(d) ? "?" : d < 10 ? String.format(Locale.ROOT, "%.1f", d)
                : String.format(Locale.ROOT, "%,.0f", d);
    }

    private static String whole(double c) {
        return Double.isFinite(c) ? String.format(Locale.ROOT, "%,.0f", c) : "?";
    }

    private static String money(double m) {
        return Double.isFinite(m) ? String.format(Locale.ROOT, "%,.0f", m) : "?";
    }

    /**
     * A summary line, the number of lapsed customers, then the ten riskiest customers not lapsed by id with their
     * probability and top three reasons.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "churn ranking at %s (no purchase in %d days): %,d training rows at %d cutoffs, %,d customers "
                        + "scored%s%n",
                options.cutoff(), options.horizonDays(), training.rows(), cutoffs.size(), scored.rows(),
                testAuc.isPresent() ? String.format(Locale.ROOT, ", out-of-time ROC AUC %.4f", testAuc.getAsDouble())
                        : ""));
        sb.append(String.format(Locale.ROOT, "%,d lapsed (no purchase for %d days or more) not listed as at risk%n",
                count(CustomerStatus.LAPSED), options.statusRule().lapsedAfterDays()));
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
