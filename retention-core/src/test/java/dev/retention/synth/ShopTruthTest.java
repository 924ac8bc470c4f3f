package dev.retention.synth;

import dev.retention.data.Orders;
import dev.retention.data.TransactionLog;
import dev.retention.synth.SyntheticShop.Options;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The truth in the models' terms: each quantity against its definition, and against what the same shop does when it
 * is followed for six more months (a shop generated with a longer tail draws the same purchases up to the shorter
 * one's end, then continues them). Statistical checks use 5 standard errors.
 */
class ShopTruthTest {

    private static final long DAY = 86_400;
    private static final int HORIZON_DAYS = 90;

    private static SyntheticShop shop;
    private static SyntheticShop longer;
    private static ShopTruth truth;
    private static String[] ids;

    @BeforeAll
    static void generate() {
        Options options = Options.defaults().withCustomers(6_000).withSeed(3).withoutNoise();
        shop = SyntheticShop.generate(options);
        longer = SyntheticShop.generate(options.withTailMonths(options.tailMonths() + 6));
        truth = ShopTruth.of(shop);
        ids = new String[shop.customerCount()];
        for (int c = 0; c < ids.length; c++) {
            ids[c] = shop.log().customers().id(c);
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /**
     * The closed form {@code (1 - exp(-lambda p t)) / p} equals its definition, the sum over purchases k of
     * {@code (1 - p)^(k-1) P(N(t) >= k)} with {@code N(t)} Poisson of mean {@code lambda t}, summed directly until
     * the terms vanish; relative tolerance 1e-10.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void expectedPurchases_equalsTheSumOverPurchases(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double lambda = Math.exp(random.nextDouble(-8, 0));         // 0.0003 .. 1 purchases a day
        double p = random.nextDouble() < 0.05 ? 0 : random.nextDouble(0.001, 1);
        double days = random.nextDouble(1, 400);
        double mean = lambda * days;
        double pmf = Math.exp(-mean);      // P(N = 0)
        double tail = 1 - pmf;             // P(N >= 1)
        double survive = 1;                // (1 - p)^(k-1)
        double sum = 0;
        for (int k = 1; k < 10_000 && tail > 1e-18; k++) {
            sum += survive * tail;
            pmf *= mean / k;               // P(N = k)
            tail -= pmf;                   // P(N >= k + 1)
            survive *= 1 - p;
        }
        double closed = ShopTruth.expectedPurchases(lambda, p, days);
        assertEquals(sum, closed, 1e-10 * Math.max(1, closed),
                "seed " + seed + ": lambda " + lambda + ", p " + p + ", days " + days);
    }

    @Test
    void expectedPurchases_rejectsArgumentsOutOfRange() {
        assertEquals("lambda must be finite and >= 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> ShopTruth.expectedPurchases(-1, 0.5, 10)).getMessage());
        assertEquals("p must be in [0, 1], got NaN", assertThrows(IllegalArgumentException.class,
                () -> ShopTruth.expectedPurchases(1, Double.NaN, 10)).getMessage());
        assertEquals("days must be finite and >= 0, got Infinity", assertThrows(IllegalArgumentException.class,
                () -> ShopTruth.expectedPurchases(1, 0.5, Double.POSITIVE_INFINITY)).getMessage());
        assertEquals(0.0, ShopTruth.expectedPurchases(0.2, 1, 0));
        assertEquals(2.0, ShopTruth.expectedPurchases(0.2, 0, 10), 1e-15);
    }

    @Test
    void aliveAtEnd_isTheShopsFlagByExternalId() {
        boolean[] alive = shop.aliveAtEnd();
        int[] labels = truth.aliveAtEnd(ids);
        for (int c = 0; c < ids.length; c++) {
            assertEquals(alive[c], truth.aliveAtEnd(ids[c]));
            assertEquals(alive[c] ? 1 : 0, labels[c]);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> truth.churnProbability(new String[] {ids[0], "no-such-customer"}, 0, 30));
        assertEquals("customer 'no-such-customer' is not in the synthetic shop", e.getMessage());
    }

    /** A customer who dropped out never buys again: every purchase after the end comes from one alive at the end. */
    @Test
    void aliveAtEnd_onlyCustomersAliveAtTheEndBuyLater() {
        int[] after = purchasesOfLonger(shop.endEpochSecond(), longer.endEpochSecond());
        int buyers = 0;
        for (int c = 0; c < ids.length; c++) {
            if (after[c] > 0) {
                assertTrue(truth.aliveAtEnd(ids[c]), ids[c] + " dropped out but bought again");
                buyers++;
            }
        }
        assertTrue(buyers > 100, "enough later buyers to mean something: " + buyers);
    }

    /**
     * Followed for 90 more days, the number of customers without a purchase agrees with the sum of the true
     * probabilities of no purchase, within 5 standard errors of that sum of independent Bernoulli variables.
     */
    @Test
    void churnProbability_agreesWithWhatTheShopDoesNext() {
        long end = shop.endEpochSecond();
        double[] q = truth.churnProbability(ids, end, HORIZON_DAYS);
        int[] next = purchasesOfLonger(end, end + HORIZON_DAYS * DAY);
        double expected = 0;
        double variance = 0;
        int observed = 0;
        for (int c = 0; c < ids.length; c++) {
            assertTrue(q[c] > 0 && q[c] <= 1, "probability " + q[c]);
            assertEquals(truth.aliveAtEnd(ids[c]) ? Math.exp(-shop.lambda()[c] * HORIZON_DAYS) : 1, q[c], 0);
            expected += q[c];
            variance += q[c] * (1 - q[c]);
            observed += next[c] == 0 ? 1 : 0;
        }
        assertEquals(expected, observed, 5 * Math.sqrt(variance), "customers without a purchase in 90 days");
    }

    /** Before the end, a customer who dropped out later is still active: the truth at an earlier instant. */
    @Test
    void churnProbability_beforeTheLastPurchaseIsThatOfAnActiveCustomer() {
        TransactionLog log = shop.log();
        double[] lambda = shop.lambda();
        for (int c = 0; c < ids.length; c++) {
            if (truth.aliveAtEnd(ids[c])) {
                continue;
            }
            long last = log.time(log.lineEnd(c) - 1);
            String[] one = {ids[c]};
            assertEquals(Math.exp(-lambda[c] * 30), truth.churnProbability(one, last, 30)[0], 0, ids[c]);
            assertEquals(1.0, truth.churnProbability(one, last + 1, 30)[0], ids[c]);
        }
        assertThrows(IllegalArgumentException.class, () -> truth.churnProbability(ids, 0, -1));
    }

    /**
     * Followed for six more months, the purchases agree with the sum of the true expected purchases, within 5
     * standard errors estimated from the customers' squared counts.
     */
    @Test
    void expectedPurchases_agreeWithWhatTheShopDoesNext() {
        long end = shop.endEpochSecond();
        double days = (longer.endEpochSecond() - end) / (double) DAY;
        double[] e = truth.expectedPurchases(ids, days);
        int[] next = purchasesOfLonger(end, longer.endEpochSecond());
        double expected = 0;
        double squares = 0;
        long observed = 0;
        for (int c = 0; c < ids.length; c++) {
            if (!truth.aliveAtEnd(ids[c])) {
                assertEquals(0.0, e[c]);
            }
            expected += e[c];
            observed += next[c];
            squares += (next[c] - e[c]) * (next[c] - e[c]);
        }
        assertEquals(expected, (double) observed, 5 * Math.sqrt(squares), "purchases in the six months after the end");
    }

    /** Undiscounted, the monthly sums telescope to the expected purchases of the whole horizon times the mean value. */
    @Test
    void clv_undiscountedIsExpectedPurchasesTimesMeanOrderValue() {
        double[] clv = truth.clv(ids, 12, 0);
        double[] e = truth.expectedPurchases(ids, 12 * 365.25 / 12);
        double[] nu = shop.nu();
        double spendP = shop.options().spendP();
        for (int c = 0; c < ids.length; c++) {
            assertEquals(e[c] * spendP / nu[c], clv[c], 1e-12 * Math.max(1, clv[c]), ids[c]);
        }
        double[] discounted = truth.clv(ids, 12, 0.01);
        for (int c = 0; c < ids.length; c++) {
            assertTrue(discounted[c] <= clv[c] && discounted[c] >= clv[c] / Math.pow(1.01, 12), ids[c]);
        }
        assertArrayEquals(new double[ids.length], truth.clv(ids, 0, 0.01));
        assertThrows(IllegalArgumentException.class, () -> truth.clv(ids, -1, 0.01));
        assertEquals("monthlyRate must be finite and > -1, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> truth.clv(ids, 12, -1)).getMessage());
    }

    @Test
    void toString_countsTheActiveCustomers() {
        int active = 0;
        for (boolean a : shop.aliveAtEnd()) {
            active += a ? 1 : 0;
        }
        assertEquals(String.format(java.util.Locale.ROOT, "ShopTruth of 6,000 customers, %,d active at the end "
                + "(seed 3)", active), truth.toString());
    }

    /** Purchases (orders) of each customer of the longer shop in {@code [from, to)}, by the shorter shop's index. */
    private static int[] purchasesOfLonger(long from, long to) {
        TransactionLog log = longer.log();
        assertEquals(shop.customerCount(), log.customerCount(), "the same customers");
        Orders orders = log.orders(false);
        int[] n = new int[log.customerCount()];
        for (int c = 0; c < n.length; c++) {
            assertEquals(ids[c], log.customers().id(c));
            for (int o = orders.orderStart(c); o < orders.orderEnd(c); o++) {
                long t = orders.time(o);
                n[c] += t >= from && t < to ? 1 : 0;
            }
        }
        return n;
    }
}
