package dev.retention.synth;

import dev.retention.random.Variates;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The exact rejection sampler of items against the softmax it targets. */
class ShopGeneratorTest {

    private static final double[] POPULARITY = {1.0, 0.5, 1.0 / 3, 0.25, 0.2};
    private static final double[] SCORE = {-1.5, 0.3, 2.0, -0.2, 0.9};

    @Test
    void drawItem_followsTheSoftmaxOfAffinityPlusLogPopularity() {
        AliasTable table = new AliasTable(POPULARITY);
        double max = 2.0;
        double[] target = softmax(-1);
        Variates rng = Variates.stream(3, 1, 0);
        int n = 200_000;
        int[] counts = new int[POPULARITY.length];
        int[] chosen = new int[1];
        for (int i = 0; i < n; i++) {
            counts[ShopGenerator.drawItem(rng, table, SCORE, max, chosen, 0)]++;
        }
        for (int j = 0; j < target.length; j++) {
            // binomial counts, 5 standard errors
            assertEquals(n * target[j], counts[j], 5 * Math.sqrt(n * target[j] * (1 - target[j])), "item " + j);
        }
    }

    @Test
    void drawItem_drawsWithoutReplacementInsideAnOrder() {
        AliasTable table = new AliasTable(POPULARITY);
        int excluded = 2;
        double[] target = softmax(excluded);
        Variates rng = Variates.stream(3, 2, 0);
        int n = 100_000;
        int[] counts = new int[POPULARITY.length];
        int[] chosen = {excluded, -1};
        for (int i = 0; i < n; i++) {
            int j = ShopGenerator.drawItem(rng, table, SCORE, 2.0, chosen, 1);
            assertNotEquals(excluded, j);
            counts[j]++;
        }
        for (int j = 0; j < target.length; j++) {
            assertEquals(n * target[j], counts[j], 5 * Math.sqrt(n * target[j] * (1 - target[j])), "item " + j);
        }
    }

    @Test
    void drawItem_withoutScoresFollowsPopularity() {
        AliasTable table = new AliasTable(POPULARITY);
        Variates rng = Variates.stream(3, 3, 0);
        int n = 100_000;
        int[] counts = new int[POPULARITY.length];
        for (int i = 0; i < n; i++) {
            counts[ShopGenerator.drawItem(rng, table, null, 0.0, new int[0], 0)]++;
        }
        double total = 0;
        for (double w : POPULARITY) {
            total += w;
        }
        for (int j = 0; j < POPULARITY.length; j++) {
            double q = POPULARITY[j] / total;
            assertEquals(n * q, counts[j], 5 * Math.sqrt(n * q * (1 - q)), "item " + j);
        }
    }

    /** softmax(score + log popularity) over the items other than {@code excluded}. */
    private static double[] softmax(int excluded) {
        double[] w = new double[POPULARITY.length];
        double total = 0;
        for (int j = 0; j < w.length; j++) {
            w[j] = j == excluded ? 0 : POPULARITY[j] * Math.exp(SCORE[j]);
            total += w[j];
        }
        for (int j = 0; j < w.length; j++) {
            w[j] /= total;
        }
        return w;
    }
}
