package dev.retention.churn.lifetime.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sums of per-row quantities (a log-likelihood and its gradient) over fixed blocks of rows, in parallel,
 * added up in block order, so that the result is the same bit for bit whatever the number of threads.
 *
 * <p>Design: rows {@code [0, n)} are cut into blocks of {@link #BLOCK} rows, fixed by {@code n} alone. Each
 * block's kernel call writes its {@code width} partial sums into its own slice of one preallocated array;
 * worker threads claim blocks from an atomic counter; the slices are then added in block order. With
 * parallelism 1, or a single block, everything runs in the caller's thread. The pool is created once per fit
 * and closed with it. Per reduction the only allocation is the executor's bookkeeping, none per row.
 */
public final class BlockReduction implements AutoCloseable {

    /** Rows per block. */
    public static final int BLOCK = 4096;

    /** The per-block work: accumulate the rows {@code [from, to)} into {@code out[offset .. offset + width)}. */
    public interface Kernel {
        /**
         * Adds the block's contributions; the slice arrives zeroed.
         *
         * @param out written: only {@code out[offset .. offset + width)}
         */
        void accumulate(int from, int to, double[] out, int offset);
    }

    private final int rows;
    private final int width;
    private final int blocks;
    private final double[] partial;
    private final ForkJoinPool pool;
    private final List<Callable<Void>> workers;
    private final AtomicInteger next = new AtomicInteger();
    private Kernel kernel;

    /**
     * @param rows        number of rows, {@code >= 0}
     * @param width       number of sums, {@code >= 1}
     * @param parallelism threads to use, {@code >= 1}
     */
    public BlockReduction(int rows, int width, int parallelism) {
        if (rows < 0 || width < 1 || parallelism < 1) {
            throw new IllegalArgumentException("rows must be >= 0, width and parallelism >= 1, got rows=" + rows
                    + ", width=" + width + ", parallelism=" + parallelism);
        }
        this.rows = rows;
        this.width = width;
        this.blocks = Math.max(1, (rows + BLOCK - 1) / BLOCK);
        this.partial = new double[blocks * width];
        int threads = Math.min(parallelism, blocks);
        if (threads > 1) {
            pool = new ForkJoinPool(threads);
            workers = new ArrayList<>(threads);
            for (int t = 0; t < threads; t++) {
                workers.add(this::work);
            }
        } else {
            pool = null;
            workers = List.of();
        }
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /**
     * Runs {@code kernel} over all blocks and writes the block-ordered sums into {@code result[0 .. width)}.
     *
     * @param result written
     */
    public void reduce(Kernel kernel, double[] result) {
        Arrays.fill(partial, 0);
        if (pool == null) {
            for (int b = 0; b < blocks; b++) {
                runBlock(kernel, b);
            }
        } else {
            this.kernel = kernel;
            next.set(0);
            try {
                for (Future<Void> f : pool.invokeAll(workers)) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while summing the likelihood", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            } finally {
                this.kernel = null;
            }
        }
        Arrays.fill(result, 0, width, 0);
        for (int b = 0; b < blocks; b++) {
            int off = b * width;
            for (int j = 0; j < width; j++) {
                result[j] += partial[off + j];
            }
        }
    }

    private Void work() {
        Kernel k = kernel;
        for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
            runBlock(k, b);
        }
        return null;
    }

    private void runBlock(Kernel k, int b) {
        int from = b * BLOCK;
        int to = Math.min(rows, from + BLOCK);
        k.accumulate(from, to, partial, b * width);
    }

    /** Shuts the worker threads down. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
