package dev.retention.report;

import dev.retention.experiment.analysis.AnalysisReport;
import dev.retention.experiment.analysis.Comparison;
import dev.retention.experiment.analysis.ExperimentAnalysis;
import dev.retention.experiment.analysis.Metric;
import dev.retention.report.internal.Charts;
import dev.retention.report.internal.Html;
import dev.retention.report.internal.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Experiment results: each treated arm against the control on each metric, the difference with its interval (one
 * interval chart per metric, since metrics have different units), p-values with Holm's adjustment and the
 * sample-ratio check.
 */
final class ExperimentSection {

    private ExperimentSection() {
    }

    static AnalysisReport compute(Report.Experiment e) {
        return ExperimentAnalysis.compute(e.table(), e.options());
    }

    static String render(Context ctx, Page page) {
        if (ctx.experiments.isEmpty()) {
            return Sections.noData(page, "No experiment was given. Give one (the command line's --experiment FILE) "
                    + "to see its arms compared with intervals.");
        }
        int n = 0;
        for (Report.Experiment e : ctx.experiments) {
            AnalysisReport r = compute(e);
            page.heading(e.name());
            long[] counts = e.table().armCounts();
            StringBuilder arms = new StringBuilder();
            for (int a = 0; a < counts.length; a++) {
                arms.append(a == 0 ? "" : ", ").append(e.table().armNames().get(a)).append(' ')
                        .append(Html.count(counts[a]));
            }
            page.paragraph(String.format(Locale.ROOT, "%s units (%s); the control arm is %s; intervals at %s confidence. "
                            + "Sample-ratio check: chi-square %.2f, p %s%s", Html.count(e.table().rows()), arms,
                    r.control(), Html.percent(1 - e.options().alpha()), r.sampleRatio().chiSquare(),
                    p(r.sampleRatio().pValue()), r.sampleRatio().alarm() ? ": MISMATCH, do not trust these "
                            + "comparisons." : "."));
            for (Metric m : e.options().metrics()) {
                List<Comparison> cs = new ArrayList<>();
                for (Comparison c : r.comparisons()) {
                    if (c.metric().equals(m)) {
                        cs.add(c);
                    }
                }
                String[] labels = new String[cs.size()];
                double[] est = new double[cs.size()];
                double[] lo = new double[cs.size()];
                double[] hi = new double[cs.size()];
                boolean binary = m.kind() == Metric.Kind.BINARY;
                double scale = binary ? 100 : 1;
                StringBuilder desc = new StringBuilder("Difference from the control on " + m.column() + ":");
                for (int i = 0; i < cs.size(); i++) {
                    Comparison c = cs.get(i);
                    labels[i] = c.arm();
                    est[i] = scale * c.difference();
                    lo[i] = scale * c.interval().low();
                    hi[i] = scale * c.interval().high();
                    desc.append(' ').append(c.arm()).append(' ').append(Html.number(est[i], 3)).append(" [")
                            .append(Html.number(lo[i], 3)).append(", ").append(Html.number(hi[i], 3)).append(']')
                            .append(i + 1 < cs.size() ? ";" : ".");
                }
                if (cs.isEmpty()) {
                    page.noData("No treated arm to compare on " + m.column() + ".");
                    continue;
                }
                n++;
                String safeId = "chart-experiment-" + n;
                page.figure(Charts.intervals(safeId, e.name() + ": " + m.column() + ", treated minus control",
                        desc.toString(), binary ? "difference in " + m.column() + " rate (percentage points)"
                                : "difference in mean " + m.column() + " (its unit)", labels, est, lo, hi),
                        "Intervals that do not cross the dashed zero line are drawn in blue.");
            }
            List<String[]> rows = new ArrayList<>();
            for (Comparison c : r.comparisons()) {
                rows.add(new String[] {c.arm(), c.metric().column(), Html.number(c.treated(), 4),
                        Html.number(c.control(), 4), Html.number(c.difference(), 4), "[" + Html.number(c.interval()
                        .low(), 4) + ", " + Html.number(c.interval().high(), 4) + "]",
                        c.relativeLift().isPresent() ? Html.percent(c.relativeLift().getAsDouble()) : "n/a",
                        p(c.pValue()), p(c.pValueHolm()), c.method()});
            }
            page.table(e.name() + ": every comparison", new String[] {"arm", "metric", "treated", "control",
                    "difference", "interval", "relative lift", "p", "p (Holm)", "test"},
                    new boolean[] {false, false, true, true, true, true, true, true, true, false}, rows);
        }
        return n == 0 ? "no comparison to draw" : "";
    }

    private static String p(double v) {
        return v < 1e-4 ? "< 0.0001" : Html.number(v, 4);
    }
}
