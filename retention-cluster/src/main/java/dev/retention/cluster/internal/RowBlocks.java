package dev.retention.cluster.internal;

import dev.retention.parallel.Blocks;

/**
 * The one row partition of the clustering kernels: {@link Blocks#bounded} with at least {@value #MIN_ROWS}
 * rows per block (unless n is smaller) and at most {@value #MAX_BLOCKS} blocks. It depends on n only, never
 * on the number of threads; each block accumulates its own partial sums and the blocks are combined in block
 * order, so results are the same bit for bit for any number of threads. The bound on the number of blocks
 * bounds the per-block workspaces (for k-means, {@code MAX_BLOCKS * k * d} doubles).
 */
public final class RowBlocks {

    /** Fewest rows per block (unless n is smaller). */
    public static final int MIN_ROWS = 1024;
    /** Most blocks. */
    public static final int MAX_BLOCKS = 64;

    private RowBlocks() {
    }

    /** The blocks of {@code n >= 0} rows. */
    public static Blocks of(int n) {
        return Blocks.bounded(n, MIN_ROWS, MAX_BLOCKS);
    }
}
