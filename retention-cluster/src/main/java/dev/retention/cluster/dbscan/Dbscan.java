package dev.retention.cluster.dbscan;

import dev.retention.cluster.internal.Checks;
import dev.retention.cluster.internal.KdTree;
import dev.retention.cluster.internal.RowBlocks;
import dev.retention.matrix.DenseMatrix;
import dev.retention.matrix.FeatureScaling;
import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;
import dev.retention.primitive.IntList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * DBSCAN, density-based clustering with noise (Ester, Kriegel, Sander and Xu, "A density-based
 * algorithm for discovering clusters in large spatial databases with noise", KDD 1996) of the scaled
 * features ({@link DbscanOptions#scaling()}). The entry point is {@link #fit(DenseMatrix, DbscanOptions)}; the
 * {@link DbscanModel} keeps the scaling and the core points, and labels new raw points.
 *
 * <p>A point is a <i>core</i> point when at least {@code minSamples} points (itself included) lie within
 * {@code eps}. Clusters are the connected components of core points linked by being within
 * {@code eps}, plus the non-core points within {@code eps} of one of their core points (border points);
 * every other point is noise (label -1). Clusters are numbered in order of their lowest core point and
 * a border point reachable from several clusters joins the lowest-numbered one: exactly the labels of
 * scikit-learn's {@code DBSCAN} on the same data.
 *
 * <p>Neighbours come from a {@link KdTree KD-tree}, never an n x n matrix: the core search is parallel
 * over fixed blocks and stops counting at {@code minSamples}; the expansion queries each core point
 * once and only for points not yet labelled (labelled points are marked in the tree, and subtrees
 * whose points are all labelled are skipped). For low dimension (RFM has 3) the cost is about
 * O(n log n); memory O(n d). Deterministic for any number of threads.
 */
public final class Dbscan {

    private static final Logger LOG = LoggerFactory.getLogger(Dbscan.class);

    private Dbscan() {
    }

    /**
     * {@return DBSCAN of the rows of an array, with columns named {@code x0, x1, ...}}
     *
     * @param x       read, copied: n rows of d finite values
     * @param options read
     * @see #fit(DenseMatrix, DbscanOptions, FitControl)
     */
    public static DbscanModel fit(double[][] x, DbscanOptions options) {
        return fit(DenseMatrix.of(x), options, FitControl.defaults());
    }

    /**
     * {@return DBSCAN of the rows of a matrix}
     *
     * @param x       read: one point per row, finite
     * @param options read
     * @see #fit(DenseMatrix, DbscanOptions, FitControl)
     */
    public static DbscanModel fit(DenseMatrix x, DbscanOptions options) {
        return fit(x, options, FitControl.defaults());
    }

    /**
     * DBSCAN of the rows of a matrix.
     *
     * @param x       read, not copied: the raw features, n rows of d columns
     * @param options read
     * @param control read: told after the core-point search and after the expansion (stage {@code "DBSCAN"}, 2
     *                steps) and asked for cancellation before each new cluster; its executor, if any, runs the
     *                helper threads
     * @return the model: labels (noise -1), core flags, the core points and the scaling
     * @throws IllegalArgumentException if the scaling refuses a value
     * @throws java.util.concurrent.CancellationException if the control cancels the fit
     */
    public static DbscanModel fit(DenseMatrix x, DbscanOptions options, FitControl control) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        long t0 = System.nanoTime();
        int n = x.rows();
        int d = x.columns();
        FeatureScaling scaling = FeatureScaling.fit(x, options.scaling());
        DenseMatrix z = scaling.apply(x);
        Checks.magnitudes(z, options.scaling().toString());
        double r2 = options.eps() * options.eps();
        int minSamples = options.minSamples();
        KdTree tree = new KdTree(z);
        double[] pts = tree.points();            // tree order: neighbours are near in memory
        int[] position = new int[n];
        for (int p = 0; p < n; p++) {
            position[tree.row(p)] = p;
        }
        boolean[] coreAt = new boolean[n];       // by tree position
        Blocks blocks = RowBlocks.of(n);
        try (Workers workers = control.workers(options.threads())) {
            workers.run(blocks.count(), b -> {
                int[] stack = new int[tree.stackSize()];
                int end = blocks.end(b);
                for (int p = blocks.start(b); p < end; p++) {
                    coreAt[p] = tree.countWithin(pts, p * d, r2, minSamples, stack) >= minSamples;
                }
            });
        }
        control.step("DBSCAN", 1, 2, Double.NaN);
        // clusters grow from core points in increasing row order; a labelled point is marked in the
        // tree, so later queries skip it and whole subtrees that are done
        int[] labelAt = new int[n];
        Arrays.fill(labelAt, -1);
        KdTree.Marks labelled = tree.newMarks();
        IntList todo = new IntList();
        IntList neighbours = new IntList();
        int[] stack = new int[tree.stackSize()];
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            int seed = position[i];
            if (!coreAt[seed] || labelAt[seed] != -1) {
                continue;
            }
            control.checkCancelled("DBSCAN expansion", clusters);
            int c = clusters++;
            labelAt[seed] = c;
            labelled.mark(seed);
            todo.add(seed);
            while (!todo.isEmpty()) {
                int p = todo.removeLast();
                neighbours.clear();
                tree.unmarkedWithin(pts, p * d, r2, neighbours, stack, labelled);
                int size = neighbours.size();
                for (int q = 0; q < size; q++) {
                    int v = neighbours.get(q);
                    labelAt[v] = c;
                    labelled.mark(v);
                    if (coreAt[v]) {
                        todo.add(v);
                    }
                }
            }
        }
        control.step("DBSCAN", 2, 2, Double.NaN);
        int[] labels = new int[n];
        boolean[] core = new boolean[n];
        int cores = 0;
        int noise = 0;
        for (int i = 0; i < n; i++) {
            labels[i] = labelAt[position[i]];
            core[i] = coreAt[position[i]];
            cores += core[i] ? 1 : 0;
            noise += labels[i] < 0 ? 1 : 0;
        }
        double[] corePoints = new double[cores * d];
        for (int i = 0, m = 0; i < n; i++) {
            if (core[i]) {
                z.copyRow(i, corePoints, m++ * d);
            }
        }
        FitSummary.Builder b = FitSummary.builder("DBSCAN (KD-tree)")
                .options(options)
                .choice(String.format(Locale.ROOT, "%,d core points of %,d (at least %d points within eps %s): %d "
                        + "clusters, %,d noise points", cores, n, minSamples, options.eps(), clusters, noise))
                .data(x.fingerprint());
        if (clusters == 0) {
            b.warning("every point is noise: no point has " + minSamples + " points within eps " + options.eps()
                    + " (eps too small or minSamples too large for this data)");
        }
        FitSummary summary = b.secondsSince(t0).build();
        DbscanModel model = new DbscanModel(scaling, x.names().toArray(String[]::new), options.eps(), minSamples,
                labels, core, corePoints, summary);
        LOG.info("DBSCAN of {} points x {} dimensions (eps {}, minSamples {}): {} clusters, {} noise points, {} s",
                n, d, options.eps(), minSamples, clusters, noise, summary.seconds());
        summary.logVerdict(Dbscan.class);
        return model;
    }
}
