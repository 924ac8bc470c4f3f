package dev.retention.playbook;

import dev.retention.rfm.CustomerStatus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaybookTest {

    private static final CustomerStatus[] STATUSES = CustomerStatus.values();
    private static final String[] SEGMENTS = {"At Risk", "Champions", "Hibernating"};

    /** A random small case: customers, 2 or 3 actions with random costs, eligibility and effects, and limits. */
    private record Case(List<CustomerState> customers, List<Action> actions, PlanOptions options) {
    }

    private static Case randomCase(long seed) {
        Random rnd = new Random(seed);
        int n = 2 + rnd.nextInt(6);
        List<CustomerState> cs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double alive = 0.05 + 0.95 * rnd.nextDouble();
            double churn = rnd.nextDouble();
            cs.add(new CustomerState("c" + i, SEGMENTS[rnd.nextInt(SEGMENTS.length)], churn, alive,
                    3 * rnd.nextDouble(), 500 * rnd.nextDouble(), rnd.nextInt(400), STATUSES[rnd.nextInt(3)]));
        }
        int m = 2 + rnd.nextInt(2);
        List<Action> as = new ArrayList<>();
        Map<String, Integer> capacities = new HashMap<>();
        for (int a = 0; a < m; a++) {
            Set<CustomerStatus> st = java.util.EnumSet.noneOf(CustomerStatus.class);
            if (rnd.nextBoolean()) {
                st.add(STATUSES[rnd.nextInt(3)]);
                st.add(STATUSES[rnd.nextInt(3)]);
            }
            as.add(new Action("a" + a, 1 + 20 * rnd.nextDouble(), new Eligibility(st, Set.of(), 0, 0),
                    Effect.bySegment(0.3 * rnd.nextDouble() - 0.05, Map.of("At Risk", 0.3 * rnd.nextDouble())),
                    rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(n) : Integer.MAX_VALUE));
            if (rnd.nextInt(3) == 0) {
                capacities.put("a" + a, 1 + rnd.nextInt(n));
            }
        }
        double budget = 5 + 40 * rnd.nextDouble();
        int maxContacts = rnd.nextBoolean() ? Integer.MAX_VALUE : 1 + rnd.nextInt(n);
        return new Case(cs, as, new PlanOptions(budget, maxContacts, capacities));
    }

    /** The exact optimum by enumerating every assignment of at most one action (or none) to each customer. */
    private static double optimum(Case k) {
        int n = k.customers.size();
        int m = k.actions.size();
        int[] choice = new int[n];   // -1 none
        java.util.Arrays.fill(choice, -1);
        double best = 0;
        long total = 1;
        for (int i = 0; i < n; i++) {
            total *= m + 1;
        }
        for (long code = 0; code < total; code++) {
            long c = code;
            double cost = 0;
            double value = 0;
            int contacts = 0;
            int[] used = new int[m];
            boolean ok = true;
            for (int i = 0; i < n && ok; i++) {
                int a = (int) (c % (m + 1)) - 1;
                c /= m + 1;
                if (a < 0) {
                    continue;
                }
                Action action = k.actions.get(a);
                CustomerState s = k.customers.get(i);
                ok = action.eligibility().test(s)
                        && ++used[a] <= Math.min(k.options.capacity(action.name()), action.capacity());
                cost += action.cost();
                value += action.expectedValue(s);
                contacts++;
            }
            if (ok && cost <= k.options.budget() && contacts <= k.options.maxContacts()) {
                best = Math.max(best, value);
            }
        }
        return best;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void plan_isFeasibleAndNeverAboveTheExactOptimum(long seed) {
        Case k = randomCase(seed);
        Plan plan = Playbook.plan(k.customers, k.actions, k.options);
        Set<String> seen = new HashSet<>();
        Map<String, Integer> used = new HashMap<>();
        for (Contact c : plan.contacts()) {
            assertTrue(seen.add(c.customer().id()), "one action per customer");
            assertTrue(c.action().eligibility().test(c.customer()), "eligible");
            assertTrue(c.expectedValue() > 0, "only positive values are taken");
            assertEquals(c.action().expectedValue(c.customer()), c.expectedValue(), 0);
            used.merge(c.action().name(), 1, Integer::sum);
        }
        for (Action a : k.actions) {
            assertTrue(used.getOrDefault(a.name(), 0) <= Math.min(k.options.capacity(a.name()), a.capacity()),
                    "capacity of " + a.name());
        }
        assertTrue(plan.totalCost() <= k.options.budget() + 1e-9, "within budget");
        assertTrue(plan.contacts().size() <= k.options.maxContacts(), "within the contact limit");
        assertTrue(plan.totalExpectedValue() <= optimum(k) + 1e-9, "greedy above the optimum?");
    }

    /**
     * The gap to the exact optimum over 500 seeded small cases (2-7 customers, 2-3 actions, random budgets, capacities
     * and contact limits, a quarter of the actions with a capacity of their own; 347 with a positive optimum since the
     * value at stake leaves out the churn of customers already gone): measured mean ratio greedy / optimum 0.9972,
     * worst 0.7231, optimal in 342 (98.6%); without the start from the best single contact, on the same cases, 0.9920,
     * 0.0187 and 339. (documented in docs/architecture.md). The bounds below are those measured figures, rounded
     * against the policy; the policy is not exact (5 cases below the optimum).
     */
    @Test
    void greedy_isCloseToTheExactOptimumOnSmallCases() {
        double sumRatio = 0;
        double worst = 1;
        int optimal = 0;
        int counted = 0;
        for (long seed = 1000; seed < 1500; seed++) {
            Case k = randomCase(seed);
            double opt = optimum(k);
            double greedy = Playbook.plan(k.customers, k.actions, k.options).totalExpectedValue();
            if (opt <= 0) {
                assertEquals(0, greedy, 0);
                continue;
            }
            double ratio = greedy / opt;
            sumRatio += ratio;
            worst = Math.min(worst, ratio);
            optimal += ratio > 1 - 1e-9 ? 1 : 0;
            counted++;
        }
        double mean = sumRatio / counted;
        String measured = String.format(java.util.Locale.ROOT, "mean %.4f, worst %.4f, optimal %d of %d", mean,
                worst, optimal, counted);
        System.err.println("greedy against the exact optimum: " + measured);
        assertTrue(mean >= 0.995, measured);
        assertTrue(worst >= 0.7, measured);
        assertTrue(optimal >= 0.95 * counted, measured);
        assertTrue(optimal < counted, "not an exact solver: " + measured);
    }

    @Test
    void theKnapsackCase_isSolvedByStartingFromTheBestSingleContact() {
        // budget 10: value per cost alone takes the small cheap contacts (ratio 2) and cannot afford the big one
        // (ratio 1.5), getting 2 + 2 = 4; starting from the most valuable single contact gets the optimum 15
        CustomerState a = state("a", 0.5, 200);   // value at stake 100
        CustomerState b = state("b", 0.5, 200);
        Action cheap = new Action("cheap", 1, Eligibility.notLapsed(), Effect.everywhere(0.03));   // +3 - 1 = 2
        Action dear = new Action("dear", 10, Eligibility.notLapsed(), Effect.everywhere(0.25));    // +25 - 10 = 15
        Case k = new Case(List.of(a, b), List.of(cheap, dear), PlanOptions.defaults().withBudget(10));
        Plan plan = Playbook.plan(k.customers, k.actions, k.options);
        assertEquals(15, optimum(k), 1e-9);
        assertEquals(15, plan.totalExpectedValue(), 1e-9);
        assertEquals(List.of("dear"), plan.contacts().stream().map(c -> c.action().name()).toList());
    }

    @Test
    void oneAction_contactLimitOnly_isOptimal() {
        List<CustomerState> cs = new ArrayList<>();
        Random rnd = new Random(7);
        for (int i = 0; i < 7; i++) {
            cs.add(state("c" + i, rnd.nextDouble(), 1000 * rnd.nextDouble()));
        }
        List<Action> one = List.of(new Action("x", 2, Eligibility.notLapsed(), Effect.everywhere(0.1)));
        Case k = new Case(cs, one, PlanOptions.defaults().withBudget(1e9).withMaxContacts(3));
        assertEquals(optimum(k), Playbook.plan(cs, one, k.options).totalExpectedValue(), 1e-9);
    }

    @Test
    void reason_readsLikeTheIssue() {
        CustomerState c = new CustomerState("12345", "At Risk", 0.71, 0.8, 2.1, 420, 60, CustomerStatus.AT_RISK);
        Action coupon = new Action("win-back coupon", 5, Eligibility.notLapsed(), Effect.everywhere(0.1));
        Contact contact = new Contact(c, coupon, coupon.expectedValue(c));
        // value at stake (0.71 - (1 - 0.8)) * 420 / 0.8 = 267.75; 10% of it less 5 = 21.775
        assertEquals(21.775, contact.expectedValue(), 1e-9);
        assertEquals("At Risk, at risk, P(churn) 0.71, 12-month CLV 420: win-back coupon, expected +22 (assumed 10.0% "
                + "of value at stake 268, cost 5.00)", contact.reason(12));
    }

    @Test
    void lapsedCustomers_areNotContactedByTheDefaults() {
        CustomerState gone = new CustomerState("g", "Hibernating", 0.97, 0.05, 0.1, 30, 454, CustomerStatus.LAPSED);
        CustomerState risk = state("r", 0.7, 400);
        Plan plan = Playbook.plan(List.of(gone, risk), Actions.defaults(), PlanOptions.defaults());
        assertEquals(List.of("r"), plan.contacts().stream().map(c -> c.customer().id()).toList());
        assertEquals(1, plan.lapsed());
    }

    @Test
    void badLimits_areRefusedNamingTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlanOptions.defaults().withBudget(0));
        assertEquals("budget must be finite and > 0, got 0.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PlanOptions.defaults().withMaxContacts(0));
        assertThrows(IllegalArgumentException.class, () -> PlanOptions.defaults().withCapacities(Map.of("x", -1)));
        IllegalArgumentException cost = assertThrows(IllegalArgumentException.class,
                () -> new Action("x", -1, Eligibility.notLapsed(), Effect.everywhere(0.1)));
        assertTrue(cost.getMessage().contains("cost of action 'x' must be finite and >= 0, got -1.0"),
                cost.getMessage());
        Action x = new Action("x", 1, Eligibility.notLapsed(), Effect.everywhere(0.1));
        assertThrows(IllegalArgumentException.class, () -> Playbook.plan(List.of(), List.of(x, x),
                PlanOptions.defaults()));
        assertThrows(IllegalArgumentException.class, () -> Playbook.plan(List.of(), List.of(), PlanOptions.defaults()));
    }

    private static CustomerState state(String id, double churn, double clv) {
        return new CustomerState(id, "At Risk", churn, 1, 1, clv, 30,
                churn >= 0.5 ? CustomerStatus.AT_RISK : CustomerStatus.ACTIVE);
    }
}
