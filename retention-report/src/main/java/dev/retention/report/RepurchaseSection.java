package dev.retention.report;

import dev.retention.data.TransactionLog;
import dev.retention.report.internal.Charts;
import dev.retention.report.internal.Html;
import dev.retention.report.internal.Page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The repurchase curve: for each number of days d after a customer's first order, the share of the customers whose
 * window of d days is observed whose second order came within it. At 30, 60 and 90 days this is the cohort table's
 * {@code overallRepurchaseRateWithin} (same eligibility: first order more than d days before the end).
 */
final class RepurchaseSection {

    /** Longest window drawn, in days. */
    static final int MAX_DAYS = 365;
    private static final long DAY = 86_400;

    private RepurchaseSection() {
    }

    /**
     * The curve.
     *
     * <ul>
     *   <li>{@code eligible}: customers whose window of d days is observed, for d = 0 .. days
     *   <li>{@code repeated}: of them, those whose second order came within d days
     * </ul>
     */
    static final class Curve {
        private final long[] eligible;
        private final long[] repeated;

        Curve(long[] eligible, long[] repeated) {
            this.eligible = eligible;
            this.repeated = repeated;
        }

        long[] eligible() {
            return eligible;
        }

        long[] repeated() {
            return repeated;
        }

        /** {@return the last day of the curve} */
        int days() {
            return eligible.length - 1;
        }

        /** {@return the share at day d, NaN when no customer is eligible} */
        double share(int d) {
            return eligible[d] == 0 ? Double.NaN : (double) repeated[d] / eligible[d];
        }
    }

    /**
     * The curve from the purchases before {@code end}. O(lines + days).
     *
     * @param cut the orders
     * @param end the end of observation, epoch seconds (exclusive)
     */
    static Curve compute(TransactionLog cut, long end) {
        int n = cut.customerCount();
        long[] first = new long[n];
        long[] second = new long[n];
        boolean[] bought = new boolean[n];
        int[] seenBy = new int[Math.max(cut.orderCount(), 1)];
        Arrays.fill(seenBy, -1);
        long earliest = Long.MAX_VALUE;
        for (int c = 0; c < n; c++) {
            int orders = 0;
            second[c] = -1;
            for (int i = cut.lineStart(c); i < cut.lineEnd(c); i++) {
                long t = cut.time(i);
                if (t >= end) {
                    break;
                }
                if (cut.isCancellation(i)) {
                    continue;
                }
                int o = cut.order(i);
                if (seenBy[o] != c) {
                    seenBy[o] = c;
                    orders++;
                    if (orders == 1) {
                        first[c] = t;
                        bought[c] = true;
                    } else if (orders == 2) {
                        second[c] = t;
                        break;
                    }
                }
            }
            if (bought[c]) {
                earliest = Math.min(earliest, first[c]);
            }
        }
        if (earliest == Long.MAX_VALUE) {
            return new Curve(new long[1], new long[1]);
        }
        int days = (int) Math.min(MAX_DAYS, Math.max(0, ceilDays(end - earliest) - 1));
        long[] eligibleFrom = new long[days + 2];   // difference arrays
        long[] repeatedFrom = new long[days + 2];
        for (int c = 0; c < n; c++) {
            if (!bought[c]) {
                continue;
            }
            // first + d * DAY < end  <=>  d <= ceil((end - first) / DAY) - 1
            long maxD = ceilDays(end - first[c]) - 1;
            if (maxD < 0) {
                continue;
            }
            int top = (int) Math.min(maxD, days);
            eligibleFrom[0]++;
            eligibleFrom[top + 1]--;
            if (second[c] >= 0) {
                long gap = ceilDays(second[c] - first[c]);   // smallest d with second - first <= d * DAY
                if (gap <= top) {
                    repeatedFrom[(int) gap]++;
                    repeatedFrom[top + 1]--;
                }
            }
        }
        long[] eligible = new long[days + 1];
        long[] repeated = new long[days + 1];
        long e = 0;
        long r = 0;
        for (int d = 0; d <= days; d++) {
            e += eligibleFrom[d];
            r += repeatedFrom[d];
            eligible[d] = e;
            repeated[d] = r;
        }
        return new Curve(eligible, repeated);
    }

    private static long ceilDays(long seconds) {
        return Math.floorDiv(seconds + DAY - 1, DAY);
    }

    static String render(Context ctx, Page page) {
        long end = ctx.asOf.getEpochSecond() + (ctx.asOf.getNano() > 0 ? 1 : 0);
        Curve curve = compute(ctx.cut(), end);
        if (curve.days() < 1) {
            return Sections.noData(page, "The orders before " + Instant.ofEpochSecond(end) + " span less than a day "
                    + "after the first one: no window to measure a second order in.");
        }
        int days = curve.days();
        double[] x = new double[days + 1];
        double[] y = new double[days + 1];
        for (int d = 0; d <= days; d++) {
            x[d] = d;
            y[d] = 100 * curve.share(d);
        }
        StringBuilder desc = new StringBuilder("Share of customers with a second order within d days of their first,"
                + " d from 0 to " + days + ":");
        List<String[]> rows = new ArrayList<>();
        for (int d : new int[] {7, 30, 60, 90, 180, 365}) {
            if (d <= days) {
                desc.append(' ').append(d).append(" days ").append(Html.percent(curve.share(d))).append(';');
                rows.add(new String[] {Integer.toString(d), Html.percent(curve.share(d)),
                        Html.count(curve.eligible()[d]), Html.count(curve.repeated()[d])});
            }
        }
        desc.setLength(desc.length() - 1);
        page.paragraph("How soon do new customers come back? For each number of days d after a customer's first "
                + "order: of the customers whose first order is more than d days before the as-of date (so the whole "
                + "window is observed), the share whose second order came within d days.");
        page.figure(Charts.lines("chart-repurchase", "Second order within d days of the first", desc + ".",
                "days since the first order", "customers with a second order (%)", List.of(new Charts.Line(
                        "second order within d days", x, y, false, false, null)), 0, Double.NaN, 0, Double.NaN),
                "Each point counts only customers observed for the whole window, so later points rest on fewer, "
                        + "older customers.");
        page.table("Repurchase within a window", new String[] {"days", "second order within", "customers observed",
                "of them, came back"}, new boolean[] {true, true, true, true}, rows);
        return "";
    }
}
