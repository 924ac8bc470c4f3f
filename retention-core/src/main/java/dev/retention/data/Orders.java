package dev.retention.data;

import java.util.Arrays;
import java.util.Locale;

/**
 * The distinct orders of a {@link TransactionLog}: for each order its customer, its first timestamp,
 * its amount (sum of its lines), its quantity and its number of lines. Sorted by customer, then time,
 * then first appearance, so the orders of customer {@code c} are
 * {@code [orderStart(c), orderEnd(c))} in chronological order. Immutable.
 *
 * <p>An order id shared by two customers (bad data) yields one order per customer, which matches
 * counting distinct invoices per customer. Derived in O(n) time from the log's lines.
 */
public final class Orders {

    private final int[] customer;
    private final int[] order;
    private final long[] time;
    private final double[] amount;
    private final double[] quantity;
    private final int[] lines;
    private final boolean[] cancellation;
    private final int[] customerStart;

    private Orders(int[] customer, int[] order, long[] time, double[] amount, double[] quantity, int[] lines,
                   boolean[] cancellation, int[] customerStart) {
        this.customer = customer;
        this.order = order;
        this.time = time;
        this.amount = amount;
        this.quantity = quantity;
        this.lines = lines;
        this.cancellation = cancellation;
        this.customerStart = customerStart;
    }

    static Orders of(TransactionLog log, boolean includeCancellations) {
        int n = log.size();
        int nCust = log.customerCount();
        int[] slotOf = new int[log.orderCount()];
        Arrays.fill(slotOf, -1);
        int[] customer = new int[n];
        int[] order = new int[n];
        long[] time = new long[n];
        double[] amount = new double[n];
        double[] quantity = new double[n];
        int[] lines = new int[n];
        boolean[] cancel = new boolean[n];
        int[] start = new int[nCust + 1];
        int count = 0;
        for (int c = 0; c < nCust; c++) {
            int first = count;
            int end = log.lineEnd(c);
            for (int i = log.lineStart(c); i < end; i++) {
                boolean cancelled = log.isCancellation(i);
                if (cancelled && !includeCancellations) {
                    continue;
                }
                int o = log.order(i);
                int slot = slotOf[o];
                if (slot < first) {          // not yet seen for this customer (stale slots are < first)
                    slot = count++;
                    slotOf[o] = slot;
                    customer[slot] = c;
                    order[slot] = o;
                    time[slot] = log.time(i);
                    cancel[slot] = cancelled;
                }
                amount[slot] += log.amount(i);
                quantity[slot] += log.quantity(i);
                lines[slot]++;
                cancel[slot] &= cancelled;
            }
            start[c + 1] = count;
        }
        return new Orders(Arrays.copyOf(customer, count), Arrays.copyOf(order, count), Arrays.copyOf(time, count),
                Arrays.copyOf(amount, count), Arrays.copyOf(quantity, count), Arrays.copyOf(lines, count),
                Arrays.copyOf(cancel, count), start);
    }

    /** {@return the number of orders} */
    public int size() {
        return customer.length;
    }

    /** {@return the number of customers of the log (some may have no order here if only cancellations were asked)} */
    public int customerCount() {
        return customerStart.length - 1;
    }

    /**
     * {@return the dense customer index of an order}
     *
     * @param o order, in [0, size())
     */
    public int customer(int o) {
        return customer[o];
    }

    /**
     * {@return the dense order index (in the log's {@link TransactionLog#orders() order ids}) of an order}
     *
     * @param o order, in [0, size())
     */
    public int orderId(int o) {
        return order[o];
    }

    /**
     * {@return the timestamp of the order's first line, epoch seconds}
     *
     * @param o order, in [0, size())
     */
    public long time(int o) {
        return time[o];
    }

    /**
     * {@return the sum of the order's line amounts}
     *
     * @param o order, in [0, size())
     */
    public double amount(int o) {
        return amount[o];
    }

    /**
     * {@return the sum of the order's line quantities}
     *
     * @param o order, in [0, size())
     */
    public double quantity(int o) {
        return quantity[o];
    }

    /**
     * {@return the number of lines of the order}
     *
     * @param o order, in [0, size())
     */
    public int lineCount(int o) {
        return lines[o];
    }

    /**
     * {@return whether every line of the order is a netted cancellation}
     *
     * @param o order, in [0, size())
     */
    public boolean isCancellation(int o) {
        return cancellation[o];
    }

    /**
     * {@return the first order of a customer}
     *
     * @param customer dense customer index of the log
     */
    public int orderStart(int customer) {
        return customerStart[customer];
    }

    /**
     * {@return one past the last order of a customer}
     *
     * @param customer dense customer index of the log
     */
    public int orderEnd(int customer) {
        return customerStart[customer + 1];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Orders: %,d orders of %,d customers", size(), customerCount());
    }
}
