package dev.retention.parallel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs numbered tasks {@code 0 .. count-1} on a fixed number of threads, the calling thread included.
 *
 * <p>Design: tasks are handed out from a shared counter, so which thread runs which task varies; a
 * result must therefore not depend on it. Every task writes only its own output slot (a disjoint
 * range, or a private partial result) and the caller combines the slots in task order, so results are
 * the same bit for bit whatever the number of threads (the approach of EJML's {@code _MT} kernels,
 * STYLE.md). Each thread also gets a worker number in {@code [0, threads)} to pick its own workspace.
 *
 * <p>Two ways to get threads: a fit makes its own {@link #create(int) Workers} for its duration (daemon
 * threads, stopped by {@link #close()}); the sparse kernels, called many times by callers that hold no
 * pool, use {@link #runShared} on one pool of daemon threads shared by the process. With one thread,
 * or one task, everything runs in the caller's thread and no thread is created. An exception thrown by
 * a task stops the hand-out and is rethrown once all threads have stopped: unchecked exceptions and
 * errors as they are, anything else wrapped in an {@link IllegalStateException}.
 *
 * <p>Per call the cost is O(threads) small allocations (a runnable and a future per helper thread),
 * never anything per task.
 */
public final class Workers implements AutoCloseable {

    /** A task numbered {@code 0 .. count-1}. */
    @FunctionalInterface
    public interface Task {
        /** Runs task {@code index}. */
        void run(int index);
    }

    /** A task that also uses the workspace of the thread running it. */
    @FunctionalInterface
    public interface WorkerTask {
        /** Runs task {@code index} on worker {@code worker} (in {@code [0, threads)}). */
        void run(int index, int worker);
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private static final ExecutorService SHARED = Executors.newCachedThreadPool(daemons("retention-kernel"));

    private final int parallelism;
    private final ExecutorService pool;

    private Workers(int parallelism) {
        this.parallelism = parallelism;
        this.pool = parallelism == 1 ? null
                : Executors.newFixedThreadPool(parallelism - 1, daemons("retention-" + POOLS.incrementAndGet()));
    }

    /**
     * Workers with their own {@code parallelism - 1} helper threads, to close after use.
     *
     * @param parallelism threads in all, the caller's included, {@code >= 1}
     * @throws IllegalArgumentException if {@code parallelism < 1}
     */
    public static Workers create(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        return new Workers(parallelism);
    }

    /** Number of threads, the caller's included. */
    public int parallelism() {
        return parallelism;
    }

    /** Runs tasks {@code 0 .. count-1}, each once, and returns when all have finished. */
    public void run(int count, Task task) {
        execute(pool, parallelism, count, (index, worker) -> task.run(index));
    }

    /** Runs tasks {@code 0 .. count-1}, each once, telling each which worker runs it. */
    public void run(int count, WorkerTask task) {
        execute(pool, parallelism, count, task);
    }

    /**
     * Runs tasks {@code 0 .. count-1} on up to {@code threads} threads of the shared pool (the caller
     * included) and returns when all have finished.
     */
    public static void runShared(int count, int threads, WorkerTask task) {
        execute(SHARED, threads, count, task);
    }

    /** Stops the helper threads. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private static void execute(ExecutorService pool, int threads, int count, WorkerTask task) {
        int t = Math.min(threads, count);
        if (pool == null || t <= 1) {
            for (int i = 0; i < count; i++) {
                task.run(i, 0);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Future<?>[] helpers = new Future<?>[t - 1];
        for (int w = 1; w < t; w++) {
            int worker = w;
            helpers[w - 1] = pool.submit(() -> drain(next, count, worker, task));
        }
        Throwable failure = null;
        try {
            drain(next, count, 0, task);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Future<?> f : helpers) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = new IllegalStateException("interrupted while waiting for worker threads", e);
                }
            }
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private static void drain(AtomicInteger next, int count, int worker, WorkerTask task) {
        try {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                task.run(i, worker);
            }
        } catch (RuntimeException | Error e) {
            next.set(count);   // the other threads stop at their next task
            throw e;
        }
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, prefix + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
