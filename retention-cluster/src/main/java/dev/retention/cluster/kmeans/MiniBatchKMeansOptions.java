package dev.retention.cluster.kmeans;

import dev.retention.matrix.FeatureScaling;

import java.util.Objects;

/**
 * Options of {@link MiniBatchKMeans#fit}. Defaults follow scikit-learn 1.2's {@code MiniBatchKMeans} except the
 * number of clusters, {@link KMeansOptions#DEFAULT_K} (4, not 8: a handful of customer segments, as k-means and the
 * command line); one thread and no scaling.
 *
 * @param k                 number of clusters, at least 1 (and at most n, checked when fitting)
 * @param batchSize         points per mini-batch, at least 1 (default 1024; at most n is used)
 * @param maxIterations     passes over the data: the number of steps is {@code maxIterations * n / batchSize};
 *                          at least 1 (scikit-learn's {@code max_iter})
 * @param maxNoImprovement  stop after this many consecutive steps without a new minimum of the smoothed
 *                          batch inertia; 0 disables this rule (default 10)
 * @param tolerance         stop when the summed squared centre shift of a step is at most {@code tolerance}
 *                          times the mean column variance (of the scaled features); 0 (the default) disables
 *                          this rule
 * @param initSize          points drawn for each k-means++ initialisation and for choosing among them; 0
 *                          means {@code 3 * batchSize} (at least {@code 3 * k}, at most n)
 * @param nInit             initialisations tried, the best on a validation sample is kept; at least 1
 *                          (default 3)
 * @param reassignmentRatio centres whose accumulated weight falls below this fraction of the largest are
 *                          moved to random batch points (periodically, and whenever a centre has no
 *                          weight); 0 disables; in [0, 1) (default 0.01)
 * @param seed              seed of every random choice (one sequential stream: the steps depend on each other)
 * @param threads           threads for the initialisation and the final labelling, at least 1 (default 1); the
 *                          model is the same for every value
 * @param scaling           the per-column transform fitted on the raw features before clustering and kept by
 *                          the model ({@code NONE} by default; {@code LOG1P_ZSCORE} for RFM)
 */
public record MiniBatchKMeansOptions(int k, int batchSize, int maxIterations, int maxNoImprovement, double tolerance,
                                     int initSize, int nInit, double reassignmentRatio, long seed, int threads,
                                     FeatureScaling.Kind scaling) {

    /** The default batch size, 1024, as scikit-learn's. */
    public static final int DEFAULT_BATCH_SIZE = 1024;

    /**
     * Validates every field.
     *
     * @param k                 number of clusters, at least 1 (and at most n, checked when fitting)
     * @param batchSize         points per mini-batch, at least 1 (default 1024; at most n is used)
     * @param maxIterations     passes over the data: the number of steps is {@code maxIterations * n / batchSize}; at
     *                          least 1 (scikit-learn's {@code max_iter})
     * @param maxNoImprovement  stop after this many consecutive steps without a new minimum of the smoothed batch
     *                          inertia; 0 disables this rule (default 10)
     * @param tolerance         stop when the summed squared centre shift of a step is at most {@code tolerance} times
     *                          the mean column variance (of the scaled features); 0 (the default) disables this rule
     * @param initSize          points drawn for each k-means++ initialisation and for choosing among them; 0 means
     *                          {@code 3 * batchSize} (at least {@code 3 * k}, at most n)
     * @param nInit             initialisations tried, the best on a validation sample is kept; at least 1 (default 3)
     * @param reassignmentRatio centres whose accumulated weight falls below this fraction of the largest are moved to
     *                          random batch points (periodically, and whenever a centre has no weight); 0 disables; in
     *                          [0, 1) (default 0.01)
     * @param seed              seed of every random choice (one sequential stream: the steps depend on each other)
     * @param threads           threads for the initialisation and the final labelling, at least 1 (default 1); the
     *                          model is the same for every value
     * @param scaling           the per-column transform fitted on the raw features before clustering and kept by the
     *                          model ({@code NONE} by default; {@code LOG1P_ZSCORE} for RFM)
     * @throws IllegalArgumentException naming the field, its value and what was expected
     */
    public MiniBatchKMeansOptions {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        if (maxNoImprovement < 0) {
            throw new IllegalArgumentException("maxNoImprovement must be >= 0 (0 disables it), got "
                    + maxNoImprovement);
        }
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0, got " + tolerance);
        }
        if (initSize < 0) {
            throw new IllegalArgumentException("initSize must be >= 0 (0 for 3 * batchSize), got " + initSize);
        }
        if (nInit < 1) {
            throw new IllegalArgumentException("nInit must be at least 1, got " + nInit);
        }
        if (!(reassignmentRatio >= 0 && reassignmentRatio < 1)) {
            throw new IllegalArgumentException("reassignmentRatio must be in [0, 1), got " + reassignmentRatio);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * {@return 4 clusters, batches of 1024, 100 passes, 10 steps without improvement, tolerance 0, 3 initialisations,
     * reassignment ratio 0.01, seed 0, 1 thread, no scaling}
     */
    public static MiniBatchKMeansOptions defaults() {
        return new MiniBatchKMeansOptions(KMeansOptions.DEFAULT_K, DEFAULT_BATCH_SIZE, 100, 10, 0.0, 0, 3, 0.01, 0L, 1,
                FeatureScaling.Kind.NONE);
    }

    /**
     * {@return a copy with {@code k} clusters}
     *
     * @param k number of clusters, at least 1 (and at most n, checked when fitting)
     */
    public MiniBatchKMeansOptions withK(int k) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIterations, maxNoImprovement, tolerance, initSize, nInit,
                reassignmentRatio, seed, threads, scaling);
    }

    /**
     * {@return a copy with batches of {@code batchSize} points}
     *
     * @param batchSize points per mini-batch, at least 1 (default 1024; at most n is used)
     */
    public MiniBatchKMeansOptions withBatchSize(int batchSize) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIterations, maxNoImprovement, tolerance, initSize, nInit,
                reassignmentRatio, seed, threads, scaling);
    }

    /**
     * {@return a copy with at most {@code maxIterations} passes}
     *
     * @param maxIterations passes over the data: the number of steps is {@code maxIterations * n / batchSize}; at least
     *                      1 (scikit-learn's {@code max_iter})
     */
    public MiniBatchKMeansOptions withMaxIterations(int maxIterations) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIterations, maxNoImprovement, tolerance, initSize, nInit,
                reassignmentRatio, seed, threads, scaling);
    }

    /**
     * {@return a copy with another no-improvement limit (0 disables)}
     *
     * @param maxNoImprovement stop after this many consecutive steps without a new minimum of the smoothed batch
     *                         inertia; 0 disables this rule (default 10)
     */
    public MiniBatchKMeansOptions withMaxNoImprovement(int maxNoImprovement) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIterations, maxNoImprovement, tolerance, initSize, nInit,
                reassignmentRatio, seed, threads, scaling);
    }

    /**
     * {@return a copy with relative tolerance {@code tolerance} (0 disables)}
     *
     * @param tolerance stop when the summed squared centre shift of a step is at most {@code tolerance} times the mean
     *                  column variance (of the scaled features); 0 (the default) disables this rule
     */
    public MiniBatchKMeansOptions withTolerance(double tolerance) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIterations, maxNoImprovement, tolerance, initSize, nInit,
                reassignmentRatio, seed, threads, scaling);
    }

    /**
     * {@return a copy with {@code initSize} points per initialisation (0: automatic)}
     *
     * @param initSize points drawn for each k-means++ initialisation and for choosing among them; 0 means {@code 3 *
     *                 batchSize} (at least {@code 3 * k}, at most n)
     */
    public MiniBatchKMeansOptions withInitSize(int initSize) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIterations, maxNoImprovement, tolerance, initSize, nInit,
                reassignmentRatio, seed, threads, scaling);
    }

    /**
     * {@return a copy trying {@code nInit} initialisations}
     *
     * @param nInit initialisations tried, the best on a validation sample is kept; at least 1 (default 3)
     */
    public MiniBatchKMeansOptions withNInit(int nInit) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIterations, maxNoImprovement, tolerance, initSize, nInit,
                reassignmentRatio, seed, threads, scaling);
    }

    /**
     * {@return a copy with another reassignment ratio (0 disables)}
     *
     * @param reassignmentRatio centres whose accumulated weight falls below this fraction of the largest are moved to
     *                          random batch points (periodically, and whenever a centre has no weight); 0 disables; in
     *                          [0, 1) (default 0.01)
     */
    public MiniBatchKMeansOptions withReassignmentRatio(double reassignmentRatio) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIterations, maxNoImprovement, tolerance, initSize, nInit,
                reassignmentRatio, seed, threads, scaling);
    }

    /**
     * {@return a copy with another seed}
     *
     * @param seed seed of every random choice (one sequential stream: the steps depend on each other)
     */
    public MiniBatchKMeansOptions withSeed(long seed) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIterations, maxNoImprovement, tolerance, initSize, nInit,
                reassignmentRatio, seed, threads, scaling);
    }

    /**
     * {@return a copy using {@code threads} threads}
     *
     * @param threads threads for the initialisation and the final labelling, at least 1 (default 1); the model is the
     *                same for every value
     */
    public MiniBatchKMeansOptions withThreads(int threads) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIterations, maxNoImprovement, tolerance, initSize, nInit,
                reassignmentRatio, seed, threads, scaling);
    }

    /**
     * {@return a copy with another feature scaling}
     *
     * @param scaling the per-column transform fitted on the raw features before clustering and kept by the model
     *                ({@code NONE} by default; {@code LOG1P_ZSCORE} for RFM)
     */
    public MiniBatchKMeansOptions withScaling(FeatureScaling.Kind scaling) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIterations, maxNoImprovement, tolerance, initSize, nInit,
                reassignmentRatio, seed, threads, scaling);
    }
}
