package dev.retention.rfm;

import dev.retention.data.TransactionLog;
import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.model.Verdict;
import dev.retention.primitive.IndirectSort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * RFM analysis as a learner: recency, frequency and monetary value per customer, their quintile scores, the
 * weighted score and named segments, and the {@link RfmModel} that scores new customers on the same scale. The
 * entry point is {@link #fit(TransactionLog, RfmOptions)}; {@link RfmModel#table()} holds the training customers'
 * {@link RfmTable}.
 *
 * <p>Definitions, as of an instant {@code t} ({@link RfmOptions#asOf()}, by default the latest
 * purchase plus 24 hours), over the purchases strictly before {@code t}:
 * <ul>
 *   <li><b>recency</b>: whole days (rounded down) from the customer's last purchase to {@code t};</li>
 *   <li><b>frequency</b>: number of distinct orders;</li>
 *   <li><b>monetary</b>: total spend, the sum of line amounts (net of cancellations when the log nets
 *       them); the mean order value is monetary / frequency.</li>
 * </ul>
 * Customers without a purchase before {@code t} are left out. Scores 1..5 cut the customers into
 * five equal bins over the rank of each value (see {@link RfmOptions.Ties}); 5 is best (most recent,
 * most frequent, highest spend). Reference: Hughes, <i>Strategic Database Marketing</i> (1994); the
 * binning reproduces pandas {@code qcut(x.rank(method="first"), 5)} on customers sorted by id.
 *
 * <p>A closed-form fit: its {@link FitSummary} reports no iterations, the as-of instant and tie policy among its
 * choices, and a warning when the data cannot spread the scores (fewer customers than bins, or a measure equal for
 * every customer). O(n) over the log's lines plus O(c log c) over customers; memory O(c + orders).
 */
public final class Rfm {

    /** The algorithm name in fit summaries. */
    static final String ALGORITHM = "RFM quintiles";

    private static final Logger LOG = LoggerFactory.getLogger(Rfm.class);
    private static final long DAY = 86_400L;
    private static final String STAGE = "quantile bins";

    private Rfm() {
    }

    /**
     * {@return RFM with {@link RfmOptions#defaults()}}
     *
     * @param log read
     * @throws IllegalArgumentException if the log has no purchases
     */
    public static RfmModel fit(TransactionLog log) {
        return fit(log, RfmOptions.defaults());
    }

    /**
     * {@return RFM with the given options and {@link FitControl#defaults()}}
     *
     * @param log     read
     * @param options read
     * @throws IllegalArgumentException if no customer has a purchase before the as-of instant
     */
    public static RfmModel fit(TransactionLog log, RfmOptions options) {
        return fit(log, options, FitControl.defaults());
    }

    /**
     * Computes recency, frequency, monetary value, scores and segments of every customer with a purchase before the
     * as-of instant, and fits the quantile edges that score new customers.
     *
     * @param log     read; the customers' purchases (and netted cancellations)
     * @param options read
     * @param control read: told once per measure binned (stage {@value #STAGE}, 3 steps), and may cancel the fit
     *                there; it runs on the calling thread only
     * @return the model, with the table of the customers it was fitted on
     * @throws IllegalArgumentException                  if the log has no purchases, or no customer has a purchase
     *                                                   before the as-of instant (both instants named)
     * @throws java.util.concurrent.CancellationException if {@code control} cancels the fit
     */
    public static RfmModel fit(TransactionLog log, RfmOptions options, FitControl control) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        long start = System.nanoTime();
        if (log.isEmpty()) {
            throw new IllegalArgumentException("the transaction log has no purchases, so there is nothing to score");
        }
        long asOf = options.asOf() != null ? options.asOf().getEpochSecond() : log.maxPurchaseTime() + DAY;

        int nCust = log.customerCount();
        int[] lastCustomerOfOrder = new int[log.orderCount()];
        Arrays.fill(lastCustomerOfOrder, -1);
        int[] rows = new int[nCust];
        int[] recency = new int[nCust];
        int[] frequency = new int[nCust];
        double[] monetary = new double[nCust];
        int n = 0;
        for (int c = 0; c < nCust; c++) {
            long last = Long.MIN_VALUE;
            int orders = 0;
            double spend = 0;
            int end = log.lineEnd(c);
            for (int i = log.lineStart(c); i < end; i++) {
                long t = log.time(i);
                if (t >= asOf) {
                    break;                         // lines are in time order within a customer
                }
                spend += log.amount(i);
                if (log.isCancellation(i)) {
                    continue;
                }
                last = t;
                int o = log.order(i);
                if (lastCustomerOfOrder[o] != c) {
                    lastCustomerOfOrder[o] = c;
                    orders++;
                }
            }
            if (orders == 0) {
                continue;                          // no purchase before asOf
            }
            rows[n] = c;
            long days = Math.floorDiv(asOf - last, DAY);   // asOf and last are Instant seconds: no overflow
            if (days > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("asOf=" + Instant.ofEpochSecond(asOf) + " is " + days
                        + " days after customer " + log.customers().id(c) + "'s last purchase at "
                        + Instant.ofEpochSecond(last) + "; recency counts at most " + Integer.MAX_VALUE + " days");
            }
            recency[n] = (int) days;
            frequency[n] = orders;
            monetary[n] = spend;
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException("no customer has a purchase before asOf=" + Instant.ofEpochSecond(asOf)
                    + "; the log starts at " + Instant.ofEpochSecond(log.minTime()));
        }
        rows = Arrays.copyOf(rows, n);
        recency = Arrays.copyOf(recency, n);
        frequency = Arrays.copyOf(frequency, n);
        monetary = Arrays.copyOf(monetary, n);

        double[] rEdges = new double[RfmModel.BINS - 1];
        double[] fEdges = new double[RfmModel.BINS - 1];
        double[] mEdges = new double[RfmModel.BINS - 1];
        double[] rValues = toDoubles(recency);
        double[] fValues = toDoubles(frequency);
        byte[] rBins = quantileBins(rValues, options.ties(), rEdges);
        control.step(STAGE, 1, 3, Double.NaN);
        byte[] fBins = quantileBins(fValues, options.ties(), fEdges);
        control.step(STAGE, 2, 3, Double.NaN);
        byte[] mBins = quantileBins(monetary, options.ties(), mEdges);
        control.step(STAGE, 3, 3, Double.NaN);
        for (int i = 0; i < n; i++) {
            rBins[i] = (byte) (RfmModel.BINS + 1 - rBins[i]);   // fewer days is better
        }
        Instant at = Instant.ofEpochSecond(asOf);
        RfmTable table = new RfmTable(log.customers(), rows, recency, frequency, monetary, rBins, fBins, mBins, at,
                options);
        FitSummary.Builder summaryBuilder = summaryOf(log, options, table);
        constant(summaryBuilder, options.ties(), "recency", rValues);
        constant(summaryBuilder, options.ties(), "frequency", fValues);
        constant(summaryBuilder, options.ties(), "monetary", monetary);
        FitSummary summary = summaryBuilder.secondsSince(start).build();
        RfmModel model = new RfmModel(options, rEdges, fEdges, mEdges, summary, table);
        LOG.info("RFM of {} customers as of {}: {}, {} s", n, at, summary.verdict(),
                String.format(Locale.ROOT, "%.3f", summary.seconds()));
        summary.logVerdict(Rfm.class);
        return model;
    }

    private static FitSummary.Builder summaryOf(TransactionLog log, RfmOptions options, RfmTable table) {
        int n = table.size();
        FitSummary.Builder b = FitSummary.builder(ALGORITHM).options(options)
                .choice("as of " + table.asOf() + (options.asOf() == null ? ", the latest purchase plus 24 hours"
                        : ", as given"))
                .choice(String.format(Locale.ROOT, "%,d of the log's %,d customers have a purchase before it", n,
                        log.customerCount()))
                .choice(options.ties() == RfmOptions.Ties.BY_ID
                        ? "ties by customer id: equal values ranked in id order, bins of equal size"
                        : "ties equal: equal values binned by their lowest rank, bins of unequal size")
                .data(log.fingerprint());
        if (n < RfmModel.BINS) {
            b.warning(String.format(Locale.ROOT, "only %d customers, fewer than the %d score bins: some scores are "
                    + "never given", n, RfmModel.BINS));
        }
        return b;
    }

    /** Warns when every customer has the same value of a measure: its score then says nothing about them. */
    private static void constant(FitSummary.Builder b, RfmOptions.Ties ties, String measure, double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return;
            }
        }
        if (values.length > 1) {
            b.warning(String.format(Locale.ROOT, "every customer has %s %s: its score says nothing about them (%s)",
                    measure, RfmTable.number(values[0]), ties == RfmOptions.Ties.BY_ID ? "they are ranked by id alone"
                            : "they all get the same score"));
        }
    }

    /**
     * Bins values into 1..5 by quantiles of their rank, and returns the edges (largest value of each
     * of the first four bins, carried forward over empty bins) in {@code edgesOut}.
     *
     * <p>Ranks are 1..n in increasing value; equal values are ranked by position (ties
     * {@code BY_ID}) or all get the lowest rank of their group ({@code EQUAL}). Rank {@code k} falls
     * into the first bin {@code i} with {@code k <= floor(0.2*i*(n-1)) + 1}: the bins of pandas
     * {@code qcut(rank, 5)}, whose edges are linear-interpolated quantiles of 1..n. O(n log n).
     */
    static byte[] quantileBins(double[] values, RfmOptions.Ties ties, double[] edgesOut) {
        int n = values.length;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        IndirectSort.sortByKey(perm, values);                 // stable: ties stay in position order
        int[] upper = new int[RfmModel.BINS - 1];              // largest rank of bins 1..4
        for (int i = 1; i < RfmModel.BINS; i++) {
            upper[i - 1] = (int) Math.floor((i * 0.2) * (n - 1)) + 1;
        }
        byte[] bins = new byte[n];
        Arrays.fill(edgesOut, Double.NEGATIVE_INFINITY);
        int rank = 0;
        for (int j = 0; j < n; j++) {
            int idx = perm[j];
            if (ties == RfmOptions.Ties.BY_ID || j == 0 || values[idx] != values[perm[j - 1]]) {
                rank = j + 1;
            }
            int b = 1;
            while (b < RfmModel.BINS && rank > upper[b - 1]) {
                b++;
            }
            bins[idx] = (byte) b;
            if (b < RfmModel.BINS) {
                edgesOut[b - 1] = Math.max(edgesOut[b - 1], values[idx]);
            }
        }
        for (int i = 1; i < RfmModel.BINS - 1; i++) {
            edgesOut[i] = Math.max(edgesOut[i], edgesOut[i - 1]);
        }
        return bins;
    }

    private static double[] toDoubles(int[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }
}
