package dev.retention.cluster.kmeans;

import dev.retention.cluster.FitSummary;
import dev.retention.cluster.Points;
import dev.retention.cluster.internal.Blocks;
import dev.retention.cluster.internal.Checks;
import dev.retention.cluster.internal.KMeansIterations;
import dev.retention.cluster.internal.KMeansSeeding;
import dev.retention.cluster.internal.MiniBatchStep;
import dev.retention.cluster.internal.PointsAccess;
import dev.retention.parallel.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Mini-batch k-means (D. Sculley, "Web-scale k-means clustering", WWW 2010), for data too large for a
 * full pass per iteration: each step draws a batch of points, assigns it to the nearest centres and
 * moves each centre towards its batch points with a per-centre learning rate that decays as the
 * centre accumulates weight. The entry point is {@link #fit(Points, double[], MiniBatchKMeansOptions)}.
 *
 * <p>Follows scikit-learn 1.2's {@code MiniBatchKMeans}: {@code nInit} greedy k-means++ initialisations,
 * each on {@code initSize} points drawn with replacement, the one with the lowest inertia on a
 * validation sample kept; batches drawn with replacement; random reassignment of starving centres;
 * stopping after {@code maxIter * n / batchSize} steps, or when the exponentially weighted average of
 * the batch inertia has not improved for {@code maxNoImprovement} steps, or (with {@code tol > 0}) when
 * the centres stop moving. The final labels and inertia come from one full assignment pass.
 *
 * <p>Cost O(steps * b * k d) plus one O(n k d) labelling pass; memory O(n) for the labels and O(k d)
 * beyond. Steps are sequential and the labelling pass is split into fixed blocks, so the same seed
 * gives the same model for any parallelism.
 */
public final class MiniBatchKMeans {

    private static final Logger LOG = LoggerFactory.getLogger(MiniBatchKMeans.class);

    private MiniBatchKMeans() {
    }

    /**
     * Fits mini-batch k-means to the rows of a matrix.
     *
     * @param x       read, copied: n rows of d finite values
     * @param options read
     */
    public static KMeansModel fit(double[][] x, MiniBatchKMeansOptions options) {
        return fit(Points.of(x), null, options);
    }

    /**
     * Fits mini-batch k-means.
     *
     * @param x             read
     * @param sampleWeights optional (null for all 1), read: a finite weight &gt; 0 per point
     * @param options       read
     * @return a model whose summary counts steps and holds, per step, the exponentially weighted average
     *         of the batch inertia per point (the raw batch inertia for step 1; the first 2^20 steps
     *         only); its restart inertias are the validation inertias of the initialisations
     * @throws IllegalArgumentException if {@code k > n} or the weights are invalid
     */
    public static KMeansModel fit(Points x, double[] sampleWeights, MiniBatchKMeansOptions options) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(options, "options");
        int n = x.size();
        int d = x.dimension();
        int k = options.k();
        Checks.clusterCount(k, n);
        double[] w = Checks.weights(sampleWeights, n);
        double[] data = PointsAccess.data(x);
        long t0 = System.nanoTime();
        int batchSize = Math.min(options.batchSize(), n);
        int initSize = options.initSize() > 0 ? options.initSize() : 3 * batchSize;
        if (initSize < k) {
            initSize = 3 * k;
        }
        initSize = Math.min(initSize, n);
        SplittableRandom rnd = new SplittableRandom(options.seed());
        int trials = 2 + (int) Math.log(k);

        double[] centres;
        double[] initInertias = new double[options.nInit()];
        KMeansModel model;
        try (Workers workers = Workers.create(options.parallelism())) {
            double tol = options.tol() > 0 ? options.tol() * KMeans.meanVariance(data, n, d, new Blocks(n), workers) : 0;
            // validation sample, then the best of nInit k-means++ runs on fresh samples
            int[] validRows = draw(n, initSize, rnd);
            double[] validX = gather(data, d, validRows);
            double[] validW = w == null ? null : gatherWeights(w, validRows);
            Blocks validBlocks = new Blocks(initSize);
            KMeansIterations validation = new KMeansIterations(validX, initSize, d, validW, k, false, validBlocks,
                    workers);
            centres = null;
            double bestInertia = Double.POSITIVE_INFINITY;
            for (int r = 0; r < options.nInit(); r++) {
                int[] initRows = draw(n, initSize, rnd);
                double[] initX = gather(data, d, initRows);
                double[] initW = w == null ? null : gatherWeights(w, initRows);
                int[] seeds = KMeansSeeding.kMeansPlusPlus(initX, initSize, d, initW, k, trials, rnd,
                        new Blocks(initSize), workers);
                double[] candidate = new double[k * d];
                for (int j = 0; j < k; j++) {
                    System.arraycopy(initX, seeds[j] * d, candidate, j * d, d);
                }
                double inertia = validation.assignOnly(candidate).inertia;
                initInertias[r] = inertia;
                LOG.debug("mini-batch k-means initialisation {}: validation inertia {}", r + 1, inertia);
                if (inertia < bestInertia) {
                    bestInertia = inertia;
                    centres = candidate;
                }
            }

            MiniBatchStep kernel = new MiniBatchStep(data, d, w, k);
            double[] next = new double[k * d];
            double[] weightSums = new double[k];
            long stepsLong = (long) options.maxIter() * n / batchSize;
            int steps = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1, stepsLong));
            int[] batch = new int[batchSize];
            double[] history = new double[Math.min(steps, 1 << 20)];
            double ewa = Double.NaN;
            double ewaMin = Double.NaN;
            int noImprovement = 0;
            long sinceReassign = 0;
            boolean converged = false;
            int step = 0;
            double alpha = Math.min(1.0, batchSize * 2.0 / (n + 1));
            while (step < steps) {
                for (int b = 0; b < batchSize; b++) {
                    batch[b] = rnd.nextInt(n);
                }
                boolean reassign = false;
                sinceReassign += batchSize;
                if (options.reassignmentRatio() > 0 && (hasZero(weightSums) || sinceReassign >= 10L * k)) {
                    sinceReassign = 0;
                    reassign = true;
                }
                double batchInertia = kernel.step(batch, centres, next, weightSums);
                if (reassign) {
                    kernel.reassign(batch, next, weightSums, options.reassignmentRatio(), rnd);
                }
                double shift = 0;
                if (tol > 0) {
                    for (int q = 0; q < centres.length; q++) {
                        double t = next[q] - centres[q];
                        shift += t * t;
                    }
                }
                double[] t = centres;
                centres = next;
                next = t;
                step++;
                // scikit-learn's _mini_batch_convergence
                batchInertia /= batchSize;
                if (step > 1) {
                    ewa = Double.isNaN(ewa) ? batchInertia : ewa * (1 - alpha) + batchInertia * alpha;
                }
                if (step - 1 < history.length) {
                    history[step - 1] = step > 1 ? ewa : batchInertia;
                }
                if (step > 1) {
                    LOG.debug("mini-batch k-means step {}/{}: batch inertia {}, smoothed {}", step, steps,
                            batchInertia, ewa);
                    if (tol > 0 && shift <= tol) {
                        converged = true;
                        break;
                    }
                    if (Double.isNaN(ewaMin) || ewa < ewaMin) {
                        noImprovement = 0;
                        ewaMin = ewa;
                    } else {
                        noImprovement++;
                    }
                    if (options.maxNoImprovement() > 0 && noImprovement >= options.maxNoImprovement()) {
                        converged = true;
                        break;
                    }
                }
            }
            KMeansIterations full = new KMeansIterations(data, n, d, w, k, false, new Blocks(n), workers);
            KMeansIterations.Result result = full.assignOnly(centres);
            FitSummary summary = new FitSummary("minibatch-kmeans", step, converged,
                    Arrays.copyOf(history, Math.min(step, history.length)));
            model = new KMeansModel(result.centres, k, d, result.labels, result.inertia, summary, initInertias);
        }
        LOG.info("mini-batch k-means of {} points x {} dimensions, k={}: inertia {}, {} steps of {} points ({}), {} s",
                n, d, k, model.inertia(), model.summary().iterations(), batchSize,
                model.summary().converged() ? "stopped early" : "step limit", (System.nanoTime() - t0) / 1e9);
        return model;
    }

    private static boolean hasZero(double[] a) {
        for (double v : a) {
            if (v == 0) {
                return true;
            }
        }
        return false;
    }

    private static int[] draw(int n, int m, SplittableRandom rnd) {
        int[] rows = new int[m];
        for (int i = 0; i < m; i++) {
            rows[i] = rnd.nextInt(n);
        }
        return rows;
    }

    private static double[] gather(double[] data, int d, int[] rows) {
        double[] out = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(data, rows[i] * d, out, i * d, d);
        }
        return out;
    }

    private static double[] gatherWeights(double[] w, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = w[rows[i]];
        }
        return out;
    }
}
