package dev.retention.data;

import dev.retention.model.DataFingerprint;
import dev.retention.primitive.FloatList;
import dev.retention.primitive.IndirectSort;
import dev.retention.primitive.IntList;
import dev.retention.primitive.LongIntMap;
import dev.retention.primitive.LongList;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * User-item interactions for recommenders: for each entry a user, an item, a value (an explicit
 * rating, or an implicit strength such as a purchase count) and a timestamp in epoch seconds (0 when
 * the source has none). Immutable and thread-safe.
 *
 * <p>Entries are sorted by user, then item, and each (user, item) pair occurs once; how duplicates
 * in the input were resolved is given by the builder's {@link Duplicates} policy and counted in
 * {@link #duplicatesResolved()}. The layout is that of a CSR matrix: the entries of user {@code u} are
 * {@code [userStart(u), userEnd(u))}, with increasing items.
 */
public final class Interactions {

    /** How the builder resolves several entries for the same (user, item) pair. */
    public enum Duplicates {
        /** Keep the entry added last (its value and time); the usual choice for ratings. */
        KEEP_LAST,
        /** Sum the values and keep the latest time; the usual choice for implicit counts. */
        SUM,
        /** Throw {@link IllegalArgumentException} naming the pair. */
        REJECT
    }

    /** Which implicit value {@link #fromTransactions} derives from order lines. */
    public enum ImplicitValue {
        /** Number of distinct orders of the user that contain the item. */
        ORDERS,
        /** Total quantity of the item bought by the user. */
        QUANTITY,
        /** Number of order lines of the user with the item. */
        LINES
    }

    private final IdIndex users;
    private final IdIndex items;
    private final int[] user;
    private final int[] item;
    private final float[] value;
    private final long[] time;
    private final int[] userStart;
    private final long duplicatesResolved;
    private volatile DataFingerprint fingerprint;   // computed on first use

    private Interactions(IdIndex users, IdIndex items, int[] user, int[] item, float[] value, long[] time,
                         long duplicatesResolved) {
        this.users = users;
        this.items = items;
        this.user = user;
        this.item = item;
        this.value = value;
        this.time = time;
        this.duplicatesResolved = duplicatesResolved;
        this.userStart = new int[users.size() + 1];
        for (int u : user) {
            userStart[u + 1]++;
        }
        for (int u = 0; u < users.size(); u++) {
            userStart[u + 1] += userStart[u];
        }
    }

    /**
     * {@return a builder resolving duplicates with the given policy}
     *
     * @param duplicates what to do with a second entry of the same (user, item)
     */
    public static Builder builder(Duplicates duplicates) {
        return new Builder(Objects.requireNonNull(duplicates, "duplicates"));
    }

    /**
     * {@return the implicit feedback from purchases: one entry per (customer, item) pair with the chosen value,
     * the time of the latest purchase of the item, and the log's customer and item indexes (so dense
     * ids agree between the two)} Netted cancellation lines and lines without an item are ignored.
     * O(n log n).
     *
     * @param log   read; must have items
     * @param value which value to derive
     * @throws IllegalArgumentException if the log has no item column
     */
    public static Interactions fromTransactions(TransactionLog log, ImplicitValue value) {
        Objects.requireNonNull(value, "value");
        if (!log.hasItems()) {
            throw new IllegalArgumentException("the transaction log has no items (for example CDNOW data), "
                    + "so there are no user-item interactions to derive");
        }
        int n = log.size();
        IntList u = new IntList(n);
        IntList it = new IntList(n);
        FloatList v = new FloatList(n);
        LongList t = new LongList(n);
        LongIntMap orderItems = new LongIntMap();     // used as a set of (order, item) pairs
        for (int c = 0; c < log.customerCount(); c++) {
            orderItems.clear();
            for (int i = log.lineStart(c); i < log.lineEnd(c); i++) {
                int item = log.item(i);
                if (log.isCancellation(i) || item < 0) {
                    continue;
                }
                float x = switch (value) {
                    case QUANTITY -> (float) log.quantity(i);
                    case LINES -> 1f;
                    // an item bought twice in one order counts once
                    case ORDERS -> orderItems.putIfAbsent(((long) log.order(i) << 32) | item, 0) == LongIntMap.ABSENT
                            ? 1f : 0f;
                };
                u.add(c);
                it.add(item);
                v.add(x);
                t.add(log.time(i));
            }
        }
        return assemble(log.customers(), log.items(), u.toArray(), it.toArray(), v.toArray(), t.toArray(),
                u.size(), Duplicates.SUM);
    }

    private static Interactions assemble(IdIndex users, IdIndex items, int[] user, int[] item, float[] value,
                                         long[] time, int n, Duplicates policy) {
        int nUsers = users.size();
        int[] start = new int[nUsers + 1];
        for (int i = 0; i < n; i++) {
            start[user[i] + 1]++;
        }
        for (int x = 0; x < nUsers; x++) {
            start[x + 1] += start[x];
        }
        int[] perm = new int[n];
        int[] fill = Arrays.copyOf(start, nUsers);
        for (int i = 0; i < n; i++) {
            perm[fill[user[i]]++] = i;
        }
        for (int x = 0; x < nUsers; x++) {
            int from = start[x];
            int to = start[x + 1];
            for (int j = from + 1; j < to; j++) {
                if (item[perm[j]] <= item[perm[j - 1]]) {
                    IndirectSort.sort(perm, from, to, (a, b) -> item[a] != item[b]
                            ? Integer.compare(item[a], item[b]) : Integer.compare(a, b));
                    break;
                }
            }
        }
        int[] outUser = new int[n];
        int[] outItem = new int[n];
        float[] outValue = new float[n];
        long[] outTime = new long[n];
        int m = 0;
        long duplicates = 0;
        for (int j = 0; j < n; j++) {
            int i = perm[j];
            if (m > 0 && outUser[m - 1] == user[i] && outItem[m - 1] == item[i]) {
                duplicates++;
                switch (policy) {
                    case KEEP_LAST -> {
                        outValue[m - 1] = value[i];
                        outTime[m - 1] = time[i];
                    }
                    case SUM -> {
                        outValue[m - 1] += value[i];
                        outTime[m - 1] = Math.max(outTime[m - 1], time[i]);
                    }
                    case REJECT -> throw new IllegalArgumentException("duplicate interaction for user '"
                            + users.id(user[i]) + "' and item '" + items.id(item[i]) + "'");
                }
                continue;
            }
            outUser[m] = user[i];
            outItem[m] = item[i];
            outValue[m] = value[i];
            outTime[m] = time[i];
            m++;
        }
        return new Interactions(users, items, Arrays.copyOf(outUser, m), Arrays.copyOf(outItem, m),
                Arrays.copyOf(outValue, m), Arrays.copyOf(outTime, m), duplicates);
    }

    /** {@return the number of (user, item) entries} */
    public int size() {
        return user.length;
    }

    /** {@return the number of users} */
    public int userCount() {
        return users.size();
    }

    /** {@return the number of items} */
    public int itemCount() {
        return items.size();
    }

    /** {@return the user ids} */
    public IdIndex users() {
        return users;
    }

    /** {@return the item ids} */
    public IdIndex items() {
        return items;
    }

    /**
     * {@return the dense user of entry {@code i}}
     *
     * @param i entry, in [0, size())
     */
    public int user(int i) {
        return user[i];
    }

    /**
     * {@return the dense item of entry {@code i}}
     *
     * @param i entry, in [0, size())
     */
    public int item(int i) {
        return item[i];
    }

    /**
     * {@return the value of entry {@code i}}
     *
     * @param i entry, in [0, size())
     */
    public float value(int i) {
        return value[i];
    }

    /**
     * {@return the timestamp of entry {@code i} (epoch seconds, 0 when unknown)}
     *
     * @param i entry, in [0, size())
     */
    public long time(int i) {
        return time[i];
    }

    /**
     * {@return the first entry of a user}
     *
     * @param user dense user index, in [0, users().size())
     */
    public int userStart(int user) {
        return userStart[user];
    }

    /**
     * {@return one past the last entry of a user}
     *
     * @param user dense user index, in [0, users().size())
     */
    public int userEnd(int user) {
        return userStart[user + 1];
    }

    /** {@return how many input entries were merged into an earlier one by the duplicate policy} */
    public long duplicatesResolved() {
        return duplicatesResolved;
    }

    /** {@return users of all entries, copied} */
    public int[] userColumn() {
        return user.clone();
    }

    /** {@return items of all entries, copied} */
    public int[] itemColumn() {
        return item.clone();
    }

    /** {@return values of all entries, copied} */
    public float[] values() {
        return value.clone();
    }

    /** {@return timestamps of all entries, copied} */
    public long[] times() {
        return time.clone();
    }

    /**
     * {@return the smallest value} O(entries).
     *
     * @throws IllegalStateException if there are no entries
     */
    public float minValue() {
        requireEntries();
        float min = value[0];
        for (float x : value) {
            min = Math.min(min, x);
        }
        return min;
    }

    /**
     * {@return the largest value} O(entries).
     *
     * @throws IllegalStateException if there are no entries
     */
    public float maxValue() {
        requireEntries();
        float max = value[0];
        for (float x : value) {
            max = Math.max(max, x);
        }
        return max;
    }

    private void requireEntries() {
        if (value.length == 0) {
            throw new IllegalStateException("the interactions are empty: there is no smallest or largest value");
        }
    }

    /**
     * {@return the shape and a checksum of the interactions, computed on first use and cached: what a model fitted on
     * them
     * records in its {@link dev.retention.model.FitSummary}} Rows are the entries, in their order (by user, then
     * item); the four columns are each entry's user and item (dense indexes), value and time. The checksum also
     * covers the external ids of both id indexes, so interactions that differ only in their ids differ. O(entries
     * + ids) the first time, O(1) after. Thread-safe.
     */
    public DataFingerprint fingerprint() {
        DataFingerprint f = fingerprint;
        if (f == null) {
            DataFingerprint.Hasher h = DataFingerprint.hasher(value.length, 4);
            for (int i = 0; i < value.length; i++) {
                h.add(user[i]).add(item[i]).add(Float.floatToRawIntBits(value[i])).add(time[i]);
            }
            users.addTo(h);
            items.addTo(h);
            f = h.finish();
            fingerprint = f;
        }
        return f;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Interactions: %,d entries, %,d users, %,d items", size(),
                userCount(), itemCount()));
        if (size() > 0) {
            sb.append(String.format(Locale.ROOT, ", values %s..%s", minValue(), maxValue()));
        }
        if (duplicatesResolved > 0) {
            sb.append(String.format(Locale.ROOT, ", %,d duplicates resolved", duplicatesResolved));
        }
        return sb.toString();
    }

    /**
     * Collects interactions keyed by external ids; {@link #build()} sorts them, resolves duplicate
     * pairs by the policy and indexes users and items in natural id order. Not thread-safe; one use.
     */
    public static final class Builder {
        private final Duplicates duplicates;
        private final IdIndex.Builder userIds = IdIndex.builder();
        private final IdIndex.Builder itemIds = IdIndex.builder();
        private final IntList user = new IntList();
        private final IntList item = new IntList();
        private final FloatList value = new FloatList();
        private final LongList time = new LongList();
        private boolean built;

        private Builder(Duplicates duplicates) {
            this.duplicates = duplicates;
        }

        /**
         * Adds an interaction.
         *
         * @param userId      external user id; not null
         * @param itemId      external item id; not null
         * @param value       rating or strength; must be finite
         * @param epochSecond timestamp, 0 when unknown
         * @return this builder
         * @throws IllegalArgumentException if the value is not finite
         */
        public Builder add(String userId, String itemId, float value, long epochSecond) {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(itemId, "itemId");
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException("value must be finite, got " + value + " for user '" + userId
                        + "' and item '" + itemId + "'");
            }
            if (built) {
                throw new IllegalStateException("build() was already called on this builder");
            }
            user.add(userIds.add(userId));
            item.add(itemIds.add(itemId));
            this.value.add(value);
            time.add(epochSecond);
            return this;
        }

        /**
         * Adds an interaction with numeric ids.
         *
         * @param userId      external user id
         * @param itemId      external item id
         * @param value       rating or strength; must be finite
         * @param epochSecond timestamp, 0 when unknown
         * @return this builder
         */
        public Builder add(long userId, long itemId, float value, long epochSecond) {
            return add(Long.toString(userId), Long.toString(itemId), value, epochSecond);
        }

        /** {@return entries added so far (before duplicate resolution)} */
        public int size() {
            return user.size();
        }

        /**
         * Sorts, resolves duplicates and indexes.
         *
         * @return the interactions, sorted by user then item
         */
        public Interactions build() {
            if (built) {
                throw new IllegalStateException("build() was already called on this builder");
            }
            built = true;
            IdIndex users = userIds.build();
            IdIndex items = itemIds.build();
            int[] userMap = new int[users.size()];
            int[] itemMap = new int[items.size()];
            IdIndex sortedUsers = users.sorted(userMap);
            IdIndex sortedItems = items.sorted(itemMap);
            int n = user.size();
            int[] u = new int[n];
            int[] it = new int[n];
            for (int i = 0; i < n; i++) {
                u[i] = userMap[user.get(i)];
                it[i] = itemMap[item.get(i)];
            }
            return assemble(sortedUsers, sortedItems, u, it, value.toArray(), time.toArray(), n, duplicates);
        }
    }
}
