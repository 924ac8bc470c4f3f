package dev.retention.io;

import dev.retention.data.PurchaseRules;
import dev.retention.data.SkipReason;
import dev.retention.data.TransactionLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden values for {@link OnlineRetailReader} on a small hand-made file in the layout of the UCI
 * Online Retail data set. Expected epoch seconds were computed independently (Python
 * {@code datetime(..., tzinfo=timezone.utc).timestamp()}); amounts are quantity times unit price.
 */
class OnlineRetailReaderTest {

    static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    /** 10 lines: 6 purchases of 3 customers, and one line for each skip reason. */
    static final String SMALL = HEADER + "\n"
            + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom\n"
            + "536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom\n"
            + "536366,22633,\"HAND WARMER UNION JACK, RED\",6,12/1/2010 8:28,1.85,17850,United Kingdom\n"
            + "536367,84879,\"ASSORTED \"\"BIRD\"\" ORNAMENT\",32,12/1/2010 8:34,1.69,13047,United Kingdom\n"
            + "536368,22960,JAM MAKING SET WITH JARS,6,6/15/2011 14:05,4.25,13047.0,United Kingdom\n"
            + "536369,21756,BATH BUILDING BLOCK WORD,3,12/1/2010 8:35,5.95,,United Kingdom\n"
            + "C536379,D,Discount,-1,12/1/2010 9:41,27.5,14527,United Kingdom\n"
            + "536370,22728,ALARM CLOCK BAKELIKE PINK,0,12/1/2010 8:45,3.75,12583,France\n"
            + "536371,22139,RETROSPOT TEA SET,2,12/1/2010 8:50,0,12583,France\n"
            + "536372,POST,POSTAGE,1.5,12/1/2010 9:00,18,12583,France\n";

    @TempDir
    Path dir;

    static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    static double customerSpend(TransactionLog log, String customerId) {
        int c = log.customers().indexOf(customerId);
        double sum = 0;
        for (int i = log.lineStart(c); i < log.lineEnd(c); i++) {
            sum += log.amount(i);
        }
        return sum;
    }

    @Test
    void read_smallFile_goldenCountsAmountsAndTimes() throws IOException {
        TransactionLog log = OnlineRetailReader.read(write(dir, "orders.csv", SMALL));

        assertEquals(10, log.lineCounts().read());
        assertEquals(6, log.lineCounts().kept());
        assertEquals(1, log.lineCounts().skipped(SkipReason.MISSING_CUSTOMER));
        assertEquals(1, log.lineCounts().skipped(SkipReason.CANCELLATION));
        assertEquals(1, log.lineCounts().skipped(SkipReason.NON_POSITIVE_QUANTITY));
        assertEquals(1, log.lineCounts().skipped(SkipReason.NON_POSITIVE_PRICE));
        assertEquals(0, log.lineCounts().skipped(SkipReason.MALFORMED));

        assertEquals(3, log.customerCount());
        assertEquals(5, log.orderCount());
        assertEquals(6, log.itemCount());
        assertEquals("12583", log.customers().id(0));
        assertEquals("13047", log.customers().id(1));   // "13047.0" is read as 13047
        assertEquals("17850", log.customers().id(2));
        assertTrue(log.customers().isNumeric());
        assertEquals(ZoneOffset.UTC, log.zone());

        assertEquals(27.0, customerSpend(log, "12583"), 1e-12);
        assertEquals(54.08 + 25.5, customerSpend(log, "13047"), 1e-12);
        assertEquals(15.3 + 20.34 + 11.1, customerSpend(log, "17850"), 1e-12);

        int c = log.customers().indexOf("13047");
        assertEquals(1291192440L, log.time(log.lineStart(c)));          // 2010-12-01T08:34Z
        assertEquals(1308146700L, log.time(log.lineStart(c) + 1));      // 2011-06-15T14:05Z
        assertEquals(32.0, log.quantity(log.lineStart(c)));
        assertEquals(1.69, log.unitPrice(log.lineStart(c)));
        int p = log.customers().indexOf("12583");
        assertEquals("POST", log.items().id(log.item(log.lineStart(p))));
        assertEquals(1.5, log.quantity(log.lineStart(p)));
        assertEquals(1291194000L, log.time(log.lineStart(p)));           // 2010-12-01T09:00Z
        assertEquals(1291191960L, log.minTime());                         // 2010-12-01T08:26Z
    }

    @Test
    void read_inEuropeLondon_readsLocalTimesWithSummerTime() throws IOException {
        ReadOptions london = ReadOptions.defaults().withZone(ZoneId.of("Europe/London"));
        TransactionLog log = OnlineRetailReader.read(write(dir, "orders.csv", SMALL), london);

        assertEquals(ZoneId.of("Europe/London"), log.zone());
        int c = log.customers().indexOf("13047");
        assertEquals(1291192440L, log.time(log.lineStart(c)));          // December: GMT = UTC
        assertEquals(1308143100L, log.time(log.lineStart(c) + 1));      // June: BST, 14:05 local = 13:05Z
        assertEquals(1291191960L, log.minTime());
    }

    @Test
    void read_withNettedCancellations_keepsCancellationOfCustomerWithPurchases() throws IOException {
        String content = SMALL + "C536380,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-2,12/2/2010 10:00,2.55,17850,UK\n";
        ReadOptions net = ReadOptions.defaults()
                .withRules(PurchaseRules.defaults().withCancellations(PurchaseRules.Cancellations.NET));
        TransactionLog log = OnlineRetailReader.read(write(dir, "orders.csv", content), net);

        assertEquals(7, log.lineCounts().kept());
        assertEquals(1, log.lineCounts().netted());
        // 14527 has only a cancellation: nothing to net it against
        assertEquals(1, log.lineCounts().skipped(SkipReason.CANCELLATION));
        assertEquals(15.3 + 20.34 + 11.1 - 5.1, customerSpend(log, "17850"), 1e-12);
    }

    @Test
    void read_columnsInAnyOrderWithExtraColumns_givesSameLog() throws IOException {
        StringBuilder sb = new StringBuilder("Country,Extra,CustomerID,UnitPrice,InvoiceDate,Quantity,Description,"
                + "StockCode,InvoiceNo\n");
        String[] lines = SMALL.lines().toArray(String[]::new);
        for (int i = 1; i < lines.length; i++) {
            List<String> f = splitSimple(lines[i]);
            sb.append(String.join(",", f.get(7), "x", f.get(6), f.get(5), f.get(4), f.get(3), quote(f.get(2)),
                    f.get(1), f.get(0))).append('\n');
        }
        TransactionLog expected = OnlineRetailReader.read(write(dir, "a.csv", SMALL));
        TransactionLog actual = OnlineRetailReader.read(write(dir, "b.csv", sb.toString()));

        assertEquals(expected.lineCounts(), actual.lineCounts());
        assertEquals(expected.customers(), actual.customers());
        assertEquals(expected.orders(), actual.orders());
        assertEquals(expected.items(), actual.items());
        assertEquals(List.of(box(expected.amounts())), List.of(box(actual.amounts())));
        assertEquals(List.of(box(expected.times())), List.of(box(actual.times())));
    }

    @Test
    void read_fromGzipReader_namesTheSource() throws IOException {
        Path gz = dir.resolve("orders.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(SMALL.replace("12/1/2010 9:00", "12/1/2010 9:60").getBytes(StandardCharsets.UTF_8));
        }
        try (Reader r = new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8)) {
            DataFormatException e = assertThrows(DataFormatException.class,
                    () -> OnlineRetailReader.read(r, "orders.csv.gz", ReadOptions.defaults()));
            assertEquals("orders.csv.gz:11: column InvoiceDate: cannot parse '12/1/2010 9:60' as a date M/d/yyyy H:mm",
                    e.getMessage());
        }
        try (Reader r = new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8)) {
            TransactionLog log = OnlineRetailReader.read(r, "orders.csv.gz", ReadOptions.defaults().withStrict(false));
            assertEquals(5, log.lineCounts().kept());
            assertEquals(1, log.lineCounts().skipped(SkipReason.MALFORMED));
        }
    }

    @Test
    void read_crlfLinesByteOrderMarkAndMultiLineField_countsPhysicalLines() throws IOException {
        String content = "\uFEFF" + HEADER + "\r\n"
                + "536365,85123A,\"TWO\r\nLINES\",6,12/1/2010 8:26,2.55,17850,United Kingdom\r\n"
                + "\r\n"
                + "536366,22633,HAND WARMER,6,12/1/2010 8:28,oops,17850,United Kingdom\r\n";
        Path file = write(dir, "orders.csv", content);
        DataFormatException e = assertThrows(DataFormatException.class, () -> OnlineRetailReader.read(file));
        assertEquals(5, e.line());
        assertEquals("UnitPrice", e.column());
        assertEquals("oops", e.value());

        TransactionLog log = OnlineRetailReader.read(file, ReadOptions.defaults().withStrict(false));
        assertEquals(1, log.lineCounts().kept());
        assertEquals(1, log.lineCounts().skipped(SkipReason.MALFORMED));
    }

    @Test
    void read_headerOnly_givesEmptyLog() throws IOException {
        TransactionLog log = OnlineRetailReader.read(write(dir, "orders.csv", HEADER + "\n"));
        assertTrue(log.isEmpty());
        assertEquals(0, log.lineCounts().read());
    }

    @Test
    void read_spacesAroundNumbersAndDates_areIgnored() throws IOException {
        String content = HEADER + "\n536365,85123A,X, 6 , 12/1/2010 8:26 ,2.55 , 17850 ,United Kingdom\n";
        TransactionLog log = OnlineRetailReader.read(write(dir, "orders.csv", content));
        assertEquals(1, log.size());
        assertEquals(15.3, log.amount(0), 1e-12);
        assertEquals("17850", log.customers().id(0));
    }

    @Test
    void read_lenientWithoutProblems_callsNoListener() throws IOException {
        List<DataFormatException> skipped = new ArrayList<>();
        OnlineRetailReader.read(write(dir, "orders.csv", SMALL),
                ReadOptions.defaults().withStrict(false).withSkipListener(skipped::add));
        assertFalse(skipped.iterator().hasNext());
    }

    @Test
    void read_fromStringReader_equalsReadFromFile() throws IOException {
        TransactionLog fromFile = OnlineRetailReader.read(write(dir, "orders.csv", SMALL));
        TransactionLog fromReader = OnlineRetailReader.read(new StringReader(SMALL), "mem", ReadOptions.defaults());
        assertEquals(fromFile.lineCounts(), fromReader.lineCounts());
        assertEquals(List.of(box(fromFile.amounts())), List.of(box(fromReader.amounts())));
    }

    @Test
    void customerId_stripsSpacesAndFloatSuffixOnly() {
        assertEquals("17850", OnlineRetailReader.customerId("17850.0"));
        assertEquals("17850", OnlineRetailReader.customerId(" 17850 "));
        assertEquals("A.0", OnlineRetailReader.customerId("A.0"));
        assertEquals("17850.5", OnlineRetailReader.customerId("17850.5"));
        assertEquals("", OnlineRetailReader.customerId(""));
    }

    /** Splits a line of {@link #SMALL} into fields (only simple quoting occurs there). */
    static List<String> splitSimple(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static Double[] box(double[] a) {
        Double[] b = new Double[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i];
        }
        return b;
    }

    private static Long[] box(long[] a) {
        Long[] b = new Long[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i];
        }
        return b;
    }
}
