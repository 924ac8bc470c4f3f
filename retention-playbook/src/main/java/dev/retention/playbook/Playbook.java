package dev.retention.playbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The policy: at most one action per customer, under a total budget, a contact limit and per-action capacities,
 * maximising the expected incremental value {@code effect x value at stake - cost}.
 *
 * <p><b>Greedy by value per cost.</b> Every eligible (customer, action) pair with a positive expected value is a
 * candidate; candidates are taken in decreasing order of expected value per unit of cost (cost 0 first, by value),
 * each taken when its customer has no action yet, its action has capacity left, the contact limit is not reached and
 * its cost fits in what is left of the budget. This is the classical greedy of the multiple-choice knapsack (Sinha and
 * Zoltners, "The multiple-choice knapsack problem", Operations Research 27(3), 1979), not an exact solver: the exact
 * problem is NP-hard. {@code PlaybookTest} measures the gap against the exact optimum found by enumeration on small
 * seeded cases (see docs/architecture.md, "The playbook"). When every action costs the same, or the only binding
 * limit is the number of contacts, value per cost orders as value does, and the policy is optimal for one action.
 *
 * <p>Cost: O(P log P) for the P = customers x actions pairs; memory O(P).
 */
public final class Playbook {

    private Playbook() {
    }

    /**
     * Chooses whom to contact with what.
     *
     * @param customers read
     * @param actions   read; names must be distinct
     * @param options   budget, contact limit and capacities
     * @return the plan
     * @throws IllegalArgumentException if two actions share a name, or no action is given
     */
    public static Plan plan(List<CustomerState> customers, List<Action> actions, PlanOptions options) {
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(options, "options");
        if (Objects.requireNonNull(actions, "actions").isEmpty()) {
            throw new IllegalArgumentException("actions must not be empty");
        }
        for (int a = 0; a < actions.size(); a++) {
            for (int b = 0; b < a; b++) {
                if (actions.get(a).name().equals(actions.get(b).name())) {
                    throw new IllegalArgumentException("action names must be distinct, got '"
                            + actions.get(a).name() + "' twice");
                }
            }
        }
        int n = customers.size();
        int m = actions.size();
        List<double[]> candidates = new ArrayList<>();   // {customer, action, value, ratio}
        boolean[] positive = new boolean[n];
        int lapsed = 0;
        for (int c = 0; c < n; c++) {
            CustomerState s = customers.get(c);
            lapsed += s.status() == CustomerStatus.LAPSED ? 1 : 0;
            for (int a = 0; a < m; a++) {
                Action action = actions.get(a);
                if (!action.eligibility().test(s)) {
                    continue;
                }
                double v = action.expectedValue(s);
                if (v > 0) {
                    positive[c] = true;
                    double ratio = action.cost() == 0 ? Double.POSITIVE_INFINITY : v / action.cost();
                    candidates.add(new double[] {c, a, v, ratio});
                }
            }
        }
        candidates.sort(Comparator.<double[]>comparingDouble(x -> -x[3]).thenComparingDouble(x -> -x[2])
                .thenComparingDouble(x -> x[0]).thenComparingDouble(x -> x[1]));
        boolean[] taken = new boolean[n];
        int[] used = new int[m];
        double left = options.budget();
        List<Contact> contacts = new ArrayList<>();
        for (double[] x : candidates) {
            if (contacts.size() >= options.maxContacts()) {
                break;
            }
            int c = (int) x[0];
            int a = (int) x[1];
            Action action = actions.get(a);
            if (taken[c] || used[a] >= options.capacity(action.name()) || action.cost() > left) {
                continue;
            }
            taken[c] = true;
            used[a]++;
            left -= action.cost();
            contacts.add(new Contact(customers.get(c), action, x[2]));
        }
        int noValue = 0;
        int leftOut = 0;
        for (int c = 0; c < n; c++) {
            if (customers.get(c).status() == CustomerStatus.LAPSED && !positive[c]) {
                continue;
            }
            noValue += positive[c] ? 0 : 1;
            leftOut += positive[c] && !taken[c] ? 1 : 0;
        }
        return new Plan(contacts, options, n, lapsed, noValue, leftOut);
    }
}
