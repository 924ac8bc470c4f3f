package dev.retention.recsys;

import dev.retention.recsys.sparse.CsrMatrix;

import java.util.Locale;
import java.util.Objects;

/**
 * How purchase values become confidences for implicit-feedback models: a weighting of the user x item matrix
 * {@code R} (values {@code r > 0}), times {@code alpha} where stated.
 * <ul>
 *   <li>{@link Kind#SCALED}: {@code alpha r}, as {@code implicit}'s {@code AlternatingLeastSquares} uses its input;</li>
 *   <li>{@link Kind#LINEAR}: {@code 1 + alpha r} (Hu, Koren and Volinsky, "Collaborative filtering for implicit
 *       feedback datasets", ICDM 2008, eq. 1);</li>
 *   <li>{@link Kind#LOG}: {@code 1 + alpha log(1 + r / epsilon)} (the same paper, eq. 6), which damps heavy
 *       buyers;</li>
 *   <li>{@link Kind#BM25}: {@code alpha r (K1 + 1) / (K1 L_u + r) idf_i}, {@code implicit}'s {@code bm25_weight}
 *       on the user x item matrix: {@code N} the users, {@code idf_i = ln N - ln(1 + n_i)} with {@code n_i} the
 *       item's buyers, {@code L_u = 1 - B + B s_u / mean(s)} with {@code s_u} the user's sum of values, the mean
 *       over all users; defaults {@code K1 = 100, B = 0.8} as the function's;</li>
 *   <li>{@link Kind#TFIDF}: {@code alpha sqrt(r) idf_i}, {@code implicit}'s {@code tfidf_weight}.</li>
 * </ul>
 * BM25 and TF-IDF give 0 or less for an item bought by nearly every user ({@code n_i >= N - 1}); models that need
 * positive confidences refuse them by name. Immutable; {@link #weigh} is O(nnz + users + items).
 *
 * @param kind    the weighting
 * @param alpha   the scale, finite and {@code > 0}
 * @param epsilon {@link Kind#LOG}'s unit, finite and {@code > 0} (not read otherwise)
 * @param k1      {@link Kind#BM25}'s saturation, finite and {@code >= 0} (not read otherwise)
 * @param b       {@link Kind#BM25}'s length normalisation, in [0, 1] (not read otherwise)
 */
public record Confidence(Kind kind, double alpha, double epsilon, double k1, double b) {

    /** The weightings. */
    public enum Kind {
        /** {@code alpha r}. */
        SCALED,
        /** {@code 1 + alpha r}. */
        LINEAR,
        /** {@code 1 + alpha log(1 + r / epsilon)}. */
        LOG,
        /** {@code alpha} times {@code implicit}'s {@code bm25_weight}. */
        BM25,
        /** {@code alpha} times {@code implicit}'s {@code tfidf_weight}. */
        TFIDF
    }

    /**
     * Validates the weighting.
     *
     * @param kind    the weighting
     * @param alpha   finite, {@code > 0}
     * @param epsilon finite, {@code > 0}
     * @param k1      finite, {@code >= 0}
     * @param b       in [0, 1]
     */
    public Confidence {
        Objects.requireNonNull(kind, "kind");
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and > 0, got " + alpha);
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
        }
        if (!(k1 >= 0) || Double.isInfinite(k1)) {
            throw new IllegalArgumentException("k1 must be finite and >= 0, got " + k1);
        }
        if (!(b >= 0 && b <= 1)) {
            throw new IllegalArgumentException("b must be in [0, 1], got " + b);
        }
    }

    /**
     * {@return {@code alpha r}}
     *
     * @param alpha finite, {@code > 0}
     */
    public static Confidence scaled(double alpha) {
        return new Confidence(Kind.SCALED, alpha, 1, 100, 0.8);
    }

    /**
     * {@return {@code 1 + alpha r}}
     *
     * @param alpha finite, {@code > 0}
     */
    public static Confidence linear(double alpha) {
        return new Confidence(Kind.LINEAR, alpha, 1, 100, 0.8);
    }

    /**
     * {@return {@code 1 + alpha log(1 + r / epsilon)}}
     *
     * @param alpha   finite, {@code > 0}
     * @param epsilon finite, {@code > 0}
     */
    public static Confidence log(double alpha, double epsilon) {
        return new Confidence(Kind.LOG, alpha, epsilon, 100, 0.8);
    }

    /**
     * {@return {@code alpha} times BM25 with the given parameters}
     *
     * @param alpha finite, {@code > 0}
     * @param k1    finite, {@code >= 0}; {@code implicit}'s default 100
     * @param b     in [0, 1]; {@code implicit}'s default 0.8
     */
    public static Confidence bm25(double alpha, double k1, double b) {
        return new Confidence(Kind.BM25, alpha, 1, k1, b);
    }

    /**
     * {@return {@code alpha} times TF-IDF}
     *
     * @param alpha finite, {@code > 0}
     */
    public static Confidence tfidf(double alpha) {
        return new Confidence(Kind.TFIDF, alpha, 1, 100, 0.8);
    }

    /**
     * {@return the confidences of {@code byUser}'s entries, in its entry order} Computed in double, rounded to float.
     *
     * @param byUser read; the user x item matrix, values finite and {@code > 0}
     * @throws IllegalArgumentException if a value is not finite and positive (naming its user and item index)
     */
    public float[] weigh(CsrMatrix byUser) {
        Objects.requireNonNull(byUser, "byUser");
        double[] idf = itemIdf(byUser);
        double mean = meanRowSum(byUser);
        float[] out = new float[byUser.nnz()];
        for (int u = 0; u < byUser.rows(); u++) {
            double sum = 0;
            for (int p = byUser.rowStart(u); p < byUser.rowEnd(u); p++) {
                double r = byUser.value(p);
                if (!(r > 0) || Double.isInfinite(r)) {
                    throw new IllegalArgumentException("values must be finite and > 0, got " + r + " for user "
                            + u + " and item " + byUser.columnIndex(p));
                }
                sum += r;
            }
            for (int p = byUser.rowStart(u); p < byUser.rowEnd(u); p++) {
                out[p] = (float) weight(byUser.value(p), sum, mean, idf == null ? 0 : idf[byUser.columnIndex(p)]);
            }
        }
        return out;
    }

    /**
     * {@return the confidences of one customer's purchases (a new customer's, for fold-in) against the statistics
     * of the training matrix ({@link #itemIdf}, {@link #meanRowSum})} O(purchases).
     *
     * @param items      read; dense item indexes
     * @param values     read; their values, finite and {@code > 0} (checked by the caller)
     * @param idf        read; {@link #itemIdf} of the training matrix, or null when this weighting has none
     * @param meanRowSum {@link #meanRowSum} of the training matrix
     */
    public float[] weighRow(int[] items, float[] values, double[] idf, double meanRowSum) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        float[] out = new float[values.length];
        for (int t = 0; t < values.length; t++) {
            out[t] = (float) weight(values[t], sum, meanRowSum, idf == null ? 0 : idf[items[t]]);
        }
        return out;
    }

    /**
     * {@return each item's {@code idf = ln N - ln(1 + n_i)} over the matrix's N users, or null for the weightings
     * that do not use it}
     *
     * @param byUser read; the user x item matrix
     */
    public double[] itemIdf(CsrMatrix byUser) {
        if (kind != Kind.BM25 && kind != Kind.TFIDF) {
            return null;
        }
        int[] buyers = new int[byUser.cols()];
        for (int p = 0; p < byUser.nnz(); p++) {
            buyers[byUser.columnIndex(p)]++;
        }
        double[] idf = new double[buyers.length];
        for (int i = 0; i < buyers.length; i++) {
            idf[i] = Math.log(byUser.rows()) - Math.log1p(buyers[i]);
        }
        return idf;
    }

    /**
     * {@return the mean over users of their sum of values (BM25's average length)}
     *
     * @param byUser read; the user x item matrix
     */
    public static double meanRowSum(CsrMatrix byUser) {
        double total = 0;
        for (int p = 0; p < byUser.nnz(); p++) {
            total += byUser.value(p);
        }
        return byUser.rows() == 0 ? 0 : total / byUser.rows();
    }

    private double weight(double r, double rowSum, double meanRowSum, double idf) {
        return switch (kind) {
            case SCALED -> alpha * r;
            case LINEAR -> 1 + alpha * r;
            case LOG -> 1 + alpha * Math.log1p(r / epsilon);
            case BM25 -> {
                double length = (1.0 - b) + b * rowSum / meanRowSum;
                yield alpha * r * (k1 + 1.0) / (k1 * length + r) * idf;
            }
            case TFIDF -> alpha * Math.sqrt(r) * idf;
        };
    }

    /**
     * {@return a copy with the given scale}
     *
     * @param alpha finite, {@code > 0}
     */
    public Confidence withAlpha(double alpha) {
        return new Confidence(kind, alpha, epsilon, k1, b);
    }

    /** {@return the formula, for fit summaries} */
    public String describe() {
        return switch (kind) {
            case SCALED -> String.format(Locale.ROOT, "confidence %s x value", alpha);
            case LINEAR -> String.format(Locale.ROOT, "confidence 1 + %s x value", alpha);
            case LOG -> String.format(Locale.ROOT, "confidence 1 + %s log(1 + value / %s)", alpha, epsilon);
            case BM25 -> String.format(Locale.ROOT, "confidence %s x BM25 (K1 %s, B %s)", alpha, k1, b);
            case TFIDF -> String.format(Locale.ROOT, "confidence %s x TF-IDF", alpha);
        };
    }
}
