package dev.retention.report;

import dev.retention.model.Verdict;
import dev.retention.playbook.Action;
import dev.retention.playbook.Contact;
import dev.retention.playbook.CustomerState;
import dev.retention.playbook.CustomerStates;
import dev.retention.playbook.Plan;
import dev.retention.playbook.PlanOptions;
import dev.retention.playbook.Playbook;
import dev.retention.report.internal.Charts;
import dev.retention.report.internal.Html;
import dev.retention.report.internal.Page;
import dev.retention.rfm.CustomerStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The playbook's plan at the as-of date: customers by status, the contacts chosen under the budget, the expected value
 * by action and as the budget is spent, and the first contacts with their reasons; assumed effects labelled.
 */
final class PlaybookSection {

    /** Contacts listed with their reasons. */
    static final int TOP = 10;

    private PlaybookSection() {
    }

    /**
     * One action's share of the plan.
     *
     * @param action        the action
     * @param contacts      customers it goes to
     * @param cost          their cost
     * @param expectedValue their expected incremental value, costs deducted
     */
    record ByAction(Action action, int contacts, double cost, double expectedValue) {
    }

    /**
     * The plan's figures.
     *
     * @param plan     the plan
     * @param statuses customers per status, in the enum's order
     * @param byAction one row per declared action, in the declared order
     */
    record Figures(Plan plan, Map<CustomerStatus, Integer> statuses, List<ByAction> byAction) {
    }

    static Figures compute(List<CustomerState> states, List<Action> actions, double budget) {
        Plan plan = Playbook.plan(states, actions, PlanOptions.defaults().withBudget(budget));
        Map<CustomerStatus, Integer> statuses = new LinkedHashMap<>();
        for (CustomerStatus s : CustomerStatus.values()) {
            statuses.put(s, 0);
        }
        for (CustomerState s : states) {
            statuses.merge(s.status(), 1, Integer::sum);
        }
        List<ByAction> rows = new ArrayList<>();
        for (Action a : actions) {
            int n = 0;
            double cost = 0;
            double value = 0;
            for (Contact c : plan.contacts()) {
                if (c.action().name().equals(a.name())) {
                    n++;
                    cost += a.cost();
                    value += c.expectedValue();
                }
            }
            rows.add(new ByAction(a, n, cost, value));
        }
        return new Figures(plan, statuses, rows);
    }

    static String render(Context ctx, Page page) {
        CustomerStates states = ctx.states();
        if (states.lifetime().verdict() == Verdict.UNUSABLE || states.states().isEmpty()) {
            return Sections.noData(page, "The lifetime fits behind P(alive), P(churn) and CLV are unusable on these "
                    + "orders: no plan made.");
        }
        Figures f = compute(states.states(), ctx.actions, ctx.budget);
        Plan plan = f.plan();
        CustomerStates.Options o = states.options();
        page.paragraph(String.format(Locale.ROOT, "Each customer is lapsed (P(alive) below %.2f or no order for %d "
                        + "days), at risk (P(churn) over %d months at least %.2f) or active. Each action's expected "
                        + "incremental value is its effect times the value at stake (P(churn) times the value if "
                        + "kept) minus its cost; the plan gives each customer at most one action, within a budget of "
                        + "%s %s.", o.lapsedBelowAlive(), o.lapsedAfterDays(), o.horizonMonths(), o.atRiskFrom(),
                ctx.money(ctx.budget), ctx.currency));
        List<String> assumed = new ArrayList<>();
        for (Action a : ctx.actions) {
            if ("assumption".equals(a.effect().source())) {
                assumed.add(a.name() + ": " + a.effect().describe());
            }
        }
        if (!assumed.isEmpty()) {
            page.assumption("The expected values rest on assumed effects, not measured ones (" + String.join("; ",
                    assumed) + "). Only an experiment measures them; treat these figures as a plan under stated "
                    + "assumptions.");
        }
        List<String[]> cards = new ArrayList<>();
        cards.add(new String[] {"customers contacted", Html.count(plan.contacts().size()) + " of "
                + Html.count(plan.customers())});
        cards.add(new String[] {ctx.withUnit("cost"), ctx.money(plan.totalCost())});
        cards.add(new String[] {ctx.withUnit("expected value" + (assumed.isEmpty() ? "" : " (assumed)")),
                Html.signed(plan.totalExpectedValue())});
        cards.add(new String[] {"lapsed, not contacted", Html.count(plan.lapsed())});
        page.cards(cards);
        String[] names = new String[f.statuses().size()];
        double[] counts = new double[names.length];
        StringBuilder desc = new StringBuilder("Customers by status:");
        int k = 0;
        for (Map.Entry<CustomerStatus, Integer> e : f.statuses().entrySet()) {
            names[k] = e.getKey().label();
            counts[k] = e.getValue();
            desc.append(' ').append(names[k]).append(' ').append(Html.count(e.getValue()))
                    .append(k + 1 < names.length ? ";" : ".");
            k++;
        }
        page.chartsStart();
        page.figure(Charts.bars("chart-playbook-status", "Customers by status", desc.toString(),
                "customers (count)", names, counts, 2), null);
        List<Contact> contacts = plan.contacts();
        if (contacts.isEmpty()) {
            page.noData("No contact is worth its cost under these actions and this budget: nothing to plot.");
        } else {
            List<Contact> byRatio = new ArrayList<>(contacts);   // the best value per unit of cost first
            byRatio.sort(java.util.Comparator.comparingDouble((Contact c) -> -c.expectedValue()
                    / Math.max(c.action().cost(), 1e-9)).thenComparing(c -> c.customer().id()));
            double[] x = new double[byRatio.size() + 1];
            double[] y = new double[byRatio.size() + 1];
            for (int i = 0; i < byRatio.size(); i++) {
                x[i + 1] = x[i] + byRatio.get(i).action().cost();
                y[i + 1] = y[i] + byRatio.get(i).expectedValue();
            }
            page.figure(Charts.lines("chart-playbook-value", "Expected value as the budget is spent",
                    String.format(Locale.ROOT, "Cumulative expected value of the %s contacts, best value per cost "
                                    + "first, against their cumulative cost: %s for %s.", Html.count(contacts.size()),
                            Html.signed(plan.totalExpectedValue()), ctx.money(plan.totalCost())),
                    ctx.withUnit("cumulative cost"), ctx.withUnit("cumulative expected value"),
                    List.of(new Charts.Line("expected value", x, y, false, false, null)), 0, Double.NaN, 0,
                    Double.NaN), "Contacts by expected value per unit of cost; the curve flattens where extra budget buys "
                    + "little.");
        }
        page.chartsEnd();
        List<String[]> rows = new ArrayList<>();
        for (ByAction a : f.byAction()) {
            rows.add(new String[] {a.action().name(), Html.count(a.contacts()), ctx.money(a.cost()),
                    Html.signed(a.expectedValue()), a.action().eligibility().describe(), a.action().effect().describe(),
                    a.action().effect().source()});
        }
        page.table("The plan by action", new String[] {"action", "contacts", ctx.withUnit("cost"),
                ctx.withUnit("expected value"), "eligible", "effect", "effect from"},
                new boolean[] {false, true, true, true, false, false, false}, rows);
        List<String[]> first = new ArrayList<>();
        for (Contact c : contacts.subList(0, Math.min(TOP, contacts.size()))) {
            first.add(new String[] {c.customer().id(), c.action().name(), Html.signed(c.expectedValue()),
                    c.reason(ctx.horizonMonths)});
        }
        page.table("The first " + first.size() + " contacts and why", new String[] {"customer", "action",
                ctx.withUnit("expected value"), "reason"}, new boolean[] {false, false, true, false}, first);
        return "";
    }
}
