package dev.retention.cli;

import dev.retention.experiment.ExperimentTable;
import dev.retention.experiment.ExperimentTableReader;
import dev.retention.experiment.analysis.AnalysisOptions;
import dev.retention.experiment.analysis.AnalysisReport;
import dev.retention.experiment.analysis.Comparison;
import dev.retention.experiment.analysis.ExperimentAnalysis;
import dev.retention.experiment.analysis.Metric;
import dev.retention.experiment.planning.Plan;
import dev.retention.experiment.planning.PowerAnalysis;
import dev.retention.experiment.sequential.Boundaries;
import dev.retention.experiment.sequential.GroupSequential;
import dev.retention.experiment.sequential.Msprt;
import dev.retention.experiment.sequential.Spending;
import dev.retention.experiment.stats.Distributions;
import dev.retention.experiment.stats.Interval;
import dev.retention.experiment.stats.MeanComparison;
import dev.retention.experiment.stats.ProportionComparison;
import dev.retention.experiment.stats.TwoSampleTests;
import dev.retention.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code retention experiment}: did the action work. {@code analyze} compares every arm of an experiment table with
 * the control; {@code plan} answers sample-size, power and detectable-effect questions; {@code monitor} prints
 * group-sequential boundaries and, on a table in arrival order, the statistic and always-valid p-value at each look.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "A/B tests: analyze an experiment, plan one, monitor one while it runs.",
        subcommands = {ExperimentCommand.Analyze.class, ExperimentCommand.PlanCommand.class,
                ExperimentCommand.Monitor.class})
final class ExperimentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: analyze, plan or monitor");
    }

    static void checkUnit(CommandSpec spec, String option, double v) {
        if (!(v > 0 && v < 1)) {
            throw new ParameterException(spec.commandLine(), option + " must be in (0, 1), got " + v);
        }
    }

    static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new OrderSource.MissingInputException(file);
        }
        return file;
    }

    static List<Metric> metrics(CommandSpec spec, List<String> specs) {
        List<Metric> out = new ArrayList<>();
        for (String s : specs) {
            try {
                out.add(Metric.parse(s));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--metric: " + e.getMessage());
            }
        }
        return out;
    }

    /** {@code experiment analyze}. */
    @Command(name = "analyze", mixinStandardHelpOptions = true,
            description = "Compare every arm with the control on each metric (z-test or Welch), with Holm and "
                    + "Bonferroni adjustment, the sample-ratio check and optional CUPED.")
    static final class Analyze implements Callable<Integer> {

        @Option(names = "--csv", required = true, paramLabel = "FILE", description = "One row per unit, a header row.")
        Path csv;

        @Option(names = "--group-column", required = true, paramLabel = "COLUMN", description = "The arm of each unit.")
        String groupColumn;

        @Option(names = "--control", required = true, paramLabel = "VALUE", description = "The control arm's label.")
        String control;

        @Option(names = "--metric", required = true, paramLabel = "NAME:binary|continuous",
                description = "An outcome column and its kind; repeatable.")
        List<String> metrics = new ArrayList<>();

        @Option(names = "--covariate", paramLabel = "COLUMN", description = "A pre-period column for CUPED.")
        String covariate;

        @Option(names = "--alpha", defaultValue = "0.05", description = "One minus the confidence level (default: "
                + "${DEFAULT-VALUE}).")
        double alpha;

        @Option(names = "--mann-whitney", description = "Add the Mann-Whitney test to continuous metrics.")
        boolean mannWhitney;

        @Option(names = "--bootstrap", paramLabel = "RESAMPLES", defaultValue = "0",
                description = "Add a percentile bootstrap interval to continuous metrics (0: none; else >= 100).")
        int bootstrap;

        @Option(names = "--seed", defaultValue = "0", description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--json", description = "Print one JSON object instead of tables.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            long start = System.nanoTime();
            checkUnit(spec, "--alpha", alpha);
            if (bootstrap != 0 && (bootstrap < 100 || bootstrap > 1_000_000)) {
                throw new ParameterException(spec.commandLine(), "--bootstrap must be 0 or in [100, 1000000], got "
                        + bootstrap);
            }
            List<Metric> ms = metrics(spec, metrics);
            List<String> columns = new ArrayList<>();
            for (Metric m : ms) {
                if (columns.contains(m.column())) {
                    throw new ParameterException(spec.commandLine(), "--metric " + m.column() + " is given twice");
                }
                columns.add(m.column());
            }
            if (covariate != null && !columns.contains(covariate)) {
                columns.add(covariate);
            }
            ExperimentTable table = ExperimentTableReader.read(existing(csv), groupColumn, columns);
            AnalysisOptions options = AnalysisOptions.of(control, ms).withCovariate(covariate).withAlpha(alpha)
                    .withMannWhitney(mannWhitney).withBootstrapResamples(bootstrap).withSeed(seed);
            AnalysisReport report = ExperimentAnalysis.compute(table, options);
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(toJson(report, table, seconds));
            } else {
                out.print(table);
                out.print(report);
                if (report.sampleRatio().alarm()) {
                    out.println("WARNING: sample ratio mismatch (p < 0.001): do not trust these comparisons");
                }
                out.printf(Locale.ROOT, "%.3f s%n", seconds);
            }
            return 0;
        }

        static Json toJson(AnalysisReport report, ExperimentTable table, double seconds) {
            List<Json> rows = new ArrayList<>();
            for (Comparison c : report.comparisons()) {
                Json j = new Json().put("arm", c.arm()).put("metric", c.metric().column())
                        .put("kind", c.metric().kind().name().toLowerCase(Locale.ROOT))
                        .put("treated", c.treated()).put("control", c.control()).put("difference", c.difference())
                        .put("relative_lift", c.relativeLift().isPresent() ? c.relativeLift().getAsDouble() : null)
                        .put("relative_lift_ci_low", c.relativeInterval().map(Interval::low).orElse(null))
                        .put("relative_lift_ci_high", c.relativeInterval().map(Interval::high).orElse(null))
                        .put("statistic", c.statistic()).put("df", c.df().isPresent() ? c.df().getAsDouble() : null)
                        .put("p_value", c.pValue()).put("p_value_holm", c.pValueHolm())
                        .put("p_value_bonferroni", c.pValueBonferroni())
                        .put("ci_low", c.interval().low()).put("ci_high", c.interval().high())
                        .put("method", c.method());
                c.newcombe().ifPresent(i -> j.put("newcombe_ci_low", i.low()).put("newcombe_ci_high", i.high()));
                c.mannWhitney().ifPresent(m -> j.put("mann_whitney_u", m.u()).put("mann_whitney_p_value", m.pValue()));
                c.bootstrap().ifPresent(i -> j.put("bootstrap_ci_low", i.low()).put("bootstrap_ci_high", i.high()));
                c.varianceReduction().ifPresent(v -> j.put("variance_reduction", v));
                rows.add(j);
            }
            Json arms = new Json();
            long[] counts = table.armCounts();
            for (int a = 0; a < counts.length; a++) {
                arms.put(table.armNames().get(a), counts[a]);
            }
            return new Json().put("control", report.control()).put("units", table.rows()).put("arms", arms)
                    .put("srm_chi_square", report.sampleRatio().chiSquare())
                    .put("srm_p_value", report.sampleRatio().pValue())
                    .put("srm_warning", report.sampleRatio().alarm())
                    .put("cuped_theta", report.cupedTheta().orElse(null))
                    .put("comparisons", rows).put("seconds", seconds);
        }
    }

    /** {@code experiment plan}. */
    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = "Sample size per arm (or power, or minimum detectable effect) of a two-arm test, as "
                    + "statsmodels' NormalIndPower: Cohen's h for rates, d for means.")
    static final class PlanCommand implements Callable<Integer> {

        @Option(names = "--baseline", paramLabel = "RATE", description = "The control's rate, for a binary outcome.")
        Double baseline;

        @Option(names = "--sd", paramLabel = "SD", description = "The outcome's standard deviation, for a continuous "
                + "outcome (instead of --baseline).")
        Double sd;

        @Option(names = "--mde", paramLabel = "DIFFERENCE", description = "The absolute difference to detect (in the "
                + "rate, or the mean).")
        Double mde;

        @Option(names = "--n", paramLabel = "UNITS", description = "Units per arm: with --mde gives the power, without "
                + "it the minimum detectable effect.")
        Long n;

        @Option(names = "--power", defaultValue = "0.8", description = "The power (default: ${DEFAULT-VALUE}).")
        double power;

        @Option(names = "--alpha", defaultValue = "0.05", description = "The two-sided level (default: "
                + "${DEFAULT-VALUE}).")
        double alpha;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            checkUnit(spec, "--alpha", alpha);
            checkUnit(spec, "--power", power);
            if ((baseline == null) == (sd == null)) {
                throw new ParameterException(spec.commandLine(), "give exactly one of --baseline (a rate) and --sd (a "
                        + "continuous outcome)");
            }
            if (baseline != null) {
                checkUnit(spec, "--baseline", baseline);
            }
            if (n != null && n < 1) {
                throw new ParameterException(spec.commandLine(), "--n must be >= 1, got " + n);
            }
            if (mde == null && n == null) {
                throw new ParameterException(spec.commandLine(), "give --mde (for the sample size), --n (for the "
                        + "detectable effect) or both (for the power)");
            }
            if (mde != null && mde == 0 && n == null) {
                throw new ParameterException(spec.commandLine(), "--mde must not be 0: no sample size detects an "
                        + "effect of 0 (the power at effect 0 is alpha)");
            }
            Plan plan;
            String question;
            try {
                if (baseline != null) {
                    if (mde != null && n != null) {
                        plan = PowerAnalysis.proportionsPower(baseline, mde, n, alpha);
                        question = "power";
                    } else if (mde != null) {
                        plan = PowerAnalysis.proportions(baseline, mde, alpha, power);
                        question = "sample size";
                    } else {
                        plan = PowerAnalysis.proportionsMde(baseline, n, alpha, power);
                        question = "minimum detectable effect";
                    }
                } else if (mde != null && n != null) {
                    double d = mde / sd;
                    plan = new Plan(0, mde, d, n, n, PowerAnalysis.power(d, n, alpha), alpha);
                    question = "power";
                } else if (mde != null) {
                    plan = PowerAnalysis.means(sd, mde, alpha, power);
                    question = "sample size";
                } else {
                    plan = PowerAnalysis.meansMde(sd, n, alpha, power);
                    question = "minimum detectable effect";
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(new Json().put("question", question)
                        .put("outcome", baseline != null ? "binary" : "continuous")
                        .put("baseline", baseline).put("sd", sd)
                        .put("effect_size", plan.effectSize())
                        .put("effect_size_kind", baseline != null ? "cohens_h" : "cohens_d")
                        .put("sample_size_per_arm", plan.sampleSizePerArm())
                        .put("sample_size_exact", plan.exactSampleSize())
                        .put("sample_size_rounding", "ceiling of the exact solution")
                        .put("power", plan.power()).put("mde", plan.mde()).put("alpha", plan.alpha()));
            } else {
                out.println(question + ": " + plan);
            }
            return 0;
        }
    }

    /** {@code experiment monitor}. */
    @Command(name = "monitor", mixinStandardHelpOptions = true,
            description = "Group-sequential boundaries (Lan-DeMets alpha spending) for K looks; with --csv, the "
                    + "statistic at each look of the rows in file order and the always-valid mSPRT p-value.")
    static final class Monitor implements Callable<Integer> {

        @Option(names = "--looks", required = true, paramLabel = "K", description = "Equally spaced looks.")
        int looks;

        @Option(names = "--alpha", defaultValue = "0.05", description = "Two-sided level (default: ${DEFAULT-VALUE}).")
        double alpha;

        @Option(names = "--spending", paramLabel = "obrien-fleming|pocock", defaultValue = "obrien-fleming",
                description = "Spending function (default: ${DEFAULT-VALUE}).")
        String spending;

        @Option(names = "--csv", paramLabel = "FILE", description = "Units in arrival order.")
        Path csv;

        @Option(names = "--group-column", paramLabel = "COLUMN")
        String groupColumn;

        @Option(names = "--control", paramLabel = "VALUE")
        String control;

        @Option(names = "--treated", paramLabel = "VALUE")
        String treated;

        @Option(names = "--metric", paramLabel = "NAME:binary|continuous")
        String metric;

        @Option(names = "--tau", paramLabel = "SD", defaultValue = "0.05", description = "Standard deviation of the "
                + "mSPRT's normal mixture over the difference, about the effect hoped for (default: ${DEFAULT-VALUE}).")
        double tau;

        @Option(names = "--json", description = "Print one JSON object instead of tables.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            checkUnit(spec, "--alpha", alpha);
            if (looks < 1 || looks > GroupSequential.MAX_LOOKS) {
                throw new ParameterException(spec.commandLine(), "--looks must be in [1, " + GroupSequential.MAX_LOOKS
                        + "], got " + looks);
            }
            Spending sf = switch (spending) {
                case "obrien-fleming", "obf" -> Spending.OBRIEN_FLEMING;
                case "pocock" -> Spending.POCOCK;
                default -> throw new ParameterException(spec.commandLine(), "--spending must be obrien-fleming or "
                        + "pocock, got '" + spending + "'");
            };
            if (!(tau > 0 && Double.isFinite(tau))) {
                throw new ParameterException(spec.commandLine(), "--tau must be finite and > 0, got " + tau);
            }
            Boundaries b = GroupSequential.compute(looks, alpha, sf);
            Json j = new Json().put("looks", looks).put("alpha", alpha)
                    .put("spending", sf.name().toLowerCase(Locale.ROOT)).put("information", b.information())
                    .put("boundaries", b.z()).put("nominal_p", b.nominalP()).put("alpha_spent", b.alphaSpent());
            PrintWriter out = spec.commandLine().getOut();
            StringBuilder text = new StringBuilder(b.toString());
            if (csv != null) {
                if (groupColumn == null || control == null || treated == null || metric == null) {
                    throw new ParameterException(spec.commandLine(), "--csv needs --group-column, --control, --treated "
                            + "and --metric");
                }
                Metric m = metrics(spec, List.of(metric)).get(0);
                ExperimentTable table = ExperimentTableReader.read(existing(csv), groupColumn, List.of(m.column()));
                int t = table.arm(treated);
                int c = table.arm(control);
                int[] arms = table.arms();
                double[] v = table.column(m.column());
                double[] z = new double[looks];
                double[] diff = new double[looks];
                double[] var = new double[looks];
                long[] nt = new long[looks];
                long[] nc = new long[looks];
                for (int k = 0; k < looks; k++) {
                    int end = (int) ((long) (k + 1) * arms.length / looks);
                    double[] st = new double[3];
                    double[] sc = new double[3];
                    for (int i = 0; i < end; i++) {
                        double[] s = arms[i] == t ? st : arms[i] == c ? sc : null;
                        if (s != null) {
                            s[0]++;
                            s[1] += v[i];
                            s[2] += v[i] * v[i];
                        }
                    }
                    nt[k] = (long) st[0];
                    nc[k] = (long) sc[0];
                    if (m.kind() == Metric.Kind.BINARY) {
                        ProportionComparison pc = TwoSampleTests.proportions((long) st[1], nt[k], (long) sc[1], nc[k],
                                alpha);
                        z[k] = pc.z();
                        diff[k] = pc.difference();
                        var[k] = pc.treatedRate() * (1 - pc.treatedRate()) / nt[k]
                                + pc.controlRate() * (1 - pc.controlRate()) / nc[k];
                    } else {
                        double mt = st[1] / st[0];
                        double mc = sc[1] / sc[0];
                        double vt = (st[2] - st[0] * mt * mt) / (st[0] - 1);
                        double vc = (sc[2] - sc[0] * mc * mc) / (sc[0] - 1);
                        MeanComparison w = TwoSampleTests.welch(nt[k], mt, Math.max(0, vt), nc[k], mc, Math.max(0, vc),
                                alpha);
                        z[k] = w.t();
                        diff[k] = w.difference();
                        var[k] = Math.max(0, vt) / nt[k] + Math.max(0, vc) / nc[k];
                    }
                }
                double[] p = Msprt.pValues(diff, var, tau);
                int crossed = b.firstCrossing(z);
                double[] fixedP = new double[looks];
                for (int k = 0; k < looks; k++) {
                    fixedP[k] = Distributions.normalTwoSided(z[k]);
                }
                j.put("treated_units", Arrays.stream(nt).mapToInt(Math::toIntExact).toArray())
                        .put("control_units", Arrays.stream(nc).mapToInt(Math::toIntExact).toArray()).put("difference", diff).put("z", z)
                        .put("naive_p", fixedP).put("crossed_at", crossed < 0 ? null : crossed + 1)
                        .put("tau", tau).put("always_valid_p", p);
                text.append(String.format(Locale.ROOT, "%n%4s %9s %9s %11s %9s %9s %12s%n", "look", "treated",
                        "control", "difference", "z", "boundary", "always-valid p"));
                for (int k = 0; k < looks; k++) {
                    text.append(String.format(Locale.ROOT, "%4d %9d %9d %11.6f %9.3f %9.3f %12.4g%s%n", k + 1, nt[k],
                            nc[k], diff[k], z[k], b.z()[k], p[k], k == crossed ? "  <- stop: boundary crossed" : ""));
                }
            }
            out.println(json ? j.toString() : text.toString());
            return 0;
        }
    }
}
