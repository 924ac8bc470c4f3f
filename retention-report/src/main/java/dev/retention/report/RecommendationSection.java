package dev.retention.report;

import dev.retention.data.Orders;
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
import dev.retention.report.internal.Charts;
import dev.retention.report.internal.Html;
import dev.retention.report.internal.Page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Recommendations: PureSVD on the customer x item purchase counts, its rank chosen by hit rate on the last three
 * months before the as-of date (against the most popular items), then fitted on every order before it; each sample
 * customer's top items not bought yet.
 */
final class RecommendationSection {

    /** Items per customer. */
    static final int N = 5;
    /** Months of the validation period. */
    static final int MONTHS = 3;
    private static final int[] RANKS = {1, 2, 5, 10, 20};
    /** Items asked for beyond N, to fill the list after excluded items are dropped. */
    private static final int SPARE = 20;

    private RecommendationSection() {
    }

    /**
     * The section's figures.
     *
     * <ul>
     *   <li>{@code selection}: the rank search on the validation period
     *   <li>{@code popularity}: the most popular items' hit rate on it
     *   <li>{@code rank}: the rank fitted on every purchase
     *   <li>{@code samples}: the sample customers' recommendations
     *   <li>{@code orders}: the sample customers' orders
     * </ul>
     */
    static final class Figures {
        private final RankSelection selection;
        private final HitRate popularity;
        private final int rank;
        private final List<Recommendations> samples;
        private final int[] orders;

        Figures(RankSelection selection, HitRate popularity, int rank, List<Recommendations> samples, int[] orders) {
            this.selection = selection;
            this.popularity = popularity;
            this.rank = rank;
            this.samples = samples;
            this.orders = orders;
        }

        RankSelection selection() {
            return selection;
        }

        HitRate popularity() {
            return popularity;
        }

        int rank() {
            return rank;
        }

        List<Recommendations> samples() {
            return samples;
        }

        int[] orders() {
            return orders;
        }

    }

    /**
     * Three customers, as dense indexes of the log: the one with the most orders, then the first with two orders and
     * the first with one (fewer when there is no such customer).
     */
    static int[] sampleCustomers(TransactionLog log) {
        Orders o = log.orders(false);
        int n = log.customerCount();
        int most = -1;
        int two = -1;
        int one = -1;
        for (int c = 0; c < n; c++) {
            int k = o.orderEnd(c) - o.orderStart(c);
            if (k > 0 && (most < 0 || k > o.orderEnd(most) - o.orderStart(most))) {
                most = c;
            }
        }
        for (int c = 0; c < n; c++) {
            int k = o.orderEnd(c) - o.orderStart(c);
            if (k == 2 && two < 0 && c != most) {
                two = c;
            }
            if (k == 1 && one < 0 && c != most) {
                one = c;
            }
        }
        return java.util.stream.IntStream.of(most, two, one).filter(c -> c >= 0).toArray();
    }

    static Figures compute(TransactionLog cut, Instant asOf, long seed, int threads, Predicate<String> excluded) {
        Instant start = LocalDate.ofInstant(asOf, ZoneOffset.UTC).minusMonths(MONTHS).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        SvdOptions svd = SvdOptions.defaults().withSeed(seed).withThreads(threads);
        PurchasePeriod period = PurchasePeriod.of(cut, start, asOf);
        RankSelection selection = RankSelection.evaluate(period, RANKS, N, svd);
        HitRate popular = HitRate.compute(Popularity.fit(period.train(), PopularityOptions.defaults()), period, N);
        Ratings purchases = Ratings.ofPurchases(cut);
        int rank = Math.min(selection.rank(), Math.min(purchases.userCount(), purchases.itemCount()));
        PureSvdModel model = PureSvd.fit(purchases, svd.withRank(rank));
        int[] samples = sampleCustomers(cut);
        Orders orders = cut.orders(false);
        List<Recommendations> recs = new ArrayList<>();
        int[] orderCounts = new int[samples.length];
        for (int k = 0; k < samples.length; k++) {
            int c = samples[k];
            orderCounts[k] = orders.orderEnd(c) - orders.orderStart(c);
            int u = purchases.users().indexOf(cut.customers().id(c));
            Recommendations r = TopN.recommend(model, purchases, u, N + SPARE);
            recs.add(keep(r, purchases, excluded));
        }
        return new Figures(selection, popular, rank, recs, orderCounts);
    }

    /** The first N items not excluded. */
    private static Recommendations keep(Recommendations r, Ratings purchases, Predicate<String> excluded) {
        int[] items = new int[N];
        float[] scores = new float[N];
        int k = 0;
        for (int t = 0; t < r.size() && k < N; t++) {
            if (!excluded.test(r.itemId(t))) {
                items[k] = r.item(t);
                scores[k++] = r.score(t);
            }
        }
        return new Recommendations(purchases.users(), purchases.items(), r.user(), java.util.Arrays.copyOf(items, k),
                java.util.Arrays.copyOf(scores, k));
    }

    static String render(Context ctx, Page page) {
        TransactionLog cut = ctx.cut();
        if (!cut.hasItems()) {
            return Sections.noData(page, "The orders carry no item ids: nothing to recommend.");
        }
        LocalDate start = LocalDate.ofInstant(ctx.asOf, ZoneOffset.UTC).minusMonths(MONTHS);
        if (cut.minTime() >= start.atStartOfDay(ZoneOffset.UTC).toEpochSecond()) {
            return Sections.noData(page, "The orders start less than " + MONTHS + " months before the as-of date "
                    + "(from " + start + "), which the choice of the model's rank needs.");
        }
        Figures f = compute(cut, ctx.asOf, ctx.seed, ctx.threads, ctx.excludedItems);
        RankSelection s = f.selection();
        page.paragraph(String.format(Locale.ROOT, "PureSVD on how often each customer bought each item. Its rank was "
                        + "chosen on the %d months from %s: fitted on the orders before, each customer who then bought "
                        + "an item new to them (%s customers) counts a hit when that item was in their top %d. The "
                        + "chosen rank, %d, was then fitted on every order before the as-of date.", MONTHS, start,
                Html.count(s.period().customers()), N, f.rank()));
        int nr = s.ranks().length;
        String[] labels = new String[nr + 1];
        double[] rates = new double[nr + 1];
        StringBuilder desc = new StringBuilder("Hit rate of the top " + N + " on the validation period:");
        for (int k = 0; k < nr; k++) {
            labels[k] = "rank " + s.ranks()[k];
            rates[k] = 100 * s.hitRates().get(k).rate().orElse(Double.NaN);
        }
        labels[nr] = "most popular";
        rates[nr] = 100 * f.popularity().rate().orElse(Double.NaN);
        for (int k = 0; k <= nr; k++) {
            desc.append(' ').append(labels[k]).append(' ').append(Html.number(rates[k], 1)).append('%')
                    .append(k < nr ? ";" : ".");
        }
        if (s.period().customers() == 0) {
            page.noData("No customer bought an item new to them in the validation period: no hit rate to draw.");
        } else {
            page.figure(Charts.columns("chart-recommendations-hits", "Hit rate by model rank", desc.toString(),
                    "model", "customers with a hit in their top " + N + " (%)", labels, new String[] {"hit rate"},
                    new double[][] {rates}), null);
        }
        List<String[]> rows = new ArrayList<>();
        for (int k = 0; k < f.samples().size(); k++) {
            Recommendations r = f.samples().get(k);
            StringBuilder items = new StringBuilder();
            for (int t = 0; t < r.size(); t++) {
                items.append(t == 0 ? "" : ", ").append(r.itemId(t)).append(" (")
                        .append(Html.number(r.score(t), 3)).append(')');
            }
            rows.add(new String[] {r.userId(), Html.count(f.orders()[k]), items.length() == 0 ? "none" : items
                    .toString()});
        }
        page.table("Sample customers' top " + N + " items not bought yet (item id and score)",
                new String[] {"customer", "orders", "recommended items"}, new boolean[] {false, true, false}, rows);
        return "";
    }
}
