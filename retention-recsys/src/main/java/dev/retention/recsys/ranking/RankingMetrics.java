package dev.retention.recsys.ranking;

import dev.retention.recsys.RatingPredictor;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.Recommendations;
import dev.retention.recsys.TopN;
import dev.retention.recsys.sparse.CsrMatrix;

import java.util.Locale;
import java.util.Objects;

/**
 * Ranking metrics at {@code k} over the full catalogue (no sampled negatives). Precision, MAP, NDCG and AUC follow
 * the definitions of {@code implicit.evaluation.ranking_metrics_at_k} (benfred/implicit, {@code evaluation.pyx}):
 * for each user with at least one test item, the top-{@code k} list excluding the user's training items;
 * <ul>
 * <li>precision: all hits divided by the sum over users of {@code min(k, |test items|)} (pooled, not a mean);</li>
 * <li>MAP: the mean over users of {@code sum over hits at rank r (1-based) of hits-so-far / r}, divided by
 *     {@code min(k, |test items|)};</li>
 * <li>NDCG: binary relevance, gain {@code 1 / log2(r + 1)}, ideal DCG over {@code min(k, |test items|)} ranks;</li>
 * <li>AUC: cut at {@code k}, with {@code P} the user's test items and {@code N = items - P} (every item of the id
 *     space, training items included): each miss in the list adds the hits above it, then
 *     {@code (hits + P) / 2 * (N - misses)}, over {@code P N}; a list shorter than {@code k} counts its empty
 *     places as misses; a user whose test items are every item ({@code N = 0}) adds 0, where {@code implicit}
 *     divides 0 by 0.</li>
 * </ul>
 * Besides these: recall (mean of {@code hits / |test items|}), hit rate (share of users with a hit), MRR (mean of
 * the reciprocal rank of the first hit, 0 without one), catalogue coverage (distinct items recommended over the
 * items of the id space) and novelty (the mean over users of the mean self-information
 * {@code log2((U + 1) / (n_i + 1))} of their recommended items, {@code n_i} the item's training users and
 * {@code U} the users of the id space; Zhou et al., PNAS 2010, smoothed by one so that an item nobody bought is
 * finite). Users without test items are skipped and counted. With no user evaluated every mean is 0.
 *
 * @param k              the cut-off
 * @param precision      pooled precision at k
 * @param recall         mean recall at k
 * @param ndcg           mean binary NDCG at k
 * @param map            mean average precision at k
 * @param auc            mean AUC cut at k
 * @param hitRate        share of evaluated users with at least one hit
 * @param mrr            mean reciprocal rank of the first hit
 * @param coverage       distinct recommended items over all items
 * @param novelty        mean self-information of the recommended items, in bits
 * @param usersEvaluated users with at least one test item
 * @param usersSkipped   users without test items
 */
public record RankingMetrics(int k, double precision, double recall, double ndcg, double map, double auc,
                             double hitRate, double mrr, double coverage, double novelty, int usersEvaluated,
                             int usersSkipped) {

    /**
     * Validates the figures.
     *
     * @param k              the cut-off, {@code >= 1}
     * @param precision      pooled precision at k
     * @param recall         mean recall at k
     * @param ndcg           mean binary NDCG at k
     * @param map            mean average precision at k
     * @param auc            mean AUC cut at k
     * @param hitRate        share of evaluated users with at least one hit
     * @param mrr            mean reciprocal rank of the first hit
     * @param coverage       distinct recommended items over all items
     * @param novelty        mean self-information of the recommended items, in bits
     * @param usersEvaluated users with at least one test item
     * @param usersSkipped   users without test items
     */
    public RankingMetrics {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (usersEvaluated < 0 || usersSkipped < 0) {
            throw new IllegalArgumentException("user counts must be >= 0, got " + usersEvaluated + " and "
                    + usersSkipped);
        }
    }

    /**
     * Evaluates a model: for each user with test items, its top-{@code k} among the items the user has no training
     * interaction with ({@link TopN#recommend}: every such item is a candidate, ties to the smaller index).
     * O(users x cost of {@code scoreItems} + test interactions).
     *
     * @param model read; a model over the split's id spaces
     * @param split read
     * @param k     the cut-off, {@code >= 1}
     * @return the metrics
     * @throws IllegalArgumentException if {@code k < 1} or the model has other id spaces than the split
     */
    public static RankingMetrics compute(RatingPredictor model, RankingSplit split, int k) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(split, "split");
        checkK(k);
        Ratings train = split.train();
        if (model.userCount() != train.userCount() || model.itemCount() != train.itemCount()) {
            throw new IllegalArgumentException("the model must have the split's id spaces " + train.userCount()
                    + " x " + train.itemCount() + ", got " + model.userCount() + " x " + model.itemCount());
        }
        CsrMatrix test = split.test().byUser();
        int[][] lists = new int[train.userCount()][];
        for (int u = 0; u < lists.length; u++) {
            if (test.rowLength(u) > 0) {
                Recommendations r = TopN.recommend(model, train, u, k);
                lists[u] = r.items();
            }
        }
        return compute(lists, split, k);
    }

    /**
     * Computes the metrics of given recommendation lists. O(users + test interactions + list entries).
     *
     * @param lists read; per dense user, the recommended items best first (only the first {@code k} count; a
     *              {@code null} or shorter list has misses in its empty places); users without test items are not
     *              read
     * @param split read; the test items and, for novelty, the training popularity
     * @param k     the cut-off, {@code >= 1}
     * @return the metrics
     * @throws IllegalArgumentException if {@code k < 1}, {@code lists} has not one entry per user, or a list holds
     *                                  an item outside the id space
     */
    public static RankingMetrics compute(int[][] lists, RankingSplit split, int k) {
        Objects.requireNonNull(lists, "lists");
        Objects.requireNonNull(split, "split");
        checkK(k);
        CsrMatrix test = split.test().byUser();
        int users = test.rows();
        int items = test.cols();
        if (lists.length != users) {
            throw new IllegalArgumentException("lists must hold one list per user (" + users + "), got "
                    + lists.length);
        }
        CsrMatrix byItem = split.train().byItem();
        double[] cg = new double[k];
        double[] cgSum = new double[k];
        for (int i = 0; i < k; i++) {
            cg[i] = 1.0 / (Math.log(i + 2) / Math.log(2));
            cgSum[i] = (i == 0 ? 0 : cgSum[i - 1]) + cg[i];
        }
        double relevant = 0;
        double prDiv = 0;
        double meanAp = 0;
        double ndcg = 0;
        double meanAuc = 0;
        double recall = 0;
        double hitUsers = 0;
        double mrr = 0;
        double novelty = 0;
        int total = 0;
        int skipped = 0;
        boolean[] like = new boolean[items];
        boolean[] recommended = new boolean[items];
        int distinct = 0;
        double log2Users1 = Math.log(users + 1.0);
        for (int u = 0; u < users; u++) {
            int start = test.rowStart(u);
            int end = test.rowEnd(u);
            if (start == end) {
                skipped++;
                continue;
            }
            for (int p = start; p < end; p++) {
                like[test.columnIndex(p)] = true;
            }
            int likes = end - start;
            int[] list = lists[u] == null ? new int[0] : lists[u];
            int shown = Math.min(k, list.length);
            prDiv += Math.min(k, likes);
            double ap = 0;
            double hit = 0;
            double miss = 0;
            double auc = 0;
            double idcg = cgSum[Math.min(k, likes) - 1];
            double numPos = likes;
            double numNeg = items - numPos;
            double firstHit = 0;
            double info = 0;
            for (int i = 0; i < k; i++) {
                int item = i < shown ? list[i] : -1;
                if (item >= items || item < -1 || (i < shown && item < 0)) {
                    throw new IllegalArgumentException("lists[" + u + "][" + i + "] must be an item in [0, " + items
                            + "), got " + item);
                }
                if (item >= 0) {
                    if (!recommended[item]) {
                        recommended[item] = true;
                        distinct++;
                    }
                    info += (log2Users1 - Math.log(byItem.rowLength(item) + 1.0)) / Math.log(2);
                }
                if (item >= 0 && like[item]) {
                    relevant += 1;
                    hit += 1;
                    ap += hit / (i + 1);
                    ndcg += cg[i] / idcg;
                    if (firstHit == 0) {
                        firstHit = 1.0 / (i + 1);
                    }
                } else {
                    miss += 1;
                    auc += hit;
                }
            }
            auc += ((hit + numPos) / 2.0) * (numNeg - miss);
            meanAp += ap / Math.min(k, likes);
            meanAuc += numNeg > 0 ? auc / (numPos * numNeg) : 0;
            recall += hit / likes;
            hitUsers += hit > 0 ? 1 : 0;
            mrr += firstHit;
            novelty += shown > 0 ? info / shown : 0;
            total++;
            for (int p = start; p < end; p++) {
                like[test.columnIndex(p)] = false;
            }
        }
        double t = Math.max(total, 1);
        return new RankingMetrics(k, prDiv > 0 ? relevant / prDiv : 0, recall / t, ndcg / t, meanAp / t,
                meanAuc / t, hitUsers / t, mrr / t, items > 0 ? (double) distinct / items : 0, novelty / t, total,
                skipped);
    }

    private static void checkK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
    }

    /** The figures as a small table. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RankingMetrics at %d: %,d users evaluated, %,d skipped%n"
                        + "precision %.4f  recall %.4f  ndcg %.4f  map %.4f  auc %.4f%n"
                        + "hit rate %.4f  mrr %.4f  coverage %.4f  novelty %.3f bits%n", k, usersEvaluated,
                usersSkipped, precision, recall, ndcg, map, auc, hitRate, mrr, coverage, novelty);
    }
}
