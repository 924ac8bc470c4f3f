package dev.retention.primitive;

import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * What the growable lists share whatever their element type: the count of elements, the checks of an
 * index and of an empty list, and clearing. Each list keeps its own typed array, of which the first
 * {@link #size} slots hold the elements.
 */
abstract sealed class GrowableList permits IntList, LongList, DoubleList, FloatList {

    /** The number of elements. */
    int size;

    GrowableList() {
    }

    /** {@return the number of values} O(1). */
    public final int size() {
        return size;
    }

    /** {@return whether the list holds no value} O(1). */
    public final boolean isEmpty() {
        return size == 0;
    }

    /** Removes every value and keeps the array for reuse. O(1). */
    public final void clear() {
        size = 0;
    }

    /**
     * The index, checked.
     *
     * @throws IndexOutOfBoundsException if it is not in {@code [0, size)}
     */
    final int checked(int index) {
        return Objects.checkIndex(index, size);
    }

    /**
     * The index of the last element, which no longer counts as an element.
     *
     * @throws NoSuchElementException if the list is empty
     */
    final int removeLastIndex() {
        if (size == 0) {
            throw new NoSuchElementException("the list is empty");
        }
        return --size;
    }
}
