package dev.retention.synth;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignTruthTest {

    private static SyntheticShop shop;
    private static CampaignTruth truth;

    @BeforeAll
    static void generate() {
        shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(4000).withSeed(11));
        truth = CampaignTruth.of(shop, new double[] {0.25, 0.05}, 12, 0.01, 7);
    }

    @Test
    void responses_followTheStatedShares_andEffects() {
        boolean[] alive = shop.aliveAtEnd();
        double[] lambda = shop.lambda();
        ShopTruth st = ShopTruth.of(shop);
        Map<CampaignTruth.Response, Integer> active = new EnumMap<>(CampaignTruth.Response.class);
        Map<CampaignTruth.Response, Integer> gone = new EnumMap<>(CampaignTruth.Response.class);
        int nActive = 0;
        int nGone = 0;
        for (int c = 0; c < shop.customerCount(); c++) {
            String id = shop.log().customers().id(c);
            double[] clv = st.clv(new String[] {id}, 12, 0.01);
            if (alive[c]) {
                nActive++;
                // active: value at stake = P(no purchase in 12 months) x the true CLV
                assertEquals(Math.exp(-lambda[c] * 365.25) * clv[0], truth.valueAtStake(id),
                        1e-9 * (1 + clv[0]));
            } else {
                nGone++;
            }
            for (int a = 0; a < 2; a++) {
                CampaignTruth.Response r = truth.response(id, a);
                (alive[c] ? active : gone).merge(r, 1, Integer::sum);
                double lift = a == 0 ? 0.25 : 0.05;
                double e = truth.effect(id, a);
                switch (r) {
                    case PERSUADABLE -> assertTrue(e >= 0.5 * lift && e <= 1.5 * lift, "" + e);
                    case DO_NOT_DISTURB -> assertEquals(-lift, e);
                    default -> assertEquals(0, e);
                }
                assertEquals(e * truth.valueAtStake(id) - 3, truth.incrementalValue(id, a, 3), 1e-9);
            }
        }
        // shares within 4 binomial standard deviations of the stated probabilities (2 actions per customer)
        check(active, CampaignTruth.Response.PERSUADABLE, 2 * nActive, 0.35);
        check(active, CampaignTruth.Response.SURE_THING, 2 * nActive, 0.45);
        check(active, CampaignTruth.Response.LOST_CAUSE, 2 * nActive, 0.10);
        check(active, CampaignTruth.Response.DO_NOT_DISTURB, 2 * nActive, 0.10);
        check(gone, CampaignTruth.Response.PERSUADABLE, 2 * nGone, 0.05);
        assertEquals(null, gone.get(CampaignTruth.Response.DO_NOT_DISTURB));
        assertEquals(null, gone.get(CampaignTruth.Response.SURE_THING));
    }

    private static void check(Map<CampaignTruth.Response, Integer> counts, CampaignTruth.Response r, int n, double p) {
        double got = counts.getOrDefault(r, 0);
        assertTrue(Math.abs(got - n * p) <= 4 * Math.sqrt(n * p * (1 - p)), r + ": " + got + " of " + n);
    }

    @Test
    void sameSeed_sameTruth_andTheShopUnchanged() {
        CampaignTruth again = CampaignTruth.of(shop, new double[] {0.25, 0.05}, 12, 0.01, 7);
        CampaignTruth other = CampaignTruth.of(shop, new double[] {0.25, 0.05}, 12, 0.01, 8);
        int differ = 0;
        for (int c = 0; c < shop.customerCount(); c++) {
            String id = shop.log().customers().id(c);
            assertEquals(truth.response(id, 0), again.response(id, 0));
            assertEquals(truth.effect(id, 1), again.effect(id, 1));
            differ += truth.response(id, 0) != other.response(id, 0) ? 1 : 0;
        }
        assertTrue(differ > 0);
        SyntheticShop regenerated = SyntheticShop.generate(shop.options());
        assertEquals(shop.log().size(), regenerated.log().size());
    }

    @Test
    void badArguments_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> CampaignTruth.of(shop, new double[0], 12, 0.01, 1));
        assertThrows(IllegalArgumentException.class, () -> CampaignTruth.of(shop, new double[] {2}, 12, 0.01, 1));
        assertThrows(IllegalArgumentException.class, () -> CampaignTruth.of(shop, new double[] {0.1}, 0, 0.01, 1));
        assertThrows(IllegalArgumentException.class, () -> truth.response("nobody", 0));
        assertThrows(IllegalArgumentException.class, () -> truth.effect(shop.log().customers().id(0), 2));
    }
}
