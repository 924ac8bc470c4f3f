package dev.retention.cli;

import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.dataset.TransactionFeatures;
import dev.retention.churn.ranking.ChurnRanking;
import dev.retention.cluster.kmeans.KMeansModel;
import dev.retention.data.TransactionLog;
import dev.retention.experiment.uplift.UpliftModel;
import dev.retention.io.Json;
import dev.retention.matrix.DenseMatrix;
import dev.retention.model.Models;
import dev.retention.model.Verdict;
import dev.retention.playbook.Action;
import dev.retention.playbook.Actions;
import dev.retention.playbook.Contact;
import dev.retention.playbook.CustomerState;
import dev.retention.playbook.CustomerStates;
import dev.retention.playbook.Effect;
import dev.retention.playbook.EstimatedEffect;
import dev.retention.playbook.Plan;
import dev.retention.playbook.PlanOptions;
import dev.retention.playbook.Playbook;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.Recommendations;
import dev.retention.recsys.TopN;
import dev.retention.recsys.popularity.Popularity;
import dev.retention.recsys.popularity.PopularityModel;
import dev.retention.recsys.popularity.PopularityOptions;
import dev.retention.rfm.CustomerStatus;
import dev.retention.rfm.Rfm;
import dev.retention.rfm.RfmOptions;
import dev.retention.rfm.RfmTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code retention playbook}: whom to contact, with what, and why, at an as-of date, under a budget
 * ({@link CustomerStates}, {@link Playbook}). Every expected value rests on the actions' effects: stated ones, which
 * the output labels as assumptions, or an uplift model's estimates (an action file's {@code uplift_model}), scored
 * here on the churn module's order-log features at the as-of date. The customers' clusters come from an optional
 * saved k-means model on R, F, M, their items from PureSVD with the most popular items as the fallback.
 */
@Command(name = "playbook", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Choose whom to contact with which action at an as-of date, under a budget, with reasons.")
final class PlaybookCommand implements Callable<Integer> {

    /** Months of the recommenders' holdout, and of their validation period before it. */
    private static final int ITEM_MONTHS = 3;
    /** The ranks tried for the recommendations, as in the demo. */
    private static final int[] ITEM_FACTORS = {1, 2, 5, 10, 20};

    @Mixin
    OrderSource source;

    @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD",
            description = "Decide as of the start of this day (UTC), from the orders before it.")
    LocalDate asOf;

    @Option(names = "--actions", paramLabel = "FILE.csv", description = "Action file (columns name, cost, statuses, "
            + "segments, min_clv, min_p_churn, effect, capacity, uplift_model: a saved uplift model file, relative to "
            + "the action file, scored on the order features at the as-of date); default: the built-in win-back "
            + "coupon and reminder email.")
    Path actionsFile;

    @Option(names = "--cluster-model", paramLabel = "FILE", description = "A saved k-means model on raw recency, "
            + "frequency and monetary value (retention cluster --algo kmeans --save-model): each customer's cluster "
            + "at the as-of date.")
    Path clusterModel;

    @Option(names = "--budget", paramLabel = "AMOUNT", defaultValue = "5000",
            description = "Total cost allowed, > 0 (default: ${DEFAULT-VALUE}).")
    double budget;

    @Option(names = "--horizon-months", paramLabel = "MONTHS", defaultValue = "12",
            description = "Horizon of P(churn) and CLV in months (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--penalizer", paramLabel = "L2", defaultValue = "0",
            description = "L2 penalizer of the lifetime fits, as clv fit's (default: ${DEFAULT-VALUE}).")
    double penalizer;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "Print the first N contacts with their reasons (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--items", paramLabel = "N", defaultValue = "5",
            description = "Recommend N items not bought yet to each contacted customer (PureSVD on purchase counts, "
                    + "its rank chosen on the 6 months before the as-of date, as in the demo); 0: none "
                    + "(default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Threads of the lifetime fits; 0 means all processors (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write one row per contacted customer.")
    Path out;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!(budget > 0) || Double.isInfinite(budget)) {
            throw new ParameterException(spec.commandLine(), "--budget must be a finite amount > 0, got " + budget);
        }
        if (items < 0 || items > 100) {
            throw new ParameterException(spec.commandLine(), "--items must be in [0, 100], got " + items);
        }
        if (top < 0) {
            throw new ParameterException(spec.commandLine(), "--top must be >= 0, got " + top);
        }
        if (threads < 0) {
            throw new ParameterException(spec.commandLine(), "--threads must be >= 0, got " + threads);
        }
        CustomerStates.Options options;
        try {
            options = CustomerStates.Options.defaults().withHorizonMonths(horizon).withPenalizer(penalizer)
                    .withThreads(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--horizon-months/--penalizer: " + e.getMessage());
        }
        if (actionsFile != null && !Files.isRegularFile(actionsFile)) {
            throw new OrderSource.MissingInputException(actionsFile, "no such file");
        }
        if (clusterModel != null && !Files.isRegularFile(clusterModel)) {
            throw new OrderSource.MissingInputException(clusterModel, "no such file");
        }
        long start = System.nanoTime();
        TransactionLog log = source.read();
        Instant instant = asOf.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Action> actions;
        if (actionsFile == null) {
            actions = Actions.defaults();
        } else {
            try {
                actions = Actions.read(actionsFile, file -> upliftEffect(file, log, instant));
            } catch (NoSuchFileException e) {
                throw new OrderSource.MissingInputException(Path.of(e.getFile()), "no such file");
            }
        }
        CustomerStates states = CustomerStates.compute(log, instant, options);
        int later = log.customerCount() - states.states().size();
        PrintWriter pw = spec.commandLine().getOut();
        Verdict verdict = states.lifetime().verdict();
        if (verdict == Verdict.UNUSABLE) {
            spec.commandLine().getErr().println("playbook: the lifetime fit behind P(alive), P(churn) and CLV: "
                    + ClvCommand.Fit.verdictLine(states.lifetime()) + "; no plan made");
            return RetentionCli.FAILED;
        }
        TransactionLog cut = log.before(instant.getEpochSecond());
        if (clusterModel != null) {
            Map<String, Integer> clusters = clusters(clusterModel, cut, instant);
            states = states.withClusters(c -> clusters.getOrDefault(c.id(), CustomerState.NO_CLUSTER));
        }
        int parallelism = options.threads();
        String itemsNote = null;
        if (items > 0) {
            LocalDate validation = asOf.minusMonths(2 * ITEM_MONTHS);
            if (cut.itemCount() == 0) {
                itemsNote = "items: not recommended, the orders have no item ids";
            } else {
                Map<String, List<String>> recommended;
                if (cut.minTime() >= epochSecond(validation)) {
                    itemsNote = "items: the most popular not bought yet, the orders before " + asOf + " cover less "
                            + "than the " + 2 * ITEM_MONTHS + " months PureSVD's choice of rank needs (from "
                            + validation + ")";
                    recommended = popular(cut, items);
                } else {
                    recommended = recommendations(cut, epochSecond(validation),
                            epochSecond(asOf.minusMonths(ITEM_MONTHS)), instant.getEpochSecond(), parallelism);
                }
                states = states.withItems(c -> recommended.getOrDefault(c.id(), List.of()));
            }
        }
        Plan plan = Playbook.plan(states.states(), actions, PlanOptions.defaults().withBudget(budget));
        double riskRule = highestRiskRule(states.states(), actions.get(0), plan.contacts().size());
        boolean assumed = actions.stream().anyMatch(a -> a.effect().assumed());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (out != null) {
            writePlan(out, plan, horizon);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<CustomerStatus, Integer> byStatus = new EnumMap<>(CustomerStatus.class);
        for (CustomerStatus s : CustomerStatus.values()) {
            byStatus.put(s, 0);
        }
        states.states().forEach(s -> byStatus.merge(s.status(), 1, Integer::sum));
        byStatus.forEach((s, n) -> counts.put(s.label(), n));
        if (json) {
            List<Json> contacts = new ArrayList<>();
            for (Contact c : plan.contacts().subList(0, Math.min(top, plan.contacts().size()))) {
                contacts.add(contactJson(c).put("reason", c.reason(horizon)).put("items", c.customer().items()));
            }
            List<Json> declared = new ArrayList<>();
            for (Action a : actions) {
                declared.add(new Json().put("name", a.name()).put("cost", a.cost())
                        .put("eligible", a.eligibility().describe()).put("effect", a.effect().describe())
                        .put("effect_source", a.effect().source()));
            }
            pw.println(OrderSource.putCancellers(new Json()
                    .put("as_of", asOf.toString())
                    .put("customers", states.states().size())
                    .put("customers_without_purchase_before_as_of", later)
                    .put("statuses", counts)
                    .put("lifetime_verdict", verdict.toString())
                    .put("actions", declared)
                    .put("budget", budget)
                    .put("contacted", plan.contacts().size())
                    .put("total_cost", plan.totalCost())
                    .put("expected_value", plan.totalExpectedValue())
                    .put("lapsed_not_contacted", plan.lapsed())
                    .put("no_action_worth_its_cost", plan.noPositiveValue())
                    .put("beyond_budget", plan.leftOut())
                    .put("rules", new Json().put("highest_risk_first_action_expected_value", riskRule))
                    .put("contacts", contacts)
                    .put("effects_are_assumptions", assumed)
                    .put("items_note", itemsNote)
                    .put("seconds", seconds), log));
        } else {
            pw.println(source.orders + ": " + log.lineCounts());
            OrderSource.printCancellers(pw, log);
            pw.printf(Locale.ROOT, "as of %s: %,d customers (%,d lapsed, %,d at risk, %,d active); %,d with no "
                            + "purchase before it are not scored; lifetime fit %s%n", asOf, states.states().size(),
                    byStatus.get(CustomerStatus.LAPSED), byStatus.get(CustomerStatus.AT_RISK),
                    byStatus.get(CustomerStatus.ACTIVE), later, ClvCommand.Fit.verdictLine(states.lifetime()));
            for (Action a : actions) {
                pw.printf(Locale.ROOT, "action %s: cost %.2f, for %s, effect %s%n", a.name(), a.cost(),
                        a.eligibility().describe(), a.effect().describe());
            }
            pw.println(plan);
            pw.printf(Locale.ROOT, "the same number of contacts to the highest P(churn) with %s: expected %+,.2f "
                    + "under the same %s%n", actions.get(0).name(), riskRule,
                    actions.get(0).effect().assumed() ? "assumptions" : "estimates");
            for (Contact c : plan.contacts().subList(0, Math.min(top, plan.contacts().size()))) {
                List<String> its = c.customer().items();
                pw.println(c.customer().id() + "  " + c.reason(horizon) + (its.isEmpty() ? ""
                        : "; items " + String.join(" ", its)));
            }
            if (itemsNote != null) {
                pw.println(itemsNote);
            }
            if (out != null) {
                pw.println("wrote " + out);
            }
            pw.printf(Locale.ROOT, "%.3f s%n", seconds);
        }
        pw.flush();
        return 0;
    }

    /**
     * The expected value, under the same assumptions, of sending the first action to as many customers as the plan
     * contacts, taken by decreasing P(churn) regardless of eligibility: the usual rule, lapsed customers first.
     */
    static double highestRiskRule(List<CustomerState> states, Action action, int contacts) {
        List<CustomerState> sorted = new ArrayList<>(states);
        sorted.sort(Comparator.comparingDouble(CustomerState::churnProbability).reversed()
                .thenComparing(CustomerState::id));
        double v = 0;
        for (int k = 0; k < Math.min(contacts, sorted.size()); k++) {
            v += action.expectedValue(sorted.get(k));
        }
        return v;
    }

    private static Json contactJson(Contact c) {
        CustomerState s = c.customer();
        return new Json().put("customer", s.id()).put("action", c.action().name())
                .put("expected_value", c.expectedValue()).put("cost", c.action().cost()).put("segment", s.segment())
                .put("status", s.status().label())
                .put("cluster", s.cluster() == CustomerState.NO_CLUSTER ? null : s.cluster())
                .put("p_churn", s.churnProbability())
                .put("p_alive", s.aliveProbability()).put("clv", s.clv()).put("recency_days", s.recencyDays())
                .put("effect_source", c.action().effect().source());
    }

    /**
     * The effect of an action file's {@code uplift_model}: the saved uplift model scores every customer's order-log
     * features at the as-of date ({@link TransactionFeatures} with the churn ranking's windows, a missing gap between
     * orders read as 0); the model's feature names must be among them.
     */
    static Effect upliftEffect(Path file, TransactionLog log, Instant asOf) throws IOException {
        UpliftModel model;
        try {
            model = Models.load(file, UpliftModel.class);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("uplift_model " + file + ": no such file", e);
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalArgumentException("uplift_model " + file + ": " + e.getMessage(), e);
        }
        int[] windows = ChurnRanking.WINDOW_DAYS.stream().mapToInt(Integer::intValue).toArray();
        CustomerTable t = TransactionFeatures.computeUnlabelled(log, asOf, windows, 0);
        List<String> names = model.featureNames();
        int[] cols = new int[names.size()];
        List<String> missing = new ArrayList<>();
        for (int j = 0; j < cols.length; j++) {
            cols[j] = t.indexOf(names.get(j));
            if (cols[j] < 0) {
                missing.add(names.get(j));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("uplift_model " + file + " needs the features " + missing + ", which the "
                    + "playbook does not compute; it scores the order features " + String.join(", ",
                    TransactionFeatures.featureNames(windows)));
        }
        Map<String, Double> uplift = new HashMap<>();
        double[] x = new double[cols.length];
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < cols.length; j++) {
                double v = t.numeric(i, cols[j]);
                x[j] = Double.isNaN(v) ? 0 : v;
            }
            uplift.put(t.key(i), Math.max(-1, Math.min(1, model.uplift(x))));
        }
        return new EstimatedEffect(file.getFileName().toString(), uplift, 0);
    }

    /** Each customer's cluster at the as-of date from a saved k-means model on raw R, F, M. */
    private Map<String, Integer> clusters(Path file, TransactionLog cut, Instant asOf) throws IOException {
        KMeansModel model = Models.load(file, KMeansModel.class);
        RfmTable rfm = Rfm.fit(cut, RfmOptions.defaults().withAsOf(asOf)).table().orElseThrow();
        DenseMatrix x = rfm.features();
        if (model.dimension() != x.columns()) {
            throw new ParameterException(spec.commandLine(), "--cluster-model " + file + " has " + model.dimension()
                    + " features; a k-means model on recency, frequency and monetary value has " + x.columns());
        }
        int[] labels = model.predict(x);
        Map<String, Integer> out = new HashMap<>();
        for (int row = 0; row < labels.length; row++) {
            out.put(rfm.customerId(row), labels[row]);
        }
        return out;
    }

    /** The most popular items (by purchase count) each customer has not bought yet. */
    private static Map<String, List<String>> popular(TransactionLog cut, int n) {
        Ratings purchases = Ratings.ofPurchases(cut);
        PopularityModel model = Popularity.fit(purchases, PopularityOptions.defaults());
        Map<String, List<String>> out = new HashMap<>();
        for (int u = 0; u < purchases.userCount(); u++) {
            out.put(purchases.users().id(u), ids(TopN.recommend(model, purchases, u, n)));
        }
        return out;
    }

    private static List<String> ids(Recommendations r) {
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < r.size(); k++) {
            ids.add(r.itemId(k));
        }
        return ids;
    }

    private static long epochSecond(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    /**
     * Every customer's top items not bought yet, by {@link PurchaseRecommendations} on the orders before the as-of date
     * (rank chosen on the validation period, as in the demo); the most popular items not bought yet for a customer
     * PureSVD gives none.
     */
    private Map<String, List<String>> recommendations(TransactionLog cut, long validation, long holdout, long end,
                                                     int threads) {
        PurchaseRecommendations recs = PurchaseRecommendations.fit(cut, ITEM_FACTORS, items, 0, threads, validation,
                holdout, end);
        Ratings purchases = recs.purchases();
        PopularityModel popular = Popularity.fit(purchases, PopularityOptions.defaults());
        Map<String, List<String>> out = new HashMap<>();
        for (int u = 0; u < purchases.userCount(); u++) {
            Recommendations r = recs.top()[u];
            out.put(purchases.users().id(u), ids(r.size() > 0 ? r : TopN.recommend(popular, purchases, u, items)));
        }
        return out;
    }

    /** One row per contact, in the plan's order; items separated by spaces. */
    static void writePlan(Path file, Plan plan, int horizonMonths) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("customer,action,expected_value,effect_source,cost,segment,status,cluster,p_churn,p_alive,clv,"
                    + "recency_days,reason,items\n");
            for (Contact c : plan.contacts()) {
                CustomerState s = c.customer();
                w.write(String.format(Locale.ROOT, "%s,%s,%.4f,%s,%.4f,%s,%s,%s,%.6f,%.6f,%.4f,%d,%s,%s%n",
                        CsvText.field(s.id()), CsvText.field(c.action().name()), c.expectedValue(),
                        CsvText.field(c.action().effect().source()), c.action().cost(), CsvText.field(s.segment()),
                        s.status().label(), s.cluster() == CustomerState.NO_CLUSTER ? "" : s.cluster(),
                        s.churnProbability(), s.aliveProbability(), s.clv(), s.recencyDays(),
                        CsvText.field(c.reason(horizonMonths)), CsvText.field(String.join(" ", s.items()))));
            }
        }
    }
}
