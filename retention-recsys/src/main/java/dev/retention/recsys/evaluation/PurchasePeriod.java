package dev.retention.recsys.evaluation;

import dev.retention.data.IdIndex;
import dev.retention.data.TransactionLog;
import dev.retention.primitive.IntList;
import dev.retention.recsys.Ratings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A later period of a shop's orders on which to score top-N recommenders fitted on the orders before it: the
 * purchase counts before the period ({@link #train()}, {@link Ratings#ofPurchases}), and the customers known
 * then who, during the period, bought an item new to them, with those items. {@link HitRate#compute} scores a
 * recommender on it. Immutable.
 *
 * <p>An item new to the shop (first sold during the period) counts as bought, so its buyer counts, but no
 * recommender fitted before the period can recommend it: such customers are a miss for every recommender, as
 * they are in practice. Cancellations and lines without an item are not purchases.
 */
public final class PurchasePeriod {

    private final Instant start;
    private final Instant end;
    private final Ratings train;
    private final int[] customers;
    private final int[][] newItems;

    private PurchasePeriod(Instant start, Instant end, Ratings train, int[] customers, int[][] newItems) {
        this.start = start;
        this.end = end;
        this.train = train;
        this.customers = customers;
        this.newItems = newItems;
    }

    /**
     * {@return the period {@code [start, end)} of a log} O(lines + items).
     *
     * @param log   read; must have items and purchases before {@code start}
     * @param start first instant of the period; the training purchases are those strictly before it
     * @param end   end of the period, exclusive, after {@code start}
     * @throws IllegalArgumentException if the log has no items, no purchase before {@code start}, or
     *                                  {@code end} is not after {@code start}
     */
    public static PurchasePeriod of(TransactionLog log, Instant start, Instant end) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start, got start " + start + " and end " + end);
        }
        long from = start.getEpochSecond();
        long to = end.getEpochSecond();
        TransactionLog before = log.before(from);
        if (before.isEmpty()) {
            throw new IllegalArgumentException("the log has no purchase before " + start
                    + ", so there is nothing to fit a recommender on");
        }
        Ratings train = Ratings.ofPurchases(before);
        IdIndex items = before.items();
        int itemCount = train.itemCount();
        boolean[] seen = new boolean[itemCount];
        IntList customers = new IntList();
        List<int[]> bought = new ArrayList<>();
        for (int u = 0; u < train.userCount(); u++) {
            for (int p = train.byUser().rowStart(u); p < train.byUser().rowEnd(u); p++) {
                seen[train.item(p)] = true;
            }
            int c = log.customers().indexOf(before.customers().id(u));
            int[] found = new int[log.lineEnd(c) - log.lineStart(c)];
            int count = 0;
            boolean any = false;
            for (int l = log.lineStart(c); l < log.lineEnd(c); l++) {
                long t = log.time(l);
                if (t < from || t >= to || log.isCancellation(l) || log.item(l) < 0) {
                    continue;
                }
                int j = items.indexOf(log.items().id(log.item(l)));
                if (j < 0) {
                    any = true;      // new to the shop: bought, but no recommender can hold it
                } else if (!seen[j]) {
                    any = true;
                    found[count++] = j;
                }
            }
            if (any) {
                customers.add(u);
                bought.add(java.util.Arrays.copyOf(found, count));
            }
            for (int p = train.byUser().rowStart(u); p < train.byUser().rowEnd(u); p++) {
                seen[train.item(p)] = false;
            }
        }
        return new PurchasePeriod(start, end, train, customers.toArray(), bought.toArray(new int[0][]));
    }

    /** {@return the first instant of the period} */
    public Instant start() {
        return start;
    }

    /** {@return the end of the period, exclusive} */
    public Instant end() {
        return end;
    }

    /**
     * {@return the purchase counts before the period, to fit recommenders on; its customer and item indexes are those
     * of {@link #customer(int)} and {@link #newItems(int)}}
     */
    public Ratings train() {
        return train;
    }

    /** {@return the number of customers known before the period who bought an item new to them during it} */
    public int customers() {
        return customers.length;
    }

    /**
     * {@return the dense index, in {@link #train()}, of customer {@code k} of {@link #customers()}}
     *
     * @param k customer of the period, in [0, customers().size())
     */
    public int customer(int k) {
        return customers[Objects.checkIndex(k, customers.length)];
    }

    /**
     * {@return the items, dense indexes of {@link #train()}, that customer {@code k} bought for the first time during
     * the period, without those new to the shop (so possibly none); a copy}
     *
     * @param k customer of the period, in [0, customers().size())
     */
    public int[] newItems(int k) {
        return newItems[Objects.checkIndex(k, newItems.length)].clone();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PurchasePeriod %s .. %s: %,d customers bought an item new to "
                + "them; trained on %s", start, end, customers.length, train);
    }
}
