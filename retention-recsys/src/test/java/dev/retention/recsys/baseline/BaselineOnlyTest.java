package dev.retention.recsys.baseline;

import dev.retention.model.ModelFormatException;
import dev.retention.recsys.Prediction;
import dev.retention.recsys.RecsysFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden tables from surprise_reference.py (see {@link RecsysFixture}); tolerance 1e-12 (same arithmetic in double). */
class BaselineOnlyTest {

    @Test
    void fit_als_matchesSurpriseFormulas() {
        RecsysFixture.assertTable(RecsysFixture.BASELINEALS, BaselineOnly.fit(RecsysFixture.ratings()), 1e-12);
    }

    @Test
    void fit_sgd_matchesSurpriseFormulas() {
        RecsysFixture.assertTable(RecsysFixture.BASELINESGD,
                BaselineOnly.fit(RecsysFixture.ratings(), BaselineOptions.sgd()), 1e-12);
    }

    @Test
    void predict_unknownUserAndItem_useZeroBias_notImpossible() {
        BaselineOnly m = BaselineOnly.fit(RecsysFixture.ratings());
        Prediction p = m.predict(6, 5);
        assertFalse(p.impossible());
        assertEquals(3.25, p.estimate(), 1e-12);
        assertEquals(3.25, m.estimate(-1, 99), 1e-12, "indexes outside the id space fall back too");
    }

    @Test
    void saveAndLoad_roundTrip(@TempDir Path dir) throws IOException {
        BaselineOnly m = BaselineOnly.fit(RecsysFixture.ratings(), BaselineOptions.sgd());
        Path f = dir.resolve("baseline.model");
        m.save(f);
        BaselineOnly back = BaselineOnly.load(f);
        assertArrayEquals(m.userBiases(), back.userBiases());
        assertArrayEquals(m.itemBiases(), back.itemBiases());
        assertEquals(m.options(), back.options());
        assertEquals(m.estimate(2, 3), back.estimate(2, 3));
        Files.write(f, new byte[] {1, 2, 3});
        assertThrows(ModelFormatException.class, () -> BaselineOnly.load(f));
    }

    @Test
    void options_rejectBadValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BaselineOptions.als().withEpochs(0));
        assertTrue(e.getMessage().contains("epochs must be >= 1, got 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BaselineOptions.als().withAlsRegularisation(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> BaselineOptions.sgd().withSgd(0, 0.02));
    }

    @Test
    void normalPredictor_fitsMeanAndSigma_andIsReproducible() {
        NormalPredictor a = NormalPredictor.fit(RecsysFixture.ratings(), 7);
        assertEquals(RecsysFixture.MU, a.mu(), 1e-12);
        assertEquals(RecsysFixture.SIGMA, a.sigma(), 1e-12);
        NormalPredictor b = NormalPredictor.fit(RecsysFixture.ratings(), 7);
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
    }
}
