package dev.retention.churn.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs numbered tasks on a fixed number of threads. Each task writes only its own output slot, and
 * callers combine the slots in task order afterwards, so results do not depend on the number of
 * threads or on scheduling (EJML's {@code _MT} kernels, STYLE.md). With one thread every task runs on the
 * caller's thread and no pool is created. Close it to stop the threads.
 *
 * <p>Per {@link #run} call the work costs O(threads) small allocations (one runnable and future per
 * worker), never anything per task.
 */
public final class Parallel implements AutoCloseable {

    /** The body of a numbered task. */
    @FunctionalInterface
    public interface Task {
        /** Runs task {@code index}; may throw unchecked exceptions, rethrown by {@link #run}. */
        void run(int index);
    }

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final int threads;
    private final ExecutorService pool;

    private Parallel(int threads) {
        this.threads = threads;
        if (threads > 1) {
            int number = POOL_NUMBER.incrementAndGet();
            AtomicInteger thread = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "retention-churn-" + number + "-" + thread.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            pool = Executors.newFixedThreadPool(threads - 1, factory);
        } else {
            pool = null;
        }
    }

    /**
     * A runner with {@code threads} threads, the caller's included.
     *
     * @param threads &gt;= 1
     */
    public static Parallel of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + threads);
        }
        return new Parallel(threads);
    }

    /** Number of threads, the caller's included. */
    public int threads() {
        return threads;
    }

    /**
     * Runs tasks {@code 0 .. tasks-1}, each exactly once, and returns when all are done. The calling
     * thread works too. An exception of a task is rethrown (the first one by task order of discovery).
     */
    public void run(int tasks, Task task) {
        if (tasks <= 0) {
            return;
        }
        if (pool == null || tasks == 1) {
            for (int i = 0; i < tasks; i++) {
                task.run(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            int i;
            while ((i = next.getAndIncrement()) < tasks) {
                task.run(i);
            }
        };
        int helpers = Math.min(threads - 1, tasks - 1);
        List<Future<?>> futures = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            futures.add(pool.submit(worker));
        }
        RuntimeException failure = null;
        try {
            worker.run();
        } catch (RuntimeException | Error e) {
            next.set(tasks);   // stop the helpers early
            failure = e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    Throwable cause = e.getCause();
                    failure = cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = new IllegalStateException("interrupted while waiting for parallel tasks", e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
