package dev.retention.report;

import dev.retention.model.Verdict;
import dev.retention.playbook.CustomerState;
import dev.retention.playbook.CustomerStates;
import dev.retention.report.internal.Charts;
import dev.retention.report.internal.Html;
import dev.retention.report.internal.Page;
import dev.retention.report.internal.Ticks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Customer lifetime value over the horizon (BG/NBD and Gamma-Gamma, through the playbook's customer states): its
 * distribution and the top customers with P(alive).
 */
final class ClvSection {

    /** Top customers listed. */
    static final int TOP = 10;

    private ClvSection() {
    }

    /**
     * The histogram: nice bin edges from 0 to the 99th percentile; the last bin also holds everything above.
     *
     * <ul>
     *   <li>{@code edges}: bin edges, one more than the counts
     *   <li>{@code counts}: customers per bin
     *   <li>{@code total}: the sum of every customer's CLV
     * </ul>
     */
    static final class Histogram {
        private final double[] edges;
        private final long[] counts;
        private final double total;

        Histogram(double[] edges, long[] counts, double total) {
            this.edges = edges;
            this.counts = counts;
            this.total = total;
        }

        double[] edges() {
            return edges;
        }

        long[] counts() {
            return counts;
        }

        double total() {
            return total;
        }

    }

    static Histogram histogram(double[] clv) {
        double[] sorted = clv.clone();
        Arrays.sort(sorted);
        double p99 = sorted.length == 0 ? 0 : sorted[(int) Math.ceil(0.99 * sorted.length) - 1];
        Ticks ticks = Ticks.of(0, Math.max(p99, 0), 12);
        int bins = ticks.count() - 1;
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = ticks.value(b);
        }
        long[] counts = new long[bins];
        double total = 0;
        for (double v : clv) {
            total += v;
            int b = 0;
            while (b < bins - 1 && v >= edges[b + 1]) {   // bounded by the bin count
                b++;
            }
            counts[b]++;
        }
        return new Histogram(edges, counts, total);
    }

    /** The top customers by CLV, ties by id. */
    static List<CustomerState> top(List<CustomerState> states, int n) {
        List<CustomerState> sorted = new ArrayList<>(states);
        sorted.sort(Comparator.comparingDouble(CustomerState::clv).reversed().thenComparing(CustomerState::id));
        return sorted.subList(0, Math.min(n, sorted.size()));
    }

    static String render(Context ctx, Page page) {
        CustomerStates states = ctx.states();
        Verdict verdict = states.lifetime().verdict();
        if (verdict == Verdict.UNUSABLE || states.states().isEmpty()) {
            return Sections.noData(page, "The BG/NBD and Gamma-Gamma fits behind CLV are unusable on these orders ("
                    + String.join("; ", warnings(states)) + "): no CLV to show.");
        }
        List<CustomerState> list = states.states();
        double[] clv = new double[list.size()];
        for (int i = 0; i < clv.length; i++) {
            clv[i] = list.get(i).clv();
        }
        Histogram h = histogram(clv);
        page.paragraph(String.format(Locale.ROOT, "Expected, discounted value of each customer over the next %d "
                + "months, from the BG/NBD (how often and how long customers keep buying) and Gamma-Gamma (how much "
                + "they spend) models fitted in weeks on the orders before the as-of date. P(alive) is the "
                + "probability that the customer has not left for good.", ctx.horizonMonths));
        var bg = states.lifetime().bgNbd();
        page.paragraph(String.format(Locale.ROOT, "BG/NBD r %.4g, alpha %.4g weeks, a %.4g, b %.4g; Gamma-Gamma p %.4g,"
                        + " q %.4g, v %.4g; penalizer %s; verdict %s%s", bg.r(), bg.alpha(), bg.a(), bg.b(),
                states.lifetime().spend().p(), states.lifetime().spend().q(), states.lifetime().spend().v(),
                Html.number(ctx.penalizer, 4), verdict, verdict == Verdict.FINE ? "."
                        : " (" + String.join("; ", warnings(states)) + ")."));
        double meanAlive = 0;
        for (CustomerState s : list) {
            meanAlive += s.aliveProbability() / list.size();
        }
        if (meanAlive > 0.98) {
            page.paragraph(String.format(Locale.ROOT, "P(alive) averages %.3f: the BG/NBD sees almost no dropout, so "
                    + "CLV assumes nearly every customer keeps buying. A small penalizer (0.001) usually gives a "
                    + "more credible fit.", meanAlive));
        }
        List<String[]> cards = new ArrayList<>();
        cards.add(new String[] {ctx.withUnit(ctx.horizonMonths + "-month CLV, total"), ctx.money(h.total())});
        cards.add(new String[] {ctx.withUnit("mean CLV"), ctx.money(h.total() / clv.length)});
        cards.add(new String[] {"expected customers alive", Html.count(Math.round(meanAlive * list.size())) + " of "
                + Html.count(list.size())});
        page.cards(cards);
        int bins = h.counts().length;
        String[] labels = new String[bins];
        double[] counts = new double[bins];
        Ticks ticks = Ticks.of(h.edges()[0], h.edges()[bins], 12);
        StringBuilder desc = new StringBuilder("Customers by " + ctx.horizonMonths + "-month CLV in " + ctx.currency
                + ":");
        for (int b = 0; b < bins; b++) {
            labels[b] = b == bins - 1 ? "\u2265 " + ticks.format(h.edges()[b]) : ticks.format(h.edges()[b])
                    + "\u2013" + ticks.format(h.edges()[b + 1]);
            counts[b] = h.counts()[b];
            desc.append(' ').append(labels[b]).append(": ").append(Html.count(h.counts()[b]))
                    .append(b + 1 < bins ? ";" : ".");
        }
        page.figure(Charts.columns("chart-clv-histogram", "Distribution of " + ctx.horizonMonths + "-month CLV",
                desc.toString(), ctx.withUnit("CLV"), "customers (count)", labels, new String[] {"customers"},
                new double[][] {counts}), "Bins up to the 99th percentile; the last bin holds every customer above.");
        List<String[]> rows = new ArrayList<>();
        int rank = 1;
        for (CustomerState s : top(list, TOP)) {
            rows.add(new String[] {Integer.toString(rank++), s.id(), ctx.money(s.clv()),
                    Html.number(s.aliveProbability(), 2), Html.number(s.expectedPurchases(), 1),
                    Integer.toString(s.recencyDays()), s.segment()});
        }
        page.table("Top " + rows.size() + " customers by CLV", new String[] {"rank", "customer",
                ctx.withUnit(ctx.horizonMonths + "-month CLV"), "P(alive)", "expected orders", "recency (days)",
                "segment"}, new boolean[] {true, false, true, true, true, true, false}, rows);
        return "";
    }

    private static List<String> warnings(CustomerStates states) {
        List<String> out = new ArrayList<>(states.lifetime().bgNbd().fitSummary().warnings());
        out.addAll(states.lifetime().spend().fitSummary().warnings());
        return out.isEmpty() ? List.of("no reason given") : out;
    }
}
