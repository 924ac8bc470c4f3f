package dev.retention.experiment.stats;

import dev.retention.evaluation.Correlation;
import dev.retention.random.Seeds;
import dev.retention.random.Variates;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Two-sample comparisons of a treated arm with a control arm: proportions (pooled z-test, Wald, Wilson and
 * Newcombe intervals, a delta-method interval of the relative lift), means (Welch's t-test with the
 * Welch-Satterthwaite degrees of freedom), the Mann-Whitney U test and a seeded percentile bootstrap interval.
 *
 * <p>Conventions, each that of the reference named: the z-test pools the two rates under the null
 * ({@code statsmodels.stats.proportion.proportions_ztest}); the Wald interval uses the unpooled standard error
 * and Newcombe's is his hybrid score method 10 ({@code confint_proportions_2indep}, methods {@code wald} and
 * {@code newcomb}); Welch's test is {@code scipy.stats.ttest_ind(equal_var=False)} with sample variances (divisor
 * n - 1); the Mann-Whitney test is {@code scipy.stats.mannwhitneyu(method='asymptotic', use_continuity=True)}
 * with the tie correction. The relative lift {@code r = a / b - 1} has the first-order (delta-method) variance
 * {@code var(a) / b^2 + a^2 var(b) / b^4} with the estimates' variances {@code p (1 - p) / n} or {@code s^2 / n}
 * (Deng, Knoblich and Lu 2018, "Applying the delta method in metric analytics"). References: Newcombe (1998),
 * <i>Statistics in Medicine</i> 17, 873-890; Welch (1947), <i>Biometrika</i> 34, 28-35; Efron and Tibshirani
 * (1993), <i>An Introduction to the Bootstrap</i>, ch. 13.
 *
 * <p>Cost: O(1) for proportions and summaries, O(n) for Welch on samples, O(n log n) for Mann-Whitney,
 * O(resamples n) for the bootstrap.
 */
public final class TwoSampleTests {

    /** The most bootstrap resamples accepted. */
    public static final int MAX_RESAMPLES = 1_000_000;

    private TwoSampleTests() {
    }

    /**
     * Compares two proportions.
     *
     * @param treatedSuccesses units of the treated arm with outcome 1, in [0, treatedUnits]
     * @param treatedUnits     units of the treated arm, &gt;= 1
     * @param controlSuccesses units of the control arm with outcome 1, in [0, controlUnits]
     * @param controlUnits     units of the control arm, &gt;= 1
     * @param alpha            one minus the confidence level of the intervals, in (0, 1)
     * @return the rates, the difference, the z-test and the intervals
     * @throws IllegalArgumentException if a count is out of range, alpha is outside (0, 1), or both arms have
     *                                  the same constant outcome (every unit 0 or every unit 1: zero variance,
     *                                  no test)
     */
    public static ProportionComparison proportions(long treatedSuccesses, long treatedUnits, long controlSuccesses,
                                                   long controlUnits, double alpha) {
        checkCounts("treated", treatedSuccesses, treatedUnits);
        checkCounts("control", controlSuccesses, controlUnits);
        checkAlpha(alpha);
        long pooledSuccesses = treatedSuccesses + controlSuccesses;
        long pooledUnits = treatedUnits + controlUnits;
        if (pooledSuccesses == 0 || pooledSuccesses == pooledUnits) {
            throw new IllegalArgumentException("the outcome is " + (pooledSuccesses == 0 ? 0 : 1) + " for every one of"
                    + " the " + pooledUnits + " units of both arms: zero variance, so there is no test (the difference"
                    + " is 0)");
        }
        double n1 = treatedUnits;
        double n0 = controlUnits;
        double p1 = treatedSuccesses / n1;
        double p0 = controlSuccesses / n0;
        double diff = p1 - p0;
        double pooled = pooledSuccesses / (double) pooledUnits;
        double se0 = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
        double z = diff / se0;
        double p = Distributions.normalTwoSided(z);
        double crit = Distributions.normalUpperQuantile(alpha / 2);
        double v1 = p1 * (1 - p1) / n1;
        double v0 = p0 * (1 - p0) / n0;
        double se = Math.sqrt(v1 + v0);
        Interval wald = new Interval(diff - crit * se, diff + crit * se);
        Interval w1 = wilson(p1, n1, crit);
        Interval w0 = wilson(p0, n0, crit);
        Interval newcombe = new Interval(diff - Math.hypot(p1 - w1.low(), w0.high() - p0),
                diff + Math.hypot(w1.high() - p1, p0 - w0.low()));
        OptionalDouble lift = OptionalDouble.empty();
        Optional<Interval> liftInterval = Optional.empty();
        if (p0 > 0) {
            double r = p1 / p0 - 1;
            double seR = Math.sqrt(v1 / (p0 * p0) + p1 * p1 * v0 / (p0 * p0 * p0 * p0));
            lift = OptionalDouble.of(r);
            liftInterval = Optional.of(new Interval(r - crit * seR, r + crit * seR));
        }
        return new ProportionComparison(treatedSuccesses, treatedUnits, controlSuccesses, controlUnits, p1, p0, diff,
                z, p, wald, newcombe, w1, w0, lift, liftInterval);
    }

    /**
     * {@return the Wilson score interval of a proportion}
     *
     * @param successes units with outcome 1, in [0, units]
     * @param units     units, &gt;= 1
     * @param alpha     one minus the confidence level, in (0, 1)
     * @throws IllegalArgumentException if a count or alpha is out of range
     */
    public static Interval wilson(long successes, long units, double alpha) {
        checkCounts("", successes, units);
        checkAlpha(alpha);
        return wilson(successes / (double) units, (double) units, Distributions.normalUpperQuantile(alpha / 2));
    }

    private static Interval wilson(double p, double n, double z) {
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * Welch's t-test on two samples.
     *
     * @param treated read: the treated arm's finite values, at least 2
     * @param control read: the control arm's finite values, at least 2
     * @param alpha   one minus the confidence level of the interval, in (0, 1)
     * @return the comparison
     * @throws IllegalArgumentException if an arm has fewer than 2 values or a non-finite one, alpha is out of
     *                                  range, or both arms have zero variance
     */
    public static MeanComparison welch(double[] treated, double[] control, double alpha) {
        double[] a = moments("treated", treated);
        double[] b = moments("control", control);
        return welch(treated.length, a[0], a[1], control.length, b[0], b[1], alpha);
    }

    /**
     * Welch's t-test from summaries.
     *
     * @param treatedUnits    units of the treated arm, &gt;= 2
     * @param treatedMean     the treated mean, finite
     * @param treatedVariance the treated sample variance (divisor n - 1), finite and &gt;= 0
     * @param controlUnits    units of the control arm, &gt;= 2
     * @param controlMean     the control mean, finite
     * @param controlVariance the control sample variance, finite and &gt;= 0
     * @param alpha           one minus the confidence level of the interval, in (0, 1)
     * @return the comparison
     * @throws IllegalArgumentException if an argument is out of range, or both variances are 0 (no test)
     */
    public static MeanComparison welch(long treatedUnits, double treatedMean, double treatedVariance,
                                       long controlUnits, double controlMean, double controlVariance, double alpha) {
        if (treatedUnits < 2 || controlUnits < 2) {
            throw new IllegalArgumentException("each arm needs at least 2 units for a variance, got treated "
                    + treatedUnits + ", control " + controlUnits);
        }
        if (!(Double.isFinite(treatedMean) && Double.isFinite(controlMean) && treatedVariance >= 0
                && controlVariance >= 0 && Double.isFinite(treatedVariance) && Double.isFinite(controlVariance))) {
            throw new IllegalArgumentException("means must be finite and variances finite and >= 0, got means "
                    + treatedMean + ", " + controlMean + ", variances " + treatedVariance + ", " + controlVariance);
        }
        checkAlpha(alpha);
        if (treatedVariance == 0 && controlVariance == 0) {
            throw new IllegalArgumentException("both arms have zero variance (treated " + treatedMean + ", control "
                    + controlMean + " for every unit): the t statistic is undefined, so there is no test");
        }
        double n1 = treatedUnits;
        double n0 = controlUnits;
        double v1 = treatedVariance / n1;
        double v0 = controlVariance / n0;
        double se2 = v1 + v0;
        double se = Math.sqrt(se2);
        double diff = treatedMean - controlMean;
        double t = diff / se;
        double df = se2 * se2 / (v1 * v1 / (n1 - 1) + v0 * v0 / (n0 - 1));
        double p = Distributions.studentTwoSided(t, df);
        double crit = Distributions.studentQuantile(1 - alpha / 2, df);
        OptionalDouble lift = OptionalDouble.empty();
        Optional<Interval> liftInterval = Optional.empty();
        if (controlMean != 0) {
            double m0 = controlMean;
            double r = treatedMean / m0 - 1;
            double seR = Math.sqrt(v1 / (m0 * m0) + treatedMean * treatedMean * v0 / (m0 * m0 * m0 * m0));
            double z = Distributions.normalUpperQuantile(alpha / 2);
            lift = OptionalDouble.of(r);
            liftInterval = Optional.of(new Interval(r - z * seR, r + z * seR));
        }
        return new MeanComparison(treatedUnits, controlUnits, treatedMean, controlMean, treatedVariance,
                controlVariance, diff, t, df, p, new Interval(diff - crit * se, diff + crit * se), lift, liftInterval);
    }

    /**
     * The Mann-Whitney U test, two-sided, by the normal approximation with the tie correction and the
     * continuity correction (SciPy's {@code mannwhitneyu(method='asymptotic')}).
     *
     * @param treated read: the treated arm's finite values, at least 1
     * @param control read: the control arm's finite values, at least 1
     * @return U of the treated arm, the z statistic and the p-value
     * @throws IllegalArgumentException if an arm is empty or holds a non-finite value, or every value of both
     *                                  arms is equal (no test)
     */
    public static RankTest mannWhitney(double[] treated, double[] control) {
        Objects.requireNonNull(treated, "treated");
        Objects.requireNonNull(control, "control");
        if (treated.length == 0 || control.length == 0) {
            throw new IllegalArgumentException("each arm needs at least one value, got treated " + treated.length
                    + ", control " + control.length);
        }
        int n1 = treated.length;
        int n0 = control.length;
        double[] all = new double[n1 + n0];
        System.arraycopy(treated, 0, all, 0, n1);
        System.arraycopy(control, 0, all, n1, n0);
        for (int i = 0; i < all.length; i++) {
            if (!Double.isFinite(all[i])) {
                throw new IllegalArgumentException("value " + (i < n1 ? i : i - n1) + " of the "
                        + (i < n1 ? "treated" : "control") + " arm is not finite: " + all[i]);
            }
        }
        double[] ranks = Correlation.midRanks(all);
        double r1 = 0;
        for (int i = 0; i < n1; i++) {
            r1 += ranks[i];
        }
        double u1 = r1 - n1 * (n1 + 1.0) / 2;
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        double ties = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            ties += t * t * t - t;
            i = j;
        }
        double n = n1 + n0;
        double var = n1 * (double) n0 / 12 * ((n + 1) - ties / (n * (n - 1)));
        if (!(var > 0)) {
            throw new IllegalArgumentException("every one of the " + (long) n + " values of both arms is equal: no test");
        }
        double u = Math.max(u1, n1 * (double) n0 - u1);
        double z = (u - n1 * (double) n0 / 2 - 0.5) / Math.sqrt(var);
        double p = Math.min(1, 2 * Distributions.normalSf(z));
        return new RankTest(u1, z, p);
    }

    /**
     * A percentile bootstrap interval of the difference of means: {@code resamples} times, both arms are
     * resampled with replacement (replicate {@code r} draws from {@code Variates(Seeds.split(seed, r))}), and
     * the interval runs between the {@code alpha / 2} and {@code 1 - alpha / 2} quantiles of the differences
     * (linear interpolation, NumPy's default). Suits heavy-tailed revenue, where the t interval's normality is
     * doubtful. O(resamples (n1 + n0)).
     *
     * @param treated   read: the treated arm's finite values, at least 1
     * @param control   read: the control arm's finite values, at least 1
     * @param alpha     one minus the confidence level, in (0, 1)
     * @param resamples the number of resamples, in [100, {@value #MAX_RESAMPLES}]
     * @param seed      the seed
     * @return the interval
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static Interval bootstrapDifference(double[] treated, double[] control, double alpha, int resamples,
                                               long seed) {
        moments("treated", treated);
        moments("control", control);
        checkAlpha(alpha);
        if (resamples < 100 || resamples > MAX_RESAMPLES) {
            throw new IllegalArgumentException("resamples must be in [100, " + MAX_RESAMPLES + "], got " + resamples);
        }
        double[] diffs = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            Variates v = new Variates(Seeds.split(seed, r));
            diffs[r] = resampledMean(treated, v) - resampledMean(control, v);
        }
        Arrays.sort(diffs);
        return new Interval(quantile(diffs, alpha / 2), quantile(diffs, 1 - alpha / 2));
    }

    private static double resampledMean(double[] x, Variates v) {
        double s = 0;
        int n = x.length;
        for (int i = 0; i < n; i++) {
            s += x[v.nextInt(n)];
        }
        return s / n;
    }

    /** The q-quantile of sorted values by linear interpolation (NumPy's default). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Mean and sample variance (two passes), with the checks of a sample. */
    static double[] moments(String arm, double[] x) {
        Objects.requireNonNull(x, arm);
        if (x.length == 0) {
            throw new IllegalArgumentException("the " + arm + " arm has no units");
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("value " + i + " of the " + arm + " arm is not finite: " + x[i]);
            }
            s += x[i];
        }
        double mean = s / x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return new double[] {mean, x.length > 1 ? ss / (x.length - 1) : 0};
    }

    static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
    }

    private static void checkCounts(String arm, long successes, long units) {
        String what = arm.isEmpty() ? "" : "the " + arm + " arm's ";
        if (units < 1) {
            throw new IllegalArgumentException(what + "units must be >= 1, got " + units + " (an arm without units)");
        }
        if (successes < 0 || successes > units) {
            throw new IllegalArgumentException(what + "successes must be in [0, " + units + "], got " + successes);
        }
    }
}
