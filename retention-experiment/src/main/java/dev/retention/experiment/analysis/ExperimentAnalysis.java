package dev.retention.experiment.analysis;

import dev.retention.experiment.ExperimentTable;
import dev.retention.experiment.stats.Cuped;
import dev.retention.experiment.stats.Interval;
import dev.retention.experiment.stats.MeanComparison;
import dev.retention.experiment.stats.MultipleTesting;
import dev.retention.experiment.stats.ProportionComparison;
import dev.retention.experiment.stats.RankTest;
import dev.retention.experiment.stats.SampleRatio;
import dev.retention.experiment.stats.TwoSampleTests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Analyses an experiment table: every treated arm against the control on every metric, with Holm and Bonferroni
 * adjustment over all those comparisons (the family is everything the report tests), and the sample-ratio check
 * of the arm counts against the planned split (logged at WARN when its p-value is below 0.001).
 *
 * <p>Binary metrics: rates, the pooled two-proportion z-test, the Wald interval (the report's interval) and
 * Newcombe's; continuous metrics: means, Welch's t-test and interval, optionally Mann-Whitney and a bootstrap
 * interval. With a covariate, CUPED replaces the outcome by {@code y - theta (x - mean x)}, theta estimated per
 * metric over the units of all arms together, and the comparison is Welch's t-test on the adjusted outcome
 * (binary metrics too: the adjusted outcome is no longer 0/1); the relative lift stays that of the raw rates or
 * means. See {@link TwoSampleTests} for the formulas and references. O(rows x metrics), plus the bootstrap.
 */
public final class ExperimentAnalysis {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentAnalysis.class);

    private ExperimentAnalysis() {
    }

    /**
     * Analyses the table.
     *
     * @param table   read: the units
     * @param options the control, metrics, covariate and alpha
     * @return the report
     * @throws IllegalArgumentException if the control arm is absent, the table has one arm only, a column is missing,
     *                                  a binary metric has a value other than 0 or 1 (named with its row), a
     *                                  comparison has zero variance in both arms, or the planned split has the wrong
     *                                  length
     */
    public static AnalysisReport compute(ExperimentTable table, AnalysisOptions options) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(options, "options");
        int control = table.arm(options.control());
        List<String> arms = table.armNames();
        if (arms.size() < 2) {
            throw new IllegalArgumentException("the table has a single arm ('" + arms.get(0) + "'): there is nothing "
                    + "to compare the control with");
        }
        double[] split = options.plannedSplit();
        if (split.length != 0 && split.length != arms.size()) {
            throw new IllegalArgumentException("plannedSplit has " + split.length + " weights for the " + arms.size()
                    + " arms " + arms);
        }
        SampleRatio srm = SampleRatio.test(table.armCounts(), split.length == 0 ? null : split);
        if (srm.alarm()) {
            LOG.warn("SAMPLE RATIO MISMATCH: arm counts {} against expected {} (chi-square p = {}): the assignment or "
                    + "the logging is broken; do not trust the comparisons", java.util.Arrays.toString(srm.counts()),
                    java.util.Arrays.toString(srm.expected()), srm.pValue());
        }
        int[] unitArms = table.arms();
        for (Metric m : options.metrics()) {
            if (m.kind() == Metric.Kind.BINARY) {
                double[] v = table.column(m.column());
                for (int i = 0; i < v.length; i++) {
                    if (v[i] != 0 && v[i] != 1) {
                        throw new IllegalArgumentException("binary metric '" + m.column() + "' has the value " + v[i]
                                + " in row " + i + " (arm '" + arms.get(unitArms[i]) + "'); a binary outcome must be 0 "
                                + "or 1 (use " + m.column() + ":continuous for other values)");
                    }
                }
            }
        }
        List<String> treatedArms = new ArrayList<>(arms);
        treatedArms.remove(options.control());
        treatedArms.sort(null);
        List<Double> thetas = new ArrayList<>();
        List<double[]> adjusted = new ArrayList<>();
        List<Double> reductions = new ArrayList<>();
        if (options.covariate().isPresent()) {
            double[] x = table.column(options.covariate().get());
            for (Metric m : options.metrics()) {
                double[] y = table.column(m.column());
                Cuped cuped = Cuped.fit(y, x);
                double[] adj = cuped.adjust(y, x);
                thetas.add(cuped.theta());
                adjusted.add(adj);
                reductions.add(1 - variance(adj) / variance(y));
            }
        }
        List<Comparison> out = new ArrayList<>();
        for (String armName : treatedArms) {
            int arm = table.arm(armName);
            for (int k = 0; k < options.metrics().size(); k++) {
                Metric m = options.metrics().get(k);
                try {
                    out.add(compare(table, arm, armName, control, m, options,
                            adjusted.isEmpty() ? null : adjusted.get(k),
                            adjusted.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(reductions.get(k)),
                            adjusted.isEmpty() ? 0 : thetas.get(k)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("metric '" + m.column() + "', arm '" + armName + "' against '"
                            + options.control() + "': " + e.getMessage(), e);
                }
            }
        }
        double[] p = new double[out.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = out.get(i).pValue();
        }
        double[] holm = MultipleTesting.holm(p);
        double[] bonferroni = MultipleTesting.bonferroni(p);
        for (int i = 0; i < p.length; i++) {
            out.set(i, out.get(i).withAdjusted(holm[i], bonferroni[i]));
        }
        return new AnalysisReport(options.control(), arms, srm,
                thetas.isEmpty() ? Optional.empty() : Optional.of(thetas), out);
    }

    private static Comparison compare(ExperimentTable table, int arm, String armName, int control, Metric m,
                                      AnalysisOptions o, double[] adjustedColumn, OptionalDouble reduction,
                                      double theta) {
        double[] t = table.column(m.column(), arm);
        double[] c = table.column(m.column(), control);
        double alpha = o.alpha();
        if (adjustedColumn != null) {
            double[] ta = table.select(adjustedColumn, arm);
            double[] ca = table.select(adjustedColumn, control);
            MeanComparison w = TwoSampleTests.welch(ta, ca, alpha);
            MeanComparison raw = rawLift(t, c, alpha, m);
            String method = String.format(Locale.ROOT, "Welch t on CUPED-adjusted %s (covariate %s, theta %.6g)",
                    m.column(), o.covariate().orElseThrow(), theta);
            return new Comparison(armName, m, w.treatedMean(), w.controlMean(), w.difference(), raw.relativeLift(),
                    raw.relativeInterval(), w.t(), OptionalDouble.of(w.df()), w.pValue(), w.pValue(), w.pValue(),
                    w.interval(), Optional.empty(), Optional.empty(), Optional.empty(), reduction, method);
        }
        if (m.kind() == Metric.Kind.BINARY) {
            ProportionComparison pc = TwoSampleTests.proportions(sum(t), t.length, sum(c), c.length, alpha);
            return new Comparison(armName, m, pc.treatedRate(), pc.controlRate(), pc.difference(), pc.relativeLift(),
                    pc.relativeInterval(), pc.z(), OptionalDouble.empty(), pc.pValue(), pc.pValue(), pc.pValue(),
                    pc.wald(), Optional.of(pc.newcombe()), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
                    "two-proportion z-test (pooled), Wald interval");
        }
        MeanComparison w = TwoSampleTests.welch(t, c, alpha);
        Optional<RankTest> mw = o.mannWhitney() ? Optional.of(TwoSampleTests.mannWhitney(t, c)) : Optional.empty();
        Optional<Interval> boot = o.bootstrapResamples() > 0
                ? Optional.of(TwoSampleTests.bootstrapDifference(t, c, alpha, o.bootstrapResamples(), o.seed()))
                : Optional.empty();
        return new Comparison(armName, m, w.treatedMean(), w.controlMean(), w.difference(), w.relativeLift(),
                w.relativeInterval(), w.t(), OptionalDouble.of(w.df()), w.pValue(), w.pValue(), w.pValue(),
                w.interval(), Optional.empty(), mw, boot, OptionalDouble.empty(), "Welch t-test");
    }

    /** The relative lift of the unadjusted outcome, as the comparison without CUPED gives it. */
    private static MeanComparison rawLift(double[] t, double[] c, double alpha, Metric m) {
        if (m.kind() == Metric.Kind.BINARY) {
            ProportionComparison pc = TwoSampleTests.proportions(sum(t), t.length, sum(c), c.length, alpha);
            return new MeanComparison(t.length, c.length, pc.treatedRate(), pc.controlRate(), 0, 0, pc.difference(),
                    pc.z(), 1, pc.pValue(), pc.wald(), pc.relativeLift(), pc.relativeInterval());
        }
        return TwoSampleTests.welch(t, c, alpha);
    }

    private static long sum(double[] v) {
        long s = 0;
        for (double x : v) {
            s += (long) x;
        }
        return s;
    }

    private static double variance(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return ss / (v.length - 1);
    }
}
