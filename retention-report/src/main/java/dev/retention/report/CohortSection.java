package dev.retention.report;

import dev.retention.cohort.CohortOptions;
import dev.retention.cohort.CohortRetention;
import dev.retention.cohort.CohortTable;
import dev.retention.report.internal.Charts;
import dev.retention.report.internal.Html;
import dev.retention.report.internal.Page;
import dev.retention.report.internal.Ticks;

import java.util.ArrayList;
import java.util.List;

/** Monthly cohorts: the retention heatmap (cohort by months since the first order) and each cohort's size. */
final class CohortSection {

    /** Most cohorts drawn: the latest ones. */
    static final int MAX_ROWS = 36;
    /** Most offsets drawn. */
    static final int MAX_COLUMNS = 24;

    private CohortSection() {
    }

    /**
     * The heatmap's cells.
     *
     * <ul>
     *   <li>{@code table}: the cohort table
     *   <li>{@code firstRow}: the first cohort drawn
     *   <li>{@code rows}: cohort labels drawn
     *   <li>{@code columns}: offsets drawn
     *   <li>{@code shares}: retention of each drawn cell, NaN where not observed
     *   <li>{@code scaleMax}: the top of the colour scale: the largest share after offset 0, rounded up to a nice number
     * </ul>
     */
    static final class Figures {
        private final CohortTable table;
        private final int firstRow;
        private final String[] rows;
        private final String[] columns;
        private final double[][] shares;
        private final double scaleMax;

        Figures(CohortTable table, int firstRow, String[] rows, String[] columns, double[][] shares, double scaleMax) {
            this.table = table;
            this.firstRow = firstRow;
            this.rows = rows;
            this.columns = columns;
            this.shares = shares;
            this.scaleMax = scaleMax;
        }

        CohortTable table() {
            return table;
        }

        int firstRow() {
            return firstRow;
        }

        String[] rows() {
            return rows;
        }

        String[] columns() {
            return columns;
        }

        double[][] shares() {
            return shares;
        }

        double scaleMax() {
            return scaleMax;
        }

    }

    static Figures compute(Context ctx) {
        CohortTable t = CohortRetention.compute(ctx.cut(), CohortOptions.defaults().withAsOf(ctx.asOf));
        int first = Math.max(0, t.cohortCount() - MAX_ROWS);
        int nr = t.cohortCount() - first;
        int nc = Math.min(t.offsetCount(), MAX_COLUMNS);
        String[] rows = new String[nr];
        String[] cols = new String[nc];
        double[][] shares = new double[nr][nc];
        double top = 0;
        for (int k = 0; k < nc; k++) {
            cols[k] = Integer.toString(k);
        }
        for (int r = 0; r < nr; r++) {
            int c = first + r;
            rows[r] = t.label(c) + " (" + Html.count(t.size(c)) + ")";
            for (int k = 0; k < nc; k++) {
                shares[r][k] = t.retention(c, k).orElse(Double.NaN);
                if (k > 0 && Double.isFinite(shares[r][k])) {
                    top = Math.max(top, shares[r][k]);
                }
            }
        }
        double scaleMax = top == 0 ? 1 : Math.min(1, Ticks.of(0, top, 5).max());
        return new Figures(t, first, rows, cols, shares, scaleMax);
    }

    static String render(Context ctx, Page page) {
        Figures f = compute(ctx);
        CohortTable t = f.table();
        double[] mean = t.meanRetention();
        page.paragraph("Customers are grouped by the month of their first order (the cohort, its size in brackets). "
                + "Each cell is the share of the cohort that bought again k months later; month 0 is always 100%. "
                + "Blank cells are not observed yet.");
        StringBuilder desc = new StringBuilder("Retention by cohort and months since the first order, " + t
                .cohortCount() + " cohorts. Size-weighted mean retention:");
        for (int k = 1; k < Math.min(mean.length, 7); k++) {
            desc.append(' ').append(k).append(" month").append(k == 1 ? "" : "s").append(' ')
                    .append(Html.percent(mean[k])).append(k + 1 < Math.min(mean.length, 7) ? "," : ".");
        }
        page.figure(Charts.heatmap("chart-cohorts", "Retention by monthly cohort", desc.toString(),
                        "months since the first order", "cohort (customers)", f.rows(), f.columns(), f.shares(),
                        f.scaleMax()),
                (f.firstRow() > 0 ? "The latest " + f.rows().length + " of " + t.cohortCount() + " cohorts. " : "")
                        + "Colour: viridis from 0 to " + Html.percent(f.scaleMax()) + " (brighter is higher).");
        List<String[]> rows = new ArrayList<>();
        for (int c = f.firstRow(); c < t.cohortCount(); c++) {
            rows.add(new String[] {t.label(c), Html.count(t.size(c)), Html.percent(t.repurchaseRate(c)),
                    percent(t.repurchaseRateWithin(c, 90))});
        }
        page.table("Cohort sizes and repurchase", new String[] {"cohort", "customers", "bought twice or more",
                "second order within 90 days"}, new boolean[] {false, true, true, true}, rows);
        return "";
    }

    private static String percent(java.util.OptionalDouble v) {
        return v.isPresent() ? Html.percent(v.getAsDouble()) : "not observed yet";
    }
}
