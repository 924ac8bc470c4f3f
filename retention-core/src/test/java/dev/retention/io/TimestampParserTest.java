package dev.retention.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link TimestampParser}: the hand parsers agree with java.time, and invalid dates are refused. */
class TimestampParserTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void monthDayYearTime_agreesWithDateTimeFormatter(long seed) throws FieldFailure {
        Random rnd = new Random(seed);
        DateTimeFormatter reference = DateTimeFormatter.ofPattern("M/d/yyyy H:mm");
        ZoneId zone = rnd.nextBoolean() ? ZoneOffset.UTC : LONDON;
        TimestampParser parser = TimestampParser.monthDayYearTime(zone);
        for (int i = 0; i < 200; i++) {
            LocalDateTime t = LocalDate.of(1900 + rnd.nextInt(300), 1, 1).plusDays(rnd.nextInt(366))
                    .atTime(rnd.nextInt(24), rnd.nextInt(60));
            String text = reference.format(t);
            assertEquals(t.atZone(zone).toEpochSecond(), parser.parse(text), "seed " + seed + ": " + text);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void compactDate_agreesWithBasicIsoDate(long seed) throws FieldFailure {
        Random rnd = new Random(seed);
        ZoneId zone = rnd.nextBoolean() ? ZoneOffset.UTC : ZoneId.of("America/New_York");
        TimestampParser parser = TimestampParser.compactDate(zone);
        for (int i = 0; i < 200; i++) {
            LocalDate d = LocalDate.of(1000 + rnd.nextInt(9000), 1, 1).plusDays(rnd.nextInt(366));
            String text = DateTimeFormatter.BASIC_ISO_DATE.format(d);
            assertEquals(d.atStartOfDay(zone).toEpochSecond(), parser.parse(text), "seed " + seed + ": " + text);
        }
    }

    @Test
    void monthDayYearTime_readsOnlineRetailTimes() throws FieldFailure {
        TimestampParser utc = TimestampParser.monthDayYearTime(ZoneOffset.UTC);
        assertEquals(1291191960L, utc.parse("12/1/2010 8:26"));
        assertEquals(1291191960L, utc.parse("12/01/2010 08:26"));
        assertEquals(1323435000L, utc.parse("12/9/2011 12:50"));
        assertEquals(1330473600L, utc.parse("2/29/2012 0:00"));
        TimestampParser london = TimestampParser.monthDayYearTime(LONDON);
        assertEquals(1308143100L, london.parse("6/15/2011 14:05"));
        // 01:30 on 27 March 2011 does not exist in London (clocks go 01:00 -> 02:00): moved to 02:30 BST
        assertEquals(LocalDateTime.of(2011, 3, 27, 1, 30).atZone(LONDON).toEpochSecond(),
                london.parse("3/27/2011 1:30"));
        assertEquals(1301189400L, london.parse("3/27/2011 1:30"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"13/45/2010 8:26", "13/1/2010 8:26", "0/1/2010 8:26", "2/29/2011 8:26", "4/31/2011 8:26",
        "12/1/2010 24:00", "12/1/2010 8:60", "12/1/2010 8:6", "12/1/10 8:26", "12/1/2010  8:26", "12/1/2010 8:26:00",
        "12-1-2010 8:26", "12/1/2010", "", "123/1/2010 8:26", "2010-12-01 08:26"})
    void monthDayYearTime_rejectsInvalidText(String text) {
        TimestampParser parser = TimestampParser.monthDayYearTime(ZoneOffset.UTC);
        FieldFailure f = assertThrows(FieldFailure.class, () -> parser.parse(text));
        assertEquals(FieldFailure.Kind.NOT_A_TIME, f.kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"19970230", "19971301", "1997010", "199701011", "1997-01-01", "19970100", "abcdefgh"})
    void compactDate_rejectsInvalidText(String text) {
        TimestampParser parser = TimestampParser.compactDate(ZoneOffset.UTC);
        assertThrows(FieldFailure.class, () -> parser.parse(text));
    }

    @Test
    void parse_afterAFailure_stillUsesTheCacheCorrectly() throws FieldFailure {
        TimestampParser parser = TimestampParser.monthDayYearTime(ZoneOffset.UTC);
        assertEquals(1291191960L, parser.parse("12/1/2010 8:26"));
        assertThrows(FieldFailure.class, () -> parser.parse("12/1/2010 8:99"));
        assertEquals(1291191960L, parser.parse("12/1/2010 8:26"));
        assertThrows(FieldFailure.class, () -> parser.parse("12/1/2010 8:99"));
    }

    @Test
    void pattern_dateOnlyMeansMidnightInTheZone() throws FieldFailure {
        assertEquals(1291161600L, TimestampParser.of("yyyy-MM-dd", ZoneOffset.UTC).parse("2010-12-01"));
        assertEquals(LocalDate.of(2011, 7, 1).atStartOfDay(LONDON).toEpochSecond(),
                TimestampParser.of("dd.MM.yyyy", LONDON).parse("01.07.2011"));
    }

    @Test
    void pattern_withOffsetGivesTheInstant() throws FieldFailure {
        TimestampParser parser = TimestampParser.of("yyyy-MM-dd'T'HH:mm:ssXXX", LONDON);
        assertEquals(1291191960L, parser.parse("2010-12-01T09:26:00+01:00"));
    }

    @Test
    void pattern_isStrict() {
        TimestampParser parser = TimestampParser.of("yyyy-MM-dd", ZoneOffset.UTC);
        assertThrows(FieldFailure.class, () -> parser.parse("2011-02-30"));
        assertThrows(FieldFailure.class, () -> parser.parse("2011-2-3"));
    }

    @Test
    void epoch_readsSecondsAndMillis() throws FieldFailure {
        assertEquals(881250949L, TimestampParser.of("epoch-seconds", ZoneOffset.UTC).parse("881250949"));
        assertEquals(881250949L, TimestampParser.of("epoch-millis", ZoneOffset.UTC).parse("881250949999"));
        assertEquals(-1L, TimestampParser.of("epoch-millis", ZoneOffset.UTC).parse("-1"));
        assertThrows(FieldFailure.class, () -> TimestampParser.of("epoch-seconds", ZoneOffset.UTC).parse("1.5"));
        assertThrows(FieldFailure.class, () -> TimestampParser.of("epoch-seconds", ZoneOffset.UTC).parse(""));
    }
}
