package dev.retention.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;

/**
 * Turns the text of a date or time field into epoch seconds. Local dates and times are read in a
 * given zone; date-only values mean midnight.
 *
 * <p>Each parser remembers the last text it parsed and its value: order files repeat the timestamp
 * of an order on each of its lines, so most lines cost one {@code String.equals}. The fixed layouts
 * of the known formats ({@code M/d/yyyy H:mm}, {@code yyyyMMdd}) are parsed by hand; a caller's
 * pattern goes through a {@link DateTimeFormatter} (strict resolution: {@code 2/30/2011} is refused,
 * not moved to February 28). Not thread-safe: one parser per read.
 */
abstract class TimestampParser {

    /** The {@code epoch-seconds} pseudo-pattern: the field holds seconds since 1970-01-01T00:00Z. */
    static final String EPOCH_SECONDS = "epoch-seconds";
    /** The {@code epoch-millis} pseudo-pattern: milliseconds since the epoch, rounded down to seconds. */
    static final String EPOCH_MILLIS = "epoch-millis";


    private String lastText;
    private long lastValue;

    /**
     * The epoch second of the text.
     *
     * @throws FieldFailure of kind {@code NOT_A_TIME} if the text does not parse or is not a valid time
     */
    final long parse(String text) throws FieldFailure {
        if (text.equals(lastText)) {
            return lastValue;
        }
        long value = parseUncached(text);
        lastText = text;
        lastValue = value;
        return value;
    }

    abstract long parseUncached(String text) throws FieldFailure;

    /** What the parser expects, for messages: {@code "a date M/d/yyyy H:mm"}. */
    abstract String expected();

    /** {@code M/d/yyyy H:mm} without zero padding, as in the UCI Online Retail file. */
    static TimestampParser monthDayYearTime(ZoneId zone) {
        return new MonthDayYearTime(zone);
    }

    /** {@code yyyyMMdd}, as in the CDNOW file; midnight of that day. */
    static TimestampParser compactDate(ZoneId zone) {
        return new CompactDate(zone);
    }

    /**
     * A parser for a caller's pattern: {@link #EPOCH_SECONDS}, {@link #EPOCH_MILLIS} or a
     * {@link DateTimeFormatter} pattern. A pattern with an offset or zone gives instants directly; a
     * local pattern is read in {@code zone}; a date-only pattern means midnight.
     *
     * @throws IllegalArgumentException if the pattern is not a valid {@code DateTimeFormatter} pattern
     */
    static TimestampParser of(String pattern, ZoneId zone) {
        return switch (pattern) {
            case EPOCH_SECONDS -> new Epoch(1, "epoch seconds");
            case EPOCH_MILLIS -> new Epoch(1000, "epoch milliseconds");
            default -> new Formatted(pattern, zone);
        };
    }

    /**
     * The formatter the library uses for a caller's pattern: strict resolution, ERA defaulting to CE
     * so that {@code yyyy} works strictly, root locale.
     *
     * @throws IllegalArgumentException if the pattern is invalid
     */
    static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder()
                .appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    static long epochSecond(int year, int month, int day, int hour, int minute, ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            return LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600L + minute * 60L
                    - offset.getTotalSeconds();
        }
        return LocalDateTime.of(year, month, day, hour, minute).atZone(zone).toEpochSecond();
    }

    private static boolean validDate(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        int length = switch (month) {
            case 2 -> Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return day <= length;
    }

    /** M/d/yyyy H:mm, hand-parsed. */
    private static final class MonthDayYearTime extends TimestampParser {
        private final ZoneId zone;

        MonthDayYearTime(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        long parseUncached(String s) throws FieldFailure {
            int n = s.length();
            int i = 0;
            int month = 0;
            int k = 0;
            for (; i < n && k < 2 && isDigit(s.charAt(i)); i++, k++) {
                month = month * 10 + s.charAt(i) - '0';
            }
            if (k == 0 || i >= n || s.charAt(i++) != '/') {
                throw new FieldFailure(FieldFailure.Kind.NOT_A_TIME);
            }
            int day = 0;
            for (k = 0; i < n && k < 2 && isDigit(s.charAt(i)); i++, k++) {
                day = day * 10 + s.charAt(i) - '0';
            }
            if (k == 0 || i >= n || s.charAt(i++) != '/') {
                throw new FieldFailure(FieldFailure.Kind.NOT_A_TIME);
            }
            int year = 0;
            for (k = 0; i < n && k < 4 && isDigit(s.charAt(i)); i++, k++) {
                year = year * 10 + s.charAt(i) - '0';
            }
            if (k != 4 || i >= n || s.charAt(i++) != ' ') {
                throw new FieldFailure(FieldFailure.Kind.NOT_A_TIME);
            }
            int hour = 0;
            for (k = 0; i < n && k < 2 && isDigit(s.charAt(i)); i++, k++) {
                hour = hour * 10 + s.charAt(i) - '0';
            }
            if (k == 0 || i >= n || s.charAt(i++) != ':') {
                throw new FieldFailure(FieldFailure.Kind.NOT_A_TIME);
            }
            int minute = 0;
            for (k = 0; i < n && k < 2 && isDigit(s.charAt(i)); i++, k++) {
                minute = minute * 10 + s.charAt(i) - '0';
            }
            if (k != 2 || i != n || hour > 23 || minute > 59 || !validDate(year, month, day)) {
                throw new FieldFailure(FieldFailure.Kind.NOT_A_TIME);
            }
            return epochSecond(year, month, day, hour, minute, zone);
        }

        @Override
        String expected() {
            return "a date M/d/yyyy H:mm";
        }
    }

    /** yyyyMMdd, hand-parsed. */
    private static final class CompactDate extends TimestampParser {
        private final ZoneId zone;

        CompactDate(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        long parseUncached(String s) throws FieldFailure {
            if (s.length() != 8) {
                throw new FieldFailure(FieldFailure.Kind.NOT_A_TIME);
            }
            int v = 0;
            for (int i = 0; i < 8; i++) {
                char c = s.charAt(i);
                if (!isDigit(c)) {
                    throw new FieldFailure(FieldFailure.Kind.NOT_A_TIME);
                }
                v = v * 10 + c - '0';
            }
            int year = v / 10_000;
            int month = v / 100 % 100;
            int day = v % 100;
            if (!validDate(year, month, day)) {
                throw new FieldFailure(FieldFailure.Kind.NOT_A_TIME);
            }
            return epochSecond(year, month, day, 0, 0, zone);
        }

        @Override
        String expected() {
            return "a date yyyyMMdd";
        }
    }

    /** Whole seconds or milliseconds since the epoch. */
    private static final class Epoch extends TimestampParser {
        private final long unitsPerSecond;
        private final String expected;

        Epoch(long unitsPerSecond, String expected) {
            this.unitsPerSecond = unitsPerSecond;
            this.expected = expected;
        }

        @Override
        long parseUncached(String s) throws FieldFailure {
            int n = s.length();
            int i = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
            if (i == n || n - i > 18) {
                throw new FieldFailure(FieldFailure.Kind.NOT_A_TIME);
            }
            for (int j = i; j < n; j++) {
                if (!isDigit(s.charAt(j))) {
                    throw new FieldFailure(FieldFailure.Kind.NOT_A_TIME);
                }
            }
            return Math.floorDiv(Long.parseLong(s), unitsPerSecond);
        }

        @Override
        String expected() {
            return expected;
        }
    }

    /** A caller's DateTimeFormatter pattern. */
    private static final class Formatted extends TimestampParser {
        private final DateTimeFormatter formatter;
        private final ZoneId zone;
        private final String pattern;

        Formatted(String pattern, ZoneId zone) {
            this.formatter = formatter(pattern);
            this.zone = zone;
            this.pattern = pattern;
        }

        @Override
        long parseUncached(String s) throws FieldFailure {
            try {
                TemporalAccessor t = formatter.parse(s);
                if (t.isSupported(ChronoField.INSTANT_SECONDS)) {
                    return t.getLong(ChronoField.INSTANT_SECONDS);
                }
                LocalDate date = t.query(TemporalQueries.localDate());
                if (date == null) {
                    throw new FieldFailure(FieldFailure.Kind.NOT_A_TIME);
                }
                LocalTime time = t.query(TemporalQueries.localTime());
                LocalDateTime local = date.atTime(time == null ? LocalTime.MIDNIGHT : time);
                return zone instanceof ZoneOffset offset ? local.toEpochSecond(offset)
                        : ZonedDateTime.of(local, zone).toEpochSecond();
            } catch (DateTimeException e) {
                throw new FieldFailure(FieldFailure.Kind.NOT_A_TIME);
            }
        }

        @Override
        String expected() {
            return "a date " + pattern;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
