package dev.retention.io;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a headerless text format with a fixed number of fields (CDNOW, MovieLens), split into
 * fields, with the error reporting the readers share. Blank lines are skipped. Lines end at CR, LF or
 * CR LF. Not thread-safe.
 */
final class TextLines {

    /** How fields are separated. */
    enum Split {
        /** Runs of spaces and tabs; leading and trailing ones are ignored. */
        WHITESPACE,
        /** The two characters {@code ::}, as in MovieLens 1M. */
        DOUBLE_COLON
    }

    private final BoundedLines in;
    private final String source;
    private final Split split;
    private String[] columns;
    private String[] fields;
    private int count;
    private String text;
    private long line;            // the line of the current record
    private long lastRead;        // the last line read from the input
    private final java.util.ArrayDeque<String> ahead = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Long> aheadLine = new java.util.ArrayDeque<>();

    /**
     * @param columns names of the fields, for messages; their number is the number of fields a line
     *                must have
     */
    TextLines(Reader reader, String source, Split split, String... columns) {
        this.in = new BoundedLines(reader, source);
        this.source = source;
        this.split = split;
        this.columns = columns;
        this.fields = new String[columns.length];
    }

    /** Reads the next non-blank line; false at the end of the input. */
    boolean next() throws IOException {
        String s;
        if (!ahead.isEmpty()) {
            s = ahead.poll();
            line = aheadLine.poll();
        } else {
            s = readNonBlank();
            if (s == null) {
                return false;
            }
            line = lastRead;
        }
        text = s;
        count = split == Split.WHITESPACE ? splitWhitespace(s) : splitDoubleColon(s);
        return true;
    }

    /** The next non-blank line from the input, its number in {@code lastRead}; null at the end. */
    private String readNonBlank() throws IOException {
        String s;
        do {
            s = in.readLine();
            if (s == null) {
                return null;
            }
            lastRead++;
        } while (s.isBlank());
        return s;
    }

    /**
     * The number of fields of each of the next (at most) {@code n} non-blank lines, read ahead without consuming
     * them: for formats whose layout the majority of their lines tells.
     */
    int[] peekFieldCounts(int n) throws IOException {
        while (ahead.size() < n) {
            String s = readNonBlank();
            if (s == null) {
                break;
            }
            ahead.add(s);
            aheadLine.add(lastRead);
        }
        int[] counts = new int[ahead.size()];
        int k = 0;
        for (String s : ahead) {
            counts[k++] = countFields(s);
        }
        return counts;
    }

    private int countFields(String s) {
        int k = 0;
        if (split == Split.WHITESPACE) {
            boolean inField = false;
            for (int i = 0; i < s.length(); i++) {
                boolean space = isSpace(s.charAt(i));
                if (!space && !inField) {
                    k++;
                }
                inField = !space;
            }
            return k;
        }
        for (int at = s.indexOf("::"); at >= 0; at = s.indexOf("::", at + 2)) {
            k++;
        }
        return k + 1;
    }

    private int splitWhitespace(String s) {
        int n = s.length();
        int k = 0;
        int i = 0;
        while (true) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return k;
            }
            int start = i;
            while (i < n && !isSpace(s.charAt(i))) {
                i++;
            }
            if (k < fields.length) {
                fields[k] = s.substring(start, i);
            }
            k++;
        }
    }

    private int splitDoubleColon(String s) {
        int k = 0;
        int start = 0;
        while (true) {
            int end = s.indexOf("::", start);
            if (k < fields.length) {
                fields[k] = s.substring(start, end < 0 ? s.length() : end);
            }
            k++;
            if (end < 0) {
                return k;
            }
            start = end + 2;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    /** Number of fields of the current line (all of them, also beyond the expected columns). */
    int fieldCount() {
        return count;
    }

    /**
     * Changes the expected columns, for formats whose layout is told by their first line, and splits
     * the current line again.
     */
    void expect(String... newColumns) {
        columns = newColumns;
        fields = new String[newColumns.length];
        if (text != null) {
            count = split == Split.WHITESPACE ? splitWhitespace(text) : splitDoubleColon(text);
        }
    }

    /** The 1-based physical line of the current line. */
    long line() {
        return line;
    }

    /** The text of the current line. */
    String text() {
        return text;
    }

    /**
     * Checks that the current line has exactly the expected number of fields and holds no U+FFFD (bytes
     * that were not UTF-8).
     *
     * @throws DataFormatException naming the first missing column, or the count when there are too
     *                             many, with a hint when the line seems to use another separator
     */
    void checkFieldCount() throws DataFormatException {
        TextChecks.requireDecoded(text, source, line, null);
        if (count == columns.length) {
            return;
        }
        String expected = String.join(", ", columns);
        String counts = "the line has " + count + (count == 1 ? " field" : " fields") + ", expected "
                + columns.length + " (" + expected + ")";
        String hint = "";
        if (count == 1) {
            for (char c : new char[] {',', ';', '|', '\t'}) {
                if (text.indexOf(c) >= 0) {
                    hint = "; the line looks " + CsvInput.describe(c) + "-separated, but this format uses "
                            + (split == Split.WHITESPACE ? "spaces or tabs" : "'::'");
                    break;
                }
            }
        }
        if (count < columns.length) {
            throw new DataFormatException(source, line, columns[count], text, "missing; " + counts + ": "
                    + DataFormatException.quote(text) + hint);
        }
        throw new DataFormatException(source, line, null, text, "too many fields; " + counts + ": "
                + DataFormatException.quote(text));
    }

    /** The text of a field of the current line; valid after {@link #checkFieldCount()}. */
    String field(int i) {
        return fields[i];
    }

    /**
     * The finite number in a field.
     *
     * @throws DataFormatException if it is not a number or not finite
     */
    double number(int i) throws DataFormatException {
        double v;
        try {
            v = Decimals.parse(fields[i]);
        } catch (FieldFailure f) {
            throw DataFormatException.badNumber(source, line, columns[i], fields[i], f);
        }
        return TextChecks.requireMagnitude(v, fields[i], source, line, columns[i]);
    }

    /**
     * An integer field, such as a MovieLens timestamp.
     *
     * @throws DataFormatException if it is not an integer in the range of {@code long}
     */
    long integer(int i) throws DataFormatException {
        String s = fields[i];
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new DataFormatException(source, line, columns[i], s, "cannot parse " + DataFormatException.quote(s)
                    + " as an integer");
        }
    }

    /**
     * The epoch second of a date field.
     *
     * @throws DataFormatException if the parser refuses it
     */
    long time(int i, TimestampParser parser) throws DataFormatException {
        long t;
        try {
            t = parser.parse(fields[i]);
        } catch (FieldFailure f) {
            throw DataFormatException.badTime(source, line, columns[i], fields[i], parser);
        }
        return TextChecks.requireTime(t, fields[i], source, line, columns[i]);
    }
}
