package dev.retention.recsys.itemknn;

import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.parallel.Workers;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.Limits;
import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.GramOptions;
import dev.retention.recsys.sparse.SparseOps;
import dev.retention.recsys.sparse.internal.CsrArrays;
import dev.retention.recsys.sparse.internal.ImplGramTopK;

import java.util.Objects;

/**
 * Fits item-kNN on implicit feedback as {@code implicit}'s {@code CosineRecommender}, {@code BM25Recommender} and
 * {@code TFIDFRecommender} do (benfred/implicit, {@code nearest_neighbours.py}): the user x item matrix {@code X}
 * is weighted to {@code W} ({@link ItemKnnOptions.Weighting}), the item-item similarity is the Gram product
 * {@code W^T W} with only the {@code K} largest entries of each row kept (the item itself among them), and a
 * user's score of item {@code j} is {@code sum over the user's items i of x_ui S(i, j)} with the raw training
 * values (Deshpande and Karypis, "Item-based top-N recommendation algorithms", TOIS 2004). Entry point
 * {@link #fit}. Weighting O(nnz); the Gram product O(sum over users of their items squared), on the sparse kernels
 * of {@link SparseOps#gram}. When every value is the same (binary data, a purchase flag), each weight is a user factor
 * times an item factor, and the Gram product is taken in that factored form: per pair the sum of the co-buying users'
 * squared factors, times the two item factors (the same similarities to rounding, with no product per term).
 *
 * <p>Weights, with {@code N} the items of the id space and {@code n_u} the items of user {@code u}: cosine
 * {@code x_ui / ||x_.i||}; BM25 {@code x (K1 + 1) / (K1 L_i + x) idf_u}, {@code idf_u = ln N - ln(1 + n_u)},
 * {@code L_i = 1 - B + B s_i / mean(s)}, {@code s_i} the sum of item {@code i}'s values and the mean over all
 * {@code N} items; TF-IDF {@code sqrt(x) idf_u}, then each item's column to unit norm.
 */
public final class ItemKnn {

    private ItemKnn() {
    }

    /**
     * Fits the model.
     *
     * @param train   read: purchases ({@link Ratings#ofPurchases}) or binary interactions; values {@code > 0}
     * @param options weighting, neighbours, BM25 parameters, threads
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no interaction or a value {@code <= 0}
     */
    public static ItemKnnModel fit(Ratings train, ItemKnnOptions options) {
        return fit(train, options, FitControl.defaults());
    }

    /**
     * Fits the model; one {@code control} step for the similarities.
     *
     * @param train   read: purchases or binary interactions; values {@code > 0}
     * @param options weighting, neighbours, BM25 parameters, threads
     * @param control listener, cancellation and executor
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no interaction or a value {@code <= 0}
     * @throws java.util.concurrent.CancellationException if the control cancels
     */
    public static ItemKnnModel fit(Ratings train, ItemKnnOptions options, FitControl control) {
        Objects.requireNonNull(train, "train");
        Limits.requireRatings("train", train.size());
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        control.checkCancelled("similarities", 0);
        long start = System.nanoTime();
        CsrMatrix x = train.byUser();
        for (int p = 0; p < x.nnz(); p++) {
            if (!(x.value(p) > 0)) {
                throw new IllegalArgumentException("train values must be > 0 (purchases or interactions), got "
                        + x.value(p) + " for user '" + train.users().id(rowOf(x, p)) + "' and item '"
                        + train.items().id(x.columnIndex(p)) + "'");
            }
        }
        double[][] separable = separable(x, options);
        boolean factored = separable != null && ImplGramTopK.fits(x.cols(), options.neighbours());
        CsrMatrix similarity;
        try (Workers workers = control.workers(options.threads())) {
            if (factored) {
                CsrArrays s = ImplGramTopK.gramSeparable(x.cols(), x.rowPointers(), x.columnIndices(), separable[0],
                        separable[1], options.neighbours(), false, workers);
                similarity = CsrMatrix.of(x.cols(), x.cols(), s.ptr(), s.idx(), s.val());
            } else {
                similarity = SparseOps.gram(x.withValues(weights(x, options)),
                        GramOptions.defaults().withTopK(options.neighbours()), workers);
            }
        }
        control.step("similarities", 1, 1, Double.NaN);
        FitSummary summary = FitSummary.builder("item-kNN (" + options.weighting().label() + ")").options(options)
                .choice(String.format(java.util.Locale.ROOT, "similarity: %s-weighted co-occurrence, the %d largest "
                                + "per item (the item itself included), %,d entries%s",
                        options.weighting().label(), options.neighbours(), similarity.nnz(), factored
                                ? "; every value equal, so each weight is a user's factor times an item's and a "
                                + "pair's similarity is the item factors' product times its sum of squared user "
                                + "factors" : ""))
                .data(train.fingerprint()).secondsSince(start).build();
        summary.logTo(ItemKnn.class);
        return new ItemKnnModel(train, similarity, options, summary);
    }

    private static int rowOf(CsrMatrix m, int p) {
        int lo = 0;
        int hi = m.rows() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (m.rowStart(mid) <= p) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * {@return the weights of a matrix whose values are all equal as user and item factors, {@code w_ui = r_u c_i}:
     * {@code {r_u^2 of each user, c_i of each item}}, or null when the values differ or a user's factor is not
     * positive (BM25 and TF-IDF of a user holding nearly every item)} The factors are those of
     * {@link #weights}' formulas with {@code x} constant; {@code c_i = 0} for an item without entries. O(nnz).
     */
    static double[][] separable(CsrMatrix x, ItemKnnOptions options) {
        int users = x.rows();
        int items = x.cols();
        int nnz = x.nnz();
        double v = x.value(0);
        int[] count = new int[items];
        for (int p = 0; p < nnz; p++) {
            if (x.value(p) != v) {
                return null;
            }
            count[x.columnIndex(p)]++;
        }
        double[] user = new double[users];
        double[] item = new double[items];
        if (options.weighting() == ItemKnnOptions.Weighting.COSINE) {
            java.util.Arrays.fill(user, 1.0);
            for (int i = 0; i < items; i++) {
                item[i] = count[i] == 0 ? 0 : v / Math.sqrt(count[i] * (v * v));
            }
            return new double[][] {user, item};
        }
        for (int u = 0; u < users; u++) {
            if (x.rowLength(u) > 0) {
                double idf = Math.log(items) - Math.log1p(x.rowLength(u));
                if (!(idf > 0)) {
                    return null;
                }
                user[u] = idf * idf;
            }
        }
        if (options.weighting() == ItemKnnOptions.Weighting.BM25) {
            double average = nnz * v / items;
            double k1 = options.k1();
            double b = options.b();
            for (int i = 0; i < items; i++) {
                double norm = k1 * ((1.0 - b) + b * (count[i] * v) / average);
                item[i] = count[i] == 0 ? 0 : v * (k1 + 1.0) / (norm + v);
            }
            return new double[][] {user, item};
        }
        double[] column = new double[items];   // TF-IDF: sqrt(v) idf_u, each item's column to unit norm
        for (int u = 0; u < users; u++) {
            user[u] *= v;
            for (int p = x.rowStart(u); p < x.rowEnd(u); p++) {
                column[x.columnIndex(p)] += user[u];
            }
        }
        for (int i = 0; i < items; i++) {
            item[i] = count[i] == 0 ? 0 : 1.0 / Math.sqrt(column[i]);
        }
        return new double[][] {user, item};
    }

    /** The weighted values of {@code x}'s entries, in its entry order. O(nnz). */
    static float[] weights(CsrMatrix x, ItemKnnOptions options) {
        int users = x.rows();
        int items = x.cols();
        int nnz = x.nnz();
        float[] out = new float[nnz];
        double[] column = new double[items];
        switch (options.weighting()) {
            case COSINE -> {
                for (int p = 0; p < nnz; p++) {
                    double v = x.value(p);
                    column[x.columnIndex(p)] += v * v;
                }
                for (int i = 0; i < items; i++) {   // one square root per item, not per entry: the same values
                    column[i] = Math.sqrt(column[i]);
                }
                for (int p = 0; p < nnz; p++) {
                    out[p] = (float) (x.value(p) / column[x.columnIndex(p)]);
                }
            }
            case BM25 -> {
                double total = 0;
                for (int p = 0; p < nnz; p++) {
                    column[x.columnIndex(p)] += x.value(p);
                    total += x.value(p);
                }
                double average = total / items;
                double k1 = options.k1();
                double b = options.b();
                for (int i = 0; i < items; i++) {   // each item's length norm once
                    column[i] = k1 * ((1.0 - b) + b * column[i] / average);
                }
                for (int u = 0; u < users; u++) {
                    double idf = Math.log(items) - Math.log1p(x.rowLength(u));
                    for (int p = x.rowStart(u); p < x.rowEnd(u); p++) {
                        double v = x.value(p);
                        out[p] = (float) (v * (k1 + 1.0) / (column[x.columnIndex(p)] + v) * idf);
                    }
                }
            }
            case TFIDF -> {
                double[] raw = new double[nnz];
                for (int u = 0; u < users; u++) {
                    double idf = Math.log(items) - Math.log1p(x.rowLength(u));
                    for (int p = x.rowStart(u); p < x.rowEnd(u); p++) {
                        raw[p] = Math.sqrt(x.value(p)) * idf;
                        column[x.columnIndex(p)] += raw[p] * raw[p];
                    }
                }
                for (int i = 0; i < items; i++) {
                    column[i] = Math.sqrt(column[i]);
                }
                for (int p = 0; p < nnz; p++) {
                    double norm = column[x.columnIndex(p)];
                    out[p] = norm > 0 ? (float) (raw[p] / norm) : 0f;
                }
            }
            default -> throw new AssertionError(options.weighting());
        }
        return out;
    }
}
