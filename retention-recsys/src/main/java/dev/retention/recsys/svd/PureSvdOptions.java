package dev.retention.recsys.svd;

/**
 * Options of {@link PureSvd#fit}.
 *
 * @param factors         number of latent factors {@code f}, {@code >= 1}; default 50 (Cremonesi et al.
 *                        report 50 on MovieLens and 150 on Netflix)
 * @param oversampling    extra directions of the randomized SVD, {@code >= 0}; default 10
 * @param powerIterations subspace iterations of the randomized SVD, {@code >= 0}; default 4
 * @param seed            seed of the randomized SVD
 * @param parallelism     threads of the sparse products, {@code >= 1}; the model does not depend on it
 */
public record PureSvdOptions(int factors, int oversampling, int powerIterations, long seed, int parallelism) {

    /** Validates the options. */
    public PureSvdOptions {
        if (factors < 1) {
            throw new IllegalArgumentException("factors must be >= 1, got " + factors);
        }
        if (oversampling < 0) {
            throw new IllegalArgumentException("oversampling must be >= 0, got " + oversampling);
        }
        if (powerIterations < 0) {
            throw new IllegalArgumentException("powerIterations must be >= 0, got " + powerIterations);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
    }

    /** 50 factors, oversampling 10, 4 power iterations, seed 0, one thread. */
    public static PureSvdOptions defaults() {
        return new PureSvdOptions(50, 10, 4, 0, 1);
    }

    /** A copy with the given number of factors. */
    public PureSvdOptions withFactors(int factors) {
        return new PureSvdOptions(factors, oversampling, powerIterations, seed, parallelism);
    }

    /** A copy with the given seed. */
    public PureSvdOptions withSeed(long seed) {
        return new PureSvdOptions(factors, oversampling, powerIterations, seed, parallelism);
    }

    /** A copy with the given number of threads. */
    public PureSvdOptions withParallelism(int parallelism) {
        return new PureSvdOptions(factors, oversampling, powerIterations, seed, parallelism);
    }
}
