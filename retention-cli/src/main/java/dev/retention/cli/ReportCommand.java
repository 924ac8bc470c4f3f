package dev.retention.cli;

import dev.retention.data.TransactionLog;
import dev.retention.experiment.ExperimentTable;
import dev.retention.experiment.ExperimentTableReader;
import dev.retention.experiment.analysis.AnalysisOptions;
import dev.retention.experiment.analysis.Metric;
import dev.retention.io.Json;
import dev.retention.io.TextFiles;
import dev.retention.playbook.Action;
import dev.retention.playbook.Actions;
import dev.retention.recsys.ranking.NonMerchandise;
import dev.retention.report.Report;
import dev.retention.report.ReportSection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code retention report}: one self-contained HTML file of a shop's analytics ({@link Report}), with inline SVG
 * charts, readable on a phone and printable.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write one self-contained HTML report of the shop: summary, RFM segments, cohorts, repurchase, "
                + "clusters, churn model quality, CLV, recommendations, the playbook's plan and experiments.")
final class ReportCommand implements Callable<Integer> {

    @Mixin
    OrderSource source;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "The HTML file to write.")
    Path out;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Report as of the start of this day (UTC), from the orders before it (default: the day "
                    + "after the last order).")
    LocalDate asOf;

    @Option(names = "--title", paramLabel = "TEXT", description = "The report's title (default: the orders' file "
            + "name).")
    String title;

    @Option(names = "--currency", paramLabel = "TEXT", description = "The money unit on axes and tables (default: "
            + "GBP for online-retail, USD for cdnow, else 'currency units').")
    String currency;

    @Option(names = "--actions", paramLabel = "FILE.csv", description = "The playbook's action file, as for "
            + "'retention playbook' (default: the built-in actions, labelled assumptions).")
    Path actionsFile;

    @Option(names = "--budget", paramLabel = "AMOUNT", defaultValue = "5000",
            description = "The playbook's budget, > 0 (default: ${DEFAULT-VALUE}).")
    double budget;

    @Option(names = "--horizon-months", paramLabel = "MONTHS", defaultValue = "12",
            description = "Horizon of CLV and P(churn) in the playbook, 1 to 120 (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--penalizer", paramLabel = "L2", defaultValue = "0",
            description = "L2 penalizer of the lifetime fits behind CLV and the playbook, as clv fit's (default: "
                    + "${DEFAULT-VALUE}).")
    double penalizer;

    @Option(names = "--experiment", paramLabel = "FILE.csv", description = "An experiment table (one row per unit, a "
            + "header row) to show with intervals; repeatable.")
    List<Path> experiments = new ArrayList<>();

    @Option(names = "--experiment-group", paramLabel = "COLUMN", defaultValue = "group",
            description = "The experiments' arm column (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--experiment-control", paramLabel = "VALUE", defaultValue = "control",
            description = "The control arm's label (default: ${DEFAULT-VALUE}).")
    String control;

    @Option(names = "--experiment-metric", paramLabel = "NAME:binary|continuous",
            description = "An outcome column and its kind; repeatable (default: every other column, binary when it "
                    + "holds only 0 and 1).")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
            description = "Seed of k-means and the randomized SVD (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Threads of the fits; 0 means all processors (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--json", description = "Print one JSON object (the sections and the time) instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        if (!(budget > 0) || Double.isInfinite(budget)) {
            throw new ParameterException(spec.commandLine(), "--budget must be a finite amount > 0, got " + budget);
        }
        if (horizon < 1 || horizon > 120) {
            throw new ParameterException(spec.commandLine(), "--horizon-months must be in [1, 120], got " + horizon);
        }
        if (!(penalizer >= 0) || Double.isInfinite(penalizer)) {
            throw new ParameterException(spec.commandLine(), "--penalizer must be finite and >= 0, got " + penalizer);
        }
        if (threads < 0) {
            throw new ParameterException(spec.commandLine(), "--threads must be >= 0, got " + threads);
        }
        OrderSource.checkOutput(spec, out, "--out");
        List<Metric> declared = ExperimentCommand.metrics(spec, metrics);
        for (Path e : experiments) {
            ExperimentCommand.existing(e);
        }
        List<Action> actions;
        if (actionsFile == null) {
            actions = Actions.defaults();
        } else {
            try {
                actions = Actions.read(actionsFile);
            } catch (NoSuchFileException e) {
                throw new OrderSource.MissingInputException(actionsFile, "no such file");
            }
        }
        TransactionLog log = source.read();
        Report.Builder builder = Report.builder(log)
                .title(title != null ? title : "Retention report: " + source.orders.getFileName())
                .currency(currency != null ? currency : switch (source.format) {
                    case ONLINE_RETAIL -> "GBP";
                    case CDNOW -> "USD";
                    case GENERIC -> "currency units";
                })
                .actions(actions).budget(budget).horizonMonths(horizon).penalizer(penalizer).seed(seed)
                .threads(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
        if (source.format == OrderSource.Format.ONLINE_RETAIL) {
            builder.excludedItems(NonMerchandise.onlineRetail()::matches);
        }
        if (asOf != null) {
            builder.asOf(asOf.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        for (Path e : experiments) {
            List<Metric> ms = declared.isEmpty() ? inferMetrics(e) : declared;
            List<String> columns = new ArrayList<>();
            ms.forEach(m -> columns.add(m.column()));
            ExperimentTable table = ExperimentTableReader.read(e, group, columns);
            builder.experiment(String.valueOf(e.getFileName()), table, AnalysisOptions.of(control, ms));
        }
        Report report = builder.build();
        report.write(out);
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter pw = spec.commandLine().getOut();
        if (json) {
            List<Json> sections = new ArrayList<>();
            for (ReportSection s : report.sections()) {
                sections.add(new Json().put("id", s.id()).put("title", s.title()).put("has_data", s.hasData())
                        .put("charts", s.charts()).put("seconds", s.seconds()).put("note", s.note()));
            }
            pw.println(new Json().put("out", out.toString())
                    .put("as_of", LocalDate.ofInstant(report.asOf(), ZoneOffset.UTC).toString())
                    .put("customers", log.customerCount()).put("bytes", report.html().getBytes(
                            java.nio.charset.StandardCharsets.UTF_8).length)
                    .put("sections", sections).put("seconds", seconds));
        } else {
            pw.print(report);
            pw.println("wrote " + out);
            pw.printf(Locale.ROOT, "%.3f s%n", seconds);
        }
        pw.flush();
        return 0;
    }

    /**
     * Every column of the file's header but the group column whose value on the first row is a number, each binary
     * when its values are only 0 and 1, else continuous. The header and first row are split on commas (an id column
     * with quoted commas is skipped as not a number).
     */
    private List<Metric> inferMetrics(Path file) throws IOException {
        String header;
        String first;
        try (BufferedReader r = new BufferedReader(TextFiles.open(file))) {
            header = r.readLine();
            first = r.readLine();
        }
        if (header == null || first == null) {
            throw new IllegalArgumentException(file + ": the experiment file needs a header row and at least one "
                    + "row");
        }
        String[] names = COMMA.split(header, -1);
        String[] values = COMMA.split(first, -1);
        List<String> columns = new ArrayList<>();
        boolean hasGroup = false;
        for (int c = 0; c < names.length; c++) {
            String name = unquote(names[c]);
            if (name.equals(group)) {
                hasGroup = true;
            } else if (c < values.length && isNumber(unquote(values[c]))) {
                columns.add(name);
            }
        }
        if (!hasGroup || columns.isEmpty()) {
            throw new IllegalArgumentException(file + ": the header '" + header + "' needs the group column '" + group
                    + "' (--experiment-group) and at least one numeric outcome column");
        }
        ExperimentTable table = ExperimentTableReader.read(file, group, columns);
        List<Metric> out = new ArrayList<>();
        for (String c : columns) {
            boolean binary = true;
            for (double v : table.column(c)) {
                binary &= v == 0 || v == 1;
            }
            out.add(new Metric(c, binary ? Metric.Kind.BINARY : Metric.Kind.CONTINUOUS));
        }
        return out;
    }

    private static final java.util.regex.Pattern COMMA = java.util.regex.Pattern.compile(",");

    private static String unquote(String s) {
        String t = s.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
