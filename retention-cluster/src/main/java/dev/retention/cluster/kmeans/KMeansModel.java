package dev.retention.cluster.kmeans;

import dev.retention.cluster.FitSummary;
import dev.retention.cluster.Points;
import dev.retention.cluster.internal.Checks;
import dev.retention.cluster.internal.PointsAccess;
import dev.retention.cluster.internal.SquaredEuclidean;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A fitted k-means (or mini-batch k-means) model: k centres of dimension d, the labels and inertia of
 * the training points, and the fit summary. {@link #predict(double[])} assigns new points to the
 * nearest centre and {@link #transform(double[])} gives the distances to every centre, as
 * scikit-learn's {@code predict} and {@code transform} do. Immutable and thread-safe; saved and loaded
 * with the {@link ModelFile model file format} (type {@value #MODEL_TYPE}).
 */
public final class KMeansModel {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "kmeans";

    private final double[] centres;   // k rows of d
    private final int k;
    private final int d;
    private final int[] labels;
    private final double inertia;
    private final FitSummary summary;
    private final double[] restartInertias;

    KMeansModel(double[] centres, int k, int d, int[] labels, double inertia, FitSummary summary,
                double[] restartInertias) {
        this.centres = centres;
        this.k = k;
        this.d = d;
        this.labels = labels;
        this.inertia = inertia;
        this.summary = summary;
        this.restartInertias = restartInertias;
    }

    /** Number of clusters k. */
    public int k() {
        return k;
    }

    /** Dimension d of the points. */
    public int dimension() {
        return d;
    }

    /** The centres as {@code double[k][d]}; new arrays. */
    public double[][] centres() {
        double[][] c = new double[k][];
        for (int j = 0; j < k; j++) {
            c[j] = Arrays.copyOfRange(centres, j * d, j * d + d);
        }
        return c;
    }

    /** Centre {@code j}; a new array. */
    public double[] centre(int j) {
        Objects.checkIndex(j, k);
        return Arrays.copyOfRange(centres, j * d, j * d + d);
    }

    /** The cluster of each training point, in {@code [0, k)}; a copy. */
    public int[] labels() {
        return labels.clone();
    }

    /** Number of training points. */
    public int trainingSize() {
        return labels.length;
    }

    /** Number of training points per cluster. */
    public int[] clusterSizes() {
        int[] sizes = new int[k];
        for (int l : labels) {
            sizes[l]++;
        }
        return sizes;
    }

    /** The training points' (weighted) sum of squared distances to their centres. */
    public double inertia() {
        return inertia;
    }

    /** How the kept fit went: iterations, convergence, inertia per iteration. */
    public FitSummary summary() {
        return summary;
    }

    /** The final inertia of every restart, in order (mini-batch: of every initialisation); a copy. */
    public double[] restartInertias() {
        return restartInertias.clone();
    }

    /**
     * The nearest centre of a point, lowest index on ties. O(k d).
     *
     * @param point read: d finite values
     * @throws IllegalArgumentException if the length is not d or a value is not finite
     */
    public int predict(double[] point) {
        Checks.dimension(point, d, "point");
        Checks.finite(point, "point");
        return SquaredEuclidean.nearest(point, 0, centres, k, d);
    }

    /**
     * The nearest centre of each row. O(n k d).
     *
     * @param x read: rows of d finite values
     * @throws IllegalArgumentException naming the first bad row
     */
    public int[] predict(double[][] x) {
        Objects.requireNonNull(x, "x");
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            Objects.requireNonNull(x[i], "row " + i);
            Checks.dimension(x[i], d, "row " + i);
            Checks.finite(x[i], "row " + i);
            out[i] = SquaredEuclidean.nearest(x[i], 0, centres, k, d);
        }
        return out;
    }

    /**
     * The nearest centre of each point. O(n k d).
     *
     * @param x read: points of dimension d
     */
    public int[] predict(Points x) {
        Objects.requireNonNull(x, "x");
        if (x.dimension() != d) {
            throw new IllegalArgumentException("x has dimension " + x.dimension() + ", expected the fitted dimension "
                    + d);
        }
        double[] data = PointsAccess.data(x);
        int[] out = new int[x.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = SquaredEuclidean.nearest(data, i * d, centres, k, d);
        }
        return out;
    }

    /**
     * Euclidean distances from a point to each centre (scikit-learn's {@code transform}). O(k d).
     *
     * @param point read: d finite values
     * @return k distances, a new array
     */
    public double[] transform(double[] point) {
        Checks.dimension(point, d, "point");
        Checks.finite(point, "point");
        double[] out = new double[k];
        for (int j = 0; j < k; j++) {
            out[j] = Math.sqrt(SquaredEuclidean.distance(point, 0, centres, j * d, d));
        }
        return out;
    }

    /**
     * Euclidean distances from each row to each centre. O(n k d).
     *
     * @param x read: rows of d finite values
     * @return {@code double[n][k]}
     */
    public double[][] transform(double[][] x) {
        Objects.requireNonNull(x, "x");
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            Objects.requireNonNull(x[i], "row " + i);
            Checks.dimension(x[i], d, "row " + i);
            Checks.finite(x[i], "row " + i);
            out[i] = transform(x[i]);
        }
        return out;
    }

    /**
     * Writes the model (centres, training labels, inertia, summary) as a model file.
     *
     * @throws IOException if the file cannot be written
     */
    public void save(Path path) throws IOException {
        writer().write(path);
    }

    /** The model as model-file bytes. */
    public byte[] toBytes() {
        return writer().toBytes();
    }

    private ModelFile.Writer writer() {
        return ModelFile.writer(MODEL_TYPE)
                .putInts("shape", new int[] {k, d})
                .putDoubles("centres", centres)
                .putInts("labels", labels)
                .putDouble("inertia", inertia)
                .putDoubles("restart_inertias", restartInertias)
                .putString("algorithm", summary.algorithm())
                .putInts("iterations_converged", new int[] {summary.iterations(), summary.converged() ? 1 : 0})
                .putDoubles("objective_history", summary.objectiveHistory());
    }

    /**
     * Reads a model written by {@link #save(Path)}.
     *
     * @throws ModelFormatException if the file is not a valid kmeans model file
     * @throws IOException          if it cannot be read
     */
    public static KMeansModel load(Path path) throws IOException {
        return from(ModelFile.read(path));
    }

    /** Reads a model from model-file bytes, as written by {@link #toBytes()}. */
    public static KMeansModel fromBytes(byte[] bytes, String source) throws ModelFormatException {
        return from(ModelFile.parse(bytes, source));
    }

    private static KMeansModel from(ModelFile file) throws ModelFormatException {
        file.requireType(MODEL_TYPE);
        int[] shape = file.ints("shape");
        if (shape.length != 2 || shape[0] < 1 || shape[1] < 1) {
            throw new ModelFormatException(file.source() + ": section 'shape' must hold k >= 1 and d >= 1, got "
                    + Arrays.toString(shape));
        }
        int k = shape[0];
        int d = shape[1];
        double[] centres = file.doubles("centres");
        if (centres.length != (long) k * d) {
            throw new ModelFormatException(file.source() + ": section 'centres' holds " + centres.length
                    + " values, expected k*d = " + (long) k * d);
        }
        for (double v : centres) {
            if (!Double.isFinite(v)) {
                throw new ModelFormatException(file.source() + ": section 'centres' holds a non-finite value " + v);
            }
        }
        int[] labels = file.ints("labels");
        for (int l : labels) {
            if (l < 0 || l >= k) {
                throw new ModelFormatException(file.source() + ": section 'labels' holds " + l + ", outside [0, " + k
                        + ")");
            }
        }
        int[] ic = file.ints("iterations_converged");
        if (ic.length != 2 || ic[0] < 0) {
            throw new ModelFormatException(file.source() + ": section 'iterations_converged' is invalid: "
                    + Arrays.toString(ic));
        }
        FitSummary summary = new FitSummary(file.string("algorithm"), ic[0], ic[1] != 0,
                file.doubles("objective_history"));
        return new KMeansModel(centres, k, d, labels, file.doubleValue("inertia"), summary,
                file.doubles("restart_inertias"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KMeansModel m && k == m.k && d == m.d && Arrays.equals(centres, m.centres)
                && Arrays.equals(labels, m.labels) && Double.compare(inertia, m.inertia) == 0
                && summary.equals(m.summary) && Arrays.equals(restartInertias, m.restartInertias);
    }

    @Override
    public int hashCode() {
        return Objects.hash(k, d, Arrays.hashCode(centres), Arrays.hashCode(labels), inertia, summary);
    }

    /** The summary line and a table of clusters: size and centre. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "KMeansModel k=%d, d=%d, %,d training points, inertia %.6g%n", k, d,
                labels.length, inertia));
        sb.append("  ").append(summary).append('\n');
        int[] sizes = clusterSizes();
        sb.append(String.format(Locale.ROOT, "%8s %10s   %s%n", "cluster", "size", "centre"));
        for (int j = 0; j < k; j++) {
            sb.append(String.format(Locale.ROOT, "%8d %,10d  ", j, sizes[j]));
            int shown = Math.min(d, 8);
            for (int q = 0; q < shown; q++) {
                sb.append(String.format(Locale.ROOT, " %10.4f", centres[j * d + q]));
            }
            sb.append(d > shown ? " ...\n" : "\n");
        }
        return sb.toString();
    }
}
