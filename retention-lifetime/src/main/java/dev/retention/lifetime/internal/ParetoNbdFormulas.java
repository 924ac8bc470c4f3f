package dev.retention.lifetime.internal;

/**
 * Closed forms of the Pareto/NBD (Schmittlein, Morrison and Colombo, "Counting your customers: who are they
 * and what will they do next?", Management Science 33(1), 1987) as derived in Fader and Hardie, "A note on
 * deriving the Pareto/NBD model and related expressions" (2005), for one customer, in log space. Inputs are
 * trusted (checked by the public model).
 *
 * <p>The likelihood is
 * <pre>
 * L = Gamma(r + x) alpha^r beta^s / Gamma(r) [ (alpha + T)^-(r+x) (beta + T)^-s + s / (r + s + x) A0 ]
 * A0 = J(t_x) - J(T),   J(t) = 2F1(r + s + x, b'; r + s + x + 1; z(t)) / (max(alpha, beta) + t)^(r + s + x)
 * </pre>
 * with {@code b' = s + 1, z = (alpha - beta) / (alpha + t)} when {@code alpha >= beta} and
 * {@code b' = r + x, z = (beta - alpha) / (beta + t)} otherwise (the note's equations 19 and 20; each branch
 * keeps {@code z} in {@code [0, 1)}). Euler's transformation {@code 2F1(a, b; c; z) = (1 - z)^(c - a - b)
 * 2F1(c - a, c - b; c; z)} turns both into functions with first parameter 1 and a common prefactor:
 * <pre>
 * J(t) = (alpha + t)^-(r+x) (beta + t)^-s 2F1(1, r + x; r + s + x + 1; z(t))                     alpha &gt;= beta
 * J(t) = (alpha + t)^-(r+x) (beta + t)^-s (1 - z(t)) 2F1(1, s + 1; r + s + x + 1; z(t))        alpha &lt; beta
 * </pre>
 * with {@code 1 - z} passed exactly as {@code (min(alpha, beta) + t) / (max(alpha, beta) + t)}. Nothing is raised to the power {@code r + s + x}
 * outside the logarithm, so large {@code x} and {@code T} neither overflow nor lose precision, and
 * {@code ln(J(t_x) - J(T))} is taken by {@link SpecialFunctions#logSubExp}. Two 2F1 evaluations per customer.
 */
public final class ParetoNbdFormulas {

    private ParetoNbdFormulas() {
    }

    /**
     * {@code ln J(t) + r ln alpha + s ln beta}, see the class comment: the constants of the likelihood are folded
     * in as {@code -r log1p(t / alpha) - x ln(alpha + t) - s log1p(t / beta)}, which stays accurate (and free of
     * the cancellation of {@code s ln beta - s ln(beta + t)}) for extreme parameters.
     */
    static double logJ(double t, int x, double r, double alpha, double s, double beta) {
        double rx = r + x;
        double k = r + s + x;
        double lnF;
        if (alpha == beta) {
            lnF = 0;
        } else if (alpha > beta) {
            lnF = logF(rx, k + 1, (alpha - beta) / (alpha + t), beta + t, alpha + t);
        } else {
            // Euler's factor is (1 - z)^(1 - r - x) here, one power of 1 - z more than the prefactor holds
            lnF = logF(s + 1, k + 1, (beta - alpha) / (beta + t), alpha + t, beta + t)
                    + Math.log(alpha + t) - Math.log(beta + t);
        }
        return logAlive(x, t, r, alpha, s, beta) + lnF;
    }

    /**
     * ln 2F1(1, b; c; z) with {@code 1 - z = small / large}. When that ratio is below 1e-30 (parameters a search
     * visits, never data), the two leading terms of the 1 - z transformation with {@code ln w} kept exact and the
     * O(w) terms dropped: {@code (c - 1) / m + Gamma(c) Gamma(-m) / Gamma(b) w^m} ({@code m = c - 1 - b}), or
     * {@code (c - 1) (-ln w)} when {@code |m ln w| < 1e-6}; this keeps the likelihood finite where {@code w^m}
     * alone would overflow.
     */
    private static double logF(double b, double c, double z, double small, double large) {
        double w = small / large;
        if (w > 1e-30) {
            return Math.log(Hypergeometric.hyp2f1(1, b, c, z, w));
        }
        double logW = Math.log(small) - Math.log(large);
        double m = c - 1 - b;
        if (Math.abs(m * logW) < 1e-6) {
            return Math.log((c - 1) * -logW);
        }
        double log1 = Math.log(c - 1) - Math.log(Math.abs(m));
        double log2 = SpecialFunctions.logGammaRatio(c, b) + SpecialFunctions.logAbsGamma(-m) + m * logW;
        int sign2 = SpecialFunctions.gammaSign(-m);
        if (m > 0) {
            return sign2 > 0 ? SpecialFunctions.logAddExp(log1, log2) : SpecialFunctions.logSubExp(log1, log2);
        }
        return sign2 > 0 ? SpecialFunctions.logSubExp(log2, log1) : SpecialFunctions.logAddExp(log1, log2);
    }

    /** ln(s / (r + s + x) A0): the log of the likelihood's "dropped out before T" term, without constants. */
    static double logDroppedOut(int x, double tx, double t, double r, double alpha, double s, double beta) {
        if (tx == t) {
            return Double.NEGATIVE_INFINITY;
        }
        double logA0 = SpecialFunctions.logSubExp(logJ(tx, x, r, alpha, s, beta), logJ(t, x, r, alpha, s, beta));
        return Math.log(s) - Math.log(r + s + x) + logA0;
    }

    /**
     * ln of the "still alive at T" term with the constants folded in:
     * {@code r ln alpha + s ln beta - (r + x) ln(alpha + T) - s ln(beta + T)}.
     */
    static double logAlive(int x, double t, double r, double alpha, double s, double beta) {
        double v = -r * Math.log1p(t / alpha) - s * Math.log1p(t / beta);
        return x == 0 ? v : v - x * Math.log(alpha + t);
    }

    /** The log-likelihood of one customer. */
    public static double logLikelihood(int x, double tx, double t, double r, double alpha, double s, double beta) {
        return SpecialFunctions.logGammaRatio(r + x, r)
                + SpecialFunctions.logAddExp(logAlive(x, t, r, alpha, s, beta),
                logDroppedOut(x, tx, t, r, alpha, s, beta));
    }

    /** {@code P(alive | x, t_x, T)}: the "alive" term over the sum of both terms (the note's equation 18). */
    public static double probabilityAlive(int x, double tx, double t, double r, double alpha, double s,
                                          double beta) {
        double alive = logAlive(x, t, r, alpha, s, beta);
        double dropped = logDroppedOut(x, tx, t, r, alpha, s, beta);
        return Math.exp(alive - SpecialFunctions.logAddExp(alive, dropped));
    }

    /**
     * Expected purchases in {@code (T, T + horizon]} (the note's equation 22):
     * {@code P(alive) (r + x) (beta + T) / ((alpha + T) (s - 1)) [1 - ((beta + T) / (beta + T + horizon))^(s - 1)]},
     * with the bracket over {@code s - 1} taken as {@code -expm1((s - 1) ln q) / (s - 1)} (its limit
     * {@code -ln q} at {@code s = 1}).
     */
    public static double expectedConditional(double horizon, int x, double tx, double t, double r, double alpha,
                                             double s, double beta) {
        if (horizon == 0) {
            return 0;
        }
        double alive = probabilityAlive(x, tx, t, r, alpha, s, beta);
        double logQ = -Math.log1p(horizon / (beta + t));
        return alive * (r + x) * (beta + t) / (alpha + t) * powerIntegral(s - 1, logQ);
    }

    /** {@code E[X(t)] = r beta / (alpha (s - 1)) [1 - (beta / (beta + t))^(s - 1)]} for a new customer. */
    public static double expectedNew(double horizon, double r, double alpha, double s, double beta) {
        if (horizon == 0) {
            return 0;
        }
        return r * beta / alpha * powerIntegral(s - 1, -Math.log1p(horizon / beta));
    }

    /** (1 - e^(d L)) / d, and -L at d = 0. */
    private static double powerIntegral(double d, double logQ) {
        return d == 0 ? -logQ : -Math.expm1(d * logQ) / d;
    }
}
