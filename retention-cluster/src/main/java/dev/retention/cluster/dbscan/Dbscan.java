package dev.retention.cluster.dbscan;

import dev.retention.cluster.Points;
import dev.retention.cluster.internal.Blocks;
import dev.retention.cluster.internal.KdTree;
import dev.retention.cluster.internal.PointsAccess;
import dev.retention.parallel.Workers;
import dev.retention.primitive.IntList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Objects;

/**
 * DBSCAN, density-based clustering with noise (Ester, Kriegel, Sander and Xu, "A density-based
 * algorithm for discovering clusters in large spatial databases with noise", KDD 1996). The entry
 * point is {@link #fit(Points, DbscanOptions)}.
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
 * O(n log n); memory O(n d). Deterministic for any parallelism.
 */
public final class Dbscan {

    private static final Logger LOG = LoggerFactory.getLogger(Dbscan.class);

    private Dbscan() {
    }

    /**
     * DBSCAN of the rows of a matrix.
     *
     * @param x       read, copied: n rows of d finite values
     * @param options read
     * @see #fit(Points, DbscanOptions)
     */
    public static DbscanResult fit(double[][] x, DbscanOptions options) {
        return fit(Points.of(x), options);
    }

    /**
     * DBSCAN of the points.
     *
     * @param x       read
     * @param options read
     * @return labels (noise -1) and core flags
     */
    public static DbscanResult fit(Points x, DbscanOptions options) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(options, "options");
        long t0 = System.nanoTime();
        int n = x.size();
        int d = x.dimension();
        double[] data = PointsAccess.data(x);
        double r2 = options.eps() * options.eps();
        int minSamples = options.minSamples();
        KdTree tree = new KdTree(data, n, d);
        double[] pts = tree.points();            // tree order: neighbours are near in memory
        int[] position = new int[n];
        for (int p = 0; p < n; p++) {
            position[tree.row(p)] = p;
        }
        boolean[] coreAt = new boolean[n];       // by tree position
        Blocks blocks = new Blocks(n);
        try (Workers workers = Workers.create(options.parallelism())) {
            workers.run(blocks.count(), b -> {
                int[] stack = new int[tree.stackSize()];
                int end = blocks.end(b);
                for (int p = blocks.start(b); p < end; p++) {
                    coreAt[p] = tree.countWithin(pts, p * d, r2, minSamples, stack) >= minSamples;
                }
            });
        }
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
        int[] labels = new int[n];
        boolean[] core = new boolean[n];
        for (int i = 0; i < n; i++) {
            labels[i] = labelAt[position[i]];
            core[i] = coreAt[position[i]];
        }
        DbscanResult result = new DbscanResult(labels, core, clusters, options);
        LOG.info("DBSCAN of {} points x {} dimensions (eps {}, minSamples {}): {} clusters, {} noise points, {} s",
                n, d, options.eps(), minSamples, clusters, result.noiseCount(), (System.nanoTime() - t0) / 1e9);
        return result;
    }
}
