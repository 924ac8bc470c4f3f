package dev.retention.recsys.similarity;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.internal.TopK;

import java.util.Arrays;
import java.util.Objects;

/**
 * Similarities between {@code n} rows, held either as a full {@code n x n} float matrix or as a top-k
 * neighbour index (the {@code k} most similar other rows of each row, with at least the minimum
 * support); {@link #representation()} says which, {@link #reason()} why. Immutable and thread-safe.
 *
 * <p>{@link #get(int, int)} is O(1) for a full matrix and O(log k) for an index, where pairs not kept
 * read as 0. The diagonal reads as 1, as in Surprise.
 */
public final class SimilarityMatrix {

    /** How the similarities are held. */
    public enum Representation {
        /** Every pair, in an {@code n x n} float matrix. */
        FULL,
        /** The {@code k} most similar other rows of each row. */
        TOP_K
    }

    private final SimilarityMeasure measure;
    private final int n;
    private final float[] dense;
    private final int[] ptr;
    private final int[] idx;
    private final float[] val;
    private final String reason;

    private SimilarityMatrix(SimilarityMeasure measure, int n, float[] dense, int[] ptr, int[] idx, float[] val,
                             String reason) {
        this.measure = measure;
        this.n = n;
        this.dense = dense;
        this.ptr = ptr;
        this.idx = idx;
        this.val = val;
        this.reason = reason;
    }

    static SimilarityMatrix full(SimilarityMeasure measure, int n, float[] dense, String reason) {
        return new SimilarityMatrix(measure, n, dense, null, null, null, reason);
    }

    static SimilarityMatrix pruned(SimilarityMeasure measure, int n, int[] ptr, int[] idx, float[] val,
                                   String reason) {
        return new SimilarityMatrix(measure, n, null, ptr, idx, val, reason);
    }

    /** Number of rows compared. */
    public int size() {
        return n;
    }

    /** The measure. */
    public SimilarityMeasure measure() {
        return measure;
    }

    /** How the similarities are held. */
    public Representation representation() {
        return dense != null ? Representation.FULL : Representation.TOP_K;
    }

    /** Why this representation was chosen, for example the memory a full matrix would need. */
    public String reason() {
        return reason;
    }

    /**
     * The similarity of rows {@code i} and {@code j}; 0 for a pair below the minimum support or not kept
     * by a top-k index.
     *
     * @throws IndexOutOfBoundsException if {@code i} or {@code j} is not in {@code [0, size())}
     */
    public float get(int i, int j) {
        Objects.checkIndex(i, n);
        Objects.checkIndex(j, n);
        if (dense != null) {
            return dense[i * n + j];
        }
        if (i == j) {
            return 1f;
        }
        int p = Arrays.binarySearch(idx, ptr[i], ptr[i + 1], j);
        return p >= 0 ? val[p] : 0f;
    }

    /**
     * The {@code k} rows most similar to row {@code i} (itself excluded, pairs with similarity 0 or below
     * the support left out), most similar first, ties to the smaller index. O(n + m log k + k^2) for
     * {@code m} candidates (a bounded heap, then an insertion sort of the kept ones).
     *
     * @param i row
     * @param k how many at most, {@code >= 1}
     */
    public Neighbours neighbours(int i, int k) {
        Objects.checkIndex(i, n);
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        double[] value = new double[n];
        int[] cand = new int[dense != null ? n : ptr[i + 1] - ptr[i]];
        int m = 0;
        if (dense != null) {
            for (int j = 0; j < n; j++) {
                float v = dense[i * n + j];
                if (j != i && v != 0f) {
                    cand[m++] = j;
                    value[j] = v;
                }
            }
        } else {
            for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                if (val[p] != 0f) {
                    cand[m++] = idx[p];
                    value[idx[p]] = val[p];
                }
            }
        }
        int kept = TopK.select(cand, m, k, value);
        // order the kept ones best first (insertion sort: k is small)
        for (int a = 1; a < kept; a++) {
            int x = cand[a];
            int b = a - 1;
            while (b >= 0 && (value[cand[b]] < value[x] || (value[cand[b]] == value[x] && cand[b] > x))) {
                cand[b + 1] = cand[b];
                b--;
            }
            cand[b + 1] = x;
        }
        int[] index = Arrays.copyOf(cand, kept);
        float[] sim = new float[kept];
        for (int t = 0; t < kept; t++) {
            sim[t] = (float) value[index[t]];
        }
        return new Neighbours(index, sim);
    }

    /**
     * The most similar rows of one row, as parallel arrays, most similar first.
     *
     * @param index      the rows
     * @param similarity their similarities
     */
    public record Neighbours(int[] index, float[] similarity) {
        /** Number of neighbours. */
        public int size() {
            return index.length;
        }
    }

    /**
     * Adds the similarities to a model file, in sections named {@code prefix + "_measure"},
     * {@code "_size"}, {@code "_representation"}, {@code "_reason"}, and either {@code "_values"} (a
     * full matrix, row-major) or the {@code "_index"} sections of a {@link CsrMatrix} (a top-k index).
     * O(memory held).
     *
     * @param file   written
     * @param prefix section name prefix, such as {@code "similarity"}
     */
    public void writeTo(ModelFile.Writer file, String prefix) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(prefix, "prefix");
        file.putString(prefix + "_measure", measure.label())
                .putInt(prefix + "_size", n)
                .putString(prefix + "_representation", representation().name())
                .putString(prefix + "_reason", reason);
        if (dense != null) {
            file.putFloats(prefix + "_values", dense);
        } else {
            CsrMatrix.of(n, n, ptr, idx, val).writeTo(file, prefix + "_index");
        }
    }

    /**
     * Reads similarities written by {@link #writeTo}, checking the shape and that every value is finite
     * and in [-1, 1]. O(memory held).
     *
     * @param file   read
     * @param prefix the prefix they were written with
     * @throws ModelFormatException if a section is missing or malformed
     */
    public static SimilarityMatrix readFrom(ModelFile file, String prefix) throws ModelFormatException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(prefix, "prefix");
        String where = file.source() + ": similarities '" + prefix + "'";
        SimilarityMeasure measure;
        Representation representation;
        try {
            measure = SimilarityMeasure.parse(file.string(prefix + "_measure"));
            representation = Representation.valueOf(file.string(prefix + "_representation"));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(where + ": " + e.getMessage());
        }
        int n = file.intValue(prefix + "_size");
        String reason = file.string(prefix + "_reason");
        if (n < 0) {
            throw new ModelFormatException(where + ": size must be >= 0, got " + n);
        }
        if (representation == Representation.FULL) {
            float[] values = file.floats(prefix + "_values");
            if (values.length != (long) n * n) {
                throw new ModelFormatException(where + ": a full matrix of " + n + " rows needs " + (long) n * n
                        + " values, got " + values.length);
            }
            checkBounded(values, where);
            return full(measure, n, values, reason);
        }
        CsrMatrix index = CsrMatrix.readFrom(file, prefix + "_index");
        if (index.rows() != n || index.cols() != n) {
            throw new ModelFormatException(where + ": the index must be " + n + " x " + n + ", got "
                    + index.rows() + " x " + index.cols());
        }
        float[] values = index.values();
        checkBounded(values, where);
        return pruned(measure, n, index.rowPointers(), index.columnIndices(), values, reason);
    }

    private static void checkBounded(float[] values, String where) throws ModelFormatException {
        for (int p = 0; p < values.length; p++) {
            if (!(values[p] >= -1f && values[p] <= 1f)) {
                throw new ModelFormatException(where + ": value " + values[p] + " at position " + p
                        + " is not a similarity in [-1, 1]");
            }
        }
    }

    /** Bytes held by the similarities. */
    public long memoryBytes() {
        return dense != null ? 4L * dense.length : 4L * (ptr.length + idx.length + val.length);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format("SimilarityMatrix %s of %,d rows: %s%n", measure.label(), n,
                reason));
        int shown = Math.min(n, 6);
        for (int i = 0; i < shown; i++) {
            for (int j = 0; j < shown; j++) {
                sb.append(String.format("%8.4f", get(i, j)));
            }
            sb.append(String.format("%s%n", n > shown ? "  ..." : ""));
        }
        return sb.toString();
    }
}
