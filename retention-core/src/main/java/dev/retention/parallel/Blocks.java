package dev.retention.parallel;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntToLongFunction;

/**
 * A fixed partition of {@code n} items (rows, customers, non-zeros) into contiguous blocks: the one block
 * policy behind every parallel kernel of the library. The boundaries depend on the data alone, never on
 * the number of threads: each block computes its own partial result and the caller combines the blocks in
 * block order ({@link #sum}), so a result is the same bit for bit for any number of threads.
 *
 * <p>Three ways to cut: {@link #ofSize} (blocks of a fixed number of items, as a likelihood summed over
 * 4,096 customers at a time), {@link #bounded} (at least a minimum number of items per block and at most a
 * number of blocks, which bounds per-block workspaces), and {@link #byWeight} (blocks of about equal work
 * from a cumulative cost, as sparse rows of very different lengths). Immutable and thread-safe.
 */
public final class Blocks {

    private final int[] bounds;   // bounds[b] .. bounds[b+1] is block b

    private Blocks(int[] bounds) {
        this.bounds = bounds;
    }

    /**
     * Blocks of {@code size} items (the last one shorter), {@code ceil(n / size)} of them; none when
     * {@code n == 0}.
     *
     * @param n    number of items, {@code >= 0}
     * @param size items per block, {@code >= 1}
     * @return the blocks
     * @throws IllegalArgumentException if {@code n < 0} or {@code size < 1}
     */
    public static Blocks ofSize(int n, int size) {
        if (n < 0 || size < 1) {
            throw new IllegalArgumentException("n must be >= 0 and size >= 1, got n=" + n + ", size=" + size);
        }
        int count = (int) ((n + (long) size - 1) / size);
        int[] b = new int[count + 1];
        for (int i = 0; i < count; i++) {
            b[i] = i * size;
        }
        b[count] = n;
        return new Blocks(b);
    }

    /**
     * Equal blocks of at least {@code minSize} items (unless {@code n} is smaller) and at most
     * {@code maxBlocks} blocks.
     *
     * @param n         number of items, {@code >= 0}
     * @param minSize   fewest items per block, {@code >= 1}
     * @param maxBlocks most blocks, {@code >= 1}
     * @return the blocks
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static Blocks bounded(int n, int minSize, int maxBlocks) {
        if (minSize < 1 || maxBlocks < 1) {
            throw new IllegalArgumentException("minSize and maxBlocks must be >= 1, got " + minSize + " and "
                    + maxBlocks);
        }
        int size = Math.max(minSize, (int) ((n + (long) maxBlocks - 1) / maxBlocks));
        return ofSize(n, size);
    }

    /**
     * Blocks of about {@code target} units of work each, from the cumulative work {@code cumulative[0..n]}
     * ({@code cumulative[0] = 0}, non-decreasing; sparse row pointers are one): {@code max(1, min(n,
     * ceil(total / target)))} blocks, boundary {@code k} the first index at or after boundary {@code k - 1}
     * whose cumulative work reaches {@code k / blocks} of the total (a block may be empty after an item
     * heavier than the target). A binary search per boundary, O(blocks log n).
     *
     * @param cumulative read: {@code n + 1} non-decreasing values
     * @param n          number of items, {@code >= 0}
     * @param target     work per block, {@code >= 1}
     * @return the blocks
     * @throws IllegalArgumentException if {@code target < 1} or the array is shorter than {@code n + 1}
     */
    public static Blocks byWeight(long[] cumulative, int n, long target) {
        Objects.requireNonNull(cumulative, "cumulative");
        checkWeights(cumulative.length, n, target);
        return byWeight(i -> cumulative[i], n, target);
    }

    /**
     * {@return {@link #byWeight(long[], int, long)} for int cumulative counts, such as the row pointers of a sparse
     * matrix; the same boundaries, read from the int array without a copy}
     *
     * @param cumulative read: {@code n + 1} non-decreasing values
     * @param n          number of items, {@code >= 0}
     * @param target     work per block, {@code >= 1}
     */
    public static Blocks byWeight(int[] cumulative, int n, long target) {
        Objects.requireNonNull(cumulative, "cumulative");
        checkWeights(cumulative.length, n, target);
        return byWeight(i -> cumulative[i], n, target);
    }

    private static Blocks byWeight(IntToLongFunction cumulative, int n, long target) {
        long total = cumulative.applyAsLong(n);
        int blocks = (int) Math.max(1, Math.min(n, (total + target - 1) / target));
        int[] b = new int[blocks + 1];
        for (int k = 1; k < blocks; k++) {
            long goal = total * k / blocks;
            int lo = b[k - 1];
            int hi = n;
            while (lo < hi) {   // first index i >= the previous boundary with cumulative[i] >= goal
                int mid = (lo + hi) >>> 1;
                if (cumulative.applyAsLong(mid) < goal) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            b[k] = lo;
        }
        b[blocks] = n;
        return new Blocks(b);
    }

    private static void checkWeights(int length, int n, long target) {
        if (n < 0 || target < 1) {
            throw new IllegalArgumentException("n must be >= 0 and target >= 1, got n=" + n + ", target=" + target);
        }
        if (length < n + 1) {
            throw new IllegalArgumentException("cumulative must hold n + 1 = " + (n + 1L) + " values, got " + length);
        }
    }

    /** {@return the number of blocks} */
    public int count() {
        return bounds.length - 1;
    }

    /**
     * {@return the first item of block {@code b}}
     *
     * @param b block, in [0, count())
     */
    public int start(int b) {
        return bounds[b];
    }

    /**
     * {@return one past the last item of block {@code b}}
     *
     * @param b block, in [0, count())
     */
    public int end(int b) {
        return bounds[b + 1];
    }

    /** {@return the number of items in all} */
    public int size() {
        return bounds[bounds.length - 1];
    }

    /** The per-block work of {@link #sum}: accumulate items {@code [from, to)} into {@code out[offset .. offset + width)}. */
    @FunctionalInterface
    public interface Accumulator {
        /**
         * Adds the block's contributions; the slice arrives zeroed.
         *
         * @param from   first item of the block
         * @param to     one past the last item of the block
         * @param out written: only {@code out[offset .. offset + width)}
         * @param offset where the slice starts in {@code out}
         */
        void accumulate(int from, int to, double[] out, int offset);
    }

    /**
     * Sums {@code width} per-item quantities (a log-likelihood and its gradient, say) over every block in
     * parallel and adds the block sums up in block order, so the result is the same for any number of
     * threads. Allocates one array of {@code count() * width} doubles per call.
     *
     * @param workers runs the blocks
     * @param width   number of sums, {@code >= 1}
     * @param kernel  the per-block work
     * @param result  written: {@code result[0 .. width)}
     */
    public void sum(Workers workers, int width, Accumulator kernel, double[] result) {
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(kernel, "kernel");
        if (width < 1 || result.length < width) {
            throw new IllegalArgumentException("width must be >= 1 and result hold at least width values, got width="
                    + width + ", result length " + result.length);
        }
        int count = count();
        double[] partial = new double[count * width];
        workers.run(count, b -> kernel.accumulate(bounds[b], bounds[b + 1], partial, b * width));
        Arrays.fill(result, 0, width, 0);
        for (int b = 0; b < count; b++) {
            int off = b * width;
            for (int j = 0; j < width; j++) {
                result[j] += partial[off + j];
            }
        }
    }

    @Override
    public String toString() {
        return "Blocks[" + count() + " blocks over " + size() + " items]";
    }
}
