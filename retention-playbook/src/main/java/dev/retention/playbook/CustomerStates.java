package dev.retention.playbook;

import dev.retention.rfm.CustomerStatus;

import dev.retention.data.TransactionLog;
import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.SummaryOptions;
import dev.retention.lifetime.analysis.LifetimeAnalysis;
import dev.retention.lifetime.analysis.LifetimeAnalysisOptions;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.clv.Clv;
import dev.retention.lifetime.clv.ClvOptions;
import dev.retention.lifetime.clv.ClvTable;
import dev.retention.model.Verdict;
import dev.retention.rfm.Rfm;
import dev.retention.rfm.RfmOptions;
import dev.retention.rfm.RfmTable;
import dev.retention.rfm.StatusRule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every customer's {@link CustomerState} at an as-of date, from the orders before it: RFM segments (ties scored
 * equally), a BG/NBD and Gamma-Gamma fit in weeks on the whole history up to the day before the as-of date, and CLV
 * over the horizon.
 *
 * <p><b>Definitions.</b>
 * <ul>
 *   <li><b>P(churn)</b>: the probability of no purchase over the horizon {@code h} under the fitted BG/NBD,
 *       {@code 1 - P(alive) (1 - ((alpha + T) / (alpha + T + h))^(r + x))}: a customer still alive has purchase rate
 *       distributed Gamma(r + x, alpha + T) given the history ({@code x} repeat purchases, age {@code T}; Fader,
 *       Hardie and Lee 2005, section 5), and no purchase means no dropout in the BG/NBD. One model gives P(alive),
 *       P(churn) and CLV, so they never pull against each other, and the reasons are the customer's own numbers.</li>
 *   <li><b>Lapsed</b>: P(alive) below {@link Options#lapsedBelowAlive()} (default 0.2) or no purchase for
 *       {@link Options#lapsedAfterDays()} days or more (default 365). The model believes them gone; contacting them
 *       is a win-back, not a retention action, and the default actions do not contact them.</li>
 *   <li><b>At risk</b>: not lapsed and P(churn) at least {@link Options#atRiskFrom()} (default 0.5).</li>
 *   <li><b>Active</b>: the others.</li>
 * </ul>
 *
 * @param states   one per customer with a purchase before the as-of date, in the order of the RFM table
 * @param asOf     the as-of instant (exclusive end of the data used)
 * @param options  the options used
 * @param lifetime the lifetime fit; its {@link LifetimeAnalysis#verdict()} says whether its numbers can be trusted
 */
public record CustomerStates(List<CustomerState> states, Instant asOf, Options options, LifetimeAnalysis lifetime) {

    /**
     * Copies the states.
     *
     * @param states   one per customer with a purchase before the as-of date, in the order of the RFM table
     * @param asOf     the as-of instant (exclusive end of the data used)
     * @param options  the options used
     * @param lifetime the lifetime fit; its {@link LifetimeAnalysis#verdict()} says whether its numbers can be trusted
     *
     * @throws NullPointerException if an argument is null
     */
    public CustomerStates {
        states = List.copyOf(states);
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(lifetime, "lifetime");
    }

    /**
     * The options of {@link #compute}.
     *
     * @param horizonMonths    months of the P(churn) and CLV horizon, in [1, 120] (default 12)
     * @param lapsedBelowAlive P(alive) under which a customer is lapsed, in [0, 1] (default 0.2)
     * @param lapsedAfterDays  days without purchase from which a customer is lapsed, {@code >= 1} (default 365)
     * @param atRiskFrom       P(churn) from which a customer not lapsed is at risk, in [0, 1] (default 0.5)
     * @param threads          threads of the lifetime fits, {@code >= 1} (default 1; the result is the same)
     * @param penalizer        L2 penalizer of the lifetime fits, finite and {@code >= 0}, as lifetimes'
     *                         {@code penalizer_coef} (default 0; on Online Retail weekly the BG/NBD's dropout runs to
     *                         the edge without one, and 0.001 gives a FINE fit)
     */
    public record Options(int horizonMonths, double lapsedBelowAlive, int lapsedAfterDays, double atRiskFrom,
                          int threads, double penalizer) {

        /**
         * Validates.
         *
         * @param horizonMonths    months of the P(churn) and CLV horizon, in [1, 120] (default 12)
         * @param lapsedBelowAlive P(alive) under which a customer is lapsed, in [0, 1] (default 0.2)
         * @param lapsedAfterDays  days without purchase from which a customer is lapsed, {@code >= 1} (default 365)
         * @param atRiskFrom       P(churn) from which a customer not lapsed is at risk, in [0, 1] (default 0.5)
         * @param threads          threads of the lifetime fits, {@code >= 1} (default 1; the result is the same)
         * @param penalizer        L2 penalizer of the lifetime fits, finite and {@code >= 0} (default 0)
         * @throws IllegalArgumentException naming the field and its value
         */
        public Options {
            if (horizonMonths < 1 || horizonMonths > 120) {
                throw new IllegalArgumentException("horizonMonths must be in [1, 120], got " + horizonMonths);
            }
            new StatusRule(lapsedBelowAlive, lapsedAfterDays, atRiskFrom);   // validates the three, same messages
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
            if (!(penalizer >= 0) || Double.isInfinite(penalizer)) {
                throw new IllegalArgumentException("penalizer must be finite and >= 0, got " + penalizer);
            }
        }

        /** {@return 12 months, lapsed below P(alive) 0.2 or after 365 days, at risk from P(churn) 0.5, one thread, no
         * penalizer} */
        public static Options defaults() {
            return new Options(12, 0.2, 365, 0.5, 1, 0);
        }

        /**
         * {@return a copy with another horizon}
         *
         * @param horizonMonths in [1, 120]
         */
        public Options withHorizonMonths(int horizonMonths) {
            return new Options(horizonMonths, lapsedBelowAlive, lapsedAfterDays, atRiskFrom, threads, penalizer);
        }

        /**
         * {@return a copy with another P(alive) threshold of lapsed}
         *
         * @param lapsedBelowAlive in [0, 1]
         */
        public Options withLapsedBelowAlive(double lapsedBelowAlive) {
            return new Options(horizonMonths, lapsedBelowAlive, lapsedAfterDays, atRiskFrom, threads, penalizer);
        }

        /**
         * {@return a copy with another recency threshold of lapsed}
         *
         * @param lapsedAfterDays {@code >= 1}
         */
        public Options withLapsedAfterDays(int lapsedAfterDays) {
            return new Options(horizonMonths, lapsedBelowAlive, lapsedAfterDays, atRiskFrom, threads, penalizer);
        }

        /**
         * {@return a copy with another at-risk threshold}
         *
         * @param atRiskFrom in [0, 1]
         */
        public Options withAtRiskFrom(double atRiskFrom) {
            return new Options(horizonMonths, lapsedBelowAlive, lapsedAfterDays, atRiskFrom, threads, penalizer);
        }

        /**
         * {@return a copy with another penalizer}
         *
         * @param penalizer finite and {@code >= 0}
         */
        public Options withPenalizer(double penalizer) {
            return new Options(horizonMonths, lapsedBelowAlive, lapsedAfterDays, atRiskFrom, threads, penalizer);
        }

        /**
         * {@return a copy with another thread count}
         *
         * @param threads {@code >= 1}
         */
        public Options withThreads(int threads) {
            return new Options(horizonMonths, lapsedBelowAlive, lapsedAfterDays, atRiskFrom, threads, penalizer);
        }

        /** {@return the status rule of these thresholds, shared with the churn rankings} */
        public StatusRule statusRule() {
            return new StatusRule(lapsedBelowAlive, lapsedAfterDays, atRiskFrom);
        }

        /**
         * {@return the status of a customer from P(alive), recency and P(churn), by {@link #statusRule()}}
         *
         * @param aliveProbability P(alive)
         * @param recencyDays      days since the last purchase
         * @param churnProbability P(churn) over the horizon
         */
        public CustomerStatus status(double aliveProbability, int recencyDays, double churnProbability) {
            return statusRule().status(aliveProbability, recencyDays, churnProbability);
        }
    }

    /**
     * Computes the states at {@code asOf} from the orders strictly before it. O(lines log lines) for the cut, plus the
     * lifetime fits (O(customers) per likelihood evaluation).
     *
     * @param log     read
     * @param asOf    the as-of instant: after the first purchase and at most one day after the last purchase
     * @param options horizon, thresholds, threads
     * @return the states, with the lifetime fit
     * @throws IllegalArgumentException if {@code asOf} is outside the data (both dates named), or the lifetime fit
     *                                  refuses the data
     */
    public static CustomerStates compute(TransactionLog log, Instant asOf, Options options) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(options, "options");
        if (log.size() == 0) {
            throw new IllegalArgumentException("the transaction log has no purchase");
        }
        long first = Long.MAX_VALUE;
        for (int i = 0; i < log.size(); i++) {
            if (!log.isCancellation(i)) {
                first = Math.min(first, log.time(i));
            }
        }
        long last = log.maxPurchaseTime();
        long day = 86_400;
        if (first == Long.MAX_VALUE || asOf.getEpochSecond() <= first) {
            throw new IllegalArgumentException("asOf " + asOf + " is not after the first purchase " + (first
                    == Long.MAX_VALUE ? "(none)" : Instant.ofEpochSecond(first)) + ": no customer bought before it");
        }
        long latest = Math.floorDiv(last, day) * day + 2 * day;
        if (asOf.getEpochSecond() > latest) {
            throw new IllegalArgumentException("asOf " + asOf + " is after the data: the last purchase is "
                    + Instant.ofEpochSecond(last) + "; the as-of date may be at most the day after it");
        }
        TransactionLog cut = log.before(asOf.getEpochSecond());
        RfmTable rfm = Rfm.fit(cut, RfmOptions.defaults().withAsOf(asOf).withTies(RfmOptions.Ties.EQUAL)).table()
                .orElseThrow();
        LocalDate calibrationEnd = LocalDate.ofInstant(asOf.minusSeconds(1), ZoneOffset.UTC);
        CustomerSummary summary = CustomerSummary.from(cut, new SummaryOptions(PeriodUnit.WEEK, calibrationEnd,
                calibrationEnd));
        LifetimeAnalysis fit = LifetimeAnalysis.compute(summary, LifetimeAnalysisOptions.defaults()
                .withPenalizer(options.penalizer()).withThreads(options.threads()));
        BgNbdModel bg = fit.bgNbd().allowingUnusable();
        ClvTable clv = Clv.compute(bg, fit.spend().allowingUnusable(), summary, ClvOptions.defaults()
                .withHorizonMonths(options.horizonMonths()).withThreads(options.threads()));
        double h = options.horizonMonths() * PeriodUnit.WEEK.unitsPerMonth();
        List<CustomerState> states = new ArrayList<>(rfm.size());
        for (int row = 0; row < rfm.size(); row++) {
            String id = rfm.customerId(row);
            int i = summary.customers().indexOf(id);
            if (i < 0) {
                continue;   // cannot happen: both are computed from the same cut
            }
            double alive = clamp(clv.probabilityAlive(i));
            double t = summary.age(i);
            double churn = churnProbability(bg.r(), bg.alpha(), alive, summary.frequency(i), t, h);
            double expected = finite(clv.expectedPurchases(i));
            double value = finite(clv.clv(i));
            int recency = rfm.recency(row);
            states.add(new CustomerState(id, rfm.segment(row), churn, alive, expected, value, recency,
                    options.status(alive, recency, churn)));
        }
        return new CustomerStates(states, asOf, options, fit);
    }

    /**
     * {@return P(no purchase in the next {@code h} periods) of a BG/NBD customer: {@code 1 - P(alive) (1 - ((alpha +
     * T) / (alpha + T + h))^(r + x))}, in [0, 1]} Given alive, the purchase rate is Gamma(r + x, alpha + T) and the
     * probability of no purchase is its Laplace transform at {@code h}. O(1).
     *
     * @param r     the BG/NBD's r, {@code > 0}
     * @param alpha the BG/NBD's alpha, {@code > 0}, in periods
     * @param alive P(alive), in [0, 1]
     * @param x     repeat purchases, {@code >= 0}
     * @param age   the customer's age T in periods, {@code >= 0}
     * @param h     the horizon in periods, {@code >= 0}
     * @throws IllegalArgumentException naming an argument out of range
     */
    public static double churnProbability(double r, double alpha, double alive, int x, double age, double h) {
        if (!(r > 0) || !(alpha > 0) || Double.isInfinite(r) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("r and alpha must be finite and > 0, got " + r + " and " + alpha);
        }
        if (!(alive >= 0 && alive <= 1)) {
            throw new IllegalArgumentException("alive must be in [0, 1], got " + alive);
        }
        if (x < 0 || !(age >= 0) || !(h >= 0) || Double.isInfinite(age) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("x, age and h must be finite and >= 0, got " + x + ", " + age + ", "
                    + h);
        }
        double noPurchase = Math.exp((r + x) * Math.log1p(-h / (alpha + age + h)));
        return clamp(1 - alive * (1 - noPurchase));
    }

    private static double clamp(double p) {
        return Double.isNaN(p) ? 1 : Math.max(0, Math.min(1, p));
    }

    private static double finite(double v) {
        return Double.isFinite(v) && v > 0 ? v : 0;
    }

    /**
     * Gives a customer a cluster. The playbook does not cluster: the caller brings a model (the command line a saved
     * k-means model on R, F, M), so the playbook depends on no clustering module.
     */
    @FunctionalInterface
    public interface ClusterAssigner {
        /**
         * {@return the customer's cluster, {@code >= 0}, or {@link CustomerState#NO_CLUSTER}}
         *
         * @param customer read
         */
        int cluster(CustomerState customer);
    }

    /**
     * Recommends items to a customer. The playbook does not recommend: the caller brings a recommender (the command
     * line PureSVD on purchase counts with the most popular items for customers it cannot score).
     */
    @FunctionalInterface
    public interface ItemRecommender {
        /**
         * {@return the customer's recommended items, best first (empty for none)}
         *
         * @param customer read
         */
        List<String> items(CustomerState customer);
    }

    /**
     * {@return a copy whose customers have the clusters of an assigner} O(customers) calls.
     *
     * @param assigner gives each customer a cluster
     * @throws IllegalArgumentException if a cluster is below {@link CustomerState#NO_CLUSTER}, naming the customer
     */
    public CustomerStates withClusters(ClusterAssigner assigner) {
        Objects.requireNonNull(assigner, "assigner");
        List<CustomerState> out = new ArrayList<>(states.size());
        for (CustomerState s : states) {
            out.add(s.withCluster(assigner.cluster(s)));
        }
        return new CustomerStates(out, asOf, options, lifetime);
    }

    /**
     * {@return a copy whose customers have the items of a recommender} O(customers) calls.
     *
     * @param recommender gives each customer its items, best first
     */
    public CustomerStates withItems(ItemRecommender recommender) {
        Objects.requireNonNull(recommender, "recommender");
        List<CustomerState> out = new ArrayList<>(states.size());
        for (CustomerState s : states) {
            out.add(s.withItems(Objects.requireNonNull(recommender.items(s), "items of " + s.id())));
        }
        return new CustomerStates(out, asOf, options, lifetime);
    }

    /** {@return whether the lifetime fit behind the states is usable (not {@link Verdict#UNUSABLE})} */
    public boolean usable() {
        return lifetime.verdict() != Verdict.UNUSABLE;
    }
}
