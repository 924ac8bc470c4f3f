package dev.retention.report;

import dev.retention.data.TransactionLog;
import dev.retention.experiment.ExperimentTable;
import dev.retention.experiment.analysis.AnalysisOptions;
import dev.retention.playbook.Action;
import dev.retention.playbook.Actions;
import dev.retention.report.internal.Html;
import dev.retention.report.internal.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A shop's report as one self-contained HTML file: the shop's summary, RFM segment sizes and value, the cohort
 * retention heatmap, the repurchase curve, cluster profiles, the churn model's quality on an out-of-time holdout (ROC
 * curve, lift by decile, calibration), the CLV distribution and top customers with P(alive), recommendations for
 * sample customers, the playbook's plan and its expected value, and experiment results with their intervals. Charts
 * are inline SVG drawn by this module (titles, axis labels with units, a description for screen readers, Okabe-Ito
 * and viridis colours); the file loads nothing from anywhere, runs no script, scales to a phone and prints one
 * section per page. Everything that comes from the data is HTML-escaped. A section without data says why instead of
 * drawing an empty chart.
 *
 * <pre>{@code
 * Report report = Report.builder(log).title("My shop").asOf(Instant.parse("2011-12-10T00:00:00Z")).build();
 * report.write(Path.of("report.html"));
 * }</pre>
 *
 * <p>Building computes every section from the orders strictly before the as-of instant: RFM (ties scored equally),
 * monthly cohorts, k-means (k = 4) on log1p-standardised RFM, a logistic churn model trained on earlier cutoffs and
 * checked on the 90 days before the as-of date, BG/NBD and Gamma-Gamma through the playbook's customer states,
 * PureSVD recommendations with the rank chosen on the last three months, the playbook's plan under the budget, and
 * each experiment's analysis. Cost: that of those analyses (seconds on 500,000 lines). The report is immutable and
 * thread-safe.
 */
public final class Report {

    private static final Logger LOG = LoggerFactory.getLogger(Report.class);
    private static final long DAY = 86_400;

    private final String html;
    private final List<ReportSection> sections;
    private final Instant asOf;

    private Report(String html, List<ReportSection> sections, Instant asOf) {
        this.html = html;
        this.sections = List.copyOf(sections);
        this.asOf = asOf;
    }

    /**
     * {@return a builder of the report of a log}
     *
     * @param log read: the shop's orders
     * @throws IllegalArgumentException if the log holds no purchase
     */
    public static Builder builder(TransactionLog log) {
        Objects.requireNonNull(log, "log");
        if (log.isEmpty()) {
            throw new IllegalArgumentException("log must hold at least one purchase, got an empty transaction log");
        }
        return new Builder(log);
    }

    /** {@return the HTML document} */
    public String html() {
        return html;
    }

    /** {@return the sections in page order} */
    public List<ReportSection> sections() {
        return sections;
    }

    /** {@return the as-of instant the report was computed at} */
    public Instant asOf() {
        return asOf;
    }

    /**
     * Writes the document as UTF-8, replacing the file.
     *
     * @param file written
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Report as of " + asOf + ", " + html.length() + " characters\n");
        for (ReportSection s : sections) {
            sb.append(String.format(java.util.Locale.ROOT, "  %-16s %-4s %d chart%s %.3f s%s%n", s.id(),
                    s.hasData() ? "ok" : "none", s.charts(), s.charts() == 1 ? "" : "s", s.seconds(),
                    s.note().isEmpty() ? "" : "  (" + s.note() + ")"));
        }
        return sb.toString();
    }

    /** An experiment to show: its name, its table and how to analyse it. */
    record Experiment(String name, ExperimentTable table, AnalysisOptions options) {
    }

    /**
     * Collects what a report shows and computes it ({@link #build()}). Not thread-safe; each {@code build()} computes
     * anew.
     */
    public static final class Builder {
        private final TransactionLog log;
        private String title = "Retention report";
        private Instant asOf;
        private String currency = "currency units";
        private List<Action> actions = Actions.defaults();
        private double budget = 5000;
        private int horizonMonths = 12;
        private double penalizer;
        private long seed;
        private int threads = 1;
        private Predicate<String> excludedItems = item -> false;
        private final List<Experiment> experiments = new ArrayList<>();

        private Builder(TransactionLog log) {
            this.log = log;
        }

        /**
         * Sets the title (default "Retention report").
         *
         * @param title the document's title, escaped when written
         * @return this
         */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /**
         * Sets the as-of instant (default: the start of the day after the last purchase, UTC): every section uses the
         * orders strictly before it.
         *
         * @param asOf after the first purchase and at most the day after the last
         * @return this
         */
        public Builder asOf(Instant asOf) {
            this.asOf = Objects.requireNonNull(asOf, "asOf");
            return this;
        }

        /**
         * Sets the name of the money unit on axes and in tables (default "currency units").
         *
         * @param currency for example "GBP"
         * @return this
         */
        public Builder currency(String currency) {
            this.currency = Objects.requireNonNull(currency, "currency");
            return this;
        }

        /**
         * Sets the playbook's actions (default {@link Actions#defaults()}, whose effects are labelled assumptions).
         *
         * @param actions at least one
         * @return this
         * @throws IllegalArgumentException if empty
         */
        public Builder actions(List<Action> actions) {
            if (actions.isEmpty()) {
                throw new IllegalArgumentException("actions must hold at least one action, got none");
            }
            this.actions = List.copyOf(actions);
            return this;
        }

        /**
         * Sets the playbook's budget (default 5,000).
         *
         * @param budget finite and &gt; 0
         * @return this
         * @throws IllegalArgumentException if not
         */
        public Builder budget(double budget) {
            if (!(budget > 0) || Double.isInfinite(budget)) {
                throw new IllegalArgumentException("budget must be finite and > 0, got " + budget);
            }
            this.budget = budget;
            return this;
        }

        /**
         * Sets the horizon of P(churn) and CLV (default 12 months).
         *
         * @param months in [1, 120]
         * @return this
         * @throws IllegalArgumentException if out of range
         */
        public Builder horizonMonths(int months) {
            if (months < 1 || months > 120) {
                throw new IllegalArgumentException("horizonMonths must be in [1, 120], got " + months);
            }
            this.horizonMonths = months;
            return this;
        }

        /**
         * Sets the L2 penalizer of the BG/NBD and Gamma-Gamma fits behind CLV and the playbook (default 0, as
         * {@code LifetimeAnalysisOptions}); a small one (0.001) keeps a BG/NBD whose dropout runs to the edge of its
         * parameter space inside it.
         *
         * @param penalizer finite and &gt;= 0
         * @return this
         * @throws IllegalArgumentException if negative or not finite
         */
        public Builder penalizer(double penalizer) {
            if (!(penalizer >= 0) || Double.isInfinite(penalizer)) {
                throw new IllegalArgumentException("penalizer must be finite and >= 0, got " + penalizer);
            }
            this.penalizer = penalizer;
            return this;
        }

        /**
         * Sets the seed of k-means and the randomized SVD (default 0).
         *
         * @param seed any value
         * @return this
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the threads of the fits (default 1); the report is the same for every value.
         *
         * @param threads &gt;= 1
         * @return this
         * @throws IllegalArgumentException if below 1
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Sets which item ids are never recommended (default none), for example postage and fees.
         *
         * @param excluded true for an item id to leave out
         * @return this
         */
        public Builder excludedItems(Predicate<String> excluded) {
            this.excludedItems = Objects.requireNonNull(excluded, "excluded");
            return this;
        }

        /**
         * Adds an experiment to the report's last section, analysed by {@code ExperimentAnalysis}.
         *
         * @param name    its name in the report
         * @param table   its units, arms and outcomes
         * @param options the control arm, the metrics and the test options
         * @return this
         */
        public Builder experiment(String name, ExperimentTable table, AnalysisOptions options) {
            experiments.add(new Experiment(Objects.requireNonNull(name, "name"), Objects.requireNonNull(table,
                    "table"), Objects.requireNonNull(options, "options")));
            return this;
        }

        /**
         * Computes every section and writes the document.
         *
         * @return the report
         * @throws IllegalArgumentException if the as-of instant is not after the first purchase or is more than a
         *                                  day after the last (both dates named)
         */
        public Report build() {
            long last = log.maxPurchaseTime();
            Instant at = asOf != null ? asOf : Instant.ofEpochSecond(Math.floorDiv(last, DAY) * DAY + DAY);
            long first = Long.MAX_VALUE;
            for (int i = 0; i < log.size(); i++) {
                if (!log.isCancellation(i)) {
                    first = Math.min(first, log.time(i));
                }
            }
            if (at.getEpochSecond() <= first) {
                throw new IllegalArgumentException("asOf " + at + " is not after the first purchase "
                        + Instant.ofEpochSecond(first) + ": no customer bought before it");
            }
            if (at.getEpochSecond() > Math.floorDiv(last, DAY) * DAY + 2 * DAY) {
                throw new IllegalArgumentException("asOf " + at + " is after the data: the last purchase is "
                        + Instant.ofEpochSecond(last) + "; the as-of date may be at most the day after it");
            }
            Context ctx = new Context(log, at, currency, actions, budget, horizonMonths, penalizer, seed, threads,
                    excludedItems, List.copyOf(experiments));
            TransactionLog cut = ctx.cut();
            String subtitle = String.format(java.util.Locale.ROOT, "As of %s: %s customers, orders from %s to %s. "
                            + "Every figure uses the orders before the as-of date.",
                    LocalDate.ofInstant(at, ZoneOffset.UTC), Html.count(cut.customerCount()),
                    LocalDate.ofInstant(Instant.ofEpochSecond(cut.minTime()), log.zone()),
                    LocalDate.ofInstant(Instant.ofEpochSecond(cut.maxPurchaseTime()), log.zone()));
            Page page = new Page(title, subtitle);
            List<ReportSection> out = new ArrayList<>();
            for (Sections.Kind kind : Sections.Kind.values()) {
                long start = System.nanoTime();
                int chartsBefore = page.charts();
                page.section(kind.id(), kind.title());
                String note = "";
                try {
                    note = Sections.render(kind, ctx, page);
                } catch (IllegalArgumentException e) {
                    // a library analysis refused this shop's data: the page says so instead of a chart
                    note = kind.title() + " could not be computed on these orders: " + e.getMessage();
                    page.noData(note);
                    LOG.warn("report section {}: {}", kind.id(), e.getMessage());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                out.add(new ReportSection(kind.id(), kind.title(), note.isEmpty(), page.charts() - chartsBefore,
                        seconds, note));
                LOG.info("report section {} in {} s", kind.id(), String.format(java.util.Locale.ROOT, "%.3f",
                        seconds));
            }
            String footer = "Made by Retention " + dev.retention.model.ModelFile.libraryVersion() + " from "
                    + Html.count(cut.size()) + " order lines. This file needs no network: charts are inline SVG.";
            return new Report(page.document(footer), out, at);
        }
    }
}
