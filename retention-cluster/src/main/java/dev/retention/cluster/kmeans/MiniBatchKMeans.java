package dev.retention.cluster.kmeans;

import dev.retention.cluster.internal.Checks;
import dev.retention.cluster.internal.ColumnVariance;
import dev.retention.cluster.internal.KMeansIterations;
import dev.retention.cluster.internal.KMeansSeeding;
import dev.retention.cluster.internal.MiniBatchStep;
import dev.retention.cluster.internal.RowBlocks;
import dev.retention.matrix.DenseMatrix;
import dev.retention.matrix.FeatureScaling;
import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.parallel.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Mini-batch k-means (D. Sculley, "Web-scale k-means clustering", WWW 2010), for data too large for a
 * full pass per iteration: the raw features are scaled ({@link MiniBatchKMeansOptions#scaling()}), then each
 * step draws a batch of points, assigns it to the nearest centres and moves each centre towards its batch
 * points with a per-centre learning rate that decays as the centre accumulates weight. The entry point is
 * {@link #fit(DenseMatrix, MiniBatchKMeansOptions)}.
 *
 * <p>Follows scikit-learn 1.2's {@code MiniBatchKMeans}: {@code nInit} greedy k-means++ initialisations,
 * each on {@code initSize} points drawn with replacement, the one with the lowest inertia on a
 * validation sample kept; batches drawn with replacement; random reassignment of starving centres;
 * stopping after {@code maxIterations * n / batchSize} steps, or when the exponentially weighted average of
 * the batch inertia has not improved for {@code maxNoImprovement} steps, or (with {@code tolerance > 0}) when
 * the centres stop moving. The final labels and inertia come from one full assignment pass.
 *
 * <p>Cost O(steps * b * k d) plus one O(n k d) labelling pass; memory O(n) for the labels and O(k d)
 * beyond (plus a scaled copy of the data unless the scaling is {@code NONE}). Steps are sequential and draw
 * from one stream seeded with the options' seed; the labelling pass is split into fixed blocks, so the same
 * seed gives the same model for any number of threads.
 */
public final class MiniBatchKMeans {

    private static final Logger LOG = LoggerFactory.getLogger(MiniBatchKMeans.class);

    private MiniBatchKMeans() {
    }

    /**
     * Fits mini-batch k-means to the rows of an array, with columns named {@code x0, x1, ...}.
     *
     * @param x       read, copied: n rows of d finite values
     * @param options read
     * @return the fitted model
     * @see #fit(DenseMatrix, double[], MiniBatchKMeansOptions, FitControl)
     */
    public static KMeansModel fit(double[][] x, MiniBatchKMeansOptions options) {
        return fit(DenseMatrix.of(x), null, options, FitControl.defaults());
    }

    /**
     * Fits mini-batch k-means without sample weights.
     *
     * @param x       read: one point per row, finite
     * @param options read
     * @return the fitted model
     * @see #fit(DenseMatrix, double[], MiniBatchKMeansOptions, FitControl)
     */
    public static KMeansModel fit(DenseMatrix x, MiniBatchKMeansOptions options) {
        return fit(x, null, options, FitControl.defaults());
    }

    /**
     * Fits mini-batch k-means without sample weights, with progress and cancellation.
     *
     * @param x       read: one point per row, finite
     * @param options read
     * @param control read: told once per initialisation (stage {@code "mini-batch initialisations"}) and once per step
     *                (stage {@code "mini-batch steps"}, objective the smoothed batch inertia); its executor, if any,
     *                runs the helper threads
     * @return the fitted model
     * @see #fit(DenseMatrix, double[], MiniBatchKMeansOptions, FitControl)
     */
    public static KMeansModel fit(DenseMatrix x, MiniBatchKMeansOptions options, FitControl control) {
        return fit(x, null, options, control);
    }

    /**
     * Fits mini-batch k-means with sample weights.
     *
     * @param x             read: one point per row, finite
     * @param sampleWeights optional (null for all 1), read: a finite weight &gt; 0 per point (the scaling is not
     *                      weighted)
     * @param options       read
     * @return the fitted model
     * @see #fit(DenseMatrix, double[], MiniBatchKMeansOptions, FitControl)
     */
    public static KMeansModel fit(DenseMatrix x, double[] sampleWeights, MiniBatchKMeansOptions options) {
        return fit(x, sampleWeights, options, FitControl.defaults());
    }

    /**
     * Fits mini-batch k-means.
     *
     * @param x             read, not copied: the raw features, n rows of d columns
     * @param sampleWeights optional (null for all 1), read: a finite weight &gt; 0 per point (the scaling is not
     *                      weighted)
     * @param options       read
     * @param control       read: told once per initialisation (stage {@code "mini-batch initialisations"}) and
     *                      once per step (stage {@code "mini-batch steps"}, objective the smoothed batch
     *                      inertia); its executor, if any, runs the helper threads
     * @return a model whose summary counts steps and holds, per step, the exponentially weighted average
     *         of the batch inertia per point (the raw batch inertia for step 1; the first 2^20 steps
     *         only); its restart inertias are the validation inertias of the initialisations
     * @throws IllegalArgumentException if {@code k > n}, the weights are invalid or the scaling refuses a value
     * @throws java.util.concurrent.CancellationException if the control cancels the fit
     */
    public static KMeansModel fit(DenseMatrix x, double[] sampleWeights, MiniBatchKMeansOptions options,
                                  FitControl control) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        int n = x.rows();
        int d = x.columns();
        int k = options.k();
        Checks.clusterCount(k, n);
        double[] w = Checks.weights(sampleWeights, n);
        long t0 = System.nanoTime();
        FeatureScaling scaling = FeatureScaling.fit(x, options.scaling());
        DenseMatrix data = scaling.apply(x);
        Checks.magnitudes(data, options.scaling().toString());
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
        int bestInit = -1;
        double variance = Double.NaN;
        int step = 0;
        boolean converged = false;
        String stopReason;
        double[] history;
        KMeansIterations.Result result;
        try (Workers workers = control.workers(options.threads())) {
            double tol = 0;
            if (options.tolerance() > 0) {
                variance = ColumnVariance.mean(data, RowBlocks.of(n), workers);
                tol = options.tolerance() * variance;
            }
            // validation sample, then the best of nInit k-means++ runs on fresh samples
            int[] validRows = draw(n, initSize, rnd);
            DenseMatrix validX = data.selectRows(validRows);
            double[] validW = w == null ? null : gatherWeights(w, validRows);
            KMeansIterations validation = new KMeansIterations(validX, validW, k, false, RowBlocks.of(initSize),
                    workers);
            centres = null;
            double bestInertia = Double.POSITIVE_INFINITY;
            for (int r = 0; r < options.nInit(); r++) {
                int[] initRows = draw(n, initSize, rnd);
                DenseMatrix initX = data.selectRows(initRows);
                double[] initW = w == null ? null : gatherWeights(w, initRows);
                int[] seeds = KMeansSeeding.kMeansPlusPlus(initX, initW, k, trials, rnd, RowBlocks.of(initSize),
                        workers);
                double[] candidate = new double[k * d];
                for (int j = 0; j < k; j++) {
                    initX.copyRow(seeds[j], candidate, j * d);
                }
                double inertia = validation.assignOnly(candidate).inertia;
                initInertias[r] = inertia;
                LOG.debug("mini-batch k-means initialisation {}: validation inertia {}", r + 1, inertia);
                if (inertia < bestInertia) {
                    bestInertia = inertia;
                    centres = candidate;
                    bestInit = r;
                }
                control.step("mini-batch initialisations", r + 1, options.nInit(), inertia);
            }

            MiniBatchStep kernel = new MiniBatchStep(data, w, k);
            double[] next = new double[k * d];
            double[] weightSums = new double[k];
            long stepsLong = (long) options.maxIterations() * n / batchSize;
            int steps = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1, stepsLong));
            stopReason = "step limit " + steps;
            int[] batch = new int[batchSize];
            history = new double[Math.min(steps, 1 << 20)];
            double ewa = Double.NaN;
            double ewaMin = Double.NaN;
            int noImprovement = 0;
            long sinceReassign = 0;
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
                control.step("mini-batch steps", step, steps, step > 1 ? ewa : batchInertia);
                if (step > 1) {
                    LOG.debug("mini-batch k-means step {}/{}: batch inertia {}, smoothed {}", step, steps,
                            batchInertia, ewa);
                    if (tol > 0 && shift <= tol) {
                        converged = true;
                        stopReason = "centre shift below tolerance";
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
                        stopReason = "no improvement of the smoothed batch inertia for " + options.maxNoImprovement()
                                + " steps";
                        break;
                    }
                }
            }
            KMeansIterations full = new KMeansIterations(data, w, k, false, RowBlocks.of(n), workers);
            result = full.assignOnly(centres);
        }
        FitSummary.Builder b = FitSummary.builder("minibatch-kmeans")
                .options(options)
                .choice(String.format(Locale.ROOT, "initialisation %d of %d kept: the lowest validation inertia %.6g "
                        + "on %d sampled points", bestInit + 1, options.nInit(), initInertias[bestInit], initSize))
                .choice("batches of " + batchSize + " points" + (Double.isNaN(variance) ? ""
                        : String.format(Locale.ROOT, "; centre-shift tolerance %.3g x mean column variance %.6g",
                        options.tolerance(), variance)))
                .iterations(step)
                .objective("smoothed batch inertia per point", Arrays.copyOf(history, Math.min(step, history.length)))
                .converged(converged, stopReason)
                .data(x.fingerprint());
        KMeans.checkCentres(b, result.centres, result.labels, result.inertia, k);
        FitSummary summary = b.secondsSince(t0).build();
        KMeansModel model = new KMeansModel(scaling, x.names().toArray(String[]::new), result.centres, k,
                result.labels, result.inertia, initInertias, summary);
        LOG.info("mini-batch k-means of {} points x {} dimensions, k={}: inertia {}, {} steps of {} points ({}), {} s",
                n, d, k, model.inertia(), step, batchSize, converged ? "stopped early" : "step limit",
                summary.seconds());
        summary.logVerdict(MiniBatchKMeans.class);
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

    private static double[] gatherWeights(double[] w, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = w[rows[i]];
        }
        return out;
    }
}
