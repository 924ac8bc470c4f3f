package dev.retention.model;

import dev.retention.parallel.Workers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitControlTest {

    @Test
    void step_tellsTheListenerThenStopsWhenCancelled() {
        List<String> heard = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        FitControl c = FitControl.defaults()
                .withListener((stage, done, total, objective) -> heard.add(stage + " " + done + "/" + total + " " + objective))
                .withCancellation(stop::get);
        c.step("epochs", 1, 20, 0.5);
        stop.set(true);
        CancellationException e = assertThrows(CancellationException.class, () -> c.step("epochs", 2, 20, 0.25));
        assertEquals("fit cancelled during epochs after 2 steps", e.getMessage());
        assertEquals(List.of("epochs 1/20 0.5", "epochs 2/20 0.25"), heard);
    }

    @Test
    void step_stopsOnAnInterruptAndKeepsTheFlag() {
        FitControl c = FitControl.defaults();
        Thread.currentThread().interrupt();
        try {
            CancellationException e = assertThrows(CancellationException.class, () -> c.step("L-BFGS", 3, 100, 1));
            assertEquals("fit interrupted during L-BFGS after 3 steps", e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void workers_useTheGivenExecutor() {
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "service-pool"));
        try {
            FitControl c = FitControl.defaults().withExecutor(pool);
            assertTrue(c.hasExecutor());
            assertFalse(FitControl.defaults().hasExecutor());
            AtomicInteger onPool = new AtomicInteger();
            CountDownLatch poolWorked = new CountDownLatch(1);
            try (Workers w = c.workers(3)) {
                w.run(200, i -> {
                    if (Thread.currentThread().getName().equals("service-pool")) {
                        onPool.incrementAndGet();
                        poolWorked.countDown();
                    } else {
                        awaitQuietly(poolWorked);   // the caller waits until the pool has taken a task
                    }
                });
            }
            assertTrue(onPool.get() > 0);
            assertFalse(pool.isShutdown(), "the workers must not shut down the caller's executor");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withers_rejectNull() {
        assertThrows(NullPointerException.class, () -> FitControl.defaults().withListener(null));
        assertThrows(NullPointerException.class, () -> FitControl.defaults().withCancellation(null));
        assertThrows(NullPointerException.class, () -> FitControl.defaults().withExecutor(null));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "the executor never ran a task");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
