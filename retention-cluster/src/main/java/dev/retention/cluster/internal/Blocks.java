package dev.retention.cluster.internal;

/**
 * The fixed partition of {@code n} rows into contiguous blocks that every parallel clustering kernel
 * uses. It depends on {@code n} only, never on the number of threads: each block accumulates its own
 * partial sums and the blocks are combined in block order, so results are bit-identical for any
 * parallelism (the approach of EJML's {@code _MT} kernels).
 *
 * <p>Blocks hold at least {@value #MIN_ROWS} rows and there are at most {@value #MAX_BLOCKS} of them,
 * which bounds the per-block workspaces (for k-means, {@code MAX_BLOCKS * k * d} doubles).
 */
public final class Blocks {

    /** Fewest rows per block (unless n is smaller). */
    public static final int MIN_ROWS = 1024;
    /** Most blocks. */
    public static final int MAX_BLOCKS = 64;

    private final int n;
    private final int rows;
    private final int count;

    /** The partition of {@code n >= 0} rows. */
    public Blocks(int n) {
        this.n = n;
        this.rows = Math.max(MIN_ROWS, (int) ((n + (long) MAX_BLOCKS - 1) / MAX_BLOCKS));
        this.count = n == 0 ? 0 : (int) ((n + (long) rows - 1) / rows);
    }

    /** Number of blocks. */
    public int count() {
        return count;
    }

    /** First row of block {@code b}. */
    public int start(int b) {
        return b * rows;
    }

    /** One past the last row of block {@code b}. */
    public int end(int b) {
        return (int) Math.min(n, (long) (b + 1) * rows);
    }
}
