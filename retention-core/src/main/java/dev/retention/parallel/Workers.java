package dev.retention.parallel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs numbered tasks {@code 0 .. count-1} on a fixed number of threads, the calling thread included: the one
 * runner of parallel work in every module of the library.
 *
 * <p>Design: tasks are handed out from a shared counter, so which thread runs which task varies; a result
 * must therefore not depend on it. Every task writes only its own output slot (a disjoint range, or a
 * private partial result over a fixed {@link Blocks block}) and the caller combines the slots in task order,
 * so results are the same bit for bit whatever the number of threads (the approach of EJML's {@code _MT}
 * kernels). Each thread also gets a worker number in {@code [0, threads)} to pick its own workspace.
 *
 * <p>Threads: given an {@link Executor} (a service's own pool), helper tasks run there; otherwise the workers
 * start up to {@code threads - 1} daemon threads of their own, which {@link #close()} stops and waits for, so
 * no thread outlives the workers. With one thread, or one task, everything runs in the caller's thread and
 * no thread is started. The caller always works too and never waits for a helper task that has not started:
 * such tasks are withdrawn when the work is done, so a small or saturated executor slows the work down but
 * cannot deadlock it (not even when the caller is itself a thread of that executor).
 *
 * <p>Failures: an exception thrown by a task stops the hand-out; the first one is rethrown once every
 * started helper has stopped (unchecked exceptions and errors as they are). The caller waits for its helpers only
 * once every task has been handed out, so an interrupt there loses no work: the call completes and returns with the
 * interrupt flag set, for the caller to act on (a fit's {@code FitControl.step} then stops it).
 *
 * <p>Per {@code run} the cost is O(threads) small allocations, never anything per task. One {@code Workers}
 * may serve several threads' {@code run} calls at once; {@code close} must come after the last of them.
 */
public final class Workers implements AutoCloseable {

    /** A task numbered {@code 0 .. count-1}. */
    @FunctionalInterface
    public interface Task {
        /**
         * Runs task {@code index}.
         *
         * @param index task, in [0, count)
         */
        void run(int index);
    }

    /** A task that also uses the workspace of the thread running it. */
    @FunctionalInterface
    public interface WorkerTask {
        /**
         * Runs task {@code index} on worker {@code worker} (in {@code [0, threads)}).
         *
         * @param index  task, in [0, count)
         * @param worker the worker running it, in [0, threads)
         */
        void run(int index, int worker);
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final Executor executor;
    private final ThreadPoolExecutor own;
    private final List<Thread> started = new CopyOnWriteArrayList<>();

    private Workers(int threads, Executor executor) {
        this.threads = threads;
        if (threads == 1) {
            this.own = null;
            this.executor = null;
        } else if (executor != null) {
            this.own = null;
            this.executor = executor;
        } else {
            this.own = new ThreadPoolExecutor(threads - 1, threads - 1, 0, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), daemons("retention-worker-" + POOLS.incrementAndGet(), started));
            this.executor = own;
        }
    }

    /**
     * {@return workers with threads of their own (started when first needed), to close after use}
     *
     * @param threads threads in all, the caller's included, {@code >= 1}
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static Workers create(int threads) {
        return create(threads, null);
    }

    /**
     * {@return workers that run their helper tasks on {@code executor}, or on threads of their own when it is null}
     *
     * @param threads  threads in all, the caller's included, {@code >= 1}
     * @param executor used and never shut down; null for threads of their own
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static Workers create(int threads, Executor executor) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new Workers(threads, executor);
    }

    /**
     * Runs tasks {@code 0 .. count-1} on {@code threads} threads started for this call alone and stopped
     * before it returns: for a kernel called once by a caller that holds no workers. Starting threads costs
     * tens of microseconds each; callers that run many small jobs keep a {@code Workers} instead.
     *
     * @param threads threads in all, {@code >= 1}
     * @param count   number of tasks, {@code >= 0}
     * @param task    run once per index
     */
    public static void runOnce(int threads, int count, WorkerTask task) {
        try (Workers w = create(Math.max(1, Math.min(threads, count)))) {
            w.run(count, task);
        }
    }

    /** {@return the number of threads, the caller's included} */
    public int threads() {
        return threads;
    }

    /**
     * Runs tasks {@code 0 .. count-1}, each once, and returns when all have finished.
     *
     * @param count number of tasks, {@code >= 0}
     * @param task  run once per index
     */
    public void run(int count, Task task) {
        execute(count, (index, worker) -> task.run(index));
    }

    /**
     * Runs tasks {@code 0 .. count-1}, each once, telling each which worker runs it.
     *
     * @param count number of tasks, {@code >= 0}
     * @param task  run once per index
     */
    public void run(int count, WorkerTask task) {
        execute(count, task);
    }

    /**
     * Stops the threads of their own, if any, and waits until every one of them has ended (joined). Does
     * nothing to a given executor.
     */
    @Override
    public void close() {
        if (own == null) {
            return;
        }
        own.shutdown();
        boolean interrupted = false;
        for (Thread th : started) {
            while (th.isAlive()) {
                try {
                    th.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void execute(int count, WorkerTask task) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        int t = Math.min(threads, count);
        if (executor == null || t <= 1) {
            for (int i = 0; i < count; i++) {
                task.run(i, 0);
            }
            return;
        }
        Run run = new Run(count, task, t - 1);
        for (int w = 1; w < t; w++) {
            Helper h = new Helper(run, w);
            run.helpers[w - 1] = h;
            try {
                executor.execute(h);
            } catch (RuntimeException e) {   // RejectedExecutionException: saturated or shut down
                h.state.set(Helper.WITHDRAWN);   // the caller does this helper's share
            }
        }
        run.drain(0);
        run.finish();
    }

    private static ThreadFactory daemons(String prefix, List<Thread> started) {
        AtomicInteger number = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, prefix + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            started.add(thread);
            return thread;
        };
    }

    /** One {@code run} call: the counter, the helpers, the first failure. */
    private static final class Run {
        final AtomicInteger next = new AtomicInteger();
        final int count;
        final WorkerTask task;
        final Helper[] helpers;
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        private int running;   // helpers started and not yet done; guarded by this

        Run(int count, WorkerTask task, int helpers) {
            this.count = count;
            this.task = task;
            this.helpers = new Helper[helpers];
        }

        void drain(int worker) {
            try {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    task.run(i, worker);
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
                next.set(count);   // the other threads stop at their next task
            }
        }

        synchronized void started() {
            running++;
        }

        synchronized void done() {
            running--;
            notifyAll();
        }

        /** Withdraws the helpers that have not started, waits for those that have, rethrows a failure. */
        void finish() {
            for (Helper h : helpers) {
                h.state.compareAndSet(Helper.NEW, Helper.WITHDRAWN);
            }
            boolean interrupted = false;
            synchronized (this) {
                while (running > 0) {   // every task is handed out: wait for the started helpers to finish theirs
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable f = failure.get();
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error err) {
                throw err;
            }
        }
    }

    /** A helper task; runs only if it starts before the caller withdraws it. */
    private static final class Helper implements Runnable {
        static final int NEW = 0;
        static final int STARTED = 1;
        static final int WITHDRAWN = 2;

        final AtomicInteger state = new AtomicInteger(NEW);
        final Run run;
        final int worker;

        Helper(Run run, int worker) {
            this.run = run;
            this.worker = worker;
        }

        @Override
        public void run() {
            run.started();   // counted before the state changes, so finish() cannot miss it
            try {
                if (state.compareAndSet(NEW, STARTED)) {
                    run.drain(worker);
                }
            } finally {
                run.done();
            }
        }
    }
}
