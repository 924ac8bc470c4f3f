package dev.retention.recsys.baseline;

import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Models;
import dev.retention.model.Verdict;
import dev.retention.recsys.Prediction;
import dev.retention.recsys.RandomRatings;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.RecsysFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden tables from surprise_reference.py (see {@link RecsysFixture}); tolerance 1e-12 (same arithmetic in double). */
class BaselineOnlyTest {

    @Test
    void fit_als_matchesSurpriseFormulas() {
        RecsysFixture.assertTable(RecsysFixture.Golden.BASELINEALS,
                BaselineOnly.fit(RecsysFixture.ratings(), BaselineOptions.defaults()), 1e-12);
    }

    @Test
    void fit_sgd_matchesSurpriseFormulas() {
        RecsysFixture.assertTable(RecsysFixture.Golden.BASELINESGD,
                BaselineOnly.fit(RecsysFixture.ratings(), BaselineOptions.sgd()), 1e-12);
    }

    @Test
    void predict_unknownUserAndItem_useZeroBias_notImpossible() {
        BaselineOnlyModel m = BaselineOnly.fit(RecsysFixture.ratings(), BaselineOptions.defaults());
        Prediction p = m.predict(6, 5);
        assertFalse(p.impossible());
        assertEquals(3.25, p.estimate(), 1e-12);
        assertEquals(3.25, m.estimate(-1, 99), 1e-12, "indexes outside the id space fall back too");
    }

    @Test
    void saveAndLoad_roundTrip(@TempDir Path dir) throws IOException {
        BaselineOnlyModel m = BaselineOnly.fit(RecsysFixture.ratings(), BaselineOptions.sgd());
        Path f = dir.resolve("baseline.model");
        m.save(f);
        BaselineOnlyModel back = Models.load(f, BaselineOnlyModel.class);
        assertEquals(m, back);
        assertArrayEquals(m.userBiases(), back.userBiases());
        assertArrayEquals(m.itemBiases(), back.itemBiases());
        assertEquals(m.options(), back.options());
        assertEquals(m.estimate(2, 3), back.estimate(2, 3));
        Files.write(f, new byte[] {1, 2, 3});
        assertThrows(ModelFormatException.class, () -> Models.load(f));
    }

    @Test
    void options_rejectBadValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BaselineOptions.als().withEpochs(0));
        assertTrue(e.getMessage().contains("epochs must be in [1, 1,000,000], got 0"), e.getMessage());
        IllegalArgumentException reg = assertThrows(IllegalArgumentException.class,
                () -> BaselineOptions.als().withRegUser(-1));
        assertTrue(reg.getMessage().contains("regUser must be finite and >= 0, got -1.0"), reg.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BaselineOptions.als().withRegItem(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> BaselineOptions.sgd().withLearningRate(0));
        assertThrows(IllegalArgumentException.class, () -> BaselineOptions.sgd().withReg(Double.POSITIVE_INFINITY));
        assertEquals(BaselineOptions.Method.SGD, BaselineOptions.als().withMethod(BaselineOptions.Method.SGD).method());
    }

    /** A listener hears every epoch once, in order, with the objective the summary keeps. */
    @Test
    void fit_listenerHearsEachEpoch() {
        List<Double> heard = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        FitControl control = FitControl.defaults().withListener((stage, done, total, objective) -> {
            assertEquals("epochs", stage);
            assertEquals(calls.incrementAndGet(), done);
            assertEquals(7, total);
            heard.add(objective);
        });
        BaselineOnlyModel m = BaselineOnly.fit(RecsysFixture.ratings(), BaselineOptions.als().withEpochs(7), control);
        assertEquals(7, calls.get());
        double[] kept = m.fitSummary().objective();
        for (int e = 0; e < 7; e++) {
            assertEquals(kept[e], heard.get(e), 0.0);
        }
    }

    @Test
    void fit_cancelled_stopsWithCancellationException() {
        AtomicInteger epochs = new AtomicInteger();
        FitControl control = FitControl.defaults().withListener((stage, done, total, objective) -> epochs.set((int) done))
                .withCancellation(() -> epochs.get() >= 3);
        CancellationException e = assertThrows(CancellationException.class,
                () -> BaselineOnly.fit(RecsysFixture.ratings(), BaselineOptions.als().withEpochs(50), control));
        assertEquals(3, epochs.get());
        assertTrue(e.getMessage().contains("epochs"), e.getMessage());
    }

    /** An SGD step far too large diverges: the model comes back, its summary says it is unusable. */
    @Test
    void fit_divergingSgd_isUnusable_notThrown() {
        Ratings r = RandomRatings.of(4);
        FitSummary s = BaselineOnly.fit(r, BaselineOptions.sgd().withLearningRate(1e4).withEpochs(200)).fitSummary();
        assertEquals(Verdict.UNUSABLE, s.verdict(), s.toString());
        assertFalse(s.converged());
    }

    @Test
    void normalPredictor_fitsMeanAndSigma_andIsReproducible() {
        NormalPredictorModel a = NormalPredictor.fit(RecsysFixture.ratings(), new NormalPredictorOptions(7));
        assertEquals(RecsysFixture.MU, a.mu(), 1e-12);
        assertEquals(RecsysFixture.SIGMA, a.sigma(), 1e-12);
        NormalPredictorModel b = NormalPredictor.fit(RecsysFixture.ratings(), NormalPredictorOptions.defaults()
                .withSeed(7));
        assertEquals(a, b);
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int u = 0; u < 500; u++) {
            for (int i = 0; i < 6; i++) {
                assertEquals(a.estimate(u, i), b.estimate(u, i));
                double e = a.estimate(u, i);
                assertTrue(e >= 1 && e <= 5);
                sum += e;
                sq += e * e;
                n++;
            }
        }
        // clipped normal draws: the mean stays near mu (3,000 draws, sd of the mean about 0.02)
        assertEquals(3.25, sum / n, 0.1);
        assertTrue(sq / n - (sum / n) * (sum / n) > 0.8, "draws vary");
        String text = a.toString();
        assertTrue(text.contains("sigma") && text.contains("1.4098") && text.contains("seed"), text);
    }
}
