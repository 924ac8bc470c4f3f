package dev.retention.cluster.dbscan;

import dev.retention.matrix.FeatureScaling;

import java.util.Objects;

/**
 * Options of {@link Dbscan#fit}. Defaults: scikit-learn's {@code eps = 0.5}, and {@code min_samples = 10}, not
 * scikit-learn's 5: on thousands of customers a core point of 5 neighbours chains segments together through sparse
 * bridges, and the command line's {@code --min-samples} default is this one; one thread and no scaling. Code that
 * reproduces scikit-learn passes {@code minSamples}.
 *
 * @param eps        neighbourhood radius (Euclidean, in the scaled space), finite and &gt; 0; points at distance
 *                   exactly {@code eps} are neighbours
 * @param minSamples a point is a core point when at least this many points, itself included, lie within
 *                   {@code eps}; at least 1
 * @param threads    threads used for the core-point search, at least 1 (default 1); the model is the same for
 *                   every value
 * @param scaling    the per-column transform fitted on the raw features before clustering and kept by the model
 *                   ({@code NONE} by default; {@code LOG1P_ZSCORE} for RFM)
 */
public record DbscanOptions(double eps, int minSamples, int threads, FeatureScaling.Kind scaling) {

    /**
     * Validates every field.
     *
     * @param eps        neighbourhood radius (Euclidean, in the scaled space), finite and &gt; 0; points at distance
     *                   exactly {@code eps} are neighbours
     * @param minSamples a point is a core point when at least this many points, itself included, lie within {@code
     *                   eps}; at least 1
     * @param threads    threads used for the core-point search, at least 1 (default 1); the model is the same for every
     *                   value
     * @param scaling    the per-column transform fitted on the raw features before clustering and kept by the model
     *                   ({@code NONE} by default; {@code LOG1P_ZSCORE} for RFM)
     * @throws IllegalArgumentException naming the field, its value and what was expected
     */
    public DbscanOptions {
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("eps must be finite and > 0, got " + eps);
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("minSamples must be at least 1, got " + minSamples);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Objects.requireNonNull(scaling, "scaling");
    }

    /** The default radius, 0.5, as scikit-learn's. */
    public static final double DEFAULT_EPS = 0.5;
    /** The default points within eps that make a core point, 10 (scikit-learn: 5). */
    public static final int DEFAULT_MIN_SAMPLES = 10;

    /** {@return the defaults: eps 0.5, minSamples 10, 1 thread, no scaling} */
    public static DbscanOptions defaults() {
        return new DbscanOptions(DEFAULT_EPS, DEFAULT_MIN_SAMPLES, 1, FeatureScaling.Kind.NONE);
    }

    /**
     * {@return a copy with radius {@code eps}}
     *
     * @param eps neighbourhood radius (Euclidean, in the scaled space), finite and &gt; 0; points at distance exactly
     *            {@code eps} are neighbours
     */
    public DbscanOptions withEps(double eps) {
        return new DbscanOptions(eps, minSamples, threads, scaling);
    }

    /**
     * {@return a copy with {@code minSamples}}
     *
     * @param minSamples a point is a core point when at least this many points, itself included, lie within {@code
     *                   eps}; at least 1
     */
    public DbscanOptions withMinSamples(int minSamples) {
        return new DbscanOptions(eps, minSamples, threads, scaling);
    }

    /**
     * {@return a copy using {@code threads} threads}
     *
     * @param threads threads used for the core-point search, at least 1 (default 1); the model is the same for every
     *                value
     */
    public DbscanOptions withThreads(int threads) {
        return new DbscanOptions(eps, minSamples, threads, scaling);
    }

    /**
     * {@return a copy with another feature scaling}
     *
     * @param scaling the per-column transform fitted on the raw features before clustering and kept by the model
     *                ({@code NONE} by default; {@code LOG1P_ZSCORE} for RFM)
     */
    public DbscanOptions withScaling(FeatureScaling.Kind scaling) {
        return new DbscanOptions(eps, minSamples, threads, scaling);
    }
}
