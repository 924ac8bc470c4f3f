package dev.retention.report;

import dev.retention.data.Orders;
import dev.retention.data.TransactionLog;
import dev.retention.report.internal.Charts;
import dev.retention.report.internal.Html;
import dev.retention.report.internal.Page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The shop in short: counts, revenue, dates, and revenue by calendar month. */
final class SummarySection {

    private SummarySection() {
    }

    /**
     * The summary's figures.
     *
     * <ul>
     *   <li>{@code customers}: customers with a purchase
     *   <li>{@code orders}: purchase orders (an order id shared by two customers counts once per customer)
     *   <li>{@code lines}: purchase lines
     *   <li>{@code linesRead}: lines read from the source
     *   <li>{@code linesSkipped}: lines the purchase rules skipped
     *   <li>{@code revenue}: the sum of the purchase lines' amounts
     *   <li>{@code repeatShare}: the share of customers with two or more orders
     *   <li>{@code first}: the first purchase's day
     *   <li>{@code last}: the last purchase's day
     *   <li>{@code months}: the calendar months from the first to the last purchase ("2011-01")
     *   <li>{@code monthlyRevenue}: revenue of each month
     *   <li>{@code monthlyCustomers}: customers with a purchase in each month
     * </ul>
     */
    static final class Figures {
        private final int customers;
        private final int orders;
        private final int lines;
        private final long linesRead;
        private final long linesSkipped;
        private final double revenue;
        private final double repeatShare;
        private final LocalDate first;
        private final LocalDate last;
        private final List<String> months;
        private final double[] monthlyRevenue;
        private final int[] monthlyCustomers;

        Figures(int customers, int orders, int lines, long linesRead, long linesSkipped, double revenue, double repeatShare, LocalDate first, LocalDate last, List<String> months, double[] monthlyRevenue, int[] monthlyCustomers) {
            this.customers = customers;
            this.orders = orders;
            this.lines = lines;
            this.linesRead = linesRead;
            this.linesSkipped = linesSkipped;
            this.revenue = revenue;
            this.repeatShare = repeatShare;
            this.first = first;
            this.last = last;
            this.months = months;
            this.monthlyRevenue = monthlyRevenue;
            this.monthlyCustomers = monthlyCustomers;
        }

        int customers() {
            return customers;
        }

        int orders() {
            return orders;
        }

        int lines() {
            return lines;
        }

        long linesRead() {
            return linesRead;
        }

        long linesSkipped() {
            return linesSkipped;
        }

        double revenue() {
            return revenue;
        }

        double repeatShare() {
            return repeatShare;
        }

        LocalDate first() {
            return first;
        }

        LocalDate last() {
            return last;
        }

        List<String> months() {
            return months;
        }

        double[] monthlyRevenue() {
            return monthlyRevenue;
        }

        int[] monthlyCustomers() {
            return monthlyCustomers;
        }

    }

    static Figures compute(TransactionLog cut, TransactionLog whole) {
        Orders orders = cut.orders(false);
        int customers = 0;
        int repeat = 0;
        for (int c = 0; c < cut.customerCount(); c++) {
            int n = orders.orderEnd(c) - orders.orderStart(c);
            customers += n > 0 ? 1 : 0;
            repeat += n >= 2 ? 1 : 0;
        }
        long firstSecond = Long.MAX_VALUE;
        long lastSecond = Long.MIN_VALUE;
        int lines = 0;
        double revenue = 0;
        for (int i = 0; i < cut.size(); i++) {
            if (!cut.isCancellation(i)) {
                firstSecond = Math.min(firstSecond, cut.time(i));
                lastSecond = Math.max(lastSecond, cut.time(i));
                revenue += cut.amount(i);
                lines++;
            }
        }
        LocalDate first = LocalDate.ofInstant(Instant.ofEpochSecond(firstSecond), cut.zone());
        LocalDate last = LocalDate.ofInstant(Instant.ofEpochSecond(lastSecond), cut.zone());
        YearMonth m0 = YearMonth.from(first);
        int months = (int) Math.min(m0.until(YearMonth.from(last), java.time.temporal.ChronoUnit.MONTHS) + 1, 1200);
        double[] monthly = new double[months];
        int[] buyers = new int[months];
        for (int c = 0; c < cut.customerCount(); c++) {
            int lastMonth = -1;
            for (int i = cut.lineStart(c); i < cut.lineEnd(c); i++) {
                if (cut.isCancellation(i)) {
                    continue;
                }
                YearMonth ym = YearMonth.from(LocalDate.ofInstant(Instant.ofEpochSecond(cut.time(i)), cut.zone()));
                int k = (int) Math.min(m0.until(ym, java.time.temporal.ChronoUnit.MONTHS), months - 1);
                monthly[k] += cut.amount(i);
                if (k != lastMonth) {   // lines are in time order per customer
                    buyers[k]++;
                    lastMonth = k;
                }
            }
        }
        List<String> labels = new ArrayList<>(months);
        for (int k = 0; k < months; k++) {
            labels.add(m0.plusMonths(k).toString());
        }
        return new Figures(customers, orders.size(), lines, whole.lineCounts().read(), whole.lineCounts().skipped(),
                revenue, customers == 0 ? 0 : (double) repeat / customers, first, last, labels, monthly, buyers);
    }

    static String render(Context ctx, Page page) {
        Figures f = compute(ctx.cut(), ctx.log);
        page.paragraph(String.format(Locale.ROOT, "Orders from %s to %s, as of %s. Revenue is the sum of the purchase "
                        + "lines' amounts; cancelled lines are left out as the purchase rules say (%s of %s lines read "
                        + "were skipped).", f.first(), f.last(), LocalDate.ofInstant(ctx.asOf, java.time.ZoneOffset.UTC),
                Html.count(f.linesSkipped()), Html.count(f.linesRead())));
        String cancellers = dev.retention.rfm.HeavyCancellers.compute(ctx.cut(),
                dev.retention.rfm.HeavyCancellers.DEFAULT_SHARE).summary(3);
        if (!cancellers.isEmpty()) {
            page.paragraph("Note: " + cancellers + ". Their spend, CLV and place in the playbook count orders they "
                    + "cancelled.");
        }
        List<String[]> cards = new ArrayList<>();
        cards.add(new String[] {"customers", Html.count(f.customers())});
        cards.add(new String[] {"orders", Html.count(f.orders())});
        cards.add(new String[] {ctx.withUnit("revenue"), ctx.money(f.revenue())});
        cards.add(new String[] {ctx.withUnit("mean order value"), ctx.money(f.orders() == 0 ? 0
                : f.revenue() / f.orders())});
        cards.add(new String[] {"repeat customers", Html.percent(f.repeatShare())});
        cards.add(new String[] {"order lines", Html.count(f.lines())});
        page.cards(cards);
        String[] months = f.months().toArray(new String[0]);
        StringBuilder desc = new StringBuilder("Revenue by month: ");
        int best = 0;
        for (int k = 0; k < months.length; k++) {
            best = f.monthlyRevenue()[k] > f.monthlyRevenue()[best] ? k : best;
        }
        desc.append(months.length).append(" months from ").append(months[0]).append(" to ")
                .append(months[months.length - 1]).append("; the highest, ").append(months[best]).append(", ")
                .append(ctx.money(f.monthlyRevenue()[best])).append(' ').append(ctx.currency).append('.');
        page.chartsStart();
        page.figure(Charts.columns("chart-summary-revenue", "Revenue by month", desc.toString(), "month",
                ctx.withUnit("revenue"), months, new String[] {"revenue"}, new double[][] {f.monthlyRevenue()}),
                "The last month may be partial: it ends at the last order before the as-of date.");
        double[] buyers = new double[months.length];
        for (int k = 0; k < buyers.length; k++) {
            buyers[k] = f.monthlyCustomers()[k];
        }
        page.figure(Charts.columns("chart-summary-customers", "Customers buying each month",
                "Customers with at least one purchase in each of " + months.length + " months.", "month",
                "customers (count)", months, new String[] {"customers"}, new double[][] {buyers}), null);
        page.chartsEnd();
        return "";
    }
}
