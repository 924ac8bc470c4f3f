package dev.retention.lifetime.internal;

/**
 * Closed forms of the BG/NBD (Fader, Hardie and Lee, "Counting your customers the easy way", Marketing
 * Science 24(2), 2005, and their note "Computing P(alive) using the BG/NBD model", 2008) and of the MBG/NBD
 * (Batislam, Denizel and Filiztekin, IJRM 24(3), 2007) for one customer, in log space where it matters. Inputs
 * are trusted (checked by the public models). O(1) apart from the series noted on each method.
 */
public final class BgNbdFormulas {

    /** Above this argument the series of {@link #expected} is slow and the 1 - z transformation takes over. */
    private static final double SERIES_LIMIT = 0.99;
    /**
     * Above this estimate of where the terms of {@link #expected}'s series peak ({@code (c - r) a z / (a + b)}),
     * the terms approach the range of a double and the series is replaced by quadrature over the dropout
     * probability.
     */
    private static final double LONG_SERIES = 100;
    /**
     * Above this {@code a + b}, the series' result {@code c e1 - w^(a-1) Q} loses up to {@code (a + b) eps} to
     * cancellation, so the quadrature (accurate to rounding at any size) takes over.
     */
    private static final double LARGE_DROPOUT = 1e4;
    /** Step of the quadrature in standard deviations of the log-odds of p. */
    private static final double QUADRATURE_STEP = 0.2;
    /** Largest step of the quadrature in the log-odds: the integrand is analytic in a strip of half-width pi. */
    private static final double QUADRATURE_MAX_STEP = 0.4;
    /** A safety bound on the quadrature nodes on each side of the mode (the stopping rules end far earlier). */
    static final int QUADRATURE_MAX_STEPS = 4_000;
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
     * and {@code a + b = 1}. When {@code a + b} is large (the series would lose digits to cancellation, or its terms
     * overflow), the expectation is integrated over the dropout probability instead ({@link #expectedByQuadrature}).
     */
    public static double expected(double r, double alpha, double a, double b, double t) {
        if (t == 0) {
            return 0;
        }
        double z = t / (alpha + t);
        if (a + b > LARGE_DROPOUT || (a + b - 1 - r) * (a / (a + b)) * z > LONG_SERIES) {
            return expectedByQuadrature(r, alpha, a, b, t);
        }
        double e = z <= SERIES_LIMIT
                ? expectedSeries(r, a, b, z, -Math.log1p(t / alpha))
                : expectedClosedNearSingular(r, alpha, a, b, t);
        // a term of the series or the closed form left the range of a double
        return e > 0 && Double.isFinite(e) ? e : expectedByQuadrature(r, alpha, a, b, t);
    }

    /** {@link #expected} by the series alone, for {@code z = t / (alpha + t) <= 0.99} (tests compare the two ways). */
    static double expectedBySeries(double r, double alpha, double a, double b, double t) {
        return expectedSeries(r, a, b, t / (alpha + t), -Math.log1p(t / alpha));
    }

    /**
     * {@code E[X(t)]} as the mixture {@code E_p[(1 - (alpha / (alpha + p t))^r) / p]} over the dropout probability
     * {@code p ~ Beta(a, b)} (FHL eq. 7 averaged over the gamma-distributed purchase rate), for any {@code a, b > 0}:
     * the fallback wherever the series or the closed form is slow or loses digits (large {@code a + b}, tiny
     * {@code a}, terms beyond the range of a double).
     *
     * <p>The integral is taken over the log-odds {@code u} of {@code p}, where the density {@code p^a (1 - p)^b} is
     * log-concave and the integrand is analytic in the strip {@code |Im u| < pi}, by the trapezoidal rule on the
     * whole real line: nodes {@code u* + i h} around the mode {@code u* = ln(a / b)}, with
     * {@code h = min(0.2 sqrt(1/a + 1/b), 0.4)}, so that the rule's error (of order {@code exp(-2 pi^2 / h)} and
     * {@code exp(-2 pi^2 sd^2 / h^2)}) is below double precision. The density is evaluated relative to the mode
     * without cancellation ({@code ln p(u* + d) - ln p* = -log1p(expm1(-d) (1 - p*))}) and normalised by the same
     * sum, so no beta function of huge arguments is needed. Far out, where {@code p (a + b + (r + 1) t / alpha)} or
     * {@code (1 - p)(a + b + r + 2)} is below 1e-17, the integrand is the exponential {@code e^(a u)} (left) or
     * {@code e^(-b u)} (right) times a constant to working precision, and the rest of the infinite lattice is summed
     * in closed form as a geometric series ({@code f / expm1(a h)}); elsewhere a side ends once the rest of it
     * (bounded by the geometric series of the local decay rate, the log-density being concave) is below 1e-18 of
     * the sums. So the work is bounded whatever the parameters: at most about {@code 2 * 180 / h + 100} nodes
     * (under a thousand), never the hundreds of thousands a tiny {@code a} needed before (Online Retail's
     * {@code a = 6.5e-7}).
     */
    static double expectedByQuadrature(double r, double alpha, double a, double b, double t) {
        double pStar = a / (a + b);
        double qStar = b / (a + b);
        double ratio = b / a;
        double logTau = Math.log(t) - Math.log(alpha);
        double tau = Math.exp(logTau);
        double h = Math.min(QUADRATURE_STEP * Math.sqrt(1 / a + 1 / b), QUADRATURE_MAX_STEP);
        double leftScale = a + b + (r + 1) * tau;
        double rightScale = a + b + r + 2;
        double gZero = r * tau;                  // the integrand's factor at p = 0
        double num = 0;
        double den = 0;
        int nodes = 0;
        for (int side = -1; side <= 1; side += 2) {
            for (int i = side < 0 ? 0 : 1; i < QUADRATURE_MAX_STEPS; i++) {
                nodes++;
                double d = side * i * h;
                double logDensity = -a * log1pExpm1Times(-d, qStar, pStar) - b * log1pExpm1Times(d, pStar, qStar);
                double w = Math.exp(logDensity);
                if (w == 0) {
                    break;          // below 1e-308 of the mode, and falling: nothing left on this side
                }
                double e = ratio * Math.exp(-d);                 // (1 - p) / p
                double p = 1 / (1 + e);
                double q = e < 1e300 ? e / (1 + e) : 1;          // 1 - p without cancellation
                double g = p > 0 ? -Math.expm1(-r * logOnePlus(p, logTau, tau)) / p : gZero;
                num += g * w;
                den += w;
                if (side < 0 && p * leftScale <= 1e-17) {
                    // e^(a u) times g(0) from here on: the rest of the lattice is a geometric series
                    double rest = w / Math.expm1(a * h);
                    num += gZero * rest;
                    den += rest;
                    break;
                }
                if (side > 0 && q * rightScale <= 1e-17) {
                    double rest = w / Math.expm1(b * h);
                    num += g * rest;
                    den += rest;
                    break;
                }
                // the log-density is concave, so the rest of this side is at most w / expm1(|slope| h)
                double slope = Math.abs(a * q - b * p);
                double bound = w * (1 + 1 / Math.expm1(slope * h));
                double gBound = side < 0 ? Math.max(g, gZero) : g;
                if (i > 0 && bound <= 1e-18 * den && gBound * bound <= 1e-18 * num) {
                    break;
                }
            }
        }
        Work.add(nodes);
        return num / den;
    }

    /** {@code ln(1 + p tau)} with {@code tau = e^logTau}, also where {@code p tau} overflows. */
    private static double logOnePlus(double p, double logTau, double tau) {
        double pt = p * tau;
        return pt < 1e300 ? Math.log1p(pt) : Math.log(p) + logTau;
    }

    /**
     * {@code log(1 + c (e^x - 1)) = log((1 - c) + c e^x)} for {@code 0 <= c <= 1} with {@code cc = 1 - c} given
     * exactly, without overflow for large {@code x} and without the cancellation of {@code 1 + c (e^x - 1)} when
     * {@code c} is 1 to rounding and {@code x} very negative.
     */
    static double log1pExpm1Times(double x, double c, double cc) {
        if (x > 0) {
            return x + Math.log(c + cc * Math.exp(-x));
        }
        double y = c * Math.expm1(x);
        if (y > -0.5) {
            return Math.log1p(y);
        }
        return SpecialFunctions.logAddExp(Math.log(cc), Math.log(c) + x);
    }

    private static double expectedSeries(double r, double a, double b, double z, double logW) {
        double c = a + b - 1;
        double big = c - r;                   // the first parameter of the Euler-transformed series
        double term = big * z;
        double sum = term;
        int small = 0;
        boolean converged = false;
        int n = 1;
        for (; n < Hypergeometric.MAX_TERMS; n++) {
            term *= (big + n) * (a + n - 1) / ((a + b + n - 1) * (n + 1)) * z;
            double next = sum + term;
            if (term == 0) {
                sum = next;
                converged = true;
                break;
            }
            if (next == sum || Math.abs(term) <= 1e-17 * Math.abs(next)) {
                double ratio = Math.abs((big + n + 1) * (a + n) / ((a + b + n) * (n + 2)) * z);
                if (ratio < 1 && ++small >= 2) {
                    sum = next;
                    converged = true;
                    break;
                }
            } else {
                small = 0;
            }
            sum = next;
        }
        Work.add(n);
        if (!converged) {
            return Double.NaN;      // the caller falls back to the quadrature
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
     * directly when it is the smaller side, so it keeps its relative precision; at most
     * {@link Hypergeometric#MAX_TERMS} terms, beyond which it is the regularized incomplete beta function
     * {@code I_z(k, r)} by its continued fraction.
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
        // ln(t / (alpha + t)) as -log1p(alpha / t): the difference of two logarithms lost 1e-6 of the answer at
        // alpha = 1e-10, t = 100, k = 2e9 (k ln z amplifies its rounding)
        double logZ = -Math.log1p(alpha / t);
        // B(a, b + k) / B(a, b) as two ratios of gamma functions with close arguments, never as a difference of
        // ln Gamma(a + b) and friends, which cancels catastrophically when a or b is huge
        double logNbK = logNegativeBinomial(k, r, logW, logZ);
        double first = logGammaShift(b, a + b, k) + logNbK;
        if (k == 0) {
            return Math.exp(first);
        }
        double second = Math.log(a) + logGammaShift(b, a + b, k - 1.0) - Math.log(a + b + k - 1)
                + logNegativeBinomialTail(k, r, logW, logZ);
        return Math.exp(first) + Math.exp(second);
    }

    /**
     * ln P(N &gt;= k) as {@code 1 - w^r (1 + S)}, {@code S = sum_{j=1}^{k-1} Gamma(r + j) / (Gamma(r) j!) z^j}, in
     * the form {@code -expm1(r ln w + log1p(S))}: both parts keep their relative precision, so a tail of 2e-11 keeps
     * its digits where {@code 1 - cdf} would keep five. For a tail whose own series decays too slowly (z near 1);
     * {@code k - 1} terms; the incomplete beta function if S overflows.
     */
    private static double logTailByComplement(int k, double r, double logW, double logZ) {
        double z = Math.exp(logZ);
        double term = 1;
        double sum = 0;
        for (int j = 0; j < k - 1; j++) {
            term *= (r + j) / (j + 1.0) * z;
            sum += term;
        }
        Work.add(k);
        double logCdf = r * logW + Math.log1p(sum);
        if (!Double.isFinite(sum) || !(logCdf < 0)) {
            return SpecialFunctions.logRegularizedBeta(logZ, logW, k, r);
        }
        return Math.log(-Math.expm1(logCdf));
    }

    /**
     * ln P(N = j) for the negative binomial with shape r: ln Gamma(r + j) - ln Gamma(r) - ln j! + r ln w + j ln z,
     * the gamma functions paired by the closest arguments (with j = 2e9 and r = 2, ln Gamma(r + j) - ln Gamma(r)
     * and ln j! are both 4e10, and their difference kept only five digits).
     */
    private static double logNegativeBinomial(int j, double r, double logW, double logZ) {
        double gammas = r >= j ? SpecialFunctions.logGammaRatio(r + j, r) - SpecialFunctions.logGamma(j + 1.0)
                : SpecialFunctions.logGammaRatio(r + j, j + 1.0) - SpecialFunctions.logGamma(r);
        return gammas + r * logW + (j == 0 ? 0 : j * logZ);
    }

    /**
     * {@code ln [Gamma(x + k) Gamma(y) / (Gamma(x) Gamma(y + k))]}, as two ratios of gamma functions whose arguments
     * are close: {@code (x + k, x)} and {@code (y, y + k)} when {@code k} is small against {@code |y - x|}, else
     * {@code (x + k, y + k)} and {@code (y, x)}; never a difference of large logarithms.
     */
    private static double logGammaShift(double x, double y, double k) {
        if (k > Math.abs(y - x)) {
            return SpecialFunctions.logGammaRatio(x + k, y + k) + SpecialFunctions.logGammaRatio(y, x);
        }
        return SpecialFunctions.logGammaRatio(x + k, x) + SpecialFunctions.logGammaRatio(y, y + k);
    }

    /**
     * ln P(N &gt;= k), k &gt;= 1, summing whichever side keeps relative precision: the tail's terms when {@code k} is
     * above the mean, the CDF's below it. Either sum is bounded ({@link Hypergeometric#MAX_TERMS} terms); where it
     * would need more (a tail that decays like {@code z^j} with {@code z} within 1e-5 of 1, or a CDF of more terms
     * than that), the tail is {@code 1 - P(N <= k - 1)} in a form that keeps its relative precision, or, beyond
     * that many terms, the regularized incomplete beta function {@code I_z(k, r)} by its continued fraction.
     */
    static double logNegativeBinomialTail(int k, double r, double logW, double logZ) {
        double z = Math.exp(logZ);
        double mean = r * z / Math.exp(logW);
        if (k > mean) {
            // tail terms j = k, k + 1, ... relative to the first: ratio (r + j) z / (j + 1), eventually < z
            double logFirst = logNegativeBinomial(k, r, logW, logZ);
            double sum = 1;
            double term = 1;
            for (long j = k; j < (long) k + Hypergeometric.MAX_TERMS; j++) {
                term *= (r + j) / (j + 1.0) * z;
                double next = sum + term;
                if (next == sum) {
                    Work.add(j - k + 1);
                    return logFirst + Math.log(sum);
                }
                sum = next;
            }
            Work.add(Hypergeometric.MAX_TERMS);
            return k - 1 <= Hypergeometric.MAX_TERMS ? logTailByComplement(k, r, logW, logZ)
                    : SpecialFunctions.logRegularizedBeta(logZ, logW, k, r);
        }
        if (k - 1 > Hypergeometric.MAX_TERMS) {
            return SpecialFunctions.logRegularizedBeta(logZ, logW, k, r);
        }
        // 1 - P(N <= k - 1); the CDF terms from j = 0 upward, in log space if the first one underflows
        Work.add(k);
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
