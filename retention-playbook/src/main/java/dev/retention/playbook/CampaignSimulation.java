package dev.retention.playbook;

import dev.retention.random.Variates;
import dev.retention.synth.CampaignTruth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A campaign simulated on the synthetic shop: the {@link Playbook} policy, made from models fitted on the log with
 * its assumed effects, scored against the true responses of a {@link CampaignTruth}, beside three other ways of
 * choosing the same number of customers:
 * <ul>
 *   <li><b>oracle</b>: the customers with the largest true incremental value, each with their best action (the most
 *       any targeting can get; 0 for customers whose best is negative, who are not contacted);</li>
 *   <li><b>random</b>: customers drawn uniformly (seeded), each sent the first action;</li>
 *   <li><b>highest risk</b>: the customers with the highest estimated P(churn), each sent the first action, the
 *       usual mistake (it contacts the lapsed and the lost causes first).</li>
 * </ul>
 * At a budget share {@code s} of the customers every method contacts at most {@code k = round(s n)} customers; the
 * policy's money budget is {@code k} times the dearest action's cost, so that the number of contacts is the limit
 * for every method. Values are realised incremental values: true effect x true value at stake - cost, summed.
 *
 * @param budgets one row per budget share
 */
public record CampaignSimulation(List<Budget> budgets) {

    /**
     * Copies the rows.
     *
     * @param budgets one row per budget share
     * @throws NullPointerException if budgets is null
     */
    public CampaignSimulation {
        budgets = List.copyOf(budgets);
    }

    /**
     * One budget's comparison.
     *
     * @param share            the budget as a share of the customers
     * @param contacts         the most contacts, {@code round(share n)}
     * @param policyContacts   the contacts the policy made (it contacts no one whose expected value is not positive)
     * @param policyValue      the policy's realised incremental value
     * @param oracleValue      the oracle's
     * @param randomValue      random targeting's
     * @param highestRiskValue highest-risk targeting's
     */
    public record Budget(double share, int contacts, int policyContacts, double policyValue, double oracleValue,
                         double randomValue, double highestRiskValue) {
    }

    /**
     * Runs the comparison. O(n log n) per budget for n customers, plus the policy's O(P log P).
     *
     * @param states  the customers' states at the end of the shop's log (their ids the shop's)
     * @param actions the actions, in the order of the truth's lifts
     * @param truth   the true responses
     * @param shares  the budget shares, each in (0, 1]
     * @param seed    seed of random targeting
     * @return one row per share
     * @throws IllegalArgumentException if the actions and the truth differ in number, a share is out of (0, 1] or
     *                                  there is no customer
     */
    public static CampaignSimulation compute(List<CustomerState> states, List<Action> actions, CampaignTruth truth,
                                             double[] shares, long seed) {
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(truth, "truth");
        if (Objects.requireNonNull(actions, "actions").size() != truth.actions()) {
            throw new IllegalArgumentException("the truth has " + truth.actions() + " actions, got "
                    + actions.size());
        }
        if (states.isEmpty()) {
            throw new IllegalArgumentException("states must not be empty");
        }
        int n = states.size();
        double dearest = 0;
        for (Action a : actions) {
            dearest = Math.max(dearest, a.cost());
        }
        double[] oracle = new double[n];
        double[] first = new double[n];
        for (int c = 0; c < n; c++) {
            String id = states.get(c).id();
            double best = 0;
            for (int a = 0; a < actions.size(); a++) {
                best = Math.max(best, truth.incrementalValue(id, a, actions.get(a).cost()));
            }
            oracle[c] = best;
            first[c] = truth.incrementalValue(id, 0, actions.get(0).cost());
        }
        double[] oracleSorted = oracle.clone();
        Arrays.sort(oracleSorted);
        Integer[] byRisk = new Integer[n];
        for (int c = 0; c < n; c++) {
            byRisk[c] = c;
        }
        Arrays.sort(byRisk, Comparator.<Integer>comparingDouble(c -> -states.get(c).churnProbability())
                .thenComparingInt(c -> c));
        List<Budget> rows = new ArrayList<>();
        for (double share : shares) {
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("shares must be in (0, 1], got " + share);
            }
            int k = Math.max(1, (int) Math.round(share * n));
            Plan plan = Playbook.plan(states, actions, PlanOptions.defaults().withMaxContacts(k)
                    .withBudget(Math.max(k * dearest, Double.MIN_NORMAL)));
            double policy = 0;
            for (Contact contact : plan.contacts()) {
                policy += truth.incrementalValue(contact.customer().id(), actions.indexOf(contact.action()),
                        contact.action().cost());
            }
            double best = 0;
            for (int j = 0; j < k; j++) {
                best += oracleSorted[n - 1 - j];
            }
            double random = 0;
            int[] perm = permutation(n, seed);
            for (int j = 0; j < k; j++) {
                random += first[perm[j]];
            }
            double risk = 0;
            for (int j = 0; j < k; j++) {
                risk += first[byRisk[j]];
            }
            rows.add(new Budget(share, k, plan.contacts().size(), policy, best, random, risk));
        }
        return new CampaignSimulation(rows);
    }

    /** A seeded Fisher-Yates permutation of 0..n-1. */
    private static int[] permutation(int n, long seed) {
        return new Variates(seed).permutation(n);
    }
}
