package dev.retention.recsys.itemknn;

import java.util.Locale;
import java.util.Objects;

/**
 * Options of {@link ItemKnn#fit}. The defaults are those of {@code implicit}'s item-item recommenders
 * ({@code CosineRecommender(K=20)}, {@code BM25Recommender(K=20, K1=1.2, B=0.75)}; its function
 * {@code bm25_weight} alone defaults to {@code K1=100, B=0.8}).
 *
 * @param weighting  how the user x item matrix is weighted before its Gram product; default
 *                   {@link Weighting#COSINE}
 * @param neighbours K: the largest similarities kept per item (the item itself included, as {@code implicit}
 *                   keeps it), {@code >= 1}; default 20
 * @param k1         BM25's term-frequency saturation, {@code >= 0}; default 1.2
 * @param b          BM25's length normalisation, in [0, 1]; default 0.75
 * @param threads    threads of the Gram product, {@code >= 1}; the model does not depend on it; default 1
 */
public record ItemKnnOptions(Weighting weighting, int neighbours, double k1, double b, int threads) {

    /** How the interactions are weighted before the item-item co-occurrence is taken. */
    public enum Weighting {
        /** Each item's column scaled to unit L2 norm: the co-occurrence is the cosine. */
        COSINE,
        /** Okapi BM25 with items as documents and users as terms ({@code implicit}'s {@code bm25_weight}). */
        BM25,
        /** {@code sqrt(value) idf(user)}, then each item's column scaled to unit norm ({@code tfidf_weight}). */
        TFIDF;

        /**
         * {@return the weighting named {@code s}: cosine, bm25 or tfidf, ignoring case}
         *
         * @param s the name
         * @throws IllegalArgumentException for another name
         */
        public static Weighting parse(String s) {
            Objects.requireNonNull(s, "s");
            for (Weighting w : values()) {
                if (w.name().equalsIgnoreCase(s)) {
                    return w;
                }
            }
            throw new IllegalArgumentException("weighting must be cosine, bm25 or tfidf, got '" + s + "'");
        }

        /** {@return the lower-case name} */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Validates the options.
     *
     * @param weighting  how the matrix is weighted; default cosine
     * @param neighbours the similarities kept per item, {@code >= 1}; default 20
     * @param k1         BM25's saturation, finite and {@code >= 0}; default 1.2
     * @param b          BM25's length normalisation, in [0, 1]; default 0.75
     * @param threads    threads, {@code >= 1}; default 1
     */
    public ItemKnnOptions {
        Objects.requireNonNull(weighting, "weighting");
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be >= 1, got " + neighbours);
        }
        if (!(k1 >= 0) || Double.isInfinite(k1)) {
            throw new IllegalArgumentException("k1 must be finite and >= 0, got " + k1);
        }
        if (!(b >= 0 && b <= 1)) {
            throw new IllegalArgumentException("b must be in [0, 1], got " + b);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** {@return the defaults: cosine, 20 neighbours, K1 = 1.2, B = 0.75, one thread} */
    public static ItemKnnOptions defaults() {
        return new ItemKnnOptions(Weighting.COSINE, 20, 1.2, 0.75, 1);
    }

    /**
     * {@return a copy with the given weighting}
     *
     * @param weighting how the matrix is weighted
     */
    public ItemKnnOptions withWeighting(Weighting weighting) {
        return new ItemKnnOptions(weighting, neighbours, k1, b, threads);
    }

    /**
     * {@return a copy with the given number of neighbours}
     *
     * @param neighbours the similarities kept per item, {@code >= 1}
     */
    public ItemKnnOptions withNeighbours(int neighbours) {
        return new ItemKnnOptions(weighting, neighbours, k1, b, threads);
    }

    /**
     * {@return a copy with the given BM25 saturation}
     *
     * @param k1 finite, {@code >= 0}
     */
    public ItemKnnOptions withK1(double k1) {
        return new ItemKnnOptions(weighting, neighbours, k1, b, threads);
    }

    /**
     * {@return a copy with the given BM25 length normalisation}
     *
     * @param b in [0, 1]
     */
    public ItemKnnOptions withB(double b) {
        return new ItemKnnOptions(weighting, neighbours, k1, b, threads);
    }

    /**
     * {@return a copy with the given number of threads}
     *
     * @param threads {@code >= 1}
     */
    public ItemKnnOptions withThreads(int threads) {
        return new ItemKnnOptions(weighting, neighbours, k1, b, threads);
    }
}
