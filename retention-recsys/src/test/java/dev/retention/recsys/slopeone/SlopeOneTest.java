package dev.retention.recsys.slopeone;

import dev.retention.recsys.RandomRatings;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.RecsysFixture;
import dev.retention.recsys.sparse.RandomSparse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden table from surprise_reference.py (see {@link RecsysFixture}); tolerance 1e-6 (deviations stored as floats). */
class SlopeOneTest {

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    @Test
    void fit_matchesSurpriseFormulas() {
        RecsysFixture.assertTable(RecsysFixture.Golden.SLOPEONE, SlopeOne.fit(RecsysFixture.ratings()), 1e-6);
    }

    @Test
    void deviation_isAntisymmetric_andZeroWithoutCoRaters() {
        SlopeOneModel m = SlopeOne.fit(RecsysFixture.ratings());
        // items 0 and 2: users 0 (5, 4), 1 (4, 5), 4 (3, 4): mean of 1, -1, -1
        assertEquals(-1.0 / 3, m.deviation(0, 2), 1e-6);
        assertEquals(1.0 / 3, m.deviation(2, 0), 1e-6);
        assertEquals(0.0, m.deviation(0, 5));
        assertTrue(m.predict(0, 5).impossible());
        assertTrue(m.toString().contains("most rated items"), m.toString());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fit_sameModelForOneAndThreeThreads(long seed) {
        Ratings r = RandomRatings.of(seed);
        assertEquals(SlopeOne.fit(r, SlopeOneOptions.defaults()), SlopeOne.fit(r, new SlopeOneOptions(3)),
                "seed " + seed);
    }

    /** Enough work for several blocks of item rows (about 1M co-ratings): each row by one thread, in a fixed order. */
    @Test
    void fit_largerData_sameTableForOneAndThreeThreads() {
        Ratings r = Ratings.of(RandomSparse.ratings(3, 400, 250, 0.3), RatingScale.oneToFive());
        SlopeOneModel one = SlopeOne.fit(r, SlopeOneOptions.defaults());
        SlopeOneModel three = SlopeOne.fit(r, SlopeOneOptions.defaults().withThreads(3));
        assertEquals(one, three);
        for (int i = 0; i < 250; i += 7) {
            for (int j = 0; j < 250; j += 11) {
                assertEquals(one.deviation(i, j), three.deviation(i, j), 0.0);
            }
        }
    }

    @Test
    void options_rejectThreadsBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SlopeOneOptions(0));
        assertTrue(e.getMessage().contains("threads must be >= 1, got 0"), e.getMessage());
    }
}
