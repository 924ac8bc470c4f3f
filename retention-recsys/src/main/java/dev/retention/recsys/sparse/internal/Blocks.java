package dev.retention.recsys.sparse.internal;

/**
 * Fixed work blocks of the sparse kernels, run by {@link dev.retention.parallel.Workers}.
 *
 * <p>Design: a kernel splits its work into blocks whose boundaries depend only on the data (never on
 * the number of threads); each block writes its own output (a disjoint range, or a private partial
 * result that the kernel then combines in block order). Threads take blocks from a shared counter, so
 * which thread runs which block varies but the result does not (as EJML's {@code _MT} kernels). Each
 * thread is given a worker number in {@code [0, threads)} to pick its own workspace; a workspace is
 * always left as it was found between rows, so its history cannot change a result.
 */
public final class Blocks {

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
}
