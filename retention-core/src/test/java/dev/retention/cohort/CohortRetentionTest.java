package dev.retention.cohort;

import dev.retention.data.PurchaseRules;
import dev.retention.data.TransactionLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CohortRetentionTest {

    private static final double EXACT = 1e-12;

    private static long utc(String localDateTime) {
        return LocalDateTime.parse(localDateTime).toEpochSecond(ZoneOffset.UTC);
    }

    /**
     * The hand-made shop of the golden tests, in UTC, cancellations netted. Worked by hand:
     * <pre>
     * customer  orders (UTC)                                   cohort   active in      distinct orders, 2nd order after
     * A         o1 01-05 10:00, o2 01-20 10:00, o3 03-10        2011-01  m0, m2         3, 15 days
     * B         o4 01-31 23:00, o5 02-01 01:00 (two lines)      2011-01  m0, m1         2, 2 hours
     * C         o6 01-10 09:00, o7 04-15 09:00                  2011-01  m0, m3         2, 95 days
     * D         o8 02-14                                        2011-02  m0             1
     * E         o9 02-03 (two lines), cancellation C1 03-05     2011-02  m0 (not m1)    1 (a cancellation is no order)
     * F         o10 03-01 00:00, o11 03-02 00:00                2011-03  m0             2, 1 day
     * G         o12 04-20 12:00, the last purchase              2011-04  m0             1
     * </pre>
     * The observation ends one second after the last purchase, 2011-04-20 12:00:01, inside April: April
     * is partial, so its cells are marked; the cells after it do not exist.
     */
    private static TransactionLog shop(ZoneId zone) {
        TransactionLog.Builder b = TransactionLog.builder(
                PurchaseRules.defaults().withCancellations(PurchaseRules.Cancellations.NET)).zone(zone);
        b.add("A", "o1", "x", utc("2011-01-05T10:00"), 1, 10);
        b.add("A", "o3", "y", utc("2011-03-10T10:00"), 1, 10);
        b.add("A", "o2", "x", utc("2011-01-20T10:00"), 2, 10);
        b.add("B", "o4", "x", utc("2011-01-31T23:00"), 1, 10);
        b.add("B", "o5", "x", utc("2011-02-01T01:00"), 1, 10);
        b.add("B", "o5", "y", utc("2011-02-01T01:05"), 1, 10);
        b.add("C", "o6", "x", utc("2011-01-10T09:00"), 1, 10);
        b.add("C", "o7", "x", utc("2011-04-15T09:00"), 1, 10);
        b.add("D", "o8", "x", utc("2011-02-14T12:00"), 1, 10);
        b.add("E", "o9", "x", utc("2011-02-03T12:00"), 1, 10);
        b.add("E", "o9", "y", utc("2011-02-03T12:00"), 1, 10);
        b.add("E", "C1", "x", utc("2011-03-05T12:00"), -1, 10, true);
        b.add("F", "o10", "x", utc("2011-03-01T00:00"), 1, 10);
        b.add("F", "o11", "x", utc("2011-03-02T00:00"), 1, 10);
        b.add("G", "o12", "x", utc("2011-04-20T12:00"), 1, 10);
        b.add(null, "o13", "x", utc("2011-05-20T12:00"), 1, 10);   // no customer: skipped, not activity
        return b.build();
    }

    @Test
    void compute_goldenMonthlyTable() {
        CohortTable t = CohortRetention.compute(shop(ZoneOffset.UTC), CohortOptions.defaults());

        assertArrayEquals(new String[] {"2011-01", "2011-02", "2011-03", "2011-04"}, t.labels());
        assertEquals(LocalDate.of(2011, 2, 1), t.cohortStart(1));
        assertArrayEquals(new int[] {3, 2, 1, 1}, t.sizes());
        assertEquals(7, t.totalCustomers());
        assertEquals(4, t.offsetCount());                       // 2011-01 .. 2011-04
        assertEquals(Instant.parse("2011-04-20T12:00:01Z"), t.observationEnd());

        // active customers: Jan cohort B in Feb, A in Mar, C in Apr; E's March cancellation is no activity
        assertArrayEquals(new int[][] {
                {3, 1, 1, 1},
                {2, 0, 0, -1},
                {1, 0, -1, -1},
                {1, -1, -1, -1}}, t.activeCounts());
        assertArrayEquals(new int[] {4, 3, 2, 1},
                new int[] {t.observedOffsets(0), t.observedOffsets(1), t.observedOffsets(2), t.observedOffsets(3)});
        assertEquals(1.0 / 3, t.retention(0, 3).orElseThrow(), EXACT);
        assertEquals(0.0, t.retention(1, 2).orElseThrow());
        assertTrue(t.retention(1, 3).isEmpty(), "beyond the observation end: absent, not 0");
        double[][] rates = t.retentionRates();
        assertArrayEquals(new int[] {4, 3, 2, 1}, Arrays.stream(rates).mapToInt(r -> r.length).toArray(),
                "the rows stop at the observation end");
        assertArrayEquals(new double[] {1, 0, 0}, rates[1]);
        assertFalse(t.isObserved(3, 1));

        // April holds the observation end: the cells of April are partial
        assertTrue(t.isPartial(0, 3));
        assertTrue(t.isPartial(1, 2));
        assertTrue(t.isPartial(2, 1));
        assertTrue(t.isPartial(3, 0));
        assertFalse(t.isPartial(0, 2));
        assertFalse(t.isPartial(1, 3));

        // repeat customers: Jan A, B, C (3 of 3); Feb none; Mar F; Apr none; overall 4 of 7
        assertArrayEquals(new double[] {1, 0, 1, 0},
                new double[] {t.repurchaseRate(0), t.repurchaseRate(1), t.repurchaseRate(2), t.repurchaseRate(3)});
        assertEquals(4.0 / 7, t.overallRepurchaseRate(), EXACT);

        // within 30 / 60 / 90 days, among customers whose window ends before 2011-04-20 12:00:01:
        // A (first 01-05) eligible for all, 2nd after 15 days; B (01-31 23:00) eligible for 30 and 60 (90 days
        // later is 05-01), 2nd after 2 h; C (01-10) eligible for all, 2nd after 95 days: never within.
        assertEquals(3, t.eligibleWithin(0, 30));
        assertEquals(2, t.eligibleWithin(0, 90));
        assertEquals(2.0 / 3, t.repurchaseRateWithin(0, 30).orElseThrow(), EXACT);
        assertEquals(2.0 / 3, t.repurchaseRateWithin(0, 60).orElseThrow(), EXACT);
        assertEquals(1.0 / 2, t.repurchaseRateWithin(0, 90).orElseThrow(), EXACT);
        // D (02-14) and E (02-03) are eligible for 30 and 60 days, never repeat; nobody for 90 days
        assertEquals(0.0, t.repurchaseRateWithin(1, 60).orElseThrow());
        assertTrue(t.repurchaseRateWithin(1, 90).isEmpty());
        // F (03-01) is eligible for 30 days only, 2nd order after a day; G (04-20) for none
        assertEquals(1.0, t.repurchaseRateWithin(2, 30).orElseThrow());
        assertTrue(t.repurchaseRateWithin(2, 60).isEmpty());
        assertEquals(0, t.eligibleWithin(3, 30));
        // overall: 30 days: A, B, F of A..F = 3/6; 60 days: A, B of A..E = 2/5; 90 days: A of A, C = 1/2
        assertEquals(0.5, t.overallRepurchaseRateWithin(30).orElseThrow(), EXACT);
        assertEquals(0.4, t.overallRepurchaseRateWithin(60).orElseThrow(), EXACT);
        assertEquals(0.5, t.overallRepurchaseRateWithin(90).orElseThrow(), EXACT);

        // size-weighted mean: m1 over Jan, Feb, Mar = (1 + 0 + 0) / (3 + 2 + 1); m2 over Jan, Feb = 1 / 5
        assertArrayEquals(new double[] {1, 1.0 / 6, 1.0 / 5, 1.0 / 3}, t.meanRetention(), EXACT);
    }

    @Test
    void toString_isACompactTableOfPercentages() {
        CohortTable t = CohortRetention.compute(shop(ZoneOffset.UTC));
        assertEquals("""
                CohortTable: monthly cohorts in UTC, 4 cohorts, 7 customers, observed until 2011-04-20 12:00:01 (2011-04 partial)
                repeat customers 57.1%; second order within 30 days 50.0%, 60 days 40.0%, 90 days 50.0%
                cohort  size  repeat     m0     m1     m2     m3
                2011-01    3  100.0%  100.0   33.3   33.3   33.3*
                2011-02    2    0.0%  100.0    0.0    0.0*
                2011-03    1  100.0%  100.0    0.0*
                2011-04    1    0.0%  100.0*
                all        7   57.1%  100.0   16.7   20.0   33.3
                retention in % of cohort size by months since first purchase; all = size-weighted mean; \
                * partial month; blank = not observed
                """, t.toString());
    }

    @Test
    void toCsv_exportsRatesAndCounts(@TempDir Path dir) throws IOException {
        CohortTable t = CohortRetention.compute(shop(ZoneOffset.UTC));
        String rates = """
                cohort,size,repurchase_rate,m0,m1,m2,m3
                2011-01,3,1.0,1.0,0.3333333333333333,0.3333333333333333,0.3333333333333333
                2011-02,2,0.0,1.0,0.0,0.0,
                2011-03,1,1.0,1.0,0.0,,
                2011-04,1,0.0,1.0,,,
                """;
        String counts = """
                cohort,size,repeat_customers,m0,m1,m2,m3
                2011-01,3,3,3,1,1,1
                2011-02,2,0,2,0,0,
                2011-03,1,1,1,0,,
                2011-04,1,0,1,,,
                """;
        assertEquals(rates, t.toCsv());
        assertEquals(counts, t.toCountsCsv());
        t.writeCsv(dir.resolve("rates.csv"));
        t.writeCountsCsv(dir.resolve("counts.csv"));
        assertEquals(rates, Files.readString(dir.resolve("rates.csv")));
        assertEquals(counts, Files.readString(dir.resolve("counts.csv")));
    }

    @Test
    void asOf_atPeriodBoundaryCensorsLaterPurchasesAndCells() {
        // observation ends 2011-03-01 00:00: F's first purchase at that instant is not observed, so F and G
        // are no customers yet; A's and C's later orders do not count; February is complete
        CohortTable t = CohortRetention.compute(shop(ZoneOffset.UTC),
                CohortOptions.defaults().withAsOf(Instant.parse("2011-03-01T00:00:00Z")));
        assertArrayEquals(new String[] {"2011-01", "2011-02"}, t.labels());
        assertEquals(5, t.totalCustomers());
        assertArrayEquals(new int[][] {{3, 1}, {2, -1}}, t.activeCounts());
        assertFalse(t.isPartial(0, 1));
        assertEquals(2, t.repeatCustomers(0));                   // A (o1, o2) and B; C's 2nd order is later
        assertEquals(2, t.eligibleWithin(0, 30));                // A and C; B's 30 days end 03-02 23:00
        assertEquals(0.5, t.repurchaseRateWithin(0, 30).orElseThrow());
        assertTrue(t.overallRepurchaseRateWithin(60).isEmpty());
        assertTrue(t.toString().contains("observed until 2011-03-01 00:00\n"), t.toString());
    }

    @Test
    void asOf_insidePeriodMarksItPartial() {
        CohortTable t = CohortRetention.compute(shop(ZoneOffset.UTC),
                CohortOptions.defaults().withAsOf(Instant.parse("2011-03-05T12:00:00Z")));
        assertArrayEquals(new String[] {"2011-01", "2011-02", "2011-03"}, t.labels());
        assertArrayEquals(new int[][] {{3, 1, 0}, {2, 0, -1}, {1, -1, -1}}, t.activeCounts());
        assertTrue(t.isPartial(0, 2));
        assertTrue(t.isPartial(2, 0));
        assertFalse(t.isPartial(0, 1));
    }

    @Test
    void asOf_afterTheDataObservesEmptyPeriods() {
        // observed until July: April to June are observed with no activity, not absent
        CohortTable t = CohortRetention.compute(shop(ZoneOffset.UTC),
                CohortOptions.defaults().withAsOf(Instant.parse("2011-07-01T00:00:00Z")));
        assertEquals(6, t.offsetCount());
        assertEquals(0, t.active(3, 2));
        assertFalse(t.isPartial(3, 2));
        assertEquals(-1, t.active(3, 3));
        // A, B, C eligible; A and B within 90 days
        assertEquals(2.0 / 3, t.repurchaseRateWithin(0, 90).orElseThrow(), EXACT);
    }

    @Test
    void maxPeriods_limitsTheColumns() {
        CohortTable t = CohortRetention.compute(shop(ZoneOffset.UTC), CohortOptions.defaults().withMaxPeriods(2));
        assertEquals(2, t.offsetCount());
        assertArrayEquals(new int[][] {{3, 1}, {2, 0}, {1, 0}, {1, -1}}, t.activeCounts());
        // repurchase counts do not depend on the columns
        assertEquals(3, t.repeatCustomers(0));
        assertTrue(t.toCsv().startsWith("cohort,size,repurchase_rate,m0,m1\n"), t.toCsv());
    }

    @Test
    void zone_decidesTheCalendarMonth() {
        // 2011-01-01 00:30 in Berlin is 2010-12-31 23:30 UTC
        long t = LocalDateTime.parse("2011-01-01T00:30").atZone(ZoneId.of("Europe/Berlin")).toEpochSecond();
        for (String zone : new String[] {"Europe/Berlin", "UTC"}) {
            TransactionLog.Builder b = TransactionLog.builder().zone(ZoneId.of(zone));
            b.add("1", "o1", "x", t, 1, 1);
            b.add("1", "o2", "x", utc("2011-01-15T12:00"), 1, 1);
            CohortTable table = CohortRetention.compute(b.build());
            if (zone.equals("UTC")) {
                assertArrayEquals(new String[] {"2010-12"}, table.labels());
                assertArrayEquals(new int[][] {{1, 1}}, table.activeCounts());
            } else {
                assertArrayEquals(new String[] {"2011-01"}, table.labels());
                assertArrayEquals(new int[][] {{1}}, table.activeCounts());
            }
            assertEquals(ZoneId.of(zone), table.zone());
        }
    }

    @Test
    void weeks_areIsoWeeksFromMonday() {
        TransactionLog.Builder b = TransactionLog.builder();
        b.add("1", "o1", "x", utc("2011-01-02T12:00"), 1, 1);   // Sunday: ISO week 2010-W52
        b.add("1", "o2", "x", utc("2011-01-09T23:59"), 1, 1);   // Sunday a week later: 2011-W01
        b.add("2", "o3", "x", utc("2011-01-03T00:00"), 1, 1);   // Monday: 2011-W01
        b.add("2", "o4", "x", utc("2011-01-17T00:00"), 1, 1);   // 2011-W03
        CohortTable t = CohortRetention.compute(b.build(), CohortOptions.defaults().withPeriod(CohortPeriod.WEEK));
        assertArrayEquals(new String[] {"2010-W52", "2011-W01"}, t.labels());
        assertEquals(LocalDate.of(2010, 12, 27), t.cohortStart(0));
        assertEquals(LocalDate.of(2011, 1, 3), t.cohortStart(1));
        assertArrayEquals(new int[][] {{1, 1, 0, 0}, {1, 0, 1, -1}}, t.activeCounts());
        assertTrue(t.isPartial(1, 2));   // observed until Monday 2011-01-17 00:00:01
        assertTrue(t.toCsv().startsWith("cohort,size,repurchase_rate,w0,w1,w2,w3\n"), t.toCsv());
    }

    @Test
    void quarters_startInJanuaryAprilJulyOctober() {
        TransactionLog.Builder b = TransactionLog.builder();
        b.add("1", "o1", "x", utc("2010-12-31T23:59"), 1, 1);
        b.add("1", "o2", "x", utc("2011-01-01T00:00"), 1, 1);
        b.add("2", "o3", "x", utc("2011-06-30T00:00"), 1, 1);
        b.add("2", "o4", "x", utc("2011-07-01T00:00"), 1, 1);
        CohortTable t = CohortRetention.compute(b.build(), CohortOptions.defaults().withPeriod(CohortPeriod.QUARTER));
        assertArrayEquals(new String[] {"2010-Q4", "2011-Q2"}, t.labels());
        assertEquals(LocalDate.of(2011, 4, 1), t.cohortStart(1));
        assertArrayEquals(new int[][] {{1, 1, 0, 0}, {1, 1, -1, -1}}, t.activeCounts());
        assertTrue(t.toString().contains("q0"), t.toString());
    }

    @Test
    void toString_truncatesLongTables() {
        TransactionLog.Builder b = TransactionLog.builder();
        LocalDateTime start = LocalDateTime.parse("2010-01-04T12:00");
        for (int w = 0; w < 60; w++) {
            b.add("c" + w, "o" + w, "x", start.plusWeeks(w).toEpochSecond(ZoneOffset.UTC), 1, 1);
            b.add("c" + w, "p" + w, "x", start.plusWeeks(w + 1).toEpochSecond(ZoneOffset.UTC), 1, 1);
        }
        CohortTable t = CohortRetention.compute(b.build(), CohortOptions.defaults().withPeriod(CohortPeriod.WEEK));
        assertEquals(60, t.cohortCount());
        assertEquals(61, t.offsetCount());
        String s = t.toString();
        assertTrue(s.contains("\n... 36 cohorts not shown ...\n"), s);
        assertTrue(s.contains("2010-W01"), s);
        assertFalse(s.contains("2010-W13 "), s);
        assertTrue(s.contains("2011-W08"), s);
        assertTrue(s.contains(" w12\n"), s);
        assertFalse(s.contains("w13 "), s);
        assertTrue(s.contains("w13..w60 not shown"), s);
        assertTrue(s.lines().count() < 35, s);
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void compute_rejectsEmptyLog() {
        TransactionLog empty = TransactionLog.builder().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CohortRetention.compute(empty, CohortOptions.defaults()));
        assertEquals("log must hold at least one purchase, got an empty transaction log", e.getMessage());
    }

    @Test
    void compute_rejectsAsOfNotAfterTheFirstPurchase() {
        TransactionLog log = shop(ZoneOffset.UTC);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CohortRetention.compute(log,
                CohortOptions.defaults().withAsOf(Instant.parse("2010-06-01T00:00:00Z"))));
        assertEquals("asOf must be after the first purchase, at 2011-01-05T10:00:00Z, got 2010-06-01T00:00:00Z",
                e.getMessage());
        // at the very second of the first purchase, nothing is observed yet
        assertThrows(IllegalArgumentException.class, () -> CohortRetention.compute(log,
                CohortOptions.defaults().withAsOf(Instant.parse("2011-01-05T10:00:00Z"))));
        // a nanosecond later, it is
        CohortTable t = CohortRetention.compute(log,
                CohortOptions.defaults().withAsOf(Instant.parse("2011-01-05T10:00:00.000000001Z")));
        assertEquals(1, t.totalCustomers());
    }

    @Test
    void compute_rejectsAbsurdlyLargeTableUnlessLimited() {
        // a shop whose dates run from 1800 to 2200, say from typos, with a new cohort every eight weeks
        TransactionLog.Builder b = TransactionLog.builder();
        LocalDateTime start = LocalDateTime.parse("1800-01-06T12:00");
        for (int c = 0; c < 2_600; c++) {
            b.add("c" + c, "o" + c, "x", start.plusWeeks(8L * c).toEpochSecond(ZoneOffset.UTC), 1, 1);
        }
        TransactionLog log = b.build();
        CohortOptions weekly = CohortOptions.defaults().withPeriod(CohortPeriod.WEEK);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CohortRetention.compute(log, weekly));
        assertEquals("the table would have 2600 cohorts x 20793 weekly periods, more than 50000000 cells; "
                + "set maxPeriods", e.getMessage());
        assertEquals(52, CohortRetention.compute(log, weekly.withMaxPeriods(52)).offsetCount());
    }

    @Test
    void compute_rejectsNulls() {
        assertThrows(NullPointerException.class, () -> CohortRetention.compute(null, CohortOptions.defaults()));
        assertThrows(NullPointerException.class, () -> CohortRetention.compute(shop(ZoneOffset.UTC), null));
    }

    @Test
    void options_rejectNegativeMaxPeriods() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CohortOptions.defaults().withMaxPeriods(-1));
        assertEquals("maxPeriods must be >= 0 (0 for no limit), got -1", e.getMessage());
        assertThrows(NullPointerException.class, () -> CohortOptions.defaults().withPeriod(null));
    }

    @Test
    void options_defaultsAndCopies() {
        CohortOptions d = CohortOptions.defaults();
        assertEquals(new CohortOptions(CohortPeriod.MONTH, 0, null), d);
        Instant asOf = Instant.parse("2011-12-10T00:00:00Z");
        CohortOptions o = d.withPeriod(CohortPeriod.WEEK).withMaxPeriods(12).withAsOf(asOf);
        assertEquals(new CohortOptions(CohortPeriod.WEEK, 12, asOf), o);
        assertEquals(d, o.withPeriod(CohortPeriod.MONTH).withMaxPeriods(0).withAsOf(null));
    }

    @Test
    void accessors_rejectUnknownWindowsAndOffsets() {
        CohortTable t = CohortRetention.compute(shop(ZoneOffset.UTC));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.repurchaseRateWithin(0, 45));
        assertEquals("days must be one of [30, 60, 90], got 45", e.getMessage());
        IndexOutOfBoundsException o = assertThrows(IndexOutOfBoundsException.class, () -> t.active(0, 4));
        assertEquals("offset must be in [0, 4), got 4", o.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> t.retention(0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> t.size(4));
        assertThrows(IndexOutOfBoundsException.class, () -> t.label(-1));
    }

    @Test
    void accessors_copyTheirArrays() {
        CohortTable t = CohortRetention.compute(shop(ZoneOffset.UTC));
        t.sizes()[0] = 99;
        t.labels()[0] = "x";
        t.activeCounts()[0][0] = 99;
        t.retentionRates()[0][0] = 99;
        t.meanRetention()[0] = 99;
        assertEquals(3, t.size(0));
        assertEquals("2011-01", t.label(0));
        assertEquals(3, t.active(0, 0));
        assertEquals(1.0, t.retention(0, 0).orElseThrow());
        assertEquals(1.0, t.meanRetention()[0]);
        assertEquals(0, t.indexOf("2011-01"));
        assertEquals(-1, t.indexOf("2011-05"));
        assertEquals(t, CohortRetention.compute(shop(ZoneOffset.UTC)));
        assertEquals(t.hashCode(), CohortRetention.compute(shop(ZoneOffset.UTC)).hashCode());
    }
}
