package dev.retention.rfm;

import dev.retention.model.Models;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An RFM model shared by 8 threads scores every customer as one thread does: the fitted model and the same model
 * read back from its file, over seeded random customers (a share of them on the edges themselves).
 */
class RfmConcurrencyTest {

    private static final int THREADS = 8;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void eightThreadsScoreAsOne(long seed) throws Exception {
        RfmModel fitted = Rfm.fit(RfmFixture.log());
        RfmModel loaded = Models.fromBytes(fitted.toBytes(), "rfm.model", RfmModel.class);
        Random random = new Random(seed);
        int n = 2_000;
        double[][] customers = new double[n][3];
        double[] r = fitted.recencyEdges();
        double[] f = fitted.frequencyEdges();
        double[] m = fitted.monetaryEdges();
        for (int i = 0; i < n; i++) {
            boolean onEdge = random.nextInt(4) == 0;
            customers[i][0] = onEdge ? r[random.nextInt(r.length)] : random.nextDouble() * 2 * (r[3] + 1);
            customers[i][1] = onEdge ? f[random.nextInt(f.length)] : random.nextInt((int) (f[3] * 2 + 2));
            customers[i][2] = onEdge ? m[random.nextInt(m.length)] : random.nextDouble() * 2 * (m[3] + 1);
        }
        RfmScore[] expected = new RfmScore[n];
        for (int i = 0; i < n; i++) {
            expected[i] = fitted.score(customers[i][0], customers[i][1], customers[i][2]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RfmScore[]>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                RfmModel model = t % 2 == 0 ? fitted : loaded;
                int offset = t * 97;
                results.add(pool.submit(() -> {
                    start.await();
                    RfmScore[] out = new RfmScore[n];
                    for (int k = 0; k < n; k++) {
                        int i = (k + offset) % n;
                        out[i] = model.score(customers[i][0], customers[i][1], customers[i][2]);
                    }
                    return out;
                }));
            }
            start.countDown();
            int mismatches = 0;
            for (Future<RfmScore[]> result : results) {
                RfmScore[] got = result.get(60, TimeUnit.SECONDS);
                for (int i = 0; i < n; i++) {
                    if (!expected[i].equals(got[i])) {
                        mismatches++;
                    }
                }
            }
            assertEquals(0, mismatches, "scores that differ from one thread's");
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }
}
