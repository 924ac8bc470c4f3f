package dev.retention.churn.evaluation;

import java.util.Locale;

/**
 * The decision threshold that minimises the total cost of a retention campaign on labelled data, and
 * what it costs.
 *
 * <p>Every customer flagged (score above the threshold) receives an offer costing {@code offerCost}; a
 * churner who receives it stays with probability {@code saveRate}; a churner who is lost costs
 * {@code lostCustomerCost} (for example the margin of a year). The cost of a threshold is therefore
 * <pre>
 *   FN * lost + TP * (offer + (1 - saveRate) * lost) + FP * offer
 * </pre>
 * Every cut between two distinct scores is tried (flag nobody, the highest tie group, the two highest,
 * ..., everybody); among equal costs the one flagging fewest customers wins. For calibrated
 * probabilities the cost-minimising rule in expectation is {@code p > offer / (saveRate * lost)}
 * ({@link #breakEvenProbability()}; Elkan, "The foundations of cost-sensitive learning", IJCAI 2001),
 * which the empirical threshold approaches on large samples.
 *
 * @param threshold            predicted positive (offered) iff score &gt; threshold: the highest score
 *                             left unflagged, the largest score when nobody is flagged, or just below the
 *                             smallest score when everybody is
 * @param flagged              customers receiving the offer
 * @param cost                 total cost at the threshold
 * @param costFlagNone         total cost without any offer ({@code positives * lost})
 * @param costFlagAll          total cost when everybody receives the offer
 * @param breakEvenProbability {@code offer / (saveRate * lost)}, the cost-optimal probability threshold in
 *                             expectation
 * @param confusion            the confusion matrix at the threshold
 */
public record CostThreshold(double threshold, long flagged, double cost, double costFlagNone, double costFlagAll,
                            double breakEvenProbability, ConfusionMatrix confusion) {

    /**
     * Chooses the cost-minimising threshold. O(n log n).
     *
     * @param labels           read: 1 for a churner, 0 otherwise
     * @param scores           read: finite scores, higher meaning more likely to churn
     * @param lostCustomerCost cost of losing a churner, finite and &gt; 0
     * @param offerCost        cost of one offer, finite and &gt;= 0
     * @param saveRate         probability that an offer keeps a churner, in (0, 1]
     * @return the threshold of least expected cost, with its costs
     * @throws IllegalArgumentException if a cost or the rate is out of range, or the labels or scores are bad
     */
    public static CostThreshold choose(int[] labels, double[] scores, double lostCustomerCost, double offerCost,
                                       double saveRate) {
        if (!(lostCustomerCost > 0) || Double.isInfinite(lostCustomerCost)) {
            throw new IllegalArgumentException("lostCustomerCost must be finite and > 0, got " + lostCustomerCost);
        }
        if (!(offerCost >= 0) || Double.isInfinite(offerCost)) {
            throw new IllegalArgumentException("offerCost must be finite and >= 0, got " + offerCost);
        }
        if (!(saveRate > 0 && saveRate <= 1)) {
            throw new IllegalArgumentException("saveRate must be in (0, 1], got " + saveRate);
        }
        int positives = BinaryLabels.check(labels, scores, "scores");
        int n = labels.length;
        int[] order = BinaryLabels.orderByDecreasingScore(scores);
        double tpCost = offerCost + (1 - saveRate) * lostCustomerCost;
        double costNone = positives * lostCustomerCost;
        double best = costNone;
        long bestTp = 0;
        long bestFp = 0;
        double bestThreshold = scores[order[0]];
        long tp = 0;
        long fp = 0;
        int i = 0;
        while (i < n) {
            double s = scores[order[i]];
            while (i < n && scores[order[i]] == s) {
                if (labels[order[i]] == 1) {
                    tp++;
                } else {
                    fp++;
                }
                i++;
            }
            double cost = (positives - tp) * lostCustomerCost + tp * tpCost + fp * offerCost;
            if (cost < best) {
                best = cost;
                bestTp = tp;
                bestFp = fp;
                bestThreshold = i < n ? scores[order[i]] : Math.nextDown(s);
            }
        }
        double costAll = positives * tpCost + (double) (n - positives) * offerCost;
        ConfusionMatrix cm = new ConfusionMatrix(bestTp, bestFp, n - positives - bestFp, positives - bestTp);
        return new CostThreshold(bestThreshold, bestTp + bestFp, best, costNone, costAll,
                Math.min(1.0, offerCost / (saveRate * lostCustomerCost)), cm);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "offer when score > %.4g: %,d flagged, cost %,.2f (no offers %,.2f, "
                        + "offers to all %,.2f; break-even probability %.4f)%n%s", threshold, flagged, cost,
                costFlagNone, costFlagAll, breakEvenProbability, confusion);
    }
}
