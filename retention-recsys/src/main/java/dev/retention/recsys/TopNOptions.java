package dev.retention.recsys;

import dev.retention.data.IdIndex;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Options of the {@link TopN} lists.
 *
 * @param n           list length, {@code >= 1}; default 10
 * @param excludeSeen leave out the customer's own purchases (for a training customer, their row of the data given to
 *                    {@link TopN}; for a new customer, the items folded in); default {@code true}
 * @param allowed     the items that may be listed (dense item index to {@code true}); a filter such as non-merchandise
 *                    or out-of-stock items; must be thread-safe when {@code threads > 1}; default every item
 * @param threads     threads of {@link TopN#recommendAll}, {@code >= 1}; the lists do not depend on it; default 1
 */
public record TopNOptions(int n, boolean excludeSeen, IntPredicate allowed, int threads) {

    /**
     * Validates the options.
     *
     * @param n           {@code >= 1}
     * @param excludeSeen leave out the customer's own purchases
     * @param allowed     the items that may be listed
     * @param threads     {@code >= 1}
     */
    public TopNOptions {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        Objects.requireNonNull(allowed, "allowed");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** {@return the defaults: 10 items, own purchases left out, every item allowed, one thread} */
    public static TopNOptions defaults() {
        return new TopNOptions(10, true, TopNOptions::everyItem, 1);
    }

    private static boolean everyItem(int item) {
        return true;
    }

    /**
     * {@return a copy with the given list length}
     *
     * @param n {@code >= 1}
     */
    public TopNOptions withN(int n) {
        return new TopNOptions(n, excludeSeen, allowed, threads);
    }

    /**
     * {@return a copy that leaves the customer's own purchases out or not}
     *
     * @param excludeSeen whether to leave them out
     */
    public TopNOptions withExcludeSeen(boolean excludeSeen) {
        return new TopNOptions(n, excludeSeen, allowed, threads);
    }

    /**
     * {@return a copy with the given item filter}
     *
     * @param allowed the items that may be listed; thread-safe
     */
    public TopNOptions withAllowed(IntPredicate allowed) {
        return new TopNOptions(n, excludeSeen, allowed, threads);
    }

    /**
     * {@return a copy that never lists the given items (for example out-of-stock items), besides the current filter}
     *
     * @param itemCount the size of the item id space
     * @param items     read; dense item indexes in {@code [0, itemCount)}
     * @throws IllegalArgumentException if an item is out of range
     */
    public TopNOptions without(int itemCount, int... items) {
        boolean[] banned = new boolean[itemCount];
        for (int t = 0; t < items.length; t++) {
            if (items[t] < 0 || items[t] >= itemCount) {
                throw new IllegalArgumentException("items[" + t + "] must be in [0, " + itemCount + "), got "
                        + items[t]);
            }
            banned[items[t]] = true;
        }
        IntPredicate before = allowed;
        return withAllowed(i -> (i >= banned.length || !banned[i]) && before.test(i));
    }

    /**
     * {@return a copy that never lists an item whose external id the predicate matches, such as
     * {@code NonMerchandise.onlineRetail()::matches}, besides the current filter}
     *
     * @param items   the item ids
     * @param matches read; true for the ids to leave out
     */
    public TopNOptions withoutIds(IdIndex items, java.util.function.Predicate<String> matches) {
        Objects.requireNonNull(matches, "matches");
        int[] banned = new int[items.size()];
        int m = 0;
        for (int i = 0; i < items.size(); i++) {
            if (matches.test(items.id(i))) {
                banned[m++] = i;
            }
        }
        return without(items.size(), Arrays.copyOf(banned, m));
    }

    /**
     * {@return a copy with the given number of threads}
     *
     * @param threads {@code >= 1}
     */
    public TopNOptions withThreads(int threads) {
        return new TopNOptions(n, excludeSeen, allowed, threads);
    }
}
