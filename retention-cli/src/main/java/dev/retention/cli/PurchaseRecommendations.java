package dev.retention.cli;

import dev.retention.data.TransactionLog;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.Recommendations;
import dev.retention.recsys.TopN;
import dev.retention.recsys.evaluation.HitRate;
import dev.retention.recsys.evaluation.PurchasePeriod;
import dev.retention.recsys.popularity.Popularity;
import dev.retention.recsys.popularity.PopularityOptions;
import dev.retention.recsys.sparse.SvdOptions;
import dev.retention.recsys.svd.PureSvd;
import dev.retention.recsys.svd.PureSvdModel;
import dev.retention.recsys.svd.RankSelection;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Top-N recommendations from a shop's purchases, the recommender part of {@code retention demo}, from the
 * library's pieces: PureSVD ({@link PureSvd}) on the customer x item purchase counts ({@link Ratings#ofPurchases}),
 * its number of factors chosen by hit rate on a validation period ({@link RankSelection}), checked on a holdout
 * period ({@link HitRate} on a {@link PurchasePeriod}) against the most popular items ({@link Popularity}), then
 * fitted on every order for each customer's best items among those not bought yet ({@link TopN}). This class only
 * wires them and keeps the figures the demo prints.
 */
final class PurchaseRecommendations {
    private final int factors;
    private final HitRates validation;
    private final HitRates holdout;
    private final PureSvdModel model;
    private final Ratings purchases;
    private final Recommendations[] top;

    PurchaseRecommendations(int factors, HitRates validation, HitRates holdout, PureSvdModel model, Ratings purchases,
                            Recommendations[] top) {
        this.factors = factors;
        this.validation = validation;
        this.holdout = holdout;
        this.model = model;
        this.purchases = purchases;
        this.top = top;
    }

    /**
     * Hit rates on one period, as printed (NaN where there is no customer to score).
     */
    static final class HitRates {
        private final Instant from;
        private final Instant to;
        private final int customers;
        private final int[] factors;
        private final double[] hitRates;
        private final double popularityHitRate;

        HitRates(Instant from, Instant to, int customers, int[] factors, double[] hitRates, double popularityHitRate) {
            this.from = from;
            this.to = to;
            this.customers = customers;
            this.factors = factors;
            this.hitRates = hitRates;
            this.popularityHitRate = popularityHitRate;
        }

        /** Start of the period; the models are fitted on the earlier orders. */
        public Instant from() {
            return from;
        }

        /** End of the period, exclusive. */
        public Instant to() {
            return to;
        }

        /** Customers known before the period who bought an item new to them in it. */
        public int customers() {
            return customers;
        }

        /** The ranks tried. */
        public int[] factors() {
            return factors;
        }

        /** The hit rate of each rank (NaN without customers). */
        public double[] hitRates() {
            return hitRates;
        }

        /** The hit rate of the most popular items (NaN without customers). */
        public double popularityHitRate() {
            return popularityHitRate;
        }
    }

    /**
     * Chooses the rank, checks it and recommends.
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
        SvdOptions svd = SvdOptions.defaults().withSeed(seed).withThreads(threads);
        PurchasePeriod v = PurchasePeriod.of(log, Instant.ofEpochSecond(validation), Instant.ofEpochSecond(holdout));
        RankSelection selection = RankSelection.evaluate(v, grid, n, svd);
        int f = selection.rank();
        PurchasePeriod h = PurchasePeriod.of(log, Instant.ofEpochSecond(holdout), Instant.ofEpochSecond(end));
        HitRate holdoutRate = HitRate.compute(PureSvd.fit(h.train(), svd.withRank(rank(f, h.train()))), h, n);
        Ratings purchases = Ratings.ofPurchases(log);
        PureSvdModel model = PureSvd.fit(purchases, svd.withRank(rank(f, purchases)));
        Recommendations[] top = new Recommendations[purchases.userCount()];
        for (int u = 0; u < top.length; u++) {
            top[u] = TopN.recommend(model, purchases, u, n);
        }
        List<HitRate> rates = selection.hitRates();
        double[] validationRates = new double[rates.size()];
        for (int k = 0; k < validationRates.length; k++) {
            validationRates[k] = share(rates.get(k));
        }
        return new PurchaseRecommendations(rank(f, purchases),
                new HitRates(v.start(), v.end(), v.customers(), selection.ranks(), validationRates, popularity(v, n)),
                new HitRates(h.start(), h.end(), h.customers(), new int[] {f}, new double[] {share(holdoutRate)},
                        popularity(h, n)),
                model, purchases, top);
    }

    private static int rank(int factors, Ratings purchases) {
        return Math.min(factors, Math.min(purchases.userCount(), purchases.itemCount()));
    }

    private static double popularity(PurchasePeriod period, int n) {
        return share(HitRate.compute(Popularity.fit(period.train(), PopularityOptions.defaults()), period, n));
    }

    private static double share(HitRate rate) {
        return rate.rate().orElse(Double.NaN);
    }

    /** Writes {@code customer,rank,item,score} for every customer's top N, customers in log order. */
    void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("customer,rank,item,score\n");
            for (Recommendations r : top) {
                String customer = CsvText.field(r.userId());
                for (int k = 0; k < r.size(); k++) {
                    w.write(String.format(Locale.ROOT, "%s,%d,%s,%.6g%n", customer, k + 1, CsvText.field(r.itemId(k)),
                            r.score(k)));
                }
            }
        }
    }

    /** The chosen rank, as fitted on every purchase. */
    public int factors() {
        return factors;
    }

    /** Hit rates of every rank tried on the validation period. */
    public HitRates validation() {
        return validation;
    }

    /** Hit rate of the chosen rank on the holdout period. */
    public HitRates holdout() {
        return holdout;
    }

    /** The model of the chosen rank fitted on every purchase. */
    public PureSvdModel model() {
        return model;
    }

    /** The purchase counts it was fitted on (customer and item indexes are the log's). */
    public Ratings purchases() {
        return purchases;
    }

    /** The top N of every customer, by the log's dense customer index. */
    public Recommendations[] top() {
        return top;
    }
}
