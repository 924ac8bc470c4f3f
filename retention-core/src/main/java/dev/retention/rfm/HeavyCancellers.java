package dev.retention.rfm;

import dev.retention.data.TransactionLog;
import dev.retention.primitive.DoubleList;
import dev.retention.primitive.IndirectSort;
import dev.retention.primitive.IntList;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The customers who cancelled at least a given share of what they bought. With the default purchase rules
 * (cancellations skipped, as the pandas reference computes RFM) their monetary value counts orders they took back:
 * on Online Retail, customer 12346 bought 74,215 units for 77,183.60 and cancelled the order minutes later, and
 * scores M = 5, ranks first by churn risk and third by CLV. This analysis finds them, so that every command can
 * say so; netting cancellations ({@code PurchaseRules.Cancellations.NET}, {@code --net-cancellations}) takes
 * them out of the spend.
 *
 * <p>Bought is the amount of a customer's purchase lines in the log, cancelled {@link
 * TransactionLog#cancelledAmount(int)}; the result is ordered by cancelled amount, largest first, then by id.
 * O(lines + customers log customers).
 *
 * @param share     the share of the bought amount a customer cancelled at least, in (0, 1]
 * @param customers their external ids
 * @param bought    what each bought (the log's purchase lines)
 * @param cancelled what each cancelled
 */
@SuppressWarnings("ArrayRecordComponent")   // arrays are copied in and out; equals, hashCode, toString by content
public record HeavyCancellers(double share, String[] customers, double[] bought, double[] cancelled) {

    /** The share used by the command line: half of what a customer bought. */
    public static final double DEFAULT_SHARE = 0.5;

    /**
     * Checks and copies.
     *
     * @param share     the share of the bought amount a customer cancelled at least, in (0, 1]
     * @param customers their external ids, copied
     * @param bought    what each bought, copied
     * @param cancelled what each cancelled, copied
     * @throws IllegalArgumentException if the share is outside (0, 1] or the arrays differ in length
     */
    public HeavyCancellers {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], got " + share);
        }
        Objects.requireNonNull(customers, "customers");
        if (bought.length != customers.length || cancelled.length != customers.length) {
            throw new IllegalArgumentException("customers, bought and cancelled must have equal lengths, got "
                    + customers.length + ", " + bought.length + ", " + cancelled.length);
        }
        customers = customers.clone();
        bought = bought.clone();
        cancelled = cancelled.clone();
    }

    /**
     * Finds the customers who cancelled at least {@code share} of what they bought.
     *
     * @param log   the log, read with any purchase rules
     * @param share in (0, 1], for example {@link #DEFAULT_SHARE}
     * @return the customers, largest cancelled amount first
     * @throws IllegalArgumentException if the share is outside (0, 1]
     */
    public static HeavyCancellers compute(TransactionLog log, double share) {
        Objects.requireNonNull(log, "log");
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], got " + share);
        }
        IntList found = new IntList();
        DoubleList boughtList = new DoubleList();
        DoubleList cancelledList = new DoubleList();
        for (int c = 0; c < log.customerCount(); c++) {
            double cancelledAmount = log.cancelledAmount(c);
            if (cancelledAmount <= 0) {
                continue;
            }
            double boughtAmount = 0;
            for (int i = log.lineStart(c); i < log.lineEnd(c); i++) {
                if (!log.isCancellation(i)) {
                    boughtAmount += log.amount(i);
                }
            }
            if (cancelledAmount >= share * boughtAmount) {
                found.add(c);
                boughtList.add(boughtAmount);
                cancelledList.add(cancelledAmount);
            }
        }
        int n = found.size();
        double[] key = new double[n];
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            key[k] = -cancelledList.get(k);        // largest first; the stable sort keeps ties in id order
            order[k] = k;
        }
        IndirectSort.sortByKey(order, key);
        String[] ids = new String[n];
        double[] b = new double[n];
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            int j = order[k];
            ids[k] = log.customers().id(found.get(j));
            b[k] = boughtList.get(j);
            x[k] = cancelledList.get(j);
        }
        return new HeavyCancellers(share, ids, b, x);
    }

    /** {@return the number of customers found} */
    public int size() {
        return customers.length;
    }

    /** {@return their external ids, largest cancelled amount first; a copy} */
    @Override
    public String[] customers() {
        return customers.clone();
    }

    /** {@return what each bought; a copy} */
    @Override
    public double[] bought() {
        return bought.clone();
    }

    /** {@return what each cancelled; a copy} */
    @Override
    public double[] cancelled() {
        return cancelled.clone();
    }

    /**
     * One line for a command's output: how many customers, the first few with what they bought and cancelled, and
     * what to do about it; empty when there are none.
     *
     * @param shown how many customers to name, at least 0
     * @return the line, or an empty string
     */
    public String summary(int shown) {
        if (customers.length == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%,d customer%s cancelled at least %.0f%% of what they bought", customers.length,
                customers.length == 1 ? "" : "s", share * 100));
        int k = Math.min(shown, customers.length);
        for (int i = 0; i < k; i++) {
            sb.append(i == 0 ? " (" : "; ").append(String.format(Locale.ROOT, "%s: %,.2f of %,.2f", customers[i],
                    cancelled[i], bought[i]));
        }
        if (k > 0) {
            sb.append(customers.length > k ? "; ...)" : ")");
        }
        return sb.append("; their monetary value counts the cancelled orders unless cancellations are netted"
                + " (--net-cancellations)").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeavyCancellers h && Double.compare(h.share, share) == 0
                && Arrays.equals(h.customers, customers) && Arrays.equals(h.bought, bought)
                && Arrays.equals(h.cancelled, cancelled);
    }

    @Override
    public int hashCode() {
        return Objects.hash(share, Arrays.hashCode(customers), Arrays.hashCode(bought), Arrays.hashCode(cancelled));
    }

    @Override
    public String toString() {
        return summary(customers.length);
    }
}
