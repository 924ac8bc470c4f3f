package dev.retention.synth;

import dev.retention.random.Variates;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AliasTableTest {

    @Test
    void sample_followsTheWeights() {
        double[] weights = {5, 0, 1, 0.5, 3.5, 0, 10};
        double total = 20;
        AliasTable table = new AliasTable(weights);
        assertEquals(weights.length, table.size());
        Variates rng = Variates.stream(7, 1, 0);
        int n = 200_000;
        int[] counts = new int[weights.length];
        for (int i = 0; i < n; i++) {
            counts[table.sample(rng)]++;
        }
        for (int j = 0; j < weights.length; j++) {
            double q = weights[j] / total;
            // binomial count: 5 standard errors; exactly 0 for a zero weight
            assertEquals(n * q, counts[j], 5 * Math.sqrt(n * q * (1 - q)), "count of outcome " + j);
        }
    }

    @Test
    void sample_ofASingleOutcomeAlwaysReturnsIt() {
        AliasTable table = new AliasTable(new double[] {0.3});
        Variates rng = Variates.stream(7, 2, 0);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, table.sample(rng));
        }
    }
}
