package dev.retention.sparse.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed work blocks and the threads that run them.
 *
 * <p>Design: a kernel splits its work into blocks whose boundaries depend only on the data (never on
 * the number of threads); each block writes its own output (a disjoint range, or a private partial
 * result that the kernel then combines in block order). Threads take blocks from a shared counter, so
 * which thread runs which block varies but the result does not (as EJML's {@code _MT} kernels). Each
 * thread is given a worker number in {@code [0, threads)} to pick its own workspace; a workspace is
 * always left as it was found between rows, so its history cannot change a result.
 *
 * <p>Worker threads come from one shared pool of daemon threads; the calling thread works too.
 */
public final class Blocks {

    /** Work of one block, run by worker {@code worker}. */
    @FunctionalInterface
    public interface Task {
        /** Runs block {@code block} with the workspace of worker {@code worker}. */
        void run(int block, int worker);
    }

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "retention-kernel");
        t.setDaemon(true);
        return t;
    });

    private Blocks() {
    }

    /**
     * Block boundaries over rows {@code [0, rows)} such that each block holds about
     * {@code targetNnz} non-zeros (and at least one row), from the row pointers alone: a binary search
     * per boundary, O(blocks log rows), allocating only the result.
     *
     * @return {@code bounds} with {@code bounds[b]..bounds[b+1]} the rows of block {@code b}
     */
    public static int[] byNnz(int[] rowPtr, int rows, long targetNnz) {
        assert targetNnz > 0;
        long nnz = rowPtr[rows];
        int blocks = (int) Math.max(1, Math.min(rows, (nnz + targetNnz - 1) / targetNnz));
        int[] bounds = new int[blocks + 1];
        for (int b = 1; b < blocks; b++) {
            long goal = nnz * b / blocks;
            int lo = bounds[b - 1];
            int hi = rows;
            while (lo < hi) {   // first row r >= bounds[b-1] with rowPtr[r] >= goal
                int mid = (lo + hi) >>> 1;
                if (rowPtr[mid] < goal) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            bounds[b] = lo;
        }
        bounds[blocks] = rows;
        return bounds;
    }

    /**
     * Block boundaries over items {@code [0, n)} such that each block holds about {@code target}
     * units of work, given the cumulative work {@code cumulative[0..n]} ({@code cumulative[0] = 0}).
     * At most {@code n} blocks, at least one. O(n).
     */
    public static int[] byWeight(long[] cumulative, int n, long target) {
        assert target > 0;
        long total = cumulative[n];
        int blocks = (int) Math.max(1, Math.min(n, (total + target - 1) / target));
        int[] bounds = new int[blocks + 1];
        int r = 0;
        for (int b = 1; b < blocks; b++) {
            long goal = total * b / blocks;
            while (r < n && cumulative[r] < goal) {
                r++;
            }
            bounds[b] = Math.max(r, bounds[b - 1]);
        }
        bounds[blocks] = n;
        return bounds;
    }

    /**
     * Runs blocks {@code 0..blocks-1} on up to {@code threads} threads (the caller included) and
     * returns when all are done. An exception of a block is rethrown (unchecked) after all stop.
     */
    public static void run(int blocks, int threads, Task task) {
        int t = Math.max(1, Math.min(threads, blocks));
        if (t == 1) {
            for (int b = 0; b < blocks; b++) {
                task.run(b, 0);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        @SuppressWarnings("unchecked")
        Future<?>[] helpers = new Future<?>[t - 1];
        for (int w = 1; w < t; w++) {
            int worker = w;
            helpers[w - 1] = POOL.submit(() -> drain(next, blocks, worker, task));
        }
        RuntimeException failure = null;
        try {
            drain(next, blocks, 0, task);
        } catch (RuntimeException e) {
            next.set(blocks);
            failure = e;
        }
        for (Future<?> f : helpers) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = new IllegalStateException("interrupted while waiting for kernel threads", e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void drain(AtomicInteger next, int blocks, int worker, Task task) {
        for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
            task.run(b, worker);
        }
    }
}
