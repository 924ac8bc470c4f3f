package dev.retention.report;

import dev.retention.report.internal.Charts;
import dev.retention.report.internal.Html;
import dev.retention.report.internal.Page;
import dev.retention.rfm.RfmTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** RFM segments: customers, revenue and mean R, F, M per segment. */
final class SegmentSection {

    private SegmentSection() {
    }

    /**
     * One segment's row.
     *
     * @param segment       its name
     * @param customers     customers in it
     * @param revenue       their summed monetary value
     * @param meanRecency   their mean recency in days
     * @param meanFrequency their mean number of orders
     */
    record Row(String segment, int customers, double revenue, double meanRecency, double meanFrequency) {
    }

    /** One row per segment of the table's segment map, in {@link RfmTable#segmentCounts()} order, empty ones too. */
    static List<Row> compute(RfmTable rfm) {
        Map<String, Integer> counts = rfm.segmentCounts();
        List<String> names = new ArrayList<>(counts.keySet());
        double[] revenue = new double[names.size()];
        double[] recency = new double[names.size()];
        double[] frequency = new double[names.size()];
        for (int row = 0; row < rfm.size(); row++) {
            int s = names.indexOf(rfm.segment(row));
            revenue[s] += rfm.monetary(row);
            recency[s] += rfm.recency(row);
            frequency[s] += rfm.frequency(row);
        }
        List<Row> out = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            int n = counts.get(names.get(s));
            out.add(new Row(names.get(s), n, revenue[s], n == 0 ? Double.NaN : recency[s] / n,
                    n == 0 ? Double.NaN : frequency[s] / n));
        }
        return out;
    }

    static String render(Context ctx, Page page) {
        RfmTable rfm = ctx.rfm();
        List<Row> rows = compute(rfm);
        int total = rfm.size();
        double revenue = 0;
        for (Row r : rows) {
            revenue += r.revenue();
        }
        page.paragraph("Each customer scores 1 to 5 on recency (days since the last order), frequency (orders) and "
                + "monetary value (spend) by quintile, ties scored equally; the scores name a segment.");
        String[] names = new String[rows.size()];
        double[] sizes = new double[rows.size()];
        double[] value = new double[rows.size()];
        StringBuilder sizeDesc = new StringBuilder("Customers per segment: ");
        StringBuilder valueDesc = new StringBuilder("Revenue per segment in " + ctx.currency + ": ");
        for (int s = 0; s < names.length; s++) {
            Row r = rows.get(s);
            names[s] = r.segment();
            sizes[s] = r.customers();
            value[s] = r.revenue();
            sizeDesc.append(s == 0 ? "" : "; ").append(r.segment()).append(' ').append(Html.count(r.customers()));
            valueDesc.append(s == 0 ? "" : "; ").append(r.segment()).append(' ').append(ctx.money(r.revenue()));
        }
        page.chartsStart();
        page.figure(Charts.bars("chart-segments-size", "Customers per segment", sizeDesc + ".", "customers (count)",
                names, sizes, 0), null);
        page.figure(Charts.bars("chart-segments-value", "Revenue per segment", valueDesc + ".",
                ctx.withUnit("revenue"), names, value, 1), null);
        page.chartsEnd();
        List<String[]> table = new ArrayList<>();
        for (Row r : rows) {
            table.add(new String[] {r.segment(), Html.count(r.customers()), Html.percent(total == 0 ? Double.NaN
                    : (double) r.customers() / total), ctx.money(r.revenue()), Html.percent(revenue == 0 ? Double.NaN
                    : r.revenue() / revenue), Html.number(r.meanRecency(), 0), Html.number(r.meanFrequency(), 1),
                    ctx.money(r.customers() == 0 ? Double.NaN : r.revenue() / r.customers())});
        }
        page.table(String.format(Locale.ROOT, "%s customers as of %s", Html.count(total),
                        java.time.LocalDate.ofInstant(rfm.asOf(), java.time.ZoneOffset.UTC)),
                new String[] {"segment", "customers", "share", ctx.withUnit("revenue"), "share of revenue",
                        "mean recency (days)", "mean orders", ctx.withUnit("mean spend")},
                new boolean[] {false, true, true, true, true, true, true, true}, table);
        return "";
    }
}
