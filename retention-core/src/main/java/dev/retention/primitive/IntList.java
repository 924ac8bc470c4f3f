package dev.retention.primitive;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * A growable list of {@code int}s in one array, without boxing: appends are amortized O(1) (the array
 * grows by half again when full), reads and writes by index are O(1) and checked. Used as a builder
 * column, a stack or a reusable buffer. Not thread-safe.
 */
public final class IntList extends GrowableList {

    private int[] elements;

    /** An empty list; its array is allocated on the first {@link #add}. */
    public IntList() {
        elements = new int[0];
    }

    /**
     * An empty list with room for {@code initialCapacity} elements before it grows.
     *
     * @param initialCapacity read: in {@code [0, Integer.MAX_VALUE - 8]}
     * @throws IllegalArgumentException if the capacity is negative or too large for an array
     */
    public IntList(int initialCapacity) {
        elements = new int[Capacity.checkInitial(initialCapacity)];
    }

    /**
     * Appends a value. Amortized O(1).
     *
     * @param value read
     * @throws IllegalStateException if the list already holds {@code Integer.MAX_VALUE - 8} elements
     */
    public void add(int value) {
        int[] a = elements;
        int n = size;
        if (n == a.length) {
            a = elements = Arrays.copyOf(a, Capacity.grownList(n));
        }
        a[n] = value;
        size = n + 1;
    }

    /**
     * {@return the value at an index} O(1).
     *
     * @param index read: in {@code [0, size())}
     * @throws IndexOutOfBoundsException if the index is outside the list
     */
    public int get(int index) {
        return elements[checked(index)];
    }

    /**
     * Replaces the value at an index. O(1).
     *
     * @param index read: in {@code [0, size())}
     * @param value read
     * @throws IndexOutOfBoundsException if the index is outside the list
     */
    public void set(int index, int value) {
        elements[checked(index)] = value;
    }

    /**
     * Removes and returns the last value, as a stack's pop. O(1).
     *
     * @return the value removed
     * @throws NoSuchElementException if the list is empty
     */
    public int removeLast() {
        return elements[removeLastIndex()];
    }

    /**
     * Makes room for at least {@code capacity} values, so that appends up to that many do not grow the array
     * (a builder that knows how many values come need not grow past them). O(size()) when the array grows, else
     * O(1).
     *
     * @param capacity read: in {@code [0, Integer.MAX_VALUE - 8]}
     * @throws IllegalArgumentException if the capacity is negative or too large for an array
     */
    public void ensureCapacity(int capacity) {
        if (Capacity.check("capacity", capacity) > elements.length) {
            elements = Arrays.copyOf(elements, capacity);
        }
    }

    /**
     * {@return the values in order, in an array of length {@link #size()}, and empties the list} The array is
     * the list's own when it is exactly full (no copy), else a trimmed copy; either way the list lets go of its
     * array, so that the values are not held twice once the caller drops its copy. O(1) when full, else O(n).
     */
    public int[] toArrayAndClear() {
        int[] a = size == elements.length ? elements : Arrays.copyOf(elements, size);
        elements = new int[0];
        size = 0;
        return a;
    }

    /** {@return the values in order, in a new array of length {@link #size()}} O(n). */
    public int[] toArray() {
        return Arrays.copyOf(elements, size);
    }
}
