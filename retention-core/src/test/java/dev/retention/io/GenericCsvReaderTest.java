package dev.retention.io;

import dev.retention.data.SkipReason;
import dev.retention.data.TransactionLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link GenericCsvReader} with various {@link GenericCsvFormat} mappings. */
class GenericCsvReaderTest {

    @TempDir
    Path dir;

    @Test
    void read_onlineRetailThroughGenericMapping_equalsTheOnlineRetailReader() throws IOException {
        // the generic reader keeps ids as written, so leave out the pandas-style "13047.0" of the sample
        String csv = OnlineRetailReaderTest.SMALL.replace("13047.0", "13047");
        Path file = Files.writeString(dir.resolve("orders.csv"), csv, StandardCharsets.UTF_8);
        GenericCsvFormat format = GenericCsvFormat.of("CustomerID", "InvoiceDate", "M/d/yyyy H:mm", "UnitPrice")
                .withOrder("InvoiceNo").withItem("StockCode").withQuantity("Quantity").withUnitPrice("UnitPrice")
                .withCancellationPrefix("C");
        ZoneId london = ZoneId.of("Europe/London");
        TransactionLog generic = GenericCsvReader.read(file, format, ReadOptions.defaults().withZone(london));
        TransactionLog retail = OnlineRetailReader.read(file, ReadOptions.defaults().withZone(london));

        assertEquals(retail.lineCounts(), generic.lineCounts());
        assertEquals(RoundTripPropertyTest.keys(retail), RoundTripPropertyTest.keys(generic));
    }

    @Test
    void read_oneOrderPerLineWithAmounts_usesLineNumbersAsOrderIds() throws IOException {
        String csv = """
                date;customer;total
                2011-01-02;A;10.5
                2011-01-03;B;7
                2011-01-03;;3
                2011-01-04;A;-2
                """;
        GenericCsvFormat format = GenericCsvFormat.of("customer", "date", "yyyy-MM-dd", "total").withSeparator(';');
        TransactionLog log = GenericCsvReader.read(new StringReader(csv), "mem", format, ReadOptions.defaults());

        assertEquals(2, log.lineCounts().kept());
        assertEquals(1, log.lineCounts().skipped(SkipReason.MISSING_CUSTOMER));
        assertEquals(1, log.lineCounts().skipped(SkipReason.NON_POSITIVE_PRICE));   // the negative amount
        assertFalse(log.hasItems());
        assertEquals("2", log.orders().id(log.order(0)));
        assertEquals(10.5, log.amount(0));
        assertEquals(1.0, log.quantity(0));
        assertEquals(1293926400L, log.time(0));   // 2011-01-02T00:00Z
    }

    @Test
    void read_epochSecondsAndMillis() throws IOException {
        String csv = "c,t,p\nx,1293926400,2\n";
        TransactionLog seconds = GenericCsvReader.read(new StringReader(csv), "mem",
                GenericCsvFormat.of("c", "t", GenericCsvFormat.EPOCH_SECONDS, "p"), ReadOptions.defaults());
        assertEquals(1293926400L, seconds.time(0));
        TransactionLog millis = GenericCsvReader.read(new StringReader("c,t,p\nx,1293926400999,2\n"), "mem",
                GenericCsvFormat.of("c", "t", GenericCsvFormat.EPOCH_MILLIS, "p"), ReadOptions.defaults());
        assertEquals(1293926400L, millis.time(0));
    }

    @Test
    void read_isoTimesWithOffsetAndLocalTimesInZone() throws IOException {
        String csv = "c,t,p\nx,2011-01-02T10:00:00+01:00,2\n";
        TransactionLog log = GenericCsvReader.read(new StringReader(csv), "mem",
                GenericCsvFormat.of("c", "t", "yyyy-MM-dd'T'HH:mm:ssXXX", "p"),
                ReadOptions.defaults().withZone(ZoneId.of("Asia/Tokyo")));
        assertEquals(1293926400L + 9 * 3600, log.time(0));
        TransactionLog local = GenericCsvReader.read(new StringReader("c,t,p\nx,2011-01-02 09:00,2\n"), "mem",
                GenericCsvFormat.of("c", "t", "yyyy-MM-dd HH:mm", "p"),
                ReadOptions.defaults().withZone(ZoneId.of("Asia/Tokyo")));
        assertEquals(1293926400L, local.time(0));
    }

    @Test
    void read_missingMappedColumn_isNamed() throws IOException {
        GenericCsvFormat format = GenericCsvFormat.of("customer", "date", "yyyy-MM-dd", "total").withItem("sku");
        DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class,
                () -> GenericCsvReader.read(new StringReader("customer,date,total\nA,2011-01-02,1\n"), "mem", format,
                        ReadOptions.defaults()));
        assertEquals("mem:1: column sku: not in the header; found 3 columns: customer, date, total", e.getMessage());
    }

    @Test
    void read_emptyFile_namesTheMappedColumns() {
        GenericCsvFormat format = GenericCsvFormat.of("customer", "date", "yyyy-MM-dd", "total");
        DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class,
                () -> GenericCsvReader.read(new StringReader(""), "mem", format, ReadOptions.defaults()));
        assertEquals("mem:1: the file is empty; expected a header line 'customer,date,total'", e.getMessage());
    }

    @Test
    void read_cancellationPrefixWithNetting_keepsNegativeLines() throws IOException {
        String csv = "order,customer,date,qty,amount\nO1,A,2011-01-02,2,20\nX1,A,2011-01-03,-1,-10\n";
        GenericCsvFormat format = GenericCsvFormat.of("customer", "date", "yyyy-MM-dd", "amount").withOrder("order")
                .withQuantity("qty").withCancellationPrefix("X");
        TransactionLog log = GenericCsvReader.read(new StringReader(csv), "mem", format, ReadOptions.defaults()
                .withRules(dev.retention.data.PurchaseRules.defaults()
                        .withCancellations(dev.retention.data.PurchaseRules.Cancellations.NET)));
        assertEquals(2, log.size());
        assertTrue(log.isCancellation(1));
        assertEquals(-10.0, log.amount(1));
        assertEquals(10.0, log.unitPrice(0));
    }
}
