package dev.retention.recsys.ease;

import dev.retention.model.ModelFile;
import dev.retention.model.Models;
import dev.retention.recsys.RandomRatings;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.sparse.CsrMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EaseTest {

    private static Ratings goldenData() {
        return Ratings.of(EaseGoldens.USERS, EaseGoldens.ITEMS, EaseGoldens.USERS_OF, EaseGoldens.ITEMS_OF,
                EaseGoldens.VALUES, new RatingScale(0, 3));
    }

    @Test
    void weightsAndScores_matchNumPysClosedForm() {
        // Golden: src/test/python/ease_reference.py, B = I - inv(X^T X + lambda I) / diag, diag 0, in float64;
        // the library keeps B in float: 1e-6 absolute on weights below 1
        for (int threads : new int[] {1, 2}) {
            EaseModel m = Ease.fit(goldenData(), new EaseOptions(EaseGoldens.LAMBDA, threads));
            float[] b = m.weights();
            for (int t = 0; t < b.length; t++) {
                assertEquals(EaseGoldens.B[t], b[t], 1e-6, "B[" + t + "]");
            }
            double[] out = new double[EaseGoldens.ITEMS];
            for (int u = 0; u < EaseGoldens.USERS; u++) {
                m.scoreItems(u, out);
                for (int i = 0; i < out.length; i++) {
                    assertEquals(EaseGoldens.SCORES[u * EaseGoldens.ITEMS + i], out[i], 1e-5, "score " + u + "," + i);
                }
            }
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, 25);
    }

    /** Random data on more items, so that the blocked paths run: the closed form's defining identity. */
    @ParameterizedTest
    @MethodSource("seeds")
    void weights_solveTheConstrainedLeastSquares(long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        int users = 30 + rnd.nextInt(50);
        int items = 40 + rnd.nextInt(160);
        int[] u = new int[users * 8];
        int[] i = new int[users * 8];
        float[] v = new float[users * 8];
        int n = 0;
        for (int a = 0; a < users; a++) {
            boolean[] used = new boolean[items];
            for (int t = 0; t < 8; t++) {
                int b = rnd.nextInt(items);
                if (!used[b]) {
                    used[b] = true;
                    u[n] = a;
                    i[n] = b;
                    v[n] = 1 + rnd.nextInt(3);
                    n++;
                }
            }
        }
        Ratings r = Ratings.of(users, items, Arrays.copyOf(u, n), Arrays.copyOf(i, n), Arrays.copyOf(v, n),
                new RatingScale(0, 5));
        double lambda = 0.5 + 10 * rnd.nextDouble();
        EaseModel one = Ease.fit(r, new EaseOptions(lambda, 1));
        EaseModel two = Ease.fit(r, new EaseOptions(lambda, 3));
        assertArrayEquals(one.weights(), two.weights(), "the same for any threads");
        // stationarity: (G + lambda I) B = G + diag(mu) with B_jj = 0, so off the diagonal
        // ((G + lambda I) B - G)_ij = 0 for i != j
        float[] b = one.weights();
        double[] g = r.byUser().toDense();
        double[] gram = new double[items * items];
        for (int a = 0; a < users; a++) {
            for (int p = 0; p < items; p++) {
                for (int q = 0; q < items; q++) {
                    gram[p * items + q] += g[a * items + p] * g[a * items + q];
                }
            }
        }
        double worst = 0;
        for (int p = 0; p < items; p++) {
            assertEquals(0f, b[p * items + p]);
            for (int q = 0; q < items; q++) {
                if (p == q) {
                    continue;
                }
                double s = lambda * b[p * items + q] - gram[p * items + q];
                for (int k = 0; k < items; k++) {
                    s += gram[p * items + k] * b[k * items + q];
                }
                worst = Math.max(worst, Math.abs(s));
            }
        }
        assertTrue(worst < 1e-4, "residual " + worst);
    }

    @Test
    void foldIn_ofATrainingRow_isTheUsersScoresExactly() {
        Ratings r = RandomRatings.of(11);
        EaseModel m = Ease.fit(r, new EaseOptions(1.0, 1));
        CsrMatrix x = r.byUser();
        double[] a = new double[r.itemCount()];
        double[] b = new double[r.itemCount()];
        for (int u = 0; u < r.userCount(); u++) {
            m.scoreItems(u, a);
            m.scoreItems(Arrays.copyOfRange(x.columnIndices(), x.rowStart(u), x.rowEnd(u)),
                    Arrays.copyOfRange(x.values(), x.rowStart(u), x.rowEnd(u)), b);
            assertArrayEquals(a, b);
        }
        m.similarItems(0, a);
        assertEquals(0.0, a[0]);
        assertThrows(IllegalArgumentException.class, () -> m.scoreItems(new int[] {0, 0}, new float[] {1, 1}, b));
    }

    @Test
    void modelFile_roundTrips() throws Exception {
        EaseModel m = Ease.fit(goldenData(), new EaseOptions(EaseGoldens.LAMBDA, 1));
        EaseModel back = EaseModel.read(ModelFile.parse(m.toBytes(), "ease"));
        assertEquals(m, back);
        assertEquals(m.hashCode(), back.hashCode());
        java.nio.file.Path p = java.nio.file.Files.createTempFile("ease", ".model");
        try {
            m.save(p);
            assertEquals(m, Models.load(p, EaseModel.class));
        } finally {
            java.nio.file.Files.deleteIfExists(p);
        }
    }

    @Test
    void refuses_badOptions_andTooManyItems() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new EaseOptions(0, 1)).getMessage()
                .contains("lambda"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new EaseOptions(1, 0)).getMessage()
                .contains("threads"));
        Ratings wide = Ratings.of(1, Ease.MAX_ITEMS + 1, new int[] {0}, new int[] {0}, new float[] {1},
                new RatingScale(0, 1));
        String msg = assertThrows(IllegalArgumentException.class, () -> Ease.fit(wide, EaseOptions.defaults()))
                .getMessage();
        assertTrue(msg.contains("20,001") && msg.contains("20,000"), msg);
        assertEquals(500.0, EaseOptions.defaults().lambda());
    }
}
