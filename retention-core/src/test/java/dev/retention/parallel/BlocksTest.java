package dev.retention.parallel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlocksTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @Test
    void ofSize_cutsIntoFixedBlocks() {
        Blocks b = Blocks.ofSize(10, 4);
        assertEquals(3, b.count());
        assertEquals(0, b.start(0));
        assertEquals(4, b.end(0));
        assertEquals(8, b.start(2));
        assertEquals(10, b.end(2));
        assertEquals(0, Blocks.ofSize(0, 4).count());
    }

    @Test
    void bounded_keepsTheMinimumAndTheMaximumCount() {
        assertEquals(1, Blocks.bounded(1000, 1024, 64).count());
        Blocks b = Blocks.bounded(1_000_000, 1024, 64);
        assertEquals(64, b.count());
        assertEquals(1_000_000, b.size());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void byWeight_coversEveryItemOnceInOrder(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = rnd.nextInt(0, 200);
        long[] c = new long[n + 1];
        for (int i = 0; i < n; i++) {
            c[i + 1] = c[i] + (rnd.nextInt(4) == 0 ? rnd.nextInt(0, 1000) : rnd.nextInt(0, 5));
        }
        long target = rnd.nextLong(1, 500);
        Blocks b = Blocks.byWeight(c, n, target);
        assertTrue(b.count() >= 1, "seed " + seed);
        assertEquals(0, b.start(0), "seed " + seed);
        assertEquals(n, b.end(b.count() - 1), "seed " + seed);
        for (int k = 0; k < b.count(); k++) {
            assertTrue(b.start(k) <= b.end(k), "seed " + seed + " block " + k);
            if (k > 0) {
                assertEquals(b.end(k - 1), b.start(k), "seed " + seed + " block " + k);
            }
        }
        int[] ci = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            ci[i] = (int) c[i];
        }
        Blocks bi = Blocks.byWeight(ci, n, target);
        assertEquals(b.count(), bi.count(), "seed " + seed);
        for (int k = 0; k < b.count(); k++) {
            assertEquals(b.start(k), bi.start(k), "seed " + seed + " block " + k);
            assertEquals(b.end(k), bi.end(k), "seed " + seed + " block " + k);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sum_isTheSameForAnyNumberOfThreads(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = rnd.nextInt(0, 5000);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble() * Math.pow(10, rnd.nextInt(-8, 9));
        }
        Blocks b = Blocks.ofSize(n, 1 + rnd.nextInt(700));
        double[] one = new double[2];
        double[] three = new double[2];
        Blocks.Accumulator sums = (from, to, out, off) -> {
            for (int i = from; i < to; i++) {
                out[off] += x[i];
                out[off + 1] += x[i] * x[i];
            }
        };
        try (Workers w1 = Workers.create(1); Workers w3 = Workers.create(3)) {
            b.sum(w1, 2, sums, one);
            b.sum(w3, 2, sums, three);
        }
        assertArrayEquals(one, three, 0.0, "seed " + seed);
    }

    @Test
    void factories_rejectBadArguments() {
        assertEquals("n must be >= 0 and size >= 1, got n=5, size=0",
                assertThrows(IllegalArgumentException.class, () -> Blocks.ofSize(5, 0)).getMessage());
        assertEquals("cumulative must hold n + 1 = 4 values, got 2",
                assertThrows(IllegalArgumentException.class, () -> Blocks.byWeight(new long[2], 3, 1)).getMessage());
    }
}
