package dev.retention.io;

import java.io.IOException;
import java.io.Reader;
import java.util.Locale;

/**
 * The lines of a text, as {@link java.io.BufferedReader#readLine()} gives them (CR, LF and CR LF end a line),
 * but refusing a line longer than a limit instead of growing a string until memory runs out: one endless line
 * (a binary file, {@code /dev/zero}) is an {@link UnreadableLineException} naming the source and line, which lenient reading does not skip. Not
 * thread-safe; does not close the reader.
 */
final class BoundedLines {

    /** The longest line read: 16 Mi characters, FastCSV's default buffer limit. */
    static final int MAX_LINE = 16 * 1024 * 1024;

    private final Reader in;
    private final String source;
    private final int maxLine;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private boolean skipLf;      // the last line ended at a CR: a LF right after it belongs to that break
    private long line;           // lines handed out so far

    BoundedLines(Reader in, String source) {
        this(in, source, MAX_LINE);
    }

    BoundedLines(Reader in, String source, int maxLine) {
        this.in = in;
        this.source = source;
        this.maxLine = maxLine;
    }

    /**
     * The next line without its line break, or {@code null} at the end of the input.
     *
     * @throws DataFormatException if the line is longer than the limit
     */
    String readLine() throws IOException {
        StringBuilder partial = null;
        while (true) {
            if (pos == len && !fill()) {
                if (partial == null) {
                    return null;
                }
                line++;
                return partial.toString();
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int start = pos;
            int i = pos;
            while (i < len && buf[i] != '\n' && buf[i] != '\r') {
                i++;
            }
            int held = (partial == null ? 0 : partial.length()) + (i - start);
            if (held > maxLine) {
                throw new UnreadableLineException(source, line + 1, String.format(Locale.ROOT,
                        "the line is longer than %,d characters; is this a text file of the expected format?",
                        maxLine));
            }
            if (i < len) {
                pos = i + 1;
                skipLf = buf[i] == '\r';
                line++;
                if (partial == null) {
                    return new String(buf, start, i - start);
                }
                return partial.append(buf, start, i - start).toString();
            }
            if (partial == null) {
                partial = new StringBuilder(Math.max(16, 2 * (i - start)));
            }
            partial.append(buf, start, i - start);
            pos = len;
        }
    }

    private boolean fill() throws IOException {
        int k;
        do {
            k = in.read(buf, 0, buf.length);
        } while (k == 0);
        if (k < 0) {
            return false;
        }
        pos = 0;
        len = k;
        return true;
    }
}
