package dev.retention.recsys;

import dev.retention.data.IdIndex;
import dev.retention.data.Interactions;
import dev.retention.data.TransactionLog;
import dev.retention.model.DataFingerprint;
import dev.retention.recsys.internal.Limits;
import dev.retention.recsys.sparse.CsrMatrix;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Explicit ratings for the recommenders of this module: one rating per (user, item) pair on a declared
 * {@link RatingScale}, with dense user and item indexes shared by every subset (so that a model fitted
 * on a training fold can be asked about any user or item of the whole data). Immutable and thread-safe.
 *
 * <p>Held twice, as a user x item CSR matrix ({@link #byUser()}) and as its transpose, item x user
 * ({@link #byItem()}): models read a user's ratings and an item's raters in O(1) per entry. Entry
 * {@code p} of this object is position {@code p} of {@link #byUser()}: sorted by user, then item.
 *
 * <p>The {@link #fingerprint()} that models record in their fit summary is computed once, when first asked
 * for, and kept.
 */
public final class Ratings {

    private final IdIndex users;
    private final IdIndex items;
    private final RatingScale scale;
    private final CsrMatrix byUser;
    private final CsrMatrix byItem;
    private final double globalMean;
    private final long duplicatesResolved;
    private final long droppedOutOfScale;
    private DataFingerprint fingerprint;   // computed when first asked for; racy but idempotent (immutable value)

    private Ratings(IdIndex users, IdIndex items, RatingScale scale, CsrMatrix byUser, long duplicatesResolved,
                    long droppedOutOfScale) {
        assert users.size() == byUser.rows() && items.size() == byUser.cols();
        this.users = users;
        this.items = items;
        this.scale = scale;
        this.byUser = byUser;
        this.byItem = byUser.transpose();
        double sum = 0;
        for (int p = 0; p < byUser.nnz(); p++) {
            sum += byUser.value(p);
        }
        this.globalMean = byUser.nnz() == 0 ? 0 : sum / byUser.nnz();
        this.duplicatesResolved = duplicatesResolved;
        this.droppedOutOfScale = droppedOutOfScale;
    }

    /**
     * {@return ratings from interactions read by the readers of {@code dev.retention.io}, keeping their id
     * indexes and their count of resolved duplicates} O(n).
     *
     * @param interactions read; one entry per (user, item), as the readers make them
     * @param scale        the declared scale
     * @param policy       what to do with a rating outside the scale
     * @throws IllegalArgumentException with {@link RatingScale.OutOfScale#REJECT}, naming the first
     *                                  rating outside the scale, its user and its item
     */
    public static Ratings of(Interactions interactions, RatingScale scale, RatingScale.OutOfScale policy) {
        Objects.requireNonNull(interactions, "interactions");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(policy, "policy");
        int n = interactions.size();
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        int kept = 0;
        for (int p = 0; p < n; p++) {
            float r = interactions.value(p);
            if (!scale.contains(r)) {
                if (policy == RatingScale.OutOfScale.REJECT) {
                    throw new IllegalArgumentException("rating " + r + " of user '"
                            + interactions.users().id(interactions.user(p)) + "' for item '"
                            + interactions.items().id(interactions.item(p)) + "' is outside the rating scale "
                            + scale + "; declare a wider scale or drop such ratings");
                }
                continue;
            }
            u[kept] = interactions.user(p);
            i[kept] = interactions.item(p);
            v[kept] = r;
            kept++;
        }
        CsrMatrix m = CsrMatrix.fromTriples(interactions.userCount(), interactions.itemCount(),
                Arrays.copyOf(u, kept), Arrays.copyOf(i, kept), Arrays.copyOf(v, kept));
        return new Ratings(interactions.users(), interactions.items(), scale, m, interactions.duplicatesResolved(),
                n - kept);
    }

    /**
     * {@return ratings given by dense indexes, for tests and callers that index their own ids (ids are
     * {@code 0..userCount-1} and {@code 0..itemCount-1})}
     *
     * @param userCount number of users, in {@code [0, Integer.MAX_VALUE - 9]}
     * @param itemCount number of items, in {@code [0, Integer.MAX_VALUE - 9]}
     * @param user  read; each in {@code [0, userCount)}
     * @param item  read; each in {@code [0, itemCount)}
     * @param value read; each finite and in the scale
     * @param scale     the declared scale
     * @throws IllegalArgumentException if an id-space size is out of range, lengths differ, an index is out of
     *                                  range, a rating is outside the scale, or a (user, item) pair
     *                                  occurs twice
     */
    public static Ratings of(int userCount, int itemCount, int[] user, int[] item, float[] value, RatingScale scale) {
        Limits.requireIdSpace("userCount", userCount);
        Limits.requireIdSpace("itemCount", itemCount);
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(value, "value");
        for (int p = 0; p < value.length; p++) {
            if (!scale.contains(value[p])) {
                throw new IllegalArgumentException("value[" + p + "] = " + value[p] + " is outside the rating scale "
                        + scale);
            }
        }
        CsrMatrix m = CsrMatrix.fromTriples(userCount, itemCount, user, item, value);
        if (m.nnz() != value.length) {
            throw new IllegalArgumentException("each (user, item) pair must occur once, got "
                    + (value.length - m.nnz()) + " repeated pairs");
        }
        return new Ratings(IdIndex.identity(userCount), IdIndex.identity(itemCount), scale, m, 0, 0);
    }

    /**
     * {@return ratings held by a user x item matrix (rows are users, columns items, each stored entry one
     * rating), with dense ids {@code 0..rows-1} and {@code 0..cols-1}; the matrix is kept, not copied
     * (it is immutable)} O(nnz) for the check and the transpose.
     *
     * @param byUser read; every stored value in the scale
     * @param scale  the declared scale
     * @throws IllegalArgumentException naming the first rating outside the scale, its user and item
     */
    public static Ratings of(CsrMatrix byUser, RatingScale scale) {
        Objects.requireNonNull(byUser, "byUser");
        return of(byUser, scale, IdIndex.identity(byUser.rows()), IdIndex.identity(byUser.cols()));
    }

    /**
     * {@return ratings held by a user x item matrix with the external ids of its rows and columns, as a model file
     * stores them; the matrix and the id indexes are kept, not copied (they are immutable)} O(nnz).
     *
     * @param byUser read; every stored value in the scale
     * @param scale  the declared scale
     * @param users  read, kept; one id per row
     * @param items  read, kept; one id per column
     * @throws IllegalArgumentException if an id index has another size than its dimension, or a rating is
     *                                  outside the scale (naming it, its user and its item)
     */
    public static Ratings of(CsrMatrix byUser, RatingScale scale, IdIndex users, IdIndex items) {
        Objects.requireNonNull(byUser, "byUser");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
        if (users.size() != byUser.rows() || items.size() != byUser.cols()) {
            throw new IllegalArgumentException("the id indexes must hold " + byUser.rows() + " users and "
                    + byUser.cols() + " items, got " + users.size() + " and " + items.size());
        }
        for (int u = 0; u < byUser.rows(); u++) {
            for (int p = byUser.rowStart(u); p < byUser.rowEnd(u); p++) {
                if (!scale.contains(byUser.value(p))) {
                    throw new IllegalArgumentException("rating " + byUser.value(p) + " of user '" + users.id(u)
                            + "' for item '" + items.id(byUser.columnIndex(p)) + "' is outside the rating scale "
                            + scale);
                }
            }
        }
        return new Ratings(users, items, scale, byUser, 0, 0);
    }

    /**
     * {@return the implicit ratings from purchases: for each customer and item, the number of the customer's orders
     * that
     * hold the item ({@link Interactions.ImplicitValue#ORDERS}; cancellations and lines without an item are
     * left out), on the scale {@code [0, largest count]} (at least {@code [0, 1]}), with the log's customer and
     * item ids} Such a scale only bounds rating estimates; top-N recommenders rank the unclipped scores.
     * O(lines).
     *
     * @param log read; must have items
     * @throws IllegalArgumentException if the log has no item column
     */
    public static Ratings ofPurchases(TransactionLog log) {
        Objects.requireNonNull(log, "log");
        Interactions counts = Interactions.fromTransactions(log, Interactions.ImplicitValue.ORDERS);
        float max = 1;
        for (int p = 0; p < counts.size(); p++) {
            max = Math.max(max, counts.value(p));
        }
        return of(counts, new RatingScale(0, max), RatingScale.OutOfScale.REJECT);
    }

    /**
     * {@return the ratings at the given entries, with the same id indexes and scale (a fold of the data)} O(n).
     *
     * @param entries read; entry positions of this object, each in {@code [0, size())}, distinct
     */
    public Ratings subset(int[] entries) {
        Objects.requireNonNull(entries, "entries");
        int n = entries.length;
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        int[] userOf = userOfEntry();
        for (int t = 0; t < n; t++) {
            int p = Objects.checkIndex(entries[t], size());
            u[t] = userOf[p];
            i[t] = byUser.columnIndex(p);
            v[t] = byUser.value(p);
        }
        CsrMatrix m = CsrMatrix.fromTriples(userCount(), itemCount(), u, i, v);
        if (m.nnz() != n) {
            throw new IllegalArgumentException("entries must be distinct, got " + (n - m.nnz()) + " repeated");
        }
        return new Ratings(users, items, scale, m, 0, 0);
    }

    /** {@return the user of every entry, a new array} */
    public int[] userOfEntry() {
        int[] u = new int[size()];
        for (int x = 0; x < userCount(); x++) {
            Arrays.fill(u, byUser.rowStart(x), byUser.rowEnd(x), x);
        }
        return u;
    }

    /** {@return the number of ratings} */
    public int size() {
        return byUser.nnz();
    }

    /** {@return the number of users of the id space (some may have no rating here)} */
    public int userCount() {
        return byUser.rows();
    }

    /** {@return the number of items of the id space (some may have no rating here)} */
    public int itemCount() {
        return byUser.cols();
    }

    /** {@return the user ids} */
    public IdIndex users() {
        return users;
    }

    /** {@return the item ids} */
    public IdIndex items() {
        return items;
    }

    /** {@return the declared scale} */
    public RatingScale scale() {
        return scale;
    }

    /** {@return the mean of all ratings, 0 when there are none} */
    public double globalMean() {
        return globalMean;
    }

    /** {@return the ratings as a user x item CSR matrix; entry {@code p} of this object is position {@code p}} */
    public CsrMatrix byUser() {
        return byUser;
    }

    /** {@return the ratings as an item x user CSR matrix} */
    public CsrMatrix byItem() {
        return byItem;
    }

    /**
     * {@return the item of entry {@code p}}
     *
     * @param p entry, in [0, size())
     */
    public int item(int p) {
        return byUser.columnIndex(p);
    }

    /**
     * {@return the rating of entry {@code p}}
     *
     * @param p entry, in [0, size())
     */
    public float value(int p) {
        return byUser.value(p);
    }

    /**
     * {@return whether user {@code u} is in the id space and has at least one rating here}
     *
     * @param u dense user index
     */
    public boolean knowsUser(int u) {
        return u >= 0 && u < userCount() && byUser.rowLength(u) > 0;
    }

    /**
     * {@return whether item {@code i} is in the id space and has at least one rating here}
     *
     * @param i dense item index
     */
    public boolean knowsItem(int i) {
        return i >= 0 && i < itemCount() && byItem.rowLength(i) > 0;
    }

    /** {@return duplicate (user, item) pairs the reader resolved by keeping the last (0 for subsets)} */
    public long duplicatesResolved() {
        return duplicatesResolved;
    }

    /** {@return ratings left out because they were outside the scale (policy {@code DROP})} */
    public long droppedOutOfScale() {
        return droppedOutOfScale;
    }

    /**
     * {@return the fingerprint of these ratings for a fit summary: {@link #size()} rows of three columns (user,
     * item, rating), the checksum over the sizes of the id spaces, the scale, then every rating as (user,
     * item, value bits) in entry order} Computed once, O(n), then kept.
     */
    public DataFingerprint fingerprint() {
        DataFingerprint f = fingerprint;
        if (f == null) {
            DataFingerprint.Hasher h = DataFingerprint.hasher(size(), 3)
                    .add(userCount()).add(itemCount()).add(scale.min()).add(scale.max());
            for (int u = 0; u < userCount(); u++) {
                for (int p = byUser.rowStart(u), end = byUser.rowEnd(u); p < end; p++) {
                    h.add(u).add(byUser.columnIndex(p)).add(Float.floatToRawIntBits(byUser.value(p)));
                }
            }
            f = h.finish();
            fingerprint = f;
        }
        return f;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Ratings: %,d ratings, %,d users, %,d items, scale %s, "
                + "mean %.4f", size(), userCount(), itemCount(), scale, globalMean));
        if (duplicatesResolved > 0) {
            sb.append(String.format(Locale.ROOT, ", %,d duplicates resolved (kept the last)", duplicatesResolved));
        }
        if (droppedOutOfScale > 0) {
            sb.append(String.format(Locale.ROOT, ", %,d dropped outside the scale", droppedOutOfScale));
        }
        return sb.toString();
    }
}
