package dev.retention.cluster.hierarchical;

import dev.retention.cluster.Points;
import dev.retention.cluster.internal.Merges;
import dev.retention.cluster.internal.MstSingleLinkage;
import dev.retention.cluster.internal.NnChainCondensed;
import dev.retention.cluster.internal.NnChainWard;
import dev.retention.cluster.internal.PointsAccess;
import dev.retention.parallel.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Objects;

/**
 * Agglomerative (hierarchical) clustering: the full merge tree of n points under Ward, complete,
 * average or single linkage, in SciPy's linkage-matrix layout. The entry point is
 * {@link #fit(Points, AgglomerativeOptions)}; cut the {@link Dendrogram} into k clusters or at a height.
 *
 * <p>Algorithms (Müllner, "Modern hierarchical, agglomerative clustering algorithms", arXiv:1109.2378,
 * 2011, the basis of SciPy's implementation):
 * <ul>
 *   <li>Ward: nearest-neighbour chain on centroids, O(n^2 d) time, O(n d) memory;</li>
 *   <li>complete, average: nearest-neighbour chain with Lance-Williams updates of a condensed distance
 *       matrix, O(n^2) time, n(n-1)/2 doubles; an n whose matrix does not fit the heap is refused
 *       before anything is allocated;</li>
 *   <li>single: Prim's minimum spanning tree with distances on the fly, O(n^2 d) time, O(n) memory.</li>
 * </ul>
 * Merges and heights equal SciPy's {@code scipy.cluster.hierarchy.linkage(X, method)} on the same data
 * (Ward up to rounding of about 1e-15 relative), and cuts equal scikit-learn's
 * {@code AgglomerativeClustering} labels up to a renaming of clusters.
 */
public final class Agglomerative {

    private static final Logger LOG = LoggerFactory.getLogger(Agglomerative.class);

    private Agglomerative() {
    }

    /**
     * Agglomerative clustering of the rows of a matrix.
     *
     * @param x       read, copied: n rows of d finite values
     * @param options read
     * @see #fit(Points, AgglomerativeOptions)
     */
    public static Dendrogram fit(double[][] x, AgglomerativeOptions options) {
        return fit(Points.of(x), options);
    }

    /**
     * Agglomerative clustering of the points.
     *
     * @param x       read
     * @param options read
     * @return the merge tree
     * @throws IllegalArgumentException for complete or average linkage when the condensed distance matrix
     *                                  of n points would not fit in the heap (the message names the memory
     *                                  needed and available)
     */
    public static Dendrogram fit(Points x, AgglomerativeOptions options) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(options, "options");
        int n = x.size();
        int d = x.dimension();
        double[] data = PointsAccess.data(x);
        long t0 = System.nanoTime();
        Merges merges = switch (options.linkage()) {
            case WARD -> NnChainWard.merges(data, n, d);
            case SINGLE -> MstSingleLinkage.merges(data, n, d);
            case COMPLETE, AVERAGE -> {
                checkCondensedFits(n, options.linkage());
                double[][] dist;
                try (Workers workers = Workers.create(options.parallelism())) {
                    dist = NnChainCondensed.condensed(data, n, d, workers);
                }
                yield NnChainCondensed.merges(dist, n, options.linkage() == Linkage.COMPLETE
                        ? NnChainCondensed.Update.COMPLETE : NnChainCondensed.Update.AVERAGE);
            }
        };
        merges.toLinkage();
        LOG.info("{} linkage of {} points x {} dimensions: {} s", options.linkage().name().toLowerCase(Locale.ROOT),
                n, d, (System.nanoTime() - t0) / 1e9);
        return new Dendrogram(n, options.linkage(), merges.left, merges.right, merges.height, merges.size);
    }

    /**
     * Refuses an n whose condensed distance matrix would not fit in the heap that is still free.
     *
     * @throws IllegalArgumentException naming the memory needed and available
     */
    static void checkCondensedFits(int n, Linkage linkage) {
        long needed = NnChainCondensed.bytesNeeded(n);
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (needed > available) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s linkage of n=%,d points needs a condensed distance matrix of %,d distances (%s), but only %s "
                            + "of heap is available (-Xmx %s); use ward or single linkage, which need O(n) memory, "
                            + "or a larger heap", linkage.name().toLowerCase(Locale.ROOT), n,
                    (long) n * (n - 1) / 2, bytes(needed), bytes(available), bytes(rt.maxMemory())));
        }
    }

    static String bytes(long b) {
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", b / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
    }
}
