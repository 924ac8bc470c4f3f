package dev.retention.recsys.sparse;

import dev.retention.recsys.internal.Limits;

/**
 * Options of {@link TruncatedSvd#compute(CsrMatrix, SvdOptions)}.
 *
 * @param rank            number of singular triplets {@code k}, {@code >= 1}; default 10
 * @param oversampling    extra random directions {@code p}, {@code >= 0}; the sketch has
 *                        {@code k + p} columns; default 10 (Halko et al. 2011, section 4.2)
 * @param powerIterations subspace iterations {@code q}, in {@code [0, 1,000,000]}; each costs two passes over the
 *                        matrix and sharpens the decay of the spectrum; default 4 (as scikit-learn's
 *                        {@code randomized_svd})
 * @param seed            seed of the Gaussian test matrix; the same seed gives the same result
 * @param threads         threads of the sparse products, {@code >= 1}; the result does not depend on it
 */
public record SvdOptions(int rank, int oversampling, int powerIterations, long seed, int threads) {

    /**
     * Validates the options.
     *
     * @param rank            number of singular triplets {@code k}, {@code >= 1}; default 10
     * @param oversampling    extra random directions {@code p}, {@code >= 0}; the sketch has {@code k + p} columns;
     *                        default 10 (Halko et al. 2011, section 4.2)
     * @param powerIterations subspace iterations {@code q}, in {@code [0, 1,000,000]}; each costs two passes over the matrix and
     *                        sharpens the decay of the spectrum; default 4 (as scikit-learn's {@code randomized_svd})
     * @param seed            seed of the Gaussian test matrix; the same seed gives the same result
     * @param threads         threads of the sparse products, {@code >= 1}; the result does not depend on it
     */
    public SvdOptions {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1, got " + rank);
        }
        if (oversampling < 0) {
            throw new IllegalArgumentException("oversampling must be >= 0, got " + oversampling);
        }
        Limits.requireEpochs("powerIterations", powerIterations, 0);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** {@return the defaults: rank 10, oversampling 10, 4 power iterations, seed 0, one thread} */
    public static SvdOptions defaults() {
        return new SvdOptions(10, 10, 4, 0, 1);
    }

    /**
     * {@return a copy with the given rank}
     *
     * @param rank number of singular triplets {@code k}, {@code >= 1}; default 10
     */
    public SvdOptions withRank(int rank) {
        return new SvdOptions(rank, oversampling, powerIterations, seed, threads);
    }

    /**
     * {@return a copy with the given oversampling}
     *
     * @param oversampling extra random directions {@code p}, {@code >= 0}; the sketch has {@code k + p} columns;
     *                     default 10 (Halko et al. 2011, section 4.2)
     */
    public SvdOptions withOversampling(int oversampling) {
        return new SvdOptions(rank, oversampling, powerIterations, seed, threads);
    }

    /**
     * {@return a copy with the given number of power iterations}
     *
     * @param powerIterations subspace iterations {@code q}, in {@code [0, 1,000,000]}; each costs two passes over the matrix and
     *                        sharpens the decay of the spectrum; default 4 (as scikit-learn's {@code randomized_svd})
     */
    public SvdOptions withPowerIterations(int powerIterations) {
        return new SvdOptions(rank, oversampling, powerIterations, seed, threads);
    }

    /**
     * {@return a copy with the given seed}
     *
     * @param seed seed of the Gaussian test matrix; the same seed gives the same result
     */
    public SvdOptions withSeed(long seed) {
        return new SvdOptions(rank, oversampling, powerIterations, seed, threads);
    }

    /**
     * {@return a copy with the given number of threads}
     *
     * @param threads threads of the sparse products, {@code >= 1}; the result does not depend on it
     */
    public SvdOptions withThreads(int threads) {
        return new SvdOptions(rank, oversampling, powerIterations, seed, threads);
    }
}
