package dev.retention.churn.dataset;

import dev.retention.data.TransactionLog;
import dev.retention.evaluation.TrainTestSplit;
import dev.retention.primitive.DoubleList;
import dev.retention.primitive.IntList;
import dev.retention.primitive.LongIntMap;
import dev.retention.primitive.LongList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A churn dataset from a transaction log, free of leakage: for each cutoff {@code t} and each customer
 * with a purchase before {@code t}, features computed from that customer's lines strictly before
 * {@code t} only, and the label "no purchase in the horizon after {@code t}". Several cutoffs stack into
 * one {@link CustomerTable} whose rows carry their cutoff, so that a model can be trained on earlier
 * cutoffs and tested on a later one ({@link #timeSplit}).
 *
 * <p><b>Label.</b> 1 (churned) when the customer has no purchase line with {@code t <= time < t + h},
 * 0 otherwise: the window "(cutoff, cutoff + horizon]" with the cutoff taken as an instant at which the
 * feature window closes, so that every line is either a feature line ({@code time < t}) or in the label
 * window, and a purchase stamped exactly at a midnight cutoff (day-resolution data such as CDNOW) counts
 * for the label. Netted cancellations never count as purchases.
 *
 * <p><b>Features</b> (days are {@code 86,400} seconds; "orders" are distinct order ids of purchase lines,
 * timed by their first line; spend is the net amount of all lines, cancellations negative):
 * <ul>
 *   <li>{@code recency_days}: {@code t} minus the last purchase; {@code tenure_days}: {@code t} minus the
 *       first; {@code frequency}: orders; {@code monetary}: spend;</li>
 *   <li>{@code mean_days_between_orders}, {@code std_days_between_orders}: mean and population standard
 *       deviation of the gaps between consecutive orders (missing, NaN, with a single order);</li>
 *   <li>{@code orders_Wd}, {@code spend_Wd} for each window {@code W} of the options: orders and spend in
 *       {@code [t - W days, t)};</li>
 *   <li>{@code spend_trend}: spend in the recent half of the longest window minus spend in its older half;</li>
 *   <li>{@code distinct_items}: distinct items bought; {@code cancellation_share}: cancellation lines over
 *       all lines (0 unless the log nets cancellations); {@code basket_size}: purchase lines per order;
 *       {@code avg_order_value}: spend per order.</li>
 * </ul>
 *
 * <p>Cost: O(cutoffs * (lines + customers log lines)) time, memory O(rows * features).
 */
public final class TransactionFeatures {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionFeatures.class);
    private static final long DAY = TransactionFeatureOptions.DAY;

    private TransactionFeatures() {
    }

    /**
     * {@return the feature column names for the given windows, in table order}
     *
     * @param windowDays the windows, as in training
     */
    public static List<String> featureNames(int[] windowDays) {
        List<String> names = new ArrayList<>(List.of("recency_days", "frequency", "monetary", "tenure_days",
                "mean_days_between_orders", "std_days_between_orders"));
        for (int w : windowDays) {
            names.add("orders_" + w + "d");
        }
        for (int w : windowDays) {
            names.add("spend_" + w + "d");
        }
        names.addAll(List.of("spend_trend", "distinct_items", "cancellation_share", "basket_size", "avg_order_value"));
        return names;
    }

    /**
     * Builds the labelled dataset over every cutoff of the options.
     *
     * @param log     read: the transaction log
     * @param options cutoffs, horizon, windows
     * @return one row per customer and cutoff, labelled 1 for a churner
     * @throws IllegalArgumentException if a cutoff's horizon reaches past the observation end, or no customer
     *                                  has a purchase before any cutoff
     */
    public static CustomerTable compute(TransactionLog log, TransactionFeatureOptions options) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(options, "options");
        if (log.isEmpty()) {
            throw new IllegalArgumentException("the transaction log is empty");
        }
        long end = options.observationEnd() != null ? options.observationEnd().getEpochSecond()
                : log.maxPurchaseTime() + 1;
        long h = options.horizonDays() * DAY;
        for (Instant c : options.cutoffs()) {
            if (c.getEpochSecond() + h > end) {
                throw new IllegalArgumentException("the label at cutoff " + c + " needs data until "
                        + Instant.ofEpochSecond(c.getEpochSecond() + h) + " but the observation ends at "
                        + Instant.ofEpochSecond(end) + "; use an earlier cutoff, a shorter horizon, or "
                        + "computeUnlabelled to score");
            }
        }
        return assemble(log, options, true);
    }

    /**
     * Builds unlabelled rows at one cutoff, to score customers whose future is not known yet.
     *
     * @param log        read: the transaction log (lines at or after the cutoff are ignored)
     * @param cutoff     the cutoff
     * @param windowDays the windows, as in training
     * @param activeWithinDays as {@link TransactionFeatureOptions#activeWithinDays()}
     * @return one unlabelled row per customer active before the cutoff
     */
    public static CustomerTable computeUnlabelled(TransactionLog log, Instant cutoff, int[] windowDays,
                                                int activeWithinDays) {
        Objects.requireNonNull(log, "log");
        TransactionFeatureOptions o = new TransactionFeatureOptions(List.of(cutoff), 1, windowDays, activeWithinDays,
                null);
        if (log.isEmpty()) {
            throw new IllegalArgumentException("the transaction log is empty");
        }
        return assemble(log, o, false);
    }

    private static CustomerTable assemble(TransactionLog log, TransactionFeatureOptions o, boolean labelled) {
        int[] windows = o.windowDays();
        List<String> names = featureNames(windows);
        int m = names.size();
        // column by column, each sized for the customers of a cutoff before its pass: no array per row
        DoubleList[] columns = new DoubleList[m];
        for (int j = 0; j < m; j++) {
            columns[j] = new DoubleList();
        }
        double[] f = new double[m];
        List<String> keys = new ArrayList<>();
        LongList cutoffs = new LongList();
        IntList labels = new IntList();
        Workspace ws = new Workspace();
        long h = o.horizonDays() * DAY;
        for (Instant cut : o.cutoffs()) {
            long t = cut.getEpochSecond();
            int before = cutoffs.size();
            int churned = 0;
            for (DoubleList column : columns) {
                column.ensureCapacity(before + log.customerCount());
            }
            for (int c = 0; c < log.customerCount(); c++) {
                if (!features(log, c, t, windows, o.activeWithinDays(), ws, f)) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    columns[j].add(f[j]);
                }
                keys.add(log.customers().id(c));
                cutoffs.add(t);
                if (labelled) {
                    int y = purchasedIn(log, c, t, t + h) ? 0 : 1;
                    churned += y;
                    labels.add(y);
                }
            }
            LOG.info("cutoff {}: {} customers{}", cut, cutoffs.size() - before,
                    labelled ? ", " + churned + " churned within " + o.horizonDays() + " days" : "");
        }
        int n = cutoffs.size();
        if (n == 0) {
            throw new IllegalArgumentException("no customer has a purchase before any of the cutoffs " + o.cutoffs());
        }
        CustomerTable.Builder b = CustomerTable.builder(n);
        for (int j = 0; j < m; j++) {
            b.numeric(names.get(j), columns[j].toArrayAndClear());
        }
        b.keys(keys.toArray(new String[0]));
        b.cutoffs(cutoffs.toArray());
        if (labelled) {
            b.labels(labels.toArrayAndClear(), "churned_within_" + o.horizonDays() + "d", "1");
        }
        return b.build();
    }

    /** Reusable per-customer scratch space; the maps serve as sets of dense order and item ids. */
    private static final class Workspace {
        final LongIntMap orders = new LongIntMap();
        final LongIntMap items = new LongIntMap();
        final LongList orderTimes = new LongList();
    }

    /** The first line of customer c with time >= t (lines are sorted by time within a customer). */
    private static int firstAtOrAfter(TransactionLog log, int c, long t) {
        int lo = log.lineStart(c);
        int hi = log.lineEnd(c);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (log.time(mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether customer c has a purchase line with from <= time < to. */
    private static boolean purchasedIn(TransactionLog log, int c, long from, long to) {
        int end = log.lineEnd(c);
        for (int i = firstAtOrAfter(log, c, from); i < end && log.time(i) < to; i++) {
            if (!log.isCancellation(i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The features of customer c at cutoff t into f, reading only lines with time < t; false if the
     * customer has no purchase before t (or none within the activity window).
     */
    private static boolean features(TransactionLog log, int c, long t, int[] windows, int activeWithinDays,
                                    Workspace ws, double[] f) {
        int lo = log.lineStart(c);
        int hi = firstAtOrAfter(log, c, t);
        ws.orders.clear();
        ws.items.clear();
        ws.orderTimes.clear();
        double monetary = 0;
        long purchaseLines = 0;
        long cancelLines = 0;
        long lastPurchase = Long.MIN_VALUE;
        int nw = windows.length;
        double[] spendW = new double[nw];
        long longest = windows[nw - 1] * DAY;
        long half = longest / 2;
        double recentHalf = 0;
        double olderHalf = 0;
        for (int i = lo; i < hi; i++) {
            long time = log.time(i);
            assert time < t;
            double amount = log.amount(i);
            monetary += amount;
            for (int k = 0; k < nw; k++) {
                if (time >= t - windows[k] * DAY) {
                    spendW[k] += amount;
                }
            }
            if (time >= t - half) {
                recentHalf += amount;
            } else if (time >= t - longest) {
                olderHalf += amount;
            }
            if (log.isCancellation(i)) {
                cancelLines++;
                continue;
            }
            purchaseLines++;
            lastPurchase = Math.max(lastPurchase, time);
            if (log.item(i) >= 0) {
                ws.items.putIfAbsent(log.item(i), 0);
            }
            if (ws.orders.putIfAbsent(log.order(i), 0) == LongIntMap.ABSENT) {
                ws.orderTimes.add(time);
            }
        }
        int orders = ws.orderTimes.size();
        if (orders == 0) {
            return false;
        }
        if (activeWithinDays > 0 && lastPurchase < t - activeWithinDays * DAY) {
            return false;
        }
        long first = ws.orderTimes.get(0);
        double meanGap = Double.NaN;
        double stdGap = Double.NaN;
        if (orders >= 2) {
            double sum = 0;
            for (int k = 1; k < orders; k++) {
                sum += (ws.orderTimes.get(k) - ws.orderTimes.get(k - 1)) / (double) DAY;
            }
            meanGap = sum / (orders - 1);
            double ss = 0;
            for (int k = 1; k < orders; k++) {
                double d = (ws.orderTimes.get(k) - ws.orderTimes.get(k - 1)) / (double) DAY - meanGap;
                ss += d * d;
            }
            stdGap = Math.sqrt(ss / (orders - 1));
        }
        int j = 0;
        f[j++] = (t - lastPurchase) / (double) DAY;
        f[j++] = orders;
        f[j++] = monetary;
        f[j++] = (t - first) / (double) DAY;
        f[j++] = meanGap;
        f[j++] = stdGap;
        for (int k = 0; k < nw; k++) {
            long from = t - windows[k] * DAY;
            int count = 0;
            for (int q = 0; q < orders; q++) {
                if (ws.orderTimes.get(q) >= from) {
                    count++;
                }
            }
            f[j++] = count;
        }
        for (int k = 0; k < nw; k++) {
            f[j++] = spendW[k];
        }
        f[j++] = recentHalf - olderHalf;
        f[j++] = ws.items.size();
        f[j++] = (double) cancelLines / (cancelLines + purchaseLines);
        f[j++] = (double) purchaseLines / orders;
        f[j++] = monetary / orders;
        return true;
    }

    /**
     * {@return a time-based split of a stacked table: test rows are those at {@code testCutoff}; training rows are
     * those whose whole label window ends by then ({@code cutoff + horizon <= testCutoff}), so that no
     * training label looks past the test cutoff}
     *
     * @param table       read: a table computed by {@link #compute}
     * @param testCutoff  the cutoff to test on (one of the table's cutoffs)
     * @param horizonDays the horizon the table was built with
     * @throws IllegalArgumentException if no row is at the test cutoff or none is early enough to train on
     */
    public static TrainTestSplit timeSplit(CustomerTable table, Instant testCutoff, int horizonDays) {
        long t = testCutoff.getEpochSecond();
        int[] test = table.rowsWithCutoffIn(t, t + 1);
        int[] train = table.rowsWithCutoffIn(Long.MIN_VALUE, t - horizonDays * DAY + 1);
        if (test.length == 0) {
            throw new IllegalArgumentException("no row has the test cutoff " + testCutoff);
        }
        if (train.length == 0) {
            throw new IllegalArgumentException("no cutoff is at least " + horizonDays + " days before the test cutoff "
                    + testCutoff + ": nothing to train on without leakage");
        }
        return new TrainTestSplit(train, test);
    }
}
