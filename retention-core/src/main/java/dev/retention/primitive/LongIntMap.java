package dev.retention.primitive;

import java.util.Arrays;

/**
 * A hash map from {@code long} keys to {@code int} values, without boxing; lookups of an absent key
 * return {@link #ABSENT} ({@value #ABSENT}), which suits maps to dense indexes. Not thread-safe.
 *
 * <p>Open addressing with linear probing (Knuth, <i>The Art of Computer Programming</i> vol. 3,
 * section 6.4, algorithm L) over parallel key and value arrays whose length is a power of two, kept at
 * most three-quarters full and doubled when a new key would pass that. Keys are scattered by the
 * 64-bit finalizer of MurmurHash3 (Appleby), in which each key bit flips each slot bit with a
 * probability of about one half, so keys that differ only in their high bits do not pile up in one
 * run. A key of 0 marks an empty slot, so the key 0 itself is kept aside. Expected O(1) per operation;
 * memory 12 bytes per slot.
 */
public final class LongIntMap extends OpenAddressing {

    /** The value that {@link #get}, {@link #put} and {@link #putIfAbsent} return for an absent key. */
    public static final int ABSENT = -1;

    private long[] keys;       // 0 = empty slot; every key but 0 is in the table
    private boolean hasZeroKey;
    private int zeroValue;

    /** An empty map with room for 12 keys before it grows. */
    public LongIntMap() {
        this(12);
    }

    /**
     * An empty map with room for {@code expectedSize} keys before it grows. O(expectedSize).
     *
     * @param expectedSize read: in {@code [0, 805306368]}
     * @throws IllegalArgumentException if the size is negative or more than the largest table holds
     */
    public LongIntMap(int expectedSize) {
        super(Capacity.tableFor(expectedSize));
        keys = new long[values.length];
    }

    /**
     * {@return the value of a key, or {@link #ABSENT} if the map does not hold the key} Expected O(1).
     *
     * @param key read
     */
    public int get(long key) {
        if (key == 0) {
            return hasZeroKey ? zeroValue : ABSENT;
        }
        int slot = find(key);
        return slot >= 0 ? values[slot] : ABSENT;
    }

    /**
     * {@return whether the map holds a key (also when its value is {@link #ABSENT})} Expected O(1).
     *
     * @param key read
     */
    public boolean containsKey(long key) {
        return key == 0 ? hasZeroKey : find(key) >= 0;
    }

    /**
     * Maps a key to a value, replacing any value it had. Expected amortized O(1).
     *
     * @param key   read
     * @param value read
     * @return the previous value of the key, or {@link #ABSENT} if it was not in the map
     * @throws IllegalStateException if the key is new and the map already holds 805,306,368 keys
     */
    public int put(long key, int value) {
        if (key == 0) {
            int previous = hasZeroKey ? zeroValue : ABSENT;
            hasZeroKey = true;
            zeroValue = value;
            return previous;
        }
        int slot = find(key);
        return slot >= 0 ? replace(slot, value) : insert(~slot, key, value);
    }

    /**
     * Maps a key to a value unless the map already holds the key, in one probe. Expected amortized O(1).
     *
     * @param key   read
     * @param value read: stored only if the key is new
     * @return the value the key already had, or {@link #ABSENT} if the key was new and is now mapped
     * @throws IllegalStateException if the key is new and the map already holds 805,306,368 keys
     */
    public int putIfAbsent(long key, int value) {
        if (key == 0) {
            if (hasZeroKey) {
                return zeroValue;
            }
            hasZeroKey = true;
            zeroValue = value;
            return ABSENT;
        }
        int slot = find(key);
        return slot >= 0 ? values[slot] : insert(~slot, key, value);
    }

    /** {@return the number of keys} O(1). */
    public int size() {
        return tableKeys + (hasZeroKey ? 1 : 0);
    }

    /** Removes every key and keeps the table for reuse. O(table length) when the map holds keys. */
    public void clear() {
        if (tableKeys > 0) {
            Arrays.fill(keys, 0L);
            tableKeys = 0;
        }
        hasZeroKey = false;
    }

    /** The slot holding a non-zero key, or {@code ~slot} of the empty slot where it would go. */
    private int find(long key) {
        long[] k = keys;
        int m = mask;
        int i = (int) mix(key) & m;
        for (long current; (current = k[i]) != 0; i = (i + 1) & m) {
            if (current == key) {
                return i;
            }
        }
        return ~i;
    }

    /** Stores a new non-zero key at an empty slot, doubling the table first if it is full; returns ABSENT. */
    private int insert(int slot, long key, int value) {
        if (makeRoom()) {
            slot = ~find(key);
        }
        keys[slot] = key;
        added(slot, value);
        return ABSENT;
    }

    @Override
    void moveKeys(int[] oldValues) {
        long[] oldKeys = keys;
        keys = new long[values.length];
        for (int j = 0; j < oldKeys.length; j++) {
            long key = oldKeys[j];
            if (key != 0) {
                int slot = ~find(key);
                keys[slot] = key;
                added(slot, oldValues[j]);
            }
        }
    }

    /** MurmurHash3's fmix64: a bijection of the 64-bit keys in which every input bit affects every output bit. */
    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        return x ^ (x >>> 33);
    }
}
