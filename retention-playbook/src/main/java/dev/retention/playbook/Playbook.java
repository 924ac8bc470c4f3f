package dev.retention.playbook;

import dev.retention.rfm.CustomerStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The policy: at most one action per customer, under a total budget, a contact limit and per-action capacities,
 * maximising the expected incremental value {@code effect x value at stake - cost}. An action's capacity is the
 * smaller of its own {@link Action#capacity()} and {@link PlanOptions#capacity(String)}.
 *
 * <p><b>Greedy by value per cost, with upgrades.</b> For each customer, the eligible actions with a positive expected
 * value are points (cost, value); their upper concave hull from (0, 0) gives the customer's steps: first the action
 * with the best value per cost, then upgrades to dearer actions, each worth its extra cost at a lower rate than the
 * step before. All customers' steps are taken in decreasing order of (extra) value per (extra) cost (cost 0 first),
 * each when it fits what is left of the budget, the action's capacity and (for a first contact) the contact limit; a
 * customer whose step does not fit takes no later step. Then what is left of the budget goes, by decreasing expected
 * value, to options and upgrades that still fit (a dear best-ratio step that did not fit may hide a cheaper option
 * that does). The whole is run twice, plainly and after first giving the most valuable single contact that fits, and
 * the better plan is kept: ratios alone can spend the budget on small contacts and miss one worth more than all of
 * them (in the 0-1 knapsack, greedy with the best single item is within half of the optimum). This is the greedy of
 * the multiple-choice knapsack's linear
 * relaxation (Sinha and Zoltners, "The multiple-choice knapsack problem", Operations Research 27(3), 1979), without
 * the fractional last item: not an exact solver, since the exact problem is NP-hard. Without the upgrades a cheap
 * email with a high ratio would block the coupon worth more for the same customer, and most of a budget would be left
 * unspent. {@code PlaybookTest} measures the gap against the exact optimum found by enumeration on small
 * seeded cases (see docs/architecture.md, "The playbook"). When every action costs the same, or the only binding
 * limit is the number of contacts, value per cost orders as value does, and the policy is optimal for one action.
 *
 * <p>Contacts are listed by decreasing expected value. Cost: O(P log P + n A^2) for the P = customers x actions pairs,
 * n customers and A actions; memory O(P).
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
        // per customer, the upper concave hull of its (cost, value) options from (0, 0); its steps are the increments
        // {customer, from action (-1 none), to action, dCost, dValue, ratio}
        List<double[]> steps = new ArrayList<>();
        List<double[]> pairs = new ArrayList<>();   // {customer, action, value}: every eligible pair worth its cost
        boolean[] positive = new boolean[n];
        int lapsed = 0;
        for (int c = 0; c < n; c++) {
            CustomerState s = customers.get(c);
            lapsed += s.status() == CustomerStatus.LAPSED ? 1 : 0;
            List<double[]> choices = new ArrayList<>();   // {action, cost, value}
            for (int a = 0; a < m; a++) {
                Action action = actions.get(a);
                if (action.eligibility().test(s)) {
                    double v = action.expectedValue(s);
                    if (v > 0) {
                        choices.add(new double[] {a, action.cost(), v});
                        pairs.add(new double[] {c, a, v});
                    }
                }
            }
            positive[c] = !choices.isEmpty();
            hullSteps(c, choices, steps);
        }
        steps.sort(Comparator.<double[]>comparingDouble(x -> -x[5]).thenComparingDouble(x -> -x[4])
                .thenComparingDouble(x -> x[0]).thenComparingDouble(x -> x[2]));
        pairs.sort(Comparator.<double[]>comparingDouble(x -> -x[2]).thenComparingDouble(x -> x[0])
                .thenComparingDouble(x -> x[1]));
        Allocation alloc = allocate(n, actions, options, steps, pairs, customers, null);
        // the same, first giving the most valuable single contact that fits: greedy by ratio alone can fill the budget
        // with small contacts and miss one worth more than all of them (as in the 0-1 knapsack, where greedy with the
        // best single item is within half of the optimum)
        for (double[] x : pairs) {
            Allocation single = new Allocation(n, actions, options);
            if (single.move((int) x[0], (int) x[1])) {
                Allocation seeded = allocate(n, actions, options, steps, pairs, customers, x);
                if (seeded.value(customers) > alloc.value(customers)) {
                    alloc = seeded;
                }
                break;
            }
        }
        int[] current = alloc.current;
        List<Contact> contacts = new ArrayList<>();
        boolean[] taken = new boolean[n];
        for (int c = 0; c < n; c++) {
            if (current[c] >= 0) {
                Action action = actions.get(current[c]);
                contacts.add(new Contact(customers.get(c), action, action.expectedValue(customers.get(c))));
                taken[c] = true;
            }
        }
        contacts.sort(Comparator.comparingDouble(Contact::expectedValue).reversed()
                .thenComparing(x -> x.customer().id()));
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

    /**
     * The hull steps by decreasing ratio, then the fill, after an optional first contact {@code seed} = {customer,
     * action, value}.
     */
    private static Allocation allocate(int n, List<Action> actions, PlanOptions options, List<double[]> steps,
                                       List<double[]> pairs, List<CustomerState> customers, double[] seed) {
        Allocation alloc = new Allocation(n, actions, options);
        if (seed != null) {
            alloc.move((int) seed[0], (int) seed[1]);
        }
        boolean[] blocked = new boolean[n];
        for (double[] x : steps) {
            int c = (int) x[0];
            // a customer whose earlier step was not taken takes no later one: the later ones need it
            if (blocked[c] || alloc.current[c] != (int) x[1] || !alloc.move(c, (int) x[2])) {
                blocked[c] = true;
            }
        }
        // fill: what is left of the budget goes, by decreasing value, to options the hull steps skipped (a dear
        // best-ratio step that did not fit may hide a cheaper option that does) and to upgrades that still fit
        for (double[] x : pairs) {
            int c = (int) x[0];
            int from = alloc.current[c];
            if (from < 0 || x[2] > actions.get(from).expectedValue(customers.get(c))) {
                alloc.move(c, (int) x[1]);
            }
        }
        return alloc;
    }

    /**
     * Adds the steps of one customer's upper concave hull of (cost, value) over its options and the point (0, 0):
     * from nothing to the best-ratio option, then upgrades with decreasing incremental value per cost. Options under
     * the hull (dearer and not worth their extra cost at any budget in the relaxation) are never steps.
     */
    private static void hullSteps(int c, List<double[]> options, List<double[]> steps) {
        options.sort(Comparator.<double[]>comparingDouble(o -> o[1]).thenComparingDouble(o -> -o[2]));
        double cost = 0;
        double value = 0;
        int from = -1;
        while (true) {
            double bestRatio = Double.NEGATIVE_INFINITY;
            double[] best = null;
            for (double[] o : options) {
                double dc = o[1] - cost;
                double dv = o[2] - value;
                if (dv <= 0 || dc < 0 || (dc == 0 && from >= 0)) {
                    continue;
                }
                double ratio = dc == 0 ? Double.POSITIVE_INFINITY : dv / dc;
                if (ratio > bestRatio || (ratio == bestRatio && o[2] > best[2])) {
                    bestRatio = ratio;
                    best = o;
                }
            }
            if (best == null) {
                return;
            }
            steps.add(new double[] {c, from, best[0], best[1] - cost, best[2] - value, bestRatio});
            cost = best[1];
            value = best[2];
            from = (int) best[0];
        }
    }

    /** Who has which action (-1 none), the contacts per action, the contacts made and what is left of the budget. */
    private static final class Allocation {
        private final int[] current;
        private final int[] used;
        private final List<Action> actions;
        private final PlanOptions options;
        private double left;
        private int contacted;

        Allocation(int customers, List<Action> actions, PlanOptions options) {
            this.current = new int[customers];
            java.util.Arrays.fill(current, -1);
            this.used = new int[actions.size()];
            this.actions = actions;
            this.options = options;
            this.left = options.budget();
        }

        /** The expected value of the contacts made. */
        double value(List<CustomerState> customers) {
            double v = 0;
            for (int c = 0; c < current.length; c++) {
                v += current[c] >= 0 ? actions.get(current[c]).expectedValue(customers.get(c)) : 0;
            }
            return v;
        }

        /** Gives customer {@code c} action {@code to} (a first contact or a change) if it fits; says whether it did. */
        boolean move(int c, int to) {
            int from = current[c];
            double extra = actions.get(to).cost() - (from >= 0 ? actions.get(from).cost() : 0);
            int capacity = Math.min(options.capacity(actions.get(to).name()), actions.get(to).capacity());
            if (extra > left || used[to] >= capacity
                    || (from < 0 && contacted >= options.maxContacts())) {
                return false;
            }
            left -= extra;
            used[to]++;
            if (from >= 0) {
                used[from]--;
            } else {
                contacted++;
            }
            current[c] = to;
            return true;
        }
    }
}
