package dev.retention.cohort;

import dev.retention.data.TransactionLog;
import dev.retention.random.EnumDraws;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CohortRetention} against a naive java.time reference over seeded random logs. */
class CohortRetentionPropertyTest {

    private static final double EXACT = 1e-12;

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    static LongStream fewerSeeds() {
        return LongStream.range(0, 200);
    }

    private static CohortOptions options(SplittableRandom rnd, TransactionLog log) {
        CohortOptions o = CohortOptions.defaults()
                .withPeriod(EnumDraws.any(CohortPeriod.class, rnd))
                .withMaxPeriods(rnd.nextBoolean() ? 0 : rnd.nextInt(1, 20));
        if (!log.isEmpty() && rnd.nextBoolean()) {
            long from = log.minTime() - 5 * 86_400;
            long to = log.maxPurchaseTime() + 90 * 86_400;
            long t = from + rnd.nextLong(to - from);
            // sometimes exactly at a midnight, where periods start
            Instant asOf = rnd.nextInt(3) == 0
                    ? LocalDate.ofInstant(Instant.ofEpochSecond(t), log.zone()).atStartOfDay(log.zone()).toInstant()
                    : Instant.ofEpochSecond(t, rnd.nextInt(3) == 0 ? rnd.nextInt(1, 1_000_000_000) : 0);
            o = o.withAsOf(asOf);
        }
        return o;
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void compute_matchesNaiveReference(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        TransactionLog log = RandomShops.log(rnd);
        CohortOptions options = options(rnd, log);
        String where = "seed=" + seed + " " + options + " zone=" + log.zone();
        Reference ref = log.isEmpty() ? null : new Reference(log, options);
        if (ref == null || ref.cohorts.isEmpty()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CohortRetention.compute(log, options), where);
            assertTrue(e.getMessage().startsWith(log.isEmpty() ? "log must hold" : "asOf must be after"), where);
            return;
        }
        CohortTable t = CohortRetention.compute(log, options);

        assertEquals(ref.end, t.observationEnd(), where);
        assertEquals(ref.columns, t.offsetCount(), where);
        assertEquals(ref.cohorts.size(), t.cohortCount(), where);
        int row = 0;
        long total = 0;
        long repeat = 0;
        for (Map.Entry<LocalDate, List<Customer>> e : ref.cohorts.entrySet()) {
            LocalDate start = e.getKey();
            List<Customer> members = e.getValue();
            String at = where + " cohort " + t.label(row);
            assertEquals(ref.label(start), t.label(row), at);
            assertEquals(start, t.cohortStart(row), at);
            assertEquals(members.size(), t.size(row), at);
            long[] activeAt = new long[ref.columns];
            for (Customer m : members) {
                for (long k : m.offsets) {
                    if (k < ref.columns) {
                        activeAt[(int) k]++;
                    }
                }
            }
            for (int k = 0; k < ref.columns; k++) {
                LocalDate cell = ref.plus(start, k);
                boolean observed = ref.instant(cell).isBefore(ref.end);
                assertEquals(observed, t.isObserved(row, k), at + " m" + k);
                if (!observed) {
                    assertEquals(-1, t.active(row, k), at + " m" + k);
                    assertTrue(t.retention(row, k).isEmpty(), at + " m" + k);
                    continue;
                }
                long active = activeAt[k];
                assertEquals(active, t.active(row, k), at + " m" + k);
                double rate = t.retention(row, k).orElseThrow();
                assertEquals((double) active / members.size(), rate, EXACT, at + " m" + k);
                assertTrue(rate >= 0 && rate <= 1, at);
                assertEquals(rate, t.retentionRates()[row][k], at + " m" + k);
                boolean partial = ref.instant(ref.plus(start, k + 1)).isAfter(ref.endSecond);
                assertEquals(partial, t.isPartial(row, k), at + " m" + k);
            }
            assertEquals(t.size(row), t.active(row, 0), at + ": offset 0 is the cohort");
            long repeaters = members.stream().filter(m -> m.orders >= 2).count();
            assertEquals(repeaters, t.repeatCustomers(row), at);
            for (int days : CohortRetention.REPURCHASE_WINDOWS_DAYS) {
                List<Customer> eligible = members.stream()
                        .filter(m -> m.first.plus(days, ChronoUnit.DAYS).isBefore(ref.end)).toList();
                long within = eligible.stream().filter(m -> m.orders >= 2
                        && !m.second.isAfter(m.first.plus(days, ChronoUnit.DAYS))).count();
                assertEquals(eligible.size(), t.eligibleWithin(row, days), at + " " + days + " days");
                assertEquals(within, t.repeatCustomersWithin(row, days), at + " " + days + " days");
                OptionalDouble rate = t.repurchaseRateWithin(row, days);
                assertEquals(eligible.isEmpty(), rate.isEmpty(), at);
                assertTrue(eligible.isEmpty() || (rate.getAsDouble() >= 0 && rate.getAsDouble() <= 1), at);
            }
            total += members.size();
            repeat += repeaters;
            row++;
        }
        assertEquals(total, t.totalCustomers(), where);
        assertEquals((double) repeat / total, t.overallRepurchaseRate(), EXACT, where);

        double[] mean = t.meanRetention();
        for (int k = 0; k < ref.columns; k++) {
            long num = 0;
            long den = 0;
            for (int r = 0; r < t.cohortCount(); r++) {
                if (t.isObserved(r, k)) {
                    num += t.active(r, k);
                    den += t.size(r);
                }
            }
            assertEquals((double) num / den, mean[k], EXACT, where + " mean m" + k);
        }
        assertEquals(1.0, mean[0], where);

        // the exports agree with the accessors
        String[] csv = t.toCsv().lines().toArray(String[]::new);
        assertEquals(t.cohortCount() + 1, csv.length, where);
        for (int r = 0; r < t.cohortCount(); r++) {
            String[] cells = csv[r + 1].split(",", -1);
            assertEquals(3 + t.offsetCount(), cells.length, where);
            for (int k = 0; k < t.offsetCount(); k++) {
                String cell = cells[3 + k];
                assertEquals(t.retention(r, k), cell.isEmpty() ? OptionalDouble.empty()
                        : OptionalDouble.of(Double.parseDouble(cell)), where);
            }
        }
        assertTrue(t.toString().startsWith("CohortTable: " + options.period().adjective()), where);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("fewerSeeds")
    void compute_isDeterministicAndObservingLongerNeverShrinksCohorts(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        TransactionLog log = RandomShops.log(rnd);
        if (log.isEmpty()) {
            return;
        }
        CohortPeriod period = EnumDraws.any(CohortPeriod.class, rnd);
        CohortTable whole = CohortRetention.compute(log, CohortOptions.defaults().withPeriod(period));
        assertEquals(whole, CohortRetention.compute(log, CohortOptions.defaults().withPeriod(period)), "seed=" + seed);
        long mid = log.minTime() + 1 + rnd.nextLong(log.maxPurchaseTime() - log.minTime() + 1);
        CohortOptions early = CohortOptions.defaults().withPeriod(period).withAsOf(Instant.ofEpochSecond(mid));
        if (log.minTime() >= mid || firstPurchase(log) >= mid) {
            return;
        }
        CohortTable part = CohortRetention.compute(log, early);
        assertTrue(part.totalCustomers() <= whole.totalCustomers(), "seed=" + seed);
        for (int r = 0; r < part.cohortCount(); r++) {
            int w = whole.indexOf(part.label(r));
            assertTrue(w >= 0, "seed=" + seed);
            assertTrue(part.size(r) <= whole.size(w), "seed=" + seed);
            for (int k = 0; k < part.offsetCount(); k++) {
                if (part.isObserved(r, k) && !part.isPartial(r, k) && k < whole.offsetCount()) {
                    // a complete cell only gains members of the cohort who had not been observed yet: none,
                    // since their first purchase is in the cohort period, which is before mid
                    assertEquals(whole.active(w, k), part.active(r, k), "seed=" + seed + " " + part.label(r) + " " + k);
                }
            }
        }
    }

    private static long firstPurchase(TransactionLog log) {
        long first = Long.MAX_VALUE;
        for (int i = 0; i < log.size(); i++) {
            if (!log.isCancellation(i)) {
                first = Math.min(first, log.time(i));
            }
        }
        return first;
    }

    /** One observed customer of the reference. */
    private static final class Customer {
        Instant first;
        Instant second;
        int orders;
        final Set<Long> offsets = new TreeSet<>();
    }

    /** The cohort table computed naively with java.time, customer by customer. */
    private static final class Reference {
        final CohortPeriod period;
        final ZoneId zone;
        final Instant end;
        final Instant endSecond;
        final TreeMap<LocalDate, List<Customer>> cohorts = new TreeMap<>();
        int columns;

        Reference(TransactionLog log, CohortOptions options) {
            period = options.period();
            zone = log.zone();
            long last = Long.MIN_VALUE;
            for (int i = 0; i < log.size(); i++) {
                if (!log.isCancellation(i)) {
                    last = Math.max(last, log.time(i));
                }
            }
            end = options.asOf() != null ? options.asOf() : Instant.ofEpochSecond(last + 1);
            // timestamps are whole seconds: observing until 12:00:00.5 observes the second 12:00:00 whole
            endSecond = end.getNano() == 0 ? end : Instant.ofEpochSecond(end.getEpochSecond() + 1);
            for (int c = 0; c < log.customerCount(); c++) {
                Customer m = new Customer();
                LocalDate cohort = null;
                Set<Integer> orders = new LinkedHashSet<>();
                for (int i = log.lineStart(c); i < log.lineEnd(c); i++) {
                    Instant t = Instant.ofEpochSecond(log.time(i));
                    if (log.isCancellation(i) || !t.isBefore(end)) {
                        continue;
                    }
                    LocalDate start = start(LocalDate.ofInstant(t, zone));
                    if (cohort == null) {
                        cohort = start;
                        m.first = t;
                    }
                    if (orders.add(log.order(i)) && orders.size() == 2) {
                        m.second = t;
                    }
                    m.offsets.add(between(cohort, start));
                }
                m.orders = orders.size();
                if (cohort != null) {
                    cohorts.computeIfAbsent(cohort, k -> new ArrayList<>()).add(m);
                }
            }
            if (!cohorts.isEmpty()) {
                LocalDate first = cohorts.firstKey();
                while (instant(plus(first, columns)).isBefore(end)
                        && (options.maxPeriods() == 0 || columns < options.maxPeriods())) {
                    columns++;
                }
            }
        }

        LocalDate start(LocalDate d) {
            return switch (period) {
                case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> d.withDayOfMonth(1);
                case QUARTER -> d.withMonth((d.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
            };
        }

        LocalDate plus(LocalDate start, long k) {
            return switch (period) {
                case WEEK -> start.plusWeeks(k);
                case MONTH -> start.plusMonths(k);
                case QUARTER -> start.plusMonths(3 * k);
            };
        }

        long between(LocalDate a, LocalDate b) {
            return switch (period) {
                case WEEK -> ChronoUnit.WEEKS.between(a, b);
                case MONTH -> ChronoUnit.MONTHS.between(a, b);
                case QUARTER -> ChronoUnit.MONTHS.between(a, b) / 3;
            };
        }

        Instant instant(LocalDate d) {
            return d.atStartOfDay(zone).toInstant();
        }

        String label(LocalDate start) {
            return switch (period) {
                case WEEK -> String.format(Locale.ROOT, "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                        start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                case MONTH -> start.toString().substring(0, 7);
                case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
            };
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("fewerSeeds")
    void sizes_partitionTheObservedCustomers(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        TransactionLog log = RandomShops.log(rnd);
        if (log.isEmpty()) {
            return;
        }
        CohortTable t = CohortRetention.compute(log, CohortOptions.defaults()
                .withPeriod(EnumDraws.any(CohortPeriod.class, rnd)));
        // without asOf every customer of the log is in exactly one cohort
        assertEquals(log.customerCount(), t.totalCustomers(), "seed=" + seed);
        assertEquals(log.customerCount(), java.util.Arrays.stream(t.sizes()).sum(), "seed=" + seed);
        assertArrayEquals(t.sizes(), java.util.Arrays.stream(t.activeCounts()).mapToInt(r -> r[0]).toArray(),
                "seed=" + seed);
    }
}
