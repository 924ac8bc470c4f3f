package dev.retention.sparse.internal;

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

    private ImplPairs() {
    }

    /** The input and what to compute. */
    public record Spec(int n, int[] ptr, int[] idx, float[] val, int[] tPtr, int[] tIdx, float[] tVal,
                       int mode, int minSupport, double shrinkage, boolean unitDiagonal) {
    }

    /** A sparse result in CSR form. */
    public record SparseRows(int[] ptr, int[] idx, float[] val) {
    }

    /**
     * All pairs into a dense row-major {@code n x n} float matrix {@code out} (zeroed by the caller);
     * pairs below the minimum support are 0; with {@code unitDiagonal} the diagonal is 1.
     */
    public static void dense(Spec s, float[] out, int threads) {
        int[] bounds = bounds(s);
        Workspace[] ws = new Workspace[Math.max(1, threads)];
        Blocks.run(bounds.length - 1, threads, (b, w) -> {
            Workspace work = workspace(ws, w, s);
            for (int x = bounds[b]; x < bounds[b + 1]; x++) {
                int m = accumulate(s, x, work);
                long row = (long) x * s.n;
                for (int t = 0; t < m; t++) {
                    int y = work.touched[t];
                    if (work.cnt[y] >= s.minSupport) {
                        out[(int) (row + y)] = (float) finish(s, x, y, work);
                    }
                }
                if (s.unitDiagonal) {
                    out[(int) (row + x)] = 1f;
                }
                work.clear(m);
            }
        });
    }

    /**
     * Pairs with at least the minimum support, as CSR rows sorted by index; {@code topK > 0} keeps the
     * {@code topK} largest values of each row (ties to the smaller index); {@code excludeSelf} drops
     * the diagonal.
     */
    public static SparseRows sparse(Spec s, int topK, boolean excludeSelf, int threads) {
        int[] bounds = bounds(s);
        int blocks = bounds.length - 1;
        Workspace[] ws = new Workspace[Math.max(1, threads)];
        RowBuffer[] out = new RowBuffer[blocks];
        Blocks.run(blocks, threads, (b, w) -> {
            Workspace work = workspace(ws, w, s);
            RowBuffer buf = new RowBuffer(bounds[b + 1] - bounds[b]);
            for (int x = bounds[b]; x < bounds[b + 1]; x++) {
                int m = accumulate(s, x, work);
                int kept = 0;
                for (int t = 0; t < m; t++) {
                    int y = work.touched[t];
                    if (work.cnt[y] >= s.minSupport && !(excludeSelf && y == x)) {
                        work.value[y] = s.unitDiagonal && y == x ? 1.0 : finish(s, x, y, work);
                        work.selected[kept++] = y;
                    }
                }
                if (topK > 0 && kept > topK) {
                    kept = TopK.select(work.selected, kept, topK, work.value);
                }
                sortIndexes(work, kept, s.n);
                buf.addRow(work.selected, kept, work.value);
                work.clear(m);
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

    private static int[] bounds(Spec s) {
        long[] work = new long[s.n + 1];
        for (int x = 0; x < s.n; x++) {
            long w = 1;
            for (int p = s.ptr[x]; p < s.ptr[x + 1]; p++) {
                int c = s.idx[p];
                w += s.tPtr[c + 1] - s.tPtr[c];
            }
            work[x + 1] = work[x] + w;
        }
        return Blocks.byWeight(work, s.n, BLOCK_WORK);
    }

    private static Workspace workspace(Workspace[] ws, int w, Spec s) {
        Workspace work = ws[w];
        if (work == null) {
            work = new Workspace(s.n, s.mode);
            ws[w] = work;
        }
        return work;
    }

    /** Gathers the statistics of row {@code x} with every other row; returns the number touched. */
    private static int accumulate(Spec s, int x, Workspace w) {
        int[] ptr = s.ptr;
        int[] idx = s.idx;
        float[] val = s.val;
        int[] tPtr = s.tPtr;
        int[] tIdx = s.tIdx;
        float[] tVal = s.tVal;
        int[] cnt = w.cnt;
        int[] touched = w.touched;
        double[] sxy = w.sxy;
        double[] sxx = w.sxx;
        double[] syy = w.syy;
        double[] sx = w.sx;
        double[] sy = w.sy;
        int m = 0;
        for (int p = ptr[x], end = ptr[x + 1]; p < end; p++) {
            int c = idx[p];
            double a = val[p];
            int from = tPtr[c];
            int to = tPtr[c + 1];
            switch (s.mode) {
                case PRODUCT -> {
                    for (int q = from; q < to; q++) {
                        int y = tIdx[q];
                        if (cnt[y]++ == 0) {
                            touched[m++] = y;
                        }
                        sxy[y] += a * tVal[q];
                    }
                }
                case COSINE, SHRUNK_COSINE -> {
                    double aa = a * a;
                    for (int q = from; q < to; q++) {
                        int y = tIdx[q];
                        if (cnt[y]++ == 0) {
                            touched[m++] = y;
                        }
                        double b = tVal[q];
                        sxy[y] += a * b;
                        sxx[y] += aa;
                        syy[y] += b * b;
                    }
                }
                case PEARSON -> {
                    double aa = a * a;
                    for (int q = from; q < to; q++) {
                        int y = tIdx[q];
                        if (cnt[y]++ == 0) {
                            touched[m++] = y;
                        }
                        double b = tVal[q];
                        sxy[y] += a * b;
                        sxx[y] += aa;
                        syy[y] += b * b;
                        sx[y] += a;
                        sy[y] += b;
                    }
                }
                case MSD -> {
                    for (int q = from; q < to; q++) {
                        int y = tIdx[q];
                        if (cnt[y]++ == 0) {
                            touched[m++] = y;
                        }
                        double d = a - tVal[q];
                        sxy[y] += d * d;
                    }
                }
                case JACCARD -> {
                    for (int q = from; q < to; q++) {
                        int y = tIdx[q];
                        if (cnt[y]++ == 0) {
                            touched[m++] = y;
                        }
                    }
                }
                default -> throw new AssertionError("mode " + s.mode);
            }
        }
        return m;
    }

    /** The finished value of the pair {@code (x, y)}; finite, and in [-1, 1] for the similarity measures. */
    private static double finish(Spec s, int x, int y, Workspace w) {
        int n = w.cnt[y];
        switch (s.mode) {
            case PRODUCT:
                return w.sxy[y];
            case COSINE:
                return cosine(w.sxy[y], w.sxx[y], w.syy[y]);
            case SHRUNK_COSINE:
                return cosine(w.sxy[y], w.sxx[y], w.syy[y]) * ((n - 1) / (n - 1 + s.shrinkage));
            case PEARSON: {
                double num = n * w.sxy[y] - w.sx[y] * w.sy[y];
                double vx = n * w.sxx[y] - w.sx[y] * w.sx[y];
                double vy = n * w.syy[y] - w.sy[y] * w.sy[y];
                if (vx <= 0 || vy <= 0) {
                    return 0;
                }
                return clamp(num / Math.sqrt(vx * vy));
            }
            case MSD:
                return 1.0 / (w.sxy[y] / n + 1.0);
            case JACCARD: {
                int union = (s.ptr[x + 1] - s.ptr[x]) + (s.ptr[y + 1] - s.ptr[y]) - n;
                return union == 0 ? 0 : (double) n / union;
            }
            default:
                throw new AssertionError("mode " + s.mode);
        }
    }

    private static double cosine(double sxy, double sxx, double syy) {
        double den = Math.sqrt(sxx * syy);
        return den == 0 ? 0 : clamp(sxy / den);
    }

    private static double clamp(double v) {
        return v > 1 ? 1 : v < -1 ? -1 : v;
    }

    /** Per-thread accumulators, all zero between rows. */
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

        Workspace(int n, int mode) {
            cnt = new int[n];
            touched = new int[n];
            selected = new int[n];
            mark = new boolean[n];
            value = new double[n];
            sxy = mode == JACCARD ? null : new double[n];
            boolean squares = mode == COSINE || mode == SHRUNK_COSINE || mode == PEARSON;
            sxx = squares ? new double[n] : null;
            syy = squares ? new double[n] : null;
            sx = mode == PEARSON ? new double[n] : null;
            sy = mode == PEARSON ? new double[n] : null;
        }

        void clear(int m) {
            for (int t = 0; t < m; t++) {
                int y = touched[t];
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
