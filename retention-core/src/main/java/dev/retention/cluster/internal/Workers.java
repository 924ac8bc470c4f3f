package dev.retention.cluster.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs numbered tasks (one per {@link Blocks block}, or per cluster) on a fixed number of threads: the
 * calling thread plus {@code parallelism - 1} daemon workers, created once per fit and closed after
 * it. Tasks are handed out dynamically, so the result must not depend on which thread ran which task:
 * every task writes only its own slot of the output and the caller combines slots in task order.
 * With parallelism 1 the tasks run in the calling thread, in order, with no thread created.
 */
public final class Workers implements AutoCloseable {

    /** A task numbered {@code 0 .. count-1}. */
    public interface Task {
        /** Runs task {@code index}. */
        void run(int index);
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int parallelism;
    private final ExecutorService pool;

    private Workers(int parallelism) {
        this.parallelism = parallelism;
        if (parallelism == 1) {
            pool = null;
        } else {
            int id = POOLS.incrementAndGet();
            AtomicInteger threads = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "retention-cluster-" + id + "-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            pool = Executors.newFixedThreadPool(parallelism - 1, factory);
        }
    }

    /** Workers for {@code parallelism >= 1} threads in all (the caller's included). */
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

    /**
     * Runs tasks {@code 0 .. count-1} and returns when all have finished. An exception thrown by a task
     * is rethrown here (unchecked exceptions and errors as they are).
     */
    public void run(int count, Task task) {
        if (pool == null || count <= 1) {
            for (int i = 0; i < count; i++) {
                task.run(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable loop = () -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                task.run(i);
            }
        };
        int helpers = Math.min(parallelism - 1, count - 1);
        List<Future<?>> futures = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            futures.add(pool.submit(loop));
        }
        Throwable failure = null;
        try {
            loop.run();
        } catch (RuntimeException | Error e) {
            failure = e;
            next.set(count);   // let the helpers stop early
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = new IllegalStateException("interrupted while waiting for clustering workers", e);
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

    /** Stops the worker threads. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
