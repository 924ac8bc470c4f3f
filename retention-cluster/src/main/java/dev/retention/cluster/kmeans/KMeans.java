package dev.retention.cluster.kmeans;

import dev.retention.cluster.FitSummary;
import dev.retention.cluster.Points;
import dev.retention.cluster.internal.Blocks;
import dev.retention.cluster.internal.Checks;
import dev.retention.cluster.internal.KMeansIterations;
import dev.retention.cluster.internal.KMeansSeeding;
import dev.retention.cluster.internal.PointsAccess;
import dev.retention.parallel.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Batch k-means: {@code nInit} restarts from greedy k-means++ (or random, or given) centres, each
 * iterated by Lloyd's algorithm accelerated with Hamerly's bounds until scikit-learn's stopping rule
 * holds; the restart with the lowest inertia (weighted within-cluster sum of squared distances) is
 * kept. The entry point is {@link #fit(Points, double[], KMeansOptions)}.
 *
 * <p>References: S. Lloyd, "Least squares quantization in PCM" (1982); D. Arthur and S. Vassilvitskii,
 * "k-means++: the advantages of careful seeding" (SODA 2007); G. Hamerly, "Making k-means even faster"
 * (SDM 2010); scikit-learn 1.2 {@code KMeans} for the greedy seeding, the tolerance rule and the
 * relocation of empty clusters. From the same initial centres the inertia and labels equal
 * scikit-learn's (up to rounding); the random draws differ, being seeded {@link SplittableRandom}s.
 *
 * <p>Cost: seeding O(k t n d) with t local trials; iterations O(n k d) each at worst, far less once
 * Hamerly's bounds hold; memory O(n) beyond the data (labels, bounds, distances to the nearest centre).
 * Work is split into fixed blocks combined in block order, so the same seed gives the same model for
 * any {@link KMeansOptions#parallelism()}.
 */
public final class KMeans {

    private static final Logger LOG = LoggerFactory.getLogger(KMeans.class);

    private KMeans() {
    }

    /**
     * Fits k-means to rows of a matrix.
     *
     * @param x       read, copied: n rows of d finite values
     * @param options read
     * @see #fit(Points, double[], KMeansOptions)
     */
    public static KMeansModel fit(double[][] x, KMeansOptions options) {
        return fit(Points.of(x), null, options);
    }

    /**
     * Fits k-means without sample weights.
     *
     * @see #fit(Points, double[], KMeansOptions)
     */
    public static KMeansModel fit(Points x, KMeansOptions options) {
        return fit(x, null, options);
    }

    /**
     * Fits k-means.
     *
     * @param x             read: the points
     * @param sampleWeights optional (null for all 1), read: a finite weight &gt; 0 per point; centres are
     *                      weighted means, inertia is weighted, k-means++ draws in proportion to weight
     * @param options       read
     * @return the model with the lowest inertia over the restarts, with the labels of {@code x}
     * @throws IllegalArgumentException if {@code k > n}, weights are invalid, or given initial centres do
     *                                  not match k or the dimension
     */
    public static KMeansModel fit(Points x, double[] sampleWeights, KMeansOptions options) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(options, "options");
        int n = x.size();
        int d = x.dimension();
        int k = options.k();
        Checks.clusterCount(k, n);
        double[] w = Checks.weights(sampleWeights, n);
        KMeansInit init = options.init();
        if (init.kind() == KMeansInit.Kind.GIVEN && (init.givenCount() != k || init.givenDimension() != d)) {
            throw new IllegalArgumentException("initial centres are " + init.givenCount() + " x " + init.givenDimension()
                    + ", expected k x d = " + k + " x " + d);
        }
        double[] data = PointsAccess.data(x);
        long start = System.nanoTime();
        int runs = init.kind() == KMeansInit.Kind.GIVEN ? 1 : options.nInit();
        Blocks blocks = new Blocks(n);
        SplittableRandom master = new SplittableRandom(options.seed());
        KMeansIterations.Result best = null;
        double[] restartInertias = new double[runs];
        try (Workers workers = Workers.create(options.parallelism())) {
            double tol = options.tol() * meanVariance(data, n, d, blocks, workers);
            KMeansIterations iterations = new KMeansIterations(data, n, d, w, k,
                    options.algorithm() == KMeansOptions.Algorithm.HAMERLY, blocks, workers);
            for (int r = 0; r < runs; r++) {
                SplittableRandom rnd = new SplittableRandom(master.nextLong());
                double[] initial = initialCentres(data, n, d, w, options, rnd, blocks, workers);
                int run = r + 1;
                KMeansIterations.Result result = iterations.run(initial, options.maxIter(), tol,
                        LOG.isDebugEnabled() ? (it, inertia, shift, changed) -> LOG.debug(
                                "k-means restart {}, iteration {}: inertia {}, centre shift {}, {} labels changed",
                                run, it, inertia, shift, changed) : null);
                restartInertias[r] = result.inertia;
                LOG.debug("k-means restart {}: inertia {} after {} iterations (converged: {})", run, result.inertia,
                        result.iterations, result.converged);
                if (best == null || result.inertia < best.inertia) {
                    best = result;
                }
            }
        }
        FitSummary summary = new FitSummary("kmeans (" + options.algorithm().name().toLowerCase(java.util.Locale.ROOT)
                + ")", best.iterations, best.converged, best.history);
        LOG.info("k-means of {} points x {} dimensions, k={}: inertia {} (best of {} restarts), {} iterations, {} s",
                n, d, k, best.inertia, runs, best.iterations, (System.nanoTime() - start) / 1e9);
        return new KMeansModel(best.centres, k, d, best.labels, best.inertia, summary, restartInertias);
    }

    private static double[] initialCentres(double[] data, int n, int d, double[] w, KMeansOptions options,
                                           SplittableRandom rnd, Blocks blocks, Workers workers) {
        int k = options.k();
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
        int[] rows = init.kind() == KMeansInit.Kind.RANDOM ? KMeansSeeding.random(n, k, rnd)
                : KMeansSeeding.kMeansPlusPlus(data, n, d, w, k, options.effectiveLocalTrials(), rnd, blocks, workers);
        for (int j = 0; j < k; j++) {
            System.arraycopy(data, rows[j] * d, centres, j * d, d);
        }
        return centres;
    }

    /**
     * Mean over the columns of each column's (unweighted, population) variance: scikit-learn's tol
     * scale. Two passes (means, then squared deviations), each summed per block and the blocks in order.
     */
    static double meanVariance(double[] x, int n, int d, Blocks blocks, Workers workers) {
        int nb = blocks.count();
        double[][] part = new double[nb][d];
        workers.run(nb, b -> {
            double[] s = part[b];
            for (int i = blocks.start(b); i < blocks.end(b); i++) {
                int o = i * d;
                for (int q = 0; q < d; q++) {
                    s[q] += x[o + q];
                }
            }
        });
        double[] mean = new double[d];
        for (double[] s : part) {
            for (int q = 0; q < d; q++) {
                mean[q] += s[q];
            }
        }
        for (int q = 0; q < d; q++) {
            mean[q] /= n;
        }
        double[] ss = new double[nb];
        workers.run(nb, b -> {
            double s = 0;
            for (int i = blocks.start(b); i < blocks.end(b); i++) {
                int o = i * d;
                for (int q = 0; q < d; q++) {
                    double t = x[o + q] - mean[q];
                    s += t * t;
                }
            }
            ss[b] = s;
        });
        double total = 0;
        for (double s : ss) {
            total += s;
        }
        return total / ((double) n * d);
    }
}
