package dev.retention.rfm;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.primitive.IndirectSort;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted RFM scorer: the quantile edges of recency, frequency and monetary value learned from a
 * customer base, the weights of the weighted score and the segment map. It scores customers who were
 * not in the fitting data (new customers, or the same customers a month later) on the same scale.
 * Immutable and thread-safe; saved and loaded with the {@link ModelFile model file format}
 * (type {@value #MODEL_TYPE}).
 *
 * <p>Each raw value {@code v} falls into bin {@code 1 + #{i : edge[i] < v}} (four edges per measure,
 * non-decreasing). Frequency and monetary scores are the bin; the recency score is {@code 6 - bin}
 * (fewer days since the last purchase is better). The edges are the largest value of each of the
 * first four bins of the fitting data. With {@link RfmOptions.Ties#EQUAL} the scorer reproduces the
 * fitted scores exactly; with {@link RfmOptions.Ties#BY_ID}, a fitted customer whose value equals an
 * edge and who was ranked into the next bin by id scores one lower here, because a new customer has
 * no rank to break the tie with.
 */
public final class RfmScorer {

    /** Number of score bins: scores run from 1 to {@value}. */
    public static final int BINS = 5;
    /** The model type written into model files. */
    public static final String MODEL_TYPE = "rfm-scorer";

    private final double[] recencyEdges;
    private final double[] frequencyEdges;
    private final double[] monetaryEdges;
    private final RfmWeights weights;
    private final RfmSegments segments;

    private RfmScorer(double[] recencyEdges, double[] frequencyEdges, double[] monetaryEdges, RfmWeights weights,
                      RfmSegments segments) {
        this.recencyEdges = recencyEdges;
        this.frequencyEdges = frequencyEdges;
        this.monetaryEdges = monetaryEdges;
        this.weights = weights;
        this.segments = segments;
    }

    /**
     * A scorer with caller-given edges, for fixed business thresholds (for example frequency edges
     * {@code 1, 2, 4, 8}).
     *
     * @param recencyEdges   four non-decreasing finite recency edges in days; read, copied
     * @param frequencyEdges four non-decreasing finite frequency edges; read, copied
     * @param monetaryEdges  four non-decreasing finite monetary edges; read, copied
     * @throws IllegalArgumentException if an edge array does not have four non-decreasing finite values
     */
    public static RfmScorer withEdges(double[] recencyEdges, double[] frequencyEdges, double[] monetaryEdges,
                                      RfmWeights weights, RfmSegments segments) {
        return new RfmScorer(checkEdges("recencyEdges", recencyEdges), checkEdges("frequencyEdges", frequencyEdges),
                checkEdges("monetaryEdges", monetaryEdges), Objects.requireNonNull(weights, "weights"),
                Objects.requireNonNull(segments, "segments"));
    }

    private static double[] checkEdges(String name, double[] edges) {
        Objects.requireNonNull(edges, name);
        if (edges.length != BINS - 1) {
            throw new IllegalArgumentException(name + " must hold " + (BINS - 1) + " edges, got " + edges.length);
        }
        for (int i = 0; i < edges.length; i++) {
            if (!Double.isFinite(edges[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + edges[i]);
            }
            if (i > 0 && edges[i] < edges[i - 1]) {
                throw new IllegalArgumentException(name + " must be non-decreasing, got " + Arrays.toString(edges));
            }
        }
        return edges.clone();
    }

    /**
     * Scores one customer.
     *
     * @param recencyDays days since the last purchase
     * @param frequency   number of orders
     * @param monetary    total spend
     * @throws IllegalArgumentException if a value is not finite
     */
    public RfmScore score(double recencyDays, double frequency, double monetary) {
        checkFinite("recencyDays", recencyDays);
        checkFinite("frequency", frequency);
        checkFinite("monetary", monetary);
        int r = BINS + 1 - bin(recencyEdges, recencyDays);
        int f = bin(frequencyEdges, frequency);
        int m = bin(monetaryEdges, monetary);
        return new RfmScore(r, f, m, weights.apply(r, f, m), segments.segmentOf(r, f));
    }

    private static void checkFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, got " + v);
        }
    }

    private static int bin(double[] edges, double v) {
        int b = 1;
        for (double e : edges) {
            if (e < v) {
                b++;
            }
        }
        return b;
    }

    /** The recency edges in days; a copy. */
    public double[] recencyEdges() {
        return recencyEdges.clone();
    }

    /** The frequency edges; a copy. */
    public double[] frequencyEdges() {
        return frequencyEdges.clone();
    }

    /** The monetary edges; a copy. */
    public double[] monetaryEdges() {
        return monetaryEdges.clone();
    }

    /** Weights of the weighted score. */
    public RfmWeights weights() {
        return weights;
    }

    /** The segment map. */
    public RfmSegments segments() {
        return segments;
    }

    /**
     * Writes the scorer as a model file.
     *
     * @throws IOException if the file cannot be written
     */
    public void save(Path path) throws IOException {
        writer().write(path);
    }

    /** The scorer as model-file bytes. */
    public byte[] toBytes() {
        return writer().toBytes();
    }

    private ModelFile.Writer writer() {
        return ModelFile.writer(MODEL_TYPE)
                .putDoubles("recency_edges", recencyEdges)
                .putDoubles("frequency_edges", frequencyEdges)
                .putDoubles("monetary_edges", monetaryEdges)
                .putDoubles("weights", new double[] {weights.recency(), weights.frequency(), weights.monetary()})
                .putStrings("segment_names", segments.names().toArray(new String[0]))
                .putInts("segment_grid", segments.cells());
    }

    /**
     * Reads a scorer written by {@link #save(Path)}.
     *
     * @throws ModelFormatException if the file is not a valid rfm-scorer model file
     * @throws IOException          if it cannot be read
     */
    public static RfmScorer load(Path path) throws IOException {
        return from(ModelFile.read(path));
    }

    /** Reads a scorer from model-file bytes, as written by {@link #toBytes()}. */
    public static RfmScorer fromBytes(byte[] bytes, String source) throws ModelFormatException {
        return from(ModelFile.parse(bytes, source));
    }

    private static RfmScorer from(ModelFile file) throws ModelFormatException {
        file.requireType(MODEL_TYPE);
        try {
            double[] w = file.doubles("weights");
            if (w.length != 3) {
                throw new ModelFormatException(file.source() + ": section 'weights' holds " + w.length
                        + " values, expected 3");
            }
            return withEdges(file.doubles("recency_edges"), file.doubles("frequency_edges"),
                    file.doubles("monetary_edges"), new RfmWeights(w[0], w[1], w[2]),
                    RfmSegments.of(file.strings("segment_names"), file.ints("segment_grid")));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file.source() + ": invalid rfm-scorer model: " + e.getMessage());
        }
    }

    /**
     * Bins values into 1..5 by quantiles of their rank, and returns the edges (largest value of each
     * of the first four bins, carried forward over empty bins) in {@code edgesOut}.
     *
     * <p>Ranks are 1..n in increasing value; equal values are ranked by position (ties
     * {@code BY_ID}) or all get the lowest rank of their group ({@code EQUAL}). Rank {@code k} falls
     * into the first bin {@code i} with {@code k <= floor(0.2*i*(n-1)) + 1}: the bins of pandas
     * {@code qcut(rank, 5)}, whose edges are linear-interpolated quantiles of 1..n. O(n log n).
     */
    static byte[] quantileBins(double[] values, RfmOptions.Ties ties, double[] edgesOut) {
        int n = values.length;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        IndirectSort.sortByKey(perm, values);                 // stable: ties stay in position order
        int[] upper = new int[BINS - 1];                       // largest rank of bins 1..4
        for (int i = 1; i < BINS; i++) {
            upper[i - 1] = (int) Math.floor((i * 0.2) * (n - 1)) + 1;
        }
        byte[] bins = new byte[n];
        Arrays.fill(edgesOut, Double.NEGATIVE_INFINITY);
        int rank = 0;
        for (int j = 0; j < n; j++) {
            int idx = perm[j];
            if (ties == RfmOptions.Ties.BY_ID || j == 0 || values[idx] != values[perm[j - 1]]) {
                rank = j + 1;
            }
            int b = 1;
            while (b < BINS && rank > upper[b - 1]) {
                b++;
            }
            bins[idx] = (byte) b;
            if (b < BINS) {
                edgesOut[b - 1] = Math.max(edgesOut[b - 1], values[idx]);
            }
        }
        for (int i = 1; i < BINS - 1; i++) {
            edgesOut[i] = Math.max(edgesOut[i], edgesOut[i - 1]);
        }
        return bins;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RfmScorer other && Arrays.equals(recencyEdges, other.recencyEdges)
                && Arrays.equals(frequencyEdges, other.frequencyEdges)
                && Arrays.equals(monetaryEdges, other.monetaryEdges)
                && weights.equals(other.weights) && segments.equals(other.segments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(recencyEdges), Arrays.hashCode(frequencyEdges),
                Arrays.hashCode(monetaryEdges), weights, segments);
    }

    @Override
    public String toString() {
        return String.format("RfmScorer (score = %s*R + %s*F + %s*M, %d segments)%n"
                        + "  recency edges (days)  %s   R = 5 .. 1%n"
                        + "  frequency edges       %s   F = 1 .. 5%n"
                        + "  monetary edges        %s   M = 1 .. 5%n",
                weights.recency(), weights.frequency(), weights.monetary(), segments.size(),
                edges(recencyEdges), edges(frequencyEdges), edges(monetaryEdges));
    }

    private static String edges(double[] e) {
        StringBuilder sb = new StringBuilder();
        for (double v : e) {
            sb.append(String.format("%12.2f", v));
        }
        return sb.toString();
    }
}
