package dev.retention.churn.lifetime.internal;

/**
 * Closed forms of the BG/NBD (Fader, Hardie and Lee, "Counting your customers the easy way", Marketing
 * Science 24(2), 2005, and their note "Computing P(alive) using the BG/NBD model", 2008) and of the MBG/NBD
 * (Batislam, Denizel and Filiztekin, IJRM 24(3), 2007) for one customer, in log space where it matters. Inputs
 * are trusted (checked by the public models). O(1) apart from the series noted on each method.
 */
public final class BgNbdFormulas {

    /** Above this argument the series of {@link #expected} is slow and the 1 - z transformation takes over. */
    private static final double SERIES_LIMIT = 0.99;
    /** Distance from a = 1 or a + b = 1 within which the closed form is interpolated (its 0/0 point). */
    private static final double NEAR_SINGULAR = 1e-3;

    private BgNbdFormulas() {
    }

    /**
     * {@code P(alive | x, t_x, T) = 1 / (1 + [x > 0] a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x))}
     * (BG/NBD), or {@code 1 / (1 + a / (b + x) (...)^(r + x))} for every {@code x} (MBG/NBD); a logistic of a
     * log-odds, so it never overflows.
     */
    public static double probabilityAlive(int x, double tx, double t, double r, double alpha, double a, double b,
                                          boolean modified) {
        if (x == 0 && !modified) {
            return 1;
        }
        double logOdds = Math.log(a) - Math.log(b + x - (modified ? 0 : 1))
                + (r + x) * Math.log1p((t - tx) / (alpha + tx));
        return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
    }

    /**
     * The log-likelihood of one customer (see {@link BgNbdLikelihood} for the formula).
     */
    public static double logLikelihood(int x, double tx, double t, double r, double alpha, double a, double b,
                                       boolean modified) {
        int xs = x + (modified ? 1 : 0);
        double c = SpecialFunctions.logGammaRatio(r + x, r) + SpecialFunctions.logGamma(a + b)
                - SpecialFunctions.logGamma(b) + SpecialFunctions.logGammaRatio(b + xs, a + b + xs);
        double u = -r * Math.log1p(t / alpha) - x * Math.log(alpha + t);
        if (x == 0 && !modified) {
            return c + u;
        }
        double v = Math.log(a) - Math.log(b + x - (modified ? 0 : 1)) - r * Math.log1p(tx / alpha)
                - x * Math.log(alpha + tx);
        return c + SpecialFunctions.logAddExp(u, v);
    }

    /**
     * Expected purchases of a new customer in {@code (0, t]}: BG/NBD (FHL eq. 9)
     * {@code (a + b - 1) / (a - 1) [1 - (alpha / (alpha + t))^r 2F1(r, b; a + b - 1; t / (alpha + t))]}; MBG/NBD
     * {@code b / (a + b)} times the BG/NBD value with {@code b + 1} (the customer survives the dropout at time 0
     * with probability {@code b / (a + b)} and then behaves as a BG/NBD customer with {@code p ~ Beta(a, b + 1)}).
     */
    public static double expectedNew(double t, double r, double alpha, double a, double b, boolean modified) {
        if (modified) {
            return b / (a + b) * expected(r, alpha, a, b + 1, t);
        }
        return expected(r, alpha, a, b, t);
    }

    /**
     * Expected purchases in {@code (T, T + t]} of a customer with history {@code (x, t_x, T)} (FHL eq. 10):
     * {@code P(alive)} times the new-customer expectation with the posterior parameters
     * {@code (r + x, alpha + T, a, b + x)} (BG/NBD) or {@code (r + x, alpha + T, a, b + x + 1)} (MBG/NBD).
     */
    public static double expectedConditional(double t, int x, double tx, double tAge, double r, double alpha, double a,
                                             double b, boolean modified) {
        double alive = probabilityAlive(x, tx, tAge, r, alpha, a, b, modified);
        return alive * expected(r + x, alpha + tAge, a, b + x + (modified ? 1 : 0), t);
    }

    /**
     * {@code E[X(t)]} of a BG/NBD customer with parameters {@code (r, alpha, a, b)}:
     * {@code (a + b - 1) / (a - 1) [1 - w^r 2F1(r, b; a + b - 1; z)]} with {@code z = t / (alpha + t)},
     * {@code w = 1 - z}.
     *
     * <p>Evaluated without the closed form's 0/0 at {@code a = 1} and without overflow for large {@code r} and
     * {@code b}: by Euler's transformation {@code w^r 2F1(r, b; c; z) = w^(a-1) 2F1(c - r, a - 1; c; z)}
     * ({@code c = a + b - 1}), and pulling the factor {@code (a - 1) / c} out of that series,
     * <pre>
     * E = c (1 - w^(a-1)) / (a - 1) - w^(a-1) Q,   Q = sum_{n&gt;=1} (c - r)_n (a)_{n-1} z^n / ((a + b)_{n-1} n!)
     * </pre>
     * where {@code (1 - w^(a-1)) / (a - 1) = -expm1((a - 1) ln w) / (a - 1)} is exact at {@code a = 1} and
     * {@code Q} has no pole at {@code c = 0}. For {@code z <= 0.99} the series is summed (at most a few thousand
     * terms); above, the closed form goes through {@link Hypergeometric} and is interpolated near {@code a = 1}
     * and {@code a + b = 1}.
     */
    public static double expected(double r, double alpha, double a, double b, double t) {
        if (t == 0) {
            return 0;
        }
        double z = t / (alpha + t);
        double logW = -Math.log1p(t / alpha);
        if (z <= SERIES_LIMIT) {
            return expectedSeries(r, a, b, z, logW);
        }
        return expectedClosedNearSingular(r, alpha, a, b, t);
    }

    private static double expectedSeries(double r, double a, double b, double z, double logW) {
        double c = a + b - 1;
        double big = c - r;                   // the first parameter of the Euler-transformed series
        double term = big * z;
        double sum = term;
        int small = 0;
        for (int n = 1; n < Hypergeometric.MAX_TERMS; n++) {
            term *= (big + n) * (a + n - 1) / ((a + b + n - 1) * (n + 1)) * z;
            double next = sum + term;
            if (term == 0) {
                sum = next;
                break;
            }
            if (next == sum || Math.abs(term) <= 1e-17 * Math.abs(next)) {
                double ratio = Math.abs((big + n + 1) * (a + n) / ((a + b + n) * (n + 2)) * z);
                if (ratio < 1 && ++small >= 2) {
                    sum = next;
                    break;
                }
            } else {
                small = 0;
            }
            sum = next;
        }
        double am1 = a - 1;
        double e1 = am1 == 0 ? -logW : -Math.expm1(am1 * logW) / am1;
        return c * e1 - Math.exp(am1 * logW) * sum;
    }

    /** The closed form, interpolated by a cubic in a (or b) where it is 0/0 (a = 1) or has a pole (a + b = 1). */
    private static double expectedClosedNearSingular(double r, double alpha, double a, double b, double t) {
        double h = NEAR_SINGULAR;
        double ea = a - 1;
        if (Math.abs(ea) < h) {
            double base = a - ea;   // 1
            return cubic(ea / h, expectedClosedB(r, alpha, base - 2 * h, b, t), expectedClosedB(r, alpha, base - h, b, t),
                    expectedClosedB(r, alpha, base + h, b, t), expectedClosedB(r, alpha, base + 2 * h, b, t));
        }
        return expectedClosedB(r, alpha, a, b, t);
    }

    private static double expectedClosedB(double r, double alpha, double a, double b, double t) {
        double h = NEAR_SINGULAR;
        double ec = a + b - 1;
        if (Math.abs(ec) < h) {
            double base = b - ec;   // b with a + b = 1
            return cubic(ec / h, expectedClosed(r, alpha, a, base - 2 * h, t), expectedClosed(r, alpha, a, base - h, t),
                    expectedClosed(r, alpha, a, base + h, t), expectedClosed(r, alpha, a, base + 2 * h, t));
        }
        return expectedClosed(r, alpha, a, b, t);
    }

    private static double expectedClosed(double r, double alpha, double a, double b, double t) {
        double c = a + b - 1;
        double z = t / (alpha + t);
        double w = alpha / (alpha + t);
        double logW = -Math.log1p(t / alpha);
        double f = Hypergeometric.hyp2f1(c - r, a - 1, c, z, w);
        return c / (a - 1) * (1 - Math.exp((a - 1) * logW) * f);
    }

    /** The cubic through (-2, f1), (-1, f2), (1, f3), (2, f4), at s. */
    static double cubic(double s, double f1, double f2, double f3, double f4) {
        double l1 = (s + 1) * (s - 1) * (s - 2) / -12.0;
        double l2 = (s + 2) * (s - 1) * (s - 2) / 6.0;
        double l3 = (s + 2) * (s + 1) * (s - 2) / -6.0;
        double l4 = (s + 2) * (s + 1) * (s - 1) / 12.0;
        return l1 * f1 + l2 * f2 + l3 * f3 + l4 * f4;
    }

    /**
     * {@code P(X(t) = k)} for a new customer (FHL eq. 8):
     * <pre>
     * B(a, b + k) / B(a, b) NB(k) + [k &gt; 0] B(a + 1, b + k - 1) / B(a, b) P(N &gt;= k)
     * </pre>
     * where {@code N} is negative binomial with {@code P(N = j) = NB(j) = Gamma(r + j) / (Gamma(r) j!) w^r z^j},
     * {@code w = alpha / (alpha + t)}, {@code z = 1 - w}. MBG/NBD:
     * {@code [k = 0] a / (a + b) + b / (a + b) P_BG(k; r, alpha, a, b + 1)}. The tail {@code P(N >= k)} is summed
     * directly when it is the smaller side, so it keeps its relative precision. O(k) terms, or O(tail terms).
     */
    public static double probabilityOfPurchases(int k, double t, double r, double alpha, double a, double b,
                                                boolean modified) {
        if (modified) {
            double bg = probabilityOfPurchasesBg(k, t, r, alpha, a, b + 1);
            return (k == 0 ? a / (a + b) : 0) + b / (a + b) * bg;
        }
        return probabilityOfPurchasesBg(k, t, r, alpha, a, b);
    }

    private static double probabilityOfPurchasesBg(int k, double t, double r, double alpha, double a, double b) {
        if (t == 0) {
            return k == 0 ? 1 : 0;
        }
        double logW = -Math.log1p(t / alpha);
        double logZ = Math.log(t) - Math.log(alpha + t);
        double lgAB = SpecialFunctions.logGamma(a + b);
        double lgB = SpecialFunctions.logGamma(b);
        double logNbK = logNegativeBinomial(k, r, logW, logZ);
        double first = SpecialFunctions.logGammaRatio(b + k, a + b + k) + lgAB - lgB + logNbK;
        if (k == 0) {
            return Math.exp(first);
        }
        double second = Math.log(a) + SpecialFunctions.logGammaRatio(b + k - 1, a + b + k) + lgAB - lgB
                + logNegativeBinomialTail(k, r, logW, logZ);
        return Math.exp(first) + Math.exp(second);
    }

    /** ln P(N = j) for the negative binomial with shape r: ln Gamma(r + j) - ln Gamma(r) - ln j! + r ln w + j ln z. */
    private static double logNegativeBinomial(int j, double r, double logW, double logZ) {
        return SpecialFunctions.logGammaRatio(r + j, r) - SpecialFunctions.logGamma(j + 1.0) + r * logW
                + (j == 0 ? 0 : j * logZ);
    }

    /** ln P(N &gt;= k), k &gt;= 1, summing whichever side keeps relative precision. */
    static double logNegativeBinomialTail(int k, double r, double logW, double logZ) {
        double z = Math.exp(logZ);
        double mean = r * z / Math.exp(logW);
        if (k > mean) {
            // tail terms j = k, k + 1, ... relative to the first: ratio (r + j) z / (j + 1), eventually < z
            double logFirst = logNegativeBinomial(k, r, logW, logZ);
            double sum = 1;
            double term = 1;
            for (int j = k; j < k + Hypergeometric.MAX_TERMS; j++) {
                term *= (r + j) / (j + 1.0) * z;
                double next = sum + term;
                if (next == sum) {
                    break;
                }
                sum = next;
            }
            return logFirst + Math.log(sum);
        }
        // 1 - P(N <= k - 1); the CDF terms from j = 0 upward, in log space if the first one underflows
        double logTerm = r * logW;
        double cdf;
        if (logTerm > -700) {
            double term = Math.exp(logTerm);
            cdf = term;
            for (int j = 0; j < k - 1; j++) {
                term *= (r + j) / (j + 1.0) * z;
                cdf += term;
            }
        } else {
            double logCdf = logTerm;
            for (int j = 0; j < k - 1; j++) {
                logTerm += Math.log((r + j) / (j + 1.0)) + logZ;
                logCdf = SpecialFunctions.logAddExp(logCdf, logTerm);
            }
            cdf = Math.exp(logCdf);
        }
        return Math.log1p(-Math.min(cdf, 1.0));
    }
}
