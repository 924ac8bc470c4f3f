package dev.retention.synth;

import dev.retention.data.IdIndex;
import dev.retention.data.LineCounts;
import dev.retention.data.Orders;
import dev.retention.data.PurchaseRules;
import dev.retention.data.SkipReason;
import dev.retention.data.TransactionLog;
import dev.retention.synth.SyntheticShop.Dropout;
import dev.retention.synth.SyntheticShop.Options;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The synthetic shop: determinism, invariants over random small shops, the noise knobs, and the
 * statistics of the generated log against the ground truth. Statistical checks use tolerances of 5
 * standard errors (stated at each check), so that a correct generator passes for practically any
 * seed while a wrong process (for example dropping out after the first purchase under BG/NBD) is far
 * outside them.
 */
class SyntheticShopTest {

    /** A clean shop large enough for the statistical checks (about 100,000 lines). */
    private static SyntheticShop large;

    @BeforeAll
    static void generateLargeShop() {
        large = SyntheticShop.generate(Options.defaults().withCustomers(20_000).withSeed(2024).withoutNoise());
    }

    @Test
    void generate_isDeterministicForSeed() {
        Options options = Options.defaults().withCustomers(1_500).withSeed(7);
        SyntheticShop first = SyntheticShop.generate(options);
        SyntheticShop second = SyntheticShop.generate(options);
        assertSameLog(first.log(), second.log());
        assertArrayEquals(first.lambda(), second.lambda());
        assertArrayEquals(first.dropoutP(), second.dropoutP());
        assertArrayEquals(first.nu(), second.nu());
        assertArrayEquals(first.aliveAtEnd(), second.aliveAtEnd());
        assertArrayEquals(first.acquisitionTimes(), second.acquisitionTimes());
        assertEquals(first.toString(), second.toString());
    }

    /**
     * The same options must give the same shop in every JVM, on every platform and in every future
     * version, since demos and tests elsewhere quote its numbers. If this fails after a deliberate change
     * of the generating process, update the fingerprint and say so in the commit message.
     */
    @Test
    void generate_matchesItsPinnedFingerprint() throws Exception {
        SyntheticShop shop = SyntheticShop.generate(Options.defaults().withCustomers(400).withSeed(11));
        TransactionLog log = shop.log();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteBuffer buffer = ByteBuffer.allocate(40);
        for (int i = 0; i < log.size(); i++) {
            buffer.clear();
            buffer.putLong(log.customers().longId(log.customer(i))).putLong(log.time(i))
                    .putDouble(log.quantity(i)).putDouble(log.unitPrice(i)).putDouble(log.amount(i));
            sha.update(buffer.array());
            sha.update((log.orders().id(log.order(i)) + ' ' + log.items().id(log.item(i)) + '\n')
                    .getBytes(StandardCharsets.US_ASCII));
        }
        for (double[] truth : new double[][] {shop.lambda(), shop.dropoutP(), shop.nu()}) {
            for (double x : truth) {
                buffer.clear();
                sha.update(buffer.putDouble(x).array(), 0, Double.BYTES);
            }
        }
        sha.update(log.lineCounts().toString().getBytes(StandardCharsets.US_ASCII));
        assertEquals("567706b418a9d11f9921bef2ae1479dcec59340aa7b880e517e229d934f5a1d2", HexFormat.of().formatHex(sha.digest()),
                () -> "fingerprint of the shop of seed 11 with 400 customers: " + shop);
    }

    @Test
    void generate_differsForDifferentSeeds() {
        Options options = Options.defaults().withCustomers(500);
        SyntheticShop a = SyntheticShop.generate(options.withSeed(1));
        SyntheticShop b = SyntheticShop.generate(options.withSeed(2));
        assertFalse(Arrays.equals(a.lambda(), b.lambda()), "purchase rates of seeds 1 and 2");
        assertFalse(Arrays.equals(a.log().amounts(), b.log().amounts()), "amounts of seeds 1 and 2");
        assertFalse(Arrays.equals(a.log().times(), b.log().times()), "times of seeds 1 and 2");
    }

    static LongStream seeds() {
        return LongStream.range(0, 50);
    }

    /** Random small shops: every option drawn from its plausible range, noise on, either purchase rule. */
    static Options randomOptions(long seed) {
        Random random = new Random(seed);
        return new Options(seed, 20 + random.nextInt(300), 1 + random.nextInt(200),
                LocalDate.of(2015 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                1 + random.nextInt(8), random.nextDouble() * 0.4 - 0.2, random.nextInt(5),
                random.nextBoolean() ? Dropout.AFTER_REPEAT_PURCHASES : Dropout.AFTER_EVERY_PURCHASE,
                0.1 + random.nextDouble() * 2, 5 + random.nextDouble() * 60, 0.2 + random.nextDouble() * 3,
                0.2 + random.nextDouble() * 5, 0.5 + random.nextDouble() * 10, 0.5 + random.nextDouble() * 6,
                0.1 + random.nextDouble() * 100, 1 + random.nextDouble() * 5, 1 + random.nextInt(30),
                1 + random.nextInt(16), random.nextDouble() * 2.5, random.nextDouble() * 2,
                random.nextDouble() * 0.2, random.nextDouble() * 0.2, random.nextDouble() * 0.1,
                random.nextDouble() * 0.1,
                random.nextBoolean() ? PurchaseRules.defaults()
                        : PurchaseRules.defaults().withCancellations(PurchaseRules.Cancellations.NET));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generate_keepsItsInvariants(long seed) {
        Options options = randomOptions(seed);
        SyntheticShop shop = SyntheticShop.generate(options);
        TransactionLog log = shop.log();
        Supplier<String> where = () -> "seed " + seed + ", " + options;
        int n = options.customers();
        long start = shop.startEpochSecond();
        long end = shop.endEpochSecond();
        assertEquals(n, log.customerCount(), where);
        assertEquals(n, shop.customerCount(), where);
        assertEquals(start, options.start().atStartOfDay(ZoneOffset.UTC).toEpochSecond(), where);

        double[] lambda = shop.lambda();
        double[] p = shop.dropoutP();
        double[] nu = shop.nu();
        long[] acquisition = shop.acquisitionTimes();
        assertEquals(n, lambda.length, where);
        IdIndex customers = log.customers();
        assertTrue(customers.isNumeric(), where);
        for (int c = 0; c < n; c++) {
            int customer = c;
            assertEquals(100_001L + c, customers.longId(c), where);
            assertTrue(lambda[c] >= 0 && Double.isFinite(lambda[c]), where);
            assertTrue(p[c] >= 0 && p[c] <= 1, where);
            assertTrue(nu[c] > 0 && Double.isFinite(nu[c]), where);
            assertTrue(acquisition[c] >= start && acquisition[c] < end, where);
            int first = log.lineStart(c);
            assertTrue(log.lineEnd(c) > first, where);
            assertEquals(acquisition[c], log.time(first), () -> "first line of customer " + customer + ", " + where.get());
            assertFalse(log.isCancellation(first), where);
            if (c > 0) {
                assertTrue(acquisition[c] >= acquisition[c - 1], "customers numbered in order of acquisition");
            }
        }

        for (int i = 0; i < log.size(); i++) {
            int line = i;
            Supplier<String> at = () -> "line " + line + ", " + where.get();
            assertTrue(log.unitPrice(i) > 0, at);
            assertTrue(log.time(i) >= start && log.time(i) < end, at);
            double q = log.quantity(i);
            assertEquals(Math.rint(q), q, at);
            if (log.isCancellation(i)) {
                assertTrue(q <= -1, at);
                assertTrue(log.orders().id(log.order(i)).startsWith("C"), at);
            } else {
                assertTrue(q >= 1, at);
                assertTrue(isDigits(log.orders().id(log.order(i))), at);
            }
            assertEquals(Math.rint(log.unitPrice(i) * 100), log.unitPrice(i) * 100, 1e-6, at);
            assertTrue(log.items().id(log.item(i)).matches("SKU-\\d{5,}"), at);
            if (i > 0) {
                boolean sorted = log.customer(i - 1) < log.customer(i)
                        || (log.customer(i - 1) == log.customer(i) && log.time(i - 1) <= log.time(i));
                assertTrue(sorted, at);
            }
        }

        // Orders: one customer each, at most maxLinesPerOrder lines, no item twice.
        Orders orders = log.orders(false);
        int maxLines = Math.min(options.maxLinesPerOrder(), options.items());
        for (int o = 0; o < orders.size(); o++) {
            assertTrue(orders.lineCount(o) <= maxLines, where);
        }
        Set<Long> orderItems = new HashSet<>();
        for (int i = 0; i < log.size(); i++) {
            if (!log.isCancellation(i)) {
                assertTrue(orderItems.add(((long) log.order(i) << 32) | log.item(i)), where);
            }
        }
        LineCounts counts = log.lineCounts();
        assertEquals(0, counts.skipped(SkipReason.MALFORMED), where);
    }

    @Test
    void generate_withoutNoiseHasTheSamePurchasesAndSkipsNothing() {
        Options noisy = Options.defaults().withCustomers(3_000).withSeed(5);
        SyntheticShop withNoise = SyntheticShop.generate(noisy);
        SyntheticShop clean = SyntheticShop.generate(noisy.withoutNoise());

        LineCounts noiseCounts = withNoise.log().lineCounts();
        for (SkipReason reason : new SkipReason[] {SkipReason.MISSING_CUSTOMER, SkipReason.CANCELLATION,
                SkipReason.NON_POSITIVE_QUANTITY, SkipReason.NON_POSITIVE_PRICE}) {
            assertTrue(noiseCounts.skipped(reason) > 0, reason + " lines with the noise knobs on: " + noiseCounts);
        }
        assertEquals(0, noiseCounts.skipped(SkipReason.MALFORMED), "a generator has nothing malformed");
        LineCounts cleanCounts = clean.log().lineCounts();
        assertEquals(0, cleanCounts.skipped(), () -> "skipped lines without noise: " + cleanCounts);
        assertEquals(clean.log().size(), cleanCounts.read());

        // Noise comes from its own streams and is skipped by the default rules: the same kept lines.
        assertSameLines(clean.log(), withNoise.log());
        assertArrayEquals(clean.lambda(), withNoise.lambda());
        assertArrayEquals(clean.aliveAtEnd(), withNoise.aliveAtEnd());
    }

    @Test
    void generate_eachNoiseKnobShowsAsItsSkipReason() {
        Options none = Options.defaults().withCustomers(2_000).withoutNoise();
        assertOnlySkipped(none.withGuestOrderRate(0.05), SkipReason.MISSING_CUSTOMER);
        assertOnlySkipped(none.withCancellationRate(0.05), SkipReason.CANCELLATION);
        assertOnlySkipped(none.withAdjustmentRate(0.05), SkipReason.NON_POSITIVE_QUANTITY);
        assertOnlySkipped(none.withFreeGiftRate(0.05), SkipReason.NON_POSITIVE_PRICE);
    }

    private static void assertOnlySkipped(Options options, SkipReason expected) {
        LineCounts counts = SyntheticShop.generate(options).log().lineCounts();
        for (SkipReason reason : SkipReason.values()) {
            if (reason == expected) {
                assertTrue(counts.skipped(reason) > 0, reason + ": " + counts);
            } else {
                assertEquals(0, counts.skipped(reason), () -> reason + " with only " + expected + " on: " + counts);
            }
        }
    }

    @Test
    void generate_netsCancellationsUnderNetRules() {
        Options options = Options.defaults().withCustomers(2_000).withoutNoise().withCancellationRate(0.1)
                .withRules(PurchaseRules.defaults().withCancellations(PurchaseRules.Cancellations.NET));
        TransactionLog log = SyntheticShop.generate(options).log();
        assertTrue(log.hasCancellations());
        assertEquals(0, log.lineCounts().skipped(), log.lineCounts()::toString);
        int netted = 0;
        for (int i = 0; i < log.size(); i++) {
            if (log.isCancellation(i)) {
                netted++;
                assertTrue(log.amount(i) < 0 && log.quantity(i) < 0, "netted line " + i);
                String cancelled = log.orders().id(log.order(i)).substring(1);
                assertTrue(log.orders().indexOf(cancelled) >= 0, "cancellation of an order in the log: " + cancelled);
            }
        }
        assertEquals(netted, log.lineCounts().netted());
        assertTrue(netted > 0);
    }

    @Test
    void generate_truthIsIndexedByTheLogsCustomerIndex() {
        SyntheticShop shop = SyntheticShop.generate(Options.defaults().withCustomers(300).withSeed(3));
        TransactionLog log = shop.log();
        long[] acquisition = shop.acquisitionTimes();
        for (int c = 0; c < log.customerCount(); c++) {
            int dense = log.customers().indexOf(Long.toString(100_001L + c));
            assertEquals(c, dense);
            assertEquals(acquisition[dense], log.time(log.lineStart(dense)));
        }
    }

    @Test
    void generate_meansOfTheTruthMatchThePriors() {
        Options o = large.options();
        double[] lambda = large.lambda();
        double[] p = large.dropoutP();
        double[] nu = large.nu();
        int n = lambda.length;
        // Gamma(r, alpha): mean r / alpha, variance r / alpha^2; 5 standard errors of the mean.
        assertEquals(o.r() / o.alpha(), mean(lambda), 5 * Math.sqrt(o.r() / (o.alpha() * o.alpha()) / n), "mean lambda");
        // Beta(a, b): mean a / (a + b), variance ab / ((a + b)^2 (a + b + 1)).
        double ab = o.a() + o.b();
        assertEquals(o.a() / ab, mean(p), 5 * Math.sqrt(o.a() * o.b() / (ab * ab * (ab + 1)) / n), "mean p");
        // Gamma(q, gamma): mean q / gamma, variance q / gamma^2.
        double g = o.spendGamma();
        assertEquals(o.spendQ() / g, mean(nu), 5 * Math.sqrt(o.spendQ() / (g * g) / n), "mean nu");
    }

    @Test
    void generate_aliveAndRepeatBuyersMatchTheBgNbdProcess() {
        assertProcessMatchesTruth(large, false);
    }

    @Test
    void generate_dropsOutAfterTheFirstPurchaseInTheMbgNbdVariant() {
        SyntheticShop mbg = SyntheticShop.generate(Options.defaults().withCustomers(10_000).withSeed(99)
                .withoutNoise().withDropout(Dropout.AFTER_EVERY_PURCHASE));
        assertProcessMatchesTruth(mbg, true);
    }

    /**
     * Given a customer's lambda, p and time to the end T (days), with dropout possible after the first
     * purchase or not (d = 1 or 0), the process implies
     * <ul>
     *   <li>P(alive at the end) = (1 - p)^d exp(-p lambda T) (the number of repeat purchases while alive
     *       is Poisson, each followed by a dropout chance);</li>
     *   <li>P(at least one repeat purchase) = (1 - p)^d (1 - exp(-lambda T));</li>
     *   <li>E[repeat purchases] = (1 - p)^d (1 - exp(-lambda p T)) / p (Fader, Hardie and Lee 2005, eq. 7).</li>
     * </ul>
     * Alive and repeat-buyer counts are sums of independent Bernoullis given the truth, so their
     * standard deviation is sqrt(sum pi (1 - pi)); the repeat-purchase total uses its empirical
     * standard deviation. Tolerances are 5 standard deviations.
     */
    private static void assertProcessMatchesTruth(SyntheticShop shop, boolean dropAtFirst) {
        TransactionLog log = shop.log();
        Orders orders = log.orders(false);
        double[] lambda = shop.lambda();
        double[] p = shop.dropoutP();
        boolean[] alive = shop.aliveAtEnd();
        long[] acquisition = shop.acquisitionTimes();
        double end = shop.endEpochSecond();
        int n = lambda.length;
        double aliveSum = 0;
        double aliveExpected = 0;
        double aliveVariance = 0;
        double repeatSum = 0;
        double repeatExpected = 0;
        double repeatVariance = 0;
        double purchasesSum = 0;
        double purchasesExpected = 0;
        double purchasesSquares = 0;
        for (int c = 0; c < n; c++) {
            double t = (end - acquisition[c]) / 86_400.0;
            double survive = dropAtFirst ? 1 - p[c] : 1.0;
            double piAlive = survive * Math.exp(-p[c] * lambda[c] * t);
            double piRepeat = survive * -Math.expm1(-lambda[c] * t);
            double expectedRepeats = survive * (p[c] > 0 ? -Math.expm1(-lambda[c] * p[c] * t) / p[c] : lambda[c] * t);
            int repeats = orders.orderEnd(c) - orders.orderStart(c) - 1;
            aliveSum += alive[c] ? 1 : 0;
            aliveExpected += piAlive;
            aliveVariance += piAlive * (1 - piAlive);
            repeatSum += repeats > 0 ? 1 : 0;
            repeatExpected += piRepeat;
            repeatVariance += piRepeat * (1 - piRepeat);
            purchasesSum += repeats;
            purchasesExpected += expectedRepeats;
            purchasesSquares += (repeats - expectedRepeats) * (repeats - expectedRepeats);
        }
        assertEquals(aliveExpected, aliveSum, 5 * Math.sqrt(aliveVariance), "customers alive at the end");
        assertEquals(repeatExpected, repeatSum, 5 * Math.sqrt(repeatVariance), "repeat buyers");
        assertEquals(purchasesExpected, purchasesSum, 5 * Math.sqrt(purchasesSquares), "repeat purchases");
        double deadShare = 1 - aliveSum / n;
        assertTrue(deadShare > 0.05 && deadShare < 0.6, "share of inactive customers " + deadShare);
    }

    @Test
    void generate_orderValuesFollowGammaGamma() {
        // Given nu, an order's value z ~ Gamma(p, nu), so z nu / p has mean 1 and variance 1 / p. Amounts
        // equal z up to rounding to cents (at most half a cent per unit), allowed for by 0.002.
        TransactionLog log = large.log();
        Orders orders = log.orders(false);
        double[] nu = large.nu();
        double p = large.options().spendP();
        double sum = 0;
        for (int o = 0; o < orders.size(); o++) {
            sum += orders.amount(o) * nu[orders.customer(o)] / p;
        }
        int m = orders.size();
        assertEquals(1.0, sum / m, 5 * Math.sqrt(1.0 / (p * m)) + 0.002, "mean of amount * nu / p over orders");
        double linesPerOrder = (double) log.size() / m;
        assertTrue(linesPerOrder > 2.0 && linesPerOrder < 2.6, "lines per order " + linesPerOrder);
    }

    @Test
    void generate_spreadsAcquisitionsOverMonthsWithGrowth() {
        Options options = Options.defaults().withCustomers(1_000).withMonths(6).withMonthlyGrowth(0.25)
                .withoutNoise();
        SyntheticShop shop = SyntheticShop.generate(options);
        int[] perMonth = new int[6];
        for (long t : shop.acquisitionTimes()) {
            LocalDate day = Instant.ofEpochSecond(t).atOffset(ZoneOffset.UTC).toLocalDate();
            perMonth[(int) ChronoUnit.MONTHS.between(options.start(), day)]++;
        }
        double total = 0;
        for (int m = 0; m < 6; m++) {
            total += Math.pow(1.25, m);
        }
        int sum = 0;
        for (int m = 0; m < 6; m++) {
            double quota = 1_000 * Math.pow(1.25, m) / total;
            assertTrue(Math.abs(perMonth[m] - quota) < 1.0, "month " + m + ": " + perMonth[m] + " vs quota " + quota);
            sum += perMonth[m];
        }
        assertEquals(1_000, sum);
    }

    @Test
    void defaults_giveAPlausibleShop() {
        SyntheticShop shop = SyntheticShop.generate(Options.defaults());
        Orders orders = shop.log().orders(false);
        int repeat = 0;
        for (int c = 0; c < orders.customerCount(); c++) {
            repeat += orders.orderEnd(c) - orders.orderStart(c) >= 2 ? 1 : 0;
        }
        double share = repeat / 5_000.0;
        assertTrue(share >= 0.30 && share <= 0.45, "repeat-buyer share " + share);
        assertEquals(LocalDate.of(2023, 7, 1), shop.options().end());
        String summary = shop.toString();
        assertTrue(summary.contains("5,000 customers"), summary);
        assertTrue(summary.contains("2022-01-01 .. 2023-07-01"), summary);
        assertTrue(summary.contains("bought again"), summary);
        assertTrue(summary.contains("missing customer"), summary);
    }

    @Test
    void generate_withoutTasteDrawsByPopularityAlone() {
        SyntheticShop shop = SyntheticShop.generate(Options.defaults().withCustomers(500).withTaste(0).withItems(3)
                .withMaxLinesPerOrder(3));
        assertEquals(3, shop.log().itemCount());
    }

    @Test
    void options_rejectInvalidValues() {
        Options d = Options.defaults();
        assertMessage(() -> d.withCustomers(0), "customers", "0");
        assertMessage(() -> d.withItems(-3), "items", "-3");
        assertMessage(() -> d.withMonths(0), "months", "0");
        assertMessage(() -> d.withTailMonths(601), "tailMonths", "601");
        assertMessage(() -> d.withMonthlyGrowth(-1), "monthlyGrowth", "-1.0");
        assertMessage(() -> d.withBgNbd(0, 49, 0.8, 2.5), "r", "0.0");
        assertMessage(() -> d.withBgNbd(0.25, Double.NaN, 0.8, 2.5), "alpha", "NaN");
        assertMessage(() -> d.withBgNbd(0.25, 49, -1, 2.5), "a must", "-1.0");
        assertMessage(() -> d.withBgNbd(0.25, 49, 0.8, Double.POSITIVE_INFINITY), "b must", "Infinity");
        assertMessage(() -> d.withGammaGamma(6, 0, 40), "spendQ", "0.0");
        assertMessage(() -> d.withMeanLinesPerOrder(0.5), "meanLinesPerOrder", "0.5");
        assertMessage(() -> d.withMaxLinesPerOrder(0), "maxLinesPerOrder", "0");
        assertMessage(() -> d.withFactors(0), "factors", "0");
        assertMessage(() -> d.withTaste(-0.1), "taste", "-0.1");
        assertMessage(() -> d.withPopularityExponent(6), "popularityExponent", "6.0");
        assertMessage(() -> d.withGuestOrderRate(1.5), "guestOrderRate", "1.5");
        assertMessage(() -> d.withCancellationRate(-0.01), "cancellationRate", "-0.01");
        assertMessage(() -> d.withFreeGiftRate(2), "freeGiftRate", "2.0");
        assertMessage(() -> d.withAdjustmentRate(Double.NaN), "adjustmentRate", "NaN");
        assertThrows(NullPointerException.class, () -> d.withStart(null));
        assertThrows(NullPointerException.class, () -> d.withDropout(null));
        assertThrows(NullPointerException.class, () -> d.withRules(null));
        assertThrows(NullPointerException.class, () -> SyntheticShop.generate(null));
    }

    private static void assertMessage(Executable call, String name, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains("got " + value), e.getMessage());
    }

    @Test
    void options_withCopiesChangeOnlyTheirField() {
        Options d = Options.defaults();
        assertEquals(d, d.withSeed(0).withCustomers(5_000));
        Options changed = d.withSeed(9).withCustomers(10).withItems(20).withStart(LocalDate.of(2020, 2, 29))
                .withMonths(3).withMonthlyGrowth(0.1).withTailMonths(0).withDropout(Dropout.AFTER_EVERY_PURCHASE)
                .withBgNbd(1, 2, 3, 4).withGammaGamma(5, 6, 7).withMeanLinesPerOrder(1).withMaxLinesPerOrder(2)
                .withFactors(3).withTaste(0.5).withPopularityExponent(0.7).withGuestOrderRate(0.1)
                .withCancellationRate(0.2).withFreeGiftRate(0.3).withAdjustmentRate(0.4)
                .withRules(PurchaseRules.defaults().withCancellations(PurchaseRules.Cancellations.NET));
        Options expected = new Options(9, 10, 20, LocalDate.of(2020, 2, 29), 3, 0.1, 0, Dropout.AFTER_EVERY_PURCHASE,
                1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 0.5, 0.7, 0.1, 0.2, 0.3, 0.4,
                PurchaseRules.defaults().withCancellations(PurchaseRules.Cancellations.NET));
        assertEquals(expected, changed);
        assertEquals(LocalDate.of(2020, 5, 29), changed.end());
        Options clean = d.withoutNoise();
        assertEquals(0.0, clean.guestOrderRate() + clean.cancellationRate() + clean.freeGiftRate()
                + clean.adjustmentRate());
        assertNotEquals(d, clean);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Equal id indexes, columns, line counts and zone. */
    private static void assertSameLog(TransactionLog a, TransactionLog b) {
        assertSameLines(a, b);
        assertEquals(a.lineCounts(), b.lineCounts());
    }

    /** Equal id indexes and columns. */
    private static void assertSameLines(TransactionLog a, TransactionLog b) {
        assertEquals(a.customers(), b.customers());
        assertEquals(a.orders(), b.orders());
        assertEquals(a.items(), b.items());
        assertEquals(a.zone(), b.zone());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.customer(i), b.customer(i), "customer of line " + i);
            assertEquals(a.order(i), b.order(i), "order of line " + i);
            assertEquals(a.item(i), b.item(i), "item of line " + i);
            assertEquals(a.time(i), b.time(i), "time of line " + i);
            assertEquals(a.quantity(i), b.quantity(i), "quantity of line " + i);
            assertEquals(a.unitPrice(i), b.unitPrice(i), "unit price of line " + i);
            assertEquals(a.amount(i), b.amount(i), "amount of line " + i);
            assertEquals(a.isCancellation(i), b.isCancellation(i), "cancellation flag of line " + i);
        }
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
