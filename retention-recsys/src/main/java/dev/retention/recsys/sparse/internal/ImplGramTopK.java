package dev.retention.recsys.sparse.internal;

import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The sparse Gram product {@code A^T A} of a matrix with positive entries, keeping the {@code k} largest entries of
 * each row (ties to the smaller column): the item-item similarity of item-kNN.
 *
 * <p>Symmetry: {@code G = A^T A} is symmetric, so each pair is summed once, in the row of its smaller column.
 * Output row {@code x} is a dense double accumulator of length {@code n}: for each entry {@code a_cx} of column
 * {@code x}, the part of row {@code c} of {@code A} at and after column {@code x} is added, scaled, without a branch
 * ({@code acc[j] += a_cx a_cj}, Gustavson's row-by-row product, ACM TOMS 4(3), 1978, on the upper triangle). One
 * scan of the accumulator over {@code j >= x} then offers each non-zero {@code G(x, j)} to two rows: {@code x}'s and
 * {@code j}'s (as its {@code G(j, x)}). Every entry of {@code A} being positive, the non-zero sums are exactly the
 * pairs that co-occur. Each pair's terms are summed in row order of {@code A}, in double, as they would be in the
 * row of the larger column ({@code a_cx a_cj = a_cj a_cx} exactly: a product of two floats is exact in double), so
 * the values, and with them the ranking, equal the general kernel's ({@link ImplPairs}) bit for bit.
 *
 * <p>Selection: each row keeps its {@code k} best candidates so far, sorted by value descending, then column
 * ascending, and a threshold, the worst kept value once there are {@code k}, so that a cell that cannot enter costs
 * two comparisons in the scan; one that enters is put in place by insertion. Rows are taken in decreasing order, so
 * that a row's own scan (columns {@code j >= x}) has raised its threshold before the cells of the rows above it
 * arrive: on item co-occurrence data this leaves about a quarter fewer cells to enter than the increasing order.
 *
 * <p>Threads: rows are cut into blocks of about equal work, fixed by the data; each worker keeps its own candidates. A
 * pair is summed by exactly one worker, so the workers' candidates of a row are disjoint candidates, and the {@code k}
 * best of their union under the total order is the same whichever worker summed what: the result does not depend on
 * the number of threads. The workers share one more bound per row, a floor: the worst value of some worker's full
 * candidates, published when it rises and read when a cell is about to enter. A cell below it ranks below {@code k}
 * cells that some worker keeps to the end (the kept sets only improve), so dropping it changes nothing, whenever the
 * floor was read; a row's cells then stop entering the candidates of the workers that did not scan it. The floor is read and
 * written with opaque access (atomic, unordered); a lost update leaves a lower, still valid, floor.
 *
 * <p>Work O(sum over rows of A of their length squared / 2 + n^2 / 2 + entering cells k) and O(n min(k, n) + n)
 * memory per worker (the candidates, the accumulator, a threshold per row), so {@link #fits} bounds
 * {@code n min(k, n)}.
 * Trusts its input.
 */
public final class ImplGramTopK {

    /** About this much work (products and scanned cells) per block of output rows. */
    private static final long BLOCK_WORK = 1 << 18;
    /** The most kept cells ({@code n min(k, n)}) per worker: 12 bytes each. */
    private static final long MAX_CELLS = 1L << 22;
    /** Opaque access to the shared floors. */
    private static final VarHandle FLOOR = MethodHandles.arrayElementVarHandle(double[].class);
    /** Output rows per block when the workers' candidates are joined. */
    private static final int JOIN_BLOCK = 512;

    private ImplGramTopK() {
    }

    /**
     * {@return whether the candidates of {@code n} rows of {@code k} entries fit this kernel's per-worker bound (4 Mi
     * cells, 48 MiB)} Beyond it the general kernel ({@link ImplPairs}) computes the same result.
     *
     * @param n columns of A
     * @param k entries kept per row, {@code >= 1}
     */
    public static boolean fits(int n, int k) {
        return (long) n * Math.min(k, n) <= MAX_CELLS;
    }

    /**
     * {@return the top-{@code k} rows of {@code A^T A}, {@code n x n}, columns sorted within each row}
     *
     * @param n           columns of A (rows and columns of the result); {@link #fits} with {@code k}
     * @param ptr         read; row pointers of A
     * @param idx         read; column of each entry, by row, increasing within a row
     * @param val         read; the entries by row, positive and finite
     * @param k           entries kept per row, {@code >= 1}
     * @param excludeSelf drop the diagonal
     * @param workers     run the blocks
     */
    public static CsrArrays gram(int n, int[] ptr, int[] idx, float[] val, int k, boolean excludeSelf,
                                 Workers workers) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return run(n, ptr, idx, val, null, ones, k, excludeSelf, workers);
    }

    /**
     * {@return the top-{@code k} rows of the Gram product of a matrix whose entries are separable, {@code a_uj = r_u
     * c_j} on the pattern of A, {@code n x n}, columns sorted within each row} Entry {@code (x, j)}, {@code x <= j},
     * is {@code (s c_x) c_j} with {@code s} the sum of {@code rowWeight[u] = r_u^2} over the rows {@code u} of A
     * that hold both columns, in row order, in double: the Gram product {@code sum_u (r_u c_x)(r_u c_j)} up to
     * rounding, with no value loaded and no product taken per term. Binary data weighted by column (cosine) or by
     * row and column (BM25 and TF-IDF of ones) is of this form.
     *
     * @param n           columns of A (rows and columns of the result); {@link #fits} with {@code k}
     * @param ptr         read; row pointers of A
     * @param idx         read; column of each entry, by row, increasing within a row
     * @param rowWeight   read; {@code r_u^2} of each row of A, positive and finite
     * @param colScale    read; {@code c_j} of each column, positive and finite where the column holds an entry
     * @param k           entries kept per row, {@code >= 1}
     * @param excludeSelf drop the diagonal
     * @param workers     run the blocks
     */
    public static CsrArrays gramSeparable(int n, int[] ptr, int[] idx, double[] rowWeight, double[] colScale, int k,
                                          boolean excludeSelf, Workers workers) {
        return run(n, ptr, idx, null, rowWeight, colScale, k, excludeSelf, workers);
    }

    /** The kernel: entry values {@code val}, or (when null) the separable weights {@code rowWeight}. */
    private static CsrArrays run(int n, int[] ptr, int[] idx, float[] val, double[] rowWeight, double[] colScale,
                                 int k, boolean excludeSelf, Workers workers) {
        int m = ptr.length - 1;
        int nnz = ptr[m];
        int kk = Math.max(1, Math.min(k, n));
        // By column: for each entry of column x (rows ascending), its position in A's row arrays and its row's end.
        int[] colPtr = new int[n + 1];
        for (int p = 0; p < nnz; p++) {
            colPtr[idx[p] + 1]++;
        }
        for (int x = 0; x < n; x++) {
            colPtr[x + 1] += colPtr[x];
        }
        int[] from = new int[nnz];
        int[] to = new int[nnz];
        double[] weight = new double[nnz];   // the factor of the entry's row part: its value, or its row's weight
        int[] next = Arrays.copyOf(colPtr, n);
        // Work of row x: its products, then its scan up to the largest column it reaches; in the same pass.
        long[] work = new long[n + 1];
        int[] reach = new int[n];
        for (int r = 0; r < m; r++) {
            int start = ptr[r];
            int end = ptr[r + 1];
            if (start == end) {
                continue;
            }
            int lastColumn = idx[end - 1] + 1;
            double w = val == null ? rowWeight[r] : 0;
            for (int p = start; p < end; p++) {
                int x = idx[p];
                int q = next[x]++;
                from[q] = p;
                to[q] = end;
                weight[q] = val == null ? w : val[p];
                work[x + 1] += end - p;
                reach[x] = Math.max(reach[x], lastColumn);
            }
        }
        for (int x = 0; x < n; x++) {
            reach[x] = Math.max(reach[x], x);
            work[x + 1] += work[x] + (reach[x] - x);
        }
        Blocks blocks = Blocks.byWeight(work, n, BLOCK_WORK);
        Candidates[] candidates = new Candidates[workers.threads()];
        double[] floor = new double[n];
        int last = blocks.count() - 1;
        workers.run(blocks.count(), (task, worker) -> {
            Candidates c = candidates[worker];
            if (c == null) {
                c = new Candidates(n, kk, floor);
                candidates[worker] = c;
            }
            double[] acc = c.acc;
            int b = last - task;
            for (int x = blocks.end(b) - 1, first = blocks.start(b); x >= first; x--) {
                for (int q = colPtr[x], qe = colPtr[x + 1]; q < qe; q++) {
                    double a = weight[q];
                    if (val == null) {
                        for (int p = from[q], pe = to[q]; p < pe; p++) {
                            acc[idx[p]] += a;
                        }
                    } else {
                        for (int p = from[q], pe = to[q]; p < pe; p++) {
                            acc[idx[p]] += a * val[p];
                        }
                    }
                }
                c.scan(x, reach[x], colScale, excludeSelf);
            }
        });
        return join(n, kk, candidates, workers);
    }

    /** The k best of each row over the workers' candidates, sorted by column, as CSR. */
    private static CsrArrays join(int n, int k, Candidates[] candidates, Workers workers) {
        int[] ptr = new int[n + 1];
        int most = 0;
        for (int j = 0; j < n; j++) {
            int count = 0;
            for (Candidates c : candidates) {
                count += c == null ? 0 : c.size[j];
            }
            most = Math.max(most, count);
            ptr[j + 1] = ptr[j] + Math.min(k, count);
        }
        int total = ptr[n];
        int[] idx = new int[total];
        float[] val = new float[total];
        int scratch = most;
        Blocks blocks = Blocks.ofSize(n, JOIN_BLOCK);
        double[][] dense = new double[workers.threads()][];
        workers.run(blocks.count(), (b, worker) -> {
            double[] value = dense[worker];
            if (value == null) {
                value = new double[n];
                dense[worker] = value;
            }
            int[] cIdx = new int[scratch];
            double[] cVal = new double[scratch];
            for (int j = blocks.start(b), end = blocks.end(b); j < end; j++) {
                int size = 0;
                for (Candidates c : candidates) {
                    if (c != null) {
                        int base = j * c.k;
                        System.arraycopy(c.idx, base, cIdx, size, c.size[j]);
                        System.arraycopy(c.val, base, cVal, size, c.size[j]);
                        size += c.size[j];
                    }
                }
                if (size > k) {
                    select(cIdx, cVal, 0, size, k);
                    size = k;
                }
                int at = ptr[j];
                for (int t = 0; t < size; t++) {
                    idx[at + t] = cIdx[t];
                    value[cIdx[t]] = cVal[t];
                }
                Arrays.sort(idx, at, at + size);
                for (int t = at; t < at + size; t++) {
                    val[t] = (float) value[idx[t]];
                }
            }
        });
        return new CsrArrays(ptr, idx, val);
    }

    /** Whether cell (va, ia) ranks above cell (vb, ib): a larger value, or the same and a smaller column. */
    private static boolean better(double va, int ia, double vb, int ib) {
        return va > vb || (va == vb && ia < ib);
    }

    /**
     * Moves the {@code k} best cells of {@code [lo, hi)} (parallel {@code idx}, {@code val}; {@code k < hi - lo}) to
     * {@code [lo, lo + k)}, in no particular order: Hoare's partition around the middle cell, narrowed to the side
     * that holds position {@code lo + k - 1}. The cells are distinct under the order, so the set is unique.
     */
    private static void select(int[] idx, double[] val, int lo, int hi, int k) {
        int target = lo + k - 1;
        int left = lo;
        int right = hi - 1;
        while (left < right) {
            int mid = (left + right) >>> 1;
            double pv = val[mid];
            int pi = idx[mid];
            int i = left;
            int j = right;
            while (i <= j) {
                while (better(val[i], idx[i], pv, pi)) {
                    i++;
                }
                while (better(pv, pi, val[j], idx[j])) {
                    j--;
                }
                if (i <= j) {
                    int ti = idx[i];
                    idx[i] = idx[j];
                    idx[j] = ti;
                    double tv = val[i];
                    val[i] = val[j];
                    val[j] = tv;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                right = j;
            } else if (target >= i) {
                left = i;
            } else {
                return;
            }
        }
    }

    /**
     * One worker's workspace: the accumulator, and per output row its best {@code k} candidates so far, sorted best
     * first, and a threshold. A cell that enters is put in place by shifting the worse ones down (insertion sort):
     * on average {@code k / 2} moves and one unpredictable branch, where a heap's sift takes two unpredictable
     * branches per level.
     */
    private static final class Candidates {
        final int k;
        final double[] acc;
        final int[] idx;
        final double[] val;
        final int[] size;
        /**
         * Per row, the larger of the worst kept value once the row holds {@code k} cells (until then the least
         * positive double) and the floor last read.
         */
        final double[] threshold;
        /** Per row, shared by the workers: a value that k kept cells reach; opaque access only. */
        final double[] floor;

        Candidates(int n, int k, double[] floor) {
            this.k = k;
            this.floor = floor;
            acc = new double[n];
            idx = new int[n * k];
            val = new double[n * k];
            size = new int[n];
            threshold = new double[n];
            Arrays.fill(threshold, Double.MIN_VALUE);
        }

        /**
         * Offers the summed cells {@code G(x, j)}, {@code x <= j < reach}, scaled by the columns' factors (ones for
         * a plain Gram product: no change), to rows {@code x} and {@code j}, and clears them. A cell below a
         * threshold is skipped at once; one equal to it is decided by column in {@link #add}.
         */
        void scan(int x, int reach, double[] scale, boolean excludeSelf) {
            double[] acc = this.acc;
            double[] threshold = this.threshold;
            double cx = scale[x];
            double d = acc[x] * cx * cx;
            acc[x] = 0;
            if (!excludeSelf && d >= threshold[x]) {
                add(x, x, d);
            }
            for (int j = x + 1; j < reach; j++) {
                double v = acc[j] * cx * scale[j];
                acc[j] = 0;
                if (v >= threshold[x]) {
                    add(x, j, v);
                }
                if (v >= threshold[j]) {
                    add(j, x, v);
                }
            }
        }

        /** Offers cell (y, v) to row r's sorted candidates and keeps its threshold and the floor. */
        private void add(int r, int y, double v) {
            double f = (double) FLOOR.getOpaque(floor, r);
            if (v < f) {
                threshold[r] = f;
                return;
            }
            int base = r * k;
            int s = size[r];
            int i;
            if (s < k) {
                i = base + s;
                size[r] = ++s;
            } else {
                i = base + k - 1;
                if (!better(v, y, val[i], idx[i])) {
                    return;
                }
            }
            while (i > base && better(v, y, val[i - 1], idx[i - 1])) {
                val[i] = val[i - 1];
                idx[i] = idx[i - 1];
                i--;
            }
            val[i] = v;
            idx[i] = y;
            if (s == k) {
                double worst = val[base + k - 1];
                if (worst > f) {
                    threshold[r] = worst;
                    FLOOR.setOpaque(floor, r, worst);
                } else {
                    threshold[r] = f;
                }
            }
        }
    }
}
