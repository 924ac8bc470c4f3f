package dev.retention.cluster.kmeans;

import dev.retention.cluster.internal.Checks;
import dev.retention.cluster.internal.ModelSections;
import dev.retention.cluster.internal.SquaredEuclidean;
import dev.retention.matrix.DenseMatrix;
import dev.retention.matrix.FeatureScaling;
import dev.retention.model.FitSummary;
import dev.retention.model.Model;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A fitted k-means (or mini-batch k-means) model: the feature scaling fitted on the raw training features, k
 * centres of dimension d in the scaled space, the labels and inertia of the training points, and the fit
 * summary. {@link #predict(double[])} takes a raw point (in the units the model was fitted on: days, orders,
 * spend), scales it as the training rows were and assigns it to the nearest centre; {@link #transform(double[])}
 * gives the distances to every centre in the scaled space, as scikit-learn's {@code predict} and
 * {@code transform} do on scaled input. Centres are available in the scaled space ({@link #centres()}) and in
 * input units ({@link #centresInInputUnits()}).
 *
 * <p>Immutable and thread-safe. Saved as a model file of type {@value #MODEL_TYPE} ({@link #toBytes()},
 * {@link Model#save}) holding the scaling, so a loaded model scores raw input on its own; open it with
 * {@code Models.load(path, KMeansModel.class)}. Two models are equal when their scaling, column names, centres,
 * training labels and inertias are (not their fit summaries, whose times differ): whatever number of threads
 * fitted them.
 */
public final class KMeansModel implements Model {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "kmeans";
    /** The schema version of the sections this library writes. */
    public static final int SCHEMA_VERSION = 1;

    private final FeatureScaling scaling;
    private final String[] names;
    private final double[] centres;   // k rows of d, scaled space
    private final int k;
    private final int d;
    private final int[] labels;
    private final double inertia;
    private final double[] restartInertias;
    private final FitSummary summary;

    KMeansModel(FeatureScaling scaling, String[] names, double[] centres, int k, int[] labels, double inertia,
                double[] restartInertias, FitSummary summary) {
        this.scaling = scaling;
        this.names = names;
        this.centres = centres;
        this.k = k;
        this.d = names.length;
        this.labels = labels;
        this.inertia = inertia;
        this.restartInertias = restartInertias;
        this.summary = summary;
    }

    @Override
    public String modelType() {
        return MODEL_TYPE;
    }

    @Override
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }

    /** How the kept fit went: options, chosen restart, iterations, inertia per iteration, convergence. */
    @Override
    public FitSummary fitSummary() {
        return summary;
    }

    /** {@return the number of clusters k} */
    public int k() {
        return k;
    }

    /** {@return the dimension d of the points} */
    public int dimension() {
        return d;
    }

    /** {@return the names of the columns the model was fitted on (the training matrix's)} */
    public java.util.List<String> columnNames() {
        return java.util.List.of(names);
    }

    /** {@return the scaling applied to raw points before they meet the centres} */
    public FeatureScaling scaling() {
        return scaling;
    }

    /** {@return the centres in the scaled space, as {@code double[k][d]}; new arrays} */
    public double[][] centres() {
        double[][] c = new double[k][];
        for (int j = 0; j < k; j++) {
            c[j] = Arrays.copyOfRange(centres, j * d, j * d + d);
        }
        return c;
    }

    /**
     * {@return the centre {@code j} in the scaled space; a new array}
     *
     * @param j cluster, in [0, k)
     */
    public double[] centre(int j) {
        Objects.checkIndex(j, k);
        return Arrays.copyOfRange(centres, j * d, j * d + d);
    }

    /**
     * {@return the centres in input units ({@link FeatureScaling#invert}: for RFM, days, orders and spend), as
     * {@code double[k][d]}; new arrays} With {@code log1p} in the scaling these are geometric-type means, not the
     * arithmetic means of the raw members.
     */
    public double[][] centresInInputUnits() {
        double[][] c = new double[k][];
        for (int j = 0; j < k; j++) {
            c[j] = scaling.invert(Arrays.copyOfRange(centres, j * d, j * d + d));
        }
        return c;
    }

    /** {@return the cluster of each training point, in {@code [0, k)}; a copy} */
    public int[] labels() {
        return labels.clone();
    }

    /** {@return the number of training points} */
    public int trainingSize() {
        return labels.length;
    }

    /** {@return the number of training points per cluster} */
    public int[] clusterSizes() {
        int[] sizes = new int[k];
        for (int l : labels) {
            sizes[l]++;
        }
        return sizes;
    }

    /** {@return the training points' (weighted) sum of squared distances to their centres, in the scaled space} */
    public double inertia() {
        return inertia;
    }

    /** {@return the final inertia of every restart, in order (mini-batch: of every initialisation); a copy} */
    public double[] restartInertias() {
        return restartInertias.clone();
    }

    /**
     * {@return the nearest centre of a raw point, lowest index on ties} O(k d).
     *
     * @param point read: d finite values in input units
     * @throws IllegalArgumentException if the length is not d, a value is not finite, or the scaling refuses it
     */
    public int predict(double[] point) {
        return SquaredEuclidean.nearest(scaled(point, "point"), 0, centres, k, d);
    }

    /**
     * The nearest centre of each raw row. O(n k d).
     *
     * @param x read: rows of d columns in input units
     * @return a new array of n labels
     * @throws IllegalArgumentException if the number of columns is not d or the scaling refuses a value
     */
    public int[] predict(DenseMatrix x) {
        DenseMatrix z = scaled(x);
        int[] out = new int[z.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = SquaredEuclidean.nearest(z, i * d, centres, k, d);
        }
        return out;
    }

    /**
     * Euclidean distances in the scaled space from a raw point to each centre (scikit-learn's
     * {@code transform}). O(k d).
     *
     * @param point read: d finite values in input units
     * @return k distances, a new array
     */
    public double[] transform(double[] point) {
        double[] z = scaled(point, "point");
        double[] out = new double[k];
        for (int j = 0; j < k; j++) {
            out[j] = Math.sqrt(SquaredEuclidean.distance(z, 0, centres, j * d, d));
        }
        return out;
    }

    /**
     * Euclidean distances in the scaled space from each raw row to each centre. O(n k d).
     *
     * @param x read: rows of d columns in input units
     * @return {@code double[n][k]}
     */
    public double[][] transform(DenseMatrix x) {
        DenseMatrix z = scaled(x);
        double[][] out = new double[z.rows()][k];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < k; j++) {
                out[i][j] = Math.sqrt(SquaredEuclidean.distance(z, i * d, centres, j * d, d));
            }
        }
        return out;
    }

    private double[] scaled(double[] point, String name) {
        Objects.requireNonNull(point, name);
        Checks.dimension(point, d, name);
        Checks.finite(point, name);
        double[] z = scaling.kind() == FeatureScaling.Kind.NONE ? point : scaling.apply(point);
        Checks.pointMagnitude(z, name);
        return z;
    }

    private DenseMatrix scaled(DenseMatrix x) {
        Objects.requireNonNull(x, "x");
        if (x.columns() != d) {
            throw new IllegalArgumentException("x has " + x.columns() + " columns, expected the fitted dimension " + d);
        }
        DenseMatrix z = scaling.apply(x);
        Checks.rowMagnitudes(z);
        return z;
    }

    /** The model as model-file bytes: the fit summary, the scaling, the shape, centres, labels and inertias. */
    @Override
    public byte[] toBytes() {
        return ModelSections.writer(MODEL_TYPE, SCHEMA_VERSION, summary, scaling, names)
                .putInt("k", k)
                .putDoubles("centres", centres)
                .putInts("labels", labels)
                .putDouble("inertia", inertia)
                .putDoubles("restart_inertias", restartInertias)
                .toBytes();
    }

    /**
     * Reads a model written by {@link #toBytes()}; {@code Models.load} calls it for files of type
     * {@value #MODEL_TYPE}.
     *
     * @param file read
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another type or a newer schema, or its sections are missing,
     *                              inconsistent or hold values a fit could not give (non-finite centres, labels out
     *                              of range, a negative inertia); the message names the file
     */
    public static KMeansModel read(ModelFile file) throws ModelFormatException {
        ModelSections.Header h = ModelSections.header(file, MODEL_TYPE, SCHEMA_VERSION);
        int d = h.names().length;
        int k = file.intValue("k");
        if (k < 1) {
            throw new ModelFormatException(file.source() + ": section 'k' must be at least 1, got " + k);
        }
        double[] centres = ModelSections.points(file, "centres", (long) k * d);
        int[] labels = ModelSections.labels(file, "labels", 0, k);
        if (labels.length < k) {
            throw new ModelFormatException(file.source() + ": " + labels.length + " training labels for k=" + k
                    + " clusters; a fit needs at least k points");
        }
        double inertia = ModelSections.nonNegative(file, "inertia");
        double[] restarts = ModelSections.finite(file, "restart_inertias", -1);
        return new KMeansModel(h.scaling(), h.names(), centres, k, labels, inertia, restarts, h.summary());
    }

    /** Equal scaling, column names, centres, training labels, inertia and restart inertias (bit for bit). */
    @Override
    public boolean equals(Object o) {
        return o instanceof KMeansModel m && k == m.k && d == m.d && scaling.equals(m.scaling)
                && Arrays.equals(names, m.names) && Arrays.equals(centres, m.centres) && Arrays.equals(labels, m.labels)
                && Double.compare(inertia, m.inertia) == 0 && Arrays.equals(restartInertias, m.restartInertias);
    }

    @Override
    public int hashCode() {
        return Objects.hash(k, scaling, Arrays.hashCode(names), Arrays.hashCode(centres), Arrays.hashCode(labels),
                inertia);
    }

    /** A summary line, the fit summary, and a table of clusters: size and centre in input units. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "KMeansModel k=%d, d=%d, %,d training points, inertia %.6g, %s%n", k, d,
                labels.length, inertia, scaling));
        sb.append(summary);
        int[] sizes = clusterSizes();
        int shown = Math.min(d, 8);
        sb.append(String.format(Locale.ROOT, "%8s %10s  ", "cluster", "size"));
        for (int q = 0; q < shown; q++) {
            String n = names[q];
            sb.append(String.format(Locale.ROOT, " %12s", n.length() > 12 ? n.substring(0, 11) + "~" : n));
        }
        sb.append(d > shown ? " ...\n" : "\n");
        double[][] raw = centresInInputUnits();
        for (int j = 0; j < k; j++) {
            sb.append(String.format(Locale.ROOT, "%8d %,10d  ", j, sizes[j]));
            for (int q = 0; q < shown; q++) {
                sb.append(String.format(Locale.ROOT, " %12.6g", raw[j][q]));
            }
            sb.append(d > shown ? " ...\n" : "\n");
        }
        return sb.toString();
    }
}
