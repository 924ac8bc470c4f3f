package dev.retention.primitive;

/**
 * An order on the positions of some data, for {@link IndirectSort#sort(int[], IndexComparator)}: compares
 * the elements at two positions without boxing them, as {@link java.util.Comparator} compares objects.
 */
@FunctionalInterface
public interface IndexComparator {

    /**
     * Compares the elements at two positions.
     *
     * @param a read: a position
     * @param b read: another position, or the same
     * @return negative if {@code a} goes first, 0 if the two are equal in this order, positive if {@code b}
     *         goes first; consistent, as {@link java.util.Comparator#compare} requires
     */
    int compare(int a, int b);
}
