package dev.retention.recsys;

import dev.retention.data.IdIndex;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The best items for one user, best first, as parallel arrays of dense item indexes and scores, with the id
 * indexes of the data they came from so that they can be reported by external id ({@link #userId()},
 * {@link #itemId(int)}, {@link #toString()}). Immutable: arrays are copied on the way in and out (the
 * per-position accessors {@link #item(int)} and {@link #score(int)} copy nothing). Two recommendations are
 * equal when they are for the same user, of the same items with the same scores, in the same id spaces.
 */
public final class Recommendations {

    private final IdIndex users;
    private final IdIndex items;
    private final int user;
    private final int[] itemIndexes;
    private final float[] scores;

    /**
     * Recommendations for one user.
     *
     * @param users  read, kept (immutable): the user ids of the data
     * @param items  read, kept: the item ids of the data
     * @param user   dense user index in {@code [0, users.size())}, or -1 for a list that is not a training user's (a
     *               new customer's, or the items similar to an item)
     * @param ranked read, copied: dense item indexes in {@code [0, items.size())}, best first
     * @param scores read, copied: their scores, one per item, finite
     * @throws IllegalArgumentException if an index is out of range, the lengths differ or a score is not
     *                                  finite
     */
    public Recommendations(IdIndex users, IdIndex items, int user, int[] ranked, float[] scores) {
        this.users = Objects.requireNonNull(users, "users");
        this.items = Objects.requireNonNull(items, "items");
        Objects.requireNonNull(ranked, "ranked");
        Objects.requireNonNull(scores, "scores");
        if (user < -1 || user >= users.size()) {
            throw new IllegalArgumentException("user must be in [-1, " + users.size() + "), got " + user);
        }
        if (ranked.length != scores.length) {
            throw new IllegalArgumentException("ranked and scores must have the same length, got " + ranked.length
                    + " and " + scores.length);
        }
        for (int t = 0; t < ranked.length; t++) {
            if (ranked[t] < 0 || ranked[t] >= items.size()) {
                throw new IllegalArgumentException("ranked[" + t + "] must be an item in [0, " + items.size()
                        + "), got " + ranked[t]);
            }
            if (!Float.isFinite(scores[t])) {
                throw new IllegalArgumentException("scores[" + t + "] must be finite, got " + scores[t]);
            }
        }
        this.user = user;
        this.itemIndexes = ranked.clone();
        this.scores = scores.clone();
    }

    /** {@return the dense user index; -1 for a list that is not a training user's} */
    public int user() {
        return user;
    }

    /** {@return the user's external id; {@code "(new)"} for a list that is not a training user's} */
    public String userId() {
        return user < 0 ? "(new)" : users.id(user);
    }

    /** {@return the number of items} */
    public int size() {
        return itemIndexes.length;
    }

    /** {@return the dense item indexes, best first; a copy} */
    public int[] items() {
        return itemIndexes.clone();
    }

    /**
     * {@return the dense index of the item at rank {@code t} (0 is the best)}
     *
     * @param t rank, in [0, size())
     */
    public int item(int t) {
        return itemIndexes[Objects.checkIndex(t, itemIndexes.length)];
    }

    /**
     * {@return the external id of the item at rank {@code t}}
     *
     * @param t rank, in [0, size())
     */
    public String itemId(int t) {
        return items.id(item(t));
    }

    /** {@return the scores, best first; a copy} */
    public float[] scores() {
        return scores.clone();
    }

    /**
     * {@return the score of the item at rank {@code t}}
     *
     * @param t rank, in [0, size())
     */
    public float score(int t) {
        return scores[Objects.checkIndex(t, scores.length)];
    }

    /**
     * {@return whether the dense item index is among the recommendations} O(size).
     *
     * @param item dense item index
     */
    public boolean contains(int item) {
        for (int i : itemIndexes) {
            if (i == item) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recommendations r && r.user == user && Arrays.equals(r.itemIndexes, itemIndexes)
                && Arrays.equals(r.scores, scores) && r.users.equals(users) && r.items.equals(items);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * user + Arrays.hashCode(itemIndexes)) + Arrays.hashCode(scores);
    }

    /** A table by external id: the user, then rank, item and score of each item. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Top %d for user %s%n%6s %12s %10s%n",
                itemIndexes.length, userId(), "rank", "item", "score"));
        for (int t = 0; t < itemIndexes.length; t++) {
            sb.append(String.format(Locale.ROOT, "%6d %12s %10.4f%n", t + 1, items.id(itemIndexes[t]), scores[t]));
        }
        return sb.toString();
    }
}
