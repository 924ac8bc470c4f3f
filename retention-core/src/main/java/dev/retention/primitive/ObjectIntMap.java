package dev.retention.primitive;

import java.util.Objects;

/**
 * A hash map from non-null object keys (ids as text, typically) to {@code int} values, without boxing
 * the values; lookups of an absent key return {@link #ABSENT} ({@value #ABSENT}), which suits maps to
 * dense indexes. Keys are compared by {@link Object#equals} and must not change their hash code while
 * in the map. Not thread-safe.
 *
 * <p>Open addressing with linear probing (Knuth, <i>The Art of Computer Programming</i> vol. 3,
 * section 6.4, algorithm L) over parallel key and value arrays whose length is a power of two, kept at
 * most three-quarters full and doubled when a new key would pass that. The slot is the key's
 * {@link Object#hashCode()} scattered by multiplicative hashing (Knuth, section 6.4: times 2^32 over the
 * golden ratio, the high half folded onto the low half), so hash codes that run in sequence or differ
 * only in their high bits spread over the table. Nothing but the keys is stored (a {@code String}
 * caches its own hash code). Expected O(1) hash codes and equality tests per operation; memory 8 or 12
 * bytes per slot (a reference and an int) plus the keys.
 *
 * @param <K> the type of the keys
 */
public final class ObjectIntMap<K> extends OpenAddressing {

    /** The value that {@link #get}, {@link #put} and {@link #putIfAbsent} return for an absent key. */
    public static final int ABSENT = -1;

    private Object[] keys;     // null = empty slot

    /** An empty map with room for 12 keys before it grows. */
    public ObjectIntMap() {
        this(12);
    }

    /**
     * An empty map with room for {@code expectedSize} keys before it grows. O(expectedSize).
     *
     * @param expectedSize read: in {@code [0, 805306368]}
     * @throws IllegalArgumentException if the size is negative or more than the largest table holds
     */
    public ObjectIntMap(int expectedSize) {
        super(Capacity.tableFor(expectedSize));
        keys = new Object[values.length];
    }

    /**
     * {@return the value of a key, or {@link #ABSENT} if the map does not hold the key} Expected O(1).
     *
     * @param key read; not null
     * @throws NullPointerException if the key is null
     */
    public int get(K key) {
        int slot = find(key);
        return slot >= 0 ? values[slot] : ABSENT;
    }

    /**
     * {@return whether the map holds a key (also when its value is {@link #ABSENT})} Expected O(1).
     *
     * @param key read; not null
     * @throws NullPointerException if the key is null
     */
    public boolean containsKey(K key) {
        return find(key) >= 0;
    }

    /**
     * Maps a key to a value, replacing any value it had. Expected amortized O(1).
     *
     * @param key   read, kept; not null
     * @param value read
     * @return the previous value of the key, or {@link #ABSENT} if it was not in the map
     * @throws NullPointerException  if the key is null
     * @throws IllegalStateException if the key is new and the map already holds 805,306,368 keys
     */
    public int put(K key, int value) {
        int slot = find(key);
        return slot >= 0 ? replace(slot, value) : insert(~slot, key, value);
    }

    /**
     * Maps a key to a value unless the map already holds the key, in one probe. Expected amortized O(1).
     *
     * @param key   read, kept if new; not null
     * @param value read: stored only if the key is new
     * @return the value the key already had, or {@link #ABSENT} if the key was new and is now mapped
     * @throws NullPointerException  if the key is null
     * @throws IllegalStateException if the key is new and the map already holds 805,306,368 keys
     */
    public int putIfAbsent(K key, int value) {
        int slot = find(key);
        return slot >= 0 ? values[slot] : insert(~slot, key, value);
    }

    /** {@return the number of keys} O(1). */
    public int size() {
        return tableKeys;
    }

    /** The slot holding the key, or {@code ~slot} of the empty slot where it would go. */
    private int find(Object key) {
        Objects.requireNonNull(key, "key must not be null");
        Object[] k = keys;
        int m = mask;
        int i = mix(key.hashCode()) & m;
        for (Object current; (current = k[i]) != null; i = (i + 1) & m) {
            if (current == key || key.equals(current)) {
                return i;
            }
        }
        return ~i;
    }

    /** Stores a new key at an empty slot, doubling the table first if it is full; returns ABSENT. */
    private int insert(int slot, Object key, int value) {
        if (makeRoom()) {
            slot = ~find(key);
        }
        keys[slot] = key;
        added(slot, value);
        return ABSENT;
    }

    @Override
    void moveKeys(int[] oldValues) {
        Object[] oldKeys = keys;
        keys = new Object[values.length];
        for (int j = 0; j < oldKeys.length; j++) {
            Object key = oldKeys[j];
            if (key != null) {
                int slot = ~find(key);
                keys[slot] = key;
                added(slot, oldValues[j]);
            }
        }
    }

    /**
     * Multiplicative hashing: the hash code times 2^32 divided by the golden ratio, whose well-mixed high
     * half is folded onto the low half that the mask keeps. A bijection of the 32-bit hash codes.
     */
    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
