package dev.retention.rfm;

import dev.retention.data.TransactionLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * RFM analysis: recency, frequency and monetary value per customer, their quintile scores, the
 * weighted score and named segments. The entry point is {@link #compute(TransactionLog, RfmOptions)}.
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
 * <p>O(n) over the log's lines plus O(c log c) over customers; memory O(c + orders).
 */
public final class Rfm {

    private static final Logger LOG = LoggerFactory.getLogger(Rfm.class);
    private static final long DAY = 86_400L;

    private Rfm() {
    }

    /** RFM with {@link RfmOptions#defaults()}. */
    public static RfmTable compute(TransactionLog log) {
        return compute(log, RfmOptions.defaults());
    }

    /**
     * Computes recency, frequency, monetary value, scores and segments of every customer with a
     * purchase before the as-of instant, and fits the {@link RfmScorer} that scores new customers.
     *
     * @param log     read; the customers' purchases (and netted cancellations)
     * @param options read
     * @throws IllegalArgumentException if no customer has a purchase before the as-of instant
     */
    public static RfmTable compute(TransactionLog log, RfmOptions options) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(options, "options");
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
            recency[n] = (int) Math.floorDiv(asOf - last, DAY);
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

        double[] rEdges = new double[RfmScorer.BINS - 1];
        double[] fEdges = new double[RfmScorer.BINS - 1];
        double[] mEdges = new double[RfmScorer.BINS - 1];
        byte[] rBins = RfmScorer.quantileBins(toDoubles(recency), options.ties(), rEdges);
        byte[] fBins = RfmScorer.quantileBins(toDoubles(frequency), options.ties(), fEdges);
        byte[] mBins = RfmScorer.quantileBins(monetary, options.ties(), mEdges);
        for (int i = 0; i < n; i++) {
            rBins[i] = (byte) (RfmScorer.BINS + 1 - rBins[i]);   // fewer days is better
        }
        RfmScorer scorer = RfmScorer.withEdges(rEdges, fEdges, mEdges, options.weights(), options.segments());
        RfmTable table = new RfmTable(log.customers(), rows, recency, frequency, monetary, rBins, fBins, mBins,
                Instant.ofEpochSecond(asOf), options, scorer);
        LOG.info("RFM of {} customers as of {}", n, table.asOf());
        return table;
    }

    private static double[] toDoubles(int[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }
}
