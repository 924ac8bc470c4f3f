package dev.retention.lifetime.internal;

import dev.retention.parallel.Workers;

import java.util.Arrays;

/**
 * Sums of per-row quantities (a log-likelihood and its gradient) over fixed blocks of rows, in parallel,
 * added up in block order, so that the result is the same bit for bit whatever the number of threads.
 *
 * <p>Design: rows {@code [0, n)} are cut into blocks of {@link #BLOCK} rows, fixed by {@code n} alone. Each
 * block's kernel call writes its {@code width} partial sums into its own slice of one preallocated array;
 * {@link Workers} threads claim blocks; the slices are then added in block order. With parallelism 1, or a
 * single block, everything runs in the caller's thread. The threads are created once per fit and stopped
 * with it. Per reduction the only allocation is the workers' bookkeeping, none per row.
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
    private final Workers workers;

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
        this.workers = Workers.create(Math.min(parallelism, blocks));
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
        workers.run(blocks, b -> runBlock(kernel, b));
        Arrays.fill(result, 0, width, 0);
        for (int b = 0; b < blocks; b++) {
            int off = b * width;
            for (int j = 0; j < width; j++) {
                result[j] += partial[off + j];
            }
        }
    }

    private void runBlock(Kernel k, int b) {
        int from = b * BLOCK;
        int to = Math.min(rows, from + BLOCK);
        k.accumulate(from, to, partial, b * width);
    }

    /** Shuts the worker threads down. */
    @Override
    public void close() {
        workers.close();
    }
}
