package dev.retention.lifetime.internal;

import dev.retention.special.LogGamma;

/**
 * Log-gamma and digamma for the likelihoods of the lifetime models.
 *
 * <p>Design: both functions shift a small argument up by the recurrences
 * {@code ln Gamma(x) = ln Gamma(x + n) - ln(x (x + 1) ... (x + n - 1))} and
 * {@code psi(x) = psi(x + n) - sum_k 1 / (x + k)} until it is at least {@value #SHIFT}, then use the
 * Stirling (de Moivre) asymptotic series with Bernoulli numbers B2..B14 (Abramowitz and Stegun 6.1.40 and
 * 6.3.18), whose first omitted term is below 1e-18 there. Negative non-integer arguments of the log-gamma
 * go through the reflection formula {@code Gamma(x) Gamma(1 - x) = pi / sin(pi x)} (A&amp;S 6.1.17), with
 * the sign returned separately. Accuracy against SciPy 1.10 ({@code gammaln}, {@code digamma}): about
 * 1e-15 relative, or 1e-14 absolute near the zeros (ln Gamma at 1 and 2, psi at 1.4616). O(1) time,
 * no allocation.
 */
public final class SpecialFunctions {

    private static final double SHIFT = 15.0;
    private static final double EULER = 0.5772156649015329;   // 0.57721566490153286060...

    private SpecialFunctions() {
    }

    /**
     * {@code ln Gamma(x)} for {@code x > 0}: core's {@link dev.retention.special.LogGamma#logGamma(double)},
     * shared with the experiment module's distributions.
     */
    public static double logGamma(double x) {
        return LogGamma.logGamma(x);
    }

    /**
     * {@code ln Gamma(x) - ln Gamma(y)} without cancellation: core's
     * {@link dev.retention.special.LogGamma#logGammaRatio(double, double)}.
     */
    public static double logGammaRatio(double x, double y) {
        return LogGamma.logGammaRatio(x, y);
    }

    /**
     * {@code ln |Gamma(x)|} for any real {@code x} that is not a pole ({@code 0, -1, -2, ...}, where it is
     * {@code +Infinity}); see {@link #gammaSign(double)} for the sign.
     */
    public static double logAbsGamma(double x) {
        if (x > 0) {
            return logGamma(x);
        }
        if (x == Math.rint(x)) {
            return Double.POSITIVE_INFINITY;
        }
        // reflection: |Gamma(x)| = pi / (|sin(pi x)| Gamma(1 - x))
        return Math.log(Math.PI / Math.abs(sinPi(x))) - logGamma(1 - x);
    }

    /** The sign of {@code Gamma(x)}: 1 for {@code x > 0}, alternating between the poles below 0; 0 at a pole. */
    public static int gammaSign(double x) {
        if (x > 0) {
            return 1;
        }
        double f = Math.floor(x);
        if (f == x) {
            return 0;
        }
        return ((long) f & 1L) == 0 ? 1 : -1;
    }

    /** Whether {@code x} is 0 or a negative integer, where Gamma has a pole and 1 / Gamma vanishes. */
    public static boolean isNonPositiveInteger(double x) {
        return x <= 0 && x == Math.rint(x);
    }

    /** {@code sin(pi x)}, exact at integers and accurate for large {@code |x|} (argument reduced first). */
    static double sinPi(double x) {
        double r = x % 2.0;                 // in (-2, 2), exact
        if (r > 1) {
            r -= 2;
        } else if (r < -1) {
            r += 2;
        }                                   // now in [-1, 1]
        if (r > 0.5) {
            r = 1 - r;
        } else if (r < -0.5) {
            r = -1 - r;
        }                                   // sin(pi r) unchanged, r in [-0.5, 0.5]
        return Math.sin(Math.PI * r);
    }

    /**
     * The digamma function {@code psi(x) = d/dx ln Gamma(x)} for {@code x > 0}; NaN for {@code x <= 0}
     * or NaN.
     */
    public static double digamma(double x) {
        if (!(x > 0)) {
            return Double.NaN;
        }
        if (x < 1e-8) {
            return -1 / x - EULER + 1.6449340668482264 * x;   // psi(x) = -1/x - gamma + zeta(2) x + O(x^2)
        }
        double shift = 0;
        double y = x;
        while (y < SHIFT) {
            shift += 1 / y;
            y += 1;
        }
        double inv = 1 / y;
        double inv2 = inv * inv;
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
                - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 * (1.0 / 12)))))));
        return Math.log(y) - 0.5 * inv - series - shift;
    }

    /**
     * {@code log(exp(u) + exp(v))} without overflow; {@code -Infinity} when both are {@code -Infinity}.
     */
    public static double logAddExp(double u, double v) {
        double max = Math.max(u, v);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log1p(Math.exp(Math.min(u, v) - max));
    }

    /**
     * {@code log(exp(u) - exp(v))} for {@code u >= v}; {@code -Infinity} when {@code u <= v} (the
     * difference is zero or was lost to rounding).
     */
    public static double logSubExp(double u, double v) {
        if (!(u > v)) {
            return Double.NEGATIVE_INFINITY;
        }
        double d = v - u;
        // log1p(-e^d) accurately: for d > -ln 2 use log(-expm1(d)), else log1p(-exp(d)) (Maechler 2012)
        return u + (d > -0.6931471805599453 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d)));
    }

    /** The most continued-fraction steps {@link #logRegularizedBeta} takes (O(sqrt(max(a, b))) are needed). */
    static final int MAX_FRACTION_STEPS = 1_000_000;

    /**
     * {@code ln I_x(a, b)}, the log of the regularized incomplete beta function, from {@code ln x} and {@code ln(1 -
     * x)} (both given, so that neither side loses digits near 0 or 1): the continued fraction of Numerical Recipes
     * ({@code betacf}, modified Lentz), on the side of {@code (a + 1) / (a + b + 2)} where it converges fast, with
     * {@code I_x(a, b) = 1 - I_{1-x}(b, a)} on the other. At most {@value #MAX_FRACTION_STEPS} steps; the prefactor
     * {@code x^a (1 - x)^b / (a B(a, b))} in logs, {@code B} through {@link #logGammaRatio} so that a huge {@code a}
     * or {@code b} does not cancel.
     *
     * @param logX   {@code ln x}, {@code <= 0}
     * @param log1mX {@code ln(1 - x)}, {@code <= 0}
     * @param a      &gt; 0
     * @param b      &gt; 0
     * @return {@code ln I_x(a, b)}, {@code <= 0}
     */
    static double logRegularizedBeta(double logX, double log1mX, double a, double b) {
        double x = Math.exp(logX);
        if (x * (a + b + 2) > a + 1) {
            return logSubExp(0, logRegularizedBeta(log1mX, logX, b, a));
        }
        double logPrefactor = a * logX + b * log1mX - Math.log(a) - (logGamma(b) + logGammaRatio(a, a + b));
        return logPrefactor + Math.log(betaFraction(x, a, b));
    }

    /** The continued fraction of {@code I_x(a, b)} (Numerical Recipes' {@code betacf}), at most a bounded number of steps. */
    private static double betaFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        d = 1 / (Math.abs(d) < tiny ? tiny : d);
        double h = d;
        int m = 1;
        for (; m <= MAX_FRACTION_STEPS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            double step = d * c;
            h *= step;
            if (Math.abs(step - 1) < 1e-16) {
                break;
            }
        }
        Work.add(m);
        return h;
    }
}
