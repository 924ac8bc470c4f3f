package dev.retention.cli;

import dev.retention.data.Interactions;
import dev.retention.data.TransactionLog;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.Recommendations;
import dev.retention.recsys.TopN;
import dev.retention.recsys.svd.PureSvd;
import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.SvdOptions;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Top-N recommendations from a shop's purchases, the recommender part of {@code retention demo}: PureSVD
 * (Cremonesi, Koren and Turrin, "Performance of recommender algorithms on top-N recommendation tasks", RecSys 2010)
 * on the customer x item matrix of purchase counts (the number of the customer's orders holding the item,
 * {@link Interactions.ImplicitValue#ORDERS}, missing pairs as zeros), and each customer's best items among those
 * not bought yet ({@link TopN}).
 *
 * <p>The number of factors is chosen on time: models fitted on the orders before a validation cutoff are scored on
 * the orders between it and the holdout cutoff, and the rank with the best hit rate wins (the smaller on ties).
 * The chosen rank is then checked on the holdout (fitted on the orders before the holdout cutoff, scored on the
 * rest) and fitted on every order for the recommendations. The hit rate of a model on a period is the share of the
 * customers known before it who bought an item new to them in it and find such an item in their top N; the same
 * share for the N most popular items (most customers before the period) that they had not bought is the baseline.
 *
 * @param factors    the chosen rank
 * @param validation hit rates of every rank tried on the validation period
 * @param holdout    hit rate of the chosen rank on the holdout period
 * @param model      the model of the chosen rank fitted on every purchase
 * @param purchases  the purchase counts it was fitted on (customer and item indexes are the log's)
 * @param top        the top N of every customer, by the log's dense customer index
 */
record PurchaseRecommendations(int factors, HitRates validation, HitRates holdout, PureSvd model, Ratings purchases,
                               Recommendations[] top) {

    /**
     * Hit rates on one period.
     *
     * @param from              start of the period; the models are fitted on the earlier orders
     * @param to                end of the period, exclusive
     * @param customers         customers known before the period who bought an item new to them in it
     * @param factors           the ranks tried
     * @param hitRates          the hit rate of each rank (NaN without customers)
     * @param popularityHitRate the hit rate of the most popular items (NaN without customers)
     */
    record HitRates(Instant from, Instant to, int customers, int[] factors, double[] hitRates, double popularityHitRate) {
    }

    /**
     * Chooses the rank, checks it and recommends. Fits {@code grid.length + 2} PureSVD models, each
     * O((q + 1) nnz (f + p) + (customers + items)(f + p)^2); the hit rates and the recommendations
     * O(customers items f).
     *
     * @param log        read; must have items
     * @param grid       the ranks to try, increasing; each lowered to {@code min(customers, items)} of its data
     * @param n          items per customer
     * @param seed       seed of the randomized SVD
     * @param threads    threads of the sparse products
     * @param validation epoch second of the validation cutoff, before {@code holdout}
     * @param holdout    epoch second of the holdout cutoff
     * @param end        epoch second of the end of the log, exclusive
     */
    static PurchaseRecommendations fit(TransactionLog log, int[] grid, int n, long seed, int threads, long validation,
                                       long holdout, long end) {
        TransactionLog beforeHoldout = log.before(holdout);
        Period v = new Period(beforeHoldout, beforeHoldout.before(validation), validation);
        double[] rates = new double[grid.length];
        int best = 0;
        for (int k = 0; k < grid.length; k++) {
            rates[k] = v.hitRate(pureSvd(v.train, grid[k], seed, threads), n);
            best = rates[k] > rates[best] ? k : best;
        }
        int f = grid[best];
        Period h = new Period(log, beforeHoldout, holdout);
        double holdoutRate = h.hitRate(pureSvd(h.train, f, seed, threads), n);
        Ratings purchases = purchaseCounts(log);
        PureSvd model = pureSvd(purchases, f, seed, threads);
        Recommendations[] top = new Recommendations[purchases.userCount()];
        for (int u = 0; u < top.length; u++) {
            top[u] = TopN.recommend(model, purchases, u, n);
        }
        return new PurchaseRecommendations(Math.min(f, maxRank(purchases)),
                new HitRates(Instant.ofEpochSecond(validation), Instant.ofEpochSecond(holdout), v.customers(), grid.clone(), rates,
                        v.popularityHitRate(n)),
                new HitRates(Instant.ofEpochSecond(holdout), Instant.ofEpochSecond(end), h.customers(), new int[] {f}, new double[] {holdoutRate},
                        h.popularityHitRate(n)),
                model, purchases, top);
    }

    /** The customer x item purchase counts of a log, on a scale from 0 to the largest count. */
    static Ratings purchaseCounts(TransactionLog log) {
        Interactions counts = Interactions.fromTransactions(log, Interactions.ImplicitValue.ORDERS);
        float max = 1;
        for (int p = 0; p < counts.size(); p++) {
            max = Math.max(max, counts.value(p));
        }
        // the scale only bounds rating estimates; top-N ranks the unclipped scores
        return Ratings.of(counts, new RatingScale(0, max), RatingScale.OutOfScale.REJECT);
    }

    private static int maxRank(Ratings r) {
        return Math.min(r.userCount(), r.itemCount());
    }

    private static PureSvd pureSvd(Ratings purchases, int factors, long seed, int threads) {
        return PureSvd.fit(purchases, SvdOptions.defaults().withRank(Math.min(factors, maxRank(purchases)))
                .withSeed(seed).withParallelism(threads));
    }

    /** Writes {@code customer,rank,item,score} for every customer's top N, customers in log order. */
    void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("customer,rank,item,score\n");
            for (Recommendations r : top) {
                String customer = CsvText.field(purchases.users().id(r.user()));
                for (int k = 0; k < r.size(); k++) {
                    w.write(String.format(Locale.ROOT, "%s,%d,%s,%.6g%n", customer, k + 1,
                            CsvText.field(purchases.items().id(r.items()[k])), r.scores()[k]));
                }
            }
        }
    }

    /**
     * A period to score recommendations on: the purchase counts before its start, and for each customer known then
     * who bought, in the period, an item new to them, those items (an item new to the shop counts as bought but
     * can never be recommended).
     */
    private static final class Period {
        final Ratings train;
        final int[] users;
        final int[][] bought;
        final int[] byPopularity;

        /**
         * @param log    the orders up to the end of the period
         * @param before the orders before its start, {@code log.before(start)}
         * @param start  epoch second of its start
         */
        Period(TransactionLog log, TransactionLog before, long start) {
            train = purchaseCounts(before);
            int items = train.itemCount();
            CsrMatrix byUser = train.byUser();
            CsrMatrix byItem = train.byItem();
            Integer[] order = new Integer[items];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> byItem.rowLength(a) != byItem.rowLength(b)
                    ? Integer.compare(byItem.rowLength(b), byItem.rowLength(a)) : Integer.compare(a, b));
            byPopularity = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
            boolean[] seen = new boolean[items];
            List<Integer> customers = new ArrayList<>();
            List<int[]> news = new ArrayList<>();
            for (int u = 0; u < train.userCount(); u++) {
                for (int p = byUser.rowStart(u); p < byUser.rowEnd(u); p++) {
                    seen[byUser.columnIndex(p)] = true;
                }
                int c = log.customers().indexOf(before.customers().id(u));
                int[] found = new int[log.lineEnd(c) - log.lineStart(c)];
                int count = 0;
                boolean any = false;
                for (int l = log.lineStart(c); l < log.lineEnd(c); l++) {
                    if (log.time(l) < start || log.isCancellation(l) || log.item(l) < 0) {
                        continue;
                    }
                    int j = before.items().indexOf(log.items().id(log.item(l)));
                    if (j < 0) {
                        any = true;
                    } else if (!seen[j]) {
                        any = true;
                        found[count++] = j;
                    }
                }
                if (any) {
                    customers.add(u);
                    news.add(Arrays.copyOf(found, count));
                }
                for (int p = byUser.rowStart(u); p < byUser.rowEnd(u); p++) {
                    seen[byUser.columnIndex(p)] = false;
                }
            }
            users = customers.stream().mapToInt(Integer::intValue).toArray();
            bought = news.toArray(new int[0][]);
        }

        int customers() {
            return users.length;
        }

        double hitRate(PureSvd model, int n) {
            int hits = 0;
            for (int k = 0; k < users.length; k++) {
                hits += hit(TopN.recommend(model, train, users[k], n).items(), bought[k]) ? 1 : 0;
            }
            return users.length == 0 ? Double.NaN : (double) hits / users.length;
        }

        double popularityHitRate(int n) {
            CsrMatrix byUser = train.byUser();
            int hits = 0;
            int[] top = new int[n];
            for (int k = 0; k < users.length; k++) {
                int u = users[k];
                int taken = 0;
                for (int t = 0; t < byPopularity.length && taken < n; t++) {
                    int i = byPopularity[t];
                    if (byUser.get(u, i) == 0) {      // counts are >= 1: not stored means not bought
                        top[taken++] = i;
                    }
                }
                hits += hit(Arrays.copyOf(top, taken), bought[k]) ? 1 : 0;
            }
            return users.length == 0 ? Double.NaN : (double) hits / users.length;
        }

        private static boolean hit(int[] recommended, int[] bought) {
            for (int i : recommended) {
                for (int j : bought) {
                    if (i == j) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
