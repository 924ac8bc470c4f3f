package dev.retention.cluster.kmeans;

import dev.retention.cluster.internal.Checks;
import dev.retention.cluster.internal.ColumnVariance;
import dev.retention.cluster.internal.KMeansIterations;
import dev.retention.cluster.internal.KMeansSeeding;
import dev.retention.cluster.internal.RowBlocks;
import dev.retention.matrix.DenseMatrix;
import dev.retention.matrix.FeatureScaling;
import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;
import dev.retention.random.Seeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Batch k-means: the raw features are scaled ({@link KMeansOptions#scaling()}), then {@code nInit} restarts
 * from greedy k-means++ (or random, or given) centres are each iterated by Lloyd's algorithm accelerated with
 * Hamerly's bounds until scikit-learn's stopping rule holds; the restart with the lowest inertia (weighted
 * within-cluster sum of squared distances, in the scaled space) is kept with the scaling. The entry point is
 * {@link #fit(DenseMatrix, KMeansOptions)}.
 *
 * <p>References: S. Lloyd, "Least squares quantization in PCM" (1982); D. Arthur and S. Vassilvitskii,
 * "k-means++: the advantages of careful seeding" (SODA 2007); G. Hamerly, "Making k-means even faster"
 * (SDM 2010); scikit-learn 1.2 {@code KMeans} for the greedy seeding, the tolerance rule and the
 * relocation of empty clusters. From the same initial centres the inertia and labels equal
 * scikit-learn's (up to rounding); the random draws differ, restart {@code r} drawing from a
 * {@link SplittableRandom} seeded with {@code Seeds.split(seed, r)}.
 *
 * <p>Cost: scaling O(n d); seeding O(k t n d) with t local trials; iterations O(n k d) each at worst, far less
 * once Hamerly's bounds hold; memory O(n) beyond the data (labels, bounds, distances to the nearest centre),
 * plus a scaled copy of the data unless the scaling is {@code NONE}. Work is split into fixed blocks combined in
 * block order, so the same seed gives the same model for any {@link KMeansOptions#threads()}.
 */
public final class KMeans {

    private static final Logger LOG = LoggerFactory.getLogger(KMeans.class);

    private KMeans() {
    }

    /**
     * Fits k-means to the rows of an array, with columns named {@code x0, x1, ...}.
     *
     * @param x       read, copied: n rows of d finite values
     * @param options read
     * @return the fitted model
     * @see #fit(DenseMatrix, double[], KMeansOptions, FitControl)
     */
    public static KMeansModel fit(double[][] x, KMeansOptions options) {
        return fit(DenseMatrix.of(x), null, options, FitControl.defaults());
    }

    /**
     * Fits k-means without sample weights.
     *
     * @param x       read: one point per row, finite
     * @param options read
     * @return the fitted model
     * @see #fit(DenseMatrix, double[], KMeansOptions, FitControl)
     */
    public static KMeansModel fit(DenseMatrix x, KMeansOptions options) {
        return fit(x, null, options, FitControl.defaults());
    }

    /**
     * Fits k-means without sample weights, with progress and cancellation.
     *
     * @param x       read: one point per row, finite
     * @param options read
     * @param control read: told once per iteration (stage {@code "k-means restart r/nInit"}, objective the inertia of
     *                the iteration's assignment) and once per restart (stage {@code "k-means restarts"}); its executor,
     *                if any, runs the helper threads
     * @return the fitted model
     * @see #fit(DenseMatrix, double[], KMeansOptions, FitControl)
     */
    public static KMeansModel fit(DenseMatrix x, KMeansOptions options, FitControl control) {
        return fit(x, null, options, control);
    }

    /**
     * Fits k-means with sample weights.
     *
     * @param x             read: one point per row, finite
     * @param sampleWeights optional (null for all 1), read: a finite weight &gt; 0 per point; centres are weighted
     *                      means, inertia is weighted, k-means++ draws in proportion to weight (the scaling is not
     *                      weighted)
     * @param options       read
     * @return the fitted model
     * @see #fit(DenseMatrix, double[], KMeansOptions, FitControl)
     */
    public static KMeansModel fit(DenseMatrix x, double[] sampleWeights, KMeansOptions options) {
        return fit(x, sampleWeights, options, FitControl.defaults());
    }

    /**
     * Fits k-means.
     *
     * @param x             read, not copied: the raw features, n rows of d columns
     * @param sampleWeights optional (null for all 1), read: a finite weight &gt; 0 per point; centres are
     *                      weighted means, inertia is weighted, k-means++ draws in proportion to weight (the
     *                      scaling is not weighted)
     * @param options       read
     * @param control       read: told once per iteration (stage {@code "k-means restart r/nInit"}, objective the
     *                      inertia of the iteration's assignment) and once per restart (stage
     *                      {@code "k-means restarts"}); its executor, if any, runs the helper threads
     * @return the model with the lowest inertia over the restarts, with the labels of {@code x}
     * @throws IllegalArgumentException if {@code k > n}, weights are invalid, given initial centres do not
     *                                  match k or the dimension, or the scaling refuses a value
     * @throws java.util.concurrent.CancellationException if the control cancels the fit
     */
    public static KMeansModel fit(DenseMatrix x, double[] sampleWeights, KMeansOptions options, FitControl control) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        int n = x.rows();
        int d = x.columns();
        int k = options.k();
        Checks.clusterCount(k, n);
        double[] w = Checks.weights(sampleWeights, n);
        KMeansInit init = options.init();
        if (init.kind() == KMeansInit.Kind.GIVEN && (init.givenCount() != k || init.givenDimension() != d)) {
            throw new IllegalArgumentException("initial centres are " + init.givenCount() + " x "
                    + init.givenDimension()
                    + ", expected k x d = " + k + " x " + d);
        }
        long start = System.nanoTime();
        FeatureScaling scaling = FeatureScaling.fit(x, options.scaling());
        DenseMatrix z = scaling.apply(x);
        Checks.magnitudes(z, options.scaling().toString());
        int runs = init.kind() == KMeansInit.Kind.GIVEN ? 1 : options.nInit();
        Blocks blocks = RowBlocks.of(n);
        KMeansIterations.Result best = null;
        int bestRun = -1;
        double[] restartInertias = new double[runs];
        double variance;
        try (Workers workers = control.workers(options.threads())) {
            variance = ColumnVariance.mean(z, blocks, workers);
            double tol = options.tolerance() * variance;
            KMeansIterations iterations = new KMeansIterations(z, w, k,
                    options.algorithm() == KMeansOptions.Algorithm.HAMERLY, blocks, workers);
            for (int r = 0; r < runs; r++) {
                SplittableRandom rnd = new SplittableRandom(Seeds.split(options.seed(), r));
                double[] initial = initialCentres(z, w, options, rnd, blocks, workers);
                int run = r + 1;
                String stage = "k-means restart " + run + "/" + runs;
                KMeansIterations.Result result = iterations.run(initial, options.maxIterations(), tol,
                        (it, inertia, shift, changed) -> {
                            LOG.debug("k-means restart {}, iteration {}: inertia {}, centre shift {}, {} labels "
                                    + "changed", run, it, inertia, shift, changed);
                            control.step(stage, it, options.maxIterations(), inertia);
                        });
                restartInertias[r] = result.inertia;
                LOG.debug("k-means restart {}: inertia {} after {} iterations (converged: {})", run, result.inertia,
                        result.iterations, result.converged);
                if (best == null || result.inertia < best.inertia) {
                    best = result;
                    bestRun = r;
                }
                control.step("k-means restarts", run, runs, best.inertia);
            }
        }
        String algorithm = "kmeans (" + options.algorithm().name().toLowerCase(Locale.ROOT) + ")";
        FitSummary.Builder b = FitSummary.builder(algorithm)
                .options(options)
                .choice(String.format(Locale.ROOT, "restart %d of %d kept: the lowest inertia %.6g (restarts from "
                        + "%.6g to %.6g)", bestRun + 1, runs, best.inertia, min(restartInertias),
                        max(restartInertias)))
                .choice(String.format(Locale.ROOT, "centre-shift tolerance %.3g x mean column variance %.6g",
                        options.tolerance(), variance))
                .iterations(best.iterations)
                .objective("inertia", best.history)
                .converged(best.converged, best.strict ? "labels unchanged" : best.converged
                        ? "centre shift below tolerance" : "iteration limit " + options.maxIterations())
                .data(x.fingerprint());
        checkCentres(b, best.centres, best.labels, best.inertia, k);
        FitSummary summary = b.secondsSince(start).build();
        KMeansModel model = new KMeansModel(scaling, x.names().toArray(String[]::new), best.centres, k, best.labels,
                best.inertia, restartInertias, summary);
        LOG.info("k-means of {} points x {} dimensions, k={}: inertia {} (best of {} restarts), {} iterations, {} s",
                n, d, k, best.inertia, runs, best.iterations, summary.seconds());
        summary.logVerdict(KMeans.class);
        return model;
    }

    /** Adds a warning for clusters without a training point, and makes a non-finite fit unusable. */
    static void checkCentres(FitSummary.Builder b, double[] centres, int[] labels, double inertia, int k) {
        for (double v : centres) {
            if (!Double.isFinite(v)) {
                b.unusable("a centre holds a non-finite value " + v + " (the scaled features overflow)");
                break;
            }
        }
        if (!Double.isFinite(inertia)) {
            b.unusable("the inertia is " + inertia + " (the scaled features overflow)");
        }
        int[] sizes = new int[k];
        for (int l : labels) {
            sizes[l]++;
        }
        int empty = 0;
        for (int s : sizes) {
            empty += s == 0 ? 1 : 0;
        }
        if (empty > 0) {
            b.warning(empty + " of k=" + k + " clusters hold no training point (fewer distinct points than k: "
                    + "their centres duplicate others)");
        }
    }

    private static double[] initialCentres(DenseMatrix z, double[] w, KMeansOptions options, SplittableRandom rnd,
                                           Blocks blocks, Workers workers) {
        int k = options.k();
        int d = z.columns();
        double[] centres = new double[k * d];
        KMeansInit init = options.init();
        if (init.kind() == KMeansInit.Kind.GIVEN) {
            for (int j = 0; j < k; j++) {
                for (int q = 0; q < d; q++) {
                    centres[j * d + q] = init.givenValue(j, q);
                }
            }
            return centres;
        }
        int[] rows = init.kind() == KMeansInit.Kind.RANDOM ? KMeansSeeding.random(z.rows(), k, rnd)
                : KMeansSeeding.kMeansPlusPlus(z, w, k, options.effectiveLocalTrials(), rnd, blocks, workers);
        for (int j = 0; j < k; j++) {
            z.copyRow(rows[j], centres, j * d);
        }
        return centres;
    }

    private static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : a) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
