package dev.retention.recsys.similarity;

import java.util.Objects;

/**
 * Options of {@link Similarities#compute}.
 *
 * @param measure        the measure; default {@link SimilarityMeasure#MSD} (Surprise's default)
 * @param minSupport     a pair needs at least this many co-rated entries, else its similarity is 0
 *                       (and it is left out of a neighbour index); {@code >= 1}, default 1 (Surprise)
 * @param shrinkage      shrinkage of {@link SimilarityMeasure#PEARSON_BASELINE}, {@code >= 0}; default 100
 * @param representation full matrix, top-k neighbour index, or automatic; default automatic
 * @param neighbours     neighbours kept per row by the top-k index, {@code >= 1}; default 100
 * @param maxDenseBytes  largest full matrix the automatic choice allows, in bytes ({@code 4 n^2});
 *                       default 256 MiB (a full matrix up to 8,192 rows)
 * @param threads        threads, {@code >= 1}; the result does not depend on it; default 1
 */
public record SimilarityOptions(SimilarityMeasure measure, int minSupport, double shrinkage,
                                Representation representation, int neighbours, long maxDenseBytes,
                                int threads) {

    /** How the similarities are held. */
    public enum Representation {
        /** A full matrix when it fits {@code maxDenseBytes}, otherwise a top-k neighbour index. */
        AUTO,
        /** Always the full {@code n x n} matrix (up to 46,340 rows). */
        FULL,
        /** Always a top-k neighbour index. */
        TOP_K
    }

    /**
     * Validates the options.
     *
     * @param measure        the measure; default {@link SimilarityMeasure#MSD} (Surprise's default)
     * @param minSupport     a pair needs at least this many co-rated entries, else its similarity is 0 (and it is left
     *                       out of a neighbour index); {@code >= 1}, default 1 (Surprise)
     * @param shrinkage      shrinkage of {@link SimilarityMeasure#PEARSON_BASELINE}, {@code >= 0}; default 100
     * @param representation full matrix, top-k neighbour index, or automatic; default automatic
     * @param neighbours     neighbours kept per row by the top-k index, {@code >= 1}; default 100
     * @param maxDenseBytes  largest full matrix the automatic choice allows, in bytes ({@code 4 n^2}); default 256 MiB
     *                       (a full matrix up to 8,192 rows)
     * @param threads        threads, {@code >= 1}; the result does not depend on it; default 1
     */
    public SimilarityOptions {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(representation, "representation");
        if (minSupport < 1) {
            throw new IllegalArgumentException("minSupport must be >= 1, got " + minSupport);
        }
        if (!(shrinkage >= 0) || Double.isInfinite(shrinkage)) {
            throw new IllegalArgumentException("shrinkage must be finite and >= 0, got " + shrinkage);
        }
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be >= 1, got " + neighbours);
        }
        if (maxDenseBytes < 0) {
            throw new IllegalArgumentException("maxDenseBytes must be >= 0, got " + maxDenseBytes);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /**
     * {@return the defaults: MSD, support 1, shrinkage 100, automatic representation, 100 neighbours, 256 MiB, one
     * thread}
     */
    public static SimilarityOptions defaults() {
        return new SimilarityOptions(SimilarityMeasure.MSD, 1, 100, Representation.AUTO, 100, 256L << 20, 1);
    }

    /**
     * {@return a copy with the given measure}
     *
     * @param measure the measure; default {@link SimilarityMeasure#MSD} (Surprise's default)
     */
    public SimilarityOptions withMeasure(SimilarityMeasure measure) {
        return new SimilarityOptions(measure, minSupport, shrinkage, representation, neighbours, maxDenseBytes,
                threads);
    }

    /**
     * {@return a copy with the given minimum support}
     *
     * @param minSupport a pair needs at least this many co-rated entries, else its similarity is 0 (and it is left out
     *                   of a neighbour index); {@code >= 1}, default 1 (Surprise)
     */
    public SimilarityOptions withMinSupport(int minSupport) {
        return new SimilarityOptions(measure, minSupport, shrinkage, representation, neighbours, maxDenseBytes,
                threads);
    }

    /**
     * {@return a copy with the given shrinkage}
     *
     * @param shrinkage shrinkage of {@link SimilarityMeasure#PEARSON_BASELINE}, {@code >= 0}; default 100
     */
    public SimilarityOptions withShrinkage(double shrinkage) {
        return new SimilarityOptions(measure, minSupport, shrinkage, representation, neighbours, maxDenseBytes,
                threads);
    }

    /**
     * {@return a copy with the given representation}
     *
     * @param representation full matrix, top-k neighbour index, or automatic; default automatic
     */
    public SimilarityOptions withRepresentation(Representation representation) {
        return new SimilarityOptions(measure, minSupport, shrinkage, representation, neighbours, maxDenseBytes,
                threads);
    }

    /**
     * {@return a copy keeping the given number of neighbours in a top-k index}
     *
     * @param neighbours neighbours kept per row by the top-k index, {@code >= 1}; default 100
     */
    public SimilarityOptions withNeighbours(int neighbours) {
        return new SimilarityOptions(measure, minSupport, shrinkage, representation, neighbours, maxDenseBytes,
                threads);
    }

    /**
     * {@return a copy with the given budget for a full matrix}
     *
     * @param maxDenseBytes largest full matrix the automatic choice allows, in bytes ({@code 4 n^2}); default 256 MiB
     *                      (a full matrix up to 8,192 rows)
     */
    public SimilarityOptions withMaxDenseBytes(long maxDenseBytes) {
        return new SimilarityOptions(measure, minSupport, shrinkage, representation, neighbours, maxDenseBytes,
                threads);
    }

    /**
     * {@return a copy with the given number of threads}
     *
     * @param threads threads, {@code >= 1}; the result does not depend on it; default 1
     */
    public SimilarityOptions withThreads(int threads) {
        return new SimilarityOptions(measure, minSupport, shrinkage, representation, neighbours, maxDenseBytes,
                threads);
    }
}
