package dev.retention.io;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.Locale;

/**
 * A {@link Reader} over another reader that keeps the text it has handed out, back to the start of
 * the oldest line its caller may still ask about. After a parse error, the caller can thus quote the
 * physical line of the bad record ({@link #lineText}) and resume reading at a later line
 * ({@link #rewindTo}), even though the CSV parser read ahead and its state is lost.
 *
 * <p>Lines are counted as the CSV parser counts them: CR, LF and CR LF each end a line, whether or
 * not they are inside quotes. The caller moves the oldest needed line forward with {@link #keepFrom};
 * text before it is dropped when the buffer fills, so memory stays at a few times the parser's
 * read-ahead plus the longest record. Each character is copied once more than by a plain reader.
 * Closing does not close the underlying reader. Not thread-safe.
 */
final class LineJournal extends Reader {

    private static final int CHUNK = 16 * 1024;
    private static final int MAX_LINE_TEXT = 10_000;
    /** The most text held: twice the longest line FastCSV takes, plus read-ahead. */
    private static final int MAX_HELD = 2 * BoundedLines.MAX_LINE + 4 * CHUNK;

    private final Reader in;
    private final String source;
    private char[] buf = new char[4 * CHUNK];
    private int len;              // text held: buf[0, len)
    private int pos;              // next char to hand out
    private long firstLine = 1;   // number of the line that starts at buf[0]
    private long keepFrom = 1;    // lines before this one may be dropped
    private boolean eof;

    LineJournal(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    @Override
    public int read(char[] cbuf, int off, int n) throws IOException {
        if (n == 0) {
            return 0;
        }
        if (pos == len && !fill(true)) {
            return -1;
        }
        int k = Math.min(n, len - pos);
        System.arraycopy(buf, pos, cbuf, off, k);
        pos += k;
        return k;
    }

    /** Declares that lines before {@code line} will not be asked for again. */
    void keepFrom(long line) {
        if (line > keepFrom) {
            keepFrom = line;
        }
    }

    /**
     * The text of a physical line without its line break, at most 10,000 characters; empty if the
     * input ends before that line.
     *
     * @param line 1-based; not before the line last passed to {@link #keepFrom}
     */
    String lineText(long line) throws IOException {
        int start = lineStart(line);
        int end = start;
        while (true) {
            while (end < len && end - start < MAX_LINE_TEXT && buf[end] != '\n' && buf[end] != '\r') {
                end++;
            }
            if (end < len || end - start >= MAX_LINE_TEXT || !fill(false)) {
                break;
            }
        }
        return new String(buf, start, end - start);
    }

    /**
     * Makes the next {@link #read} start at the beginning of the given line (at the end of the input
     * if there is no such line).
     *
     * @param line 1-based; not before the line last passed to {@link #keepFrom}
     */
    void rewindTo(long line) throws IOException {
        pos = lineStart(line);
    }

    @Override
    public void close() {
        // the underlying reader belongs to the caller
    }

    /** Offset in buf of the start of a line, reading ahead as needed; len if the input ends first. */
    private int lineStart(long line) throws IOException {
        if (line < firstLine) {
            throw new IllegalStateException("line " + line + " was already dropped; the journal starts at line "
                    + firstLine);
        }
        int i = 0;
        for (long l = firstLine; l < line; l++) {
            while (true) {
                while (i < len && buf[i] != '\n' && buf[i] != '\r') {
                    i++;
                }
                if (i < len) {
                    break;
                }
                if (!fill(false)) {
                    return len;
                }
            }
            if (buf[i] == '\r') {
                if (i + 1 == len) {
                    fill(false);
                }
                i += i + 1 < len && buf[i + 1] == '\n' ? 2 : 1;
            } else {
                i++;
            }
        }
        return i;
    }

    /** Appends text from the underlying reader; false at the end of the input. */
    private boolean fill(boolean mayDrop) throws IOException {
        if (eof) {
            return false;
        }
        if (buf.length - len < CHUNK) {
            if (mayDrop) {
                dropOldLines();
            }
            if (buf.length - len < CHUNK) {
                if (len + CHUNK > MAX_HELD) {
                    throw new UnreadableLineException(source, lastLine(), String.format(Locale.ROOT,
                            "the line is longer than %,d characters; is this a text file of the expected format?",
                            BoundedLines.MAX_LINE));
                }
                buf = Arrays.copyOf(buf, Math.min(MAX_HELD, Math.max(2 * buf.length, len + CHUNK)));
            }
        }
        int k;
        do {
            k = in.read(buf, len, buf.length - len);
        } while (k == 0);
        if (k < 0) {
            eof = true;
            return false;
        }
        len += k;
        return true;
    }

    /** The number of the line the held text ends in. */
    private long lastLine() {
        long line = firstLine;
        for (int i = 0; i < len; i++) {
            if (buf[i] == '\n' || (buf[i] == '\r' && (i + 1 == len || buf[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }

    /** Drops the whole lines before keepFrom that were handed out already. */
    private void dropOldLines() {
        int cut = 0;
        long line = firstLine;
        while (line < keepFrom) {
            int j = cut;
            while (j < pos && buf[j] != '\n' && buf[j] != '\r') {
                j++;
            }
            if (j >= pos) {
                break;
            }
            int next;
            if (buf[j] == '\r') {
                if (j + 1 < len) {
                    next = buf[j + 1] == '\n' ? j + 2 : j + 1;
                } else if (eof) {
                    next = j + 1;
                } else {
                    break;      // a CR at the end of the text: the next char may be its LF
                }
            } else {
                next = j + 1;
            }
            if (next > pos) {
                break;
            }
            cut = next;
            line++;
        }
        if (cut > 0) {
            System.arraycopy(buf, cut, buf, 0, len - cut);
            len -= cut;
            pos -= cut;
            firstLine = line;
        }
    }
}
