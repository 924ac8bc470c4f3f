package dev.retention.cluster.hierarchical;

import dev.retention.cluster.internal.Checks;
import dev.retention.cluster.internal.Merges;
import dev.retention.cluster.internal.MstSingleLinkage;
import dev.retention.cluster.internal.NnChainCondensed;
import dev.retention.cluster.internal.NnChainWard;
import dev.retention.matrix.DenseMatrix;
import dev.retention.matrix.FeatureScaling;
import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.parallel.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Objects;

/**
 * Agglomerative (hierarchical) clustering: the full merge tree of n points under Ward, complete,
 * average or single linkage of the scaled features ({@link AgglomerativeOptions#scaling()}), in SciPy's
 * linkage-matrix layout. The entry point is {@link #fit(DenseMatrix, AgglomerativeOptions)}; cut the
 * {@link AgglomerativeModel} into k clusters or at a height.
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
     * {@return agglomerative clustering of the rows of an array, with columns named {@code x0, x1, ...}}
     *
     * @param x       read, copied: n rows of d finite values
     * @param options read
     * @see #fit(DenseMatrix, AgglomerativeOptions, FitControl)
     */
    public static AgglomerativeModel fit(double[][] x, AgglomerativeOptions options) {
        return fit(DenseMatrix.of(x), options, FitControl.defaults());
    }

    /**
     * {@return agglomerative clustering of the rows of a matrix}
     *
     * @param x       read: one point per row, finite
     * @param options read
     * @see #fit(DenseMatrix, AgglomerativeOptions, FitControl)
     */
    public static AgglomerativeModel fit(DenseMatrix x, AgglomerativeOptions options) {
        return fit(x, options, FitControl.defaults());
    }

    /**
     * Agglomerative clustering of the rows of a matrix.
     *
     * @param x       read, not copied: the raw features, n rows of d columns
     * @param options read
     * @param control read: told once the merges are found (stage {@code "linkage"}), and asked for cancellation
     *                before and after the distances; its executor, if any, fills the condensed matrix
     * @return the merge tree
     * @throws IllegalArgumentException for complete or average linkage when the condensed distance matrix
     *                                  of n points would not fit in the heap (the message names the memory
     *                                  needed and available), or if the scaling refuses a value
     * @throws java.util.concurrent.CancellationException if the control cancels the fit
     */
    public static AgglomerativeModel fit(DenseMatrix x, AgglomerativeOptions options, FitControl control) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        int n = x.rows();
        int d = x.columns();
        long t0 = System.nanoTime();
        FeatureScaling scaling = FeatureScaling.fit(x, options.scaling());
        DenseMatrix z = scaling.apply(x);
        Checks.magnitudes(z, options.scaling().toString());
        control.checkCancelled("linkage", 0);
        Merges merges = switch (options.linkage()) {
            case WARD -> NnChainWard.merges(z);
            case SINGLE -> MstSingleLinkage.merges(z);
            case COMPLETE, AVERAGE -> {
                checkCondensedFits(n, options.linkage());
                double[][] dist;
                try (Workers workers = control.workers(options.threads())) {
                    dist = NnChainCondensed.condensed(z, workers);
                }
                control.checkCancelled("linkage", 0);
                yield NnChainCondensed.merges(dist, n, options.linkage() == Linkage.COMPLETE
                        ? NnChainCondensed.Update.COMPLETE : NnChainCondensed.Update.AVERAGE);
            }
        };
        merges.toLinkage();
        control.step("linkage", 1, 1, Double.NaN);
        String method = switch (options.linkage()) {
            case WARD -> "nearest-neighbour chain on centroids: O(n^2 d) time, O(n d) memory";
            case SINGLE -> "Prim's minimum spanning tree with distances on the fly: O(n^2 d) time, O(n) memory";
            case COMPLETE, AVERAGE -> "nearest-neighbour chain on a condensed distance matrix of "
                    + bytes(NnChainCondensed.bytesNeeded(n)) + ": O(n^2) time";
        };
        String linkage = options.linkage().name().toLowerCase(Locale.ROOT);
        FitSummary summary = FitSummary.builder("agglomerative (" + linkage + ")")
                .options(options)
                .choice(method)
                .data(x.fingerprint())
                .secondsSince(t0)
                .build();
        LOG.info("{} linkage of {} points x {} dimensions: {} s", linkage, n, d, summary.seconds());
        summary.logVerdict(Agglomerative.class);
        return new AgglomerativeModel(n, options.linkage(), scaling, x.names().toArray(String[]::new), merges.left,
                merges.right, merges.height, merges.size, summary);
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
