package dev.retention.recsys.sparse.internal;

import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;

import java.util.Arrays;

/**
 * Statistics over the co-occurring entries of every pair of rows of a sparse matrix, finished into one
 * value per pair: the sparse Gram product {@code A A^T} and the co-rated similarity measures.
 *
 * <p>Layout: the rows of {@code X} (CSR, {@code n x m}) are the entities compared, {@code XT} is its
 * transpose (CSR, {@code m x n}). Output row {@code x} is built by a dense accumulator of length
 * {@code n}: for each entry {@code (x, c)} of row {@code x} and each entry {@code (y, c)} of column
 * {@code c}, the pair {@code (x, y)} gathers its statistics (count and the sums the measure needs),
 * and the touched {@code y} are then finished, filtered by minimum support, and written to a dense
 * row or kept (top-k by value, ties to the smaller index) in a sparse row sorted by index.
 * Work O(sum over columns of count^2), memory O(n) per thread plus the output. This is the
 * row-by-row (Gustavson) form of the Gram product: F. G. Gustavson, "Two fast algorithms for sparse
 * matrices: multiplication and permuted transposition", ACM TOMS 4(3), 1978; the similarity measures
 * are those of Surprise (N. Hug, JOSS 2020) over co-rated entries.
 *
 * <p>Output rows are computed in fixed blocks (by work, independent of the thread count), each row
 * summing its terms in column order, so results do not depend on the number of threads. Inputs are
 * trusted: the facades check them.
 */
public final class ImplPairs {

    /** Sum of products; the Gram product. */
    public static final int PRODUCT = 0;
    /** Cosine over co-occurring entries. */
    public static final int COSINE = 1;
    /** Pearson correlation over co-occurring entries. */
    public static final int PEARSON = 2;
    /** Mean squared difference similarity {@code 1 / (msd + 1)}. */
    public static final int MSD = 3;
    /** Jaccard index of the supports. */
    public static final int JACCARD = 4;
    /** Cosine times the shrinkage factor {@code (n - 1) / (n - 1 + shrinkage)}. */
    public static final int SHRUNK_COSINE = 5;

    private static final long BLOCK_WORK = 1 << 20;
    /** {@code XT} larger than this (8 bytes an entry) takes the blocked path: it would not stay in the cache. */
    static final long BLOCKED_XT_BYTES = 32L << 20;
    /** Bytes of dense accumulators per worker on the blocked path. */
    static final long BLOCK_ACCUMULATOR_BYTES = 8L << 20;
    /** Fewest output rows per block for the blocked path to pay for its pass over {@code XT}. */
    static final int MIN_BLOCK_ROWS = 16;

    private ImplPairs() {
    }

    /** The input and what to compute. */
    public static final class Spec {
        private final int n;
        private final int[] ptr;
        private final int[] idx;
        private final float[] val;
        private final int[] tPtr;
        private final int[] tIdx;
        private final float[] tVal;
        private final int mode;
        private final int minSupport;
        private final double shrinkage;
        private final boolean unitDiagonal;

        public Spec(int n, int[] ptr, int[] idx, float[] val, int[] tPtr, int[] tIdx, float[] tVal, int mode,
                    int minSupport, double shrinkage, boolean unitDiagonal) {
            this.n = n;
            this.ptr = ptr;
            this.idx = idx;
            this.val = val;
            this.tPtr = tPtr;
            this.tIdx = tIdx;
            this.tVal = tVal;
            this.mode = mode;
            this.minSupport = minSupport;
            this.shrinkage = shrinkage;
            this.unitDiagonal = unitDiagonal;
        }

        public int n() {
            return n;
        }

        public int[] ptr() {
            return ptr;
        }

        public int[] idx() {
            return idx;
        }

        public float[] val() {
            return val;
        }

        public int[] tPtr() {
            return tPtr;
        }

        public int[] tIdx() {
            return tIdx;
        }

        public float[] tVal() {
            return tVal;
        }

        public int mode() {
            return mode;
        }

        public int minSupport() {
            return minSupport;
        }

        public double shrinkage() {
            return shrinkage;
        }

        public boolean unitDiagonal() {
            return unitDiagonal;
        }
    }

    /**
     * All pairs into a dense row-major {@code n x n} float matrix {@code out} (zeroed by the caller);
     * pairs below the minimum support are 0; with {@code unitDiagonal} the diagonal is 1.
     */
    public static void dense(Spec s, float[] out, Workers workers) {
        dense(s, out, workers, 0);
    }

    /**
     * {@link #dense(Spec, float[], Workers)} with the path chosen by the caller: {@code rowsPerBlock > 1}
     * takes the blocked path with that many rows per block, 1 the row-by-row path, 0 lets the data
     * decide. The result is the same whichever path (tests compare them).
     */
    public static void dense(Spec s, float[] out, Workers workers, int rowsPerBlock) {
        Plan plan = plan(s, rowsPerBlock);
        Workspace[] ws = new Workspace[workers.threads()];
        workers.run(plan.blocks(), (b, w) -> {
            Workspace work = workspace(ws, w, s, plan);
            int from = plan.bounds.start(b);
            int to = plan.bounds.end(b);
            if (plan.rowsPerBlock > 1) {
                accumulateBlock(s, from, to, work);
            }
            for (int x = from; x < to; x++) {
                int off = plan.rowsPerBlock > 1 ? (x - from) * s.n : 0;
                int m = plan.rowsPerBlock > 1 ? collect(s, off, work) : accumulate(s, x, work);
                long row = (long) x * s.n;
                for (int t = 0; t < m; t++) {
                    int y = work.touched[t];
                    if (work.cnt[off + y] >= s.minSupport) {
                        out[(int) (row + y)] = (float) finish(s, x, y, work, off);
                    }
                }
                if (s.unitDiagonal) {
                    out[(int) (row + x)] = 1f;
                }
                work.clear(off, m);
            }
        });
    }

    /**
     * Pairs with at least the minimum support, as CSR rows sorted by index; {@code topK > 0} keeps the
     * {@code topK} largest values of each row (ties to the smaller index); {@code excludeSelf} drops
     * the diagonal.
     */
    public static CsrArrays sparse(Spec s, int topK, boolean excludeSelf, Workers workers) {
        return sparse(s, topK, excludeSelf, workers, 0);
    }

    /**
     * {@link #sparse(Spec, int, boolean, Workers)} with the path chosen as in
     * {@link #dense(Spec, float[], Workers, int)}.
     */
    public static CsrArrays sparse(Spec s, int topK, boolean excludeSelf, Workers workers, int rowsPerBlock) {
        Plan plan = plan(s, rowsPerBlock);
        int blocks = plan.blocks();
        Workspace[] ws = new Workspace[workers.threads()];
        RowBuffer[] out = new RowBuffer[blocks];
        workers.run(blocks, (b, w) -> {
            Workspace work = workspace(ws, w, s, plan);
            int from = plan.bounds.start(b);
            int to = plan.bounds.end(b);
            RowBuffer buf = new RowBuffer(to - from);
            if (plan.rowsPerBlock > 1) {
                accumulateBlock(s, from, to, work);
            }
            for (int x = from; x < to; x++) {
                int off = plan.rowsPerBlock > 1 ? (x - from) * s.n : 0;
                int m = plan.rowsPerBlock > 1 ? collect(s, off, work) : accumulate(s, x, work);
                int kept = 0;
                for (int t = 0; t < m; t++) {
                    int y = work.touched[t];
                    if (work.cnt[off + y] >= s.minSupport && !(excludeSelf && y == x)) {
                        work.value[y] = s.unitDiagonal && y == x ? 1.0 : finish(s, x, y, work, off);
                        work.selected[kept++] = y;
                    }
                }
                if (topK > 0 && kept > topK) {
                    kept = TopK.select(work.selected, kept, topK, work.value);
                    sortIndexes(work, kept, s.n);
                } else if (plan.rowsPerBlock == 1) {
                    sortIndexes(work, kept, s.n);   // the blocked path collects them in order already
                }
                buf.addRow(work.selected, kept, work.value);
                work.clear(off, m);
            }
            out[b] = buf;
        });
        return RowBuffer.concat(out, s.n);
    }

    /**
     * Sorts {@code selected[0..m)} (distinct indexes below {@code n}): by a comparison sort when few, else
     * by marking them and scanning {@code [0, n)}, O(n), which is cheaper for dense rows.
     */
    private static void sortIndexes(Workspace w, int m, int n) {
        if ((long) m * (32 - Integer.numberOfLeadingZeros(m)) < n) {
            Arrays.sort(w.selected, 0, m);
            return;
        }
        boolean[] mark = w.mark;
        for (int t = 0; t < m; t++) {
            mark[w.selected[t]] = true;
        }
        int at = 0;
        for (int y = 0; y < n; y++) {
            if (mark[y]) {
                mark[y] = false;
                w.selected[at++] = y;
            }
        }
    }

    /**
     * How the output rows are cut: {@code bounds} of the blocks, and {@code rowsPerBlock} rows of dense
     * accumulators per worker (1 for the row-by-row path).
     */
    private record Plan(Blocks bounds, int rowsPerBlock) {
        int blocks() {
            return bounds.count();
        }
    }

    /**
     * The row-by-row (Gustavson) path gathers, for each output row, the rows of {@code XT} it shares a
     * column with: one random visit of an {@code XT} row per entry of {@code X}. When {@code XT} is larger
     * than the last-level cache, those visits miss memory each time, and the blocked path is used instead:
     * a block of output rows keeps dense accumulators ({@link #accumulateBlock}) and reads {@code XT} once,
     * in order. It needs the accumulators of at least {@value #MIN_BLOCK_ROWS} rows to fit
     * {@value #BLOCK_ACCUMULATOR_BYTES} bytes, and their scan ({@code n} per row) to cost less than the
     * pairs themselves. Both paths sum every pair's terms in the same order, so the choice does not change
     * the result. Depends on the data only.
     */
    private static Plan plan(Spec s, int forcedRowsPerBlock) {
        long[] work = new long[s.n + 1];
        for (int x = 0; x < s.n; x++) {
            long w = 1;
            for (int p = s.ptr[x]; p < s.ptr[x + 1]; p++) {
                int c = s.idx[p];
                w += s.tPtr[c + 1] - s.tPtr[c];
            }
            work[x + 1] = work[x] + w;
        }
        long xtBytes = 8L * s.tPtr[s.tPtr.length - 1];
        long rows = BLOCK_ACCUMULATOR_BYTES / ((long) Math.max(1, s.n) * cellBytes(s.mode));
        boolean blocked = forcedRowsPerBlock == 0
                ? xtBytes > BLOCKED_XT_BYTES && rows >= MIN_BLOCK_ROWS && (long) s.n * s.n <= work[s.n]
                : forcedRowsPerBlock > 1;
        if (blocked && s.n > 1) {
            int perBlock = (int) Math.min(forcedRowsPerBlock > 1 ? forcedRowsPerBlock : rows, s.n);
            return new Plan(Blocks.ofSize(s.n, perBlock), perBlock);
        }
        return new Plan(Blocks.byWeight(work, s.n, BLOCK_WORK), 1);
    }

    /** Bytes of the accumulators of one pair for a mode. */
    private static int cellBytes(int mode) {
        return switch (mode) {
            case JACCARD -> 4;
            case PRODUCT, MSD -> 12;
            case COSINE, SHRUNK_COSINE -> 28;
            default -> 44;
        };
    }

    private static Workspace workspace(Workspace[] ws, int w, Spec s, Plan plan) {
        Workspace work = ws[w];
        if (work == null) {
            work = new Workspace(s, plan.rowsPerBlock);
            ws[w] = work;
        }
        return work;
    }

    /**
     * The blocked accumulation: the statistics of every pair {@code (x, y)} with {@code x} in
     * {@code [from, to)}, into dense accumulators (row {@code x - from}, column {@code y}). The rows
     * {@code c} of {@code XT} are read in order; each entry {@code (c, x)} with {@code x} in the block
     * adds the whole row {@code c} into accumulator row {@code x - from}. So each pair sums over {@code c}
     * in increasing order, as the row-by-row path does. A cursor per row of {@code XT} (per worker;
     * workers take blocks in increasing order) remembers where the block's columns start, so the entries
     * before the block are skipped once. O(rows of XT + pairs) per block.
     */
    private static void accumulateBlock(Spec s, int from, int to, Workspace w) {
        int[] tPtr = s.tPtr;
        int[] tIdx = s.tIdx;
        float[] tVal = s.tVal;
        int[] cursor = w.cursor;
        int n = s.n;
        int rowsOfXt = tPtr.length - 1;
        for (int c = 0; c < rowsOfXt; c++) {
            int p = cursor[c];
            int end = tPtr[c + 1];
            while (p < end && tIdx[p] < from) {
                p++;
            }
            int rowStart = tPtr[c];
            for (; p < end; p++) {
                int x = tIdx[p];
                if (x >= to) {
                    break;
                }
                addRow(s, tVal[p], (x - from) * n, rowStart, end, w, 0, false);
            }
            cursor[c] = p;
        }
    }

    /**
     * Adds the terms of {@code a} with the entries {@code [from, end)} of a row of {@code XT} into the
     * accumulators at {@code off}. With {@code track}, a column counted for the first time is appended to
     * {@code touched} after the first {@code m}; returns the new count (the row-by-row path tracks, the
     * blocked path scans its rows instead).
     */
    private static int addRow(Spec s, double a, int off, int from, int end, Workspace w, int m, boolean track) {
        int[] tIdx = s.tIdx;
        float[] tVal = s.tVal;
        int[] cnt = w.cnt;
        int[] touched = w.touched;
        double[] sxy = w.sxy;
        double[] sxx = w.sxx;
        double[] syy = w.syy;
        double[] sx = w.sx;
        double[] sy = w.sy;
        switch (s.mode) {
            case PRODUCT -> {
                for (int q = from; q < end; q++) {
                    int y = tIdx[q];
                    if (cnt[off + y]++ == 0 && track) {
                        touched[m++] = y;
                    }
                    sxy[off + y] += a * tVal[q];
                }
            }
            case COSINE, SHRUNK_COSINE -> {
                double aa = a * a;
                for (int q = from; q < end; q++) {
                    int y = tIdx[q];
                    if (cnt[off + y]++ == 0 && track) {
                        touched[m++] = y;
                    }
                    double b = tVal[q];
                    sxy[off + y] += a * b;
                    sxx[off + y] += aa;
                    syy[off + y] += b * b;
                }
            }
            case PEARSON -> {
                double aa = a * a;
                for (int q = from; q < end; q++) {
                    int y = tIdx[q];
                    if (cnt[off + y]++ == 0 && track) {
                        touched[m++] = y;
                    }
                    double b = tVal[q];
                    sxy[off + y] += a * b;
                    sxx[off + y] += aa;
                    syy[off + y] += b * b;
                    sx[off + y] += a;
                    sy[off + y] += b;
                }
            }
            case MSD -> {
                for (int q = from; q < end; q++) {
                    int y = tIdx[q];
                    if (cnt[off + y]++ == 0 && track) {
                        touched[m++] = y;
                    }
                    double d = a - tVal[q];
                    sxy[off + y] += d * d;
                }
            }
            case JACCARD -> {
                for (int q = from; q < end; q++) {
                    int y = tIdx[q];
                    if (cnt[off + y]++ == 0 && track) {
                        touched[m++] = y;
                    }
                }
            }
            default -> throw new AssertionError("mode " + s.mode);
        }
        return m;
    }

    /** The columns touched in accumulator row {@code off}, in increasing order, into {@code touched}. */
    private static int collect(Spec s, int off, Workspace w) {
        int[] cnt = w.cnt;
        int[] touched = w.touched;
        int m = 0;
        for (int y = 0; y < s.n; y++) {
            touched[m] = y;
            m += cnt[off + y] > 0 ? 1 : 0;
        }
        return m;
    }

    /** Gathers the statistics of row {@code x} with every other row; returns the number touched. */
    private static int accumulate(Spec s, int x, Workspace w) {
        int[] tPtr = s.tPtr;
        int m = 0;
        for (int p = s.ptr[x], end = s.ptr[x + 1]; p < end; p++) {
            int c = s.idx[p];
            m = addRow(s, s.val[p], 0, tPtr[c], tPtr[c + 1], w, m, true);
        }
        return m;
    }

    /**
     * The finished value of the pair {@code (x, y)} from the accumulators at {@code off + y}; finite, and
     * in [-1, 1] for the similarity measures.
     */
    private static double finish(Spec s, int x, int y, Workspace w, int off) {
        int e = off + y;
        int n = w.cnt[e];
        return switch (s.mode) {
            case PRODUCT -> w.sxy[e];
            case COSINE -> cosine(w.sxy[e], w.sxx[e], w.syy[e]);
            case SHRUNK_COSINE -> cosine(w.sxy[e], w.sxx[e], w.syy[e]) * ((n - 1) / (n - 1 + s.shrinkage));
            case PEARSON -> {
                double num = n * w.sxy[e] - w.sx[e] * w.sy[e];
                double vx = n * w.sxx[e] - w.sx[e] * w.sx[e];
                double vy = n * w.syy[e] - w.sy[e] * w.sy[e];
                yield vx <= 0 || vy <= 0 ? 0 : clamp(num / Math.sqrt(vx * vy));
            }
            case MSD -> 1.0 / (w.sxy[e] / n + 1.0);
            case JACCARD -> {
                int union = (s.ptr[x + 1] - s.ptr[x]) + (s.ptr[y + 1] - s.ptr[y]) - n;
                yield union == 0 ? 0 : (double) n / union;
            }
            default -> throw new AssertionError("mode " + s.mode);
        };
    }

    private static double cosine(double sxy, double sxx, double syy) {
        double den = Math.sqrt(sxx * syy);
        return den == 0 ? 0 : clamp(sxy / den);
    }

    private static double clamp(double v) {
        return v > 1 ? 1 : v < -1 ? -1 : v;
    }

    /**
     * Per-thread accumulators, all zero between rows: {@code rows x n} of each statistic the mode needs
     * (one row for the row-by-row path), a cursor per row of {@code XT} for the blocked path, and the
     * per-row lists of touched and selected columns.
     */
    private static final class Workspace {
        final int[] cnt;
        final int[] touched;
        final int[] selected;
        final boolean[] mark;
        final double[] value;
        final double[] sxy;
        final double[] sxx;
        final double[] syy;
        final double[] sx;
        final double[] sy;
        final int[] cursor;

        Workspace(Spec s, int rows) {
            int n = s.n;
            int mode = s.mode;
            int size = rows * n;
            cnt = new int[size];
            touched = new int[n];
            selected = new int[n];
            mark = new boolean[n];
            value = new double[n];
            sxy = mode == JACCARD ? null : new double[size];
            boolean squares = mode == COSINE || mode == SHRUNK_COSINE || mode == PEARSON;
            sxx = squares ? new double[size] : null;
            syy = squares ? new double[size] : null;
            sx = mode == PEARSON ? new double[size] : null;
            sy = mode == PEARSON ? new double[size] : null;
            cursor = rows > 1 ? java.util.Arrays.copyOf(s.tPtr, s.tPtr.length - 1) : null;
        }

        void clear(int off, int m) {
            for (int t = 0; t < m; t++) {
                int y = off + touched[t];
                cnt[y] = 0;
                if (sxy != null) {
                    sxy[y] = 0;
                }
                if (sxx != null) {
                    sxx[y] = 0;
                    syy[y] = 0;
                }
                if (sx != null) {
                    sx[y] = 0;
                    sy[y] = 0;
                }
            }
        }
    }
}
