package dev.retention.cluster.kmeans;

/**
 * Options of {@link MiniBatchKMeans#fit}. Defaults follow scikit-learn 1.2's {@code MiniBatchKMeans}.
 *
 * @param k                 number of clusters, at least 1 (and at most n, checked when fitting)
 * @param batchSize         points per mini-batch, at least 1 (default 1024; at most n is used)
 * @param maxIter           passes over the data: the number of steps is {@code maxIter * n / batchSize}; at
 *                          least 1
 * @param maxNoImprovement  stop after this many consecutive steps without a new minimum of the smoothed
 *                          batch inertia; 0 disables this rule (default 10)
 * @param tol               stop when the summed squared centre shift of a step is at most {@code tol} times
 *                          the mean column variance; 0 (the default) disables this rule
 * @param initSize          points drawn for each k-means++ initialisation and for choosing among them; 0
 *                          means {@code 3 * batchSize} (at least {@code 3 * k}, at most n)
 * @param nInit             initialisations tried, the best on a validation sample is kept; at least 1
 *                          (default 3)
 * @param reassignmentRatio centres whose accumulated weight falls below this fraction of the largest are
 *                          moved to random batch points (periodically, and whenever a centre has no
 *                          weight); 0 disables; in [0, 1) (default 0.01)
 * @param seed              seed of every random choice; the same seed gives the same model for any
 *                          parallelism
 * @param parallelism       threads for the initialisation and the final labelling, at least 1
 */
public record MiniBatchKMeansOptions(int k, int batchSize, int maxIter, int maxNoImprovement, double tol,
                                     int initSize, int nInit, double reassignmentRatio, long seed, int parallelism) {

    /** Validates every field. */
    public MiniBatchKMeansOptions {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("maxIter must be at least 1, got " + maxIter);
        }
        if (maxNoImprovement < 0) {
            throw new IllegalArgumentException("maxNoImprovement must be >= 0 (0 disables it), got " + maxNoImprovement);
        }
        if (!(tol >= 0) || !Double.isFinite(tol)) {
            throw new IllegalArgumentException("tol must be finite and >= 0, got " + tol);
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
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
    }

    /**
     * 8 clusters, batches of 1024, 100 passes, 10 steps without improvement, tol 0, 3 initialisations,
     * reassignment ratio 0.01, seed 0, all processors.
     */
    public static MiniBatchKMeansOptions defaults() {
        return new MiniBatchKMeansOptions(8, 1024, 100, 10, 0.0, 0, 3, 0.01, 0L,
                Runtime.getRuntime().availableProcessors());
    }

    /** A copy with {@code k} clusters. */
    public MiniBatchKMeansOptions withK(int k) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIter, maxNoImprovement, tol, initSize, nInit,
                reassignmentRatio, seed, parallelism);
    }

    /** A copy with batches of {@code batchSize} points. */
    public MiniBatchKMeansOptions withBatchSize(int batchSize) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIter, maxNoImprovement, tol, initSize, nInit,
                reassignmentRatio, seed, parallelism);
    }

    /** A copy with at most {@code maxIter} passes. */
    public MiniBatchKMeansOptions withMaxIter(int maxIter) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIter, maxNoImprovement, tol, initSize, nInit,
                reassignmentRatio, seed, parallelism);
    }

    /** A copy with another no-improvement limit (0 disables). */
    public MiniBatchKMeansOptions withMaxNoImprovement(int maxNoImprovement) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIter, maxNoImprovement, tol, initSize, nInit,
                reassignmentRatio, seed, parallelism);
    }

    /** A copy with relative tolerance {@code tol} (0 disables). */
    public MiniBatchKMeansOptions withTol(double tol) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIter, maxNoImprovement, tol, initSize, nInit,
                reassignmentRatio, seed, parallelism);
    }

    /** A copy with {@code initSize} points per initialisation (0: automatic). */
    public MiniBatchKMeansOptions withInitSize(int initSize) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIter, maxNoImprovement, tol, initSize, nInit,
                reassignmentRatio, seed, parallelism);
    }

    /** A copy trying {@code nInit} initialisations. */
    public MiniBatchKMeansOptions withNInit(int nInit) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIter, maxNoImprovement, tol, initSize, nInit,
                reassignmentRatio, seed, parallelism);
    }

    /** A copy with another reassignment ratio (0 disables). */
    public MiniBatchKMeansOptions withReassignmentRatio(double reassignmentRatio) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIter, maxNoImprovement, tol, initSize, nInit,
                reassignmentRatio, seed, parallelism);
    }

    /** A copy with another seed. */
    public MiniBatchKMeansOptions withSeed(long seed) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIter, maxNoImprovement, tol, initSize, nInit,
                reassignmentRatio, seed, parallelism);
    }

    /** A copy using {@code parallelism} threads. */
    public MiniBatchKMeansOptions withParallelism(int parallelism) {
        return new MiniBatchKMeansOptions(k, batchSize, maxIter, maxNoImprovement, tol, initSize, nInit,
                reassignmentRatio, seed, parallelism);
    }
}
