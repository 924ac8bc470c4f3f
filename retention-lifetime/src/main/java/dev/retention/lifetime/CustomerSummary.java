package dev.retention.lifetime;

import dev.retention.data.IdIndex;
import dev.retention.data.TransactionLog;
import dev.retention.model.DataFingerprint;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The per-customer statistics the "buy till you die" models need: frequency {@code x} (repeat purchase
 * periods), recency {@code t_x} (time from the first to the last purchase), age {@code T} (time from the first
 * purchase to the end of calibration) and the mean value of the repeat purchases, optionally with the
 * purchases of a holdout period after calibration. Immutable and thread-safe; arrays are copied in and out.
 *
 * <p>From a transaction log ({@link #from(TransactionLog, SummaryOptions)}), as in Fader, Hardie and Lee
 * (2005) and the lifetimes package: purchases are counted by calendar day in the log's zone, so that
 * purchases on the same day count once and their amounts add up to one transaction value; {@code x} is the
 * number of purchase days after the first, {@code t_x} and {@code T} are whole days divided by the unit
 * ({@code T} runs to the last calibration day, so a customer whose first purchase is on that day has
 * {@code T = 0}); the monetary value is the mean value of the repeat purchase days, 0 without repeat
 * purchases. Netted cancellation lines are not purchases and are ignored. Customers whose first purchase
 * falls after calibration are not in the summary ({@link #customersAcquiredInHoldout()} counts them).
 * Holdout frequency counts purchase days in the holdout period.
 *
 * <p>From arrays ({@link #of}), each customer must satisfy {@code x >= 0}, {@code 0 <= t_x <= T} with finite
 * values, and {@code t_x = 0} when {@code x = 0}; a violation is an {@link IllegalArgumentException} naming
 * the row. The monetary value must be finite; the Gamma-Gamma model checks that repeat customers have a
 * positive one.
 *
 * <p>The models' fit summaries record the summary's {@link #fingerprint()}: the customers, the four columns
 * {@code x, t_x, T} and the monetary value, and a checksum of their values, computed once.
 */
public final class CustomerSummary {

    private static final long SECONDS_PER_DAY = 86_400L;

    private final IdIndex ids;             // null: the ids 0..n-1
    private final int[] frequency;
    private final double[] recency;
    private final double[] age;
    private final double[] monetary;
    private final int[] holdoutFrequency;  // null without holdout
    private final double[] holdoutSpend;   // null without holdout
    private final double holdoutLength;
    private final PeriodUnit unit;
    private final LocalDate calibrationEnd;
    private final int acquiredInHoldout;
    private final List<String> warnings;
    private volatile DataFingerprint fingerprint;   // computed when first asked for

    private CustomerSummary(IdIndex ids, int[] frequency, double[] recency, double[] age, double[] monetary,
                            int[] holdoutFrequency, double[] holdoutSpend, double holdoutLength, PeriodUnit unit,
                            LocalDate calibrationEnd, int acquiredInHoldout, List<String> warnings) {
        this.ids = ids;
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.monetary = monetary;
        this.holdoutFrequency = holdoutFrequency;
        this.holdoutSpend = holdoutSpend;
        this.holdoutLength = holdoutLength;
        this.unit = unit;
        this.calibrationEnd = calibrationEnd;
        this.acquiredInHoldout = acquiredInHoldout;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * {@return a summary of customers {@code 0..n-1} without monetary values (all 0)}
     *
     * @param frequency repeat purchases {@code x} per customer; read, copied
     * @param recency   {@code t_x} per customer in {@code unit}s; read, copied
     * @param age       {@code T} per customer in {@code unit}s; read, copied
     * @param unit      the time unit of {@code recency} and {@code age}
     * @throws IllegalArgumentException if the lengths differ or a row is invalid (see the class description)
     */
    public static CustomerSummary of(int[] frequency, double[] recency, double[] age, PeriodUnit unit) {
        return of(null, frequency, recency, age, new double[frequency.length], unit);
    }

    /**
     * {@return a summary from columns}
     *
     * @param ids       customer ids, one per row, or {@code null} for {@code 0..n-1}; read
     * @param frequency repeat purchases {@code x} per customer; read, copied
     * @param recency   {@code t_x} per customer in {@code unit}s; read, copied
     * @param age       {@code T} per customer in {@code unit}s; read, copied
     * @param monetary  mean repeat purchase value per customer (ignored where {@code x = 0}); read, copied
     * @param unit      the time unit of {@code recency} and {@code age}
     * @throws IllegalArgumentException if the lengths differ or a row is invalid (see the class description)
     */
    public static CustomerSummary of(IdIndex ids, int[] frequency, double[] recency, double[] age, double[] monetary,
                                     PeriodUnit unit) {
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(recency, "recency");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(monetary, "monetary");
        Objects.requireNonNull(unit, "unit");
        int n = frequency.length;
        sameLength("recency", recency.length, n);
        sameLength("age", age.length, n);
        sameLength("monetary", monetary.length, n);
        if (ids != null) {
            sameLength("ids", ids.size(), n);
        }
        for (int i = 0; i < n; i++) {
            checkRow(i, frequency[i], recency[i], age[i], monetary[i]);
        }
        return new CustomerSummary(ids, frequency.clone(), recency.clone(), age.clone(), monetary.clone(), null, null,
                0, unit, null, 0, List.of());
    }

    private static void sameLength(String name, int length, int n) {
        if (length != n) {
            throw new IllegalArgumentException(name + " has " + length + " rows, frequency has " + n);
        }
    }

    private static void checkRow(int i, int x, double tx, double t, double m) {
        if (x < 0) {
            throw new IllegalArgumentException("frequency[" + i + "] must be >= 0, got " + x);
        }
        if (!(tx >= 0) || Double.isInfinite(tx)) {
            throw new IllegalArgumentException("recency[" + i + "] must be finite and >= 0, got " + tx);
        }
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("age[" + i + "] must be finite and >= 0, got " + t);
        }
        if (tx > t) {
            throw new IllegalArgumentException("row " + i + ": recency " + tx + " exceeds age " + t
                    + " (t_x > T: the last purchase would be after the end of calibration)");
        }
        if (x == 0 && tx != 0) {
            throw new IllegalArgumentException("row " + i + ": recency " + tx
                    + " with frequency 0 (a customer without repeat purchases has recency 0)");
        }
        if (!Double.isFinite(m)) {
            throw new IllegalArgumentException("monetary[" + i + "] must be finite, got " + m);
        }
    }

    /**
     * {@return a copy with the given monetary values}
     *
     * @param monetary mean repeat purchase value per customer; read, copied; finite
     * @throws IllegalArgumentException if the length differs or a value is not finite
     */
    public CustomerSummary withMonetary(double[] monetary) {
        sameLength("monetary", monetary.length, size());
        for (int i = 0; i < monetary.length; i++) {
            if (!Double.isFinite(monetary[i])) {
                throw new IllegalArgumentException("monetary[" + i + "] must be finite, got " + monetary[i]);
            }
        }
        return new CustomerSummary(ids, frequency, recency, age, monetary.clone(), holdoutFrequency, holdoutSpend,
                holdoutLength, unit, calibrationEnd, acquiredInHoldout, warnings);
    }

    /**
     * {@return a copy with holdout purchases: what each customer bought in the {@code length} units after calibration}
     *
     * @param purchases purchase periods per customer in the holdout, {@code >= 0}; read, copied
     * @param spend     total spend per customer in the holdout, finite; read, copied
     * @param length    length of the holdout period in units, finite and {@code > 0}
     * @throws IllegalArgumentException if a length differs or a value is out of range
     */
    public CustomerSummary withHoldout(int[] purchases, double[] spend, double length) {
        sameLength("purchases", purchases.length, size());
        sameLength("spend", spend.length, size());
        if (!(length > 0) || Double.isInfinite(length)) {
            throw new IllegalArgumentException("holdout length must be finite and > 0, got " + length);
        }
        for (int i = 0; i < purchases.length; i++) {
            if (purchases[i] < 0) {
                throw new IllegalArgumentException("purchases[" + i + "] must be >= 0, got " + purchases[i]);
            }
            if (!Double.isFinite(spend[i])) {
                throw new IllegalArgumentException("spend[" + i + "] must be finite, got " + spend[i]);
            }
        }
        return new CustomerSummary(ids, frequency, recency, age, monetary, purchases.clone(), spend.clone(), length,
                unit, calibrationEnd, acquiredInHoldout, warnings);
    }

    /**
     * {@return the summary of a whole log in days, without holdout; see {@link #from(TransactionLog, SummaryOptions)}}
     *
     * @param log read
     */
    public static CustomerSummary from(TransactionLog log) {
        return from(log, SummaryOptions.defaults());
    }

    /**
     * Summarizes a transaction log, as described in the class comment. O(lines) time; the per-line zone
     * conversion is a division for fixed-offset zones (UTC) and a zone-rules lookup otherwise.
     *
     * @param log     read
     * @param options unit, calibration end and observation end
     * @return one row per customer with a purchase before the calibration end
     * @throws IllegalArgumentException if the log has no purchase, a purchase falls after an explicit
     *                                  {@link SummaryOptions#observationEnd()}, or no customer's first purchase
     *                                  is on or before the calibration end
     */
    public static CustomerSummary from(TransactionLog log, SummaryOptions options) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(options, "options");
        ZoneId zone = log.zone();
        ZoneRules rules = zone.getRules();
        boolean fixed = rules.isFixedOffset();
        long fixedOffset = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
        long lastDay = Long.MIN_VALUE;
        for (int i = 0; i < log.size(); i++) {
            if (!log.isCancellation(i)) {
                lastDay = Math.max(lastDay, day(log.time(i), fixed, fixedOffset, rules));
            }
        }
        if (lastDay == Long.MIN_VALUE) {
            throw new IllegalArgumentException("the transaction log has no purchase to summarize");
        }
        long calEnd = options.calibrationEnd() == null ? lastDay : options.calibrationEnd().toEpochDay();
        long obsEnd = options.observationEnd() == null ? Math.max(lastDay, calEnd) : options.observationEnd().toEpochDay();
        boolean holdout = obsEnd > calEnd;
        double unitDays = options.unit().days();

        int customers = log.customerCount();
        int[] kept = new int[customers];
        int n = 0;
        int[] x = new int[customers];
        double[] tx = new double[customers];
        double[] t = new double[customers];
        double[] m = new double[customers];
        int[] hx = holdout ? new int[customers] : null;
        double[] hs = holdout ? new double[customers] : null;
        int acquiredLater = 0;
        Accumulator a = new Accumulator(calEnd, unitDays);
        for (int c = 0; c < customers; c++) {
            a.reset();
            for (int i = log.lineStart(c); i < log.lineEnd(c); i++) {
                if (log.isCancellation(i)) {
                    continue;
                }
                long d = day(log.time(i), fixed, fixedOffset, rules);
                if (d > obsEnd) {
                    throw new IllegalArgumentException("customer " + log.customers().id(c) + " bought on "
                            + LocalDate.ofEpochDay(d) + ", after the observation end " + LocalDate.ofEpochDay(obsEnd)
                            + "; cut the log with TransactionLog.before(...) to drop later purchases on purpose");
                }
                a.add(d, log.amount(i));
            }
            if (!a.hasPurchase()) {
                continue;   // only netted cancellations cannot happen (the log drops such customers), but be safe
            }
            if (!a.acquiredInCalibration()) {
                acquiredLater++;
                continue;
            }
            int k = n++;
            kept[k] = c;
            x[k] = a.frequency();
            tx[k] = a.recency();
            t[k] = a.age();
            m[k] = a.meanRepeatSpend();
            if (holdout) {
                hx[k] = a.holdoutDays();
                hs[k] = a.holdoutSpend();
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no customer bought on or before the calibration end "
                    + LocalDate.ofEpochDay(calEnd));
        }
        return new CustomerSummary(log.customers().subset(Arrays.copyOf(kept, n)), Arrays.copyOf(x, n),
                Arrays.copyOf(tx, n), Arrays.copyOf(t, n), Arrays.copyOf(m, n),
                holdout ? Arrays.copyOf(hx, n) : null, holdout ? Arrays.copyOf(hs, n) : null,
                holdout ? (obsEnd - calEnd) / unitDays : 0, options.unit(), LocalDate.ofEpochDay(calEnd),
                acquiredLater, calEnd > lastDay ? List.of(String.format(Locale.ROOT, "the calibration end %s is %,d "
                        + "day%s after the data's last purchase day %s: every customer's age runs on through days "
                        + "without data, which the models read as inactivity (dropout)", LocalDate.ofEpochDay(calEnd),
                        calEnd - lastDay, calEnd - lastDay == 1 ? "" : "s", LocalDate.ofEpochDay(lastDay)))
                        : List.of());
    }

    /**
     * One customer's purchases folded into the figures of a summary row, fed line by line in time order with each
     * line's calendar day: the first purchase day; the repeat purchase days (days after the first) and their spend up
     * to the calibration end; the last purchase day in calibration; purchase days and spend after it (the holdout).
     * {@link #from} runs it over a log's customers; an engine that streams each customer's sorted lines (a Spark job)
     * runs the same to give the same figures. Mutable, not thread-safe: one per thread, {@link #reset} between
     * customers.
     */
    public static final class Accumulator {
        private final long calibrationEnd;
        private final double unitDays;
        private long first;
        private long previous;
        private long lastInCalibration;
        private int repeat;
        private double repeatSpend;
        private int holdoutDays;
        private double holdoutSpend;

        /**
         * Creates an accumulator for one calibration end and unit, ready for a first customer.
         *
         * @param calibrationEnd the last day of calibration, as an epoch day
         * @param unitDays       days per time unit of recency and age ({@link PeriodUnit#days()}), {@code > 0}
         * @throws IllegalArgumentException if {@code unitDays} is not finite and positive
         */
        public Accumulator(long calibrationEnd, double unitDays) {
            if (!(unitDays > 0) || Double.isInfinite(unitDays)) {
                throw new IllegalArgumentException("unitDays must be finite and > 0, got " + unitDays);
            }
            this.calibrationEnd = calibrationEnd;
            this.unitDays = unitDays;
            reset();
        }

        /** Forgets the current customer's purchases. */
        public void reset() {
            first = Long.MIN_VALUE;
            previous = Long.MIN_VALUE;
            lastInCalibration = Long.MIN_VALUE;
            repeat = 0;
            repeatSpend = 0;
            holdoutDays = 0;
            holdoutSpend = 0;
        }

        /**
         * Adds one purchase line; lines come in time order (lines of one day may follow each other in any order).
         *
         * @param day    the line's calendar day, as an epoch day
         * @param amount the line's amount
         */
        public void add(long day, double amount) {
            boolean newDay = day != previous;
            previous = day;
            if (first == Long.MIN_VALUE) {
                first = day;
            }
            if (day <= calibrationEnd) {
                if (day != first) {
                    repeat += newDay ? 1 : 0;
                    repeatSpend += amount;
                }
                lastInCalibration = day;
            } else {
                holdoutDays += newDay ? 1 : 0;
                holdoutSpend += amount;
            }
        }

        /** {@return whether a line was added since the last reset} */
        public boolean hasPurchase() {
            return first != Long.MIN_VALUE;
        }

        /** {@return whether the first purchase is on or before the calibration end (the customer has a row)} */
        public boolean acquiredInCalibration() {
            return first != Long.MIN_VALUE && first <= calibrationEnd;
        }

        /** {@return the repeat purchase days in calibration: the summary's frequency} */
        public int frequency() {
            return repeat;
        }

        /** {@return the last purchase day in calibration minus the first, in units} */
        public double recency() {
            return (lastInCalibration - first) / unitDays;
        }

        /** {@return the calibration end minus the first purchase day, in units} */
        public double age() {
            return (calibrationEnd - first) / unitDays;
        }

        /** {@return the mean spend per repeat purchase day in calibration; 0 without repeat purchases} */
        public double meanRepeatSpend() {
            return repeat > 0 ? repeatSpend / repeat : 0;
        }

        /** {@return the purchase days after the calibration end} */
        public int holdoutDays() {
            return holdoutDays;
        }

        /** {@return the spend after the calibration end} */
        public double holdoutSpend() {
            return holdoutSpend;
        }
    }

    private static long day(long epochSecond, boolean fixed, long fixedOffset, ZoneRules rules) {
        long offset = fixed ? fixedOffset : rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        return Math.floorDiv(epochSecond + offset, SECONDS_PER_DAY);
    }

    /**
     * {@return what makes this summary doubtful as the data of a fit, one sentence each: a calibration end after
     * the log's last purchase day} Every lifetime fit copies them into its fit summary as warnings; empty for
     * summaries built from arrays.
     */
    public List<String> warnings() {
        return warnings;
    }

    /** {@return the number of customers} */
    public int size() {
        return frequency.length;
    }

    /** {@return the time unit of recency, age and holdout length} */
    public PeriodUnit unit() {
        return unit;
    }

    /** {@return the customers' ids (the ids {@code 0..n-1} for a summary built from arrays without ids)} */
    public IdIndex customers() {
        return ids == null ? IdIndex.identity(size()) : ids;
    }

    /**
     * {@return the external id of customer {@code i}}
     *
     * @param i customer, in [0, size())
     */
    public String id(int i) {
        Objects.checkIndex(i, size());
        return ids == null ? Integer.toString(i) : ids.id(i);
    }

    /**
     * {@return repeat purchases {@code x} of customer {@code i}}
     *
     * @param i customer, in [0, size())
     */
    public int frequency(int i) {
        return frequency[i];
    }

    /**
     * {@return the recency {@code t_x} of customer {@code i}, in units}
     *
     * @param i customer, in [0, size())
     */
    public double recency(int i) {
        return recency[i];
    }

    /**
     * {@return the age {@code T} of customer {@code i}, in units}
     *
     * @param i customer, in [0, size())
     */
    public double age(int i) {
        return age[i];
    }

    /**
     * {@return the mean repeat purchase value of customer {@code i}; 0 without repeat purchases}
     *
     * @param i customer, in [0, size())
     */
    public double monetaryValue(int i) {
        return monetary[i];
    }

    /** {@return all frequencies, copied} */
    public int[] frequencies() {
        return frequency.clone();
    }

    /** {@return all recencies, copied} */
    public double[] recencies() {
        return recency.clone();
    }

    /** {@return all ages, copied} */
    public double[] ages() {
        return age.clone();
    }

    /** {@return all monetary values, copied} */
    public double[] monetaryValues() {
        return monetary.clone();
    }

    /** {@return whether holdout purchases are known} */
    public boolean hasHoldout() {
        return holdoutFrequency != null;
    }

    /**
     * {@return the purchase periods of customer {@code i} in the holdout period}
     *
     * @param i customer, in [0, size())
     * @throws IllegalStateException if the summary has no holdout
     */
    public int holdoutFrequency(int i) {
        requireHoldout();
        return holdoutFrequency[i];
    }

    /**
     * {@return the total spend of customer {@code i} in the holdout period}
     *
     * @param i customer, in [0, size())
     * @throws IllegalStateException if the summary has no holdout
     */
    public double holdoutSpend(int i) {
        requireHoldout();
        return holdoutSpend[i];
    }

    /** {@return the length of the holdout period in units; 0 without holdout} */
    public double holdoutLength() {
        return holdoutLength;
    }

    private void requireHoldout() {
        if (holdoutFrequency == null) {
            throw new IllegalStateException("the summary has no holdout period");
        }
    }

    /** {@return the last calibration day when built from a log, else {@code null}} */
    public LocalDate calibrationEnd() {
        return calibrationEnd;
    }

    /** {@return customers of the log whose first purchase came after calibration, left out of the summary} */
    public int customersAcquiredInHoldout() {
        return acquiredInHoldout;
    }

    /** {@return the mean frequency {@code x}; 0 for an empty summary} */
    public double meanFrequency() {
        double sum = 0;
        for (int v : frequency) {
            sum += v;
        }
        return frequency.length == 0 ? 0 : sum / frequency.length;
    }

    /** {@return the mean age {@code T}, in units; 0 for an empty summary} */
    public double meanAge() {
        double sum = 0;
        for (double v : age) {
            sum += v;
        }
        return age.length == 0 ? 0 : sum / age.length;
    }

    /** {@return the number of customers with at least one repeat purchase} */
    public int repeatCustomers() {
        int count = 0;
        for (int v : frequency) {
            count += v > 0 ? 1 : 0;
        }
        return count;
    }

    /**
     * {@return what the fits of this summary were fitted on: {@code size()} rows, 4 columns, and a checksum of the
     * frequencies, recencies, ages and monetary values, column after column} Computed in O(customers) when first
     * asked for, then kept.
     */
    public DataFingerprint fingerprint() {
        DataFingerprint f = fingerprint;
        if (f == null) {
            f = DataFingerprint.hasher(size(), 4).add(frequency).add(recency).add(age).add(monetary).finish();
            fingerprint = f;
        }
        return f;
    }

    /**
     * Checks that this summary is in the unit of a model: recencies and ages in days do not mean anything to a
     * model fitted in weeks. O(1).
     *
     * @param modelUnit the model's unit
     * @param model     the model's name, for the message
     * @throws IllegalArgumentException if the units differ
     */
    public void requireUnit(PeriodUnit modelUnit, String model) {
        if (modelUnit != unit) {
            throw new IllegalArgumentException("the summary is in " + unit.label() + "s but the " + model
                    + " model is in " + modelUnit.label() + "s");
        }
    }

    /** Sizes, means and the first rows. */
    @Override
    public String toString() {
        int n = size();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "CustomerSummary: %,d customers (%,d repeat), unit %s, mean x %.3f, "
                + "mean T %.2f", n, repeatCustomers(), unit.label(), meanFrequency(), meanAge()));
        if (calibrationEnd != null) {
            sb.append(", calibration ends ").append(calibrationEnd);
        }
        if (hasHoldout()) {
            sb.append(String.format(Locale.ROOT, ", holdout %.2f %ss", holdoutLength, unit.label()));
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "%-12s %8s %10s %10s %12s%s%n", "customer", "x", "t_x", "T", "monetary",
                hasHoldout() ? String.format(Locale.ROOT, " %10s", "holdout x") : ""));
        int shown = Math.min(n, 5);
        for (int i = 0; i < shown; i++) {
            sb.append(String.format(Locale.ROOT, "%-12s %8d %10.2f %10.2f %12.2f%s%n", id(i), frequency[i], recency[i],
                    age[i], monetary[i], hasHoldout() ? String.format(Locale.ROOT, " %10d", holdoutFrequency[i]) : ""));
        }
        if (n > shown) {
            sb.append("...\n");
        }
        return sb.toString();
    }
}
