package dev.retention.playbook;

import dev.retention.rfm.CustomerStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EstimatedEffectTest {

    private static CustomerState state(String id, double churn, double alive, double clv) {
        return new CustomerState(id, "At Risk", churn, alive, 1, clv, 30, CustomerStatus.AT_RISK);
    }

    @Test
    void share_isTheUpliftOverPChurn_soTheSavedValueIsUpliftTimesTheValueOfAKeptCustomer() {
        EstimatedEffect e = new EstimatedEffect("coupon.model", Map.of("a", 0.1, "b", 0.9, "c", -0.05, "z", 0.2), 0);
        CustomerState a = state("a", 0.5, 0.8, 400);
        // a kept customer brings 400 / 0.8 = 500; at stake (0.5 - (1 - 0.8)) x 500 = 150; uplift 0.1 saves 50
        assertEquals(500, a.valueIfKept(), 1e-9);
        assertEquals(150, a.valueAtStake(), 1e-9);
        assertEquals(1.0 / 3, e.share(a), 1e-12);
        Action coupon = new Action("coupon", 5, Eligibility.notLapsed(), e);
        assertEquals(0.1 * 400 / 0.8 - 5, coupon.expectedValue(a), 1e-9);
        // no more than the value at stake can be saved; a negative uplift is a loss
        assertEquals(1, e.share(state("b", 0.5, 0.8, 400)), 0.0);
        assertEquals(-0.05 / 0.3, e.share(state("c", 0.5, 0.8, 400)), 1e-12);
        // nothing at stake (no churn, or only the churn of having left already), nothing saved
        assertEquals(0, e.share(state("z", 0, 0.8, 400)), 0.0);
        assertEquals(0, e.share(state("z", 0.2, 0.8, 400)), 0.0);
        assertEquals(0, e.share(state("unknown", 0.5, 0.8, 400)), 0.0);
        assertEquals(0.03, new EstimatedEffect("m", Map.of(), 0.03).share(state("unknown", 0.5, 0.8, 400)), 0.0);
        assertEquals("uplift model coupon.model", e.source());
        assertTrue(e.describe().startsWith("estimated by uplift model coupon.model: mean uplift +0.2875"),
                e.describe());
        Contact contact = new Contact(a, coupon, coupon.expectedValue(a));
        assertEquals("At Risk, at risk, P(churn) 0.50, 12-month CLV 400: coupon, expected +45 (estimated 33.3% of "
                + "value at stake 150 by uplift model coupon.model, cost 5.00)", contact.reason(12));
    }

    @Test
    void badEstimates_areRefusedNamingTheCustomer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EstimatedEffect("m", Map.of("a", Double.NaN), 0));
        assertEquals("uplift of customer a must be in [-1, 1], got NaN", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EstimatedEffect("m", Map.of("a", 1.5), 0));
        assertThrows(IllegalArgumentException.class, () -> new EstimatedEffect(" ", Map.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> new EstimatedEffect("m", Map.of(), 2));
    }

    @Test
    void clustersAndItems_areCarriedByTheStateAndNamedInTheReason() {
        CustomerState s = state("a", 0.71, 0.8, 420).withCluster(2).withItems(List.of("85123A", "22423"));
        assertEquals(2, s.cluster());
        assertEquals(List.of("85123A", "22423"), s.items());
        Action coupon = new Action("win-back coupon", 5, Eligibility.notLapsed(), Effect.everywhere(0.1));
        assertEquals("At Risk, at risk, cluster 2, P(churn) 0.71, 12-month CLV 420: win-back coupon, expected +22 "
                + "(assumed 10.0% of value at stake 268, cost 5.00)", new Contact(s, coupon, coupon.expectedValue(s))
                .reason(12));
        assertEquals(CustomerState.NO_CLUSTER, state("b", 0.5, 0.5, 1).cluster());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.withCluster(-2));
        assertEquals("cluster of customer a must be >= 0 or -1 (none), got -2", e.getMessage());
    }
}
