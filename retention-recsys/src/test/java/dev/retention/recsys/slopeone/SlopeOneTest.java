package dev.retention.recsys.slopeone;

import dev.retention.recsys.RecsysFixture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden table from surprise_reference.py (see {@link RecsysFixture}); tolerance 1e-6 (deviations stored as floats). */
class SlopeOneTest {

    @Test
    void fit_matchesSurpriseFormulas() {
        RecsysFixture.assertTable(RecsysFixture.SLOPEONE, SlopeOne.fit(RecsysFixture.ratings()), 1e-6);
    }

    @Test
    void deviation_isAntisymmetric_andZeroWithoutCoRaters() {
        SlopeOne m = SlopeOne.fit(RecsysFixture.ratings());
        // items 0 and 2: users 0 (5, 4), 1 (4, 5), 4 (3, 4): mean of 1, -1, -1
        assertEquals(-1.0 / 3, m.deviation(0, 2), 1e-6);
        assertEquals(1.0 / 3, m.deviation(2, 0), 1e-6);
        assertEquals(0.0, m.deviation(0, 5));
        assertTrue(m.predict(0, 5).impossible());
    }
}
