package dev.retention.lifetime.internal;

import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;

/**
 * The Gamma-Gamma spend log-likelihood and its gradient over the repeat customers (Fader, Hardie and Lee,
 * "RFM and CLV: using iso-value curves for customer base analysis", JMR 42(4), 2005, equation 3 with
 * lifetimes' parametrization {@code v = gamma}): for a customer with {@code x} repeat transactions of mean
 * value {@code m},
 * <pre>
 * ln L = ln Gamma(p x + q) - ln Gamma(p x) - ln Gamma(q) + q ln v + (p x - 1) ln m + p x ln x - (p x + q) ln(v + x m)
 * </pre>
 * The log-gamma and digamma terms depend on {@code x} alone and are computed once per distinct frequency;
 * {@code ln m} and {@code ln x} once per fit; the row loop is one logarithm and a division per customer, with
 * no allocation, summed in fixed blocks ({@link CustomerBlocks}) added in block order ({@link Blocks#sum}).
 */
public final class GammaGammaLikelihood implements Blocks.Accumulator {

    private final int[] x;
    private final double[] m;
    private final double[] logM;
    private final double[] logX;
    private final DistinctCounts distinct;
    private final Blocks blocks;
    private final double[] sums = new double[4];
    private double p;
    private double q;
    private double v;

    /**
     * @param x repeat frequencies, all {@code >= 1}; read, kept (not copied)
     * @param m mean repeat transaction values, all {@code > 0}; read, kept
     */
    public GammaGammaLikelihood(int[] x, double[] m) {
        this.x = x;
        this.m = m;
        int n = x.length;
        this.logM = new double[n];
        this.logX = new double[n];
        for (int i = 0; i < n; i++) {
            logM[i] = Math.log(m[i]);
            logX[i] = Math.log(x[i]);
        }
        this.distinct = new DistinctCounts(x);
        this.blocks = CustomerBlocks.of(n);
    }

    /**
     * The log-likelihood at {@code (p, q, v)} and, if {@code gradient} is not null, its gradient.
     *
     * @param gradient written when not null, length 3
     * @param workers  the threads that sum the blocks; the result does not depend on their number
     */
    public double logLikelihood(double p, double q, double v, double[] gradient, Workers workers) {
        double lgQ = SpecialFunctions.logGamma(q);
        double psiQ = SpecialFunctions.digamma(q);
        double constant = 0;
        double gp = 0;
        double gq = 0;
        for (int k = 0; k < distinct.values.length; k++) {
            double xv = distinct.values[k];
            double c = distinct.counts[k];
            double px = p * xv;
            constant += c * (SpecialFunctions.logGammaRatio(px + q, px) - lgQ);
            if (gradient != null) {
                double psiPxQ = SpecialFunctions.digamma(px + q);
                gp += c * xv * (psiPxQ - SpecialFunctions.digamma(px));
                gq += c * (psiPxQ - psiQ);
            }
        }
        this.p = p;
        this.q = q;
        this.v = v;
        blocks.sum(workers, 4, this, sums);
        double n = x.length;
        double lnV = Math.log(v);
        if (gradient != null) {
            gradient[0] = gp + sums[1];
            gradient[1] = gq + n * lnV + sums[2];
            gradient[2] = n * q / v + sums[3];
        }
        return constant + n * q * lnV + sums[0];
    }

    /** Sums, per block: the row terms; d/dp; d/dq; d/dv. */
    @Override
    public void accumulate(int from, int to, double[] out, int offset) {
        final double pp = p;
        final double qq = q;
        final double vv = v;
        double sValue = 0;
        double sP = 0;
        double sQ = 0;
        double sV = 0;
        for (int i = from; i < to; i++) {
            double xi = x[i];
            double px = pp * xi;
            double vxm = vv + xi * m[i];
            double lg = Math.log(vxm);
            double lm = logM[i];
            double lx = logX[i];
            sValue += (px - 1) * lm + px * lx - (px + qq) * lg;
            sP += xi * (lm + lx - lg);
            sQ -= lg;
            sV -= (px + qq) / vxm;
        }
        out[offset] = sValue;
        out[offset + 1] = sP;
        out[offset + 2] = sQ;
        out[offset + 3] = sV;
    }
}
