package dev.retention.synth;

import dev.retention.random.Variates;
import dev.retention.data.IdIndex;
import dev.retention.data.SkipReason;
import dev.retention.data.TransactionLog;
import dev.retention.primitive.DoubleList;
import dev.retention.primitive.IntList;
import dev.retention.primitive.LongList;
import dev.retention.synth.SyntheticShop.Dropout;
import dev.retention.synth.SyntheticShop.Options;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;

/**
 * The generating process of {@link SyntheticShop}, one use per shop. See that class for the model.
 *
 * <p>Design: the catalogue (item factors, popularity alias table, list prices) is drawn once. Customers
 * are then generated one by one, each from its own random stream, into growable primitive columns
 * (orders: customer, time, first line; lines: item, quantity, price); noise lines go to separate
 * columns from their own streams. Orders are numbered chronologically by one sort, and all lines are
 * fed to a {@link TransactionLog.Builder}: purchases first, then noise, then guest orders, so that the
 * kept lines arrive in the same relative order whatever the noise. Per customer the affinities to all
 * items cost O(items * factors) in loops over items that C2 can vectorise (factors stored factor-major);
 * items are then drawn by rejection from the popularity alias table in O(1) expected time each.
 */
final class ShopGenerator {

    static final long CUSTOMER_ID_BASE = 100_001L;
    static final long ORDER_ID_BASE = 500_001L;

    private static final long CATALOGUE = 1;
    private static final long ACQUISITION = 2;
    private static final long PURCHASES = 3;
    private static final long NOISE = 4;
    private static final long GUESTS = 5;

    private static final double SECONDS_PER_DAY = 86_400.0;
    /** Median and log-standard-deviation of the log-normal list prices. */
    private static final double MEDIAN_LIST_PRICE = 4.0;
    private static final double LIST_PRICE_LOG_SD = 0.75;
    private static final double MAX_QUANTITY = 10_000.0;
    /** Smallest nu kept: keeps order values finite whatever the Gamma-Gamma parameters. */
    private static final double MIN_NU = 1e-250;
    private static final long MIN_CANCEL_DELAY = 3_600L;
    private static final long MAX_CANCEL_DELAY = 30L * 86_400L;

    private static final int KIND_CANCELLATION = 0;
    private static final int KIND_FREE_GIFT = 1;
    private static final int KIND_ADJUSTMENT = 2;

    private final Options o;
    private final long startSecond;
    private final long endSecond;
    private final int nItems;
    private final int d;
    private final int maxLines;
    private final double logLineContinue;     // log P(another line); NaN when every order has one line

    // catalogue
    private double[] itemFactors;             // factor-major: factor k of item j at [k * nItems + j]
    private AliasTable popularity;
    private double[] listPrice;
    private String[] itemIds;

    // purchase orders and lines, in generation order (customer, then time)
    private final IntList orderCustomer = new IntList();
    private final LongList orderTime = new LongList();
    private final IntList orderFirstLine = new IntList();
    private final IntList lineItem = new IntList();
    private final DoubleList lineQuantity = new DoubleList();
    private final DoubleList linePrice = new DoubleList();

    // noise lines of customers' orders
    private final IntList noiseOrder = new IntList();
    private final IntList noiseKind = new IntList();
    private final IntList noiseItem = new IntList();
    private final LongList noiseTime = new LongList();
    private final DoubleList noiseQuantity = new DoubleList();
    private final DoubleList noisePrice = new DoubleList();

    // per-order workspaces
    private final int[] chosen;
    private final double[] share;

    ShopGenerator(Options options) {
        this.o = options;
        this.startSecond = SyntheticShop.epochSecond(options.start());
        this.endSecond = SyntheticShop.epochSecond(options.end());
        this.nItems = options.items();
        this.d = options.factors();
        this.maxLines = Math.min(options.maxLinesPerOrder(), nItems);
        double m = options.meanLinesPerOrder();
        this.logLineContinue = m > 1.0 ? StrictMath.log1p(-1.0 / m) : Double.NaN;
        this.chosen = new int[maxLines];
        this.share = new double[maxLines];
    }

    SyntheticShop generate() {
        drawCatalogue();
        int n = o.customers();
        long[] acquisition = drawAcquisitions();
        double[] lambda = new double[n];
        double[] p = new double[n];
        double[] nu = new double[n];
        boolean[] alive = new boolean[n];
        drawCustomers(acquisition, lambda, p, nu, alive);

        int nOrders = orderCustomer.size();
        orderFirstLine.add(lineItem.size());
        String[] orderIds = numberOrders(nOrders);
        String[] customerIds = new String[n];
        for (int c = 0; c < n; c++) {
            customerIds[c] = Long.toString(CUSTOMER_ID_BASE + c);
        }

        TransactionLog.Builder builder = TransactionLog.builder(o.rules()).zone(ZoneOffset.UTC);
        addPurchases(builder, customerIds, orderIds);
        addNoise(builder, customerIds, orderIds);
        addGuestOrders(builder, nOrders);
        TransactionLog log = builder.build();

        // Truth by the log's dense customer index.
        IdIndex index = log.customers();
        if (index.size() != n) {
            throw new IllegalStateException("expected " + n + " customers in the log, got " + index.size());
        }
        double[] outLambda = new double[n];
        double[] outP = new double[n];
        double[] outNu = new double[n];
        boolean[] outAlive = new boolean[n];
        long[] outAcquisition = new long[n];
        for (int c = 0; c < n; c++) {
            int dense = index.indexOf(CUSTOMER_ID_BASE + c);
            if (dense < 0) {
                throw new IllegalStateException("customer " + customerIds[c] + " is missing from the log");
            }
            outLambda[dense] = lambda[c];
            outP[dense] = p[c];
            outNu[dense] = nu[c];
            outAlive[dense] = alive[c];
            outAcquisition[dense] = acquisition[c];
        }
        return new SyntheticShop(o, log, startSecond, endSecond, outLambda, outP, outNu, outAlive, outAcquisition);
    }

    /** Item factors N(0, 1), a random popularity ranking with power-law weights, log-normal list prices. */
    private void drawCatalogue() {
        Variates rng = Variates.stream(o.seed(), CATALOGUE, 0);
        itemFactors = new double[d * nItems];
        for (int j = 0; j < nItems; j++) {
            for (int k = 0; k < d; k++) {
                itemFactors[k * nItems + j] = rng.normal();
            }
        }
        int[] rank = rng.permutation(nItems);
        double[] weight = new double[nItems];
        double exponent = o.popularityExponent();
        for (int j = 0; j < nItems; j++) {
            weight[j] = StrictMath.pow(rank[j] + 1.0, -exponent);
        }
        popularity = new AliasTable(weight);
        listPrice = new double[nItems];
        for (int j = 0; j < nItems; j++) {
            listPrice[j] = MEDIAN_LIST_PRICE * StrictMath.exp(LIST_PRICE_LOG_SD * rng.normal());
        }
        int width = Math.max(5, Integer.toString(nItems).length());
        String format = "SKU-%0" + width + "d";
        itemIds = new String[nItems];
        for (int j = 0; j < nItems; j++) {
            itemIds[j] = String.format(Locale.ROOT, format, j + 1);
        }
    }

    /**
     * Acquisition times in epoch seconds, sorted: month {@code m} gets a share proportional to
     * {@code (1 + growth)^m} of the customers (largest remainder, ties to the earlier month), spread
     * uniformly over its seconds.
     */
    private long[] drawAcquisitions() {
        int n = o.customers();
        int months = o.months();
        double logGrowth = StrictMath.log1p(o.monthlyGrowth());
        double[] weight = new double[months];
        double maxLog = Math.max(0.0, logGrowth * (months - 1));  // the largest exponent, for stability
        double total = 0.0;
        for (int m = 0; m < months; m++) {
            weight[m] = StrictMath.exp(logGrowth * m - maxLog);
            total += weight[m];
        }
        int[] count = new int[months];
        double[] remainder = new double[months];
        int assigned = 0;
        for (int m = 0; m < months; m++) {
            double quota = n * weight[m] / total;
            count[m] = (int) Math.floor(quota);
            remainder[m] = quota - count[m];
            assigned += count[m];
        }
        Integer[] byRemainder = new Integer[months];
        for (int m = 0; m < months; m++) {
            byRemainder[m] = m;
        }
        Arrays.sort(byRemainder, (x, y) -> remainder[x] != remainder[y]
                ? Double.compare(remainder[y], remainder[x]) : Integer.compare(x, y));
        for (int i = 0; assigned < n; i++) {
            count[byRemainder[i % months]]++;
            assigned++;
        }

        Variates rng = Variates.stream(o.seed(), ACQUISITION, 0);
        long[] times = new long[n];
        int next = 0;
        LocalDate month = o.start();
        for (int m = 0; m < months; m++) {
            long from = SyntheticShop.epochSecond(month);
            month = month.plusMonths(1);
            long length = SyntheticShop.epochSecond(month) - from;
            for (int i = 0; i < count[m]; i++) {
                times[next++] = from + (long) (rng.nextDouble() * length);
            }
        }
        Arrays.sort(times);
        return times;
    }

    private void drawCustomers(long[] acquisition, double[] lambda, double[] p, double[] nu, boolean[] alive) {
        int n = acquisition.length;
        Variates rng = new Variates(0);
        Variates noise = new Variates(0);
        boolean anyNoise = o.cancellationRate() > 0 || o.freeGiftRate() > 0 || o.adjustmentRate() > 0;
        double[] user = new double[d];
        double[] score = o.taste() > 0 ? new double[nItems] : null;
        double userScale = o.taste() / Math.sqrt(d);
        LongList times = new LongList();
        boolean dropAtFirst = o.dropout() == Dropout.AFTER_EVERY_PURCHASE;
        for (int c = 0; c < n; c++) {
            rng.reset(o.seed(), PURCHASES, c);
            double lam = rng.gamma(o.r()) / o.alpha();
            double pc = rng.beta(o.a(), o.b());
            double nuc;
            do {
                nuc = rng.gamma(o.spendQ()) / o.spendGamma();
            } while (!(nuc >= MIN_NU));
            for (int k = 0; k < d; k++) {
                user[k] = rng.normal() * userScale;
            }
            lambda[c] = lam;
            p[c] = pc;
            nu[c] = nuc;

            // BG/NBD purchase times: the first at acquisition, then Exponential(lambda) gaps while active.
            long first = acquisition[c];
            double horizon = endSecond - first;
            times.clear();
            times.add(first);
            boolean active = !(dropAtFirst && rng.nextBoolean(pc));
            double elapsed = 0.0;
            while (active) {
                elapsed += rng.exponential() / lam * SECONDS_PER_DAY;
                if (!(elapsed < horizon)) {       // also stops for lambda == 0 (infinite or NaN gap)
                    break;
                }
                times.add(first + (long) elapsed);
                active = !rng.nextBoolean(pc);
            }
            alive[c] = active;

            double maxScore = score != null ? affinities(user, score) : 0.0;
            int firstOrder = orderCustomer.size();
            for (int t = 0; t < times.size(); t++) {
                drawOrder(rng, c, times.get(t), nuc, score, maxScore);
            }
            if (anyNoise) {
                noise.reset(o.seed(), NOISE, c);
                for (int ord = firstOrder; ord < orderCustomer.size(); ord++) {
                    drawNoise(noise, ord);
                }
            }
        }
    }

    /**
     * score[j] = user . item_j for every item; returns the maximum. O(items * factors), four factors per
     * pass over the scores so that the loop is bound by arithmetic rather than by loads and stores.
     */
    private double affinities(double[] user, double[] score) {
        int nI = nItems;
        double[] v = itemFactors;
        Arrays.fill(score, 0.0);
        int k = 0;
        for (; k + 4 <= d; k += 4) {
            double u0 = user[k];
            double u1 = user[k + 1];
            double u2 = user[k + 2];
            double u3 = user[k + 3];
            int o0 = k * nI;
            int o1 = o0 + nI;
            int o2 = o1 + nI;
            int o3 = o2 + nI;
            for (int j = 0; j < nI; j++) {
                score[j] += (u0 * v[o0 + j] + u1 * v[o1 + j]) + (u2 * v[o2 + j] + u3 * v[o3 + j]);
            }
        }
        for (; k < d; k++) {
            double uk = user[k];
            int offset = k * nI;
            for (int j = 0; j < nI; j++) {
                score[j] += uk * v[offset + j];
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < nI; j++) {
            max = Math.max(max, score[j]);
        }
        return max;
    }

    /** One purchase order of customer {@code c}: its value, its lines, their items, quantities and prices. */
    private void drawOrder(Variates rng, int c, long time, double nuc, double[] score, double maxScore) {
        orderCustomer.add(c);
        orderTime.add(time);
        orderFirstLine.add(lineItem.size());
        double value = rng.gamma(o.spendP()) / nuc;
        int k = lineCount(rng);
        for (int l = 0; l < k; l++) {
            chosen[l] = drawItem(rng, popularity, score, maxScore, chosen, l);
        }
        splitValue(rng, value, k, lineItem, lineQuantity, linePrice);
    }

    /** Splits an order value over k lines (items in {@code chosen}) in Dirichlet(1) shares. */
    private void splitValue(Variates rng, double value, int k, IntList items, DoubleList quantities,
                            DoubleList prices) {
        double total = 0.0;
        for (int l = 0; l < k; l++) {
            share[l] = rng.exponential();
            total += share[l];
        }
        for (int l = 0; l < k; l++) {
            int item = chosen[l];
            double lineValue = total > 0 ? value * share[l] / total : value / k;
            double quantity = Math.min(MAX_QUANTITY, Math.max(1.0, Math.rint(lineValue / listPrice[item])));
            double price = Math.max(0.01, Math.rint(lineValue / quantity * 100.0) / 100.0);
            items.add(item);
            quantities.add(quantity);
            prices.add(price);
        }
    }

    /** 1 + Geometric number of lines with the configured mean, truncated to [1, maxLines]. */
    private int lineCount(Variates rng) {
        if (Double.isNaN(logLineContinue) || maxLines == 1) {
            return 1;
        }
        double extra = Math.floor(StrictMath.log(rng.nextOpenClosed()) / logLineContinue);
        return extra >= maxLines - 1 ? maxLines : 1 + (int) extra;
    }

    /**
     * An item not among {@code chosen[0..taken)}, with probability proportional to
     * {@code popularity_j * exp(score_j)}: proposals from the popularity table, accepted with probability
     * {@code exp(score_j - maxScore)} and if not yet in the order. The bounds
     * {@code 1 + x <= e^x <= 1 / (1 - x)} for {@code x <= 0} decide most proposals without computing the
     * exponential. {@code score == null} means no taste: popularity alone.
     */
    static int drawItem(Variates rng, AliasTable popularity, double[] score, double maxScore, int[] chosen,
                         int taken) {
        while (true) {
            int j = popularity.sample(rng);
            if (score != null) {
                double x = score[j] - maxScore;
                double u = rng.nextDouble();
                if (!(u < 1.0 + x) && (u * (1.0 - x) >= 1.0 || !(u < StrictMath.exp(x)))) {
                    continue;
                }
            }
            if (!contains(chosen, taken, j)) {
                return j;
            }
        }
    }

    private static boolean contains(int[] values, int n, int value) {
        for (int i = 0; i < n; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** The noise of one purchase order: a later partial cancellation, a free-gift line, a correction line. */
    private void drawNoise(Variates rng, int ord) {
        long time = orderTime.get(ord);
        int from = orderFirstLine.get(ord);
        int to = ord + 1 < orderFirstLine.size() ? orderFirstLine.get(ord + 1) : lineItem.size();
        int lines = to - from;
        if (rng.nextBoolean(o.cancellationRate())) {
            long delay = MIN_CANCEL_DELAY + (long) (rng.nextDouble() * (MAX_CANCEL_DELAY - MIN_CANCEL_DELAY));
            int forced = rng.nextInt(lines);            // at least this line is cancelled
            for (int l = 0; l < lines; l++) {
                boolean cancelled = rng.nextBoolean(0.5) || l == forced;
                if (cancelled && time + delay < endSecond) {
                    addNoise(ord, KIND_CANCELLATION, lineItem.get(from + l), time + delay,
                            -lineQuantity.get(from + l), linePrice.get(from + l));
                }
            }
        }
        if (rng.nextBoolean(o.freeGiftRate())) {
            addNoise(ord, KIND_FREE_GIFT, popularity.sample(rng), time, 1.0, 0.0);
        }
        if (rng.nextBoolean(o.adjustmentRate())) {
            int l = from + rng.nextInt(lines);
            addNoise(ord, KIND_ADJUSTMENT, lineItem.get(l), time, -1.0, linePrice.get(l));
        }
    }

    private void addNoise(int ord, int kind, int item, long time, double quantity, double price) {
        noiseOrder.add(ord);
        noiseKind.add(kind);
        noiseItem.add(item);
        noiseTime.add(time);
        noiseQuantity.add(quantity);
        noisePrice.add(price);
    }

    /** Order ids in chronological order of the purchase orders (ties by customer), from {@link #ORDER_ID_BASE}. */
    private String[] numberOrders(int nOrders) {
        // Sort keys: seconds since the start (< 2^32, as the log spans at most 1,200 months) above the
        // generation index (< 2^31), so one primitive sort orders by time, then customer.
        long[] key = new long[nOrders];
        for (int i = 0; i < nOrders; i++) {
            key[i] = ((orderTime.get(i) - startSecond) << 31) | i;
        }
        Arrays.sort(key);
        String[] ids = new String[nOrders];
        for (int rank = 0; rank < nOrders; rank++) {
            ids[(int) (key[rank] & 0x7FFF_FFFFL)] = Long.toString(ORDER_ID_BASE + rank);
        }
        return ids;
    }

    private void addPurchases(TransactionLog.Builder builder, String[] customerIds, String[] orderIds) {
        int nOrders = orderCustomer.size();
        for (int ord = 0; ord < nOrders; ord++) {
            String customer = customerIds[orderCustomer.get(ord)];
            String orderId = orderIds[ord];
            long time = orderTime.get(ord);
            int to = orderFirstLine.get(ord + 1);
            for (int l = orderFirstLine.get(ord); l < to; l++) {
                SkipReason skipped = builder.add(customer, orderId, itemIds[lineItem.get(l)], time,
                        lineQuantity.get(l), linePrice.get(l), false);
                assert skipped == null : skipped;
            }
        }
    }

    private void addNoise(TransactionLog.Builder builder, String[] customerIds, String[] orderIds) {
        for (int i = 0; i < noiseOrder.size(); i++) {
            int ord = noiseOrder.get(i);
            int kind = noiseKind.get(i);
            boolean cancellation = kind == KIND_CANCELLATION;
            String orderId = cancellation ? "C" + orderIds[ord] : orderIds[ord];
            builder.add(customerIds[orderCustomer.get(ord)], orderId, itemIds[noiseItem.get(i)],
                    noiseTime.get(i), noiseQuantity.get(i), noisePrice.get(i), cancellation);
        }
    }

    /**
     * Guest orders without a customer id: {@code round(guestOrderRate * purchase orders)} of them at
     * uniform times, each from a fresh Gamma-Gamma buyer, items by popularity alone. Numbered after
     * the purchase orders.
     */
    private void addGuestOrders(TransactionLog.Builder builder, int nOrders) {
        int cap = Integer.MAX_VALUE / 2;
        int guests = (int) Math.min(cap, Math.rint(o.guestOrderRate() * nOrders));
        if (guests == 0) {
            return;
        }
        Variates rng = Variates.stream(o.seed(), GUESTS, 0);
        long[] times = new long[guests];
        double span = endSecond - startSecond;
        for (int g = 0; g < guests; g++) {
            times[g] = startSecond + (long) (rng.nextDouble() * span);
        }
        Arrays.sort(times);
        IntList items = new IntList();
        DoubleList quantities = new DoubleList();
        DoubleList prices = new DoubleList();
        for (int g = 0; g < guests; g++) {
            double nuGuest;
            do {
                nuGuest = rng.gamma(o.spendQ()) / o.spendGamma();
            } while (!(nuGuest >= MIN_NU));
            double value = rng.gamma(o.spendP()) / nuGuest;
            int k = lineCount(rng);
            for (int l = 0; l < k; l++) {
                chosen[l] = drawItem(rng, popularity, null, 0.0, chosen, l);
            }
            items.clear();
            quantities.clear();
            prices.clear();
            splitValue(rng, value, k, items, quantities, prices);
            String orderId = Long.toString(ORDER_ID_BASE + nOrders + g);
            for (int l = 0; l < k; l++) {
                builder.add(null, orderId, itemIds[items.get(l)], times[g], quantities.get(l),
                        prices.get(l), false);
            }
        }
    }
}
