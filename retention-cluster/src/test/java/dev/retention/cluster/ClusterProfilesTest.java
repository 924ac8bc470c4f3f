package dev.retention.cluster;

import dev.retention.data.TransactionLog;
import dev.retention.rfm.Rfm;
import dev.retention.rfm.RfmTable;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterProfilesTest {

    /**
     * Five customers as of 2024-01-11 00:00 (latest purchase + 24 h): a, b bought on Jan 10 (recency 1),
     * c on Jan 5 (6), d and e on Jan 1 (10). Orders: a 3 (spend 30), b 2 (20), c 1 (10), d 1 (5), e 1 (7).
     */
    private static RfmTable table() {
        TransactionLog.Builder b = TransactionLog.builder();
        add(b, "a", "o1", 8, 10);
        add(b, "a", "o2", 9, 10);
        add(b, "a", "o3", 10, 10);
        add(b, "b", "o4", 9, 10);
        add(b, "b", "o5", 10, 10);
        add(b, "c", "o6", 5, 10);
        add(b, "d", "o7", 1, 5);
        add(b, "e", "o8", 1, 7);
        return Rfm.fit(b.build()).table().orElseThrow();
    }

    private static void add(TransactionLog.Builder b, String customer, String order, int day, double amount) {
        long t = LocalDateTime.of(2024, 1, day, 0, 0).toEpochSecond(ZoneOffset.UTC);
        b.add(customer, order, "item", t, 1, amount);
    }

    @Test
    void of_summarisesEachClusterAndNoiseLast() {
        RfmTable t = table();
        // rows are in id order a..e: {a, b} cluster 1, {c} noise, {d, e} cluster 0
        ClusterProfiles p = ClusterProfiles.compute(t, new int[] {1, 1, -1, 0, 0});
        List<ClusterProfiles.Profile> rows = p.profiles();
        assertEquals(3, rows.size());
        ClusterProfiles.Profile zero = rows.get(0);
        assertEquals(0, zero.cluster());
        assertEquals(2, zero.size());
        assertEquals(0.4, zero.share(), 1e-15);
        assertEquals(10.0, zero.meanRecency(), 1e-15);
        assertEquals(1.0, zero.meanFrequency(), 1e-15);
        assertEquals(6.0, zero.meanMonetary(), 1e-15);
        // d is R2/F2 (Hibernating), e R1/F3 (At Risk): a tie, won by the segment listed first in the map
        assertEquals("Hibernating", t.segment(3));
        assertEquals("At Risk", t.segment(4));
        assertEquals("At Risk", zero.topSegment());
        assertEquals(0.5, zero.topSegmentShare(), 1e-15);
        ClusterProfiles.Profile one = rows.get(1);
        assertEquals(1, one.cluster());
        assertEquals(1.0, one.meanRecency(), 1e-15);
        assertEquals(2.5, one.meanFrequency(), 1e-15);
        assertEquals(25.0, one.meanMonetary(), 1e-15);
        assertEquals(-1, rows.get(2).cluster());
        assertEquals(1, rows.get(2).size());
        assertEquals(1.0, rows.get(2).topSegmentShare(), 1e-15);
        assertTrue(p.toString().contains("noise"), p.toString());
    }

    @Test
    void of_topSegmentIsTheMostCommon() {
        RfmTable t = table();
        ClusterProfiles p = ClusterProfiles.compute(t, new int[] {0, 0, 0, 0, 0});
        java.util.Map<String, Integer> counts = t.segmentCounts();
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertEquals(max, counts.get(p.profiles().get(0).topSegment()));
        assertEquals(max / 5.0, p.profiles().get(0).topSegmentShare(), 1e-15);
    }

    @Test
    void of_rejectsLabelsThatDoNotFitTheTable() {
        RfmTable t = table();
        assertEquals("labels has 2 values, expected one per table row (5)",
                assertThrows(IllegalArgumentException.class, () -> ClusterProfiles.compute(t, new int[2])).getMessage());
        assertEquals("labels[4] must be a cluster index >= 0 or -1 for noise, got -3",
                assertThrows(IllegalArgumentException.class,
                        () -> ClusterProfiles.compute(t, new int[] {0, 0, 0, 0, -3})).getMessage());
    }
}
