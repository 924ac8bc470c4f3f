package dev.retention.parallel;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
        assertEquals("threads must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Workers.create(0)).getMessage());
    }

    @Test
    void runOnce_runsEveryTaskOnceWithWorkerNumbersInRange() {
        for (int threads : new int[] {1, 2, 4}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(257);
            AtomicIntegerArray workers = new AtomicIntegerArray(257);
            Workers.runOnce(threads, 257, (i, w) -> {
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
        // a worker number indexes per-worker workspaces: it must belong to one thread, and no two threads may share
        // one (the former version of this test only summed the counts)
        try (Workers w = Workers.create(3)) {
            java.util.concurrent.ConcurrentHashMap<Integer, java.util.Set<Thread>> threadsOf =
                    new java.util.concurrent.ConcurrentHashMap<>();
            java.util.concurrent.CountDownLatch allStarted = new java.util.concurrent.CountDownLatch(3);
            w.run(64, (i, worker) -> {
                threadsOf.computeIfAbsent(worker, k -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                        .add(Thread.currentThread());
                if (i < 3) {            // hold the first tasks until three are running, so that three threads work
                    allStarted.countDown();
                    try {
                        allStarted.await(5, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            java.util.Set<Thread> all = new java.util.HashSet<>();
            threadsOf.forEach((worker, threads) -> {
                assertTrue(worker >= 0 && worker < 3, "worker " + worker);
                assertEquals(1, threads.size(), "worker " + worker + " ran on " + threads);
                all.addAll(threads);
            });
            assertEquals(threadsOf.size(), all.size(), "two worker numbers shared a thread: " + threadsOf);
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

    @Test
    void run_onAGivenExecutor_usesItsThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> new Thread(r, "host-pool"));
        try (Workers w = Workers.create(4, pool)) {
            AtomicIntegerArray runs = new AtomicIntegerArray(1000);
            AtomicInteger onHost = new AtomicInteger();
            CountDownLatch hostWorked = new CountDownLatch(1);
            w.run(1000, i -> {
                runs.incrementAndGet(i);
                if (Thread.currentThread().getName().equals("host-pool")) {
                    onHost.incrementAndGet();
                    hostWorked.countDown();
                } else {
                    await(hostWorked);   // the caller waits until the executor has taken a task
                }
            });
            for (int i = 0; i < 1000; i++) {
                assertEquals(1, runs.get(i), "task " + i);
            }
            assertTrue(onHost.get() > 0, "no task ran on the given executor");
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertTrue(!pool.isShutdown() || pool.isTerminated());
    }

    @Test
    void run_fromInsideASaturatedExecutor_doesNotDeadlock() throws Exception {
        // the caller is the only thread of the executor it hands to the workers: helpers can never start
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> sum = single.submit(() -> {
                AtomicInteger s = new AtomicInteger();
                try (Workers w = Workers.create(4, single)) {
                    w.run(100, s::addAndGet);
                }
                return s.get();
            });
            assertEquals(4950, sum.get(30, TimeUnit.SECONDS));
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void run_withARejectingExecutor_runsEverythingOnTheCaller() {
        try (Workers w = Workers.create(3, r -> {
            throw new RejectedExecutionException("full");
        })) {
            AtomicIntegerArray runs = new AtomicIntegerArray(50);
            w.run(50, (i, worker) -> {
                runs.incrementAndGet(i);
                assertEquals(0, worker);
            });
            for (int i = 0; i < 50; i++) {
                assertEquals(1, runs.get(i));
            }
        }
    }

    @Test
    void close_leavesNoThreadBehind() {
        for (int round = 0; round < 5; round++) {
            try (Workers w = Workers.create(3)) {
                w.run(64, i -> busy(1_000));
            }
            Workers.runOnce(3, 64, (i, worker) -> busy(1_000));
        }
        long left = Thread.getAllStackTraces().keySet().stream()
                .filter(th -> th.getName().startsWith("retention-worker-") && th.isAlive()).count();
        assertEquals(0, left, "worker threads still alive after close");
    }

    @Test
    void run_interruptedWhileWaitingForAHelper_completesEveryTaskAndKeepsTheFlag() throws Exception {
        CountDownLatch helperStarted = new CountDownLatch(1);
        CountDownLatch releaseHelper = new CountDownLatch(1);
        AtomicInteger outcome = new AtomicInteger();
        AtomicIntegerArray runs = new AtomicIntegerArray(64);
        Thread caller = new Thread(() -> {
            try (Workers w = Workers.create(2)) {
                w.run(64, i -> {
                    runs.incrementAndGet(i);
                    if (Thread.currentThread().getName().startsWith("retention-worker-")) {
                        helperStarted.countDown();
                        await(releaseHelper);   // the helper holds its task until the caller has been interrupted
                    } else {
                        await(helperStarted);   // the caller works only once the helper holds a task
                    }
                });
                outcome.set(Thread.currentThread().isInterrupted() ? 2 : 1);
            }
        }, "caller");
        caller.start();
        assertTrue(helperStarted.await(30, TimeUnit.SECONDS));
        for (int spins = 0; !waitingForHelpers(caller); spins++) {
            assertTrue(spins < 30_000, "the caller never waited for its helper: " + caller.getState());
            Thread.sleep(1);
        }
        caller.interrupt();
        releaseHelper.countDown();
        caller.join(30_000);
        assertEquals(2, outcome.get(), "1: the interrupt flag was lost, 0: run threw");
        for (int i = 0; i < 64; i++) {
            assertEquals(1, runs.get(i), "task " + i);
        }
    }

    @Test
    void run_rejectsANegativeCount() {
        try (Workers w = Workers.create(2)) {
            assertEquals("count must be >= 0, got -1",
                    assertThrows(IllegalArgumentException.class, () -> w.run(-1, i -> { })).getMessage());
        }
    }

    /** Whether the thread waits inside the workers for its started helpers (and nowhere else). */
    private static boolean waitingForHelpers(Thread t) {
        if (t.getState() != Thread.State.WAITING) {
            return false;
        }
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().equals(Workers.class.getName() + "$Run") && e.getMethodName().equals("finish")) {
                return true;
            }
        }
        return false;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "the executor never ran a task");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void busy(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
