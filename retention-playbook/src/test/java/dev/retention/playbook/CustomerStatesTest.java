package dev.retention.playbook;

import dev.retention.rfm.CustomerStatus;

import dev.retention.data.TransactionLog;
import dev.retention.synth.SyntheticShop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomerStatesTest {

    private static SyntheticShop shop;

    @BeforeAll
    static void generate() {
        shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(1500).withSeed(3));
    }

    /**
     * P(churn) against scipy: {@code 1 - P(alive) (1 - E[exp(-lambda h)])} with the expectation integrated by
     * {@code scipy.integrate.quad} over {@code scipy.stats.gamma}'s density ({@code src/test/python/churn_probability.py},
     * scipy 1.17.1); tolerance 1e-9 (quad's own accuracy on the singular density of shape 0.25).
     */
    @ParameterizedTest
    @CsvSource({"0.25, 7.0, 0.8, 0, 10, 52, 0.76362460601116944",
            "0.25, 7.0, 1.0, 3, 40, 52, 0.088818545294722329",
            "1.5, 2.0, 0.3, 10, 80, 13, 0.7552279720400028",
            "0.6, 12.5, 0.55, 1, 3, 26, 0.56376703819321561"})
    void churnProbability_matchesScipy(double r, double alpha, double alive, int x, double age, double h,
                                       double expected) {
        assertEquals(expected, CustomerStates.churnProbability(r, alpha, alive, x, age, h), 1e-9);
    }

    @Test
    void states_followTheDefinitions() {
        Instant asOf = LocalDate.of(2023, 4, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        CustomerStates states = CustomerStates.compute(shop.log(), asOf, CustomerStates.Options.defaults());
        CustomerStates.Options o = states.options();
        java.util.Map<CustomerStatus, Integer> count = new java.util.EnumMap<>(CustomerStatus.class);
        for (CustomerState s : states.states()) {
            count.merge(s.status(), 1, Integer::sum);
            boolean lapsed = s.aliveProbability() < o.lapsedBelowAlive() || s.recencyDays() >= o.lapsedAfterDays();
            assertEquals(lapsed, s.status() == CustomerStatus.LAPSED, s.toString());
            if (!lapsed) {
                assertEquals(s.churnProbability() >= o.atRiskFrom(), s.status() == CustomerStatus.AT_RISK,
                        s.toString());
            }
            assertTrue(s.churnProbability() >= 1 - s.aliveProbability() - 1e-12, "P(churn) >= P(dead)");
        }
        assertEquals(3, count.size(), "every status occurs: " + count);
    }

    @Test
    void customersWithNoPurchaseBeforeTheAsOfDate_areLeftOut() {
        Instant asOf = LocalDate.of(2022, 7, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        CustomerStates states = CustomerStates.compute(shop.log(), asOf, CustomerStates.Options.defaults());
        TransactionLog log = shop.log();
        Set<String> before = new HashSet<>();
        for (int i = 0; i < log.size(); i++) {
            if (log.time(i) < asOf.getEpochSecond() && !log.isCancellation(i)) {
                before.add(log.customers().id(log.customer(i)));
            }
        }
        Set<String> got = new HashSet<>();
        states.states().forEach(s -> got.add(s.id()));
        assertEquals(before, got);
        assertTrue(got.size() < log.customerCount());
    }

    @Test
    void clustersAndItems_comeFromTheCallersModels() {
        Instant asOf = LocalDate.of(2022, 7, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        CustomerStates states = CustomerStates.compute(shop.log(), asOf, CustomerStates.Options.defaults());
        CustomerStates with = states.withClusters(c -> c.recencyDays() > 90 ? 1 : 0)
                .withItems(c -> List.of("item-of-" + c.id()));
        assertEquals(states.states().size(), with.states().size());
        for (int i = 0; i < states.states().size(); i++) {
            CustomerState before = states.states().get(i);
            CustomerState after = with.states().get(i);
            assertEquals(CustomerState.NO_CLUSTER, before.cluster());
            assertEquals(List.of(), before.items());
            assertEquals(before.recencyDays() > 90 ? 1 : 0, after.cluster());
            assertEquals(List.of("item-of-" + before.id()), after.items());
            assertEquals(before.withCluster(after.cluster()).withItems(after.items()), after);
        }
    }

    @Test
    void asOfOutsideTheData_isRefusedNamingTheDates() {
        Instant early = LocalDate.of(2021, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CustomerStates.compute(shop.log(), early, CustomerStates.Options.defaults()));
        assertTrue(e.getMessage().startsWith("asOf 2021-01-01T00:00:00Z is not after the first purchase 2022-01-01"),
                e.getMessage());
        Instant late = LocalDate.of(2030, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        e = assertThrows(IllegalArgumentException.class,
                () -> CustomerStates.compute(shop.log(), late, CustomerStates.Options.defaults()));
        assertTrue(e.getMessage().startsWith("asOf 2030-01-01T00:00:00Z is after the data: the last purchase is 2023-06"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CustomerStates.Options.defaults().withHorizonMonths(0));
    }
}
