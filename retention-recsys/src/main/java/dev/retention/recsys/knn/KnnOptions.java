package dev.retention.recsys.knn;

import dev.retention.recsys.baseline.BaselineOptions;
import dev.retention.recsys.similarity.SimilarityMeasure;
import dev.retention.recsys.similarity.SimilarityOptions;

import java.util.Locale;
import java.util.Objects;

/**
 * Options of {@link Knn#fit}, with Surprise's defaults. The number of threads is the similarity's
 * ({@link #threads()}, {@link #withThreads}); it does not change the model.
 *
 * @param variant    which estimator; default {@link KnnVariant#WITH_MEANS}
 * @param userBased  user-user ({@code true}, the default) or item-item similarity
 * @param k          largest number of neighbours, {@code >= 1}; default 40
 * @param minK       fewest neighbours for the neighbourhood term, {@code >= 1}; default 1
 * @param similarity measure (default MSD), minimum support (1), shrinkage (100), representation, threads (1)
 * @param baseline   how baselines are estimated for {@link KnnVariant#BASELINE} and for the
 *                   {@code pearson_baseline} similarity; default ALS
 */
public record KnnOptions(KnnVariant variant, boolean userBased, int k, int minK, SimilarityOptions similarity,
                         BaselineOptions baseline) {

    /**
     * Validates the options.
     *
     * @param variant    which estimator; default {@link KnnVariant#WITH_MEANS}
     * @param userBased  user-user ({@code true}, the default) or item-item similarity
     * @param k          largest number of neighbours, {@code >= 1}; default 40
     * @param minK       fewest neighbours for the neighbourhood term, {@code >= 1}; default 1
     * @param similarity measure (default MSD), minimum support (1), shrinkage (100), representation, threads (1)
     * @param baseline   how baselines are estimated for {@link KnnVariant#BASELINE} and for the {@code
     *                   pearson_baseline} similarity; default ALS
     */
    public KnnOptions {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(similarity, "similarity");
        Objects.requireNonNull(baseline, "baseline");
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (minK < 1) {
            throw new IllegalArgumentException("minK must be >= 1, got " + minK);
        }
    }

    /** {@return the defaults: KNNWithMeans, user-based, k 40, min_k 1, MSD, ALS baselines} */
    public static KnnOptions defaults() {
        return new KnnOptions(KnnVariant.WITH_MEANS, true, 40, 1, SimilarityOptions.defaults(),
                BaselineOptions.defaults());
    }

    /**
     * {@return a copy with the given variant}
     *
     * @param variant which estimator; default {@link KnnVariant#WITH_MEANS}
     */
    public KnnOptions withVariant(KnnVariant variant) {
        return new KnnOptions(variant, userBased, k, minK, similarity, baseline);
    }

    /**
     * {@return a copy that is user-based ({@code true}) or item-based}
     *
     * @param userBased user-user ({@code true}, the default) or item-item similarity
     */
    public KnnOptions withUserBased(boolean userBased) {
        return new KnnOptions(variant, userBased, k, minK, similarity, baseline);
    }

    /**
     * {@return a copy with the given {@code k}}
     *
     * @param k largest number of neighbours, {@code >= 1}; default 40
     */
    public KnnOptions withK(int k) {
        return new KnnOptions(variant, userBased, k, minK, similarity, baseline);
    }

    /**
     * {@return a copy with the given {@code min_k}}
     *
     * @param minK fewest neighbours for the neighbourhood term, {@code >= 1}; default 1
     */
    public KnnOptions withMinK(int minK) {
        return new KnnOptions(variant, userBased, k, minK, similarity, baseline);
    }

    /**
     * {@return a copy with the given similarity options}
     *
     * @param similarity measure (default MSD), minimum support (1), shrinkage (100), representation, threads (1)
     */
    public KnnOptions withSimilarity(SimilarityOptions similarity) {
        return new KnnOptions(variant, userBased, k, minK, similarity, baseline);
    }

    /**
     * {@return a copy with the given similarity measure}
     *
     * @param measure the similarity measure
     */
    public KnnOptions withMeasure(SimilarityMeasure measure) {
        return withSimilarity(similarity.withMeasure(measure));
    }

    /**
     * {@return a copy with the given baseline options}
     *
     * @param baseline how baselines are estimated for {@link KnnVariant#BASELINE} and for the {@code pearson_baseline}
     *                 similarity; default ALS
     */
    public KnnOptions withBaseline(BaselineOptions baseline) {
        return new KnnOptions(variant, userBased, k, minK, similarity, baseline);
    }

    /**
     * {@return a copy whose similarities are computed on the given number of threads, {@code >= 1}}
     *
     * @param threads threads of the similarity computation, &gt;= 1
     */
    public KnnOptions withThreads(int threads) {
        return withSimilarity(similarity.withThreads(threads));
    }

    /** {@return the number of threads of the fit: those of the similarity computation} */
    public int threads() {
        return similarity.threads();
    }

    /**
     * {@return whether the fit estimates baselines: for {@link KnnVariant#BASELINE} and the {@code pearson_baseline}
     * similarity}
     */
    public boolean usesBaselines() {
        return variant == KnnVariant.BASELINE || similarity.measure() == SimilarityMeasure.PEARSON_BASELINE;
    }

    /** The options as readable text, such as {@code "KNNWithMeans, user-based, k 40, min_k 1, msd similarity, ..."}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s, %s-based, k %d, min_k %d, %s similarity, "
                + "min support %d", variant.surpriseName(), userBased ? "user" : "item", k, minK,
                similarity.measure().label(), similarity.minSupport()));
        if (similarity.measure() == SimilarityMeasure.PEARSON_BASELINE) {
            sb.append(", shrinkage ").append(similarity.shrinkage());
        }
        sb.append(String.format(Locale.ROOT, ", representation %s (top %d neighbours, full up to %,d bytes), "
                + "%d thread%s", similarity.representation(), similarity.neighbours(), similarity.maxDenseBytes(),
                similarity.threads(), similarity.threads() == 1 ? "" : "s"));
        if (usesBaselines()) {
            sb.append(", baselines ").append(baseline);
        }
        return sb.toString();
    }
}
