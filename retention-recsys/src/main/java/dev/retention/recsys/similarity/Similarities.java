package dev.retention.recsys.similarity;

import dev.retention.parallel.Workers;
import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.SparseOps;
import dev.retention.recsys.sparse.SparseStats;
import dev.retention.recsys.sparse.internal.CsrArrays;
import dev.retention.recsys.sparse.internal.ImplPairs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Objects;

/**
 * Similarities between the rows of a sparse matrix: user-user similarity from a user x item rating
 * matrix, item-item similarity from its transpose. Entry point of {@code dev.retention.similarity}.
 *
 * <p>Every measure of {@link SimilarityMeasure} is computed over co-rated entries, row by row with a
 * dense accumulator over the transpose (Gustavson's row-wise product): O(sum over columns of
 * count^2) time, O(n) workspace per thread, and either a full {@code n x n} float matrix or a top-k
 * neighbour index as output; which one, and why, is stated by {@link SimilarityMatrix#representation()}
 * and {@link SimilarityMatrix#reason()}. The result is symmetric, bounded, free of NaN, and the same for
 * any number of threads.
 */
public final class Similarities {

    private static final Logger LOG = LoggerFactory.getLogger(Similarities.class);
    private static final int MAX_FULL_ROWS = 46_340;   // 46,340^2 < 2^31

    private Similarities() {
    }

    /**
     * {@return similarities between the rows of {@code rows} with any measure but
     * {@link SimilarityMeasure#PEARSON_BASELINE}, which needs {@link Baselines}}
     *
     * @param rows    read; the entities compared are its rows
     * @param options measure, support, representation, threads
     * @throws IllegalArgumentException if the measure is {@code PEARSON_BASELINE}, or a full matrix is
     *                                  asked for more than 46,340 rows
     */
    public static SimilarityMatrix compute(CsrMatrix rows, SimilarityOptions options) {
        return compute(rows, options, null);
    }

    /**
     * {@return similarities between the rows of {@code rows}, on {@code options.threads()} threads started for the
     * call}
     *
     * @param rows      read; the entities compared are its rows
     * @param options   measure, support, shrinkage, representation, threads
     * @param baselines read; required for {@link SimilarityMeasure#PEARSON_BASELINE} (one bias per row
     *                  and per column of {@code rows}), ignored otherwise; may be {@code null} then
     * @throws IllegalArgumentException if baselines are missing or have the wrong lengths, or a full
     *                                  matrix is asked for more than 46,340 rows
     */
    public static SimilarityMatrix compute(CsrMatrix rows, SimilarityOptions options, Baselines baselines) {
        Objects.requireNonNull(options, "options");
        try (Workers workers = Workers.create(options.threads())) {
            return compute(rows, options, baselines, workers);
        }
    }

    /**
     * {@return {@link #compute(CsrMatrix, SimilarityOptions, Baselines)} on the caller's workers (for a fit that
     * holds its threads; {@code options.threads()} is not used, and the result does not depend on the
     * number of threads)}
     *
     * @param rows      read; the entities compared are its rows
     * @param options   measure, support, shrinkage, representation
     * @param baselines read; required for {@link SimilarityMeasure#PEARSON_BASELINE}, else may be {@code null}
     * @param workers   run the rows in blocks; not closed
     * @throws IllegalArgumentException if baselines are missing or have the wrong lengths, or a full
     *                                  matrix is asked for more than 46,340 rows
     */
    public static SimilarityMatrix compute(CsrMatrix rows, SimilarityOptions options, Baselines baselines,
                                           Workers workers) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(workers, "workers");
        long start = System.nanoTime();
        int n = rows.rows();
        CsrMatrix x = rows;
        int mode;
        switch (options.measure()) {
            case COSINE -> mode = ImplPairs.COSINE;
            case PEARSON -> mode = ImplPairs.PEARSON;
            case MSD -> mode = ImplPairs.MSD;
            case JACCARD -> mode = ImplPairs.JACCARD;
            case ADJUSTED_COSINE -> {
                x = centredByColumn(rows);
                mode = ImplPairs.COSINE;
            }
            case PEARSON_BASELINE -> {
                x = residuals(rows, baselines);
                mode = ImplPairs.SHRUNK_COSINE;
            }
            default -> throw new AssertionError(options.measure());
        }
        CsrMatrix t = x.transpose();
        ImplPairs.Spec spec = new ImplPairs.Spec(n, x.rowPointers(), x.columnIndices(), x.values(),
                t.rowPointers(), t.columnIndices(), t.values(), mode, options.minSupport(), options.shrinkage(),
                true);
        long fullBytes = 4L * n * n;
        boolean full = switch (options.representation()) {
            case FULL -> true;
            case TOP_K -> false;
            case AUTO -> n <= MAX_FULL_ROWS && fullBytes <= options.maxDenseBytes();
        };
        String reason;
        SimilarityMatrix result;
        if (full) {
            if (n > MAX_FULL_ROWS) {
                throw new IllegalArgumentException("a full similarity matrix holds at most " + MAX_FULL_ROWS
                        + " rows, got " + n + "; use Representation.TOP_K");
            }
            reason = options.representation() == SimilarityOptions.Representation.FULL
                    ? "full matrix, as asked" : String.format(Locale.ROOT, "full matrix: %s fits the budget of %s",
                    bytes(fullBytes), bytes(options.maxDenseBytes()));
            float[] dense = new float[n * n];
            ImplPairs.dense(spec, dense, workers);
            result = SimilarityMatrix.full(options.measure(), n, dense, reason);
        } else {
            reason = options.representation() == SimilarityOptions.Representation.TOP_K
                    ? "top-" + options.neighbours() + " neighbour index, as asked"
                    : String.format(Locale.ROOT, "top-%d neighbour index: a full matrix would need %s, over the budget of %s",
                    options.neighbours(), bytes(fullBytes), bytes(options.maxDenseBytes()));
            CsrArrays r = ImplPairs.sparse(spec, options.neighbours(), true, workers);
            result = SimilarityMatrix.pruned(options.measure(), n, r.ptr(), r.idx(), r.val(), reason);
        }
        LOG.debug("{} similarity of {} rows: {} ({} ms)", options.measure().label(), n, reason,
                (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    private static String bytes(long b) {
        return b >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", b / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
    }

    /** Values minus the mean of their column (over stored entries). */
    private static CsrMatrix centredByColumn(CsrMatrix rows) {
        SparseStats stats = SparseOps.columnStats(rows);
        float[] v = rows.values();
        for (int i = 0; i < rows.rows(); i++) {
            for (int p = rows.rowStart(i); p < rows.rowEnd(i); p++) {
                v[p] = (float) (v[p] - stats.mean(rows.columnIndex(p)));
            }
        }
        return rows.withValues(v);
    }

    /** Values minus their baseline {@code mu + b_row + b_column}. */
    private static CsrMatrix residuals(CsrMatrix rows, Baselines b) {
        if (b == null) {
            throw new IllegalArgumentException("the pearson_baseline similarity needs baselines, got null");
        }
        if (b.rows() != rows.rows() || b.columns() != rows.cols()) {
            throw new IllegalArgumentException("baselines must have " + rows.rows() + " row biases and "
                    + rows.cols() + " column biases, got " + b.rows() + " and " + b.columns());
        }
        float[] v = rows.values();
        for (int i = 0; i < rows.rows(); i++) {
            double base = b.globalMean() + b.row(i);
            for (int p = rows.rowStart(i); p < rows.rowEnd(i); p++) {
                v[p] = (float) (v[p] - (base + b.column(rows.columnIndex(p))));
            }
        }
        return rows.withValues(v);
    }
}
