package dev.retention.experiment.planning;

import dev.retention.experiment.stats.Distributions;

/**
 * Sample size, power and minimum detectable effect of a two-arm experiment with equal arms and a two-sided
 * test, as statsmodels 0.13's {@code NormalIndPower} with {@code ratio=1, alternative='two-sided'}:
 * <pre>
 *   power(d, n) = P(Z &gt; c - d sqrt(n / 2)) + P(Z &lt; -c - d sqrt(n / 2)),   c = Phi^-1(1 - alpha / 2)
 * </pre>
 * (both tails counted, as statsmodels does). For proportions the standardised effect is Cohen's h,
 * {@code h = 2 asin(sqrt(p1)) - 2 asin(sqrt(p0))} ({@code proportion_effectsize(p1, p0)}), with
 * {@code p1 = baseline + mde}; for means Cohen's {@code d = mde / sd}. The size per arm solves
 * {@code power(d, n) = target} to machine precision (safeguarded Newton steps on {@code sqrt(n / 2)}; statsmodels'
 * {@code solve_power} finds the same root with Brent's method) and is reported rounded up to whole units, with
 * the power at that size. Reference: Cohen (1988), <i>Statistical Power Analysis for the Behavioral Sciences</i>,
 * 2nd ed., ch. 6. O(1) per call (a bounded number of steps).
 *
 * <p>Policies: alpha and power must be in (0, 1), and the power above alpha (a two-sided test has power alpha at
 * effect 0, so no size reaches less); an effect of 0 has no sample size (an IllegalArgumentException) and power
 * alpha; rates must stay in [0, 1].
 */
public final class PowerAnalysis {

    private static final int MAX_STEPS = 200;
    /** The largest size per arm considered: beyond it the effect is treated as undetectable. */
    public static final double MAX_UNITS = 1e15;

    private PowerAnalysis() {
    }

    /**
     * {@return Cohen's h between two rates, {@code 2 asin(sqrt(p1)) - 2 asin(sqrt(p0))}}
     *
     * @param p1 the first rate, in [0, 1]
     * @param p0 the second rate, in [0, 1]
     * @throws IllegalArgumentException if a rate is outside [0, 1]
     */
    public static double cohensH(double p1, double p0) {
        checkRate("p1", p1);
        checkRate("p0", p0);
        return 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p0));
    }

    /**
     * {@return the power of the two-sided test for a standardised effect with {@code n} units per arm}
     *
     * @param effectSize the standardised effect (any sign; 0 gives alpha)
     * @param n          units per arm, &gt; 0
     * @param alpha      the significance level, in (0, 1)
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static double power(double effectSize, double n, double alpha) {
        checkUnit("alpha", alpha);
        if (!(n > 0 && Double.isFinite(n))) {
            throw new IllegalArgumentException("n must be finite and > 0, got " + n);
        }
        if (!Double.isFinite(effectSize)) {
            throw new IllegalArgumentException("effectSize must be finite, got " + effectSize);
        }
        return powerAt(Math.abs(effectSize) * Math.sqrt(n / 2), Distributions.normalUpperQuantile(alpha / 2));
    }

    private static double powerAt(double shift, double c) {
        return Distributions.normalSf(c - shift) + Distributions.normalCdf(-c - shift);
    }

    /**
     * {@return the fractional size per arm at which a standardised effect reaches the power}
     *
     * @param effectSize the standardised effect, not 0
     * @param alpha      the significance level, in (0, 1)
     * @param power      the power, in (alpha, 1)
     * @throws IllegalArgumentException if an argument is out of range, the effect is 0, or the size would exceed
     *                                  {@value #MAX_UNITS} per arm
     */
    public static double sampleSize(double effectSize, double alpha, double power) {
        checkUnit("alpha", alpha);
        checkUnit("power", power);
        if (!(power > alpha)) {
            throw new IllegalArgumentException("power must exceed alpha (" + alpha + "), the power of the two-sided test "
                    + "at effect 0, got " + power);
        }
        if (effectSize == 0 || !Double.isFinite(effectSize)) {
            throw new IllegalArgumentException("the effect size must be finite and not 0 (no sample size detects an "
                    + "effect of 0), got " + effectSize);
        }
        double d = Math.abs(effectSize);
        double c = Distributions.normalUpperQuantile(alpha / 2);
        double shift = solveShift(c, power);
        double n = 2 * (shift / d) * (shift / d);
        if (!(n <= MAX_UNITS)) {
            throw new IllegalArgumentException("the effect size " + effectSize + " needs more than " + MAX_UNITS
                    + " units per arm");
        }
        return n;
    }

    /**
     * {@return the shift {@code s = d sqrt(n / 2)} at which the power reaches its target} Safeguarded Newton steps
     * from {@code c + z_power} within a bracket.
     */
    private static double solveShift(double c, double target) {
        double lo = 0;
        double hi = c + Distributions.normalUpperQuantile(1 - target) + 10;
        while (powerAt(hi, c) < target) {
            hi *= 2;
        }
        double s = Math.max(lo, Math.min(hi, c - Distributions.normalUpperQuantile(target)));
        for (int i = 0; i < MAX_STEPS; i++) {
            double f = powerAt(s, c) - target;
            if (f == 0) {
                break;
            }
            if (f < 0) {
                lo = s;
            } else {
                hi = s;
            }
            double slope = Distributions.normalDensity(c - s) - Distributions.normalDensity(c + s);
            double next = slope > 0 ? s - f / slope : 0.5 * (lo + hi);
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - s) <= 1e-15 * s) {
                s = next;
                break;
            }
            s = next;
        }
        return s;
    }

    /**
     * {@return the smallest standardised effect that reaches the power with {@code n} units per arm}
     *
     * @param n     units per arm, &gt; 0
     * @param alpha the significance level, in (0, 1)
     * @param power the power, in (alpha, 1)
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static double detectableEffectSize(double n, double alpha, double power) {
        checkUnit("alpha", alpha);
        checkUnit("power", power);
        if (!(power > alpha)) {
            throw new IllegalArgumentException("power must exceed alpha (" + alpha + "), got " + power);
        }
        if (!(n > 0 && Double.isFinite(n))) {
            throw new IllegalArgumentException("n must be finite and > 0, got " + n);
        }
        return solveShift(Distributions.normalUpperQuantile(alpha / 2), power) / Math.sqrt(n / 2);
    }

    /**
     * Plans a comparison of proportions: the size per arm to detect an absolute change {@code mde} of the
     * baseline rate.
     *
     * @param baseline the control rate, in (0, 1)
     * @param mde      the absolute difference to detect, not 0, with {@code baseline + mde} in [0, 1]
     * @param alpha    the significance level, in (0, 1)
     * @param power    the power, in (alpha, 1)
     * @return the plan, its size rounded up and the power at that size
     * @throws IllegalArgumentException if an argument is out of range or the mde is 0
     */
    public static Plan proportions(double baseline, double mde, double alpha, double power) {
        checkUnit("baseline", baseline);
        if (mde == 0) {
            throw new IllegalArgumentException("mde must not be 0: no sample size detects an effect of 0 (the power at "
                    + "effect 0 is alpha)");
        }
        checkTreatedRate(baseline, mde);
        double h = cohensH(baseline + mde, baseline);
        double exact = sampleSize(h, alpha, power);
        long n = (long) Math.ceil(exact);
        return new Plan(baseline, mde, h, exact, n, power(h, (double) n, alpha), alpha);
    }

    /**
     * The power of a comparison of proportions with a given size per arm.
     *
     * @param baseline the control rate, in (0, 1)
     * @param mde      the absolute difference, with {@code baseline + mde} in [0, 1]; 0 gives power alpha
     * @param n        units per arm, &gt;= 1
     * @param alpha    the significance level, in (0, 1)
     * @return the plan with that size and its power
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static Plan proportionsPower(double baseline, double mde, long n, double alpha) {
        checkUnit("baseline", baseline);
        checkTreatedRate(baseline, mde);
        checkUnits(n);
        double h = cohensH(baseline + mde, baseline);
        return new Plan(baseline, mde, h, (double) n, n, power(h, (double) n, alpha), alpha);
    }

    /**
     * The minimum detectable (absolute, upward) change of a rate with a given size per arm: the {@code mde} whose
     * Cohen's h reaches the power, {@code sin^2(asin(sqrt(baseline)) + h / 2) - baseline}.
     *
     * @param baseline the control rate, in (0, 1)
     * @param n        units per arm, &gt;= 1
     * @param alpha    the significance level, in (0, 1)
     * @param power    the power, in (alpha, 1)
     * @return the plan with that mde
     * @throws IllegalArgumentException if an argument is out of range, or no rate up to 1 is detectable
     */
    public static Plan proportionsMde(double baseline, long n, double alpha, double power) {
        checkUnit("baseline", baseline);
        checkUnits(n);
        double h = detectableEffectSize((double) n, alpha, power);
        double angle = Math.asin(Math.sqrt(baseline)) + h / 2;
        if (angle > Math.PI / 2) {
            throw new IllegalArgumentException(n + " units per arm cannot detect any rise of the baseline " + baseline
                    + " at power " + power + " (the needed Cohen's h " + h + " passes a rate of 1)");
        }
        double s = Math.sin(angle);
        double mde = s * s - baseline;
        return new Plan(baseline, mde, h, (double) n, n, power, alpha);
    }

    /**
     * Plans a comparison of means: the size per arm to detect a difference {@code mde} of an outcome with standard
     * deviation {@code sd} (Cohen's {@code d = mde / sd}, normal approximation as {@code NormalIndPower}).
     *
     * @param sd    the outcome's standard deviation, finite and &gt; 0
     * @param mde   the difference to detect, finite and not 0
     * @param alpha the significance level, in (0, 1)
     * @param power the power, in (alpha, 1)
     * @return the plan
     * @throws IllegalArgumentException if an argument is out of range or the mde is 0
     */
    public static Plan means(double sd, double mde, double alpha, double power) {
        checkSd(sd);
        if (mde == 0 || !Double.isFinite(mde)) {
            throw new IllegalArgumentException("mde must be finite and not 0: no sample size detects an effect of 0, got "
                    + mde);
        }
        double d = mde / sd;
        double exact = sampleSize(d, alpha, power);
        long n = (long) Math.ceil(exact);
        return new Plan(0, mde, d, exact, n, power(d, (double) n, alpha), alpha);
    }

    /**
     * The minimum detectable difference of means with a given size per arm.
     *
     * @param sd    the outcome's standard deviation, finite and &gt; 0
     * @param n     units per arm, &gt;= 1
     * @param alpha the significance level, in (0, 1)
     * @param power the power, in (alpha, 1)
     * @return the plan with that mde
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static Plan meansMde(double sd, long n, double alpha, double power) {
        checkSd(sd);
        checkUnits(n);
        double d = detectableEffectSize((double) n, alpha, power);
        return new Plan(0, d * sd, d, (double) n, n, power, alpha);
    }

    private static void checkSd(double sd) {
        if (!(sd > 0 && Double.isFinite(sd))) {
            throw new IllegalArgumentException("sd must be finite and > 0, got " + sd);
        }
    }

    private static void checkUnits(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("n (units per arm) must be >= 1, got " + n);
        }
    }

    private static void checkTreatedRate(double baseline, double mde) {
        if (!(Double.isFinite(mde) && baseline + mde >= 0 && baseline + mde <= 1)) {
            throw new IllegalArgumentException("baseline + mde must be a rate in [0, 1], got baseline " + baseline
                    + " + mde " + mde);
        }
    }

    private static void checkRate(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be a rate in [0, 1], got " + p);
        }
    }

    private static void checkUnit(String name, double v) {
        if (!(v > 0 && v < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), got " + v);
        }
    }
}
