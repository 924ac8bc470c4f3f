package dev.retention.io;

import java.io.IOException;

/**
 * A data file whose content cannot be read: an empty file, a header without a needed column, a record
 * with too few fields or broken quoting, or a field that does not parse (a date, a number, a
 * non-finite number). Every content error raised by the readers of this package is this exception;
 * other {@link IOException}s are plain I/O failures.
 *
 * <p>The message names the source, the 1-based physical line, the column and the offending value, for
 * example {@code orders.csv:17: column InvoiceDate: cannot parse '13/45/2010 8:26' as a date
 * M/d/yyyy H:mm}. The parts are also available one by one, so a caller can report them in its own
 * words.
 */
public class DataFormatException extends IOException {

    private static final int MAX_VALUE_CHARS = 120;

    /** The name of the source, for example the file name. */
    private final String source;
    /** The 1-based line of the bad record, or 0 for a whole-file problem. */
    private final long line;
    /** The column of the bad field, or {@code null}. */
    private final String column;
    /** The text of the bad field, or {@code null}. */
    private final String value;

    /**
     * An error about the content of a source.
     *
     * @param source name of the source (a file name, or the name a caller gave a stream); not null
     * @param line   1-based physical line where the offending record starts
     * @param column name of the offending column, or {@code null} when the error is about the whole
     *               record or file
     * @param value  the offending text, or {@code null} when there is none (an empty file)
     * @param detail what is wrong; it should quote the value
     */
    public DataFormatException(String source, long line, String column, String value, String detail) {
        super(source + ":" + line + ": " + (column == null ? "" : "column " + column + ": ") + detail);
        this.source = source;
        this.line = line;
        this.column = column;
        this.value = value;
    }

    /** {@return the name of the source: the file name, or the name the caller gave a stream} */
    public String source() {
        return source;
    }

    /** {@return the 1-based physical line where the offending record starts} */
    public long line() {
        return line;
    }

    /** {@return the name of the offending column, or {@code null} when the error is about a whole record or file} */
    public String column() {
        return column;
    }

    /** {@return the offending text, or {@code null} when there is none} */
    public String value() {
        return value;
    }

    /**
     * The text in single quotes, shortened to 120 characters with {@code ...} when longer, and with
     * line breaks shown as {@code \n}, for use in messages.
     */
    static String quote(String text) {
        String s = text.length() > MAX_VALUE_CHARS ? text.substring(0, MAX_VALUE_CHARS) + "..." : text;
        return "'" + s.replace("\r", "\\r").replace("\n", "\\n") + "'";
    }

    /** A field that should hold a finite number. */
    static DataFormatException badNumber(String source, long line, String column, String text, FieldFailure f) {
        String detail = f.kind == FieldFailure.Kind.NOT_FINITE
                ? quote(text) + " is not a finite number"
                : "cannot parse " + quote(text) + " as a number";
        return new DataFormatException(source, line, column, text, detail);
    }

    /** A field that should hold a date or time. */
    static DataFormatException badTime(String source, long line, String column, String text, TimestampParser parser) {
        return new DataFormatException(source, line, column, text, "cannot parse " + quote(text) + " as "
                + parser.expected());
    }
}
