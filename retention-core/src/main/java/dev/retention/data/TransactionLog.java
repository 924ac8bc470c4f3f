package dev.retention.data;

import dev.retention.model.DataFingerprint;
import dev.retention.primitive.DoubleList;
import dev.retention.primitive.IndirectSort;
import dev.retention.primitive.IntList;
import dev.retention.primitive.LongList;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A shop's order lines in columnar form: for each line the customer, the order, the item, the
 * timestamp, the quantity, the unit price and the amount ({@code quantity * unitPrice}, or the amount
 * given by the source). Immutable and thread-safe.
 *
 * <p>Lines are sorted by customer, then time, then input order. Customers, orders and items are
 * dense ints whose {@link IdIndex}es are in the natural order of the external ids (numeric order for
 * numeric ids), so that "ties broken by customer id" means ties broken by dense index. Timestamps are
 * epoch seconds; {@link #zone()} is the time zone in which local dates of the source were read and in
 * which calendar days and months (cohorts) are counted.
 *
 * <p>Only purchases are kept, by the {@link PurchaseRules} of the builder; {@link #lineCounts()}
 * tells how many lines were skipped and why. With {@link PurchaseRules.Cancellations#NET}, netted
 * cancellation lines are kept too, with negative quantity and amount, and
 * {@link #isCancellation(int)} tells them apart.
 *
 * <p>Memory: 44 bytes per line plus the id indexes. Built by {@link #builder()} in O(n) time for
 * input that is already in time order per customer (O(n log n) otherwise); the builder holds 44 bytes per line
 * (more while its columns grow, unless told how many lines come by {@link Builder#expectLines(int)}) and about 60
 * at the peak of {@link Builder#build()}, besides the ids.
 */
public final class TransactionLog {

    /**
     * The largest magnitude of a quantity, unit price or amount a log takes, 1e15 (a thousand trillion):
     * a quantity times a price stays below 1e30 and the sum of any customer's lines finite, so that no
     * monetary value becomes infinite. The readers refuse larger numbers with their file and line.
     */
    public static final double MAX_MAGNITUDE = 1e15;

    private final IdIndex customers;
    private final IdIndex orders;
    private final IdIndex items;
    private final int[] customer;
    private final int[] order;
    private final int[] item;          // -1 where the source has no item
    private final long[] time;
    private final double[] quantity;
    private final double[] unitPrice;
    private final double[] amount;
    private final boolean[] cancellation;  // null when no line is a netted cancellation
    private final double[] skippedCancelled;   // per customer, the amount of their skipped cancellation lines; or null
    private final int[] customerStart;     // lines of customer c are [customerStart[c], customerStart[c+1])
    private final ZoneId zone;
    private final LineCounts lineCounts;
    private volatile DataFingerprint fingerprint;   // computed on first use

    private TransactionLog(IdIndex customers, IdIndex orders, IdIndex items, int[] customer, int[] order,
                           int[] item, long[] time, double[] quantity, double[] unitPrice, double[] amount,
                           boolean[] cancellation, double[] skippedCancelled, ZoneId zone, LineCounts lineCounts) {
        this.customers = customers;
        this.orders = orders;
        this.items = items;
        this.customer = customer;
        this.order = order;
        this.item = item;
        this.time = time;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.amount = amount;
        this.cancellation = cancellation;
        this.skippedCancelled = skippedCancelled;
        this.zone = zone;
        this.lineCounts = lineCounts;
        this.customerStart = new int[customers.size() + 1];
        for (int c : customer) {
            customerStart[c + 1]++;
        }
        for (int c = 0; c < customers.size(); c++) {
            customerStart[c + 1] += customerStart[c];
        }
    }

    /** {@return a builder with the {@link PurchaseRules#defaults() default purchase rules}} */
    public static Builder builder() {
        return new Builder(PurchaseRules.defaults());
    }

    /**
     * {@return a builder with the given purchase rules}
     *
     * @param rules which lines are kept, skipped or netted
     */
    public static Builder builder(PurchaseRules rules) {
        return new Builder(Objects.requireNonNull(rules, "rules"));
    }

    /** {@return the number of kept lines} */
    public int size() {
        return customer.length;
    }

    /** {@return whether the log has no lines} */
    public boolean isEmpty() {
        return customer.length == 0;
    }

    /** {@return the number of distinct customers (each has at least one purchase)} */
    public int customerCount() {
        return customers.size();
    }

    /** {@return the number of distinct orders, cancellations included when netted} */
    public int orderCount() {
        return orders.size();
    }

    /** {@return the number of distinct items; 0 when the source has no item column} */
    public int itemCount() {
        return items.size();
    }

    /** {@return whether lines carry items (CDNOW, for instance, does not)} */
    public boolean hasItems() {
        return items.size() > 0;
    }

    /** {@return the customer ids, in natural order of the external ids} */
    public IdIndex customers() {
        return customers;
    }

    /** {@return the order ids, in natural order of the external ids} */
    public IdIndex orders() {
        return orders;
    }

    /** {@return the item ids, in natural order of the external ids} */
    public IdIndex items() {
        return items;
    }

    /**
     * {@return the dense customer index of a line}
     *
     * @param line line, in [0, size())
     */
    public int customer(int line) {
        return customer[line];
    }

    /**
     * {@return the dense order index of a line}
     *
     * @param line line, in [0, size())
     */
    public int order(int line) {
        return order[line];
    }

    /**
     * {@return the dense item index of a line, or {@code -1} when the source has no items}
     *
     * @param line line, in [0, size())
     */
    public int item(int line) {
        return item[line];
    }

    /**
     * {@return the timestamp of a line, in epoch seconds}
     *
     * @param line line, in [0, size())
     */
    public long time(int line) {
        return time[line];
    }

    /**
     * {@return the quantity of a line; negative for a netted cancellation}
     *
     * @param line line, in [0, size())
     */
    public double quantity(int line) {
        return quantity[line];
    }

    /**
     * {@return the unit price of a line; positive, or 0 when the rules keep zero prices}
     *
     * @param line line, in [0, size())
     */
    public double unitPrice(int line) {
        return unitPrice[line];
    }

    /**
     * {@return the amount of a line (quantity times unit price); negative for a netted cancellation}
     *
     * @param line line, in [0, size())
     */
    public double amount(int line) {
        return amount[line];
    }

    /**
     * {@return whether the line is a netted cancellation (always false unless cancellations are netted)}
     *
     * @param line line, in [0, size())
     */
    public boolean isCancellation(int line) {
        return cancellation != null && cancellation[line];
    }

    /**
     * The amount a customer cancelled (positive): the cancellation lines the purchase rules skipped (the
     * default) and the netted ones they kept ({@link PurchaseRules.Cancellations#NET}). With the default rules a
     * customer's spend counts orders they later cancelled; {@code dev.retention.rfm.HeavyCancellers} finds the
     * customers for whom that matters.
     *
     * @param customer customer index, in [0, customerCount())
     * @return the cancelled amount, 0 if none
     */
    public double cancelledAmount(int customer) {
        Objects.checkIndex(customer, customers.size());
        double sum = skippedCancelled == null ? 0 : skippedCancelled[customer];
        if (cancellation != null) {
            for (int i = customerStart[customer]; i < customerStart[customer + 1]; i++) {
                if (cancellation[i]) {
                    sum -= amount[i];
                }
            }
        }
        return sum;
    }

    /** {@return whether any line is a netted cancellation} */
    public boolean hasCancellations() {
        return cancellation != null;
    }

    /**
     * {@return the first line of a customer; the customer's lines are {@code [lineStart(c), lineEnd(c))}}
     *
     * @param customer dense customer index, in [0, customers().size())
     */
    public int lineStart(int customer) {
        return customerStart[customer];
    }

    /**
     * {@return one past the last line of a customer}
     *
     * @param customer dense customer index, in [0, customers().size())
     */
    public int lineEnd(int customer) {
        return customerStart[customer + 1];
    }

    /** {@return the time zone in which the source's local times were read and calendar periods are counted} */
    public ZoneId zone() {
        return zone;
    }

    /** {@return lines read, kept and skipped by reason} */
    public LineCounts lineCounts() {
        return lineCounts;
    }

    /** {@return the earliest timestamp (epoch seconds) of any line} */
    public long minTime() {
        requireNonEmpty();
        long min = Long.MAX_VALUE;
        for (long t : time) {
            min = Math.min(min, t);
        }
        return min;
    }

    /** {@return the latest timestamp (epoch seconds) of any purchase line (netted cancellations excluded)} */
    public long maxPurchaseTime() {
        requireNonEmpty();
        long max = Long.MIN_VALUE;
        for (int i = 0; i < time.length; i++) {
            if (!isCancellation(i)) {
                max = Math.max(max, time[i]);
            }
        }
        return max;
    }

    /** {@return the timestamps of all lines, copied} */
    public long[] times() {
        return time.clone();
    }

    /** {@return the amounts of all lines, copied} */
    public double[] amounts() {
        return amount.clone();
    }

    /** {@return the customer of every line, copied} */
    public int[] customerColumn() {
        return customer.clone();
    }

    /** {@return the item of every line, copied} */
    public int[] itemColumn() {
        return item.clone();
    }

    /**
     * {@return the distinct orders, with their customer, first timestamp, amount and number of lines, sorted
     * by customer then time} O(n) time.
     *
     * @param includeCancellations whether orders made only of netted cancellations are listed
     */
    public Orders orders(boolean includeCancellations) {
        return Orders.of(this, includeCancellations);
    }

    /**
     * {@return the lines with a timestamp strictly before {@code end} (epoch seconds), as a new log with the
     * same zone; customers left with no purchase are dropped} The new log's {@link #lineCounts()}
     * count its own lines (netted cancellations of dropped customers as skipped cancellations), not
     * those of the source. Used for calibration periods and leakage-free features. O(n log n).
     *
     * @param end first excluded time, epoch seconds
     */
    public TransactionLog before(long end) {
        Builder b = new Builder(PurchaseRules.defaults().withCancellations(
                hasCancellations() ? PurchaseRules.Cancellations.NET : PurchaseRules.Cancellations.SKIP));
        b.zone(zone);
        for (int i = 0; i < time.length; i++) {
            if (time[i] < end) {
                b.addKept(customers.id(customer[i]), orders.id(order[i]),
                        item[i] < 0 ? null : items.id(item[i]), time[i], quantity[i], unitPrice[i], amount[i],
                        isCancellation(i));
            }
        }
        return b.build();
    }

    /**
     * {@return the shape and a checksum of the log, computed on first use and cached: what a model fitted on it records
     * in
     * its {@link dev.retention.model.FitSummary}, so that a service can tell which data a saved model saw} Rows are
     * the kept lines, in the log's order; the eight columns are each line's customer, order and item (dense
     * indexes), time, quantity, unit price, amount and cancellation flag. The checksum also covers the log's
     * zone and the external ids of its three id indexes, so two logs that differ only in their ids or zone
     * differ; the {@link #lineCounts()} of skipped lines are not covered (the model never saw those lines).
     * O(lines + ids) the first time, O(1) after. Thread-safe.
     */
    public DataFingerprint fingerprint() {
        DataFingerprint f = fingerprint;
        if (f == null) {
            DataFingerprint.Hasher h = DataFingerprint.hasher(time.length, 8);
            for (int i = 0; i < time.length; i++) {
                h.add(customer[i]).add(order[i]).add(item[i]).add(time[i]).add(quantity[i]).add(unitPrice[i])
                        .add(amount[i]).add(isCancellation(i) ? 1 : 0);
            }
            h.add(zone.getId());
            customers.addTo(h);
            orders.addTo(h);
            items.addTo(h);
            f = h.finish();
            fingerprint = f;
        }
        return f;
    }

    private void requireNonEmpty() {
        if (isEmpty()) {
            throw new IllegalStateException("the transaction log is empty");
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "TransactionLog: %,d lines, %,d customers, %,d orders, %,d items", size(),
                customerCount(), orderCount(), itemCount()));
        if (!isEmpty()) {
            sb.append(String.format(Locale.ROOT, ", %s .. %s (%s)", local(minTime()), local(maxPurchaseTime()), zone));
        }
        sb.append('\n').append(lineCounts).append('\n');
        int shown = Math.min(size(), 5);
        if (shown > 0) {
            sb.append(String.format(Locale.ROOT, "%-12s %-12s %-12s %-16s %10s %10s %12s%n", "customer", "order", "item", "time",
                    "quantity", "price", "amount"));
            for (int i = 0; i < shown; i++) {
                sb.append(String.format(Locale.ROOT, "%-12s %-12s %-12s %-16s %10.2f %10.2f %12.2f%n", customers.id(customer[i]),
                        orders.id(order[i]), item[i] < 0 ? "-" : items.id(item[i]), local(time[i]), quantity[i],
                        unitPrice[i], amount[i]));
            }
            if (size() > shown) {
                sb.append("...\n");
            }
        }
        return sb.toString();
    }

    private String local(long epochSecond) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), zone).toString().replace('T', ' ');
    }

    /**
     * Collects order lines, applies the {@link PurchaseRules} as lines arrive and counts what it
     * skips, then sorts and indexes the kept lines in {@link #build()}. Not thread-safe; one use.
     */
    public static final class Builder {
        private final PurchaseRules rules;
        // let go of in build(), so that the builder's ids are not held next to the log's
        private IdIndex.Builder customerIds = IdIndex.builder();
        private IdIndex.Builder orderIds = IdIndex.builder();
        private IdIndex.Builder itemIds = IdIndex.builder();
        private final IntList customer = new IntList();
        private final IntList order = new IntList();
        private final IntList item = new IntList();
        private final LongList time = new LongList();
        private final DoubleList quantity = new DoubleList();
        private final DoubleList unitPrice = new DoubleList();
        private final DoubleList amount = new DoubleList();
        private final IntList cancelledLines = new IntList();
        private final Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
        private final Map<String, Double> skippedCancelledSpend = new java.util.HashMap<>();
        private ZoneId zone = ZoneOffset.UTC;
        private boolean built;

        private Builder(PurchaseRules rules) {
            this.rules = rules;
        }

        /** {@return the purchase rules this builder applies} */
        public PurchaseRules rules() {
            return rules;
        }

        /**
         * Sets the time zone of the log (default UTC); see {@link TransactionLog#zone()}.
         *
         * @param zone the zone of calendar periods and dates
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Makes room for this many kept lines, so that the builder's columns grow no further than the need while
         * they come (a reader that knows the number of lines gives it); a hint: more lines still fit, fewer leave
         * the room unused until {@link #build()}. Kept lines take 44 bytes each in the builder.
         *
         * @param lines the number of lines expected, in {@code [0, Integer.MAX_VALUE - 8]}
         * @return this builder
         * @throws IllegalArgumentException if {@code lines} is negative or more than an array holds
         * @throws IllegalStateException    if {@link #build()} was already called
         */
        public Builder expectLines(int lines) {
            requireNotBuilt();
            if (lines < 0 || lines > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("lines must be in [0, " + (Integer.MAX_VALUE - 8) + "], got "
                        + lines);
            }
            customer.ensureCapacity(lines);
            order.ensureCapacity(lines);
            item.ensureCapacity(lines);
            time.ensureCapacity(lines);
            quantity.ensureCapacity(lines);
            unitPrice.ensureCapacity(lines);
            amount.ensureCapacity(lines);
            return this;
        }

        /**
         * Adds an order line, or counts it as skipped by the purchase rules.
         *
         * @param customerId  external customer id; {@code null} or blank means missing
         * @param orderId     external order (invoice) id; must not be null
         * @param itemId      external item id, or {@code null} when the source has no items
         * @param epochSecond timestamp
         * @param quantity    units bought; finite, at most {@link #MAX_MAGNITUDE} in magnitude
         * @param unitPrice   price of one unit; finite, at most {@link #MAX_MAGNITUDE} in magnitude
         * @param cancellation whether the line belongs to a cancelled order
         * @return {@code null} if the line was kept, else the reason it was skipped
         * @throws IllegalArgumentException if the order id is null or a number is not finite or too large
         * @throws IllegalStateException    if {@link #build()} was already called
         */
        public SkipReason add(String customerId, String orderId, String itemId, long epochSecond, double quantity,
                              double unitPrice, boolean cancellation) {
            checkFinite("quantity", quantity);
            checkFinite("unitPrice", unitPrice);
            return addChecked(customerId, orderId, itemId, epochSecond, quantity, unitPrice, quantity * unitPrice,
                    cancellation);
        }

        /**
         * Adds a purchase line that is not a cancellation; see {@link #add(String, String, String, long, double,
         * double, boolean)}.
         *
         * @param customerId  external customer id; {@code null} or blank means missing
         * @param orderId     external order (invoice) id; must not be null
         * @param itemId      external item id, or {@code null} when the source has no items
         * @param epochSecond timestamp
         * @param quantity    units bought; finite, at most {@link #MAX_MAGNITUDE} in magnitude
         * @param unitPrice   price of one unit; finite, at most {@link #MAX_MAGNITUDE} in magnitude
         * @return {@code null} if the line was kept, else the reason it was skipped
         */
        public SkipReason add(String customerId, String orderId, String itemId, long epochSecond, double quantity,
                              double unitPrice) {
            return add(customerId, orderId, itemId, epochSecond, quantity, unitPrice, false);
        }

        /**
         * Adds an order line for a source that gives the line's amount rather than its unit price
         * (CDNOW); the unit price is {@code amount / quantity}, and the price rule applies to the
         * amount: a purchase with a positive quantity and an amount of zero or less is skipped as
         * {@link SkipReason#NON_POSITIVE_PRICE}. Sources write cancellations with either sign, so for a
         * cancellation line the unit price is {@code |amount / quantity|}.
         *
         * @param customerId   external customer id; {@code null} or blank means missing
         * @param orderId      external order (invoice) id; must not be null
         * @param itemId       external item id, or {@code null} when the source has no items
         * @param epochSecond  timestamp
         * @param quantity     units bought; finite, at most {@link #MAX_MAGNITUDE} in magnitude
         * @param amount       the line's amount, quantity times unit price; finite, at most
         *                     {@link #MAX_MAGNITUDE} in magnitude
         * @param cancellation whether the line belongs to a cancelled order
         * @return {@code null} if the line was kept, else the reason it was skipped
         * @throws IllegalArgumentException if the order id is null or a number is not finite or too large
         * @throws IllegalStateException    if {@link #build()} was already called
         */
        public SkipReason addWithAmount(String customerId, String orderId, String itemId, long epochSecond,
                                        double quantity, double amount, boolean cancellation) {
            checkFinite("quantity", quantity);
            checkFinite("amount", amount);
            // a purchase keeps the sign of its amount, so that a non-positive amount fails the price rule;
            // a cancellation may give its quantity and amount with either sign
            double price = quantity == 0 ? amount : cancellation ? Math.abs(amount / quantity) : amount / quantity;
            return addChecked(customerId, orderId, itemId, epochSecond, quantity, price,
                    Math.signum(quantity) * Math.abs(amount), cancellation);
        }

        /**
         * Counts a record that could not be parsed and was skipped (lenient reading).
         *
         * @throws IllegalStateException if {@link #build()} was already called
         */
        public void countMalformed() {
            requireNotBuilt();
            skipped.merge(SkipReason.MALFORMED, 1L, Long::sum);
        }

        /** {@return lines kept so far} */
        public int keptCount() {
            return customer.size();
        }

        private SkipReason addChecked(String customerId, String orderId, String itemId, long epochSecond,
                                      double quantity, double unitPrice, double lineAmount, boolean cancellation) {
            requireNotBuilt();
            if (orderId == null) {
                throw new IllegalArgumentException("orderId must not be null, got null for customer "
                        + (customerId == null ? "null" : "'" + customerId + "'") + " at epoch second " + epochSecond);
            }
            SkipReason reason = classify(customerId, quantity, unitPrice, cancellation);
            if (reason != null) {
                skipped.merge(reason, 1L, Long::sum);
                if (reason == SkipReason.CANCELLATION) {   // kept aside, so that heavy cancellers can be found
                    skippedCancelledSpend.merge(customerId, Math.abs(lineAmount), Double::sum);
                }
                return reason;
            }
            if (cancellation) {
                double q = -Math.abs(quantity);
                addKept(customerId, orderId, itemId, epochSecond, q, unitPrice, q * unitPrice, true);
            } else {
                addKept(customerId, orderId, itemId, epochSecond, quantity, unitPrice, lineAmount, false);
            }
            return null;
        }

        private SkipReason classify(String customerId, double quantity, double unitPrice, boolean cancellation) {
            if (customerId == null || customerId.isBlank()) {
                return SkipReason.MISSING_CUSTOMER;
            }
            if (cancellation) {
                if (rules.cancellations() == PurchaseRules.Cancellations.SKIP) {
                    return SkipReason.CANCELLATION;
                }
                if (quantity == 0) {
                    return SkipReason.NON_POSITIVE_QUANTITY;
                }
            } else if (!(quantity > 0)) {
                return SkipReason.NON_POSITIVE_QUANTITY;
            }
            if (!(unitPrice > 0) && !(unitPrice == 0 && rules.keepZeroPrice())) {
                return SkipReason.NON_POSITIVE_PRICE;
            }
            return null;
        }

        private void addKept(String customerId, String orderId, String itemId, long epochSecond, double q,
                             double price, double lineAmount, boolean cancelled) {
            requireNotBuilt();
            int line = customer.size();
            customer.add(customerIds.add(customerId));
            order.add(orderIds.add(orderId));
            item.add(itemId == null ? -1 : itemIds.add(itemId));
            time.add(epochSecond);
            quantity.add(q);
            unitPrice.add(price);
            amount.add(lineAmount);
            if (cancelled) {
                cancelledLines.add(line);
            }
        }

        private void requireNotBuilt() {
            if (built) {
                throw new IllegalStateException("build() was already called on this builder");
            }
        }

        private static void checkFinite(String name, double v) {
            if (!(Math.abs(v) <= MAX_MAGNITUDE)) {
                throw new IllegalArgumentException(name + " must be finite and within +-" + MAX_MAGNITUDE
                        + " (TransactionLog.MAX_MAGNITUDE), got " + v);
            }
        }

        /**
         * Sorts and indexes the kept lines. Netted cancellation lines of customers who have no purchase
         * are dropped and counted under {@link SkipReason#CANCELLATION}. The builder hands its columns over
         * rather than copying them and gathers the sorted columns one at a time, so that at its peak it holds
         * about 60 bytes per line besides the ids (the columns once, the sort permutation, one sorted column).
         *
         * @return the log, sorted by customer then time
         * @throws IllegalStateException if called twice
         */
        public TransactionLog build() {
            requireNotBuilt();
            built = true;
            int n = customer.size();
            int[] cust = customer.toArrayAndClear();
            int[] ord = order.toArrayAndClear();
            int[] itm = item.toArrayAndClear();
            long[] t = time.toArrayAndClear();

            // 1. A customer needs at least one purchase line; cancellation-only customers lose their lines.
            boolean[] keep = new boolean[n];
            Arrays.fill(keep, true);
            boolean[] isCancel = new boolean[n];
            for (int i = 0; i < cancelledLines.size(); i++) {
                isCancel[cancelledLines.get(i)] = true;
            }
            int droppedCancels = 0;
            if (!cancelledLines.isEmpty()) {
                boolean[] buys = new boolean[customerIds.size()];
                for (int i = 0; i < n; i++) {
                    if (!isCancel[i]) {
                        buys[cust[i]] = true;
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (!buys[cust[i]]) {
                        keep[i] = false;
                        droppedCancels++;
                    }
                }
            }

            // 2. Dense ids in natural order of the external ids, over kept lines only; one id kind at a time,
            //    letting go of the builder's ids as soon as they are indexed.
            int[] custMap = markUsed(customerIds.size(), cust, keep, n);
            IdIndex custIndex = subsetSorted(customerIds.build(), custMap);
            customerIds = null;
            int[] ordMap = markUsed(orderIds.size(), ord, keep, n);
            IdIndex ordIndex = subsetSorted(orderIds.build(), ordMap);
            orderIds = null;
            int[] itmMap = markUsed(itemIds.size(), itm, keep, n);
            IdIndex itmIndex = subsetSorted(itemIds.build(), itmMap);
            itemIds = null;

            // 3. Stable counting sort by customer, then a stable sort by time inside each customer.
            int nCust = custIndex.size();
            int[] start = new int[nCust + 1];
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if (keep[i]) {
                    start[custMap[cust[i]] + 1]++;
                    kept++;
                }
            }
            for (int c = 0; c < nCust; c++) {
                start[c + 1] += start[c];
            }
            int[] perm = new int[kept];
            int[] fill = Arrays.copyOf(start, nCust);
            for (int i = 0; i < n; i++) {
                if (keep[i]) {
                    perm[fill[custMap[cust[i]]]++] = i;
                }
            }
            for (int c = 0; c < nCust; c++) {
                sortByTime(perm, start[c], start[c + 1], t);
            }

            // 4. Gather the columns in sorted order, one at a time, each source let go of once gathered.
            int[] outCust = gather(perm, cust, custMap);
            cust = null;
            int[] outOrd = gather(perm, ord, ordMap);
            ord = null;
            int[] outItem = gather(perm, itm, itmMap);
            itm = null;
            long[] outTime = new long[kept];
            for (int j = 0; j < kept; j++) {
                outTime[j] = t[perm[j]];
            }
            t = null;
            double[] outQty = gather(perm, quantity.toArrayAndClear());
            double[] outPrice = gather(perm, unitPrice.toArrayAndClear());
            double[] outAmount = gather(perm, amount.toArrayAndClear());
            boolean[] outCancel = new boolean[kept];
            boolean anyCancel = false;
            for (int j = 0; j < kept; j++) {
                outCancel[j] = isCancel[perm[j]];
                anyCancel |= outCancel[j];
            }

            Map<SkipReason, Long> skip = new EnumMap<>(skipped);
            skip.merge(SkipReason.CANCELLATION, (long) droppedCancels, Long::sum);
            int netted = 0;
            for (boolean c : outCancel) {
                netted += c ? 1 : 0;
            }
            LineCounts counts = LineCounts.of(kept, netted, skip);
            double[] cancelledSpend = null;
            if (!skippedCancelledSpend.isEmpty()) {
                cancelledSpend = new double[nCust];
                for (Map.Entry<String, Double> e : skippedCancelledSpend.entrySet()) {
                    int c = custIndex.indexOf(e.getKey());
                    if (c >= 0) {                   // a customer with purchases
                        cancelledSpend[c] += e.getValue();
                    }
                }
            }
            return new TransactionLog(custIndex, ordIndex, itmIndex, outCust, outOrd, outItem, outTime, outQty,
                    outPrice, outAmount, anyCancel ? outCancel : null, cancelledSpend, zone, counts);
        }

        /** The column's dense ids of the lines in {@code perm}, mapped; -1 (no item) stays -1. */
        private static int[] gather(int[] perm, int[] column, int[] map) {
            int[] out = new int[perm.length];
            for (int j = 0; j < perm.length; j++) {
                int v = column[perm[j]];
                out[j] = v < 0 ? -1 : map[v];
            }
            return out;
        }

        /** The column's values of the lines in {@code perm}. */
        private static double[] gather(int[] perm, double[] column) {
            double[] out = new double[perm.length];
            for (int j = 0; j < perm.length; j++) {
                out[j] = column[perm[j]];
            }
            return out;
        }

        /** Marks the ids used by kept lines: 0 for used, -1 for unused. */
        private static int[] markUsed(int ids, int[] column, boolean[] keep, int n) {
            int[] map = new int[ids];
            Arrays.fill(map, -1);
            for (int i = 0; i < n; i++) {
                if (keep[i] && column[i] >= 0) {
                    map[column[i]] = 0;
                }
            }
            return map;
        }

        /**
         * The sorted index of the used ids; rewrites {@code map} in place from "used" markers (0 or -1)
         * to old id -> new dense id in natural order.
         */
        private static IdIndex subsetSorted(IdIndex all, int[] map) {
            int used = 0;
            for (int m : map) {
                used += m == 0 ? 1 : 0;
            }
            int[] usedIds = new int[used];
            int k = 0;
            for (int i = 0; i < map.length; i++) {
                if (map[i] == 0) {
                    usedIds[k++] = i;
                }
            }
            // the builder saw every id, also those of skipped-after-all lines (cancellation-only
            // customers): without them the ids may all be numbers, to be sorted as numbers; when every id is
            // used (the usual case), the index is its own subset and is not copied
            IdIndex subset = (used == map.length ? all : all.subset(usedIds)).numericIfCanonical();
            int[] subsetToSorted = new int[used];
            IdIndex sorted = subset.sorted(subsetToSorted);
            for (int j = 0; j < used; j++) {
                map[usedIds[j]] = subsetToSorted[j];
            }
            return sorted;
        }

        /** Stable sort of perm[from, to) by time; a no-op pass when already sorted (the usual case). */
        private static void sortByTime(int[] perm, int from, int to, long[] t) {
            for (int j = from + 1; j < to; j++) {
                if (t[perm[j]] < t[perm[j - 1]]) {
                    IndirectSort.sort(perm, from, to,
                            (x, y) -> x == y ? 0 : (t[x] != t[y] ? Long.compare(t[x], t[y]) : Integer.compare(x, y)));
                    return;
                }
            }
        }
    }
}
