package dev.retention.recsys;

import dev.retention.recsys.sparse.CsrMatrix;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfidenceTest {

    private static CsrMatrix golden() {
        float[] v = new float[ConfidenceGoldens.VALUE.length];
        for (int t = 0; t < v.length; t++) {
            v[t] = (float) ConfidenceGoldens.VALUE[t];
        }
        return CsrMatrix.fromTriples(ConfidenceGoldens.USERS, ConfidenceGoldens.ITEMS, ConfidenceGoldens.USER,
                ConfidenceGoldens.ITEM, v);
    }

    private static void assertWeights(double[] expected, float[] got, String what) {
        assertEquals(expected.length, got.length, what);
        for (int t = 0; t < got.length; t++) {
            // float results of double algebra: 1e-6 relative
            assertEquals(expected[t], got[t], 1e-6 * Math.abs(expected[t]), what + " entry " + t);
        }
    }

    @Test
    void weigh_matchesSciPyTranscriptionOfImplicit() {
        // Golden: src/test/python/confidence_reference.py, implicit's bm25_weight and tfidf_weight on the user x item
        // matrix, and the linear and log scalings of Hu, Koren and Volinsky, alpha 2, epsilon 0.5.
        CsrMatrix x = golden();
        double a = ConfidenceGoldens.ALPHA;
        assertWeights(ConfidenceGoldens.SCALED, Confidence.scaled(a).weigh(x), "scaled");
        assertWeights(ConfidenceGoldens.LINEAR, Confidence.linear(a).weigh(x), "linear");
        assertWeights(ConfidenceGoldens.LOG, Confidence.log(a, ConfidenceGoldens.EPSILON).weigh(x), "log");
        assertWeights(ConfidenceGoldens.BM25, Confidence.bm25(a, 100, 0.8).weigh(x), "bm25");
        assertWeights(ConfidenceGoldens.BM25_K1_2_B_05, Confidence.bm25(a, 2, 0.5).weigh(x), "bm25 K1 2 B 0.5");
        assertWeights(ConfidenceGoldens.TFIDF, Confidence.tfidf(a).weigh(x), "tfidf");
    }

    @Test
    void weighRow_ofATrainingRow_equalsItsWeights() {
        CsrMatrix x = golden();
        for (Confidence c : new Confidence[] {Confidence.scaled(2), Confidence.linear(1.5), Confidence.log(3, 0.5),
                Confidence.bm25(2, 100, 0.8), Confidence.tfidf(1)}) {
            float[] all = c.weigh(x);
            double[] idf = c.itemIdf(x);
            double mean = Confidence.meanRowSum(x);
            for (int u = 0; u < x.rows(); u++) {
                int[] items = Arrays.copyOfRange(x.columnIndices(), x.rowStart(u), x.rowEnd(u));
                float[] values = Arrays.copyOfRange(x.values(), x.rowStart(u), x.rowEnd(u));
                float[] row = c.weighRow(items, values, idf, mean);
                for (int t = 0; t < row.length; t++) {
                    assertEquals(all[x.rowStart(u) + t], row[t], 1e-6f * Math.abs(row[t]), c + " user " + u);
                }
            }
        }
    }

    @Test
    void badInput_isNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Confidence.scaled(0));
        assertTrue(e.getMessage().contains("alpha must be finite and > 0, got 0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Confidence.log(1, -1));
        assertTrue(e.getMessage().contains("epsilon must be finite and > 0, got -1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Confidence.bm25(1, 1, 2));
        assertTrue(e.getMessage().contains("b must be in [0, 1], got 2.0"), e.getMessage());
        CsrMatrix bad = CsrMatrix.fromTriples(2, 2, new int[] {0, 1}, new int[] {1, 0}, new float[] {1, -2});
        e = assertThrows(IllegalArgumentException.class, () -> Confidence.linear(1).weigh(bad));
        assertTrue(e.getMessage().contains("got -2.0 for user 1 and item 0"), e.getMessage());
    }
}
