package dev.retention.rfm;

import dev.retention.model.FitSummary;
import dev.retention.model.Model;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A fitted RFM model: the quantile edges of recency, frequency and monetary value learned from a customer base
 * by {@link Rfm#fit}, with the options it was fitted with (the weights of the weighted score and the segment
 * map among them). It scores customers who were not in the fitting data (new customers, or the same customers a
 * month later) on the same scale, and, when it was fitted here, keeps the training customers' {@link RfmTable}.
 * Immutable and thread-safe; saved as a model file of type {@value #MODEL_TYPE}, schema {@value #SCHEMA_VERSION},
 * and opened again with {@link dev.retention.model.Models#load(java.nio.file.Path, Class)}.
 *
 * <p>Each raw value {@code v} falls into bin {@code 1 + #{i : edge[i] < v}} (four edges per measure,
 * non-decreasing). Frequency and monetary scores are the bin; the recency score is {@code 6 - bin} (fewer days
 * since the last purchase is better). The edges are the largest value of each of the first four bins of the
 * fitting data. With {@link RfmOptions.Ties#EQUAL} the model reproduces the fitted scores exactly; with
 * {@link RfmOptions.Ties#BY_ID}, a fitted customer whose value equals an edge and who was ranked into the next bin
 * by id scores one lower here, because a new customer has no rank to break the tie with. Scoring is O(1).
 *
 * <p>The model file holds what scoring needs (options, edges) and the fit summary, not the training table: the
 * file is what a service loads to score customers, and the table is the training customers' ids and spend, one
 * row each. A model read from a file, or made from given edges ({@link #of}), therefore has no
 * {@link #table()}; equality ignores the table and the fit summary.
 */
public final class RfmModel implements Model {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "rfm";
    /** The schema version of the sections this library writes for {@value #MODEL_TYPE} models. */
    public static final int SCHEMA_VERSION = 1;
    /** Number of score bins: scores run from 1 to {@value}. */
    public static final int BINS = 5;

    private final RfmOptions options;
    private final double[] recencyEdges;
    private final double[] frequencyEdges;
    private final double[] monetaryEdges;
    private final FitSummary summary;
    private final RfmTable table;   // null when read from a file or made from given edges

    /** Takes ownership of the edge arrays, which the caller has checked. */
    RfmModel(RfmOptions options, double[] recencyEdges, double[] frequencyEdges, double[] monetaryEdges,
             FitSummary summary, RfmTable table) {
        this.options = options;
        this.recencyEdges = recencyEdges;
        this.frequencyEdges = frequencyEdges;
        this.monetaryEdges = monetaryEdges;
        this.summary = summary;
        this.table = table;
    }

    /**
     * {@return a model with caller-given edges, for fixed business thresholds (for example frequency edges
     * {@code 1, 2, 4, 8}); its options are the defaults with these weights and segments, its fit summary says
     * the parameters were given, and it has no table} O(1).
     *
     * @param recencyEdges   read, copied: four non-decreasing finite recency edges in days
     * @param frequencyEdges read, copied: four non-decreasing finite frequency edges
     * @param monetaryEdges  read, copied: four non-decreasing finite monetary edges
     * @param weights        weights of the weighted score
     * @param segments       the segment map
     * @throws IllegalArgumentException if an edge array does not hold four non-decreasing finite values (the
     *                                  parameter and the values named)
     */
    public static RfmModel of(double[] recencyEdges, double[] frequencyEdges, double[] monetaryEdges,
                                     RfmWeights weights, RfmSegments segments) {
        RfmOptions options = RfmOptions.defaults().withWeights(Objects.requireNonNull(weights, "weights"))
                .withSegments(Objects.requireNonNull(segments, "segments"));
        return new RfmModel(options, checkEdges("recencyEdges", recencyEdges),
                checkEdges("frequencyEdges", frequencyEdges), checkEdges("monetaryEdges", monetaryEdges),
                FitSummary.given(Rfm.ALGORITHM, options.toString()), null);
    }

    /** A checked copy of an edge array. */
    static double[] checkEdges(String name, double[] edges) {
        Objects.requireNonNull(edges, name);
        if (edges.length != BINS - 1) {
            throw new IllegalArgumentException(name + " must hold " + (BINS - 1) + " edges, got " + edges.length
                    + ": " + Arrays.toString(edges));
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
     * Scores one customer. O(1); thread-safe.
     *
     * @param recencyDays days since the last purchase, finite
     * @param frequency   number of orders, finite
     * @param monetary    total spend, finite
     * @return the customer's scores and segment
     * @throws IllegalArgumentException if a value is not finite (the parameter and the value named)
     */
    public RfmScore score(double recencyDays, double frequency, double monetary) {
        checkFinite("recencyDays", recencyDays);
        checkFinite("frequency", frequency);
        checkFinite("monetary", monetary);
        int r = BINS + 1 - bin(recencyEdges, recencyDays);
        int f = bin(frequencyEdges, frequency);
        int m = bin(monetaryEdges, monetary);
        return new RfmScore(r, f, m, options.weights().apply(r, f, m), options.segments().segmentOf(r, f));
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

    /**
     * {@return the options the model was fitted with (for a model with given edges: the defaults, its weights and
     * segments)}
     */
    public RfmOptions options() {
        return options;
    }

    /** {@return the four recency edges in days; a copy} */
    public double[] recencyEdges() {
        return recencyEdges.clone();
    }

    /** {@return the four frequency edges; a copy} */
    public double[] frequencyEdges() {
        return frequencyEdges.clone();
    }

    /** {@return the four monetary edges; a copy} */
    public double[] monetaryEdges() {
        return monetaryEdges.clone();
    }

    /** {@return weights of the weighted score, from the options} */
    public RfmWeights weights() {
        return options.weights();
    }

    /** {@return the segment map, from the options} */
    public RfmSegments segments() {
        return options.segments();
    }

    /**
     * {@return the training customers' values, scores and segments, for a model fitted by {@link Rfm#fit}; empty for a
     * model
     * read from a file or made from given edges (see the class comment)}
     */
    public Optional<RfmTable> table() {
        return Optional.ofNullable(table);
    }

    @Override
    public String modelType() {
        return MODEL_TYPE;
    }

    @Override
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }

    @Override
    public FitSummary fitSummary() {
        return summary;
    }

    /**
     * The model file: the fit summary, then sections {@code ties}, {@code as_of} (no value for the default, else
     * epoch second and nanosecond), {@code weights}, {@code segment_names}, {@code segment_grid} (25 indexes into the
     * names, R-major) and the three edge arrays. O(segments).
     */
    @Override
    public byte[] toBytes() {
        ModelFile.Writer w = ModelFile.writer(MODEL_TYPE, SCHEMA_VERSION);
        summary.writeTo(w);
        Instant asOf = options.asOf();
        RfmWeights weights = options.weights();
        return w.putString("ties", options.ties().name())
                .putLongs("as_of", asOf == null ? new long[0] : new long[] {asOf.getEpochSecond(), asOf.getNano()})
                .putDoubles("weights", new double[] {weights.recency(), weights.frequency(), weights.monetary()})
                .putStrings("segment_names", options.segments().names().toArray(String[]::new))
                .putInts("segment_grid", options.segments().cells())
                .putDoubles("recency_edges", recencyEdges)
                .putDoubles("frequency_edges", frequencyEdges)
                .putDoubles("monetary_edges", monetaryEdges)
                .toBytes();
    }

    /**
     * Reads a model written by {@link #toBytes()}. {@link dev.retention.model.Models#load} calls this for files of
     * type {@value #MODEL_TYPE}. O(segments).
     *
     * @param file read
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another model type or a newer schema, a section is missing, or
     *                              a value is one {@link #of} or {@link RfmOptions} would refuse (the message
     *                              names the file)
     */
    public static RfmModel read(ModelFile file) throws ModelFormatException {
        file.requireType(MODEL_TYPE, SCHEMA_VERSION);
        FitSummary summary = FitSummary.readFrom(file);
        double[] w = file.doubles("weights");
        long[] asOf = file.longs("as_of");
        String ties = file.string("ties");
        try {
            if (w.length != 3) {
                throw new IllegalArgumentException("section 'weights' holds " + w.length + " values, expected 3");
            }
            if (asOf.length != 0 && (asOf.length != 2 || asOf[1] < 0 || asOf[1] > 999_999_999)) {
                throw new IllegalArgumentException("section 'as_of' holds " + Arrays.toString(asOf)
                        + ", expected no value or 2 (epoch second, nanosecond in [0, 999999999])");
            }
            RfmOptions options = new RfmOptions(asOf.length == 0 ? null : Instant.ofEpochSecond(asOf[0], asOf[1]),
                    RfmOptions.Ties.valueOf(ties), new RfmWeights(w[0], w[1], w[2]),
                    RfmSegments.of(file.strings("segment_names"), file.ints("segment_grid")));
            return new RfmModel(options, checkEdges("recency_edges", file.doubles("recency_edges")),
                    checkEdges("frequency_edges", file.doubles("frequency_edges")),
                    checkEdges("monetary_edges", file.doubles("monetary_edges")), summary, null);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new ModelFormatException(file.source() + ": invalid '" + MODEL_TYPE + "' model: " + e.getMessage());
        }
    }

    /** Equal when the options and the edges are (not the fit summary, nor the table). */
    @Override
    public boolean equals(Object o) {
        return o instanceof RfmModel other && options.equals(other.options)
                && Arrays.equals(recencyEdges, other.recencyEdges)
                && Arrays.equals(frequencyEdges, other.frequencyEdges)
                && Arrays.equals(monetaryEdges, other.monetaryEdges);
    }

    @Override
    public int hashCode() {
        return Objects.hash(options, Arrays.hashCode(recencyEdges), Arrays.hashCode(frequencyEdges),
                Arrays.hashCode(monetaryEdges));
    }

    /** The weighted score, the segments, a table of the edges, and the fit summary. */
    @Override
    public String toString() {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "RfmModel: score = %s, %d segments, ties %s%n", options.weights(), options.segments().size(),
                options.ties()));
        sb.append(String.format(Locale.ROOT, "  %-16s %12s %12s %12s %12s   %s%n", "measure", "edge 1", "edge 2",
                "edge 3", "edge 4", "scores"));
        appendEdges(sb, "recency (days)", recencyEdges, "R 5 .. 1");
        appendEdges(sb, "frequency", frequencyEdges, "F 1 .. 5");
        appendEdges(sb, "monetary", monetaryEdges, "M 1 .. 5");
        for (String line : summary.toString().lines().toList()) {
            sb.append("  ").append(line).append(nl);
        }
        return sb.toString();
    }

    private static void appendEdges(StringBuilder sb, String name, double[] edges, String scores) {
        sb.append(String.format(Locale.ROOT, "  %-16s", name));
        for (double e : edges) {
            sb.append(String.format(Locale.ROOT, " %12.2f", e));
        }
        sb.append(String.format(Locale.ROOT, "   %s%n", scores));
    }
}
