package dev.retention.rfm;

import dev.retention.data.PurchaseRules;
import dev.retention.data.TransactionLog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link HeavyCancellers}: Online Retail's customer 12346 bought 77,183.60 and cancelled all of it, and
 * with the default rules scores M = 5; the analysis names such customers whatever the cancellation policy.
 */
class HeavyCancellersTest {

    /** A bought 100 and cancelled 100; B bought 200 and cancelled 60; C bought 50 and cancelled 30; D cancelled nothing. */
    private static TransactionLog log(PurchaseRules.Cancellations policy) {
        TransactionLog.Builder b = TransactionLog.builder(PurchaseRules.defaults().withCancellations(policy));
        b.add("A", "1", "x", 0, 10, 10);
        b.add("A", "C1", "x", 60, -10, 10, true);
        b.add("B", "2", "x", 0, 20, 10);
        b.add("B", "C2", "x", 60, -6, 10, true);
        b.add("C", "3", "x", 0, 5, 10);
        b.add("C", "C3", "x", 60, -3, 10, true);
        b.add("D", "4", "x", 0, 1, 10);
        return b.build();
    }

    @ParameterizedTest
    @EnumSource(PurchaseRules.Cancellations.class)
    void compute_findsWhoCancelledAtLeastTheShare_whateverThePolicy(PurchaseRules.Cancellations policy) {
        TransactionLog log = log(policy);
        assertEquals(100.0, log.cancelledAmount(log.customers().indexOf("A")), 1e-12);
        assertEquals(0.0, log.cancelledAmount(log.customers().indexOf("D")), 0.0);

        HeavyCancellers half = HeavyCancellers.compute(log, 0.5);
        assertArrayEquals(new String[] {"A", "C"}, half.customers());
        assertArrayEquals(new double[] {100, 50}, half.bought(), 1e-12);
        assertArrayEquals(new double[] {100, 30}, half.cancelled(), 1e-12);

        HeavyCancellers some = HeavyCancellers.compute(log, 0.3);
        assertArrayEquals(new String[] {"A", "B", "C"}, some.customers());   // largest cancelled amount first
        assertTrue(some.summary(2).startsWith("3 customers cancelled at least 30% of what they bought (A: 100.00 of"
                + " 100.00; B: 60.00 of 200.00; ...)"), some.summary(2));
    }

    @Test
    void compute_refusesAShareOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> HeavyCancellers.compute(log(PurchaseRules.Cancellations.SKIP), 0));
        assertThrows(IllegalArgumentException.class, () -> HeavyCancellers.compute(log(PurchaseRules.Cancellations.SKIP), 1.5));
    }

    @Test
    void summary_isEmptyWhenNobodyCancelled() {
        TransactionLog.Builder b = TransactionLog.builder();
        b.add("A", "1", "x", 0, 1, 1);
        assertEquals("", HeavyCancellers.compute(b.build(), 0.5).summary(3));
    }
}
