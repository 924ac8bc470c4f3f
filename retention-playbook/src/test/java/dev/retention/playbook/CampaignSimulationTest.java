package dev.retention.playbook;

import dev.retention.synth.CampaignTruth;
import dev.retention.synth.SyntheticShop;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignSimulationTest {

    @Test
    void policy_beatsRandomAndHighestRisk_andNothingBeatsTheOracle() {
        SyntheticShop shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(3000).withSeed(5));
        CustomerStates states = CustomerStates.compute(shop.log(), Instant.ofEpochSecond(shop.endEpochSecond()),
                CustomerStates.Options.defaults());
        List<Action> actions = Actions.defaults();
        CampaignTruth truth = CampaignTruth.of(shop, new double[] {0.25, 0.05}, 12, 0.01, 5);
        CampaignSimulation sim = CampaignSimulation.compute(states.states(), actions, truth,
                new double[] {0.1, 0.2, 0.5}, 5);
        assertEquals(3, sim.budgets().size());
        for (CampaignSimulation.Budget b : sim.budgets()) {
            System.err.println(b);
            assertEquals(Math.round(b.share() * 3000), b.contacts());
            assertTrue(b.policyContacts() <= b.contacts(), b.toString());
            assertTrue(b.oracleValue() >= b.policyValue(), b.toString());
            assertTrue(b.oracleValue() >= b.randomValue(), b.toString());
            assertTrue(b.oracleValue() >= b.highestRiskValue(), b.toString());
            assertTrue(b.policyValue() > b.randomValue(), b.toString());
            assertTrue(b.policyValue() > b.highestRiskValue(), b.toString());
            // the default effects are below the true average ones here: the policy must not lose money
            assertTrue(b.policyValue() > 0, b.toString());
        }
    }
}
