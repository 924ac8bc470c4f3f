package dev.retention.recsys.sparse.internal;

import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;

import java.util.Arrays;

/**
 * Sparse (CSR, float values) times dense (row-major double) products.
 *
 * <p>Layout: {@code A} is {@code rows x cols} CSR; a dense {@code n x k} matrix is a row-major
 * {@code double[]} with element {@code (i, t)} at {@code i * k + t}. Complexity O(nnz * k) for each
 * product. References: Y. Saad, <i>Iterative Methods for Sparse Linear Systems</i>, 2nd ed., SIAM 2003,
 * section 3.4 (CSR matrix-vector products); the blocked, order-preserving parallel scheme follows
 * EJML's {@code _MT} kernels.
 *
 * <p>{@code A x} and {@code A B} run over fixed row blocks that write disjoint rows of the output.
 * {@code A^T B} scatters into every output row, so each block (fixed by the data, at most
 * {@value #MAX_PARTIALS}) scatters into its own partial result, and the partials are added in block
 * order: the output is bit-for-bit the same for any number of threads. Inputs are trusted: the facade
 * checks shapes.
 */
public final class ImplMultiplication {

    /** Target non-zeros per block of the row-parallel products. */
    public static final long BLOCK_NNZ = 1 << 15;
    /** Target non-zeros per block of {@code A x}, whose rows are independent: fewer, longer kernel calls. */
    static final long VECTOR_BLOCK_NNZ = 1 << 18;
    /** Largest number of partial results of {@code A^T B}. */
    public static final int MAX_PARTIALS = 4;
    private static final long PARTIAL_NNZ = 1 << 18;
    /** Entries read per row by the windowed {@code A x} kernel. */
    static final int WINDOW = 12;
    /** Smallest mean row length of a block read with the window. */
    static final int WINDOW_MIN_MEAN = 4;
    /** Largest mean row length of a block read with the window. */
    static final int WINDOW_MAX_MEAN = 16;
    /** Largest {@code x} (in bytes) for the windowed kernel, whose masked reads of {@code x} must hit the cache. */
    static final long WINDOW_X_BYTES = 256L << 10;
    /** Largest dense operand read whole by {@code A B}; larger ones are read in panels of this size. */
    public static final long PANEL_BYTES = 4L << 20;
    /** Target non-zeros per block of {@code A B} when {@code B} is read in panels. */
    private static final long PANEL_BLOCK_NNZ = 1 << 21;
    /** Largest output of {@code A^T B} scattered into whole; larger ones in column tiles of {@value #TILE} columns. */
    public static final long TILE_BYTES = 256L << 10;
    /** Columns of a tile of {@code A^T B}. */
    public static final int TILE = 8;
    private static final int REDUCE_CHUNK = 1 << 14;

    private ImplMultiplication() {
    }

    /**
     * {@code y = A x}; {@code y} fully overwritten. Blocks whose rows are short (a mean of
     * {@value #WINDOW_MIN_MEAN} to {@value #WINDOW_MAX_MEAN} entries) with an {@code x} that stays in the
     * cache (at most {@value #WINDOW_X_BYTES} bytes) are read with a fixed window per row
     * ({@link #multRowsWindowed}); the others a row at a time with four accumulators. The choice depends
     * on the data only.
     */
    public static void mult(int rows, int cols, int[] ptr, int[] idx, float[] val, double[] x, double[] y,
                            Workers workers) {
        Blocks blocks = Blocks.byWeight(ptr, rows, VECTOR_BLOCK_NNZ);
        int nnz = ptr[rows];
        boolean xCached = 8L * cols <= WINDOW_X_BYTES;
        workers.run(blocks.count(), b -> {
            int from = blocks.start(b);
            int to = blocks.end(b);
            long entries = (long) ptr[to] - ptr[from];
            if (xCached && entries >= (long) WINDOW_MIN_MEAN * (to - from)
                    && entries <= (long) WINDOW_MAX_MEAN * (to - from)) {
                // the window reads up to WINDOW entries past a row's start: the last rows of the matrix go plain
                int safe = to;
                while (safe > from && ptr[safe] + WINDOW > nnz) {
                    safe--;
                }
                multRowsWindowed(from, safe, ptr, idx, val, x, y);
                multRows(safe, to, ptr, idx, val, x, y);
            } else {
                multRows(from, to, ptr, idx, val, x, y);
            }
        });
    }

    /**
     * {@code y = A x} for rows {@code [from, to)} through a window of {@value #WINDOW} entries from each
     * row's start, weighted 1 inside the row and 0 past its end (the entries of the next rows: finite
     * values times 0 add nothing), then the rest of a longer row four at a time with a masked tail.
     *
     * <p>Why: on short rows of varying length, the exit of a per-row loop is mispredicted about once a row,
     * which costs more than the arithmetic of the row. The window has a fixed trip count (unrolled by the
     * JIT); only rows longer than the window branch into the loop. Requires
     * {@code ptr[to] + WINDOW <= nnz} and a finite {@code x}.
     */
    private static void multRowsWindowed(int from, int to, int[] ptr, int[] idx, float[] val, double[] x,
                                         double[] y) {
        for (int i = from; i < to; i++) {
            int p = ptr[i];
            int end = ptr[i + 1];
            int len = end - p;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int g = 0; g < WINDOW; g += 4) {
                s0 += (val[p + g] * inside(g, len)) * x[idx[p + g]];
                s1 += (val[p + g + 1] * inside(g + 1, len)) * x[idx[p + g + 1]];
                s2 += (val[p + g + 2] * inside(g + 2, len)) * x[idx[p + g + 2]];
                s3 += (val[p + g + 3] * inside(g + 3, len)) * x[idx[p + g + 3]];
            }
            if (len > WINDOW) {
                p += WINDOW;
                for (; p + 3 < end; p += 4) {
                    s0 += val[p] * x[idx[p]];
                    s1 += val[p + 1] * x[idx[p + 1]];
                    s2 += val[p + 2] * x[idx[p + 2]];
                    s3 += val[p + 3] * x[idx[p + 3]];
                }
                int rest = end - p;
                s0 += (val[p] * inside(0, rest)) * x[idx[p]];
                s1 += (val[p + 1] * inside(1, rest)) * x[idx[p + 1]];
                s2 += (val[p + 2] * inside(2, rest)) * x[idx[p + 2]];
            }
            y[i] = (s0 + s1) + (s2 + s3);
        }
    }

    /** 1f when {@code slot < len}, else 0f, without a branch. */
    private static float inside(int slot, int len) {
        return Float.intBitsToFloat(((slot - len) >> 31) & 0x3F800000);
    }

    private static void multRows(int from, int to, int[] ptr, int[] idx, float[] val, double[] x, double[] y) {
        for (int i = from; i < to; i++) {
            // four independent accumulators: the adds of one row do not wait on each other
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int p = ptr[i];
            int end = ptr[i + 1];
            for (; p + 3 < end; p += 4) {
                s0 += val[p] * x[idx[p]];
                s1 += val[p + 1] * x[idx[p + 1]];
                s2 += val[p + 2] * x[idx[p + 2]];
                s3 += val[p + 3] * x[idx[p + 3]];
            }
            for (; p < end; p++) {
                s0 += val[p] * x[idx[p]];
            }
            y[i] = (s0 + s1) + (s2 + s3);
        }
    }

    /**
     * {@code C = A B} with {@code B} {@code cols x k}, {@code C} {@code rows x k}; {@code C} fully
     * overwritten. When {@code B} is larger than {@value #PANEL_BYTES} bytes it is read in panels of
     * consecutive rows that stay in the cache ({@link #panelRows}).
     */
    public static void mult(int rows, int cols, int[] ptr, int[] idx, float[] val, double[] b, int k, double[] c,
                            Workers workers) {
        mult(rows, cols, ptr, idx, val, b, k, c, workers, panelRows(cols, k));
    }

    /**
     * Rows of {@code B} per panel: all of them when {@code B} fits {@value #PANEL_BYTES} bytes, else as
     * many as fill that many bytes (at least one). Depends on the shape only.
     */
    public static int panelRows(int cols, int k) {
        long bytes = 8L * cols * k;
        return bytes <= PANEL_BYTES ? Math.max(1, cols) : (int) Math.max(1, PANEL_BYTES / (8L * k));
    }

    /**
     * {@code C = A B} reading {@code B} in panels of {@code panelRows} rows: each output row walks its
     * entries panel by panel (a cursor per row), so that a panel of {@code B} is read from memory once per
     * block of output rows rather than once per entry. Each output element sums its terms in entry
     * order, four entries at a time within a panel. Blocks are fixed by the data and {@code panelRows}.
     */
    public static void mult(int rows, int cols, int[] ptr, int[] idx, float[] val, double[] b, int k, double[] c,
                            Workers workers, int panelRows) {
        if (panelRows >= cols) {
            Blocks blocks = Blocks.byWeight(ptr, rows, BLOCK_NNZ / Math.max(1, k / 4));
            workers.run(blocks.count(), blk -> multRows(blocks.start(blk), blocks.end(blk), ptr, idx, val, b, k, c));
            return;
        }
        // blocks of many rows, so that a panel serves many rows before the next is read
        Blocks blocks = Blocks.byWeight(ptr, rows, PANEL_BLOCK_NNZ);
        workers.run(blocks.count(), blk -> {
            int from = blocks.start(blk);
            int to = blocks.end(blk);
            int[] cursor = Arrays.copyOfRange(ptr, from, to);
            Arrays.fill(c, from * k, to * k, 0.0);
            for (int k0 = 0; k0 < cols; k0 += panelRows) {
                int k1 = (int) Math.min(cols, (long) k0 + panelRows);
                for (int i = from; i < to; i++) {
                    int p = cursor[i - from];
                    int stop = p;
                    int end = ptr[i + 1];
                    while (stop < end && idx[stop] < k1) {
                        stop++;
                    }
                    accumulateRow(i, p, stop, idx, val, b, k, c);
                    cursor[i - from] = stop;
                }
            }
        });
    }

    private static void multRows(int from, int to, int[] ptr, int[] idx, float[] val, double[] b, int k, double[] c) {
        for (int i = from; i < to; i++) {
            int ci = i * k;
            for (int t = 0; t < k; t++) {
                c[ci + t] = 0;
            }
            accumulateRow(i, ptr[i], ptr[i + 1], idx, val, b, k, c);
        }
    }

    /** {@code C[i] += sum over entries p in [from, end) of val[p] B[idx[p]]}, four entries at a time. */
    private static void accumulateRow(int i, int from, int end, int[] idx, float[] val, double[] b, int k,
                                      double[] c) {
        int ci = i * k;
        int p = from;
        // four entries at a time: one load and store of the output row per four products
        for (; p + 3 < end; p += 4) {
            double a0 = val[p];
            double a1 = val[p + 1];
            double a2 = val[p + 2];
            double a3 = val[p + 3];
            int b0 = idx[p] * k;
            int b1 = idx[p + 1] * k;
            int b2 = idx[p + 2] * k;
            int b3 = idx[p + 3] * k;
            for (int t = 0; t < k; t++) {
                c[ci + t] += a0 * b[b0 + t] + a1 * b[b1 + t] + a2 * b[b2 + t] + a3 * b[b3 + t];
            }
        }
        for (; p < end; p++) {
            double a = val[p];
            int bj = idx[p] * k;
            for (int t = 0; t < k; t++) {
                c[ci + t] += a * b[bj + t];
            }
        }
    }

    /**
     * {@code C = A^T B} with {@code B} {@code rows x k}, {@code C} {@code cols x k}; {@code C} fully
     * overwritten. Memory: up to {@value #MAX_PARTIALS} - 1 partial results of {@code cols x k}. When
     * {@code C} is larger than {@value #TILE_BYTES} bytes, the scatter runs over tiles of {@value #TILE}
     * columns of {@code C} in turn ({@link #tileColumns}), so that the part of {@code C} it updates stays
     * in the cache; every element still sums its terms in row order, so the tiling does not change the result.
     */
    public static void multTransA(int rows, int cols, int[] ptr, int[] idx, float[] val, double[] b, int k,
                                  double[] c, Workers workers) {
        multTransA(rows, cols, ptr, idx, val, b, k, c, workers, tileColumns(cols, k));
    }

    /** Columns per tile of {@code A^T B}: all {@code k} when {@code C} fits {@value #TILE_BYTES} bytes, else {@value #TILE}. */
    public static int tileColumns(int cols, int k) {
        return 8L * cols * k <= TILE_BYTES ? k : Math.min(k, TILE);
    }

    /** {@code C = A^T B} scattering {@code tile} columns of {@code C} at a time. */
    public static void multTransA(int rows, int cols, int[] ptr, int[] idx, float[] val, double[] b, int k,
                                  double[] c, Workers workers, int tile) {
        long nnz = ptr[rows];
        long target = Math.max(PARTIAL_NNZ, (nnz + MAX_PARTIALS - 1) / MAX_PARTIALS);
        Blocks bounds = Blocks.byWeight(ptr, rows, target);
        int blocks = bounds.count();
        int size = cols * k;
        double[][] partial = new double[blocks][];
        partial[0] = c;
        workers.run(blocks, blk -> {
            double[] out = blk == 0 ? c : new double[size];
            if (blk == 0) {
                Arrays.fill(c, 0, size, 0.0);
            }
            for (int t0 = 0; t0 < k; t0 += tile) {
                int t1 = Math.min(k, t0 + tile);
                if (t1 - t0 == TILE) {
                    scatterRows8(bounds.start(blk), bounds.end(blk), ptr, idx, val, b, k, out, t0);
                } else {
                    scatterRows(bounds.start(blk), bounds.end(blk), ptr, idx, val, b, k, out, t0, t1);
                }
            }
            partial[blk] = out;
        });
        if (blocks > 1) {
            int chunks = (size + REDUCE_CHUNK - 1) / REDUCE_CHUNK;
            workers.run(chunks, chunk -> {
                int from = chunk * REDUCE_CHUNK;
                int to = Math.min(size, from + REDUCE_CHUNK);
                for (int blk = 1; blk < blocks; blk++) {
                    double[] p = partial[blk];
                    for (int e = from; e < to; e++) {
                        c[e] += p[e];
                    }
                }
            });
        }
    }

    /** Adds {@code a(i, j) B[i, t0..t1)} into {@code out[j, t0..t1)} for the entries of rows {@code [from, to)}. */
    private static void scatterRows(int from, int to, int[] ptr, int[] idx, float[] val, double[] b, int k,
                                    double[] out, int t0, int t1) {
        for (int i = from; i < to; i++) {
            int bi = i * k;
            for (int p = ptr[i], end = ptr[i + 1]; p < end; p++) {
                double a = val[p];
                int oj = idx[p] * k;
                for (int t = t0; t < t1; t++) {
                    out[oj + t] += a * b[bi + t];
                }
            }
        }
    }

    /** {@link #scatterRows} for a tile of exactly {@value #TILE} columns, the row of {@code B} held in locals. */
    private static void scatterRows8(int from, int to, int[] ptr, int[] idx, float[] val, double[] b, int k,
                                     double[] out, int t0) {
        for (int i = from; i < to; i++) {
            int bi = i * k + t0;
            double b0 = b[bi];
            double b1 = b[bi + 1];
            double b2 = b[bi + 2];
            double b3 = b[bi + 3];
            double b4 = b[bi + 4];
            double b5 = b[bi + 5];
            double b6 = b[bi + 6];
            double b7 = b[bi + 7];
            for (int p = ptr[i], end = ptr[i + 1]; p < end; p++) {
                double a = val[p];
                int o = idx[p] * k + t0;
                out[o] += a * b0;
                out[o + 1] += a * b1;
                out[o + 2] += a * b2;
                out[o + 3] += a * b3;
                out[o + 4] += a * b4;
                out[o + 5] += a * b5;
                out[o + 6] += a * b6;
                out[o + 7] += a * b7;
            }
        }
    }
}
