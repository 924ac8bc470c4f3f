package dev.retention.cluster.dbscan;

/**
 * Options of {@link Dbscan#fit}. Defaults are scikit-learn's {@code DBSCAN}: {@code eps = 0.5},
 * {@code min_samples = 5}.
 *
 * @param eps         neighbourhood radius (Euclidean), finite and &gt; 0; points at distance exactly
 *                    {@code eps} are neighbours
 * @param minSamples  a point is a core point when at least this many points, itself included, lie within
 *                    {@code eps}; at least 1
 * @param parallelism threads used for the core-point search, at least 1; the result does not depend on it
 */
public record DbscanOptions(double eps, int minSamples, int parallelism) {

    /** Validates every field. */
    public DbscanOptions {
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("eps must be finite and > 0, got " + eps);
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("minSamples must be at least 1, got " + minSamples);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
    }

    /** eps 0.5, minSamples 5, all processors. */
    public static DbscanOptions defaults() {
        return new DbscanOptions(0.5, 5, Runtime.getRuntime().availableProcessors());
    }

    /** A copy with radius {@code eps}. */
    public DbscanOptions withEps(double eps) {
        return new DbscanOptions(eps, minSamples, parallelism);
    }

    /** A copy with {@code minSamples}. */
    public DbscanOptions withMinSamples(int minSamples) {
        return new DbscanOptions(eps, minSamples, parallelism);
    }

    /** A copy using {@code parallelism} threads. */
    public DbscanOptions withParallelism(int parallelism) {
        return new DbscanOptions(eps, minSamples, parallelism);
    }
}
