package dev.retention.data;

import dev.retention.model.DataFingerprint;
import dev.retention.primitive.IndirectSort;
import dev.retention.primitive.LongIntMap;
import dev.retention.primitive.ObjectIntMap;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable, thread-safe map between external ids (customer numbers, SKUs, user names) and dense
 * {@code int} indexes {@code 0..size()-1}, and back.
 *
 * <p>External ids are either {@code long}s (a <em>numeric</em> index) or {@code String}s. Everything
 * below the API of this library is int-indexed; an id index is built once, when data is read, and
 * carried along with the data so that results can be reported with the caller's ids.
 *
 * <p>A numeric index also answers {@link #indexOf(String)} for the canonical decimal form of its ids
 * ({@code "17850"}), and a string index answers {@link #indexOf(long)} for the decimal text of the
 * number, so callers need not know which kind they hold.
 *
 * <p>Lookups are O(1) hash lookups ({@link LongIntMap} or {@link ObjectIntMap}, open-addressing maps
 * that answer {@code -1} for an absent key); reverse lookups are array reads.
 */
public final class IdIndex {

    private final long[] longIds;      // non-null for a numeric index
    private final String[] stringIds;  // non-null for a string index
    private final LongIntMap longMap;
    private final ObjectIntMap<String> stringMap;

    private IdIndex(long[] longIds, String[] stringIds) {
        this.longIds = longIds;
        this.stringIds = stringIds;
        if (longIds != null) {
            longMap = new LongIntMap(longIds.length);
            for (int i = 0; i < longIds.length; i++) {
                if (longMap.putIfAbsent(longIds[i], i) != LongIntMap.ABSENT) {
                    throw new IllegalArgumentException("ids must be distinct, got " + longIds[i] + " twice");
                }
            }
            stringMap = null;
        } else {
            stringMap = new ObjectIntMap<>(stringIds.length);
            for (int i = 0; i < stringIds.length; i++) {
                String id = stringIds[i];
                if (id == null) {
                    throw new IllegalArgumentException("ids must not be null, got null at index " + i);
                }
                if (stringMap.putIfAbsent(id, i) != ObjectIntMap.ABSENT) {
                    throw new IllegalArgumentException("ids must be distinct, got '" + id + "' twice");
                }
            }
            longMap = null;
        }
    }

    /**
     * {@return an index over the given numeric ids, in the given order: {@code ids[i]} gets index {@code i}}
     *
     * @param ids read, copied; must be distinct
     * @throws IllegalArgumentException if an id occurs twice
     */
    public static IdIndex ofLongs(long... ids) {
        return new IdIndex(ids.clone(), null);
    }

    /**
     * {@return an index over the given text ids, in the given order: {@code ids[i]} gets index {@code i}}
     *
     * @param ids read, copied; must be distinct and non-null
     * @throws IllegalArgumentException if an id is null or occurs twice
     */
    public static IdIndex ofStrings(String... ids) {
        return new IdIndex(null, ids.clone());
    }

    /**
     * {@return an index over the ids {@code 0..n-1}, each mapped to itself; for data that arrives already
     * int-indexed}
     *
     * @param n number of ids, &gt;= 0
     */
    public static IdIndex identity(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        return new IdIndex(ids, null);
    }

    /** {@return a builder that assigns indexes in order of first appearance; see {@link Builder}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the number of ids} */
    public int size() {
        return longIds != null ? longIds.length : stringIds.length;
    }

    /** {@return whether the external ids are {@code long}s} */
    public boolean isNumeric() {
        return longIds != null;
    }

    /**
     * {@return the dense index of a numeric id, or {@code -1} if it is not in the index}
     *
     * @param id a numeric id
     */
    public int indexOf(long id) {
        if (longMap != null) {
            return longMap.get(id);
        }
        return stringMap.get(Long.toString(id));
    }

    /**
     * {@return the dense index of an id given as text, or {@code -1} if it is not in the index} For a numeric
     * index the text must be the canonical decimal form of the number.
     *
     * @param id an id as text
     */
    public int indexOf(String id) {
        Objects.requireNonNull(id, "id");
        if (stringMap != null) {
            return stringMap.get(id);
        }
        return isCanonicalLong(id) ? longMap.get(Long.parseLong(id)) : -1;
    }

    /**
     * {@return whether the index holds the id}
     *
     * @param id an id as text
     */
    public boolean contains(String id) {
        return indexOf(id) >= 0;
    }

    /**
     * {@return the external id of a dense index, as text}
     *
     * @param index dense index, in [0, size())
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
     */
    public String id(int index) {
        Objects.checkIndex(index, size());
        return longIds != null ? Long.toString(longIds[index]) : stringIds[index];
    }

    /**
     * {@return the external id of a dense index of a numeric index}
     *
     * @param index dense index, in [0, size())
     * @throws IllegalStateException if this is a string index
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
     */
    public long longId(int index) {
        if (longIds == null) {
            throw new IllegalStateException("this id index holds text ids; use id(int)");
        }
        return longIds[Objects.checkIndex(index, longIds.length)];
    }

    /**
     * {@return a new index over the same ids in their natural order (numeric order for numeric ids,
     * {@link String#compareTo lexicographic} order for text ids)}
     *
     * @param oldToNew written if non-null: {@code oldToNew[i]} receives the new index of old index
     *                 {@code i}; must have length {@code size()}
     */
    public IdIndex sorted(int[] oldToNew) {
        int n = size();
        if (oldToNew != null && oldToNew.length != n) {
            throw new IllegalArgumentException("oldToNew must have length " + n + ", got " + oldToNew.length);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (longIds != null) {
            IndirectSort.sortByKey(order, longIds);
        } else {
            IndirectSort.sort(order, (a, b) -> stringIds[a].compareTo(stringIds[b]));
        }
        long[] newLongs = longIds != null ? new long[n] : null;
        String[] newStrings = stringIds != null ? new String[n] : null;
        for (int newIndex = 0; newIndex < n; newIndex++) {
            int old = order[newIndex];
            if (oldToNew != null) {
                oldToNew[old] = newIndex;
            }
            if (newLongs != null) {
                newLongs[newIndex] = longIds[old];
            } else {
                newStrings[newIndex] = stringIds[old];
            }
        }
        return new IdIndex(newLongs, newStrings);
    }

    /**
     * {@return a new index holding the ids of the given indexes, in that order}
     *
     * @param indexes read: dense indexes of this index, each in [0, size())
     */
    public IdIndex subset(int[] indexes) {
        if (longIds != null) {
            long[] ids = new long[indexes.length];
            for (int i = 0; i < indexes.length; i++) {
                ids[i] = longIds[Objects.checkIndex(indexes[i], longIds.length)];
            }
            return new IdIndex(ids, null);
        }
        String[] ids = new String[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            ids[i] = stringIds[Objects.checkIndex(indexes[i], stringIds.length)];
        }
        return new IdIndex(null, ids);
    }

    /**
     * This index as a numeric index when it is a string index whose ids are all the canonical decimal
     * text of {@code long}s (as a {@link Builder} would have built it from those ids alone); else this.
     */
    IdIndex numericIfCanonical() {
        if (longIds != null) {
            return this;
        }
        long[] longs = new long[stringIds.length];
        for (int i = 0; i < longs.length; i++) {
            if (!isCanonicalLong(stringIds[i])) {
                return this;
            }
            longs[i] = Long.parseLong(stringIds[i]);
        }
        return new IdIndex(longs, null);
    }

    /** {@return the numeric ids, copied, or {@code null} for a string index} */
    public long[] longIds() {
        return longIds == null ? null : longIds.clone();
    }

    /**
     * Adds the ids to a data checksum, in index order: their count and kind, then each numeric id, or each text
     * id with its length. O(ids). For the fingerprints of the data types that carry id indexes.
     */
    void addTo(DataFingerprint.Hasher hasher) {
        hasher.add(size()).add(isNumeric() ? 1L : 2L);
        if (longIds != null) {
            hasher.add(longIds);
        } else {
            for (String id : stringIds) {
                hasher.add(id);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdIndex other
                && Arrays.equals(longIds, other.longIds)
                && Arrays.equals(stringIds, other.stringIds);
    }

    @Override
    public int hashCode() {
        return longIds != null ? Arrays.hashCode(longIds) : Arrays.hashCode(stringIds);
    }

    @Override
    public String toString() {
        int n = size();
        StringBuilder sb = new StringBuilder("IdIndex[").append(n).append(isNumeric() ? " numeric ids" : " text ids");
        int shown = Math.min(n, 5);
        if (shown > 0) {
            sb.append(": ");
            for (int i = 0; i < shown; i++) {
                sb.append(i == 0 ? "" : ", ").append(id(i));
            }
            if (n > shown) {
                sb.append(", ...");
            }
        }
        return sb.append(']').toString();
    }

    /**
     * Whether the text is the canonical decimal form of a {@code long}: an optional minus sign, no
     * leading zeros (except "0" itself), no plus sign, no spaces, and within range.
     */
    static boolean isCanonicalLong(String s) {
        int n = s.length();
        if (n == 0 || n > 20) {
            return false;
        }
        int i = s.charAt(0) == '-' ? 1 : 0;
        if (i == n) {
            return false;
        }
        if (s.charAt(i) == '0') {
            return n == 1;   // "0" is canonical, "-0" and "012" are not
        }
        for (int j = i; j < n; j++) {
            char c = s.charAt(j);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        if (n - i < 19) {
            return true;
        }
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Assigns dense indexes to external ids in order of first appearance. Ids may be added as text or
     * as numbers; {@link #build()} yields a numeric index when every id was a number or the canonical
     * decimal text of one, and a string index otherwise. Not thread-safe.
     */
    public static final class Builder {
        private final ObjectIntMap<String> map = new ObjectIntMap<>();
        private String[] ids = new String[16];
        private int size;
        private boolean allNumeric = true;

        private Builder() {
        }

        /**
         * {@return the index of the id, adding it if it is new}
         *
         * @param id read; must not be null
         */
        public int add(String id) {
            Objects.requireNonNull(id, "id");
            int index = map.putIfAbsent(id, size);
            if (index >= 0) {
                return index;
            }
            index = size;
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
            if (allNumeric && !isCanonicalLong(id)) {
                allNumeric = false;
            }
            return index;
        }

        /**
         * {@return the index of the numeric id, adding it if it is new}
         *
         * @param id a numeric id
         */
        public int add(long id) {
            return add(Long.toString(id));
        }

        /**
         * {@return the index of the id, or {@code -1} if it has not been added}
         *
         * @param id an id as text
         */
        public int indexOf(String id) {
            return id == null ? -1 : map.get(id);   // null is never an id
        }

        /** {@return the number of distinct ids added so far} */
        public int size() {
            return size;
        }

        /** {@return the index, in order of first appearance} */
        public IdIndex build() {
            String[] copy = Arrays.copyOf(ids, size);
            if (allNumeric) {
                long[] longs = new long[size];
                for (int i = 0; i < size; i++) {
                    longs[i] = Long.parseLong(copy[i]);
                }
                return new IdIndex(longs, null);
            }
            return new IdIndex(null, copy);
        }
    }
}
