package dev.retention.primitive;

/**
 * The array sizes of this package's lists and hash maps, in one place: lists grow by half again
 * (at least to {@value #FIRST_LIST_LENGTH}) up to the largest array the JVM allocates; hash tables have
 * a power-of-two length of at most {@value #MAX_TABLE_LENGTH} and are kept at most three-quarters
 * full. Every overflow is an exception that says what was full, never a negative size.
 */
final class Capacity {

    /** The largest array length every JVM allocates (as {@code ArrayList} assumes). */
    static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    /** The length a list grows to from an empty array. */
    static final int FIRST_LIST_LENGTH = 10;
    /** The largest hash table: the largest power of two that is a valid array length. */
    static final int MAX_TABLE_LENGTH = 1 << 30;
    /** The most keys a hash table holds: three-quarters of the largest table. */
    static final int MAX_KEYS = MAX_TABLE_LENGTH / 4 * 3;

    private Capacity() {
    }

    /**
     * Checks the capacity a list was asked to start with.
     *
     * @param initialCapacity read: elements to make room for
     * @return {@code initialCapacity}
     * @throws IllegalArgumentException if it is negative or larger than {@link #MAX_ARRAY_LENGTH}
     */
    static int checkInitial(int initialCapacity) {
        return check("initialCapacity", initialCapacity);
    }

    /**
     * Checks a capacity a list was asked for.
     *
     * @param name     read: the parameter's name, for the message
     * @param capacity read: elements to make room for
     * @return {@code capacity}
     * @throws IllegalArgumentException if it is negative or larger than {@link #MAX_ARRAY_LENGTH}
     */
    static int check(String name, int capacity) {
        if (capacity < 0 || capacity > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException(name + " must be in [0, " + MAX_ARRAY_LENGTH + "], got " + capacity);
        }
        return capacity;
    }

    /**
     * The next length of a full list's array: 1.5 times the current one, at least
     * {@value #FIRST_LIST_LENGTH}, at most {@link #MAX_ARRAY_LENGTH}.
     *
     * @param length read: the current length, which the list's size has reached
     * @throws IllegalStateException if the list already holds {@link #MAX_ARRAY_LENGTH} elements
     */
    static int grownList(int length) {
        if (length >= MAX_ARRAY_LENGTH) {
            throw new IllegalStateException("the list is full: it holds " + length
                    + " elements, the most an array can hold");
        }
        long next = Math.max(FIRST_LIST_LENGTH, length + (long) (length >> 1));
        return (int) Math.min(next, MAX_ARRAY_LENGTH);
    }

    /**
     * The length of a hash table that holds {@code expectedSize} keys without growing: the smallest
     * power of two, at least 4, of which {@code expectedSize} is at most three-quarters.
     *
     * @param expectedSize read: the number of keys expected
     * @throws IllegalArgumentException if it is negative or more than {@link #MAX_KEYS}
     */
    static int tableFor(int expectedSize) {
        if (expectedSize < 0 || expectedSize > MAX_KEYS) {
            throw new IllegalArgumentException("expectedSize must be in [0, " + MAX_KEYS + "], got " + expectedSize);
        }
        long needed = ((long) expectedSize * 4 + 2) / 3;    // ceil(expectedSize / 0.75)
        return (int) Math.max(4, Long.highestOneBit(Math.max(1, needed - 1)) << 1);
    }

    /** The number of keys at which a table of the given length must double: three-quarters of it. */
    static int fillLimit(int tableLength) {
        return tableLength / 4 * 3;
    }

    /**
     * The doubled length of a hash table whose keys reached {@link #fillLimit}.
     *
     * @param tableLength read: the current length, a power of two
     * @throws IllegalStateException if the table is already the largest, holding {@link #MAX_KEYS} keys
     */
    static int doubledTable(int tableLength) {
        if (tableLength >= MAX_TABLE_LENGTH) {
            throw new IllegalStateException("the hash map is full: it holds " + MAX_KEYS
                    + " keys, the most its largest table can hold");
        }
        return tableLength << 1;
    }
}
