package dev.retention.primitive;

/**
 * What {@link LongIntMap} and {@link ObjectIntMap} share whatever their key type: the {@code int} values
 * beside the keys in a table of power-of-two length, the mask that turns a hash into a slot, the count
 * of keys in the table, and the doubling of the table before a new key would fill it past three-quarters
 * (the sizes are {@link Capacity}'s). Each map keeps its own typed key array, probes it linearly from
 * the slot of a key's hash, and puts its keys back into the doubled table in {@link #moveKeys}.
 */
abstract sealed class OpenAddressing permits LongIntMap, ObjectIntMap {

    /** The values; {@code values[s]} belongs to the key in slot {@code s}. */
    int[] values;
    /** The table length minus one. */
    int mask;
    /** The number of keys in the table. */
    int tableKeys;
    private int limit;

    /**
     * Empty values for a table of {@code length} slots; the map allocates its keys to match.
     *
     * @param length read: a power of two from {@link Capacity#tableFor}
     */
    OpenAddressing(int length) {
        allocateValues(length);
    }

    /**
     * Makes room for one more key: when the table already holds as many keys as it may, doubles it and
     * has the map put its keys back ({@link #moveKeys}). O(1), or O(table length) when it doubles.
     *
     * @return whether the table doubled, so that the map must probe again for its new key's slot
     * @throws IllegalStateException if the table is already the largest
     */
    final boolean makeRoom() {
        if (tableKeys < limit) {
            return false;
        }
        int[] oldValues = values;
        allocateValues(Capacity.doubledTable(oldValues.length));
        moveKeys(oldValues);
        return true;
    }

    /**
     * Puts the map's keys into a new key array of length {@code values.length}, each at the empty slot
     * its probe finds, and records each with its value from {@code oldValues} through {@link #added}.
     *
     * @param oldValues read: the values of the old table, slot for slot with the old key array
     */
    abstract void moveKeys(int[] oldValues);

    /**
     * Records the value of a key the map has just written at an empty slot, and counts the key.
     *
     * @param slot  read: where the key was written
     * @param value read
     */
    final void added(int slot, int value) {
        values[slot] = value;
        tableKeys++;
    }

    /**
     * Replaces the value of the key at a slot.
     *
     * @return the value the key had
     */
    final int replace(int slot, int value) {
        int previous = values[slot];
        values[slot] = value;
        return previous;
    }

    private void allocateValues(int length) {
        values = new int[length];
        mask = length - 1;
        limit = Capacity.fillLimit(length);
        tableKeys = 0;
    }
}
