package dev.retention.lifetime.paretonbd;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.Estimates;
import dev.retention.lifetime.internal.Checks;
import dev.retention.lifetime.internal.MaximumLikelihood;
import dev.retention.lifetime.internal.ParetoNbdLikelihood;
import dev.retention.model.FitControl;
import dev.retention.parallel.Workers;

import java.util.List;
import java.util.Objects;

/**
 * Fits the Pareto/NBD model (Schmittlein, Morrison and Colombo, "Counting your customers: who are they and what
 * will they do next?", Management Science 33(1), 1987) by maximum likelihood.
 *
 * <p>The model: while active, a customer buys at rate {@code lambda ~ Gamma(r, alpha)}; the customer's lifetime
 * is exponential with rate {@code mu ~ Gamma(s, beta)}. The likelihood of {@code (x, t_x, T)} involves the Gauss
 * hypergeometric function (Fader and Hardie's note, equations 19 and 20), evaluated stably in both branches
 * {@code alpha >= beta} and {@code alpha < beta}. The fit runs Nelder-Mead in the log-parameters, restarted from
 * its result until that no longer improves it, from {@code r = 0.5, alpha = mean T / mean x / 2, s = 0.5,
 * beta = mean T}; standard errors come from the Hessian of values. The model carries the {@link Estimates} and a
 * fit summary (the mean penalized negative log-likelihood per iteration over all restarts; a WARNING naming the
 * parameter when an estimate runs to the edge of the parameter space or a standard error cannot be estimated).
 * Cost: O(n) 2F1 evaluations per likelihood, split over {@link ParetoNbdOptions#threads()} threads in fixed blocks
 * of customers added in block order (the same model for any number of threads); a few hundred evaluations per fit.
 */
public final class ParetoNbd {

    static final String NAME = "Pareto/NBD";
    static final List<String> NAMES = List.of("r", "alpha", "s", "beta");

    private ParetoNbd() {
    }

    /**
     * Fits with the {@link ParetoNbdOptions#defaults() default options}.
     *
     * @param summary read
     * @return the fitted model
     * @throws IllegalArgumentException if the summary has fewer than 4 customers
     */
    public static ParetoNbdModel fit(CustomerSummary summary) {
        return fit(summary, ParetoNbdOptions.defaults());
    }

    /**
     * Fits the model.
     *
     * @param summary read
     * @param options penalizer, limits and threads
     * @return the fitted model; its fit summary tells whether the optimizer converged and how far to trust it
     * @throws IllegalArgumentException if the summary has fewer than 4 customers
     */
    public static ParetoNbdModel fit(CustomerSummary summary, ParetoNbdOptions options) {
        return fit(summary, options, FitControl.defaults());
    }

    /**
     * Fits the model, reporting each Nelder-Mead iteration to the control's listener (stage
     * {@code "Pareto/NBD Nelder-Mead"}, the iterations over all restarts, the iteration limit and the objective)
     * and running the likelihood on its executor if it has one.
     *
     * @param summary read
     * @param options penalizer, limits and threads
     * @param control progress, cancellation and executor
     * @return the fitted model; its fit summary tells whether the optimizer converged and how far to trust it
     * @throws IllegalArgumentException if the summary has fewer than 4 customers
     * @throws java.util.concurrent.CancellationException if the control cancels the fit
     */
    public static ParetoNbdModel fit(CustomerSummary summary, ParetoNbdOptions options, FitControl control) {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        int n = summary.size();
        Checks.enoughCustomers(NAME, 4, n, "customers");
        ParetoNbdLikelihood likelihood = new ParetoNbdLikelihood(summary.frequencies(), summary.recencies(),
                summary.ages());
        MaximumLikelihood.Problem problem = new MaximumLikelihood.Problem(NAME, NAMES, start(summary), n,
                options.penalizer(), options, summary.fingerprint(), List.of(), summary.warnings());
        try (Workers workers = control.workers(options.threads())) {
            MaximumLikelihood.Fit fit = MaximumLikelihood.withoutGradient(problem,
                    (theta, gradient) -> likelihood.logLikelihood(theta[0], theta[1], theta[2], theta[3], workers),
                    options.maxIterations(), options.tolerance(), control);
            double[] t = fit.theta();
            Estimates estimates = new Estimates(NAME, NAMES, t, fit.standardErrors(), fit.logLikelihood(), n,
                    options.penalizer(), fit.evaluations());
            return new ParetoNbdModel(t[0], t[1], t[2], t[3], summary.unit(), estimates, fit.summary());
        }
    }

    private static double[] start(CustomerSummary summary) {
        double meanT = Math.min(Math.max(summary.meanAge(), 1e-2), 1e6);
        double alpha = 0.5 * summary.meanAge() / Math.max(summary.meanFrequency(), 1.0 / summary.size());
        return new double[] {0.5, Math.min(Math.max(alpha, 1e-3), 1e6), 0.5, meanT};
    }
}
