package dev.retention.lifetime;

import dev.retention.lifetime.internal.BlockReduction;
import dev.retention.lifetime.internal.ParetoNbdLikelihood;

import java.util.Objects;

/**
 * Fits the Pareto/NBD model (Schmittlein, Morrison and Colombo, "Counting your customers: who are they and what
 * will they do next?", Management Science 33(1), 1987) by maximum likelihood.
 *
 * <p>The model: while active, a customer buys at rate {@code lambda ~ Gamma(r, alpha)}; the customer's lifetime
 * is exponential with rate {@code mu ~ Gamma(s, beta)}. The likelihood of {@code (x, t_x, T)} involves the Gauss
 * hypergeometric function (Fader and Hardie's note, equations 19 and 20), evaluated stably in both branches
 * {@code alpha >= beta} and {@code alpha < beta} (see {@code ParetoNbdFormulas}). The fit runs Nelder-Mead in the
 * log-parameters, restarted from its result until that no longer improves it, from
 * {@code r = 0.5, alpha = mean T / mean x / 2, s = 0.5, beta = mean T}. Cost: O(n) 2F1 evaluations per likelihood,
 * split over {@link ParetoNbdOptions#parallelism()} threads in fixed blocks (the same result for any number of
 * threads); a few hundred evaluations per fit.
 */
public final class ParetoNbd {

    private static final String NAME = "Pareto/NBD";
    private static final String[] NAMES = {"r", "alpha", "s", "beta"};

    private ParetoNbd() {
    }

    /** Fits with the {@link ParetoNbdOptions#defaults() default options}. */
    public static ParetoNbdModel fit(CustomerSummary summary) {
        return fit(summary, ParetoNbdOptions.defaults());
    }

    /**
     * Fits the model.
     *
     * @param summary read
     * @param options penalizer, limits and parallelism
     * @return the fitted model; {@link LifetimeFitSummary#converged()} tells whether the optimizer converged
     * @throws IllegalArgumentException if the summary has fewer than 4 customers
     */
    public static ParetoNbdModel fit(CustomerSummary summary, ParetoNbdOptions options) {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(options, "options");
        int n = summary.size();
        Checks.enoughCustomers(NAME, 4, n, "customers");
        ParetoNbdLikelihood likelihood = new ParetoNbdLikelihood(summary.frequencyView(), summary.recencyView(),
                summary.ageView());
        try (BlockReduction blocks = new BlockReduction(n, 1, options.parallelism())) {
            MaximumLikelihood.LogLikelihood ll = (theta, gradient) ->
                    likelihood.logLikelihood(theta[0], theta[1], theta[2], theta[3], blocks);
            MaximumLikelihood.Fit fit = MaximumLikelihood.withoutGradient(NAME, NAMES, ll, start(summary), n,
                    options.penalizer(), options.maxIterations(), options.tolerance());
            double[] t = fit.theta();
            return new ParetoNbdModel(t[0], t[1], t[2], t[3], summary.unit(), fit.summary());
        }
    }

    private static double[] start(CustomerSummary summary) {
        double meanT = Math.min(Math.max(summary.meanAge(), 1e-2), 1e6);
        double alpha = 0.5 * summary.meanAge() / Math.max(summary.meanFrequency(), 1.0 / summary.size());
        return new double[] {0.5, Math.min(Math.max(alpha, 1e-3), 1e6), 0.5, meanT};
    }
}
