package dev.retention.lifetime.internal;

/**
 * The Gauss hypergeometric function {@code 2F1(a, b; c; z)} for real parameters and {@code z < 1}, as
 * the lifetime models need it (the BG/NBD expectations and the Pareto/NBD likelihood).
 *
 * <p>Design, following Abramowitz and Stegun, chapter 15:
 * <ul>
 *   <li>{@code z < 0}: Pfaff's transformation (15.3.4) to {@code z / (z - 1)} in {@code (0, 1)};</li>
 *   <li>a non-positive integer {@code a} or {@code b} (or {@code c - a}, {@code c - b} after Euler's
 *       transformation 15.3.3): the terminating series, exactly;</li>
 *   <li>{@code 0 <= z <= 0.9}, or wherever the defining series (15.1.1) converges within
 *       {@value #MAX_TERMS} terms while the transformation below would be unstable: the series,
 *       summed until a term no longer changes the sum;</li>
 *   <li>{@code z > 0.9}: the transformation to {@code 1 - z} (15.3.6), whose two series in
 *       {@code w = 1 - z < 0.1} converge fast. It needs {@code m = c - a - b} not to be an integer, and
 *       near one its two terms cancel (their rounding error grows like {@code 1e-16 |b| / |m - k|}). Within
 *       {@value #NEAR_INTEGER} of an integer {@code k} the value is the cubic interpolant through
 *       {@code m = k +- h, k +- 2h} (moving {@code c}); its error is {@code O(h^4)}.</li>
 * </ul>
 * The caller may pass {@code w = 1 - z} computed without cancellation (for example
 * {@code beta / (alpha + t)} rather than {@code 1 - (alpha - beta) / (alpha + t)}); it is used wherever
 * {@code 1 - z} appears. Accuracy against SciPy 1.10's {@code hyp2f1} on the tested grid: 1e-13
 * relative away from integer {@code m}, 1e-10 next to one. Cost: O(terms), at most {@value #MAX_TERMS}
 * per series and eight series per call; NaN when that is not enough (the callers fall back); no allocation.
 */
public final class Hypergeometric {

    /** Series above this argument are slow: switch to the 1 - z transformation if it is stable. */
    private static final double DIRECT_LIMIT = 0.9;
    /**
     * Most terms summed in one series (about a millisecond); a series that needs more returns NaN and the caller
     * takes another way (the 1 - z transformation here, the quadrature of {@code BgNbdFormulas}).
     */
    static final int MAX_TERMS = 100_000;
    /** Distance to an integer m = c - a - b below which the 1 - z transformation interpolates. */
    static final double NEAR_INTEGER = 1e-3;

    private Hypergeometric() {
    }

    /**
     * {@code 2F1(a, b; c; z)}.
     *
     * @param c not 0 or a negative integer
     * @param z below 1
     * @return the value; infinite only when it exceeds the double range
     * @throws IllegalArgumentException if an argument is not finite, {@code z >= 1}, or {@code c} is a pole
     */
    public static double hyp2f1(double a, double b, double c, double z) {
        return hyp2f1(a, b, c, z, 1 - z);
    }

    /**
     * {@code 2F1(a, b; c; z)} with {@code w = 1 - z} supplied by the caller, more accurate than
     * {@code 1 - z} when {@code z} is close to 1.
     *
     * @param w {@code 1 - z}, positive; {@code z} itself may have rounded to 1
     * @see #hyp2f1(double, double, double, double)
     */
    public static double hyp2f1(double a, double b, double c, double z, double w) {
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(z))) {
            throw new IllegalArgumentException("hyp2f1 needs finite arguments, got a=" + a + ", b=" + b + ", c=" + c
                    + ", z=" + z);
        }
        if (!(z <= 1) || !(w > 0)) {    // z may round to 1 when the caller's exact w is tiny
            throw new IllegalArgumentException("hyp2f1 needs z < 1 (and w = 1 - z > 0), got z=" + z + ", w=" + w);
        }
        if (SpecialFunctions.isNonPositiveInteger(c)) {
            throw new IllegalArgumentException("hyp2f1 is undefined for c = " + c + " (a pole of the series)");
        }
        if (z == 0 || a == 0 || b == 0) {
            return 1;
        }
        if (z < 0) {
            // Pfaff: F(a,b;c;z) = (1-z)^-a F(a, c-b; c; z/(z-1)); 1 - z/(z-1) = 1/(1-z)
            double y = z / (z - 1);
            double wy = 1 / w;
            // use the form whose first parameter makes the prefactor smaller in magnitude
            if (Math.abs(a) <= Math.abs(b)) {
                return Math.exp(-a * Math.log(w)) * positive(a, c - b, c, y, wy);
            }
            return Math.exp(-b * Math.log(w)) * positive(b, c - a, c, y, wy);
        }
        return positive(a, b, c, z, w);
    }

    /** 0 < z < 1. */
    private static double positive(double a, double b, double c, double z, double w) {
        if (SpecialFunctions.isNonPositiveInteger(a) || SpecialFunctions.isNonPositiveInteger(b)) {
            return series(a, b, c, z, MAX_TERMS);                     // a polynomial, NaN if longer
        }
        double m = c - a - b;
        if (SpecialFunctions.isNonPositiveInteger(c - a) || SpecialFunctions.isNonPositiveInteger(c - b)) {
            return Math.exp(m * Math.log(w)) * series(c - a, c - b, c, z, MAX_TERMS);   // Euler
        }
        if (z <= DIRECT_LIMIT) {
            return series(a, b, c, z, MAX_TERMS);
        }
        // The 1 - z transformation sums series whose terms grow about like (w |a b / (1 - m)|)^n / n! before
        // they shrink; keep it where that growth is mild, and sum the defining series otherwise.
        double scale = w * Math.max(Math.max(Math.abs(a), Math.abs(b)), Math.max(Math.abs(c - a), Math.abs(c - b)));
        // the direct series' terms shrink like z^n once past their peak: about 40 / w terms, too many when w is tiny
        if (scale > 2 && 40 / w < MAX_TERMS) {
            double direct = series(a, b, c, z, MAX_TERMS);
            if (!Double.isNaN(direct)) {
                return direct;
            }
        }
        return oneMinusZ(a, b, c, w);
    }

    /**
     * The 1 - z transformation (A&amp;S 15.3.6). Within {@value #NEAR_INTEGER} of an integer {@code k}, its
     * two terms cancel (each grows like {@code 1 / (m - k)}), so the value is the cubic through the values at
     * {@code m = k - 2h, k - h, k + h, k + 2h} ({@code h =} {@value #NEAR_INTEGER}, moving {@code c}), whose
     * interpolation error is {@code O(h^4)}.
     */
    private static double oneMinusZ(double a, double b, double c, double w) {
        double m = c - a - b;
        double k = Math.rint(m);
        double e = m - k;
        double h = NEAR_INTEGER;
        if (Math.abs(e) >= h) {
            return transformed(a, b, c, w);
        }
        double base = c - e;       // c at which m would be exactly k
        double f1 = transformed(a, b, base - 2 * h, w);
        double f2 = transformed(a, b, base - h, w);
        double f3 = transformed(a, b, base + h, w);
        double f4 = transformed(a, b, base + 2 * h, w);
        double t = e / h;          // nodes at t = -2, -1, 1, 2
        double l1 = (t + 1) * (t - 1) * (t - 2) / ((-2 + 1) * (-2 - 1) * (-2 - 2));
        double l2 = (t + 2) * (t - 1) * (t - 2) / ((-1 + 2) * (-1 - 1) * (-1 - 2));
        double l3 = (t + 2) * (t + 1) * (t - 2) / ((1 + 2) * (1 + 1) * (1 - 2));
        double l4 = (t + 2) * (t + 1) * (t - 1) / ((2 + 2) * (2 + 1) * (2 - 1));
        return l1 * f1 + l2 * f2 + l3 * f3 + l4 * f4;
    }

    /**
     * F(a,b;c;z) = G(c)G(m)/(G(c-a)G(c-b)) F(a,b;1-m;w) + w^m G(c)G(-m)/(G(a)G(b)) F(c-a,c-b;1+m;w), for
     * non-integer m = c - a - b.
     */
    private static double transformed(double a, double b, double c, double w) {
        double m = c - a - b;
        int sc = SpecialFunctions.gammaSign(c);
        double first = 0;
        double logFirst = Double.NEGATIVE_INFINITY;
        if (!SpecialFunctions.isNonPositiveInteger(c - a) && !SpecialFunctions.isNonPositiveInteger(c - b)) {
            double s1 = series(a, b, 1 - m, w, MAX_TERMS);
            int sign = sc * SpecialFunctions.gammaSign(m) * SpecialFunctions.gammaSign(c - a)
                    * SpecialFunctions.gammaSign(c - b) * (s1 < 0 ? -1 : 1);
            // pair Gamma(c) with the larger of Gamma(c - a), Gamma(c - b) so that large arguments cancel exactly
            logFirst = c - a >= c - b
                    ? logRatio(c, c - a) + logRatio(m, c - b) + Math.log(Math.abs(s1))
                    : logRatio(c, c - b) + logRatio(m, c - a) + Math.log(Math.abs(s1));
            first = sign;
        }
        double second = 0;
        double logSecond = Double.NEGATIVE_INFINITY;
        {
            // with a = 1 (or b = 1) the second series is 2F1(c - 1, B; B; w) = (1 - w)^(1 - c) exactly, whose direct
            // summation would need about c w terms (the Pareto/NBD's a = 1 with a huge s)
            double logS2;
            int s2Sign = 1;
            if (a == 1 || b == 1) {
                logS2 = -(c - 1) * Math.log1p(-w);
            } else {
                double s2 = series(c - a, c - b, 1 + m, w, MAX_TERMS);
                logS2 = Math.log(Math.abs(s2));
                s2Sign = s2 < 0 ? -1 : 1;
            }
            int sign = sc * SpecialFunctions.gammaSign(-m) * SpecialFunctions.gammaSign(a)
                    * SpecialFunctions.gammaSign(b) * s2Sign;
            logSecond = m * Math.log(w) + logS2 + (a >= b
                    ? logRatio(c, a) + logRatio(-m, b)
                    : logRatio(c, b) + logRatio(-m, a));
            second = sign;
        }
        double max = Math.max(logFirst, logSecond);
        if (max == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        double sum = first * Math.exp(logFirst - max) + second * Math.exp(logSecond - max);
        return sum * Math.exp(max);
    }

    /** ln |Gamma(x)| - ln |Gamma(y)|, exact in the cancellation when both are positive. */
    private static double logRatio(double x, double y) {
        if (x > 0 && y > 0) {
            return SpecialFunctions.logGammaRatio(x, y);
        }
        return SpecialFunctions.logAbsGamma(x) - SpecialFunctions.logAbsGamma(y);
    }

    /**
     * The defining series, summed until two consecutive terms are negligible; NaN if it has not converged
     * after {@code maxTerms} terms (the caller then transforms).
     */
    static double series(double a, double b, double c, double z, int maxTerms) {
        double sum = 1;
        double term = 1;
        int small = 0;
        int n = 0;
        double result = Double.NaN;
        for (; n < maxTerms; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            double next = sum + term;
            if (term == 0) {
                result = next;
                break;
            }
            if (next == sum || Math.abs(term) <= 1e-17 * Math.abs(next)) {
                // the terms must also be shrinking, or a later growth could still matter
                double ratio = Math.abs((a + n + 1) * (b + n + 1) / ((c + n + 1) * (n + 2)) * z);
                if (ratio < 1 && ++small >= 2) {
                    result = next;
                    break;
                }
            } else {
                small = 0;
            }
            sum = next;
            if (Double.isInfinite(sum)) {
                result = sum;
                break;
            }
        }
        Work.add(n);
        return result;
    }
}
