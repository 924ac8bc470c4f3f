package dev.retention.lifetime.internal;

import dev.retention.parallel.Blocks;

/**
 * The block policy of the lifetime models: customers are cut into blocks of {@link #SIZE} (core's
 * {@link Blocks#ofSize}), fixed by their number alone, so that a likelihood summed with {@link Blocks#sum} in block
 * order, or a CLV table filled block by block, is the same bit for bit for any number of threads. 4,096 customers
 * are about 100 KB of frequencies, recencies and ages: enough work per block to amortise a hand-out, and enough
 * blocks (245 for a million customers) to keep threads busy to the end.
 */
public final class CustomerBlocks {

    /** Customers per block. */
    public static final int SIZE = 4096;

    private CustomerBlocks() {
    }

    /**
     * The blocks of {@code customers} customers. O(customers / SIZE).
     *
     * @throws IllegalArgumentException if {@code customers < 0}
     */
    public static Blocks of(int customers) {
        return Blocks.ofSize(customers, SIZE);
    }
}
