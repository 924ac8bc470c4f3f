package dev.retention.primitive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link IndirectSort} against {@link Arrays#sort(Object[], Comparator)}, which is stable, on boxed
 * positions: random starting permutations (so that stability is seen against {@code perm}'s order, not
 * just position order), many ties, signed zeros, infinities and NaN, and the lengths 0, 1, 2, those
 * around the insertion-sort thresholds and larger ones.
 */
class IndirectSortTest {

    /** The stable reference: {@code perm} sorted as boxed positions by {@code order}. */
    private static int[] reference(int[] perm, int from, int to, Comparator<Integer> order) {
        Integer[] boxed = new Integer[to - from];
        for (int i = from; i < to; i++) {
            boxed[i - from] = perm[i];
        }
        Arrays.sort(boxed, order);
        int[] out = perm.clone();
        for (int i = from; i < to; i++) {
            out[i] = boxed[i - from];
        }
        return out;
    }

    private static double[] doubleKeys(SplittableRandom rnd, int n) {
        double[] keys = new double[n];
        for (int i = 0; i < n; i++) {
            keys[i] = RandomCases.sortKey(rnd);
        }
        return keys;
    }

    /** Keys by {@link Double#compare} and by {@link Long#compare}, each from a random permutation. */
    @ParameterizedTest(name = "seed={0}")
    @MethodSource("dev.retention.primitive.RandomCases#seeds")
    void sortByKey_equalsStableSortByCompare(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = RandomCases.length(rnd, 3_000);
        double[] doubles = doubleKeys(rnd, n);
        int[] perm = RandomCases.permutation(rnd, n);
        int[] expected = reference(perm, 0, n, (a, b) -> Double.compare(doubles[a], doubles[b]));
        IndirectSort.sortByKey(perm, doubles);
        assertArrayEquals(expected, perm, "double keys, seed " + seed + ", n " + n);

        long[] longs = new long[n];
        for (int i = 0; i < n; i++) {
            longs[i] = RandomCases.key(rnd);
        }
        perm = RandomCases.permutation(rnd, n);
        expected = reference(perm, 0, n, (a, b) -> Long.compare(longs[a], longs[b]));
        IndirectSort.sortByKey(perm, longs);
        assertArrayEquals(expected, perm, "long keys, seed " + seed + ", n " + n);
    }

    /** A comparator with many ties on a sub-range, the rest of {@code perm} untouched. */
    @ParameterizedTest(name = "seed={0}")
    @MethodSource("dev.retention.primitive.RandomCases#seeds")
    void sortRangeByComparator_equalsStableSort(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = RandomCases.length(rnd, 3_000);
        int[] keys = new int[n];
        int distinct = rnd.nextInt(1, 20);
        for (int i = 0; i < n; i++) {
            keys[i] = rnd.nextInt(distinct);
        }
        int[] perm = RandomCases.permutation(rnd, n);
        int from = rnd.nextInt(n + 1);
        int to = rnd.nextBoolean() ? n : rnd.nextInt(from, n + 1);
        int[] expected = reference(perm, from, to, (a, b) -> Integer.compare(keys[a], keys[b]));
        IndirectSort.sort(perm, from, to, (a, b) -> Integer.compare(keys[a], keys[b]));
        assertArrayEquals(expected, perm, "seed " + seed + ", n " + n + ", range [" + from + ", " + to + ")");
    }

    /** Already sorted and reversed input, where the merge sort skips or does every merge. */
    @Test
    void sortByComparator_sortedAndReversedInput() {
        for (int n : new int[] {0, 1, 2, 15, 16, 17, 100_000}) {
            int[] ascending = new int[n];
            int[] descending = new int[n];
            for (int i = 0; i < n; i++) {
                ascending[i] = i;
                descending[i] = n - 1 - i;
            }
            int[] perm = ascending.clone();
            IndirectSort.sort(perm, (a, b) -> Integer.compare(a / 3, b / 3));
            assertArrayEquals(ascending, perm, "n " + n);
            perm = descending.clone();
            IndirectSort.sort(perm, Integer::compare);
            assertArrayEquals(ascending, perm, "n " + n);
        }
    }

    /** A large array of money-like values with ties, through all eight radix passes. */
    @Test
    void sortByDoubleKey_largeArray() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 200_000;
        double[] keys = new double[n];
        for (int i = 0; i < n; i++) {
            keys[i] = i % 10 == 0 ? -keys[i / 2] : Math.round(Math.exp(rnd.nextGaussian() * 2 + 5)) / 100.0;
        }
        keys[17] = -0.0;
        keys[3] = 0.0;
        keys[99] = Double.NaN;
        int[] perm = RandomCases.permutation(rnd, n);
        int[] expected = reference(perm, 0, n, (a, b) -> Double.compare(keys[a], keys[b]));
        IndirectSort.sortByKey(perm, keys);
        assertArrayEquals(expected, perm);
    }

    @Test
    void sortByDoubleKey_ordersSignedZerosInfinitiesAndNaN() {
        double[] keys = {Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY, -1.5, Double.NEGATIVE_INFINITY, 0.0, -0.0};
        int[] perm = {0, 1, 2, 3, 4, 5, 6, 7};
        IndirectSort.sortByKey(perm, keys);
        assertArrayEquals(new int[] {5, 4, 2, 7, 1, 6, 3, 0}, perm);
    }

    @Test
    void sortByKey_positionOutsideKeys_namesIt() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> IndirectSort.sortByKey(new int[] {0, 7, 1}, new double[3]));
        assertTrue(e.getMessage().contains("7"), e.getMessage());
        e = assertThrows(IndexOutOfBoundsException.class,
                () -> IndirectSort.sortByKey(new int[] {-2}, new long[3]));
        assertTrue(e.getMessage().contains("-2"), e.getMessage());
    }

    @Test
    void sortRange_outsideArray_namesBounds() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> IndirectSort.sort(new int[4], 3, 9, Integer::compare));
        assertTrue(e.getMessage().contains("9"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> IndirectSort.sort(new int[4], 3, 2, Integer::compare));
    }

    @Test
    void sort_nullComparator_isRejected() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> IndirectSort.sort(new int[2], null));
        assertEquals("order", e.getMessage());
    }
}
