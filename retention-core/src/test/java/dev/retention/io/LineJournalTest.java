package dev.retention.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link LineJournal}: quoting lines and rewinding while text is streamed through it in random chunks. */
class LineJournalTest {

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    /** Random lines joined by random line breaks (LF, CR LF, CR), with line starts recorded. */
    private static String randomText(Random rnd, List<String> lines, List<Integer> starts) {
        StringBuilder sb = new StringBuilder();
        int n = rnd.nextInt(3_000);
        for (int i = 0; i < n; i++) {
            starts.add(sb.length());
            int len = rnd.nextInt(8) == 0 ? rnd.nextInt(3_000) : rnd.nextInt(60);
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < len; k++) {
                line.append((char) ('a' + rnd.nextInt(26)));
            }
            lines.add(line.toString());
            sb.append(line);
            if (i < n - 1 || rnd.nextBoolean()) {
                // a bare CR followed by an empty line ended by LF would read as one CR LF: avoid it
                boolean afterBareCr = sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r';
                int kind = afterBareCr && line.length() == 0 ? 1 + rnd.nextInt(2) : rnd.nextInt(3);
                sb.append(switch (kind) {
                    case 0 -> "\n";
                    case 1 -> "\r\n";
                    default -> "\r";
                });
            }
        }
        return sb.toString();
    }

    /** A reader that returns at most a few characters per call, to split CR LF pairs and lines. */
    private static Reader trickle(String text, Random rnd) {
        return new Reader() {
            private int pos;

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (pos == text.length()) {
                    return -1;
                }
                int k = Math.min(Math.min(len, 1 + rnd.nextInt(5_000)), text.length() - pos);
                text.getChars(pos, pos + k, cbuf, off);
                pos += k;
                return k;
            }

            @Override
            public void close() {
            }
        };
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void lineTextAndRewind_matchTheLinesOfTheText(long seed) throws IOException {
        Random rnd = new Random(seed);
        List<String> lines = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        String text = randomText(rnd, lines, starts);
        LineJournal journal = new LineJournal(trickle(text, new Random(seed + 1)), "test");
        StringBuilder out = new StringBuilder();
        char[] buf = new char[1 + rnd.nextInt(9_000)];
        long keep = 1;
        String where = "seed " + seed;
        while (true) {
            int k = journal.read(buf, 0, 1 + rnd.nextInt(buf.length));
            if (k < 0) {
                break;
            }
            out.append(buf, 0, k);
            // lines wholly handed out so far
            int done = 0;
            while (done < starts.size() && starts.get(done) < out.length()) {
                done++;
            }
            if (done > 0 && rnd.nextInt(3) == 0) {
                keep = Math.max(keep, 1 + rnd.nextInt(done));
                journal.keepFrom(keep);
            }
            if (rnd.nextInt(10) == 0 && !lines.isEmpty()) {
                long line = keep + rnd.nextInt((int) Math.min(lines.size() - keep + 1, 50));
                if (line <= lines.size()) {
                    String expected = lines.get((int) line - 1);
                    assertEquals(expected.substring(0, Math.min(expected.length(), 10_000)), journal.lineText(line),
                            where + " line " + line);
                }
            }
            if (rnd.nextInt(40) == 0 && !lines.isEmpty()) {
                long line = keep + rnd.nextInt((int) Math.min(lines.size() - keep + 1, 50));
                if (line <= lines.size()) {
                    journal.rewindTo(line);
                    int start = starts.get((int) line - 1);
                    if (start <= out.length()) {
                        out.setLength(start);               // back: the text is handed out again
                    } else {
                        out.append(text, out.length(), start);   // ahead: the text up to the line is skipped
                    }
                }
            }
        }
        assertEquals(text, out.toString(), where);
    }

    @Test
    void lineText_afterTheEnd_isEmpty() throws IOException {
        LineJournal journal = new LineJournal(new StringReader("a\nb\n"), "test");
        assertEquals("b", journal.lineText(2));
        assertEquals("", journal.lineText(3));
        assertEquals("", journal.lineText(9));
    }

    @Test
    void lineText_beforeDroppedLines_throws() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            sb.append("line ").append(i).append('\n');
        }
        LineJournal journal = new LineJournal(new StringReader(sb.toString()), "test");
        char[] buf = new char[8_192];
        journal.keepFrom(9_000);
        while (journal.read(buf, 0, buf.length) >= 0) {
            // drain, letting the journal drop old lines
        }
        assertEquals("line 9000", journal.lineText(9_001));
        assertThrows(IllegalStateException.class, () -> journal.lineText(1));
    }
}
