package dev.retention.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link Decimals} gives bit for bit the double of {@link Double#parseDouble}, and refuses what it should. */
class DecimalsTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    private static String randomDecimal(Random rnd) {
        StringBuilder sb = new StringBuilder();
        switch (rnd.nextInt(4)) {
            case 0 -> sb.append('-');
            case 1 -> sb.append('+');
            default -> { }
        }
        int intDigits = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(12);
        for (int i = 0; i < intDigits; i++) {
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
        if (intDigits == 0 || rnd.nextBoolean()) {
            sb.append('.');
            int fracDigits = (intDigits == 0 ? 1 : 0) + rnd.nextInt(12);
            for (int i = 0; i < fracDigits; i++) {
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
        }
        if (rnd.nextInt(8) == 0) {
            // an exponent below 290 keeps 12-digit mantissas finite
            sb.append(rnd.nextBoolean() ? 'e' : 'E').append(rnd.nextBoolean() ? "-" : "").append(rnd.nextInt(290));
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void parse_equalsParseDouble(long seed) throws FieldFailure {
        Random rnd = new Random(seed);
        for (int i = 0; i < 1_000; i++) {
            String s = randomDecimal(rnd);
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)),
                    Double.doubleToRawLongBits(Decimals.parse(s)),
                    "seed " + seed + ": " + s);
        }
    }

    @Test
    void parse_readsTypicalValues() throws FieldFailure {
        assertEquals(2.55, Decimals.parse("2.55"));
        assertEquals(0.001, Decimals.parse("0.001"));
        assertEquals(-80995.0, Decimals.parse("-80995"));
        assertEquals(38970.0, Decimals.parse("38970"));
        assertEquals(0.5, Decimals.parse(".5"));
        assertEquals(1.0, Decimals.parse("1."));
        assertEquals(1500.0, Decimals.parse("1.5e3"));
        assertEquals(1.2345678901234568E17, Decimals.parse("123456789012345678"));   // the nearest double
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Decimals.parse("-0")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", ".", "abc", "1.2.3", "1e", "1e+", "1,5", " 1", "1 ", "1.5d", "2f", "0x1p3",
        "--1", "1-", "£1", "1_000"})
    void parse_rejectsNonNumbers(String s) {
        FieldFailure f = assertThrows(FieldFailure.class, () -> Decimals.parse(s));
        assertEquals(FieldFailure.Kind.NOT_A_NUMBER, f.kind, s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "-NaN", "Infinity", "-Infinity", "+Infinity", "inf", "1e309", "-1e999"})
    void parse_rejectsNonFiniteNumbers(String s) {
        FieldFailure f = assertThrows(FieldFailure.class, () -> Decimals.parse(s));
        assertEquals(FieldFailure.Kind.NOT_FINITE, f.kind, s);
    }
}
