package dev.retention.io;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The records of a CSV source with a header row, read with FastCSV, with the error reporting all the
 * CSV readers share: every problem becomes a {@link DataFormatException} naming the source, the
 * physical line where the record starts, the column and the value.
 *
 * <p>FastCSV cannot go on after a malformed quote (its parser keeps its state), so the input goes
 * through a {@link LineJournal}: on a {@link CsvParseException} this class quotes the bad line from
 * the journal, finds the column whose quoting is broken, and starts a new FastCSV reader at the next
 * physical line, so that a lenient caller can simply call {@link #next()} again. Records with only
 * blank text are skipped like empty lines. Not thread-safe.
 */
final class CsvInput {

    private static final Pattern RECORD_LINE = Pattern.compile("\\s*\\(record starting at line (\\d+)\\)");

    private final LineJournal journal;
    private final String source;
    private final char separator;
    private CsvReader<CsvRecord> csv;
    private CloseableIterator<CsvRecord> records;
    private long lineOffset;          // absolute line = FastCSV's line + lineOffset
    private long line;                // line of the current record
    private String[] header;
    private long headerLine = 1;

    CsvInput(Reader reader, String source, char separator) {
        this.journal = new LineJournal(reader, source);
        this.source = source;
        this.separator = separator;
        open();
    }

    private void open() {
        csv = CsvReader.builder()
                .fieldSeparator(separator)
                .quoteCharacter('"')
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)     // field counts are checked here,
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)   // against the header, with better messages
                .allowUnclosedQuote(false)
                // text after a closing quote is refused by default
                .ofCsvRecord(journal);
        records = csv.iterator();
    }

    /** Name of the source, for messages. */
    String source() {
        return source;
    }

    /** The 1-based physical line where the current record starts. */
    long line() {
        return line;
    }

    /**
     * Reads the header row: names trimmed, a leading byte-order mark dropped.
     *
     * @param expected the header the reader expects, for the message about an empty file
     * @throws DataFormatException if the source is empty or its first record is malformed
     */
    String[] readHeader(String expected) throws IOException {
        CsvRecord first = next();
        if (first == null) {
            throw new DataFormatException(source, 1, null, "", "the file is empty; expected a header line "
                    + DataFormatException.quote(expected));
        }
        String[] names = new String[first.getFieldCount()];
        for (int i = 0; i < names.length; i++) {
            String name = first.getField(i);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            names[i] = name.strip();
        }
        header = names;
        headerLine = line;
        return names.clone();
    }

    /** The index of a header column (exact name first, then ignoring case), or -1. */
    int column(String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < header.length; i++) {
            if (header[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of a header column.
     *
     * @throws DataFormatException naming the column and the header found, with a hint when the header
     *                             seems to use another separator; or when the column appears twice
     */
    int requireColumn(String name) throws DataFormatException {
        int c = column(name);
        if (c >= 0) {
            for (int i = c + 1; i < header.length; i++) {
                if (header[i].equalsIgnoreCase(header[c])) {   // the reader would silently take the first
                    throw new DataFormatException(source, headerLine, name, header[i], "appears twice in the header,"
                            + " as columns " + (c + 1) + " and " + (i + 1) + "; rename or drop one");
                }
            }
            return c;
        }
        String found = String.join(String.valueOf(separator), header);
        if (header.length == 1) {
            char other = likelySeparator(header[0]);
            if (other != 0) {
                throw new DataFormatException(source, headerLine, name, found,
                        "not in the header, which has a single column " + DataFormatException.quote(found)
                        + "; the header looks " + describe(other) + "-separated, but this reader expects "
                        + describe(separator) + "-separated fields");
            }
        }
        throw new DataFormatException(source, headerLine, name, found, "not in the header; found " + header.length
                + (header.length == 1 ? " column: " : " columns: ") + String.join(", ", header));
    }

    /** The separator a single header field seems to be split by, or 0. */
    private char likelySeparator(String text) {
        char best = 0;
        int bestCount = 0;
        for (char c : new char[] {',', ';', '\t', '|'}) {
            if (c == separator) {
                continue;
            }
            int count = 0;
            for (int i = 0; i < text.length(); i++) {
                count += text.charAt(i) == c ? 1 : 0;
            }
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    static String describe(char separator) {
        return separator == '\t' ? "tab" : "'" + separator + "'";
    }

    /** Name of a header column. */
    String columnName(int column) {
        return header[column];
    }

    /**
     * The next record, or {@code null} at the end of the input.
     *
     * @throws DataFormatException on malformed quoting; the input then continues at the line after
     *                             the one where the bad record starts, so the caller may go on
     * @throws IOException         if reading fails
     */
    CsvRecord next() throws IOException {
        try {
            while (records.hasNext()) {
                CsvRecord r = records.next();
                line = r.getStartingLineNumber() + lineOffset;
                journal.keepFrom(line);
                if (r.getFieldCount() == 1 && r.getField(0).isBlank()) {
                    continue;   // a line of spaces: blank, like an empty line
                }
                return r;
            }
            return null;
        } catch (CsvParseException e) {
            throw malformedQuoting(e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private DataFormatException malformedQuoting(CsvParseException e) throws IOException {
        String message = e.getMessage() == null ? "malformed CSV" : e.getMessage();
        Matcher m = RECORD_LINE.matcher(message);
        long bad;
        if (m.find()) {
            bad = Long.parseLong(m.group(1)) + lineOffset;
            message = message.substring(0, m.start()) + message.substring(m.end());
        } else {
            bad = line + 1;     // best guess: the line after the last good record
        }
        String text = journal.lineText(bad);
        String column = null;
        String value = text;
        int[] field = badlyQuotedField(text, separator);
        if (field != null) {
            column = header != null && field[0] < header.length ? header[field[0]] : "#" + (field[0] + 1);
            value = text.substring(field[1], field[2]);
        }
        // go on after the bad line, with a fresh parser
        csv.close();
        journal.rewindTo(bad + 1);
        lineOffset = bad;
        line = bad;
        open();
        if (field == null && message.contains("maximum limit")) {
            // FastCSV's limits (fields per record, characters per field or record) are not quoting problems
            return new DataFormatException(source, bad, null, text, "the record is too large for a CSV reader: "
                    + message.strip() + "; " + DataFormatException.quote(text));
        }
        return new DataFormatException(source, bad, column, value, "malformed quoting in "
                + DataFormatException.quote(value) + ": " + message.strip());
    }

    /**
     * Finds the first field of a physical line whose RFC 4180 quoting is broken: text after a closing
     * quote, or a quote still open at the end of the line.
     *
     * @return {field index, start offset, end offset} of the field's raw text, or {@code null}
     */
    static int[] badlyQuotedField(String line, char separator) {
        int n = line.length();
        int i = 0;
        for (int field = 0; ; field++) {
            int start = i;
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return new int[] {field, start, n};   // still open at the end of the line
                    }
                    if (line.charAt(i) == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    i++;
                }
                if (i < n && line.charAt(i) != separator) {
                    int end = line.indexOf(separator, i);
                    return new int[] {field, start, end < 0 ? n : end};
                }
            } else {
                while (i < n && line.charAt(i) != separator) {
                    i++;
                }
            }
            if (i >= n) {
                return null;
            }
            i++;    // the separator
        }
    }

    /**
     * Checks that the current record has as many fields as the header.
     *
     * @throws DataFormatException naming the first missing column, or the field count when there are
     *                             too many, and quoting the line
     */
    void checkFieldCount(CsvRecord r) throws IOException {
        int count = r.getFieldCount();
        if (count == header.length) {
            return;
        }
        String text = journal.lineText(line);
        String counts = "the record has " + count + (count == 1 ? " field" : " fields") + ", the header has "
                + header.length + ": " + DataFormatException.quote(text);
        if (count < header.length) {
            throw new DataFormatException(source, line, header[count], text, "missing; " + counts);
        }
        throw new DataFormatException(source, line, null, text, "too many fields; " + counts);
    }

    /**
     * The text of a field that must not be empty.
     *
     * @throws DataFormatException if it is empty
     */
    String nonEmpty(CsvRecord r, int column) throws DataFormatException {
        String s = id(r, column);
        if (s.isEmpty()) {
            throw new DataFormatException(source, line, header[column], s, "empty value ''");
        }
        return s;
    }

    /**
     * The text of an id field, possibly empty, refused when it holds U+FFFD: the mark a UTF-8 decoder leaves
     * for bytes that are not UTF-8, so that ids which differ only in such bytes would merge.
     *
     * @throws DataFormatException if the text holds U+FFFD
     */
    String id(CsvRecord r, int column) throws DataFormatException {
        String s = r.getField(column);
        TextChecks.requireDecoded(s, source, line, header[column]);
        return s;
    }

    /**
     * The finite number in a field; surrounding spaces are ignored.
     *
     * @throws DataFormatException if it is not a number or not finite
     */
    double number(CsvRecord r, int column) throws DataFormatException {
        String s = r.getField(column);
        double v;
        try {
            v = Decimals.parse(s);
        } catch (FieldFailure f) {
            String t = s.strip();
            if (t.length() == s.length()) {
                throw DataFormatException.badNumber(source, line, header[column], s, f);
            }
            try {
                v = Decimals.parse(t);
            } catch (FieldFailure again) {
                throw DataFormatException.badNumber(source, line, header[column], s, f);   // the original text
            }
        }
        return TextChecks.requireMagnitude(v, s, source, line, header[column]);
    }

    /**
     * The epoch second of a date field; surrounding spaces are ignored.
     *
     * @throws DataFormatException if the parser refuses it
     */
    long time(CsvRecord r, int column, TimestampParser parser) throws DataFormatException {
        String s = r.getField(column);
        long t;
        try {
            t = parser.parse(s);
        } catch (FieldFailure f) {
            String stripped = s.strip();
            if (stripped.length() == s.length()) {
                throw DataFormatException.badTime(source, line, header[column], s, parser);
            }
            try {
                t = parser.parse(stripped);
            } catch (FieldFailure again) {
                throw DataFormatException.badTime(source, line, header[column], s, parser);   // the original text
            }
        }
        return TextChecks.requireTime(t, s, source, line, header[column]);
    }

    /**
     * An integer field (epoch seconds, for instance); surrounding spaces are ignored.
     *
     * @throws DataFormatException if it is not an integer in the range of {@code long}
     */
    long integer(CsvRecord r, int column) throws DataFormatException {
        String s = r.getField(column);
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new DataFormatException(source, line, header[column], s, "cannot parse "
                    + DataFormatException.quote(s) + " as an integer");
        }
    }
}
