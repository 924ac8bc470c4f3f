package dev.retention.io;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every reader through the same generated malformed files, in the spirit of scikit-learn's {@code check_estimator}:
 * encodings (UTF-8 with and without a byte-order mark, UTF-16 little- and big-endian with a mark, UTF-16 without
 * one), line endings (LF, CRLF, CR), quotes (unbalanced, doubled inside a quoted field), a line of 200,000
 * characters, binary garbage, gzip and xz files whole and truncated, an empty file and a header alone. Each read
 * either gives the records of the intact file (a correct read: the same count as the plain UTF-8 file, or the count
 * of intact records) or fails with an {@link IOException} whose message names the file, a
 * {@link DataFormatException} with its line where the damage is in a line; never another exception, never a
 * different count without a word. A new reader joins by adding one {@link Reader} line.
 */
class ReaderBatteryTest {

    /** Reads a file, returning the number of records (order lines or ratings) read. */
    @FunctionalInterface
    interface ReadFn {
        int read(Path file) throws IOException;
    }

    /**
     * A reader with a small valid file of its format: an optional header, three records, whether it is a quoted CSV
     * format, and a record with a quoted field holding doubled quotes (CSV only).
     */
    record Reader(String name, String header, List<String> records, boolean csv, String doubledQuotes, ReadFn fn) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Reader> READERS = List.of(
            new Reader("online-retail", OnlineRetailReaderTest.HEADER, List.of(
                    "536365,85123A,WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom",
                    "536366,22633,\"HAND WARMER, UNION JACK\",6,12/1/2010 8:28,1.85,17850,United Kingdom",
                    "536367,84879,ASSORTED BIRD ORNAMENT,32,12/1/2010 8:34,1.69,13047,United Kingdom"), true,
                    "536368,22745,\"POPPY'S \"\"PLAYHOUSE\"\" BEDROOM\",6,12/1/2010 8:34,2.1,13047,United Kingdom",
                    f -> OnlineRetailReader.read(f).size()),
            new Reader("cdnow", null, List.of("00001 19970101 1 11.77", "00002 19970112 1 12.00",
                    "00003 19970102 2 20.76"), false, null, f -> CdnowReader.read(f).size()),
            new Reader("movielens-100k", null, List.of("196\t242\t3\t881250949", "186\t302\t3\t891717742",
                    "22\t377\t1\t878887116"), false, null, f -> MovieLensReader.read100k(f).size()),
            new Reader("movielens-1m", null, List.of("1::1193::5::978300760", "1::661::3::978302109",
                    "2::914::3::978301968"), false, null, f -> MovieLensReader.read1m(f).size()),
            new Reader("ratings-csv", "user,item,rating,timestamp", List.of("1,1193,5,978300760", "1,661,3.5,978302109",
                    "2,914,3,978301968"), true, "3,\"the \"\"best\"\" one\",4,978301968",
                    f -> RatingsCsvReader.read(f, ReadOptions.defaults()).size()),
            new Reader("generic-csv", "customer,order,item,time,quantity,unit_price", List.of(
                    "c1,o1,i1,2011-01-02 10:00:00,2,3.5", "c1,o2,\"i2, blue\",2011-02-03 11:00:00,1,10",
                    "c2,o3,i1,2011-03-04 12:00:00,5,3.5"), true,
                    "c3,o4,\"the \"\"big\"\" one\",2011-03-05 12:00:00,1,2",
                    f -> GenericCsvReader.read(f, GenericCsvFormat.canonical(), ReadOptions.defaults()).size()));

    /** How a variant is judged. */
    enum Expect {
        /** The same records as the plain file, or a clear error. */
        SAME_OR_ERROR,
        /** The same records (the variant is only another way of writing the same file). */
        SAME,
        /** A clear error naming the file, or a read of {@code intact} records. */
        INTACT_OR_ERROR
    }

    /**
     * A generated file: its name, bytes, how it is judged, how many records are intact, and whether the damage is in
     * a line.
     */
    @SuppressWarnings("ArrayRecordComponent") // generated test data, read once
    record Variant(String name, String fileName, byte[] bytes, Expect expect, int intact, boolean inALine) {
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Reader r : READERS) {
            for (Variant v : variants(r)) {
                out.add(Arguments.of(r, v.name(), v));
            }
        }
        return out.stream();
    }

    private static String text(Reader r, List<String> records, String eol) {
        StringBuilder sb = new StringBuilder();
        if (r.header() != null) {
            sb.append(r.header()).append(eol);
        }
        for (String s : records) {
            sb.append(s).append(eol);
        }
        return sb.toString();
    }

    private static List<Variant> variants(Reader r) throws IOException {
        int n = r.records().size();
        String plain = text(r, r.records(), "\n");
        byte[] utf8 = plain.getBytes(StandardCharsets.UTF_8);
        List<Variant> v = new ArrayList<>();
        v.add(new Variant("utf-8, LF", "plain.txt", utf8, Expect.SAME, n, false));
        v.add(new Variant("utf-8 with BOM", "bom.txt", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8),
                Expect.SAME_OR_ERROR, n, true));
        v.add(new Variant("CRLF", "crlf.txt", text(r, r.records(), "\r\n").getBytes(StandardCharsets.UTF_8),
                Expect.SAME, n, false));
        v.add(new Variant("CR", "cr.txt", text(r, r.records(), "\r").getBytes(StandardCharsets.UTF_8),
                Expect.SAME_OR_ERROR, n, true));
        v.add(new Variant("utf-16LE with BOM", "utf16le.txt", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                plain.getBytes(StandardCharsets.UTF_16LE)), Expect.SAME_OR_ERROR, n, false));
        v.add(new Variant("utf-16BE with BOM", "utf16be.txt", plain.getBytes(StandardCharsets.UTF_16),
                Expect.SAME_OR_ERROR, n, false));
        v.add(new Variant("utf-16LE without BOM", "utf16.txt", plain.getBytes(Charset.forName("UTF-16LE")),
                Expect.SAME_OR_ERROR, n, true));
        List<String> unbalanced = new ArrayList<>(r.records());
        unbalanced.add(1, "\"" + r.records().get(1));
        // in a CSV format the quote opens a field that never closes; elsewhere it is a character of an id
        v.add(new Variant("unbalanced quote", "quote.txt", text(r, unbalanced, "\n").getBytes(StandardCharsets.UTF_8),
                Expect.INTACT_OR_ERROR, r.csv() ? n : n + 1, true));
        if (r.doubledQuotes() != null) {
            List<String> doubled = new ArrayList<>(r.records());
            doubled.add(r.doubledQuotes());
            v.add(new Variant("doubled quotes", "doubled.txt", text(r, doubled, "\n").getBytes(StandardCharsets.UTF_8),
                    Expect.SAME, n + 1, false));
        }
        List<String> longLine = new ArrayList<>(r.records());
        String first = r.records().get(0);
        String id = "x".repeat(200_000);
        longLine.add(r.name().startsWith("movielens") || r.name().equals("cdnow") ? id
                : first.substring(0, first.indexOf(',') + 1) + id + first.substring(first.indexOf(',')));
        v.add(new Variant("a line of 200,000 characters", "long.txt",
                text(r, longLine, "\n").getBytes(StandardCharsets.UTF_8), Expect.INTACT_OR_ERROR, n, true));
        byte[] garbage = new byte[4096];
        new SplittableRandom(7).nextBytes(garbage);
        v.add(new Variant("binary garbage", "garbage.bin", concat(r.header() == null ? new byte[0]
                : (r.header() + "\n").getBytes(StandardCharsets.UTF_8), garbage), Expect.INTACT_OR_ERROR, 0, true));
        byte[] gz = gzip(utf8);
        byte[] xz = xz(utf8);
        v.add(new Variant("gzip", "plain.txt.gz", gz, Expect.SAME, n, false));
        v.add(new Variant("xz", "plain.txt.xz", xz, Expect.SAME, n, false));
        v.add(new Variant("gzip truncated", "cut.txt.gz", Arrays.copyOf(gz, gz.length / 2), Expect.INTACT_OR_ERROR, 0,
                false));
        v.add(new Variant("xz truncated", "cut.txt.xz", Arrays.copyOf(xz, xz.length / 2), Expect.INTACT_OR_ERROR, 0,
                false));
        v.add(new Variant("empty", "empty.txt", new byte[0], Expect.INTACT_OR_ERROR, 0, false));
        if (r.header() != null) {
            v.add(new Variant("header only", "header.txt", (r.header() + "\n").getBytes(StandardCharsets.UTF_8),
                    Expect.INTACT_OR_ERROR, 0, false));
        }
        return v;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void read_givesTheIntactRecordsOrAClearError(Reader r, String name, Variant v, @TempDir Path dir)
            throws IOException {
        Path file = Files.write(dir.resolve(v.fileName()), v.bytes());
        int base = r.fn().read(Files.write(dir.resolve("base.txt"),
                text(r, r.records(), "\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(r.records().size(), base, "the plain file");
        String what = r.name() + ", " + v.name();
        int count;
        try {
            count = r.fn().read(file);
        } catch (DataFormatException e) {
            assertTrue(v.expect() != Expect.SAME, what + ": refused a file that says the same: " + e.getMessage());
            assertTrue(e.getMessage().startsWith(file.toString()) || e.getMessage().startsWith(v.fileName()),
                    what + ": the message does not start with the file: " + e.getMessage());
            if (v.inALine()) {
                assertTrue(e.line() >= 1, what + ": no line: " + e.getMessage());
            }
            return;
        } catch (IOException e) {
            assertTrue(v.expect() != Expect.SAME, what + ": refused a file that says the same: " + e);
            assertTrue(String.valueOf(e.getMessage()).contains(v.fileName()), what + ": the message does not name the"
                    + " file: " + e);
            return;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            fail(what + ": " + e, e);
            return;
        }
        assertEquals(v.intact(), count, what + ": read " + count + " records without a word");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] xz(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new XZOutputStream(bytes, new LZMA2Options())) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
