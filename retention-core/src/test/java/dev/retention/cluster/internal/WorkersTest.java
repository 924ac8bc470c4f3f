package dev.retention.cluster.internal;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WorkersTest {

    @Test
    void run_runsEveryTaskOnce() {
        for (int parallelism : new int[] {1, 2, 5}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(100);
            try (Workers w = Workers.create(parallelism)) {
                w.run(100, runs::incrementAndGet);
                w.run(0, i -> runs.addAndGet(i, 100));
            }
            for (int i = 0; i < 100; i++) {
                assertEquals(1, runs.get(i), "parallelism " + parallelism + " task " + i);
            }
        }
    }

    @Test
    void run_rethrowsATaskFailure() {
        try (Workers w = Workers.create(3)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.run(50, i -> {
                if (i == 37) {
                    throw new IllegalStateException("task 37");
                }
            }));
            assertEquals("task 37", e.getMessage());
        }
    }

    @Test
    void create_rejectsNonPositiveParallelism() {
        assertEquals("parallelism must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Workers.create(0)).getMessage());
    }

    @Test
    void blocks_coverEveryRowOnceAndDependOnNOnly() {
        for (int n : new int[] {0, 1, 1023, 1024, 1025, 64 * 1024, 64 * 1024 + 1, 1_000_000}) {
            Blocks b = new Blocks(n);
            int next = 0;
            for (int i = 0; i < b.count(); i++) {
                assertEquals(next, b.start(i), "n=" + n);
                next = b.end(i);
                assertEquals(true, b.end(i) > b.start(i), "n=" + n);
            }
            assertEquals(n, next, "n=" + n);
            assertEquals(true, b.count() <= Blocks.MAX_BLOCKS, "n=" + n);
        }
    }
}
