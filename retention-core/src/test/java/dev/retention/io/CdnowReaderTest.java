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

/**
 * Golden values for {@link CdnowReader} on lines in the layout of CDNOW_master.txt (Fader and Hardie).
 * Epoch seconds: 1997-01-01T00:00Z = 852076800, 1997-01-12T00:00Z = 853027200.
 */
class CdnowReaderTest {

    private static final String SAMPLE = ""
            + "00001 19970101 1 11.77\n"
            + "00002   19970112  1  12.00\n"
            + "00002\t19970112\t5\t77.00\n"
            + "\n"
            + "00003 19970102 2 20.76\n"
            + "00003 19970330 0 0.00\n"
            + "00004 19970101 2 0.00\n";

    @TempDir
    Path dir;

    @Test
    void read_sample_goldenCountsAmountsAndOrderIds() throws IOException {
        Path file = Files.writeString(dir.resolve("CDNOW_master.txt"), SAMPLE, StandardCharsets.US_ASCII);
        TransactionLog log = CdnowReader.read(file);

        // read(Path) uses defaultOptions(): the free order of 00004 is a purchase
        assertEquals(6, log.lineCounts().read());
        assertEquals(5, log.lineCounts().kept());
        assertEquals(1, log.lineCounts().skipped(SkipReason.NON_POSITIVE_QUANTITY));
        assertEquals(0, log.lineCounts().skipped(SkipReason.NON_POSITIVE_PRICE));
        assertEquals(4, log.customerCount());
        assertEquals(0.0, log.amount(log.lineStart(log.customers().indexOf("00004"))));
        assertFalse(log.hasItems());
        assertFalse(log.customers().isNumeric());   // "00001" is kept as written
        assertEquals("00001", log.customers().id(0));

        int c = log.customers().indexOf("00002");
        assertEquals(2, log.lineEnd(c) - log.lineStart(c));
        assertEquals(853027200L, log.time(log.lineStart(c)));
        assertEquals(12.0 + 77.0, log.amount(log.lineStart(c)) + log.amount(log.lineStart(c) + 1), 1e-12);
        assertEquals("2", log.orders().id(log.order(log.lineStart(c))));        // order id = line number
        assertEquals("3", log.orders().id(log.order(log.lineStart(c) + 1)));
        assertEquals(15.4, log.unitPrice(log.lineStart(c) + 1), 1e-12);        // 77.00 / 5
        int first = log.customers().indexOf("00001");
        assertEquals(852076800L, log.time(log.lineStart(first)));
        assertEquals(5, log.orderCount());
        assertEquals("5", log.orders().id(log.order(log.lineStart(log.customers().indexOf("00003")))));
    }

    @Test
    void read_withGenericDefaultRules_skipsFreeOrders() throws IOException {
        TransactionLog log = CdnowReader.read(new StringReader(SAMPLE), "mem", ReadOptions.defaults());
        assertEquals(4, log.lineCounts().kept());
        assertEquals(1, log.lineCounts().skipped(SkipReason.NON_POSITIVE_PRICE));
        assertEquals(3, log.customerCount());
        assertEquals(-1, log.customers().indexOf("00004"));
    }

    /** The layout of CDNOW_sample.txt: master id, sample id, date, CDs, dollars (the first line has a tab). */
    @Test
    void read_sampleFileLayout_usesTheMasterIdAndKeepsFreeOrders() throws IOException {
        String sample = ""
                + " 00004 0001 19970101  2\t  29.33\n"
                + " 00004 0001 19970118  2   29.73\n"
                + " 01101 0087 19970105  1    0.00\n"
                + " 00314 0026 19970113 10  166.89\n";
        TransactionLog log = CdnowReader.read(new StringReader(sample), "CDNOW_sample.txt",
                CdnowReader.defaultOptions());
        assertEquals(4, log.lineCounts().kept());
        assertEquals(3, log.customerCount());
        int c = log.customers().indexOf("00004");
        assertEquals(2, log.lineEnd(c) - log.lineStart(c));
        assertEquals(29.33 + 29.73, log.amount(log.lineStart(c)) + log.amount(log.lineStart(c) + 1), 1e-12);
        assertEquals(852076800L + 17 * 86400, log.time(log.lineStart(c) + 1));
        assertEquals(10.0, log.quantity(log.lineStart(log.customers().indexOf("00314"))));
        assertTrue(log.customers().indexOf("01101") >= 0, "a customer whose only order was free is kept");
    }

    @Test
    void read_sampleFileLayout_aLineWithFourFieldsIsMalformed() {
        String mixed = "00004 0001 19970101 2 29.33\n00005 19970102 1 9.99\n";
        DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class,
                () -> CdnowReader.read(new StringReader(mixed), "mixed.txt", CdnowReader.defaultOptions()));
        assertTrue(e.getMessage().startsWith("mixed.txt:2:") && e.getMessage().contains("amount"), e.getMessage());
    }

    @Test
    void read_inNewYork_datesAreLocalMidnight() throws IOException {
        TransactionLog log = CdnowReader.read(new StringReader("00001 19970101 1 11.77\n"), "mem",
                ReadOptions.defaults().withZone(ZoneId.of("America/New_York")));
        assertEquals(852076800L + 5 * 3600, log.time(0));
    }

    @Test
    void read_negativeAmount_isSkippedAsNonPositivePrice() throws IOException {
        TransactionLog log = CdnowReader.read(new StringReader("00001 19970101 2 -11.77\n00001 19970102 1 5\n"), "mem",
                ReadOptions.defaults());
        assertEquals(1, log.lineCounts().kept());
        assertEquals(1, log.lineCounts().skipped(SkipReason.NON_POSITIVE_PRICE));
        assertTrue(log.amount(0) > 0);
    }

    @Test
    void read_emptyInput_givesEmptyLog() throws IOException {
        TransactionLog log = CdnowReader.read(new StringReader(" \n\n"), "mem", ReadOptions.defaults());
        assertTrue(log.isEmpty());
        assertEquals(0, log.lineCounts().read());
    }
}
