package dev.retention.primitive;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Test fixture: the seeds of the property tests and awkward random keys and values drawn from them:
 * the extremes and 0, keys that differ only in their high bits, strings with equal hash codes,
 * doubles with signed zeros, infinities and NaN, and many ties.
 */
final class RandomCases {

    private static final long[] SPECIAL_LONGS = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, Long.MAX_VALUE,
            Integer.MIN_VALUE, Integer.MAX_VALUE};
    private static final double[] SPECIAL_DOUBLES = {-0.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
            Double.MIN_NORMAL, 1.0, -1.0};

    private RandomCases() {
    }

    /** The seeds of the property tests; a failing case names its seed, which replays it. */
    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    /**
     * A key of one of several kinds, so that a map sees them mixed: extremes and 0, small numbers
     * (many repeats), numbers that differ only in their top 16 bits (the low bits of the raw key are
     * all equal), multiples of a large power of two, and arbitrary longs.
     */
    static long key(SplittableRandom rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> SPECIAL_LONGS[rnd.nextInt(SPECIAL_LONGS.length)];
            case 1 -> rnd.nextInt(-50, 50);
            case 2 -> (long) rnd.nextInt(1 << 16) << 48;
            case 3 -> (long) rnd.nextInt(1 << 20) << 32;
            default -> rnd.nextLong();
        };
    }

    /**
     * A text key: a word of "Aa" and "BB" blocks (all words of a length share one hash code), the
     * decimal text of a small number, or a random lowercase word.
     */
    static String text(SplittableRandom rnd) {
        switch (rnd.nextInt(3)) {
            case 0 -> {
                StringBuilder sb = new StringBuilder();
                int blocks = rnd.nextInt(1, 7);
                for (int i = 0; i < blocks; i++) {
                    sb.append(rnd.nextBoolean() ? "Aa" : "BB");
                }
                return sb.toString();
            }
            case 1 -> {
                return Integer.toString(rnd.nextInt(536_365, 536_365 + 400));
            }
            default -> {
                char[] c = new char[rnd.nextInt(0, 6)];
                for (int i = 0; i < c.length; i++) {
                    c[i] = (char) ('a' + rnd.nextInt(26));
                }
                return new String(c);
            }
        }
    }

    /**
     * A sort key: a special value (signed zeros, infinities, NaN, extremes), one of a few small whole
     * numbers (ties), or an arbitrary double of either sign and any exponent.
     */
    static double sortKey(SplittableRandom rnd) {
        return switch (rnd.nextInt(4)) {
            case 0 -> SPECIAL_DOUBLES[rnd.nextInt(SPECIAL_DOUBLES.length)];
            case 1 -> rnd.nextInt(-3, 4);
            case 2 -> Math.round(rnd.nextDouble() * 1e6) / 100.0;
            default -> Double.longBitsToDouble(rnd.nextLong());
        };
    }

    /**
     * A length for a sort or a list: 0, 1, 2, around the sorts' insertion-sort thresholds, or up to
     * {@code max}.
     */
    static int length(SplittableRandom rnd, int max) {
        return switch (rnd.nextInt(4)) {
            case 0 -> rnd.nextInt(3);
            case 1 -> IndirectSort.INSERTION_SORT_BELOW + rnd.nextInt(-2, 3);
            case 2 -> IndirectSort.RADIX_SORT_FROM + rnd.nextInt(-2, 3);
            default -> rnd.nextInt(max + 1);
        };
    }

    /** A random permutation of {@code 0..n-1}. */
    static int[] permutation(SplittableRandom rnd, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            int j = rnd.nextInt(i + 1);
            p[i] = p[j];
            p[j] = i;
        }
        return p;
    }
}
