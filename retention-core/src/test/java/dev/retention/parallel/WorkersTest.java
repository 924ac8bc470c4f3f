package dev.retention.parallel;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void runShared_runsEveryTaskOnceWithWorkerNumbersInRange() {
        for (int threads : new int[] {1, 2, 4}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(257);
            AtomicIntegerArray workers = new AtomicIntegerArray(257);
            Workers.runShared(257, threads, (i, w) -> {
                runs.incrementAndGet(i);
                workers.set(i, w);
            });
            for (int i = 0; i < 257; i++) {
                assertEquals(1, runs.get(i), "threads " + threads + " task " + i);
                int w = workers.get(i);
                assertTrue(w >= 0 && w < threads, "threads " + threads + " worker " + w);
            }
        }
    }

    @Test
    void run_givesEachThreadItsOwnWorkerNumber() {
        try (Workers w = Workers.create(3)) {
            AtomicIntegerArray seen = new AtomicIntegerArray(3);
            w.run(64, (i, worker) -> seen.incrementAndGet(worker));
            assertEquals(64, seen.get(0) + seen.get(1) + seen.get(2));
        }
    }

    @Test
    void run_rethrowsAnErrorAsItIs() {
        try (Workers w = Workers.create(2)) {
            AssertionError e = assertThrows(AssertionError.class, () -> w.run(20, i -> {
                if (i == 11) {
                    throw new AssertionError("task 11");
                }
            }));
            assertEquals("task 11", e.getMessage());
        }
    }
}
