package dev.retention.recsys.sparse;

import dev.retention.parallel.Workers;
import dev.retention.recsys.sparse.internal.ImplMultiplication;
import dev.retention.recsys.sparse.internal.CsrArrays;
import dev.retention.recsys.sparse.internal.ImplGramTopK;
import dev.retention.recsys.sparse.internal.ImplPairs;
import dev.retention.recsys.sparse.internal.ImplSell;

import java.util.Objects;
import java.util.function.Function;

/**
 * Products and statistics of {@link CsrMatrix} sparse matrices: the checked facade over the kernels.
 *
 * <p>Dense operands are row-major {@code double[]}: an {@code n x k} matrix holds element
 * {@code (i, t)} at {@code i * k + t}. Each product takes an optional output array ({@code null} to
 * allocate), overwrites it and returns it, as EJML's {@code CommonOps}. Shapes are checked here and
 * trusted by the kernels. The work is cut into fixed blocks (core's {@link dev.retention.parallel.Blocks})
 * that depend only on the data, and partial results are combined in block order, so the output is
 * identical for any number of threads. Accumulation is in double; the sparse values are float. Dense inputs
 * must be finite (checked, O(size), so that no NaN comes out).
 *
 * <p>Threads: every product comes in two forms. One takes {@code threads} (at least 1) and starts and stops
 * that many threads for the call alone (tens of microseconds each); the other runs on the caller's
 * {@link Workers}, for a caller that runs many products (the power iterations of {@link TruncatedSvd}, the
 * similarities of a fit) and holds one set of threads for all of them. The result is the same either way.
 *
 * <p>Reference for the layouts and products: Y. Saad, <i>Iterative Methods for Sparse Linear Systems</i>,
 * 2nd ed., SIAM 2003, chapter 3; for the row-wise sparse product, F. G. Gustavson, ACM TOMS 4(3), 1978.
 */
public final class SparseOps {

    private SparseOps() {
    }

    /**
     * {@code y = A x}. O(nnz). Blocks of short rows with a small {@code x} are read through a fixed,
     * masked window per row, which avoids a mispredicted loop exit per row (see the kernel's notes). For
     * many products with the same matrix of short rows, convert it once with {@link CsrMatrix#toSell()}:
     * {@link #mult(SellMatrix, double[], double[], int)} runs one loop per eight rows.
     *
     * @param a       read
     * @param x       read; length {@code a.cols()}
     * @param y       written, or {@code null} to allocate; length {@code a.rows()}
     * @param threads threads for this call, {@code >= 1}
     * @return {@code y}
     */
    public static double[] mult(CsrMatrix a, double[] x, double[] y, int threads) {
        return onThreads(threads, workers -> mult(a, x, y, workers));
    }

    /**
     * {@link #mult(CsrMatrix, double[], double[], int)} on the caller's workers.
     *
     * @param a       read
     * @param x       read; length {@code a.cols()}
     * @param y       written, or {@code null} to allocate; length {@code a.rows()}
     * @param workers run the blocks; not closed
     * @return {@code y}
     */
    public static double[] mult(CsrMatrix a, double[] x, double[] y, Workers workers) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(workers, "workers");
        checkLength("x", x, a.cols, "a.cols()");
        checkFinite("x", x, 1);
        y = output("y", y, a.rows, "a.rows()");
        ImplMultiplication.mult(a.rows, a.cols, a.ptr, a.idx, a.val, x, y, workers);
        return y;
    }

    /**
     * {@code y = A x} for a matrix in sliced ELLPACK form: one loop per eight rows, sums in column order
     * within each row. O(stored entries). Equal to the CSR product up to rounding (the CSR kernel adds a
     * row's terms in four interleaved sums), and the same for any number of threads.
     *
     * @param a       read
     * @param x       read; length {@code a.cols()}
     * @param y       written, or {@code null} to allocate; length {@code a.rows()}
     * @param threads threads for this call, {@code >= 1}
     * @return {@code y}
     */
    public static double[] mult(SellMatrix a, double[] x, double[] y, int threads) {
        return onThreads(threads, workers -> mult(a, x, y, workers));
    }

    /**
     * {@link #mult(SellMatrix, double[], double[], int)} on the caller's workers.
     *
     * @param a       read
     * @param x       read; length {@code a.cols()}
     * @param y       written, or {@code null} to allocate; length {@code a.rows()}
     * @param workers run the blocks; not closed
     * @return {@code y}
     */
    public static double[] mult(SellMatrix a, double[] x, double[] y, Workers workers) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(workers, "workers");
        checkLength("x", x, a.cols(), "a.cols()");
        checkFinite("x", x, 1);
        y = output("y", y, a.rows(), "a.rows()");
        ImplSell.mult(a.arrays, x, y, workers);
        return y;
    }

    /**
     * {@code C = A B}, {@code B} dense {@code a.cols() x k}, {@code C} dense {@code a.rows() x k}. O(nnz k).
     * A {@code B} larger than 4 MiB is read in panels of rows that stay in the cache, each output row
     * keeping a cursor into its entries.
     *
     * @param a       read
     * @param b       read; length {@code a.cols() * k}, row-major
     * @param k       columns of {@code B} and {@code C}, {@code >= 1}
     * @param c       written, or {@code null} to allocate; length {@code a.rows() * k}
     * @param threads threads for this call, {@code >= 1}
     * @return {@code c}
     */
    public static double[] mult(CsrMatrix a, double[] b, int k, double[] c, int threads) {
        return onThreads(threads, workers -> mult(a, b, k, c, workers));
    }

    /**
     * {@link #mult(CsrMatrix, double[], int, double[], int)} on the caller's workers.
     *
     * @param a       read
     * @param b       read; length {@code a.cols() * k}, row-major
     * @param k       columns of {@code B} and {@code C}, {@code >= 1}
     * @param c       written, or {@code null} to allocate; length {@code a.rows() * k}
     * @param workers run the blocks; not closed
     * @return {@code c}
     */
    public static double[] mult(CsrMatrix a, double[] b, int k, double[] c, Workers workers) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(workers, "workers");
        checkK(k);
        checkLength("b", b, (long) a.cols * k, "a.cols() * k = " + a.cols + " * " + k);
        checkFinite("b", b, k);
        c = output("c", c, (long) a.rows * k, "a.rows() * k = " + a.rows + " * " + k);
        ImplMultiplication.mult(a.rows, a.cols, a.ptr, a.idx, a.val, b, k, c, workers);
        return c;
    }

    /**
     * {@code C = A^T B}, {@code B} dense {@code a.rows() x k}, {@code C} dense {@code a.cols() x k},
     * without forming the transpose. O(nnz k) time; up to three partial results of {@code a.cols() x k}
     * besides {@code C} when {@code A} has more than 262,144 non-zeros. A {@code C} larger than 256 KiB is
     * scattered into eight columns at a time, so that the part being updated stays in the cache.
     *
     * @param a       read
     * @param b       read; length {@code a.rows() * k}, row-major
     * @param k       columns of {@code B} and {@code C}, {@code >= 1}
     * @param c       written, or {@code null} to allocate; length {@code a.cols() * k}
     * @param threads threads for this call, {@code >= 1}
     * @return {@code c}
     */
    public static double[] multTransA(CsrMatrix a, double[] b, int k, double[] c, int threads) {
        return onThreads(threads, workers -> multTransA(a, b, k, c, workers));
    }

    /**
     * {@link #multTransA(CsrMatrix, double[], int, double[], int)} on the caller's workers.
     *
     * @param a       read
     * @param b       read; length {@code a.rows() * k}, row-major
     * @param k       columns of {@code B} and {@code C}, {@code >= 1}
     * @param c       written, or {@code null} to allocate; length {@code a.cols() * k}
     * @param workers run the blocks; not closed
     * @return {@code c}
     */
    public static double[] multTransA(CsrMatrix a, double[] b, int k, double[] c, Workers workers) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(workers, "workers");
        checkK(k);
        checkLength("b", b, (long) a.rows * k, "a.rows() * k = " + a.rows + " * " + k);
        checkFinite("b", b, k);
        c = output("c", c, (long) a.cols * k, "a.cols() * k = " + a.cols + " * " + k);
        ImplMultiplication.multTransA(a.rows, a.cols, a.ptr, a.idx, a.val, b, k, c, workers);
        return c;
    }

    /**
     * {@code C = A^T B} for {@code A} held in compressed sparse column form, {@code B} dense
     * {@code a.rows() x k}, {@code C} dense {@code a.cols() x k}. The columns of {@code A} are the rows of
     * its transpose, so this is a row-parallel gather with no partial results: O(nnz k), no allocation
     * beyond {@code C}. Prefer it to {@link #multTransA(CsrMatrix, double[], int, double[], int)} when the
     * same matrix is used many times (the CSC form costs one transpose).
     *
     * @param a       read
     * @param b       read; length {@code a.rows() * k}, row-major
     * @param k       columns of {@code B} and {@code C}, {@code >= 1}
     * @param c       written, or {@code null} to allocate; length {@code a.cols() * k}
     * @param threads threads for this call, {@code >= 1}
     * @return {@code c}
     */
    public static double[] multTransA(CscMatrix a, double[] b, int k, double[] c, int threads) {
        Objects.requireNonNull(a, "a");
        return mult(a.transposeAsCsr(), b, k, c, threads);
    }

    /**
     * {@link #multTransA(CscMatrix, double[], int, double[], int)} on the caller's workers.
     *
     * @param a       read
     * @param b       read; length {@code a.rows() * k}, row-major
     * @param k       columns of {@code B} and {@code C}, {@code >= 1}
     * @param c       written, or {@code null} to allocate; length {@code a.cols() * k}
     * @param workers run the blocks; not closed
     * @return {@code c}
     */
    public static double[] multTransA(CscMatrix a, double[] b, int k, double[] c, Workers workers) {
        Objects.requireNonNull(a, "a");
        return mult(a.transposeAsCsr(), b, k, c, workers);
    }

    /**
     * {@return the sparse Gram matrix {@code A^T A} ({@code a.cols() x a.cols()}), as CSR: entry {@code (i, j)}
     * is the sum over rows {@code u} holding both columns of {@code a(u,i) a(u,j)}} Pairs held by fewer
     * than {@code minSupport} rows are left out, and with {@code topK > 0} only the {@code topK} largest
     * values of each row are kept (ties to the smaller column). Computed row by row with a dense
     * accumulator (Gustavson 1978): O(sum over rows of {@code a} of length^2) time, O(cols) workspace
     * per thread plus the output, and one transpose of {@code a}. When every value is positive, {@code topK > 0}
     * and {@code minSupport == 1}, each pair is summed once (the product is symmetric), in half that time plus
     * O(cols^2 / 2) for a scan of the accumulator, with O(cols min(topK, cols)) workspace per thread for the rows'
     * best so far (up to 4 Mi entries; beyond, the general form). Runs on {@code options.threads()} threads started
     * for the call.
     *
     * @param a       read
     * @param options top-k, minimum support, diagonal, threads
     * @throws IllegalArgumentException if the result would exceed {@code Integer.MAX_VALUE} entries
     */
    public static CsrMatrix gram(CsrMatrix a, GramOptions options) {
        Objects.requireNonNull(options, "options");
        return onThreads(options.threads(), workers -> gram(a, options, workers));
    }

    /**
     * {@return {@link #gram(CsrMatrix, GramOptions)} on the caller's workers ({@code options.threads()} is not
     * used; the result does not depend on the number of threads)}
     *
     * @param a       read
     * @param options top-k, minimum support, diagonal
     * @param workers run the blocks; not closed
     */
    public static CsrMatrix gram(CsrMatrix a, GramOptions options, Workers workers) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(workers, "workers");
        if (options.topK() > 0 && options.minSupport() == 1 && ImplGramTopK.fits(a.cols, options.topK())
                && allPositive(a.val)) {
            CsrArrays r = ImplGramTopK.gram(a.cols, a.ptr, a.idx, a.val, options.topK(), !options.diagonal(), workers);
            return new CsrMatrix(a.cols, a.cols, r.ptr(), r.idx(), r.val());
        }
        CsrMatrix t = a.transpose();
        ImplPairs.Spec spec = new ImplPairs.Spec(a.cols, t.ptr, t.idx, t.val, a.ptr, a.idx, a.val,
                ImplPairs.PRODUCT, options.minSupport(), 0, false);
        CsrArrays r = ImplPairs.sparse(spec, options.topK(), !options.diagonal(), workers);
        return new CsrMatrix(a.cols, a.cols, r.ptr(), r.idx(), r.val());
    }

    /** Whether every value is finite and {@code > 0}: the top-k Gram kernel's condition. */
    private static boolean allPositive(float[] val) {
        for (float v : val) {
            if (!(v > 0) || v == Float.POSITIVE_INFINITY) {
                return false;
            }
        }
        return true;
    }

    /**
     * Count, sum, mean and norm of the stored entries of each row. O(nnz).
     *
     * @param a read: the matrix
     * @return the statistics of each row
     */
    public static SparseStats rowStats(CsrMatrix a) {
        int[] counts = new int[a.rows];
        double[] sums = new double[a.rows];
        double[] squares = new double[a.rows];
        for (int i = 0; i < a.rows; i++) {
            double s = 0;
            double q = 0;
            for (int p = a.ptr[i], end = a.ptr[i + 1]; p < end; p++) {
                double v = a.val[p];
                s += v;
                q += v * v;
            }
            counts[i] = a.ptr[i + 1] - a.ptr[i];
            sums[i] = s;
            squares[i] = q;
        }
        return new SparseStats(counts, sums, squares);
    }

    /**
     * Count, sum, mean and norm of the stored entries of each column. O(nnz + cols).
     *
     * @param a read: the matrix
     * @return the statistics of each column
     */
    public static SparseStats columnStats(CsrMatrix a) {
        int[] counts = new int[a.cols];
        double[] sums = new double[a.cols];
        double[] squares = new double[a.cols];
        int nnz = a.nnz();
        for (int p = 0; p < nnz; p++) {
            int j = a.idx[p];
            double v = a.val[p];
            counts[j]++;
            sums[j] += v;
            squares[j] += v * v;
        }
        return new SparseStats(counts, sums, squares);
    }

    /** Runs {@code product} on {@code threads} threads started for it and stopped after. */
    private static <T> T onThreads(int threads, Function<Workers, T> product) {
        checkThreads(threads);
        try (Workers workers = Workers.create(threads)) {
            return product.apply(workers);
        }
    }

    static void checkThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    private static void checkK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
    }

    private static void checkLength(String name, double[] array, long expected, String what) {
        Objects.requireNonNull(array, name);
        if (array.length != expected) {
            throw new IllegalArgumentException(name + " must have length " + what + " = " + expected + ", got "
                    + array.length);
        }
    }

    /** Throws naming the row and column of the first non-finite element of a row-major matrix with k columns. */
    private static void checkFinite(String name, double[] m, int k) {
        for (int e = 0; e < m.length; e++) {
            if (!Double.isFinite(m[e])) {
                throw new IllegalArgumentException(name + " must be finite, got " + m[e] + " at row " + (e / k)
                        + ", column " + (e % k));
            }
        }
    }

    private static double[] output(String name, double[] array, long expected, String what) {
        if (expected > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + " would need " + expected + " elements (" + what
                    + "), more than an array holds");
        }
        if (array == null) {
            return new double[(int) expected];
        }
        checkLength(name, array, expected, what);
        return array;
    }
}
