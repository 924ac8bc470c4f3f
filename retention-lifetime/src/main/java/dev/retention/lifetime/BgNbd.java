package dev.retention.lifetime;

import dev.retention.lifetime.internal.BgNbdLikelihood;
import dev.retention.lifetime.internal.BlockReduction;

import java.util.Objects;

/**
 * Fits the BG/NBD model (Fader, Hardie and Lee, "'Counting your customers' the easy way: an alternative to the
 * Pareto/NBD model", Marketing Science 24(2), 2005) or its MBG/NBD variant (Batislam, Denizel and Filiztekin,
 * "Empirical validation and comparison of models for customer base analysis", IJRM 24(3), 2007) by maximum
 * likelihood.
 *
 * <p>The model: while active, a customer buys at rate {@code lambda ~ Gamma(r, alpha)}; after each repeat
 * purchase (MBG/NBD: after every purchase, including the first) the customer drops out for good with
 * probability {@code p ~ Beta(a, b)}. The fit maximizes the likelihood of every customer's {@code (x, t_x, T)}
 * with L-BFGS in the log-parameters and the analytic gradient (see {@link MaximumLikelihood} and
 * {@code BgNbdLikelihood}), from {@code r = 1}, {@code alpha} equal to the mean age over the mean frequency,
 * {@code a = b = 1}. Cost: O(n) per likelihood evaluation, split over {@link BgNbdOptions#parallelism()}
 * threads in fixed blocks (the same result for any number of threads), and typically 20 to 60 evaluations.
 */
public final class BgNbd {

    private static final String[] NAMES = {"r", "alpha", "a", "b"};

    private BgNbd() {
    }

    /** Fits with the {@link BgNbdOptions#defaults() default options}. */
    public static BgNbdModel fit(CustomerSummary summary) {
        return fit(summary, BgNbdOptions.defaults());
    }

    /**
     * Fits the model.
     *
     * @param summary read
     * @param options variant, penalizer, limits and parallelism
     * @return the fitted model; {@link LifetimeFitSummary#converged()} tells whether the optimizer converged
     * @throws IllegalArgumentException if the summary has fewer than 4 customers
     */
    public static BgNbdModel fit(CustomerSummary summary, BgNbdOptions options) {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(options, "options");
        String name = options.variant().label();
        int n = summary.size();
        Checks.enoughCustomers(name, 4, n, "customers");
        int[] x = summary.frequencyView();
        BgNbdLikelihood likelihood = new BgNbdLikelihood(x, summary.recencyView(), summary.ageView(),
                options.variant() == BgNbdModel.Variant.MBG_NBD);
        try (BlockReduction blocks = new BlockReduction(n, 5, options.parallelism())) {
            MaximumLikelihood.LogLikelihood ll = (theta, gradient) ->
                    likelihood.logLikelihood(theta[0], theta[1], theta[2], theta[3], gradient, blocks);
            MaximumLikelihood.Fit fit = MaximumLikelihood.withGradient(name, NAMES, ll, start(summary), n,
                    options.penalizer(), options.maxIterations(), options.tolerance());
            double[] t = fit.theta();
            return new BgNbdModel(t[0], t[1], t[2], t[3], options.variant(), summary.unit(), fit.summary());
        }
    }

    /** r = 1, alpha = mean T / mean x (the mean purchase rate r / alpha matches), a = b = 1. */
    private static double[] start(CustomerSummary summary) {
        double alpha = summary.meanAge() / Math.max(summary.meanFrequency(), 1.0 / summary.size());
        return new double[] {1, Math.min(Math.max(alpha, 1e-3), 1e6), 1, 1};
    }
}
