package dev.retention.cli;

import dev.retention.io.Json;
import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.HoldoutCheck;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.PurchaseModel;
import dev.retention.lifetime.SummaryOptions;
import dev.retention.lifetime.analysis.LifetimeAnalysis;
import dev.retention.lifetime.analysis.LifetimeAnalysisOptions;
import dev.retention.lifetime.analysis.LifetimeAnalysisOptions.Purchases;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.clv.Clv;
import dev.retention.lifetime.clv.ClvOptions;
import dev.retention.lifetime.clv.ClvTable;
import dev.retention.data.LineCounts;
import dev.retention.data.TransactionLog;
import dev.retention.model.FitSummary;
import dev.retention.model.Verdict;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code retention clv}: customer-lifetime models. Its one subcommand, {@code fit}, summarizes a transaction file
 * up to a calibration end, fits the BG/NBD (and optionally the MBG/NBD or Pareto/NBD) and the Gamma-Gamma spend
 * model, checks the purchase model against the holdout period after calibration when there is one (the library's
 * {@link LifetimeAnalysis}), and ranks the customers by lifetime value ({@link Clv}).
 */
@Command(name = "clv", mixinStandardHelpOptions = true, subcommands = {ClvCommand.Fit.class},
        description = "Customer-lifetime models: BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma and CLV.")
final class ClvCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand; expected fit");
    }

    /**
     * {@code retention clv fit --transactions FILE --format cdnow|generic --calibration-end YYYY-MM-DD
     * [--period day|week] [--json] [--top N] [--allow-degenerate]}. Prints the fits' verdict first; exits 1 without
     * P(alive) or CLV when a fit is UNUSABLE, unless {@code --allow-degenerate}.
     */
    @Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
            modelTransformer = TransactionsOption.class,
            description = "Fit BG/NBD and Gamma-Gamma on the purchases up to the calibration end; print the "
                    + "parameters, the holdout check and the customers ranked by CLV.")
    static final class Fit implements Callable<Integer> {

        @Mixin
        OrderSource source;

        @Option(names = "--calibration-end", required = true, paramLabel = "YYYY-MM-DD",
                description = "Last day of the calibration period (inclusive, in --zone); later purchases are the "
                        + "holdout.")
        LocalDate calibrationEnd;

        @Option(names = "--period", paramLabel = "day|week", defaultValue = "day",
                description = "Time unit of recency, age and the scale parameters (default: ${DEFAULT-VALUE}).")
        String period;

        @Option(names = "--model", paramLabel = "bgnbd|mbgnbd|pareto-nbd", defaultValue = "bgnbd",
                description = "Purchase model for P(alive), the holdout check and CLV; BG/NBD is always fitted "
                        + "(default: ${DEFAULT-VALUE}).")
        String model;

        @Option(names = "--top", paramLabel = "N", defaultValue = "0",
                description = "Print the N customers with the highest CLV, with P(alive) (default: ${DEFAULT-VALUE}).")
        int top;

        @Option(names = "--horizon-months", paramLabel = "MONTHS", defaultValue = "12",
                description = "CLV horizon in months (default: ${DEFAULT-VALUE}).")
        int horizon;

        @Option(names = "--discount-rate", paramLabel = "RATE", defaultValue = "0.01",
                description = "Discount rate per --discount-per (default: ${DEFAULT-VALUE}).")
        double discountRate;

        @Option(names = "--discount-per", paramLabel = "month|year", defaultValue = "month",
                description = "Whether the discount rate is monthly or yearly (default: ${DEFAULT-VALUE}).")
        String discountPer;

        @Option(names = "--penalizer", paramLabel = "L2", defaultValue = "0",
                description = "L2 penalizer of the fits, as lifetimes' penalizer_coef (default: ${DEFAULT-VALUE}).")
        double penalizer;

        @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
                description = "Threads for the likelihoods and CLV; 0 means all processors (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--out", paramLabel = "FILE.csv", description = "Write every customer's P(alive), expected "
                + "purchases, expected spend and CLV, ranked.")
        Path out;

        @Option(names = "--json", description = "Print one JSON object instead of tables.")
        boolean json;

        @Option(names = "--allow-degenerate", description = "Compute P(alive), the holdout check and CLV even when a "
                + "fit's verdict is UNUSABLE (otherwise the command prints the fits and their verdict and exits 1).")
        boolean allowDegenerate;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            requireOrders(spec, source);
            PeriodUnit unit = parse("--period", () -> PeriodUnit.parse(period));
            if (!List.of("bgnbd", "mbgnbd", "pareto-nbd").contains(model)) {
                throw new ParameterException(spec.commandLine(),
                        "--model must be bgnbd, mbgnbd or pareto-nbd, got '" + model + "'");
            }
            if (top < 0) {
                throw new ParameterException(spec.commandLine(), "--top must be >= 0, got " + top);
            }
            if (threads < 0) {
                throw new ParameterException(spec.commandLine(), "--threads must be >= 0, got " + threads);
            }
            int parallelism = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
            ClvOptions clvOptions = parse("--horizon-months/--discount-rate/--discount-per", () -> {
                ClvOptions o = ClvOptions.defaults().withHorizonMonths(horizon).withThreads(parallelism);
                return switch (discountPer) {
                    case "month" -> o.withMonthlyDiscountRate(discountRate);
                    case "year" -> o.withYearlyDiscountRate(discountRate);
                    default -> throw new IllegalArgumentException("--discount-per must be month or year, got '"
                            + discountPer + "'");
                };
            });
            Purchases chosen = switch (model) {
                case "mbgnbd" -> Purchases.MBG_NBD;
                case "pareto-nbd" -> Purchases.PARETO_NBD;
                default -> Purchases.BG_NBD;
            };
            LifetimeAnalysisOptions options = parse("--penalizer", () -> LifetimeAnalysisOptions.defaults()
                    .withPurchases(chosen).withPenalizer(penalizer).withThreads(parallelism));

            long start = System.nanoTime();
            TransactionLog log = source.read();
            CustomerSummary summary = CustomerSummary.from(log, new SummaryOptions(unit, calibrationEnd, null));
            LifetimeAnalysis fit = LifetimeAnalysis.compute(summary, options);
            Verdict verdict = fit.verdict();
            PrintWriter pw = spec.commandLine().getOut();
            if (verdict == Verdict.UNUSABLE && !allowDegenerate) {
                // the fits and why they are unusable, then one line on stderr; no P(alive) and no CLV
                double seconds = (System.nanoTime() - start) / 1e9;
                if (json) {
                    pw.println(OrderSource.putCancellers(toJson(log.lineCounts(), fit, null, null, top, seconds), log));
                } else {
                    pw.println(source.orders + ": " + log.lineCounts());
                    OrderSource.printCancellers(pw, log);
                    pw.println(verdictLine(fit));
                    pw.print(fit);
                }
                pw.flush();
                spec.commandLine().getErr().println("clv fit: verdict UNUSABLE: " + String.join("; ", reasons(fit))
                        + "; no P(alive) or CLV computed (--allow-degenerate computes them anyway)");
                return 1;
            }
            PurchaseModel purchases = fit.purchases().allowingUnusable();
            HoldoutCheck holdout = fit.holdout().orElse(summary.hasHoldout() && verdict == Verdict.UNUSABLE
                    ? HoldoutCheck.compute(purchases, summary) : null);
            ClvTable clv = Clv.compute(purchases, fit.spend().allowingUnusable(), summary, clvOptions);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (out != null) {
                clv.writeCsv(out);
            }
            if (json) {
                pw.println(OrderSource.putCancellers(toJson(log.lineCounts(), fit, holdout, clv, top, seconds), log));
            } else {
                pw.println(source.orders + ": " + log.lineCounts());
                OrderSource.printCancellers(pw, log);
                pw.println(verdictLine(fit));
                pw.print(fit);
                if (holdout != null && fit.holdout().isEmpty()) {
                    pw.println(holdout);
                }
                pw.printf(Locale.ROOT, "CLV over %d months at %.4g%% a month: total %,.2f%n", horizon,
                        100 * clvOptions.monthlyRate(), clv.total());
                if (top > 0) {
                    pw.print(clv.top(top));
                }
                if (out != null) {
                    pw.println("wrote " + out);
                }
                pw.printf(Locale.ROOT, "%.3f s%n", seconds);
            }
            pw.flush();
            return 0;
        }

        private <T> T parse(String option, java.util.function.Supplier<T> make) {
            try {
                return make.get();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
            }
        }

        /** The fits' verdict on one line, with the reasons when it is not FINE. */
        static String verdictLine(LifetimeAnalysis fit) {
            Verdict v = fit.verdict();
            return v == Verdict.FINE ? "verdict: FINE" : "verdict: " + v + " (" + String.join("; ", reasons(fit)) + ")";
        }

        /** The warnings of every fit, each prefixed by the model's name. */
        static List<String> reasons(LifetimeAnalysis fit) {
            List<String> reasons = new ArrayList<>();
            List<FitSummary> fits = new ArrayList<>(List.of(fit.bgNbd().fitSummary()));
            if (fit.purchases() != fit.bgNbd()) {
                fits.add(fit.purchases().fitSummary());
            }
            fits.add(fit.spend().fitSummary());
            for (FitSummary f : fits) {
                for (String w : f.warnings()) {
                    reasons.add(f.algorithm() + ": " + w);
                }
            }
            return reasons;
        }

        static Json toJson(LineCounts counts, LifetimeAnalysis fit, HoldoutCheck holdout, ClvTable clv, int top,
                           double seconds) {
            CustomerSummary summary = fit.summary();
            PurchaseModel purchases = fit.purchases();
            Json json = new Json()
                    .put("verdict", fit.verdict().name())
                    .put("verdict_reasons", reasons(fit))
                    .put("customers", summary.size())
                    .put("bgnbd", LifetimeJson.bgnbd(fit.bgNbd()))
                    .put("gamma_gamma", LifetimeJson.gammaGamma(fit.spend()))
                    .put("seconds", seconds)
                    .put("model", purchases.name())
                    .put("period", summary.unit().label())
                    .put("calibration_end", summary.calibrationEnd().toString())
                    .put("repeat_customers", summary.repeatCustomers())
                    .put("customers_acquired_in_holdout", summary.customersAcquiredInHoldout())
                    .put("lines_read", counts.read())
                    .put("skipped_rows", counts.skipped());
            if (purchases != fit.bgNbd()) {
                json.put(purchases instanceof BgNbdModel ? "mbgnbd" : "pareto_nbd", LifetimeJson.purchases(purchases));
            }
            if (holdout != null) {
                json.put("holdout", LifetimeJson.holdout(holdout));
            }
            return clv == null ? json : json.put("clv", LifetimeJson.clv(clv, summary, top));
        }
    }

    /**
     * Keeps {@code --transactions}, this command's former name for the order file, as a hidden alias of
     * {@code --orders}, the name every command uses: the two options share one binding, so {@link OrderSource#read()}
     * reads the file given under either name, and {@code --orders} is no longer required by the parser but checked
     * by {@link #requireOrders} with the parser's message.
     */
    static final class TransactionsOption implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            OptionSpec orders = spec.findOption("--orders");
            List<OptionSpec> others = new ArrayList<>(spec.options());
            for (OptionSpec o : others) {
                spec.remove(o);
            }
            others.remove(orders);   // options are equal by their names, and no other is named --orders
            OptionSpec visible = OptionSpec.builder(orders).required(false)
                    .description("Transactions to read (plain or .xz-compressed), one order line per row.").build();
            spec.addOption(visible);
            spec.addOption(OptionSpec.builder("--transactions").hidden(true).paramLabel("FILE").type(Path.class)
                    .getter(orders.getter()).setter(orders.setter()).build());
            for (OptionSpec o : others) {
                spec.addOption(o);     // in their order, after --orders in the help
            }
            return spec;
        }
    }

    /** Refuses a command line without the order file, as the parser refuses a missing required option. */
    static void requireOrders(CommandSpec spec, OrderSource source) {
        if (source.orders == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--orders=FILE'");
        }
    }
}
