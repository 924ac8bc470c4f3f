package dev.retention.sparse.internal;

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
    /** Largest number of partial results of {@code A^T B}. */
    public static final int MAX_PARTIALS = 4;
    private static final long PARTIAL_NNZ = 1 << 18;
    private static final int REDUCE_CHUNK = 1 << 14;

    private ImplMultiplication() {
    }

    /** {@code y = A x}; {@code y} fully overwritten. */
    public static void mult(int rows, int[] ptr, int[] idx, float[] val, double[] x, double[] y, int threads) {
        int[] bounds = Blocks.byNnz(ptr, rows, BLOCK_NNZ);
        Blocks.run(bounds.length - 1, threads, (b, w) -> multRows(bounds[b], bounds[b + 1], ptr, idx, val, x, y));
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

    /** {@code C = A B} with {@code B} {@code cols x k}, {@code C} {@code rows x k}; {@code C} fully overwritten. */
    public static void mult(int rows, int[] ptr, int[] idx, float[] val, double[] b, int k, double[] c, int threads) {
        int[] bounds = Blocks.byNnz(ptr, rows, BLOCK_NNZ / Math.max(1, k / 4));
        Blocks.run(bounds.length - 1, threads,
                (blk, w) -> multRows(bounds[blk], bounds[blk + 1], ptr, idx, val, b, k, c));
    }

    private static void multRows(int from, int to, int[] ptr, int[] idx, float[] val, double[] b, int k, double[] c) {
        for (int i = from; i < to; i++) {
            int ci = i * k;
            for (int t = 0; t < k; t++) {
                c[ci + t] = 0;
            }
            int p = ptr[i];
            int end = ptr[i + 1];
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
    }

    /**
     * {@code C = A^T B} with {@code B} {@code rows x k}, {@code C} {@code cols x k}; {@code C} fully
     * overwritten. Memory: up to {@value #MAX_PARTIALS} - 1 partial results of {@code cols x k}.
     */
    public static void multTransA(int rows, int cols, int[] ptr, int[] idx, float[] val, double[] b, int k,
                                  double[] c, int threads) {
        long nnz = ptr[rows];
        long target = Math.max(PARTIAL_NNZ, (nnz + MAX_PARTIALS - 1) / MAX_PARTIALS);
        int[] bounds = Blocks.byNnz(ptr, rows, target);
        int blocks = bounds.length - 1;
        int size = cols * k;
        double[][] partial = new double[blocks][];
        partial[0] = c;
        Blocks.run(blocks, threads, (blk, w) -> {
            double[] out = blk == 0 ? c : new double[size];
            if (blk == 0) {
                java.util.Arrays.fill(c, 0, size, 0.0);
            }
            scatterRows(bounds[blk], bounds[blk + 1], ptr, idx, val, b, k, out);
            partial[blk] = out;
        });
        if (blocks > 1) {
            int chunks = (size + REDUCE_CHUNK - 1) / REDUCE_CHUNK;
            Blocks.run(chunks, threads, (chunk, w) -> {
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

    private static void scatterRows(int from, int to, int[] ptr, int[] idx, float[] val, double[] b, int k,
                                    double[] out) {
        for (int i = from; i < to; i++) {
            int bi = i * k;
            for (int p = ptr[i], end = ptr[i + 1]; p < end; p++) {
                double a = val[p];
                int oj = idx[p] * k;
                for (int t = 0; t < k; t++) {
                    out[oj + t] += a * b[bi + t];
                }
            }
        }
    }
}
