package dev.retention.lifetime;

/**
 * A log-likelihood summed over a set of customers, with its gradient: the function a lifetime fit maximizes. The
 * fits build one over a {@link CustomerSummary} in memory; {@code BgNbd.likelihood} and
 * {@code GammaGamma.likelihood} build one over a block of customers, so that a caller holding the customers in
 * blocks elsewhere (partitions of a cluster) can add the blocks' values and gradients and hand the sum to the
 * fit that takes a {@code LikelihoodSum}, which runs the same optimizer as the fit on a summary.
 */
@FunctionalInterface
public interface LikelihoodSum {

    /**
     * The total log-likelihood at {@code theta}.
     *
     * @param theta    read: the model's parameters in its order, all positive
     * @param gradient written when not null: the gradient with respect to {@code theta}, of the same length
     * @return the total log-likelihood; NaN or infinite only where the parameters are extreme
     */
    double value(double[] theta, double[] gradient);
}
