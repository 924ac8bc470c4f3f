package dev.retention.io;

import dev.retention.data.TransactionLog;

import java.util.Locale;

/**
 * Checks the readers apply to every record, so that bad input is refused with its file and line rather than
 * silently changing the answer: text a decoder could not read, and numbers too large to add up.
 */
final class TextChecks {

    /** What a UTF-8 decoder puts in place of bytes that are not UTF-8 ({@code InputStreamReader} does). */
    static final char REPLACEMENT = '\uFFFD';

    private TextChecks() {
    }

    /**
     * Refuses text that holds U+FFFD, the replacement character: the reader's UTF-8 decoder writes it for
     * bytes that are not UTF-8, and a caller's decoder does the same, so two ids that differ only in such
     * bytes would read as one id.
     *
     * @param column the column's name, or {@code null} for the whole line
     * @throws DataFormatException naming the source, line and column
     */
    static void requireDecoded(String text, String source, long line, String column) throws DataFormatException {
        int at = text.indexOf(REPLACEMENT);
        if (at >= 0) {
            throw new DataFormatException(source, line, column, text, String.format(Locale.ROOT,
                    "holds bytes that are not UTF-8 (decoded as U+FFFD at character %d): %s; ids that differ only"
                            + " in such bytes would merge; convert the file to UTF-8 (for example iconv -f"
                            + " LATIN1 -t UTF-8)", at + 1, DataFormatException.quote(text)));
        }
    }

    /** 0001-01-01T00:00:00Z, the earliest time a record may carry. */
    static final long MIN_TIME = -62_135_596_800L;
    /** 9999-12-31T23:59:59Z, the latest time a record may carry. */
    static final long MAX_TIME = 253_402_300_799L;

    /**
     * Refuses a time outside the years 1 to 9999 (UTC): beyond them, date arithmetic (days, calendar periods) leaves
     * the range of {@link java.time.Instant} or of the day counts, and such a time is a typo or a wrong unit (epoch
     * milliseconds read as seconds), not an order.
     *
     * @return {@code epochSecond}
     * @throws DataFormatException naming the source, line and column
     */
    static long requireTime(long epochSecond, String text, String source, long line, String column)
            throws DataFormatException {
        if (epochSecond < MIN_TIME || epochSecond > MAX_TIME) {
            throw new DataFormatException(source, line, column, text, DataFormatException.quote(text.strip())
                    + " is outside the years 1 to 9999 (epoch second " + epochSecond + "); is it in another unit?");
        }
        return epochSecond;
    }

    /**
     * Refuses a number above {@link TransactionLog#MAX_MAGNITUDE} in magnitude: a quantity times a price, and
     * the sums of a customer's amounts, then stay finite.
     *
     * @return {@code value}
     * @throws DataFormatException naming the source, line and column
     */
    static double requireMagnitude(double value, String text, String source, long line, String column)
            throws DataFormatException {
        if (Math.abs(value) > TransactionLog.MAX_MAGNITUDE) {
            throw new DataFormatException(source, line, column, text, String.format(Locale.ROOT,
                    "%s is out of range: numbers must lie within +-%.0e so that quantity x price and the sums of"
                            + " amounts stay finite", DataFormatException.quote(text.strip()),
                    TransactionLog.MAX_MAGNITUDE));
        }
        return value;
    }
}
