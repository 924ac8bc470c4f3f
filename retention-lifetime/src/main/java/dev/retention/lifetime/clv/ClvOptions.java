package dev.retention.lifetime.clv;

import dev.retention.lifetime.internal.Checks;

import java.util.Objects;

/**
 * Options of {@link Clv#compute}.
 *
 * @param horizonMonths  months of future purchases counted, in [1, 1200] (default 12)
 * @param discountRate   the discount rate per {@code discountPeriod}, finite, in (-1, 10] (default 0.01, monthly)
 * @param discountPeriod whether the rate is monthly or yearly; a yearly rate {@code y} is applied monthly as
 *                       {@code (1 + y)^(1/12) - 1}
 * @param threads        threads over customers, {@code >= 1} (default 1); the result does not depend on it
 */
public record ClvOptions(int horizonMonths, double discountRate, DiscountPeriod discountPeriod, int threads) {

    /** The period a discount rate refers to. */
    public enum DiscountPeriod {
        /** A rate per month. */
        MONTHLY,
        /** A rate per year, compounded monthly. */
        YEARLY
    }

    /**
     * Validates the options.
     *
     * @param horizonMonths  months of future purchases counted, in [1, 1200] (default 12)
     * @param discountRate   the discount rate per {@code discountPeriod}, finite, in (-1, 10] (default 0.01, monthly)
     * @param discountPeriod whether the rate is monthly or yearly; a yearly rate {@code y} is applied monthly as {@code
     *                       (1 + y)^(1/12) - 1}
     * @param threads        threads over customers, {@code >= 1} (default 1); the result does not depend on it
     * @throws IllegalArgumentException if a value is out of its range (the message names it)
     */
    public ClvOptions {
        if (horizonMonths < 1 || horizonMonths > 1200) {
            throw new IllegalArgumentException("horizonMonths must be in [1, 1200], got " + horizonMonths);
        }
        if (!(discountRate > -1 && discountRate <= 10)) {
            throw new IllegalArgumentException("discountRate must be in (-1, 10], got " + discountRate);
        }
        Objects.requireNonNull(discountPeriod, "discountPeriod");
        Checks.threads(threads);
    }

    /** {@return twelve months at 1% a month (lifetimes' defaults), one thread} */
    public static ClvOptions defaults() {
        return new ClvOptions(12, 0.01, DiscountPeriod.MONTHLY, 1);
    }

    /**
     * {@return a copy with the given horizon in months}
     *
     * @param horizonMonths months of future purchases counted, in [1, 1200] (default 12)
     */
    public ClvOptions withHorizonMonths(int horizonMonths) {
        return new ClvOptions(horizonMonths, discountRate, discountPeriod, threads);
    }

    /**
     * {@return a copy with a monthly discount rate}
     *
     * @param rate the monthly discount rate, in [0, 1)
     */
    public ClvOptions withMonthlyDiscountRate(double rate) {
        return new ClvOptions(horizonMonths, rate, DiscountPeriod.MONTHLY, threads);
    }

    /**
     * {@return a copy with a yearly discount rate}
     *
     * @param rate the yearly discount rate, in [0, 1), turned into the equivalent monthly one
     */
    public ClvOptions withYearlyDiscountRate(double rate) {
        return new ClvOptions(horizonMonths, rate, DiscountPeriod.YEARLY, threads);
    }

    /**
     * {@return a copy using the given number of threads}
     *
     * @param threads threads over customers, {@code >= 1} (default 1); the result does not depend on it
     */
    public ClvOptions withThreads(int threads) {
        return new ClvOptions(horizonMonths, discountRate, discountPeriod, threads);
    }

    /** {@return the rate per month: the rate itself, or {@code (1 + y)^(1/12) - 1} for a yearly rate} */
    public double monthlyRate() {
        return discountPeriod == DiscountPeriod.MONTHLY ? discountRate : Math.expm1(Math.log1p(discountRate) / 12);
    }
}
