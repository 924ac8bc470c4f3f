package dev.retention.recsys.sparse;

/**
 * Options of {@link TruncatedSvd#compute(CsrMatrix, SvdOptions)}.
 *
 * @param rank            number of singular triplets {@code k}, {@code >= 1}; default 10
 * @param oversampling    extra random directions {@code p}, {@code >= 0}; the sketch has
 *                        {@code k + p} columns; default 10 (Halko et al. 2011, section 4.2)
 * @param powerIterations subspace iterations {@code q}, {@code >= 0}; each costs two passes over the
 *                        matrix and sharpens the decay of the spectrum; default 4 (as scikit-learn's
 *                        {@code randomized_svd})
 * @param seed            seed of the Gaussian test matrix; the same seed gives the same result
 * @param threads         threads of the sparse products, {@code >= 1}; the result does not depend on it
 */
public record SvdOptions(int rank, int oversampling, int powerIterations, long seed, int threads) {

    /** Validates the options. */
    public SvdOptions {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1, got " + rank);
        }
        if (oversampling < 0) {
            throw new IllegalArgumentException("oversampling must be >= 0, got " + oversampling);
        }
        if (powerIterations < 0) {
            throw new IllegalArgumentException("powerIterations must be >= 0, got " + powerIterations);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** Rank 10, oversampling 10, 4 power iterations, seed 0, one thread. */
    public static SvdOptions defaults() {
        return new SvdOptions(10, 10, 4, 0, 1);
    }

    /** A copy with the given rank. */
    public SvdOptions withRank(int rank) {
        return new SvdOptions(rank, oversampling, powerIterations, seed, threads);
    }

    /** A copy with the given oversampling. */
    public SvdOptions withOversampling(int oversampling) {
        return new SvdOptions(rank, oversampling, powerIterations, seed, threads);
    }

    /** A copy with the given number of power iterations. */
    public SvdOptions withPowerIterations(int powerIterations) {
        return new SvdOptions(rank, oversampling, powerIterations, seed, threads);
    }

    /** A copy with the given seed. */
    public SvdOptions withSeed(long seed) {
        return new SvdOptions(rank, oversampling, powerIterations, seed, threads);
    }

    /** A copy with the given number of threads. */
    public SvdOptions withThreads(int threads) {
        return new SvdOptions(rank, oversampling, powerIterations, seed, threads);
    }
}
