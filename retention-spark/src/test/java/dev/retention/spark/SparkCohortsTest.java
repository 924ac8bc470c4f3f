package dev.retention.spark;

import dev.retention.cohort.CohortOptions;
import dev.retention.cohort.CohortPeriod;
import dev.retention.cohort.CohortRetention;
import dev.retention.cohort.CohortTable;
import dev.retention.data.PurchaseRules;
import dev.retention.data.TransactionLog;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spark cohorts and repurchase counts against {@link CohortRetention} on the same lines: every count equal. */
class SparkCohortsTest {

    private static SparkSession spark;
    private static TestOrders data;
    private static TransactionLog log;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("SparkCohortsTest");
        data = TestOrders.random(31, 500, false);
        log = data.log(PurchaseRules.defaults().withCancellations(PurchaseRules.Cancellations.NET));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @ParameterizedTest
    @EnumSource(value = CohortPeriod.class, names = {"MONTH", "WEEK"})
    void countsEqualTheSingleJvmTable(CohortPeriod period) {
        CohortTable expected = CohortRetention.compute(log, CohortOptions.defaults().withPeriod(period));
        SparkCohortTable actual = SparkCohorts.compute(SparkOrders.of(data.dataset(spark), TestOrders.columns(),
                PurchaseRules.defaults().withCancellations(PurchaseRules.Cancellations.NET)), period, 0, null);
        assertSameTable(expected, actual);
    }

    /** Calendar periods of another zone (with its daylight-saving changes), as-of and column limits given. */
    @ParameterizedTest
    @EnumSource(value = CohortPeriod.class, names = {"MONTH", "WEEK"})
    void countsEqualTheSingleJvmTableOfALogInAnotherZone(CohortPeriod period) {
        ZoneId zone = ZoneId.of("America/New_York");
        PurchaseRules rules = PurchaseRules.defaults().withCancellations(PurchaseRules.Cancellations.NET);
        TransactionLog local = data.log(rules, zone);
        Instant asOf = Instant.ofEpochSecond(local.maxPurchaseTime() - 40 * 86_400L, 500_000_000);
        CohortTable expected = CohortRetention.compute(local, CohortOptions.defaults().withPeriod(period)
                .withAsOf(asOf).withMaxPeriods(7));
        SparkCohortTable actual = SparkCohorts.compute(SparkOrders.of(data.dataset(spark), TestOrders.columns(),
                rules), period, 7, asOf, zone);
        assertSameTable(expected, actual);
        // the zone matters on these lines: in UTC some count differs
        SparkCohortTable utc = SparkCohorts.compute(SparkOrders.of(data.dataset(spark), TestOrders.columns(),
                rules), period, 7, asOf);
        boolean differs = utc.cohortCount() != actual.cohortCount();
        for (int c = 0; !differs && c < actual.cohortCount(); c++) {
            differs = utc.size(c) != actual.size(c);
            for (int o = 0; o < actual.offsetCount(); o++) {
                differs |= utc.active(c, o) != actual.active(c, o);
            }
        }
        assertTrue(differs, "the UTC table equals the New York one");
    }

    private static void assertSameTable(CohortTable expected, SparkCohortTable actual) {
        assertEquals(expected.cohortCount(), actual.cohortCount());
        assertEquals(expected.offsetCount(), actual.offsetCount());
        for (int c = 0; c < expected.cohortCount(); c++) {
            assertEquals(expected.cohortStart(c), actual.cohortStart(c));
            assertEquals(expected.size(c), actual.size(c));
            assertEquals(expected.observedOffsets(c), actual.observedOffsets(c));
            assertEquals(expected.repeatCustomers(c), actual.repeatCustomers(c), "cohort " + c);
            for (int o = 0; o < expected.offsetCount(); o++) {
                assertEquals(expected.active(c, o), actual.active(c, o), "cohort " + c + " offset " + o);
            }
            for (int days : CohortRetention.REPURCHASE_WINDOWS_DAYS) {
                assertEquals(expected.eligibleWithin(c, days), actual.eligibleWithin(c, days), "cohort " + c);
                assertEquals(expected.repeatCustomersWithin(c, days), actual.repeatCustomersWithin(c, days),
                        "cohort " + c + " within " + days);
            }
        }
    }
}
