package dev.retention.synth;

import dev.retention.data.LineCounts;
import dev.retention.data.Orders;
import dev.retention.data.PurchaseRules;
import dev.retention.data.SkipReason;
import dev.retention.data.TransactionLog;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;

/**
 * A seeded synthetic shop: a {@link TransactionLog} drawn from the "buy till you die" models, together
 * with the true parameters of every customer, for demos, tests and parameter-recovery studies.
 * Immutable and thread-safe.
 *
 * <p>The process, for {@link Options#customers()} customers:
 * <ol>
 *   <li><b>Acquisition.</b> Customers arrive over {@link Options#months()} calendar months from
 *       {@link Options#start()}, month {@code m} getting a share proportional to
 *       {@code (1 + monthlyGrowth)^m} (largest-remainder rounding), uniformly within the month. A
 *       customer's first purchase is at the acquisition time. The log ends at {@link Options#end()},
 *       {@link Options#tailMonths()} months after the last acquisition month; times are UTC.</li>
 *   <li><b>Purchases: BG/NBD</b> (Fader, Hardie and Lee, "Counting your customers the easy way: an
 *       alternative to the Pareto/NBD model", Marketing Science 24(2), 2005). Each customer has a
 *       purchase rate {@code lambda ~ Gamma(r, alpha)} (shape {@code r}, rate {@code alpha}; lambda in
 *       purchases per day, alpha in days) and a dropout probability {@code p ~ Beta(a, b)}. While
 *       active, the times between purchases are Exponential(lambda). After each repeat purchase the
 *       customer becomes inactive for good with probability {@code p}; with
 *       {@link Dropout#AFTER_EVERY_PURCHASE} also after the first purchase (the MBG/NBD variant of
 *       Batislam, Denizel and Filiztekin 2007).</li>
 *   <li><b>Spend: Gamma-Gamma</b> (Fader, Hardie and Lee, "RFM and CLV: using iso-value curves for
 *       customer base analysis", Journal of Marketing Research 42(4), 2005). Each customer has
 *       {@code nu ~ Gamma(q, gamma)}; each order's value is {@code z ~ Gamma(p, nu)}, mean
 *       {@code p / nu}. The value is split over 1 + Geometric lines (mean
 *       {@link Options#meanLinesPerOrder()}, at most {@link Options#maxLinesPerOrder()}) in Dirichlet(1)
 *       shares; each line gets an integer quantity near {@code share / listPrice} (at least 1) and a unit
 *       price rounded to cents (at least 0.01), so the order amount equals {@code z} up to rounding.</li>
 *   <li><b>Items.</b> Items and customers have latent factors of dimension {@link Options#factors()};
 *       an order's items are drawn without replacement from
 *       {@code softmax(user . item + log popularity)}, popularity following a power law
 *       {@code (rank + 1)^-popularityExponent} over a random ranking, and {@code user . item} having
 *       standard deviation about {@link Options#taste()}. Sampling is exact: proposals from the popularity
 *       alias table, accepted with probability {@code exp(user . item - max_j user . item_j)}.</li>
 *   <li><b>Noise</b>, switched off by {@link Options#withoutNoise()}: guest orders without a customer
 *       id, later cancellations of some lines of an order (invoice {@code "C" + order id}, negative
 *       quantity, {@code cancellation = true}), free-gift lines with price 0 and stock-correction lines
 *       with quantity -1. Under the default {@link PurchaseRules} they are skipped and counted in the
 *       log's {@link LineCounts} as missing customer, cancellation, non-positive price and non-positive
 *       quantity. Noise draws come from their own random streams, so a noisy shop and the same shop
 *       without noise have the same purchases, and under {@link PurchaseRules#defaults()} exactly the
 *       same log apart from its skip counts.</li>
 * </ol>
 *
 * <p><b>Ids.</b> Customers are numbered {@code 100001, 100002, ...} in order of acquisition, orders
 * {@code 500001, ...} in chronological order (guest orders after all customer orders), items
 * {@code SKU-00001, ...}. The truth arrays ({@link #lambda()}, {@link #dropoutP()}, {@link #nu()},
 * {@link #aliveAtEnd()}, {@link #acquisitionTimes()}) are indexed by the log's dense customer index: the
 * truth of external customer id {@code id} is at {@code log().customers().indexOf(id)}. Every generated
 * customer has at least its first order in the log, so the truth covers exactly the log's customers;
 * as the numeric ids sort in acquisition order, dense index {@code i} is customer {@code 100001 + i}.
 *
 * <p><b>Determinism.</b> The same options give the same shop, bit for bit, on every platform and JDK:
 * generation is single-threaded, uses its own SplitMix64 streams (one per customer for purchases and
 * one for noise), {@link StrictMath} for transcendental functions and no hash iteration order.
 *
 * <p><b>Cost.</b> O(customers * items * factors) for the user-item affinities plus O(1) expected work per
 * line (about {@code exp(taste * sqrt(2 ln items))} proposals per item drawn), then the
 * {@link TransactionLog.Builder}'s O(lines) indexing. Memory while generating: the builder's columns and
 * id maps plus about 20 bytes per line and 16 per order of the generator's own columns.
 */
public final class SyntheticShop {

    /** When a customer may become inactive in the purchase process. */
    public enum Dropout {
        /**
         * After each repeat purchase, as in the BG/NBD model: a customer who never buys again is still
         * active at the end of the log. The default; fits of the BG/NBD model recover its parameters.
         */
        AFTER_REPEAT_PURCHASES,
        /**
         * After every purchase including the first, as in the MBG/NBD model (Batislam, Denizel and
         * Filiztekin, "Empirical validation and comparison of models for customer base analysis",
         * IJRM 24(3), 2007): a share {@code p} of one-time buyers is inactive from the start.
         */
        AFTER_EVERY_PURCHASE
    }

    /**
     * Every parameter of the synthetic shop. Validated on construction; change one with the
     * {@code withX} copies of {@link #defaults()}.
     *
     * @param seed               random seed; the same seed gives the same shop (default 0)
     * @param customers          number of customers, in [1, 10,000,000] (default 5,000)
     * @param items              number of items in the catalogue, in [1, 1,000,000] (default 1,000); items
     *                           nobody buys are not in the log
     * @param start              first day of acquisition, 00:00 UTC (default 2022-01-01)
     * @param months             calendar months over which customers are acquired, in [1, 600] (default 12)
     * @param monthlyGrowth      growth rate of acquisitions per month, {@code > -1} and at most 10 (default 0:
     *                           as many new customers every month)
     * @param tailMonths         months after the last acquisition month until the end of the log, in
     *                           [0, 600] (default 6)
     * @param dropout            when customers may drop out (default {@link Dropout#AFTER_REPEAT_PURCHASES},
     *                           the BG/NBD model)
     * @param r                  BG/NBD: shape of the gamma distribution of purchase rates (default 0.25)
     * @param alpha              BG/NBD: rate of the gamma distribution of purchase rates, in days, since
     *                           purchase rates are per day (default 49 days, that is 7 weeks; mean purchase rate
     *                           {@code r / alpha} = 0.0051 per day, 1.9 per year)
     * @param a                  BG/NBD: first shape of the beta distribution of dropout probabilities
     *                           (default 0.8)
     * @param b                  BG/NBD: second shape of the beta distribution of dropout probabilities
     *                           (default 2.5; mean dropout probability {@code a / (a + b)} = 0.24)
     * @param spendP             Gamma-Gamma: shape {@code p} of an order's value given the customer (default 6)
     * @param spendQ             Gamma-Gamma: shape {@code q} of the gamma distribution of {@code nu}
     *                           (default 4)
     * @param spendGamma         Gamma-Gamma: rate {@code gamma} of the gamma distribution of {@code nu}, in
     *                           currency units (default 40; mean order value {@code p gamma / (q - 1)} = 80)
     * @param meanLinesPerOrder  mean number of lines per order before truncation, at least 1 (default 2.5)
     * @param maxLinesPerOrder   most lines in an order, in [1, 1,000]; also at most {@code items} (default 20)
     * @param factors            dimension of the latent factors, in [1, 256] (default 8)
     * @param taste              standard deviation of the user-item affinity {@code user . item}, in [0, 5];
     *                           0 draws items by popularity alone (default 1)
     * @param popularityExponent exponent of the power law of item popularity, in [0, 5] (default 1, Zipf)
     * @param guestOrderRate     guest orders without a customer id per customer order, in [0, 1] (default 0.03)
     * @param cancellationRate   probability that an order is later partly cancelled, in [0, 1] (default 0.02)
     * @param freeGiftRate       probability that an order has an extra free-gift line with price 0, in [0, 1]
     *                           (default 0.01)
     * @param adjustmentRate     probability that an order has an extra stock-correction line with quantity
     *                           -1, in [0, 1] (default 0.005)
     * @param rules              purchase rules of the log's builder (default {@link PurchaseRules#defaults()}:
     *                           cancellations skipped)
     */
    public record Options(long seed, int customers, int items, LocalDate start, int months, double monthlyGrowth,
                          int tailMonths, Dropout dropout, double r, double alpha, double a, double b,
                          double spendP, double spendQ, double spendGamma, double meanLinesPerOrder,
                          int maxLinesPerOrder, int factors, double taste, double popularityExponent,
                          double guestOrderRate, double cancellationRate, double freeGiftRate,
                          double adjustmentRate, PurchaseRules rules) {

        /**
         * Validates every parameter; see the record's description for the ranges.
         *
         * @param seed               random seed; the same seed gives the same shop (default 0)
         * @param customers          number of customers, in [1, 10,000,000] (default 5,000)
         * @param items              number of items in the catalogue, in [1, 1,000,000] (default 1,000); items nobody
         *                           buys are not in the log
         * @param start              first day of acquisition, 00:00 UTC (default 2022-01-01)
         * @param months             calendar months over which customers are acquired, in [1, 600] (default 12)
         * @param monthlyGrowth      growth rate of acquisitions per month, {@code > -1} and at most 10 (default 0: as
         *                           many new customers every month)
         * @param tailMonths         months after the last acquisition month until the end of the log, in [0, 600]
         *                           (default 6)
         * @param dropout            when customers may drop out (default {@link Dropout#AFTER_REPEAT_PURCHASES}, the
         *                           BG/NBD model)
         * @param r                  BG/NBD: shape of the gamma distribution of purchase rates (default 0.25)
         * @param alpha              BG/NBD: rate of the gamma distribution of purchase rates, in days, since purchase
         *                           rates are per day (default 49 days, that is 7 weeks; mean purchase rate {@code r /
         *                           alpha} = 0.0051 per day, 1.9 per year)
         * @param a                  BG/NBD: first shape of the beta distribution of dropout probabilities (default 0.8)
         * @param b                  BG/NBD: second shape of the beta distribution of dropout probabilities (default
         *                           2.5; mean dropout probability {@code a / (a + b)} = 0.24)
         * @param spendP             Gamma-Gamma: shape {@code p} of an order's value given the customer (default 6)
         * @param spendQ             Gamma-Gamma: shape {@code q} of the gamma distribution of {@code nu} (default 4)
         * @param spendGamma         Gamma-Gamma: rate {@code gamma} of the gamma distribution of {@code nu}, in
         *                           currency units (default 40; mean order value {@code p gamma / (q - 1)} = 80)
         * @param meanLinesPerOrder  mean number of lines per order before truncation, at least 1 (default 2.5)
         * @param maxLinesPerOrder   most lines in an order, in [1, 1,000]; also at most {@code items} (default 20)
         * @param factors            dimension of the latent factors, in [1, 256] (default 8)
         * @param taste              standard deviation of the user-item affinity {@code user . item}, in [0, 5]; 0
         *                           draws items by popularity alone (default 1)
         * @param popularityExponent exponent of the power law of item popularity, in [0, 5] (default 1, Zipf)
         * @param guestOrderRate     guest orders without a customer id per customer order, in [0, 1] (default 0.03)
         * @param cancellationRate   probability that an order is later partly cancelled, in [0, 1] (default 0.02)
         * @param freeGiftRate       probability that an order has an extra free-gift line with price 0, in [0, 1]
         *                           (default 0.01)
         * @param adjustmentRate     probability that an order has an extra stock-correction line with quantity -1, in
         *                           [0, 1] (default 0.005)
         * @param rules              purchase rules of the log's builder (default {@link PurchaseRules#defaults()}:
         *                           cancellations skipped)
         */
        public Options {
            checkRange("customers", customers, 1, 10_000_000);
            checkRange("items", items, 1, 1_000_000);
            Objects.requireNonNull(start, "start");
            checkRange("months", months, 1, 600);
            if (!(monthlyGrowth > -1.0 && monthlyGrowth <= 10.0)) {
                throw new IllegalArgumentException("monthlyGrowth must be in (-1, 10], got " + monthlyGrowth);
            }
            checkRange("tailMonths", tailMonths, 0, 600);
            Objects.requireNonNull(dropout, "dropout");
            checkPositive("r", r);
            checkPositive("alpha", alpha);
            checkPositive("a", a);
            checkPositive("b", b);
            checkPositive("spendP", spendP);
            checkPositive("spendQ", spendQ);
            checkPositive("spendGamma", spendGamma);
            if (!(meanLinesPerOrder >= 1.0 && meanLinesPerOrder <= 1_000.0)) {
                throw new IllegalArgumentException("meanLinesPerOrder must be in [1, 1000], got " + meanLinesPerOrder);
            }
            checkRange("maxLinesPerOrder", maxLinesPerOrder, 1, 1_000);
            checkRange("factors", factors, 1, 256);
            checkUnit("taste", taste, 5.0);
            checkUnit("popularityExponent", popularityExponent, 5.0);
            checkUnit("guestOrderRate", guestOrderRate, 1.0);
            checkUnit("cancellationRate", cancellationRate, 1.0);
            checkUnit("freeGiftRate", freeGiftRate, 1.0);
            checkUnit("adjustmentRate", adjustmentRate, 1.0);
            Objects.requireNonNull(rules, "rules");
        }

        private static void checkRange(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be in [%,d, %,d], got %d", name, min, max,
                        value));
            }
        }

        private static void checkPositive(String name, double value) {
            if (!(value > 0.0 && value < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
            }
        }

        private static void checkUnit(String name, double value, double max) {
            if (!(value >= 0.0 && value <= max)) {
                throw new IllegalArgumentException(name + " must be in [0, " + max + "], got " + value);
            }
        }

        /**
         * {@return the defaults: 5,000 customers acquired evenly over 2022 and followed until 2023-07-01, 1,000 items,
         * BG/NBD with r = 0.25, alpha = 49 days, a = 0.8, b = 2.5, Gamma-Gamma with p = 6, q = 4,
         * gamma = 40, about 40% repeat buyers, and a little noise of every kind} See {@link Options} for
         * each value.
         */
        public static Options defaults() {
            return new Options(0L, 5_000, 1_000, LocalDate.of(2022, 1, 1), 12, 0.0, 6,
                    Dropout.AFTER_REPEAT_PURCHASES, 0.25, 49.0, 0.8, 2.5, 6.0, 4.0, 40.0, 2.5, 20, 8, 1.0, 1.0,
                    0.03, 0.02, 0.01, 0.005, PurchaseRules.defaults());
        }

        /** {@return the last day of the log, exclusive: {@code start + months + tailMonths} months, 00:00 UTC} */
        public LocalDate end() {
            return start.plusMonths((long) months + tailMonths);
        }

        /**
         * {@return a copy with another seed}
         *
         * @param seed random seed; the same seed gives the same shop (default 0)
         */
        public Options withSeed(long seed) {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, guestOrderRate, cancellationRate, freeGiftRate, adjustmentRate, rules);
        }

        /**
         * {@return a copy with another number of customers}
         *
         * @param customers number of customers, in [1, 10,000,000] (default 5,000)
         */
        public Options withCustomers(int customers) {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, guestOrderRate, cancellationRate, freeGiftRate, adjustmentRate, rules);
        }

        /**
         * {@return a copy with another number of items}
         *
         * @param items number of items in the catalogue, in [1, 1,000,000] (default 1,000); items nobody buys are not
         *              in the log
         */
        public Options withItems(int items) {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, guestOrderRate, cancellationRate, freeGiftRate, adjustmentRate, rules);
        }

        /**
         * {@return a copy with another first day of acquisition}
         *
         * @param start first day of acquisition, 00:00 UTC (default 2022-01-01)
         */
        public Options withStart(LocalDate start) {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, guestOrderRate, cancellationRate, freeGiftRate, adjustmentRate, rules);
        }

        /**
         * {@return a copy with another number of acquisition months}
         *
         * @param months calendar months over which customers are acquired, in [1, 600] (default 12)
         */
        public Options withMonths(int months) {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, guestOrderRate, cancellationRate, freeGiftRate, adjustmentRate, rules);
        }

        /**
         * {@return a copy with another monthly growth rate of acquisitions}
         *
         * @param monthlyGrowth growth rate of acquisitions per month, {@code > -1} and at most 10 (default 0: as many
         *                      new customers every month)
         */
        public Options withMonthlyGrowth(double monthlyGrowth) {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, guestOrderRate, cancellationRate, freeGiftRate, adjustmentRate, rules);
        }

        /**
         * {@return a copy with another observation tail after the last acquisition month}
         *
         * @param tailMonths months after the last acquisition month until the end of the log, in [0, 600] (default 6)
         */
        public Options withTailMonths(int tailMonths) {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, guestOrderRate, cancellationRate, freeGiftRate, adjustmentRate, rules);
        }

        /**
         * {@return a copy with another dropout rule}
         *
         * @param dropout when customers may drop out (default {@link Dropout#AFTER_REPEAT_PURCHASES}, the BG/NBD model)
         */
        public Options withDropout(Dropout dropout) {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, guestOrderRate, cancellationRate, freeGiftRate, adjustmentRate, rules);
        }

        /**
         * {@return a copy with other BG/NBD parameters (alpha in days)}
         *
         * @param r     BG/NBD: shape of the gamma distribution of purchase rates (default 0.25)
         * @param alpha BG/NBD: rate of the gamma distribution of purchase rates, in days, since purchase rates are per
         *              day (default 49 days, that is 7 weeks; mean purchase rate {@code r / alpha} = 0.0051 per day,
         *              1.9 per year)
         * @param a     BG/NBD: first shape of the beta distribution of dropout probabilities (default 0.8)
         * @param b     BG/NBD: second shape of the beta distribution of dropout probabilities (default 2.5; mean
         *              dropout probability {@code a / (a + b)} = 0.24)
         */
        public Options withBgNbd(double r, double alpha, double a, double b) {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, guestOrderRate, cancellationRate, freeGiftRate, adjustmentRate, rules);
        }

        /**
         * {@return a copy with other Gamma-Gamma parameters {@code p, q, gamma}}
         *
         * @param spendP     Gamma-Gamma: shape {@code p} of an order's value given the customer (default 6)
         * @param spendQ     Gamma-Gamma: shape {@code q} of the gamma distribution of {@code nu} (default 4)
         * @param spendGamma Gamma-Gamma: rate {@code gamma} of the gamma distribution of {@code nu}, in currency units
         *                   (default 40; mean order value {@code p gamma / (q - 1)} = 80)
         */
        public Options withGammaGamma(double spendP, double spendQ, double spendGamma) {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, guestOrderRate, cancellationRate, freeGiftRate, adjustmentRate, rules);
        }

        /**
         * {@return a copy with another mean number of lines per order (before truncation)}
         *
         * @param meanLinesPerOrder mean number of lines per order before truncation, at least 1 (default 2.5)
         */
        public Options withMeanLinesPerOrder(double meanLinesPerOrder) {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, guestOrderRate, cancellationRate, freeGiftRate, adjustmentRate, rules);
        }

        /**
         * {@return a copy with another maximum number of lines per order}
         *
         * @param maxLinesPerOrder most lines in an order, in [1, 1,000]; also at most {@code items} (default 20)
         */
        public Options withMaxLinesPerOrder(int maxLinesPerOrder) {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, guestOrderRate, cancellationRate, freeGiftRate, adjustmentRate, rules);
        }

        /**
         * {@return a copy with another latent-factor dimension}
         *
         * @param factors dimension of the latent factors, in [1, 256] (default 8)
         */
        public Options withFactors(int factors) {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, guestOrderRate, cancellationRate, freeGiftRate, adjustmentRate, rules);
        }

        /**
         * {@return a copy with another strength of personal taste (standard deviation of the affinity)}
         *
         * @param taste standard deviation of the user-item affinity {@code user . item}, in [0, 5]; 0 draws items by
         *              popularity alone (default 1)
         */
        public Options withTaste(double taste) {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, guestOrderRate, cancellationRate, freeGiftRate, adjustmentRate, rules);
        }

        /**
         * {@return a copy with another exponent of the popularity power law}
         *
         * @param popularityExponent exponent of the power law of item popularity, in [0, 5] (default 1, Zipf)
         */
        public Options withPopularityExponent(double popularityExponent) {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, guestOrderRate, cancellationRate, freeGiftRate, adjustmentRate, rules);
        }

        /**
         * {@return a copy with another rate of guest orders (lines without a customer id)}
         *
         * @param guestOrderRate guest orders without a customer id per customer order, in [0, 1] (default 0.03)
         */
        public Options withGuestOrderRate(double guestOrderRate) {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, guestOrderRate, cancellationRate, freeGiftRate, adjustmentRate, rules);
        }

        /**
         * {@return a copy with another probability that an order is later partly cancelled}
         *
         * @param cancellationRate probability that an order is later partly cancelled, in [0, 1] (default 0.02)
         */
        public Options withCancellationRate(double cancellationRate) {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, guestOrderRate, cancellationRate, freeGiftRate, adjustmentRate, rules);
        }

        /**
         * {@return a copy with another probability of a free-gift line (price 0) in an order}
         *
         * @param freeGiftRate probability that an order has an extra free-gift line with price 0, in [0, 1] (default
         *                     0.01)
         */
        public Options withFreeGiftRate(double freeGiftRate) {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, guestOrderRate, cancellationRate, freeGiftRate, adjustmentRate, rules);
        }

        /**
         * {@return a copy with another probability of a stock-correction line (quantity -1) in an order}
         *
         * @param adjustmentRate probability that an order has an extra stock-correction line with quantity -1, in [0,
         *                       1] (default 0.005)
         */
        public Options withAdjustmentRate(double adjustmentRate) {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, guestOrderRate, cancellationRate, freeGiftRate, adjustmentRate, rules);
        }

        /** {@return a copy with no noise at all: every line is a purchase of a known customer (clean data)} */
        public Options withoutNoise() {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, 0.0, 0.0, 0.0, 0.0, rules);
        }

        /**
         * {@return a copy whose log is built with other purchase rules, for example netting cancellations}
         *
         * @param rules purchase rules of the log's builder (default {@link PurchaseRules#defaults()}: cancellations
         *              skipped)
         */
        public Options withRules(PurchaseRules rules) {
            return new Options(seed, customers, items, start, months, monthlyGrowth, tailMonths, dropout, r, alpha,
                    a, b, spendP, spendQ, spendGamma, meanLinesPerOrder, maxLinesPerOrder, factors, taste,
                    popularityExponent, guestOrderRate, cancellationRate, freeGiftRate, adjustmentRate, rules);
        }
    }

    private final Options options;
    private final TransactionLog log;
    private final long startSecond;
    private final long endSecond;
    private final double[] lambda;
    private final double[] dropoutP;
    private final double[] nu;
    private final boolean[] alive;
    private final long[] acquisition;

    SyntheticShop(Options options, TransactionLog log, long startSecond, long endSecond, double[] lambda,
                  double[] dropoutP, double[] nu, boolean[] alive, long[] acquisition) {
        this.options = options;
        this.log = log;
        this.startSecond = startSecond;
        this.endSecond = endSecond;
        this.lambda = lambda;
        this.dropoutP = dropoutP;
        this.nu = nu;
        this.alive = alive;
        this.acquisition = acquisition;
    }

    /**
     * Generates a shop. Deterministic: equal options give equal shops. Time O(customers * items *
     * factors + lines), single-threaded; a shop of a million lines takes a few seconds.
     *
     * @param options read; see {@link Options}
     * @return the shop: its log, its customers' true parameters and the model it was drawn from
     */
    public static SyntheticShop generate(Options options) {
        return new ShopGenerator(Objects.requireNonNull(options, "options")).generate();
    }

    /** {@return the options the shop was generated with} */
    public Options options() {
        return options;
    }

    /** {@return the shop's order lines, built with {@link Options#rules()}, in UTC} */
    public TransactionLog log() {
        return log;
    }

    /** {@return the number of customers; the length of every truth array, equal to {@code log().customerCount()}} */
    public int customerCount() {
        return lambda.length;
    }

    /** {@return the start of the log, {@link Options#start()} at 00:00 UTC, in epoch seconds (inclusive)} */
    public long startEpochSecond() {
        return startSecond;
    }

    /** {@return the end of the log, {@link Options#end()} at 00:00 UTC, in epoch seconds (exclusive)} */
    public long endEpochSecond() {
        return endSecond;
    }

    /**
     * {@return the true purchase rate of each customer while active, in purchases per day; copied, by dense customer
     * index}
     */
    public double[] lambda() {
        return lambda.clone();
    }

    /** {@return the true dropout probability {@code p} of each customer; copied, by dense customer index} */
    public double[] dropoutP() {
        return dropoutP.clone();
    }

    /**
     * {@return the true Gamma-Gamma {@code nu} of each customer (mean order value {@code spendP / nu}); copied, by
     * dense customer index}
     */
    public double[] nu() {
        return nu.clone();
    }

    /** {@return whether each customer is still active at {@link #endEpochSecond()}; copied, by dense customer index} */
    public boolean[] aliveAtEnd() {
        return alive.clone();
    }

    /**
     * {@return the acquisition time (first purchase) of each customer in epoch seconds; copied, by dense customer
     * index}
     */
    public long[] acquisitionTimes() {
        return acquisition.clone();
    }

    /** A short summary: sizes, date range, repeat buyers, customers alive at the end, revenue and skipped lines. */
    @Override
    public String toString() {
        Orders purchases = log.orders(false);
        int repeat = 0;
        for (int c = 0; c < purchases.customerCount(); c++) {
            repeat += purchases.orderEnd(c) - purchases.orderStart(c) >= 2 ? 1 : 0;
        }
        int aliveCount = 0;
        for (boolean a : alive) {
            aliveCount += a ? 1 : 0;
        }
        double revenue = 0.0;
        for (int i = 0; i < log.size(); i++) {
            revenue += log.amount(i);
        }
        int n = customerCount();
        LineCounts counts = log.lineCounts();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "SyntheticShop (seed %d): %,d customers, %,d orders, %,d lines, %,d items%n",
                options.seed(), n, purchases.size(), log.size(), log.itemCount()));
        sb.append(String.format(Locale.ROOT, "  period      %s .. %s (exclusive, UTC), %d acquisition + %d tail months%n",
                options.start(), options.end(), options.months(), options.tailMonths()));
        sb.append(String.format(Locale.ROOT, "  repeat      %.1f%% of customers bought again; %.1f%% still active at the end%n",
                100.0 * repeat / n, 100.0 * aliveCount / n));
        sb.append(String.format(Locale.ROOT, "  revenue     %,.2f (%,.2f per customer)%n", revenue, revenue / n));
        sb.append(String.format(Locale.ROOT, "  lines       read %,d, kept %,d", counts.read(), counts.kept()));
        for (SkipReason reason : SkipReason.values()) {
            long c = counts.skipped(reason);
            if (c > 0) {
                sb.append(String.format(Locale.ROOT, ", %s %,d", reason.label(), c));
            }
        }
        return sb.append('\n').toString();
    }

    static long epochSecond(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
}
