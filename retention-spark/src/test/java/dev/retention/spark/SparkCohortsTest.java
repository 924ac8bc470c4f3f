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

import static org.junit.jupiter.api.Assertions.assertEquals;

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
