package dev.retention.cluster.dbscan;

import dev.retention.cluster.internal.Checks;
import dev.retention.cluster.internal.KdTree;
import dev.retention.cluster.internal.ModelSections;
import dev.retention.matrix.DenseMatrix;
import dev.retention.matrix.FeatureScaling;
import dev.retention.model.FitSummary;
import dev.retention.model.Model;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A fitted DBSCAN clustering ({@link Dbscan#fit}): the feature scaling fitted on the raw training features, a
 * label per training point ({@code 0 .. clusterCount-1}, or {@link #NOISE}), whether each is a core point,
 * {@code eps} and {@code minSamples}, and the core points themselves (in the scaled space), which new points
 * are compared with.
 *
 * <p>{@link #predict(double[])} labels a new raw point the way hdbscan's {@code approximate_predict} and the
 * usual scikit-learn recipe for DBSCAN do: scaled as the training rows were, it takes the label of the
 * nearest core point within {@code eps} (the lowest training row on ties), and is noise when no core point is
 * that close. This is what the point would get as a border point; the clustering itself is not refitted, so
 * a new point never turns into a core point or merges clusters. Queries run on a KD-tree of the core points:
 * about O(log m) for low dimension.
 *
 * <p>Immutable and thread-safe. Saved as a model file of type {@value #MODEL_TYPE} holding the scaling and
 * the core points, so a loaded model scores raw input on its own; open it with
 * {@code Models.load(path, DbscanModel.class)}. Two models are equal when their scaling, column names, eps,
 * minSamples, labels, core flags and core points are (not their fit summaries).
 */
public final class DbscanModel implements Model {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "dbscan";
    /** The schema version of the sections this library writes. */
    public static final int SCHEMA_VERSION = 1;
    /** The label of noise points. */
    public static final int NOISE = -1;

    private final FeatureScaling scaling;
    private final String[] names;
    private final double eps;
    private final int minSamples;
    private final int[] labels;
    private final boolean[] core;
    private final int clusters;
    private final double[] corePoints;   // the core points in increasing row order, scaled, m rows of d
    private final int[] coreLabels;
    private final KdTree tree;           // over the core points; null when there are none
    private final FitSummary summary;

    DbscanModel(FeatureScaling scaling, String[] names, double eps, int minSamples, int[] labels, boolean[] core,
                double[] corePoints, FitSummary summary) {
        this.scaling = scaling;
        this.names = names;
        this.eps = eps;
        this.minSamples = minSamples;
        this.labels = labels;
        this.core = core;
        this.corePoints = corePoints;
        this.summary = summary;
        int max = NOISE;
        int m = 0;
        for (int i = 0; i < labels.length; i++) {
            max = Math.max(max, labels[i]);
            m += core[i] ? 1 : 0;
        }
        this.clusters = max + 1;
        this.coreLabels = new int[m];
        m = 0;
        for (int i = 0; i < labels.length; i++) {
            if (core[i]) {
                coreLabels[m++] = labels[i];
            }
        }
        this.tree = m == 0 ? null : new KdTree(DenseMatrix.ofRowMajor(m, names.length, corePoints));
    }

    @Override
    public String modelType() {
        return MODEL_TYPE;
    }

    @Override
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }

    /** How the fit went: options, core points, clusters and noise, time, the training data. */
    @Override
    public FitSummary fitSummary() {
        return summary;
    }

    /** {@return the neighbourhood radius, in the scaled space} */
    public double eps() {
        return eps;
    }

    /** {@return points within {@code eps}, the point included, that make a core point} */
    public int minSamples() {
        return minSamples;
    }

    /** {@return the scaling applied to raw points before they meet the core points} */
    public FeatureScaling scaling() {
        return scaling;
    }

    /** {@return the names of the columns the model was fitted on} */
    public List<String> columnNames() {
        return List.of(names);
    }

    /** {@return the dimension d of the points} */
    public int dimension() {
        return names.length;
    }

    /** {@return the label of each training point: a cluster index, or {@link #NOISE}; a copy} */
    public int[] labels() {
        return labels.clone();
    }

    /**
     * {@return the label of training point {@code i}}
     *
     * @param i training point, in [0, n)
     * @throws IndexOutOfBoundsException if {@code i} is not a training point
     */
    public int label(int i) {
        Objects.checkIndex(i, labels.length);
        return labels[i];
    }

    /** {@return whether each training point is a core point; a copy} */
    public boolean[] coreFlags() {
        return core.clone();
    }

    /**
     * {@return whether training point {@code i} is a core point}
     *
     * @param i training point, in [0, n)
     * @throws IndexOutOfBoundsException if {@code i} is not a training point
     */
    public boolean isCore(int i) {
        Objects.checkIndex(i, core.length);
        return core[i];
    }

    /** {@return indices of the core points in increasing order (scikit-learn's {@code core_sample_indices_})} */
    public int[] coreSampleIndices() {
        int[] out = new int[coreLabels.length];
        int m = 0;
        for (int i = 0; i < core.length; i++) {
            if (core[i]) {
                out[m++] = i;
            }
        }
        return out;
    }

    /** {@return the core points in the scaled space, in increasing row order, as {@code double[m][d]}; new arrays} */
    public double[][] corePoints() {
        int d = names.length;
        double[][] out = new double[coreLabels.length][];
        for (int j = 0; j < out.length; j++) {
            out[j] = Arrays.copyOfRange(corePoints, j * d, j * d + d);
        }
        return out;
    }

    /** {@return the number of training points} */
    public int trainingSize() {
        return labels.length;
    }

    /** {@return the number of clusters (noise not counted)} */
    public int clusterCount() {
        return clusters;
    }

    /** {@return the number of noise points among the training points} */
    public int noiseCount() {
        int m = 0;
        for (int l : labels) {
            if (l == NOISE) {
                m++;
            }
        }
        return m;
    }

    /** {@return the number of training points per cluster, noise not included} */
    public int[] clusterSizes() {
        int[] sizes = new int[clusters];
        for (int l : labels) {
            if (l >= 0) {
                sizes[l]++;
            }
        }
        return sizes;
    }

    /**
     * {@return the label of a new raw point: that of the nearest core point within {@code eps} in the scaled space (the
     * lowest training row on ties), else {@link #NOISE}} About O(log m + d) for low dimension.
     *
     * @param point read: d finite values in input units
     * @throws IllegalArgumentException if the length is not d, a value is not finite, or the scaling refuses it
     */
    public int predict(double[] point) {
        Objects.requireNonNull(point, "point");
        Checks.dimension(point, names.length, "point");
        Checks.finite(point, "point");
        if (tree == null) {
            return NOISE;
        }
        double[] z = scaling.kind() == FeatureScaling.Kind.NONE ? point : scaling.apply(point);
        Checks.pointMagnitude(z, "point");
        int nearest = tree.nearestWithin(z, 0, eps * eps, new int[tree.stackSize()]);
        return nearest < 0 ? NOISE : coreLabels[nearest];
    }

    /**
     * The label of each new raw row, as {@link #predict(double[])}.
     *
     * @param x read: rows of d columns in input units
     * @return a new array
     * @throws IllegalArgumentException if the number of columns is not d or the scaling refuses a value
     */
    public int[] predict(DenseMatrix x) {
        Objects.requireNonNull(x, "x");
        int d = names.length;
        if (x.columns() != d) {
            throw new IllegalArgumentException("x has " + x.columns() + " columns, expected the fitted dimension " + d);
        }
        DenseMatrix z = scaling.apply(x);
        Checks.rowMagnitudes(z);
        int[] out = new int[z.rows()];
        if (tree == null) {
            Arrays.fill(out, NOISE);
            return out;
        }
        int[] stack = new int[tree.stackSize()];
        double[] row = new double[d];
        double r2 = eps * eps;
        for (int i = 0; i < out.length; i++) {
            int nearest = tree.nearestWithin(z.copyRow(i, row, 0), 0, r2, stack);
            out[i] = nearest < 0 ? NOISE : coreLabels[nearest];
        }
        return out;
    }

    /** The model as model-file bytes: the fit summary, the scaling, eps, minSamples, labels, core flags and points. */
    @Override
    public byte[] toBytes() {
        byte[] flags = new byte[core.length];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = (byte) (core[i] ? 1 : 0);
        }
        return ModelSections.writer(MODEL_TYPE, SCHEMA_VERSION, summary, scaling, names)
                .putDouble("eps", eps)
                .putInt("min_samples", minSamples)
                .putInts("labels", labels)
                .putBytes("core", flags)
                .putDoubles("core_points", corePoints)
                .toBytes();
    }

    /**
     * Reads a model written by {@link #toBytes()}; {@code Models.load} calls it for files of type
     * {@value #MODEL_TYPE}.
     *
     * @param file read
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another type or a newer schema, or its sections are missing,
     *                              inconsistent (a core point labelled noise, clusters not numbered from 0, core
     *                              points that do not match the core flags) or hold values the options refuse; the
     *                              message names the file
     */
    public static DbscanModel read(ModelFile file) throws ModelFormatException {
        ModelSections.Header h = ModelSections.header(file, MODEL_TYPE, SCHEMA_VERSION);
        double eps = file.doubleValue("eps");
        int minSamples = file.intValue("min_samples");
        try {
            DbscanOptions.defaults().withEps(eps).withMinSamples(minSamples);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file.source() + ": " + e.getMessage());
        }
        int[] labels = ModelSections.labels(file, "labels", NOISE, Integer.MAX_VALUE);
        byte[] flags = file.bytes("core");
        if (flags.length != labels.length) {
            throw new ModelFormatException(file.source() + ": " + flags.length + " core flags for " + labels.length
                    + " labels");
        }
        boolean[] core = new boolean[flags.length];
        int m = 0;
        boolean[] used = new boolean[labels.length + 1];
        for (int i = 0; i < flags.length; i++) {
            if (flags[i] != 0 && flags[i] != 1) {
                throw new ModelFormatException(file.source() + ": core flag " + i + " is " + flags[i]
                        + ", expected 0 or 1");
            }
            core[i] = flags[i] == 1;
            if (core[i]) {
                m++;
                if (labels[i] == NOISE) {
                    throw new ModelFormatException(file.source() + ": core point " + i + " is labelled noise");
                }
            }
            if (labels[i] >= labels.length) {
                throw new ModelFormatException(file.source() + ": label " + labels[i] + " of point " + i
                        + " exceeds the number of points");
            }
            if (labels[i] >= 0) {
                used[labels[i]] = true;
            }
        }
        for (int c = 1; c < used.length; c++) {
            if (used[c] && !used[c - 1]) {
                throw new ModelFormatException(file.source() + ": cluster " + c + " is used but cluster " + (c - 1)
                        + " is not; clusters are numbered from 0");
            }
        }
        double[] corePoints = ModelSections.points(file, "core_points", (long) m * h.names().length);
        return new DbscanModel(h.scaling(), h.names(), eps, minSamples, labels, core, corePoints, h.summary());
    }

    /** Equal scaling, column names, eps, minSamples, labels, core flags and core points. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DbscanModel r && Double.compare(eps, r.eps) == 0 && minSamples == r.minSamples
                && scaling.equals(r.scaling) && Arrays.equals(names, r.names) && Arrays.equals(labels, r.labels)
                && Arrays.equals(core, r.core) && Arrays.equals(corePoints, r.corePoints);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eps, minSamples, scaling, Arrays.hashCode(names), Arrays.hashCode(labels),
                Arrays.hashCode(core));
    }

    /** A summary line, the fit summary, and the cluster sizes with their core points. */
    @Override
    public String toString() {
        int[] sizes = clusterSizes();
        int[] cores = new int[clusters];
        for (int l : coreLabels) {
            cores[l]++;
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "DbscanModel (eps %s, minSamples %d, %s) of %,d points: %d clusters, %,d noise points%n",
                eps, minSamples, scaling, labels.length, clusters, noiseCount()));
        sb.append(summary);
        sb.append(String.format(Locale.ROOT, "%8s %10s %10s%n", "cluster", "size", "core"));
        for (int c = 0; c < clusters; c++) {
            sb.append(String.format(Locale.ROOT, "%8d %,10d %,10d%n", c, sizes[c], cores[c]));
        }
        return sb.toString();
    }
}
