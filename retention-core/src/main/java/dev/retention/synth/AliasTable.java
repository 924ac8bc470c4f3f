package dev.retention.synth;

import dev.retention.random.Variates;

/**
 * Walker's alias method for drawing from a fixed discrete distribution in O(1) per draw, built in
 * O(n) by Vose's stable construction (Vose, "A linear algorithm for generating random numbers with a
 * given distribution", IEEE TSE 17(9), 1991). The construction visits indexes in a fixed order, so a
 * table, and the draws made from it, depend only on the weights. Immutable.
 */
final class AliasTable {

    private final double[] probability;
    private final int[] alias;

    /**
     * @param weights read; non-negative, finite, with a positive sum
     */
    AliasTable(double[] weights) {
        int n = weights.length;
        double sum = 0.0;
        for (double w : weights) {
            assert w >= 0.0 && Double.isFinite(w) : w;
            sum += w;
        }
        assert n > 0 && sum > 0.0;
        probability = new double[n];
        alias = new int[n];
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int nSmall = 0;
        int nLarge = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / sum;
            if (scaled[i] < 1.0) {
                small[nSmall++] = i;
            } else {
                large[nLarge++] = i;
            }
        }
        while (nSmall > 0 && nLarge > 0) {
            int s = small[--nSmall];
            int l = large[--nLarge];
            probability[s] = scaled[s];
            alias[s] = l;
            scaled[l] = (scaled[l] + scaled[s]) - 1.0;
            if (scaled[l] < 1.0) {
                small[nSmall++] = l;
            } else {
                large[nLarge++] = l;
            }
        }
        while (nLarge > 0) {
            int l = large[--nLarge];
            probability[l] = 1.0;
            alias[l] = l;
        }
        while (nSmall > 0) {            // left over only through rounding: these are full columns
            int s = small[--nSmall];
            probability[s] = 1.0;
            alias[s] = s;
        }
    }

    /** Number of outcomes. */
    int size() {
        return probability.length;
    }

    /** An index drawn with probability proportional to its weight. */
    int sample(Variates rng) {
        int column = rng.nextInt(probability.length);
        return rng.nextDouble() < probability[column] ? column : alias[column];
    }
}
