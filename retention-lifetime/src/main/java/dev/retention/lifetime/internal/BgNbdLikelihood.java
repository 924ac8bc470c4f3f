package dev.retention.lifetime.internal;

import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;

/**
 * The BG/NBD log-likelihood and its gradient over a customer base, the kernel of the BG/NBD fit.
 *
 * <p>Per customer (Fader, Hardie and Lee 2005, eq. 6; Batislam, Denizel and Filiztekin 2007 for the MBG/NBD):
 * <pre>
 * ln L = C(x) + logsumexp(u, v)
 * u    = r ln alpha - (r + x) ln(alpha + T)                             = -r log1p(T / alpha) - x ln(alpha + T)
 * v    = ln a - ln(b + x - 1) + r ln alpha - (r + x) ln(alpha + t_x)    BG/NBD, only when x &gt; 0
 *      = ln a - ln(b + x)     + r ln alpha - (r + x) ln(alpha + t_x)    MBG/NBD, for every x
 * C(x) = ln Gamma(r + x) - ln Gamma(r) + ln Gamma(a + b) - ln Gamma(b) + ln Gamma(b + x') - ln Gamma(a + b + x')
 * </pre>
 * with {@code x' = x} (BG/NBD) or {@code x + 1} (MBG/NBD). Everything is in log space, so large {@code x} and
 * {@code T} neither overflow nor lose the smaller term, and {@code r ln alpha} is folded into {@code u} and
 * {@code v} as {@code -r log1p(T / alpha)}, so that extreme parameters visited by the search cannot produce a
 * spurious likelihood from the cancellation of two huge terms. The gradient follows from digamma values of
 * {@code C} and the weight {@code w = e^v / (e^u + e^v)} of the second term.
 *
 * <p>Layout: the data are primitive columns; {@code C(x)} and its derivatives depend on the frequency alone and
 * are computed once per distinct frequency and weighted by its count. The row loop is then two logarithms, one
 * exponential and one more logarithm per repeat customer (one logarithm per one-time buyer of the BG/NBD;
 * {@code log1p} instead where {@code T < alpha}),
 * with no allocation, summed in fixed blocks ({@link CustomerBlocks}) added in block order ({@link Blocks#sum}). O(n) per evaluation plus O(d) special
 * functions for d distinct frequencies.
 */
public final class BgNbdLikelihood implements Blocks.Accumulator {

    private final int[] x;
    private final double[] tx;
    private final double[] t;
    private final boolean modified;
    private final DistinctCounts distinct;
    private final Blocks blocks;
    // per distinct frequency, refreshed by each evaluation
    private final double[] logRatio;   // ln a - ln(b + x - 1) or ln a - ln(b + x)
    private final double[] invB;       // 1 / (b + x - 1) or 1 / (b + x)
    private final double[] sums = new double[5];
    // parameters of the evaluation in progress
    private double r;
    private double alpha;
    private double lnAlpha;

    /**
     * @param x        frequencies; read, kept (not copied): the caller must not change them
     * @param tx       recencies, {@code 0 <= tx <= t}; read, kept
     * @param t        ages; read, kept
     * @param modified MBG/NBD instead of BG/NBD
     */
    public BgNbdLikelihood(int[] x, double[] tx, double[] t, boolean modified) {
        this.x = x;
        this.tx = tx;
        this.t = t;
        this.modified = modified;
        this.distinct = new DistinctCounts(x);
        this.blocks = CustomerBlocks.of(x.length);
        this.logRatio = new double[distinct.values.length];
        this.invB = new double[distinct.values.length];
    }

    /**
     * The log-likelihood at {@code (r, alpha, a, b)} and, if {@code gradient} is not null, its gradient with
     * respect to {@code (r, alpha, a, b)}.
     *
     * @param gradient written when not null, length 4
     * @param workers  the threads that sum the blocks; the result does not depend on their number
     * @return the total log-likelihood; NaN or infinite only for non-finite or non-positive parameters
     */
    public double logLikelihood(double r, double alpha, double a, double b, double[] gradient, Workers workers) {
        int[] values = distinct.values;
        double[] counts = distinct.counts;
        int shift = modified ? 1 : 0;
        double lgAB = SpecialFunctions.logGamma(a + b);
        double lgB = SpecialFunctions.logGamma(b);
        double psiR = SpecialFunctions.digamma(r);
        double psiAB = SpecialFunctions.digamma(a + b);
        double psiB = SpecialFunctions.digamma(b);
        double lnA = Math.log(a);
        double constant = 0;
        double gr = 0;
        double ga = 0;
        double gb = 0;
        for (int k = 0; k < values.length; k++) {
            int xv = values[k];
            double xs = xv + shift;
            constant += counts[k] * (SpecialFunctions.logGammaRatio(r + xv, r) + lgAB - lgB
                    + SpecialFunctions.logGammaRatio(b + xs, a + b + xs));
            if (gradient != null) {
                double psiABx = SpecialFunctions.digamma(a + b + xs);
                gr += counts[k] * (SpecialFunctions.digamma(r + xv) - psiR);
                ga += counts[k] * (psiAB - psiABx);
                gb += counts[k] * (psiAB - psiB + SpecialFunctions.digamma(b + xs) - psiABx);
            }
            double bx = b + xv - 1 + shift;          // b + x - 1 (BG) or b + x (MBG)
            logRatio[k] = xv == 0 && !modified ? 0 : lnA - Math.log(bx);
            invB[k] = xv == 0 && !modified ? 0 : 1 / bx;
        }
        this.r = r;
        this.alpha = alpha;
        this.lnAlpha = Math.log(alpha);
        double[] sums = this.sums;
        blocks.sum(workers, 5, this, sums);
        double ll = constant + sums[0];
        if (gradient != null) {
            gradient[0] = gr + sums[1];
            gradient[1] = sums[2];
            gradient[2] = ga + sums[3] / a;
            gradient[3] = gb - sums[4];
        }
        return ll;
    }

    /** Sums, per block: logsumexp(u, v); d/dr; d/dalpha; w (for d/da); w / (b + x - 1) (for d/db). */
    @Override
    public void accumulate(int from, int to, double[] out, int offset) {
        final int[] xs = x;
        final double[] txs = tx;
        final double[] ts = t;
        final int[] idx = distinct.index;
        final double[] lr = logRatio;
        final double[] ib = invB;
        final double rr = r;
        final double al = alpha;
        final double lnAl = lnAlpha;
        final boolean mbg = modified;
        double sLse = 0;
        double sR = 0;
        double sAlpha = 0;
        double sW = 0;
        double sWb = 0;
        for (int i = from; i < to; i++) {
            int xi = xs[i];
            double ti = ts[i];
            double aT = al + ti;
            // ln(1 + T / alpha) accurately, and ln(alpha + T) from it: one logarithm either way
            double qT = ti / al;
            double lT1;
            double lT;
            if (qT < 1) {
                lT1 = Math.log1p(qT);
                lT = lnAl + lT1;
            } else {
                lT = Math.log(aT);
                lT1 = lT - lnAl;
            }
            // u = r ln alpha - (r + x) ln(alpha + T), with r ln alpha folded in
            double u = -rr * lT1 - xi * lT;
            double dAlphaU = (rr * qT - xi) / aT;
            if (xi == 0 && !mbg) {
                sLse += u;
                sR -= lT1;
                sAlpha += dAlphaU;
                continue;
            }
            double txi = txs[i];
            double aTx = al + txi;
            double qTx = txi / al;
            double lTx1;
            double lTx;
            if (txi == 0) {
                lTx1 = 0;
                lTx = lnAl;
            } else if (qTx < 1) {
                lTx1 = Math.log1p(qTx);
                lTx = lnAl + lTx1;
            } else {
                lTx = Math.log(aTx);
                lTx1 = lTx - lnAl;
            }
            int k = idx[i];
            double v = lr[k] - rr * lTx1 - xi * lTx;
            double e;
            double w;
            if (u >= v) {
                e = Math.exp(v - u);
                sLse += u + Math.log(1 + e);
                w = e / (1 + e);
            } else {
                e = Math.exp(u - v);
                sLse += v + Math.log(1 + e);
                w = 1 / (1 + e);
            }
            double w1 = 1 - w;
            sR -= w1 * lT1 + w * lTx1;
            sAlpha += w1 * dAlphaU + w * (rr * qTx - xi) / aTx;
            sW += w;
            sWb += w * ib[k];
        }
        out[offset] = sLse;
        out[offset + 1] = sR;
        out[offset + 2] = sAlpha;
        out[offset + 3] = sW;
        out[offset + 4] = sWb;
    }
}
