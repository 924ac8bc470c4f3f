package dev.retention.report.internal;

import java.util.Locale;

/**
 * Axis ticks at "nice" numbers, Heckbert's labelling algorithm ("Nice numbers for graph labels", Graphics Gems,
 * 1990): the range is rounded to 1, 2, 5 or 10 times a power of ten, the step to the nice number nearest to
 * range / (target - 1), and the ticks run from the largest multiple of the step at or below the minimum to the
 * smallest at or above the maximum. Tick values are computed as integer multiples of the step's mantissa divided by a
 * power of ten, so 0.1 + 0.2 never shows as 0.30000000000000004. Immutable.
 */
public final class Ticks {

    /** Ticks within this many decades of each other cannot be told apart on a chart. */
    private static final int MIN_EXPONENT = -300;

    private final long first;
    private final int count;
    private final int mantissa;
    private final int exponent;

    private Ticks(long first, int count, int mantissa, int exponent) {
        this.first = first;
        this.count = count;
        this.mantissa = mantissa;
        this.exponent = exponent;
    }

    /**
     * {@return the nice ticks covering {@code [lo, hi]}, about {@code target} of them} An empty range is widened
     * around its value (to [0, 1] at 0). O(1).
     *
     * @param lo     the smallest value to show, finite
     * @param hi     the largest value to show, finite, {@code >= lo}
     * @param target the number of ticks wanted, in [2, 50]
     * @throws IllegalArgumentException naming a bound that is not finite, bounds in the wrong order or a bad target
     */
    public static Ticks of(double lo, double hi, int target) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("tick bounds must be finite, got [" + lo + ", " + hi + "]");
        }
        if (hi < lo) {
            throw new IllegalArgumentException("tick bounds must be in order, got lo " + lo + " > hi " + hi);
        }
        if (target < 2 || target > 50) {
            throw new IllegalArgumentException("target must be in [2, 50], got " + target);
        }
        if (hi == lo) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo = lo == 0 ? 0 : lo - pad;
            hi = hi + pad;
        }
        double range = nice(hi - lo, false);
        double rawStep = nice(range / (target - 1), true);
        int exp = (int) Math.floor(Math.log10(rawStep));
        exp = Math.max(exp, MIN_EXPONENT);
        int mant = (int) Math.round(rawStep / Math.pow(10, exp));
        if (mant >= 10) {
            mant = 1;
            exp++;
        }
        double step = mant * Math.pow(10, exp);
        long firstIndex = (long) Math.floor(lo / step + 1e-9);
        long lastIndex = (long) Math.ceil(hi / step - 1e-9);
        int count = (int) Math.min(Math.max(lastIndex - firstIndex + 1, 2), 1000);
        return new Ticks(firstIndex, count, mant, exp);
    }

    /** Heckbert's nice number: 1, 2, 5 or 10 times a power of ten, rounded or at least {@code x}. */
    private static double nice(double x, boolean round) {
        int exp = (int) Math.floor(Math.log10(x));
        double f = x / Math.pow(10, exp);
        double nf;
        if (round) {
            nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        } else {
            nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        }
        return nf * Math.pow(10, exp);
    }

    /** {@return the number of ticks} */
    public int count() {
        return count;
    }

    /**
     * {@return the value of tick {@code i}}
     *
     * @param i in [0, count())
     */
    public double value(int i) {
        long k = (first + i) * mantissa;
        return exponent >= 0 ? k * Math.pow(10, exponent) : k / Math.pow(10, -exponent);
    }

    /** {@return the first tick's value, at or below the range's minimum} */
    public double min() {
        return value(0);
    }

    /** {@return the last tick's value, at or above the range's maximum} */
    public double max() {
        return value(count - 1);
    }

    /** {@return the step between ticks} */
    public double step() {
        return exponent >= 0 ? mantissa * Math.pow(10, exponent) : mantissa / Math.pow(10, -exponent);
    }

    /** {@return the decimals that show every tick exactly: 0 for steps of 1 and more} */
    public int decimals() {
        return Math.max(0, -exponent);
    }

    /**
     * {@return the label of tick {@code i}: thousands separators and {@link #decimals()} decimals, or with k, M or
     * B when every tick is a whole multiple of a thousand, million or billion ("250k", "1.5M")}
     *
     * @param i in [0, count())
     */
    public String label(int i) {
        return format(value(i));
    }

    /**
     * {@return a value in the format of these ticks' labels}
     *
     * @param v the value
     */
    public String format(double v) {
        if (v == 0) {
            return "0";
        }
        double top = Math.max(Math.abs(min()), Math.abs(max()));
        String[] suffix = {"B", "M", "k"};
        double[] scale = {1e9, 1e6, 1e3};
        for (int s = 0; s < scale.length; s++) {
            if (top >= 10 * scale[s] && exponent >= 0) {
                int dec = Math.max(0, (int) Math.round(Math.log10(scale[s])) - exponent);
                return Html.number(v / scale[s], dec) + suffix[s];
            }
        }
        return Html.number(v, decimals());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Ticks[");
        for (int i = 0; i < count; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s", label(i)));
        }
        return sb.append(']').toString();
    }
}
