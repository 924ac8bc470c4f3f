package dev.retention.io;

import dev.retention.data.SkipReason;
import dev.retention.data.TransactionLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input that used to change an answer without a word: bytes that are not UTF-8 merging distinct
 * ids, numbers whose product or sum overflows to infinity, and endless lines exhausting memory. Each is now a
 * {@link DataFormatException} with the file and line, skipped and counted in lenient mode where reading can go
 * on after it.
 */
class UntrustedInputTest {

    private static final String HEADER = OnlineRetailReaderTest.HEADER;
    private static final String GOOD = "536365,85123A,WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom";

    @TempDir
    Path dir;

    private Path writeBytes(String name, byte[]... parts) throws IOException {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return Files.write(dir.resolve(name), all);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void onlineRetail_refusesCustomerIdsThatAreNotUtf8_insteadOfMergingThem() throws IOException {
        // \xff1 and \xfe1 both decoded to U+FFFD 1: two customers read as one, exit 0
        Path file = writeBytes("orders.csv", utf8(HEADER + "\n" + GOOD + "\n536366,22633,HAND WARMER,6,12/1/2010 8:28,1.85,"),
                new byte[] {(byte) 0xff, '1'}, utf8(",United Kingdom\n536367,22633,HAND WARMER,6,12/1/2010 8:29,1.85,"),
                new byte[] {(byte) 0xfe, '1'}, utf8(",United Kingdom\n"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> OnlineRetailReader.read(file));
        assertEquals(3, e.line(), e.getMessage());
        assertEquals("CustomerID", e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("orders.csv:3: column CustomerID: holds bytes that are not UTF-8"),
                e.getMessage());

        List<DataFormatException> skipped = new ArrayList<>();
        TransactionLog log = OnlineRetailReader.read(file,
                ReadOptions.defaults().withStrict(false).withSkipListener(skipped::add));
        assertEquals(1, log.customerCount());
        assertEquals(2, log.lineCounts().skipped(SkipReason.MALFORMED));
        assertEquals(List.of(3L, 4L), skipped.stream().map(DataFormatException::line).toList());
    }

    @Test
    void onlineRetail_refusesReplacementCharactersInOrderAndItemIds() throws IOException {
        String bad = "5363\uFFFD6,22633,HAND WARMER,6,12/1/2010 8:28,1.85,13047,United Kingdom";
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> OnlineRetailReader.read(new StringReader(HEADER + "\n" + bad + "\n"), "s", ReadOptions.defaults()));
        assertEquals("InvoiceNo", e.column(), e.getMessage());
        String badItem = "536366,226\uFFFD3,HAND WARMER,6,12/1/2010 8:28,1.85,13047,United Kingdom";
        e = assertThrows(DataFormatException.class, () -> OnlineRetailReader.read(
                new StringReader(HEADER + "\n" + badItem + "\n"), "s", ReadOptions.defaults()));
        assertEquals("StockCode", e.column(), e.getMessage());
    }

    @Test
    void onlineRetail_acceptsInvalidBytesInColumnsItDoesNotRead() throws IOException {
        Path file = writeBytes("orders.csv", utf8(HEADER + "\n536365,85123A,CAF"), new byte[] {(byte) 0xc9},
                utf8(" MUG,6,12/1/2010 8:26,2.55,17850,United Kingdom\n"));
        assertEquals(1, OnlineRetailReader.read(file).size());
    }

    @Test
    void ratings_refuseUserIdsThatAreNotUtf8() throws IOException {
        Path file = writeBytes("ratings.csv", utf8("user,item,rating\n"), new byte[] {(byte) 0xff, '1'},
                utf8(",10,4\n"), new byte[] {(byte) 0xfe, '1'}, utf8(",10,5\n"));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> RatingsCsvReader.read(file, ReadOptions.defaults()));
        assertEquals(2, e.line(), e.getMessage());
        assertEquals("user", e.column(), e.getMessage());
    }

    @Test
    void cdnow_refusesLinesThatAreNotUtf8_andSkipsThemWhenLenient() throws IOException {
        Path file = writeBytes("cdnow.txt", utf8("00001 19970101 1 11.77\n"), new byte[] {'0', (byte) 0xff},
                utf8("002 19970112 2 29.33\n00003 19970102 2 20.76\n"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> CdnowReader.read(file));
        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
        TransactionLog log = CdnowReader.read(file, CdnowReader.defaultOptions().withStrict(false));
        assertEquals(2, log.customerCount());
        assertEquals(1, log.lineCounts().skipped(SkipReason.MALFORMED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e200,12/1/2010 8:26,1e200", "6,12/1/2010 8:26,1.7e308", "1e16,12/1/2010 8:26,1",
                            "-2e15,12/1/2010 8:26,1"})
    void onlineRetail_refusesNumbersWhoseProductOrSumWouldOverflow(String quantityDatePrice) throws IOException {
        // quantity 1e200 x price 1e200 was accepted as an amount of Infinity ("mean monetary Infinity")
        String line = "536366,22633,HAND WARMER," + quantityDatePrice + ",13047,United Kingdom";
        Reader in = new StringReader(HEADER + "\n" + GOOD + "\n" + line + "\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> OnlineRetailReader.read(in, "orders.csv", ReadOptions.defaults()));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("is out of range"), e.getMessage());
    }

    @Test
    void cdnow_refusesAmountsWhoseSumWouldOverflow() throws IOException {
        // two lines of 1.7e308 each: a customer's spend of Infinity
        String text = "00001 19970101 1 1.7e308\n00001 19970102 1 1.7e308\n";
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CdnowReader.read(new StringReader(text), "cdnow.txt", CdnowReader.defaultOptions()));
        assertEquals(1, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("is out of range"), e.getMessage());
    }

    @Test
    void builder_refusesMagnitudesAboveTheLimit() {
        TransactionLog.Builder b = TransactionLog.builder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.add("c", "o", "i", 0, 1e200, 1e200));
        assertTrue(e.getMessage().startsWith("quantity must be finite and within"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.addWithAmount("c", "o", null, 0, 1, 1.7e308, false));
        assertTrue(e.getMessage().startsWith("amount must be finite and within"), e.getMessage());
        assertNull(b.add("c", "o", "i", 0, TransactionLog.MAX_MAGNITUDE, TransactionLog.MAX_MAGNITUDE));
        assertTrue(Double.isFinite(b.build().amount(0)));
    }

    /** A reader that gives {@code prefix}, then {@code c} for ever without a line break, as {@code /dev/zero}. */
    private static Reader endless(String prefix, char c) {
        return new Reader() {
            private int at;

            @Override
            public int read(char[] buf, int off, int len) {
                if (at < prefix.length()) {
                    int k = Math.min(len, prefix.length() - at);
                    prefix.getChars(at, at + k, buf, off);
                    at += k;
                    return k;
                }
                java.util.Arrays.fill(buf, off, off + len, c);
                return len;
            }

            @Override
            public void close() {
            }
        };
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void csv_stopsAtAnEndlessLine_inBothModes(boolean strict) {
        Reader in = endless(HEADER + "\n" + GOOD + "\n", 'a');
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> OnlineRetailReader.read(in, "zero", ReadOptions.defaults().withStrict(strict)));
        assertTrue(e.getMessage().startsWith("zero:3: the line is longer than 16,777,216 characters"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void cdnow_stopsAtAnEndlessLine_inBothModes(boolean strict) {
        Reader in = endless("00001 19970101 1 11.77\n", '\0');
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CdnowReader.read(in, "zero", CdnowReader.defaultOptions().withStrict(strict)));
        assertTrue(e.getMessage().startsWith("zero:2: the line is longer than 16,777,216 characters"), e.getMessage());
    }

    @Test
    void boundedLines_readsAsBufferedReaderDoes() throws IOException {
        String text = "a\r\nbb\rccc\n\nd\r\r\ne";
        BoundedLines lines = new BoundedLines(new StringReader(text), "s", 10);
        java.io.BufferedReader reference = new java.io.BufferedReader(new StringReader(text));
        for (int i = 0; i < 8; i++) {
            assertEquals(reference.readLine(), lines.readLine(), "line " + (i + 1));
        }
        BoundedLines tooLong = new BoundedLines(new StringReader("ok\n" + "x".repeat(11) + "\n"), "s", 10);
        assertEquals("ok", tooLong.readLine());
        DataFormatException e = assertThrows(DataFormatException.class, tooLong::readLine);
        assertEquals(2, e.line());
    }

    @Test
    void cdnow_takesTheLayoutOfMostLines_soOneStrayLineIsTheOnlyOneSkipped() throws IOException {
        // one stray 5-field line first used to make the other lines "malformed": one customer, exit 0
        StringBuilder text = new StringBuilder("00001 00001 19970101 1 11.77\n");
        for (int i = 2; i <= 40; i++) {
            text.append(String.format(java.util.Locale.ROOT, "%05d 199701%02d 1 %d.50%n", i, 1 + i % 28, i));
        }
        TransactionLog log = CdnowReader.read(new StringReader(text.toString()), "cdnow.txt",
                CdnowReader.defaultOptions().withStrict(false));
        assertEquals(39, log.customerCount());
        assertEquals(1, log.lineCounts().skipped(SkipReason.MALFORMED));
        DataFormatException e = assertThrows(DataFormatException.class, () -> CdnowReader.read(
                new StringReader(text.toString()), "cdnow.txt", CdnowReader.defaultOptions()));
        assertEquals(1, e.line(), e.getMessage());
    }

    @Test
    void cdnow_sampleLayout_isStillToldByItsLines() throws IOException {
        String sample = "00001 00003 19970101 1 11.77\n00001 00003 19970102 2 20.00\n00002 00007 19970103 1 5.00\n";
        TransactionLog log = CdnowReader.read(new StringReader(sample), "s", CdnowReader.defaultOptions());
        assertEquals(2, log.customerCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999", "-99999999999999999", "253402300800"})
    void generic_refusesTimesOutsideTheYears1To9999(String epochSeconds) {
        // 1e17 epoch seconds used to end in "Instant exceeds minimum or maximum instant", with no file or line
        String text = "customer,order,item,time,quantity,unit_price\nc1,o1,i1,1600000000,1,2\nc2,o2,i1," + epochSeconds
                + ",1,2\n";
        GenericCsvFormat format = GenericCsvFormat.canonical().withDatePattern(GenericCsvFormat.EPOCH_SECONDS);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> GenericCsvReader.read(new StringReader(text), "orders.csv", format, ReadOptions.defaults()));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("outside the years 1 to 9999"), e.getMessage());
    }

    @Test
    void onlineRetail_refusesAHeaderNamingTheCustomerColumnTwice() {
        // a duplicate CustomerID column: the first was used without a word
        String header = HEADER + ",CustomerID";
        DataFormatException e = assertThrows(DataFormatException.class, () -> OnlineRetailReader.read(
                new StringReader(header + "\n" + GOOD + ",99999\n"), "orders.csv", ReadOptions.defaults()));
        assertEquals(1, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("appears twice in the header, as columns 7 and 9"), e.getMessage());
    }

    @Test
    void csv_reportsFastCsvLimitsAsLimits_notAsMalformedQuoting() throws IOException {
        // 20,000 fields on one line were reported as "malformed quoting"
        String line = GOOD + ",".repeat(20_000);
        Reader in = new StringReader(HEADER + "\n" + line + "\n" + GOOD + "\n");
        List<DataFormatException> skipped = new ArrayList<>();
        TransactionLog log = OnlineRetailReader.read(in, "orders.csv",
                ReadOptions.defaults().withStrict(false).withSkipListener(skipped::add));
        assertEquals(1, log.size());
        assertEquals(1, skipped.size());
        String m = skipped.get(0).getMessage();
        assertTrue(m.startsWith("orders.csv:2: the record is too large for a CSV reader: ") && m.contains("16384 fields")
                && !m.contains("quoting"), m);
    }

    @Test
    void ratings_outsideTheRange_areRefusedWithFileAndLine_evenFromAPipe() throws IOException {
        // the line of an out-of-scale rating used to be found by reading the file again, impossible from a pipe
        ReadOptions range = ReadOptions.defaults().withRatingRange(1, 5);
        DataFormatException e = assertThrows(DataFormatException.class, () -> MovieLensReader.read100k(
                new StringReader("1\t2\t4\t0\n7\t3\t6\t0\n"), "u.data", range));
        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("rating 6.0 ('6') of user '7' and item '3' is outside the rating scale"),
                e.getMessage());
        List<DataFormatException> skipped = new ArrayList<>();
        assertEquals(1, RatingsCsvReader.read(new StringReader("user,item,rating\n1,2,4\n1,3,0.5\n"), "r.csv",
                range.withStrict(false).withSkipListener(skipped::add)).size());
        assertEquals(List.of(3L), skipped.stream().map(DataFormatException::line).toList());
        assertThrows(IllegalArgumentException.class, () -> ReadOptions.defaults().withRatingRange(5, 1));
    }
}
