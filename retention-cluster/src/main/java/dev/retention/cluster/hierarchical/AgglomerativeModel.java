package dev.retention.cluster.hierarchical;

import dev.retention.cluster.internal.Checks;
import dev.retention.cluster.internal.ModelSections;
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
 * A fitted {@link Agglomerative agglomerative clustering} of n observations: the merge tree (dendrogram) in
 * SciPy's linkage-matrix layout, with the linkage and the feature scaling it was computed with. Row i merges
 * clusters {@link #left(int)} and {@link #right(int)} (ids below n are observations, id {@code n + j} is the
 * cluster formed by row j; the smaller id is on the left) at height {@link #height(int)} into a cluster of
 * {@link #size(int)} observations. Rows are in non-decreasing height.
 *
 * <p>{@link #cut(int)} undoes the last k - 1 merges (scikit-learn's {@code n_clusters});
 * {@link #cutAtHeight(double)} keeps the merges at or below a height (SciPy's
 * {@code fcluster(Z, t, "distance")}). Both number clusters by their first observation: the cluster of
 * observation 0 is 0, the next new cluster met in observation order is 1, and so on. The tree describes the
 * training observations only: it labels no new points (use k-means or DBSCAN for that).
 *
 * <p>Immutable and thread-safe. Saved as a model file of type {@value #MODEL_TYPE}; open it with
 * {@code Models.load(path, AgglomerativeModel.class)}. Two models are equal when their linkage, scaling, column
 * names and merges are (not their fit summaries).
 */
public final class AgglomerativeModel implements Model {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "agglomerative";
    /** The schema version of the sections this library writes. */
    public static final int SCHEMA_VERSION = 1;

    private final int n;
    private final Linkage linkage;
    private final FeatureScaling scaling;
    private final String[] names;
    private final int[] left;
    private final int[] right;
    private final double[] height;
    private final int[] size;
    private final FitSummary summary;

    AgglomerativeModel(int n, Linkage linkage, FeatureScaling scaling, String[] names, int[] left, int[] right,
                       double[] height, int[] size, FitSummary summary) {
        this.n = n;
        this.linkage = linkage;
        this.scaling = scaling;
        this.names = names;
        this.left = left;
        this.right = right;
        this.height = height;
        this.size = size;
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

    /** How the fit went: options, the algorithm chosen for the linkage, time, the training data. */
    @Override
    public FitSummary fitSummary() {
        return summary;
    }

    /** {@return the scaling applied to the raw features before the distances were computed} */
    public FeatureScaling scaling() {
        return scaling;
    }

    /** {@return the names of the columns the model was fitted on} */
    public List<String> columnNames() {
        return List.of(names);
    }

    /** {@return the number of observations n} */
    public int observations() {
        return n;
    }

    /** {@return the number of merges, n - 1} */
    public int merges() {
        return left.length;
    }

    /** {@return the linkage used} */
    public Linkage linkage() {
        return linkage;
    }

    /**
     * {@return the left (smaller) cluster id of row {@code i}}
     *
     * @param i merge (row of the linkage), in [0, n - 1)
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, n - 1)}
     */
    public int left(int i) {
        Objects.checkIndex(i, left.length);
        return left[i];
    }

    /**
     * {@return the right (larger) cluster id of row {@code i}}
     *
     * @param i merge (row of the linkage), in [0, n - 1)
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, n - 1)}
     */
    public int right(int i) {
        Objects.checkIndex(i, right.length);
        return right[i];
    }

    /**
     * {@return the merge height of row {@code i}}
     *
     * @param i merge (row of the linkage), in [0, n - 1)
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, n - 1)}
     */
    public double height(int i) {
        Objects.checkIndex(i, height.length);
        return height[i];
    }

    /**
     * {@return the number of observations in the cluster formed by row {@code i}}
     *
     * @param i merge (row of the linkage), in [0, n - 1)
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, n - 1)}
     */
    public int size(int i) {
        Objects.checkIndex(i, size.length);
        return size[i];
    }

    /** {@return the merge heights of all rows, non-decreasing; a copy} */
    public double[] heights() {
        return height.clone();
    }

    /** {@return the linkage matrix Z as SciPy returns it: {@code double[n-1][4]} of left, right, height, size} */
    public double[][] linkageMatrix() {
        double[][] z = new double[left.length][];
        for (int i = 0; i < z.length; i++) {
            z[i] = new double[] {left[i], right[i], height[i], size[i]};
        }
        return z;
    }

    /**
     * Flat clusters: undo the last {@code k - 1} merges. O(n).
     *
     * @param k number of clusters, in [1, n]
     * @return a label in [0, k) per observation, numbered by first observation
     * @throws IllegalArgumentException if k is outside [1, n]
     */
    public int[] cut(int k) {
        Checks.clusterCount(k, n);
        return labels(n - k);
    }

    /**
     * Flat clusters: keep the merges at or below {@code h}. O(n).
     *
     * @param h a finite height
     * @return a label per observation, numbered by first observation
     * @throws IllegalArgumentException if h is not finite
     */
    public int[] cutAtHeight(double h) {
        if (!Double.isFinite(h)) {
            throw new IllegalArgumentException("h must be finite, got " + h);
        }
        int m = 0;
        while (m < height.length && height[m] <= h) {
            m++;
        }
        return labels(m);
    }

    /**
     * {@return the number of clusters left at height h: n minus the merges at or below h}
     *
     * @param h the height, finite
     * @throws IllegalArgumentException if h is not finite
     */
    public int clustersAtHeight(double h) {
        if (!Double.isFinite(h)) {
            throw new IllegalArgumentException("h must be finite, got " + h);
        }
        int m = 0;
        while (m < height.length && height[m] <= h) {
            m++;
        }
        return n - m;
    }

    /** Labels after applying the first {@code m} rows. */
    private int[] labels(int m) {
        int[] parent = new int[n + m];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < m; i++) {
            parent[left[i]] = n + i;
            parent[right[i]] = n + i;
        }
        int[] root = new int[n];
        for (int i = 0; i < n; i++) {
            int r = i;
            while (parent[r] != r) {
                r = parent[r];
            }
            int c = i;                       // path compression
            while (parent[c] != r) {
                int p = parent[c];
                parent[c] = r;
                c = p;
            }
            root[i] = r;
        }
        int[] id = new int[n + m];
        Arrays.fill(id, -1);
        int[] labels = new int[n];
        int next = 0;
        for (int i = 0; i < n; i++) {
            int r = root[i];
            if (id[r] < 0) {
                id[r] = next++;
            }
            labels[i] = id[r];
        }
        return labels;
    }

    /** The model as model-file bytes: the fit summary, the scaling, the linkage and the linkage matrix. */
    @Override
    public byte[] toBytes() {
        return ModelSections.writer(MODEL_TYPE, SCHEMA_VERSION, summary, scaling, names)
                .putString("linkage", linkage.name())
                .putInt("observations", n)
                .putInts("left", left)
                .putInts("right", right)
                .putDoubles("height", height)
                .putInts("size", size)
                .toBytes();
    }

    /**
     * Reads a model written by {@link #toBytes()}; {@code Models.load} calls it for files of type
     * {@value #MODEL_TYPE}.
     *
     * @param file read
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another type or a newer schema, or its sections are missing
     *                              or do not form a linkage matrix (n - 1 rows; each row joining two clusters that
     *                              exist and are not yet merged, the smaller id on the left, with the sum of their
     *                              sizes; finite heights, non-decreasing); the message names the file
     */
    public static AgglomerativeModel read(ModelFile file) throws ModelFormatException {
        ModelSections.Header h = ModelSections.header(file, MODEL_TYPE, SCHEMA_VERSION);
        String linkageName = file.string("linkage");
        Linkage linkage;
        try {
            linkage = Linkage.valueOf(linkageName);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file.source() + ": unknown linkage '" + linkageName + "'");
        }
        int n = file.intValue("observations");
        if (n < 1) {
            throw new ModelFormatException(file.source() + ": section 'observations' must be at least 1, got " + n);
        }
        int[] left = file.ints("left");
        int[] right = file.ints("right");
        int[] size = file.ints("size");
        double[] height = ModelSections.finite(file, "height", n - 1L);
        if (left.length != n - 1 || right.length != n - 1 || size.length != n - 1) {
            throw new ModelFormatException(file.source() + ": a linkage matrix of " + n + " observations has " + (n - 1)
                    + " rows, got " + left.length + ", " + right.length + " and " + size.length);
        }
        int[] sizes = new int[2 * n - 1];
        Arrays.fill(sizes, 0, n, 1);
        for (int i = 0; i < n - 1; i++) {
            String row = file.source() + ": linkage row " + i;
            if (left[i] < 0 || left[i] >= right[i] || right[i] >= n + i) {
                throw new ModelFormatException(row + " joins " + left[i] + " and " + right[i] + "; expected "
                        + "0 <= left < right < " + (n + i));
            }
            if (sizes[left[i]] == 0 || sizes[right[i]] == 0) {
                throw new ModelFormatException(row + " joins a cluster that an earlier row merged already");
            }
            if (size[i] != sizes[left[i]] + sizes[right[i]]) {
                throw new ModelFormatException(row + " has size " + size[i] + ", expected "
                        + (sizes[left[i]] + sizes[right[i]]));
            }
            if (height[i] < 0 || (i > 0 && height[i] < height[i - 1])) {
                throw new ModelFormatException(row + " has height " + height[i] + "; heights are >= 0 and "
                        + "non-decreasing");
            }
            sizes[n + i] = size[i];
            sizes[left[i]] = 0;
            sizes[right[i]] = 0;
        }
        return new AgglomerativeModel(n, linkage, h.scaling(), h.names(), left, right, height, size, h.summary());
    }

    /** Equal observations, linkage, scaling, column names and merges (heights bit for bit). */
    @Override
    public boolean equals(Object o) {
        return o instanceof AgglomerativeModel g && n == g.n && linkage == g.linkage && scaling.equals(g.scaling)
                && Arrays.equals(names, g.names) && Arrays.equals(left, g.left) && Arrays.equals(right, g.right)
                && Arrays.equals(height, g.height) && Arrays.equals(size, g.size);
    }

    @Override
    public int hashCode() {
        return Objects.hash(n, linkage, scaling, Arrays.hashCode(left), Arrays.hashCode(right),
                Arrays.hashCode(height));
    }

    /** A summary line, the fit summary and the last (highest) merges. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "AgglomerativeModel (%s linkage, %s) of %,d observations%n", linkage.name().toLowerCase(Locale.ROOT),
                scaling, n));
        sb.append(summary);
        int shown = Math.min(left.length, 10);
        if (shown > 0) {
            sb.append(String.format(Locale.ROOT, "%8s %10s %10s %14s %10s%n", "row", "left", "right", "height",
                    "size"));
            for (int i = left.length - shown; i < left.length; i++) {
                sb.append(String.format(Locale.ROOT, "%8d %10d %10d %14.6g %,10d%n", i, left[i], right[i], height[i],
                        size[i]));
            }
        }
        return sb.toString();
    }
}
