package dev.retention.report.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearScaleTest {

    @Test
    void mapsEndsAndMiddle_upsideDownForAnYAxis() {
        LinearScale y = new LinearScale(0, 100, 300, 50);
        assertEquals(300, y.apply(0));
        assertEquals(50, y.apply(100));
        assertEquals(175, y.apply(50));
        assertEquals(25, y.apply(110), 1e-12, "extrapolated");
        assertEquals(50, y.clamped(110), "clamped");
        assertEquals(300, y.clamped(-5));
    }

    @Test
    void emptyDomain_mapsToTheMiddle() {
        LinearScale s = new LinearScale(3, 3, 0, 10);
        assertEquals(5, s.apply(3));
        assertEquals(5, s.apply(1e9));
    }

    @Test
    void nonFiniteBound_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LinearScale(0, Double.POSITIVE_INFINITY, 0, 1));
        assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
    }
}
