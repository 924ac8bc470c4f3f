package dev.retention.primitive;

import java.util.Arrays;
import java.util.Objects;

/**
 * Stable indirect sorts: each method reorders an array of positions ({@code perm}, typically
 * {@code 0..n-1}) so that the data they point at is in order, leaving the data itself untouched. Stable
 * means that positions whose elements are equal keep their order in {@code perm}; with {@code perm}
 * starting as {@code 0..n-1}, ties are broken by position.
 *
 * <p>{@link #sort(int[], IndexComparator)} is a top-down merge sort (Knuth, <i>The Art of Computer
 * Programming</i> vol. 3, section 5.2.4) that alternates between {@code perm} and one scratch array,
 * insertion-sorts runs of fewer than {@value #INSERTION_SORT_BELOW} positions and skips the merge of two
 * halves already in order: O(n log n) comparisons, O(n) on sorted input, n ints of scratch space.
 *
 * <p>{@link #sortByKey(int[], double[])} and {@link #sortByKey(int[], long[])} are least-significant-digit
 * radix sorts (Knuth, section 5.2.5) over eight 8-bit digits of a 64-bit key that orders as the
 * values do when compared unsigned; for doubles the key flips the sign bit of non-negative values and
 * every bit of negative ones (Herf, "Radix tricks", 2001), which gives the order of
 * {@link Double#compare}: {@code -0.0} before {@code 0.0} and NaN last. One pass counts every digit;
 * a digit that is the same for all keys (the low mantissa bytes of whole numbers, say) is skipped.
 * Each pass reads the keys again through the positions rather than carrying them along, so the scratch
 * space is n ints. O(n) time for at most eight passes; short arrays are insertion-sorted.
 */
public final class IndirectSort {

    /** Ranges shorter than this are insertion-sorted by the merge sort. */
    static final int INSERTION_SORT_BELOW = 16;
    /** Arrays shorter than this are insertion-sorted by the radix sorts. */
    static final int RADIX_SORT_FROM = 64;

    private static final int DIGIT_BITS = 8;
    private static final int DIGITS = Long.SIZE / DIGIT_BITS;
    private static final int RADIX = 1 << DIGIT_BITS;

    private IndirectSort() {
    }

    /**
     * Sorts all of {@code perm} stably by a comparator of positions. O(n log n) comparisons.
     *
     * @param perm  read and written: the positions to order
     * @param order read: the order of two positions
     */
    public static void sort(int[] perm, IndexComparator order) {
        sort(perm, 0, perm.length, order);
    }

    /**
     * Sorts {@code perm[from, to)} stably by a comparator of positions; the rest of {@code perm} is not
     * touched. O(m log m) comparisons for {@code m = to - from}, m ints of scratch space.
     *
     * @param perm  read and written: the positions to order
     * @param from  read: first index of the range, inclusive
     * @param to    read: last index of the range, exclusive
     * @param order read: the order of two positions
     * @throws IndexOutOfBoundsException if {@code [from, to)} is not a range of {@code perm}
     */
    public static void sort(int[] perm, int from, int to, IndexComparator order) {
        Objects.requireNonNull(order, "order");
        Objects.checkFromToIndex(from, to, perm.length);
        int length = to - from;
        if (length < INSERTION_SORT_BELOW) {
            insertionSort(perm, from, to, order);
            return;
        }
        mergeSort(perm, from, Arrays.copyOfRange(perm, from, to), 0, length, order);
    }

    /**
     * Sorts {@code perm} stably so that {@code keys[perm[0]], keys[perm[1]], ...} are in the order of
     * {@link Double#compare}: negative infinity first, {@code -0.0} before {@code 0.0}, NaN last. O(n).
     *
     * @param perm read and written: positions in {@code keys}
     * @param keys read: the values to order by
     * @throws IndexOutOfBoundsException if an element of {@code perm} is not a position in {@code keys}
     */
    public static void sortByKey(int[] perm, double[] keys) {
        checkPositions(perm, keys.length);
        sortByBits(perm, p -> {
            long b = Double.doubleToLongBits(keys[p]);
            return b ^ ((b >> 63) | Long.MIN_VALUE);
        });
    }

    /**
     * Sorts {@code perm} stably so that {@code keys[perm[0]], keys[perm[1]], ...} are in increasing
     * order. O(n).
     *
     * @param perm read and written: positions in {@code keys}
     * @param keys read: the values to order by
     * @throws IndexOutOfBoundsException if an element of {@code perm} is not a position in {@code keys}
     */
    public static void sortByKey(int[] perm, long[] keys) {
        checkPositions(perm, keys.length);
        sortByBits(perm, p -> keys[p] ^ Long.MIN_VALUE);
    }

    /** The 64 bits of the key of a position, whose unsigned order is the order of the keys. */
    @FunctionalInterface
    private interface KeyBits {
        long of(int position);
    }

    private static void checkPositions(int[] perm, int length) {
        for (int p : perm) {
            Objects.checkIndex(p, length);
        }
    }

    /**
     * Sorts {@code src[s, s+length)} into {@code dst[d, d+length)}, where both ranges hold the same
     * positions on entry; {@code src} is scrambled.
     */
    private static void mergeSort(int[] dst, int d, int[] src, int s, int length, IndexComparator order) {
        if (length < INSERTION_SORT_BELOW) {
            insertionSort(dst, d, d + length, order);
            return;
        }
        int half = length >>> 1;
        mergeSort(src, s, dst, d, half, order);
        mergeSort(src, s + half, dst, d + half, length - half, order);
        int p = s;
        int pEnd = s + half;
        int q = pEnd;
        int qEnd = s + length;
        if (order.compare(src[pEnd - 1], src[q]) <= 0) {
            System.arraycopy(src, s, dst, d, length);
            return;
        }
        for (int i = d, end = d + length; i < end; i++) {
            dst[i] = q >= qEnd || (p < pEnd && order.compare(src[p], src[q]) <= 0) ? src[p++] : src[q++];
        }
    }

    private static void insertionSort(int[] perm, int from, int to, IndexComparator order) {
        for (int i = from + 1; i < to; i++) {
            int x = perm[i];
            int j = i;
            while (j > from && order.compare(perm[j - 1], x) > 0) {
                perm[j] = perm[j - 1];
                j--;
            }
            perm[j] = x;
        }
    }

    /**
     * Sorts {@code perm} stably by the unsigned order of the key bits of its positions: one pass counts
     * the eight digits of every key, then each digit that is not the same for all keys moves the
     * positions into a second array and back, the keys read again from their position each time.
     */
    private static void sortByBits(int[] perm, KeyBits key) {
        int n = perm.length;
        if (n < RADIX_SORT_FROM) {
            insertionSortByBits(perm, key);
            return;
        }
        int[] count = new int[DIGITS * RADIX];
        for (int i = 0; i < n; i++) {
            long b = key.of(perm[i]);
            for (int digit = 0; digit < DIGITS; digit++) {
                count[digit * RADIX + ((int) (b >>> (digit * DIGIT_BITS)) & (RADIX - 1))]++;
            }
        }
        int[] from = perm;
        int[] to = null;
        for (int digit = 0; digit < DIGITS; digit++) {
            int base = digit * RADIX;
            int shift = digit * DIGIT_BITS;
            if (count[base + ((int) (key.of(from[0]) >>> shift) & (RADIX - 1))] == n) {
                continue;                   // every key has this digit: the pass would not move anything
            }
            for (int v = 0, start = 0; v < RADIX; v++) {
                int c = count[base + v];
                count[base + v] = start;
                start += c;
            }
            if (to == null) {
                to = new int[n];
            }
            for (int i = 0; i < n; i++) {
                int p = from[i];
                to[count[base + ((int) (key.of(p) >>> shift) & (RADIX - 1))]++] = p;
            }
            int[] t = from;
            from = to;
            to = t;
        }
        if (from != perm) {
            System.arraycopy(from, 0, perm, 0, n);
        }
    }

    private static void insertionSortByBits(int[] perm, KeyBits key) {
        for (int i = 1; i < perm.length; i++) {
            int p = perm[i];
            long b = key.of(p);
            int j = i;
            while (j > 0 && Long.compareUnsigned(key.of(perm[j - 1]), b) > 0) {
                perm[j] = perm[j - 1];
                j--;
            }
            perm[j] = p;
        }
    }
}
