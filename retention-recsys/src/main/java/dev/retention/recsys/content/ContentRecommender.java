package dev.retention.recsys.content;

import dev.retention.data.IdIndex;
import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.parallel.Workers;
import dev.retention.primitive.FloatList;
import dev.retention.primitive.IntList;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.Limits;
import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.GramOptions;
import dev.retention.recsys.sparse.SparseOps;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Fits the content-based recommender: each item of the training id space is a TF-IDF vector of its attribute tokens
 * (term frequency the token's count in the item's list; {@code idf = ln((1 + n) / (1 + df)) + 1} over the {@code n}
 * described items, scikit-learn's smoothed form; rows scaled to unit length), the item-item similarity is their cosine
 * with the top K of each row kept (on {@link SparseOps#gram}, ties to the smaller item), and a user's scores are
 * {@code x_u S} as item-kNN's: the sum of their bought items' neighbour rows weighted by the values. Items without
 * attributes have no neighbours; items without purchases (new products) are reachable through their attributes. Entry
 * point {@link #fit}. O(sum over tokens of their item count squared) for the similarity.
 */
public final class ContentRecommender {

    private ContentRecommender() {
    }

    /**
     * Fits the model.
     *
     * @param train      read: purchases or binary interactions; its item ids are looked up in {@code attributes}
     * @param attributes read: tokens per external item id
     * @param options    neighbours, threads
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no interaction
     */
    public static ContentModel fit(Ratings train, ItemAttributes attributes, ContentOptions options) {
        return fit(train, attributes, options, FitControl.defaults());
    }

    /**
     * Fits the model; one {@code control} step.
     *
     * @param train      read: purchases or binary interactions; its item ids are looked up in {@code attributes}
     * @param attributes read: tokens per external item id
     * @param options    neighbours, threads
     * @param control    listener, cancellation and executor
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no interaction
     * @throws java.util.concurrent.CancellationException if the control cancels
     */
    public static ContentModel fit(Ratings train, ItemAttributes attributes, ContentOptions options,
                                   FitControl control) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        Limits.requireRatings("train", train.size());
        control.checkCancelled("similarities", 0);
        long start = System.nanoTime();
        CsrMatrix tfidf = tfidf(train.items(), attributes);
        int described = 0;
        int[] perItem = new int[train.itemCount()];
        for (int p = 0; p < tfidf.nnz(); p++) {
            perItem[tfidf.columnIndex(p)]++;
        }
        for (int c : perItem) {
            described += c > 0 ? 1 : 0;
        }
        CsrMatrix similarity;
        try (Workers workers = control.workers(options.threads())) {
            similarity = SparseOps.gram(tfidf, GramOptions.defaults().withTopK(options.neighbours()), workers);
        }
        control.step("similarities", 1, 1, Double.NaN);
        FitSummary.Builder summary = FitSummary.builder("content-based (TF-IDF cosine)").options(options)
                .choice(String.format(Locale.ROOT, "%,d of %,d items described by %,d distinct tokens; the %d most "
                                + "similar per item (the item itself included), %,d entries", described,
                        train.itemCount(), tfidf.rows(), options.neighbours(), similarity.nnz()))
                .data(train.fingerprint());
        if (described == 0) {
            summary.warning("no item of the training data has attributes: every score is 0 (are the item ids of the "
                    + "attributes those of the purchases?)");
        } else if (described < train.itemCount() / 2) {
            summary.warning(String.format(Locale.ROOT, "only %,d of %,d items have attributes", described,
                    train.itemCount()));
        }
        FitSummary s = summary.secondsSince(start).build();
        s.logTo(ContentRecommender.class);
        return new ContentModel(train, similarity, options, s);
    }

    /** The tokens x items TF-IDF matrix, columns of unit length (or empty). */
    static CsrMatrix tfidf(IdIndex items, ItemAttributes attributes) {
        Map<String, Integer> vocabulary = new TreeMap<>();
        int n = 0;
        for (int i = 0; i < items.size(); i++) {
            List<String> t = attributes.tokens(items.id(i));
            if (!t.isEmpty()) {
                n++;
            }
            for (String tok : new java.util.TreeSet<>(t)) {
                vocabulary.merge(tok, 1, Integer::sum);
            }
        }
        int[] df = new int[vocabulary.size()];
        Map<String, Integer> index = new java.util.HashMap<>();
        int next = 0;
        for (Map.Entry<String, Integer> e : vocabulary.entrySet()) {
            df[next] = e.getValue();
            index.put(e.getKey(), next++);
        }
        IntList rows = new IntList();
        IntList cols = new IntList();
        FloatList vals = new FloatList();
        for (int i = 0; i < items.size(); i++) {
            List<String> t = attributes.tokens(items.id(i));
            if (t.isEmpty()) {
                continue;
            }
            TreeMap<Integer, Integer> tf = new TreeMap<>();
            for (String tok : t) {
                tf.merge(index.get(tok), 1, Integer::sum);
            }
            double norm = 0;
            double[] w = new double[tf.size()];
            int k = 0;
            for (Map.Entry<Integer, Integer> e : tf.entrySet()) {
                w[k] = e.getValue() * (Math.log((1.0 + n) / (1.0 + df[e.getKey()])) + 1.0);
                norm += w[k] * w[k];
                k++;
            }
            norm = Math.sqrt(norm);
            k = 0;
            for (Map.Entry<Integer, Integer> e : tf.entrySet()) {
                rows.add(e.getKey());
                cols.add(i);
                vals.add((float) (w[k++] / norm));
            }
        }
        return CsrMatrix.fromTriples(Math.max(vocabulary.size(), 0), items.size(), rows.toArray(), cols.toArray(),
                vals.toArray());
    }
}
