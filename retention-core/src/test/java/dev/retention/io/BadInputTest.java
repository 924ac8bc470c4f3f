package dev.retention.io;

import dev.retention.data.Interactions;
import dev.retention.data.SkipReason;
import dev.retention.data.TransactionLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad input, for every reader, in strict mode (a {@link DataFormatException} whose
 * message names the source, line, column and value) and in lenient mode (the record is skipped,
 * counted and passed to the skip listener, and the good records around it are kept).
 */
class BadInputTest {

    private static final String HEADER = OnlineRetailReaderTest.HEADER;
    private static final String GOOD_1 = "536365,85123A,WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom";
    private static final String GOOD_2 = "536366,22633,HAND WARMER,6,12/1/2010 8:28,1.85,13047,United Kingdom";

    @TempDir
    Path dir;

    /** A file with the header, a good line, the given line (line 3) and another good line. */
    private Path retailWith(String badLine) throws IOException {
        return write("orders.csv", HEADER + "\n" + GOOD_1 + "\n" + badLine + "\n" + GOOD_2 + "\n");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private interface Read {
        void run(ReadOptions options) throws IOException;
    }

    /** Asserts the strict error, then that lenient reading skips exactly that record with the same message. */
    private static DataFormatException assertBadRecord(Read read, String source, long line, String column,
                                                       String value) throws IOException {
        DataFormatException e = assertThrows(DataFormatException.class, () -> read.run(ReadOptions.defaults()));
        String m = e.getMessage();
        assertEquals(source, e.source(), m);
        assertEquals(line, e.line(), m);
        assertEquals(column, e.column(), m);
        assertEquals(value, e.value(), m);
        assertTrue(m.startsWith(source + ":" + line + ": "), m);
        if (column != null) {
            assertTrue(m.contains("column " + column + ": "), m);
        }
        assertTrue(m.contains(DataFormatException.quote(value)), m);

        List<DataFormatException> skipped = new ArrayList<>();
        read.run(ReadOptions.defaults().withStrict(false).withSkipListener(skipped::add));
        assertEquals(1, skipped.size(), "skipped records");
        assertEquals(m, skipped.get(0).getMessage());
        return e;
    }

    private static void assertLenientRetail(Path file, long kept) throws IOException {
        TransactionLog log = OnlineRetailReader.read(file, ReadOptions.defaults().withStrict(false));
        assertEquals(kept, log.lineCounts().kept());
        assertEquals(1, log.lineCounts().skipped(SkipReason.MALFORMED));
        assertEquals(kept + 1, log.lineCounts().read());
    }

    private DataFormatException assertRetailBadLine(String badLine, String column, String value) throws IOException {
        Path file = retailWith(badLine);
        DataFormatException e = assertBadRecord(options -> OnlineRetailReader.read(file, options), "orders.csv", 3,
                column, value);
        assertLenientRetail(file, 2);
        return e;
    }

    // ---- Online Retail: problems with the whole file, thrown in both modes

    @Test
    void read_rejectsEmptyFile() throws IOException {
        Path file = write("orders.csv", "");
        for (boolean strict : new boolean[] {true, false}) {
            DataFormatException e = assertThrows(DataFormatException.class,
                    () -> OnlineRetailReader.read(file, ReadOptions.defaults().withStrict(strict)));
            assertEquals("orders.csv:1: the file is empty; expected a header line '" + HEADER + "'", e.getMessage());
        }
    }

    @Test
    void read_rejectsBlankFile() throws IOException {
        Path file = write("orders.csv", "\n  \n\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> OnlineRetailReader.read(file));
        assertTrue(e.getMessage().contains("the file is empty"), e.getMessage());
    }

    @Test
    void read_rejectsMissingColumn_namingItAndTheHeaderFound() throws IOException {
        String header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,Country";
        Path file = write("orders.csv", header + "\n536365,85123A,X,6,12/1/2010 8:26,2.55,United Kingdom\n");
        for (boolean strict : new boolean[] {true, false}) {
            DataFormatException e = assertThrows(DataFormatException.class,
                    () -> OnlineRetailReader.read(file, ReadOptions.defaults().withStrict(strict)));
            assertEquals("orders.csv:1: column CustomerID: not in the header; found 7 columns: InvoiceNo, StockCode, "
                    + "Description, Quantity, InvoiceDate, UnitPrice, Country", e.getMessage());
            assertEquals("CustomerID", e.column());
            assertEquals(header, e.value());
        }
    }

    @Test
    void read_rejectsMissingColumn_atTheLineOfTheHeader() throws IOException {
        Path file = write("orders.csv", "\n\nInvoiceNo,StockCode\n1,2\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> OnlineRetailReader.read(file));
        assertEquals("orders.csv:3: column Quantity: not in the header; found 2 columns: InvoiceNo, StockCode",
                e.getMessage());
    }

    @Test
    void read_rejectsSemicolonSeparatedFile_sayingItLooksSemicolonSeparated() throws IOException {
        String header = HEADER.replace(',', ';');
        Path file = write("orders.csv", header + "\n" + GOOD_1.replace(',', ';') + "\n");
        for (boolean strict : new boolean[] {true, false}) {
            DataFormatException e = assertThrows(DataFormatException.class,
                    () -> OnlineRetailReader.read(file, ReadOptions.defaults().withStrict(strict)));
            assertEquals("orders.csv:1: column InvoiceNo: not in the header, which has a single column '" + header
                    + "'; the header looks ';'-separated, but this reader expects ','-separated fields",
                    e.getMessage());
            assertEquals(1, e.line());
            assertEquals(header, e.value());
        }
    }

    @Test
    void read_rejectsMalformedHeader() throws IOException {
        Path file = write("orders.csv", "\"InvoiceNo\"x,StockCode\n1,2\n");
        for (boolean strict : new boolean[] {true, false}) {
            DataFormatException e = assertThrows(DataFormatException.class,
                    () -> OnlineRetailReader.read(file, ReadOptions.defaults().withStrict(strict)));
            assertEquals(1, e.line());
            assertTrue(e.getMessage().contains("malformed quoting in '\"InvoiceNo\"x'"), e.getMessage());
        }
    }

    // ---- Online Retail: bad records, thrown in strict mode, skipped and counted in lenient mode

    @Test
    void read_rejectsUnparseableDate() throws IOException {
        DataFormatException e = assertRetailBadLine(
                "536367,84879,BIRD ORNAMENT,32,13/45/2010 8:26,1.69,13047,United Kingdom", "InvoiceDate",
                "13/45/2010 8:26");
        assertEquals("orders.csv:3: column InvoiceDate: cannot parse '13/45/2010 8:26' as a date M/d/yyyy H:mm",
                e.getMessage());
    }

    @Test
    void read_rejectsInvalidCalendarDate() throws IOException {
        assertRetailBadLine("536367,84879,BIRD ORNAMENT,32,2/29/2011 8:26,1.69,13047,UK", "InvoiceDate",
                "2/29/2011 8:26");
    }

    @Test
    void read_rejectsIsoDate() throws IOException {
        assertRetailBadLine("536367,84879,BIRD ORNAMENT,32,2010-12-01 08:26:00,1.69,13047,UK", "InvoiceDate",
                "2010-12-01 08:26:00");
    }

    @Test
    void read_rejectsNonNumericQuantity() throws IOException {
        DataFormatException e = assertRetailBadLine("536367,84879,BIRD ORNAMENT,six,12/1/2010 8:34,1.69,13047,UK",
                "Quantity", "six");
        assertEquals("orders.csv:3: column Quantity: cannot parse 'six' as a number", e.getMessage());
    }

    @Test
    void read_rejectsNonNumericPrice() throws IOException {
        assertRetailBadLine("536367,84879,BIRD ORNAMENT,32,12/1/2010 8:34,1.6.9,13047,UK", "UnitPrice", "1.6.9");
    }

    @Test
    void read_rejectsPriceWithCurrencySign() throws IOException {
        assertRetailBadLine("536367,84879,BIRD ORNAMENT,32,12/1/2010 8:34,£1.69,13047,UK", "UnitPrice", "£1.69");
    }

    @Test
    void read_rejectsEmptyQuantity() throws IOException {
        assertRetailBadLine("536367,84879,BIRD ORNAMENT,,12/1/2010 8:34,1.69,13047,UK", "Quantity", "");
    }

    @Test
    void read_rejectsNaNPrice() throws IOException {
        DataFormatException e = assertRetailBadLine("536367,84879,BIRD ORNAMENT,32,12/1/2010 8:34,NaN,13047,UK",
                "UnitPrice", "NaN");
        assertEquals("orders.csv:3: column UnitPrice: 'NaN' is not a finite number", e.getMessage());
    }

    @Test
    void read_rejectsInfiniteQuantity() throws IOException {
        assertRetailBadLine("536367,84879,BIRD ORNAMENT,-Infinity,12/1/2010 8:34,1.69,13047,UK", "Quantity",
                "-Infinity");
    }

    @Test
    void read_rejectsOverflowingPrice() throws IOException {
        DataFormatException e = assertRetailBadLine("536367,84879,BIRD ORNAMENT,1,12/1/2010 8:34,1e999,13047,UK",
                "UnitPrice", "1e999");
        assertTrue(e.getMessage().endsWith("'1e999' is not a finite number"), e.getMessage());
    }

    @Test
    void read_rejectsRecordWithTooFewFields() throws IOException {
        String bad = "536367,84879,BIRD ORNAMENT,32,12/1/2010 8:34,1.69";
        DataFormatException e = assertRetailBadLine(bad, "CustomerID", bad);
        assertEquals("orders.csv:3: column CustomerID: missing; the record has 6 fields, the header has 8: '" + bad
                + "'", e.getMessage());
    }

    @Test
    void read_rejectsRecordWithTooManyFields() throws IOException {
        String bad = "536367,84879,BIRD, ORNAMENT,32,12/1/2010 8:34,1.69,13047,United Kingdom";
        DataFormatException e = assertRetailBadLine(bad, null, bad);
        assertEquals("orders.csv:3: too many fields; the record has 9 fields, the header has 8: '" + bad + "'",
                e.getMessage());
    }

    @Test
    void read_rejectsEmptyInvoice() throws IOException {
        assertRetailBadLine(",84879,BIRD ORNAMENT,32,12/1/2010 8:34,1.69,13047,UK", "InvoiceNo", "");
    }

    @Test
    void read_rejectsTextAfterClosingQuote() throws IOException {
        DataFormatException e = assertRetailBadLine(
                "536367,84879,\"BIRD\" ORNAMENT,32,12/1/2010 8:34,1.69,13047,UK", "Description", "\"BIRD\" ORNAMENT");
        assertTrue(e.getMessage().startsWith(
                "orders.csv:3: column Description: malformed quoting in '\"BIRD\" ORNAMENT': "), e.getMessage());
    }

    @Test
    void read_rejectsUnclosedQuoteAtEndOfFile() throws IOException {
        Path file = write("orders.csv", HEADER + "\n" + GOOD_1 + "\n" + GOOD_2 + "\n"
                + "536367,84879,\"BIRD ORNAMENT,32,12/1/2010 8:34,1.69,13047,UK\n");
        DataFormatException e = assertBadRecord(options -> OnlineRetailReader.read(file, options), "orders.csv", 4,
                "Description", "\"BIRD ORNAMENT,32,12/1/2010 8:34,1.69,13047,UK");
        assertTrue(e.getMessage().contains("Unclosed quoted field"), e.getMessage());
        assertLenientRetail(file, 2);
    }

    @Test
    void read_lenient_countsEachBadRecordAndKeepsTheRest() throws IOException {
        Path file = write("orders.csv", HEADER + "\n"
                + GOOD_1 + "\n"
                + "536367,84879,BIRD ORNAMENT,six,12/1/2010 8:34,1.69,13047,UK\n"
                + "536367,84879,\"BIRD\" ORNAMENT,32,12/1/2010 8:34,1.69,13047,UK\n"
                + "536367,84879,BIRD ORNAMENT,32,12/1/2010 8:34,1.69\n"
                + "536368,84879,BIRD ORNAMENT,32,12/1/2010 8:34,1.69,,UK\n"
                + GOOD_2 + "\n"
                + "536369,84879,BIRD ORNAMENT,32,12/1/2010 8:99,1.69,13047,UK\n");
        List<DataFormatException> skipped = new ArrayList<>();
        TransactionLog log = OnlineRetailReader.read(file,
                ReadOptions.defaults().withStrict(false).withSkipListener(skipped::add));
        assertEquals(2, log.lineCounts().kept());
        assertEquals(1, log.lineCounts().skipped(SkipReason.MISSING_CUSTOMER));
        assertEquals(4, log.lineCounts().skipped(SkipReason.MALFORMED));
        assertEquals(7, log.lineCounts().read());
        assertEquals(List.of(3L, 4L, 5L, 8L), skipped.stream().map(DataFormatException::line).toList());
        assertEquals(List.of("Quantity", "Description", "CustomerID", "InvoiceDate"),
                skipped.stream().map(DataFormatException::column).toList());
    }

    // ---- CDNOW

    private void assertCdnowBadLine(String badLine, String column, String value) throws IOException {
        Path file = write("cdnow.txt", "00001 19970101 1 11.77\n" + badLine + "\n00002 19970112 2 20.00\n");
        assertBadRecord(options -> CdnowReader.read(file, options), "cdnow.txt", 2, column, value);
        TransactionLog log = CdnowReader.read(file, ReadOptions.defaults().withStrict(false));
        assertEquals(2, log.lineCounts().kept());
        assertEquals(1, log.lineCounts().skipped(SkipReason.MALFORMED));
    }

    @Test
    void readCdnow_rejectsUnparseableDate() throws IOException {
        assertCdnowBadLine("00003 1997-01-02 1 9.99", "date", "1997-01-02");
    }

    @Test
    void readCdnow_rejectsInvalidDate() throws IOException {
        assertCdnowBadLine("00003 19970230 1 9.99", "date", "19970230");
    }

    @Test
    void readCdnow_rejectsNonNumericQuantity() throws IOException {
        assertCdnowBadLine("00003 19970102 one 9.99", "quantity", "one");
    }

    @Test
    void readCdnow_rejectsNonNumericAmount() throws IOException {
        assertCdnowBadLine("00003 19970102 1 $9.99", "amount", "$9.99");
    }

    @Test
    void readCdnow_rejectsNonFiniteAmount() throws IOException {
        assertCdnowBadLine("00003 19970102 1 Infinity", "amount", "Infinity");
    }

    @Test
    void readCdnow_rejectsLineWithTooFewFields() throws IOException {
        assertCdnowBadLine("00003 19970102 1", "amount", "00003 19970102 1");
    }

    @Test
    void readCdnow_rejectsLineWithTooManyFields() throws IOException {
        assertCdnowBadLine("00003 19970102 1 9.99 x", null, "00003 19970102 1 9.99 x");
    }

    @Test
    void readCdnow_rejectsCommaSeparatedLine_sayingItLooksCommaSeparated() throws IOException {
        Path file = write("cdnow.txt", "00003,19970102,1,9.99\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CdnowReader.read(file));
        assertEquals("cdnow.txt:1: column date: missing; the line has 1 field, expected 4 (customer, date, quantity, "
                + "amount): '00003,19970102,1,9.99'; the line looks ','-separated, but this format uses spaces or tabs",
                e.getMessage());
    }

    // ---- MovieLens

    private void assertMovieLensBadLine(String badLine, String column, String value) throws IOException {
        Path file = write("u.data", "196\t242\t3\t881250949\n" + badLine + "\n22\t377\t1\t878887116\n");
        assertBadRecord(options -> MovieLensReader.read100k(file, options), "u.data", 2, column, value);
        List<DataFormatException> skipped = new ArrayList<>();
        Interactions r = MovieLensReader.read100k(file,
                ReadOptions.defaults().withStrict(false).withSkipListener(skipped::add));
        assertEquals(2, r.size());
        assertEquals(1, skipped.size());
    }

    @Test
    void readMovieLens_rejectsNonNumericRating() throws IOException {
        assertMovieLensBadLine("186\t302\tthree\t891717742", "rating", "three");
    }

    @Test
    void readMovieLens_rejectsNaNRating() throws IOException {
        assertMovieLensBadLine("186\t302\tNaN\t891717742", "rating", "NaN");
    }

    @Test
    void readMovieLens_rejectsRatingBeyondFloatRange() throws IOException {
        assertMovieLensBadLine("186\t302\t1e300\t891717742", "rating", "1e300");
    }

    @Test
    void readMovieLens_rejectsNonIntegerTimestamp() throws IOException {
        assertMovieLensBadLine("186\t302\t3\t8917.5", "timestamp", "8917.5");
    }

    @Test
    void readMovieLens_rejectsLineWithTooFewFields() throws IOException {
        assertMovieLensBadLine("186\t302\t3", "timestamp", "186\t302\t3");
    }

    @Test
    void readMovieLens1m_rejectsLineWithTooFewFields() throws IOException {
        Path file = write("ratings.dat", "1::1193::5::978300760\n1::661::3\n");
        assertBadRecord(options -> MovieLensReader.read1m(file, options), "ratings.dat", 2, "timestamp", "1::661::3");
    }

    @Test
    void readMovieLens1m_rejectsTabSeparatedFile() throws IOException {
        Path file = write("ratings.dat", "1\t1193\t5\t978300760\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> MovieLensReader.read1m(file));
        assertTrue(e.getMessage().endsWith("the line looks tab-separated, but this format uses '::'"), e.getMessage());
    }

    // ---- Ratings CSV and generic CSV

    @Test
    void readRatingsCsv_rejectsNonNumericRating() throws IOException {
        Path file = write("ratings.csv", "user,item,rating\n1,10,4\n2,10,four\n3,11,5\n");
        assertBadRecord(options -> RatingsCsvReader.read(file, options), "ratings.csv", 3, "rating", "four");
    }

    @Test
    void readRatingsCsv_rejectsMissingRatingColumn() throws IOException {
        Path file = write("ratings.csv", "user,item,score\n1,10,4\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> RatingsCsvReader.read(file, ReadOptions.defaults().withStrict(false)));
        assertEquals("ratings.csv:1: column rating: not in the header; found 3 columns: user, item, score",
                e.getMessage());
    }

    @Test
    void readRatingsCsv_rejectsEmptyFile() throws IOException {
        Path file = write("ratings.csv", "");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> RatingsCsvReader.read(file, ReadOptions.defaults()));
        assertEquals("ratings.csv:1: the file is empty; expected a header line 'user,item,rating[,timestamp]'",
                e.getMessage());
    }

    @Test
    void readGeneric_rejectsNonNumericAmount() throws IOException {
        Path file = write("orders.csv", "customer,date,total\nA,2011-01-02,10.5\nB,2011-01-03,ten\nC,2011-01-04,3\n");
        GenericCsvFormat format = GenericCsvFormat.of("customer", "date", "yyyy-MM-dd", "total");
        assertBadRecord(options -> GenericCsvReader.read(file, format, options), "orders.csv", 3, "total", "ten");
        TransactionLog log = GenericCsvReader.read(file, format, ReadOptions.defaults().withStrict(false));
        assertEquals(2, log.lineCounts().kept());
        assertEquals(1, log.lineCounts().skipped(SkipReason.MALFORMED));
    }

    @Test
    void readGeneric_rejectsDateNotMatchingPattern() throws IOException {
        Path file = write("orders.csv", "customer,date,total\nA,2011-01-02,10.5\nB,03.01.2011,7\n");
        GenericCsvFormat format = GenericCsvFormat.of("customer", "date", "yyyy-MM-dd", "total");
        DataFormatException e = assertBadRecord(options -> GenericCsvReader.read(file, format, options),
                "orders.csv", 3, "date", "03.01.2011");
        assertEquals("orders.csv:3: column date: cannot parse '03.01.2011' as a date yyyy-MM-dd", e.getMessage());
    }

    @Test
    void readGeneric_rejectsCommaFileReadAsSemicolon() throws IOException {
        Path file = write("orders.csv", "customer,date,total\nA,2011-01-02,10.5\n");
        GenericCsvFormat format = GenericCsvFormat.of("customer", "date", "yyyy-MM-dd", "total").withSeparator(';');
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> GenericCsvReader.read(file, format, ReadOptions.defaults()));
        assertTrue(e.getMessage().contains("the header looks ','-separated, but this reader expects ';'-separated"),
                e.getMessage());
    }
}
