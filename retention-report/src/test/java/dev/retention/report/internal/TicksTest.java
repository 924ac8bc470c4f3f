package dev.retention.report.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Heckbert's nice ticks: worked examples from the algorithm by hand, then properties over seeded random ranges. */
class TicksTest {

    private static double[] values(Ticks t) {
        double[] v = new double[t.count()];
        for (int i = 0; i < v.length; i++) {
            v[i] = t.value(i);
        }
        return v;
    }

    @Test
    void unitRange_stepsOfOneFifth_exactDecimals() {
        // range nice(1) = 1, step nice(1 / 5 = 0.2, round) = 0.2: 0, 0.2, ..., 1, each the double of its decimal
        Ticks t = Ticks.of(0, 1, 6);
        assertEquals(6, t.count());
        assertEquals(0.2, t.step());
        double[] expected = {0, 0.2, 0.4, 0.6, 0.8, 1.0};
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], t.value(i), 0.0, "tick " + i);
        }
        assertEquals("0.6", t.label(3));
        assertEquals(1, t.decimals());
    }

    @Test
    void ninetySeven_stepsOfTwenty_upToOneHundred() {
        // range nice(97) = 100, step nice(100 / 5 = 20, round) = 20
        Ticks t = Ticks.of(0, 97, 6);
        assertEquals(20, t.step());
        assertEquals(0, t.min());
        assertEquals(100, t.max());
        assertEquals("40", t.label(2));
    }

    @Test
    void negativeToPositive_coversBothEnds() {
        // range nice(11.1) = 20, step nice(20 / 4 = 5, round) = 5: -5, 0, 5, 10
        Ticks t = Ticks.of(-3.2, 7.9, 5);
        double[] v = values(t);
        assertEquals(4, v.length);
        assertEquals(-5, v[0]);
        assertEquals(10, v[3]);
    }

    @Test
    void heckbertsExample_pointOneToPointNine() {
        // range nice(0.8) = 1, step nice(0.25, round) = 0.2 (0.25 rounds to 2 x 0.1): 0, 0.2, ..., 1
        Ticks t = Ticks.of(0.1, 0.9, 5);
        assertEquals(0.2, t.step());
        assertEquals(0, t.min());
        assertEquals(1.0, t.max());
    }

    @Test
    void emptyRange_isWidened() {
        Ticks zero = Ticks.of(0, 0, 5);
        assertEquals(0, zero.min());
        assertTrue(zero.max() >= 1);
        Ticks five = Ticks.of(5, 5, 5);
        assertTrue(five.min() < 5 && five.max() > 5, five.toString());
    }

    @Test
    void largeValues_useThousandsAndMillions() {
        // range nice(250,000) = 500,000, step nice(100,000, round) = 100,000
        Ticks k = Ticks.of(0, 250_000, 6);
        assertEquals(100_000, k.step());
        assertEquals("100k", k.label(1));
        assertEquals("0", k.label(0));
        // range nice(1.2e7) = 2e7, step nice(5e6, round) = 5e6
        Ticks m = Ticks.of(0, 12_000_000, 5);
        assertEquals("5M", m.label(1));
        // range nice(8,000) = 10,000, step nice(2,500, round) = 2,000; below 10,000 no suffix
        Ticks small = Ticks.of(0, 8_000, 5);
        assertEquals("2,000", small.label(1));
    }

    @Test
    void badInput_isRefusedNamingTheValue() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> Ticks.of(Double.NaN, 1, 5));
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class, () -> Ticks.of(2, 1, 5));
        assertTrue(order.getMessage().contains("lo 2.0 > hi 1.0"), order.getMessage());
        IllegalArgumentException target = assertThrows(IllegalArgumentException.class, () -> Ticks.of(0, 1, 1));
        assertTrue(target.getMessage().contains("got 1"), target.getMessage());
    }

    static IntStream seeds() {
        return IntStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomRanges_coverTheData_withNiceEvenSteps(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double scale = Math.pow(10, r.nextInt(-6, 10));
        double a = (r.nextDouble() * 2 - 1) * scale;
        double b = a + r.nextDouble() * scale * (r.nextBoolean() ? 1 : 1e-3);
        int target = r.nextInt(2, 13);
        Ticks t = Ticks.of(a, b, target);
        String where = "seed " + seed + ": [" + a + ", " + b + "] target " + target + " -> " + t;
        assertTrue(t.min() <= a && t.max() >= b, where);
        double step = t.step();
        double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-12));
        assertTrue(Math.abs(mantissa - 1) < 1e-9 || Math.abs(mantissa - 2) < 1e-9 || Math.abs(mantissa - 5) < 1e-9,
                where + " step " + step);
        assertTrue(t.count() >= 2 && t.count() <= 2 * target + 2, where);
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < t.count(); i++) {
            double k = t.value(i) / step;
            assertEquals(Math.rint(k), k, 1e-6, where + " tick " + i + " is not a multiple of the step");
            if (i > 0) {
                assertEquals(step, t.value(i) - t.value(i - 1), step * 1e-9, where);
            }
            labels.add(t.label(i));
        }
        assertEquals(t.count(), labels.size(), where + ": labels repeat");
    }
}
