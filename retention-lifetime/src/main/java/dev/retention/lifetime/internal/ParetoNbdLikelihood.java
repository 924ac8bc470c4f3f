package dev.retention.lifetime.internal;

import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;

/**
 * The Pareto/NBD log-likelihood over a customer base (see {@link ParetoNbdFormulas} for the formula), summed
 * in fixed blocks ({@link CustomerBlocks}) added in block order ({@link Blocks#sum}). The terms {@code ln Gamma(r + x) - ln Gamma(r)} are computed once
 * per distinct frequency; each row costs two evaluations of 2F1 and a few logarithms, with no allocation.
 */
public final class ParetoNbdLikelihood implements Blocks.Accumulator {

    private final int[] x;
    private final double[] tx;
    private final double[] t;
    private final DistinctCounts distinct;
    private final Blocks blocks;
    private final double[] sums = new double[1];
    private double r;
    private double alpha;
    private double s;
    private double beta;

    /**
     * @param x  frequencies; read, kept (not copied)
     * @param tx recencies; read, kept
     * @param t  ages; read, kept
     */
    public ParetoNbdLikelihood(int[] x, double[] tx, double[] t) {
        this.x = x;
        this.tx = tx;
        this.t = t;
        this.distinct = new DistinctCounts(x);
        this.blocks = CustomerBlocks.of(x.length);
    }

    /**
     * The total log-likelihood at {@code (r, alpha, s, beta)}.
     *
     * @param workers the threads that sum the blocks; the result does not depend on their number
     */
    public double logLikelihood(double r, double alpha, double s, double beta, Workers workers) {
        double constant = 0;
        for (int k = 0; k < distinct.values.length; k++) {
            constant += distinct.counts[k] * SpecialFunctions.logGammaRatio(r + distinct.values[k], r);
        }
        this.r = r;
        this.alpha = alpha;
        this.s = s;
        this.beta = beta;
        blocks.sum(workers, 1, this, sums);
        return constant + sums[0];
    }

    @Override
    public void accumulate(int from, int to, double[] out, int offset) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            int xi = x[i];
            sum += SpecialFunctions.logAddExp(ParetoNbdFormulas.logAlive(xi, t[i], r, alpha, s, beta),
                    ParetoNbdFormulas.logDroppedOut(xi, tx[i], t[i], r, alpha, s, beta));
        }
        out[offset] = sum;
    }
}
