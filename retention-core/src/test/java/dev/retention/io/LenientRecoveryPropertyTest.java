package dev.retention.io;

import dev.retention.data.SkipReason;
import dev.retention.data.TransactionLog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Lenient reading of large files (many parser buffers) with bad records at random places, among
 * them broken quoting, which the CSV parser cannot recover from by itself: exactly the bad records
 * are skipped, with their physical line numbers, and every good record is kept. Seeded; the seed is
 * in the test name and in every message.
 */
class LenientRecoveryPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    /** A bad version of a good record: broken quoting, a bad date, too few fields, or a bad number. */
    private static String spoil(Random rnd, String record) {
        List<String> f = new ArrayList<>(List.of(record.split(",", -1)));
        switch (rnd.nextInt(4)) {
            case 0 -> f.set(2, "\"BROKEN\" QUOTE");
            case 1 -> f.set(4, "13/45/2010 8:26");
            case 2 -> f.remove(f.size() - 1);
            default -> f.set(3, "NaN");
        }
        return String.join(",", f);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void readLenient_skipsExactlyTheBadRecords(long seed) throws IOException {
        Random rnd = new Random(seed);
        int n = 1_000 + rnd.nextInt(2_000);
        // simple records (no quoting) so that a bad one can be made from a good one by splitting on commas
        List<OrderFileGenerator.RetailLine> lines = new ArrayList<>();
        for (OrderFileGenerator.RetailLine l : OrderFileGenerator.retailLines(rnd, n, false)) {
            lines.add(new OrderFileGenerator.RetailLine(l.invoice(), l.stock(), "DESCRIPTION " + lines.size(),
                    l.quantity(), l.time(), l.price(), l.customer(), "United Kingdom"));
        }
        int badCount = 1 + rnd.nextInt(8);
        boolean[] bad = new boolean[n];
        for (int k = 0; k < badCount; k++) {
            bad[rnd.nextInt(n)] = true;
        }
        StringBuilder csv = new StringBuilder(OnlineRetailReaderTest.HEADER).append('\n');
        List<Long> badLines = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        long kept = 0;
        for (int i = 0; i < n; i++) {
            String record = String.join(",", lines.get(i).fields());
            if (bad[i]) {
                csv.append(spoil(rnd, record)).append('\n');
                badLines.add((long) i + 2);
            } else {
                csv.append(record).append('\n');
                if (lines.get(i).expectedSkip() == null) {
                    expected.add(lines.get(i).expectedKey(ZoneOffset.UTC));
                    kept++;
                }
            }
        }
        List<DataFormatException> skipped = new ArrayList<>();
        TransactionLog log = OnlineRetailReader.read(new StringReader(csv.toString()), "big.csv",
                ReadOptions.defaults().withStrict(false).withSkipListener(skipped::add));

        String where = "seed " + seed;
        assertEquals(badLines, skipped.stream().map(DataFormatException::line).toList(), where);
        assertEquals(badLines.size(), log.lineCounts().skipped(SkipReason.MALFORMED), where);
        assertEquals(kept, log.lineCounts().kept(), where);
        assertEquals(n, log.lineCounts().read(), where);
        assertEquals(RoundTripPropertyTest.sorted(expected),
                RoundTripPropertyTest.sorted(RoundTripPropertyTest.keys(log)),
                where);
    }

    /**
     * A record with broken quoting that starts just before, at, or just after the end of the first
     * 8,192 characters (the parser's read size), so that the parser meets the error after refilling
     * its buffer.
     */
    @ParameterizedTest(name = "padding {0}")
    @ValueSource(ints = {-60, -40, -25, -10, -5, -1, 0, 1, 5, 10, 40})
    void readLenient_recoversFromBrokenQuoteAcrossBufferBoundary(int padding) throws IOException {
        String good = "536365,85123A,WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom\n";
        StringBuilder csv = new StringBuilder(OnlineRetailReaderTest.HEADER).append('\n');
        int lines = 1;
        while (csv.length() + good.length() < 8_192 + padding - 30) {
            csv.append(good);
            lines++;
        }
        csv.append("X".repeat(Math.max(0, 8_192 + padding - 30 - csv.length()))).append('\n');   // filler: bad
        lines++;
        long filler = lines;
        csv.append("536366,22633,\"HAND \"\" WARMER\" RED,6,12/1/2010 8:28,1.85,13047,United Kingdom\n");
        lines++;
        long broken = lines;
        for (int i = 0; i < 300; i++) {
            csv.append(good);
        }
        List<DataFormatException> skipped = new ArrayList<>();
        TransactionLog log = OnlineRetailReader.read(new StringReader(csv.toString()), "edge.csv",
                ReadOptions.defaults().withStrict(false).withSkipListener(skipped::add));

        String where = "padding " + padding;
        assertEquals(List.of(filler, broken), skipped.stream().map(DataFormatException::line).toList(), where);
        assertEquals("Description", skipped.get(1).column(), where);
        assertEquals("\"HAND \"\" WARMER\" RED", skipped.get(1).value(), where);
        assertEquals(lines - 3 + 300, log.lineCounts().kept(), where);
    }
}
