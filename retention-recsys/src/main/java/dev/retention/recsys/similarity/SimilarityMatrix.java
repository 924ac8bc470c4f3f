package dev.retention.recsys.similarity;

import dev.retention.data.IdIndex;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.internal.TopK;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Similarities between {@code n} rows, held either as a full {@code n x n} float matrix or as a top-k
 * neighbour index (the {@code k} most similar other rows of each row, with at least the minimum
 * support); {@link #representation()} says which, {@link #reason()} why. Immutable and thread-safe.
 *
 * <p>{@link #get(int, int)} is O(1) for a full matrix and O(log k) for an index, where pairs not kept
 * read as 0. The diagonal reads as 1, as in Surprise.
 *
 * <p>Rows are dense indexes; the external ids they stand for (users or items) are given by
 * {@link #withIds(IdIndex)} (a neighbourhood model does so with its ratings' ids), and {@link #toString()}
 * and {@link Neighbours} print them. Without ids, a row's id is its index. Two matrices are equal when
 * they hold the same measure and the same similarities in the same representation (the reason and the ids
 * are not compared).
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
    private final IdIndex ids;        // or null: a row's id is its index

    private SimilarityMatrix(SimilarityMeasure measure, int n, float[] dense, int[] ptr, int[] idx, float[] val,
                             String reason, IdIndex ids) {
        this.measure = measure;
        this.n = n;
        this.dense = dense;
        this.ptr = ptr;
        this.idx = idx;
        this.val = val;
        this.reason = reason;
        this.ids = ids;
    }

    static SimilarityMatrix full(SimilarityMeasure measure, int n, float[] dense, String reason) {
        return new SimilarityMatrix(measure, n, dense, null, null, null, reason, null);
    }

    static SimilarityMatrix pruned(SimilarityMeasure measure, int n, int[] ptr, int[] idx, float[] val,
                                   String reason) {
        return new SimilarityMatrix(measure, n, null, ptr, idx, val, reason, null);
    }

    /**
     * {@return the same similarities with the external ids of the rows, for {@link #toString()} and
     * {@link Neighbours}} O(1): the similarities are shared, not copied (they are immutable).
     *
     * @param ids read, kept; one id per row
     * @throws IllegalArgumentException if {@code ids} does not hold {@link #size()} ids
     */
    public SimilarityMatrix withIds(IdIndex ids) {
        Objects.requireNonNull(ids, "ids");
        if (ids.size() != n) {
            throw new IllegalArgumentException("ids must hold one id per row, " + n + ", got " + ids.size());
        }
        return new SimilarityMatrix(measure, n, dense, ptr, idx, val, reason, ids);
    }

    /** {@return the external ids of the rows, or the identity (a row's id is its index) when none were given} */
    public IdIndex ids() {
        return ids != null ? ids : IdIndex.identity(n);
    }

    private String id(int row) {
        return ids != null ? ids.id(row) : Integer.toString(row);
    }

    /** {@return the number of rows compared} */
    public int size() {
        return n;
    }

    /** {@return the measure} */
    public SimilarityMeasure measure() {
        return measure;
    }

    /** {@return how the similarities are held} */
    public Representation representation() {
        return dense != null ? Representation.FULL : Representation.TOP_K;
    }

    /** {@return why this representation was chosen, for example the memory a full matrix would need} */
    public String reason() {
        return reason;
    }

    /**
     * {@return the similarity of rows {@code i} and {@code j}; 0 for a pair below the minimum support or not kept
     * by a top-k index}
     *
     * @param i row, in [0, size())
     * @param j row, in [0, size())
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
     * {@return the {@code k} rows most similar to row {@code i} (itself excluded, pairs with similarity 0 or below
     * the support left out), most similar first, ties to the smaller index} O(n + m log k + k^2) for
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
        return new Neighbours(i, index, sim, this);
    }

    /**
     * The most similar rows of one row, most similar first, as parallel arrays of rows (dense indexes) and
     * similarities, with the external ids of the matrix to print them. Immutable: the arrays are copied on
     * the way out; equal when the row, the neighbours and their similarities are (the ids are not compared).
     */
    public static final class Neighbours {
        private final int row;
        private final int[] index;
        private final float[] similarity;
        private final SimilarityMatrix of;

        private Neighbours(int row, int[] index, float[] similarity, SimilarityMatrix of) {
            this.row = row;
            this.index = index;
            this.similarity = similarity;
            this.of = of;
        }

        /** {@return the row whose neighbours these are} */
        public int row() {
            return row;
        }

        /** {@return the number of neighbours} */
        public int size() {
            return index.length;
        }

        /** {@return the neighbours' rows, most similar first; a copy} */
        public int[] index() {
            return index.clone();
        }

        /**
         * {@return the row of neighbour {@code t}}
         *
         * @param t neighbour, in [0, size()), the most similar first
         */
        public int index(int t) {
            return index[Objects.checkIndex(t, index.length)];
        }

        /**
         * {@return the external id of neighbour {@code t}}
         *
         * @param t neighbour, in [0, size()), the most similar first
         */
        public String id(int t) {
            return of.id(index(t));
        }

        /** {@return the similarities, non-increasing; a copy} */
        public float[] similarity() {
            return similarity.clone();
        }

        /**
         * {@return the similarity of neighbour {@code t}}
         *
         * @param t neighbour, in [0, size()), the most similar first
         */
        public float similarity(int t) {
            return similarity[Objects.checkIndex(t, similarity.length)];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Neighbours b && b.row == row && Arrays.equals(b.index, index)
                    && Arrays.equals(b.similarity, similarity);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * row + Arrays.hashCode(index)) + Arrays.hashCode(similarity);
        }

        /** A table of the neighbours of the row, by external id: rank, id, similarity. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d neighbours of %s (%s)%n%6s %12s %10s%n",
                    index.length, of.id(row), of.measure.label(), "rank", "id", "similarity"));
            for (int t = 0; t < index.length; t++) {
                sb.append(String.format(Locale.ROOT, "%6d %12s %10.4f%n", t + 1, of.id(index[t]), similarity[t]));
            }
            return sb.toString();
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
     * @return the similarities read
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

    /** {@return bytes held by the similarities} */
    public long memoryBytes() {
        return dense != null ? 4L * dense.length : 4L * (ptr.length + idx.length + val.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimilarityMatrix m && m.measure == measure && m.n == n && Arrays.equals(m.dense, dense)
                && Arrays.equals(m.ptr, ptr) && Arrays.equals(m.idx, idx) && Arrays.equals(m.val, val);
    }

    @Override
    public int hashCode() {
        return Objects.hash(measure, n, Arrays.hashCode(dense), Arrays.hashCode(ptr), Arrays.hashCode(idx),
                Arrays.hashCode(val));
    }

    /** The measure, the size and the reason, then the similarities of the first six rows, by external id. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "SimilarityMatrix %s of %,d rows: %s%n",
                measure.label(), n, reason));
        int shown = Math.min(n, 6);
        sb.append(String.format(Locale.ROOT, "%12s", ""));
        for (int j = 0; j < shown; j++) {
            sb.append(String.format(Locale.ROOT, " %9s", abbreviated(id(j))));
        }
        sb.append(String.format(Locale.ROOT, "%s%n", n > shown ? "  ..." : ""));
        for (int i = 0; i < shown; i++) {
            sb.append(String.format(Locale.ROOT, "%12s", abbreviated(id(i))));
            for (int j = 0; j < shown; j++) {
                sb.append(String.format(Locale.ROOT, " %9.4f", get(i, j)));
            }
            sb.append(String.format(Locale.ROOT, "%s%n", n > shown ? "  ..." : ""));
        }
        return sb.toString();
    }

    private static String abbreviated(String id) {
        return id.length() <= 9 ? id : id.substring(0, 8) + "~";
    }
}
