package dev.retention.io;

import dev.retention.data.SkipReason;
import dev.retention.data.TransactionLog;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Round trips through the readers: a seeded generator writes random order lines to a file (Online
 * Retail CSV with quoting, shuffled columns, an extra column, CRLF or LF; CDNOW with runs of spaces
 * and tabs and blank lines), and reading the file must give back exactly the kept lines and the skip
 * counts that the purchase rules predict. The seed is in the test name and in every message.
 */
class RoundTripPropertyTest {

    private static final ZoneId[] ZONES = {ZoneOffset.UTC, ZoneId.of("Europe/London"), ZoneId.of("America/New_York")};

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void readOnlineRetail_returnsExactlyTheGeneratedLines(long seed) throws IOException {
        Random rnd = new Random(seed);
        int n = rnd.nextInt(10) == 0 ? 0 : rnd.nextInt(300);
        List<OrderFileGenerator.RetailLine> lines = OrderFileGenerator.retailLines(rnd, n, true);
        int[] order = OrderFileGenerator.permutation(rnd, 8);
        long[] firstLines = new long[n];
        String csv = OrderFileGenerator.retailCsv(lines, order, rnd.nextBoolean(), rnd.nextBoolean() ? "\n" : "\r\n",
                firstLines);
        ZoneId zone = ZONES[rnd.nextInt(ZONES.length)];
        Path file = Files.writeString(dir.resolve("orders.csv"), csv, StandardCharsets.UTF_8);

        TransactionLog log = OnlineRetailReader.read(file, ReadOptions.defaults().withZone(zone));

        String where = "seed " + seed;
        List<String> expected = new ArrayList<>();
        Map<SkipReason, Long> skips = new EnumMap<>(SkipReason.class);
        for (SkipReason r : SkipReason.values()) {
            skips.put(r, 0L);
        }
        Set<String> customers = new HashSet<>();
        for (OrderFileGenerator.RetailLine l : lines) {
            SkipReason reason = l.expectedSkip();
            if (reason == null) {
                expected.add(l.expectedKey(zone));
                customers.add(l.customerId());
            } else {
                skips.merge(reason, 1L, Long::sum);
            }
        }
        assertEquals(sorted(expected), sorted(keys(log)), where);
        assertEquals(skips, log.lineCounts().skippedByReason(), where);
        assertEquals(n, log.lineCounts().read(), where);
        assertEquals(customers.size(), log.customerCount(), where);
        assertEquals(zone, log.zone(), where);

        // the same text through the Reader overload gives the same log
        TransactionLog fromReader = OnlineRetailReader.read(new StringReader(csv), "mem",
                ReadOptions.defaults().withZone(zone));
        assertEquals(keys(log), keys(fromReader), where);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void readCdnow_returnsExactlyTheGeneratedLines(long seed) throws IOException {
        Random rnd = new Random(seed);
        int n = rnd.nextInt(10) == 0 ? 0 : rnd.nextInt(300);
        List<OrderFileGenerator.CdnowLine> lines = OrderFileGenerator.cdnowLines(rnd, n);
        long[] physical = new long[n];
        String text = OrderFileGenerator.cdnowText(rnd, lines, physical);
        ZoneId zone = ZONES[rnd.nextInt(ZONES.length)];
        Path file = Files.writeString(dir.resolve("cdnow.txt"), text, StandardCharsets.US_ASCII);

        TransactionLog log = CdnowReader.read(file, ReadOptions.defaults().withZone(zone));

        String where = "seed " + seed;
        List<String> expected = new ArrayList<>();
        long quantitySkips = 0;
        long priceSkips = 0;
        for (int i = 0; i < n; i++) {
            OrderFileGenerator.CdnowLine l = lines.get(i);
            SkipReason reason = l.expectedSkip();
            if (reason == null) {
                expected.add(l.expectedKey(physical[i], zone));
            } else if (reason == SkipReason.NON_POSITIVE_QUANTITY) {
                quantitySkips++;
            } else {
                priceSkips++;
            }
        }
        assertEquals(sorted(expected), sorted(keys(log)), where);
        assertEquals(expected.size(), log.lineCounts().kept(), where);
        assertEquals(quantitySkips, log.lineCounts().skipped(SkipReason.NON_POSITIVE_QUANTITY), where);
        assertEquals(priceSkips, log.lineCounts().skipped(SkipReason.NON_POSITIVE_PRICE), where);
        assertEquals(n, log.lineCounts().read(), where);
        assertEquals(expected.size(), log.orderCount(), where);   // one order per kept line
        assertEquals(false, log.hasItems(), where);
    }

    /** customer|order|item|time|quantity|price|amount of every line of the log, in log order. */
    static List<String> keys(TransactionLog log) {
        List<String> keys = new ArrayList<>(log.size());
        for (int i = 0; i < log.size(); i++) {
            keys.add(OrderFileGenerator.key(log.customers().id(log.customer(i)), log.orders().id(log.order(i)),
                    log.item(i) < 0 ? "-" : log.items().id(log.item(i)), log.time(i), log.quantity(i),
                    log.unitPrice(i), log.amount(i)));
        }
        return keys;
    }

    static List<String> sorted(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.sort(copy);
        return copy;
    }
}
