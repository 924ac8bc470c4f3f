package dev.retention.report;

import dev.retention.data.TransactionLog;
import dev.retention.playbook.Action;
import dev.retention.playbook.CustomerStates;
import dev.retention.report.internal.Html;
import dev.retention.rfm.Rfm;
import dev.retention.rfm.RfmOptions;
import dev.retention.rfm.RfmTable;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * What every section reads: the log, the as-of instant, the orders before it, and the analyses two sections share
 * (the RFM table, the playbook's customer states), each computed once when first asked for. Not thread-safe; one per
 * report.
 */
final class Context {
    final TransactionLog log;
    final Instant asOf;
    final String currency;
    final List<Action> actions;
    final double budget;
    final int horizonMonths;
    final double penalizer;
    final long seed;
    final int threads;
    final Predicate<String> excludedItems;
    final List<Report.Experiment> experiments;
    private TransactionLog cut;
    private RfmTable rfm;
    private CustomerStates states;

    Context(TransactionLog log, Instant asOf, String currency, List<Action> actions, double budget, int horizonMonths,
            double penalizer, long seed, int threads, Predicate<String> excludedItems,
            List<Report.Experiment> experiments) {
        this.log = log;
        this.asOf = asOf;
        this.currency = currency;
        this.actions = actions;
        this.budget = budget;
        this.horizonMonths = horizonMonths;
        this.penalizer = penalizer;
        this.seed = seed;
        this.threads = threads;
        this.excludedItems = excludedItems;
        this.experiments = experiments;
    }

    /** The orders strictly before the as-of instant. */
    TransactionLog cut() {
        if (cut == null) {
            cut = log.before(asOf.getEpochSecond());
        }
        return cut;
    }

    /** RFM at the as-of instant, ties scored equally (as the playbook's states). */
    RfmTable rfm() {
        if (rfm == null) {
            rfm = Rfm.fit(cut(), RfmOptions.defaults().withAsOf(asOf).withTies(RfmOptions.Ties.EQUAL)).table()
                    .orElseThrow();
        }
        return rfm;
    }

    /** The playbook's customer states at the as-of instant (BG/NBD, Gamma-Gamma, CLV, P(churn), status). */
    CustomerStates states() {
        if (states == null) {
            states = CustomerStates.compute(log, asOf, CustomerStates.Options.defaults()
                    .withHorizonMonths(horizonMonths).withPenalizer(penalizer).withThreads(threads));
        }
        return states;
    }

    /** An amount, rounded to whole units with separators. */
    String money(double v) {
        return Html.number(v, Math.abs(v) >= 1000 ? 0 : 2);
    }

    /** An axis or column label with the money unit: "revenue (GBP)". */
    String withUnit(String label) {
        return label + " (" + currency + ")";
    }
}
