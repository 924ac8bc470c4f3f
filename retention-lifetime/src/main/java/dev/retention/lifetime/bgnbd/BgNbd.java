package dev.retention.lifetime.bgnbd;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.Estimates;
import dev.retention.lifetime.LikelihoodSum;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.internal.BgNbdLikelihood;
import dev.retention.lifetime.internal.Checks;
import dev.retention.lifetime.internal.MaximumLikelihood;
import dev.retention.model.DataFingerprint;
import dev.retention.model.FitControl;
import dev.retention.parallel.Workers;

import java.util.List;
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
 * with L-BFGS in the log-parameters and the analytic gradient, on the mean negative log-likelihood plus the
 * optional L2 penalty, from {@code r = 1}, {@code alpha} equal to the mean age over the mean frequency,
 * {@code a = b = 1}; standard errors come from the Hessian. The model carries the {@link Estimates} and a fit
 * summary whose objective is the mean penalized negative log-likelihood per iteration; an estimate that runs to
 * the edge of the parameter space or a standard error that cannot be estimated makes its verdict a WARNING that
 * names the parameter. Cost: O(n) per likelihood evaluation, split over {@link BgNbdOptions#threads()} threads
 * in fixed blocks of customers added in block order (the same model for any number of threads), and typically
 * 20 to 60 evaluations.
 */
public final class BgNbd {

    static final List<String> NAMES = List.of("r", "alpha", "a", "b");

    private BgNbd() {
    }

    /**
     * Fits with the {@link BgNbdOptions#defaults() default options}.
     *
     * @param summary read
     * @return the fitted model
     * @throws IllegalArgumentException if the summary has fewer than 4 customers
     */
    public static BgNbdModel fit(CustomerSummary summary) {
        return fit(summary, BgNbdOptions.defaults());
    }

    /**
     * Fits the model.
     *
     * @param summary read
     * @param options variant, penalizer, limits and threads
     * @return the fitted model; its fit summary tells whether the optimizer converged and how far to trust it
     * @throws IllegalArgumentException if the summary has fewer than 4 customers
     */
    public static BgNbdModel fit(CustomerSummary summary, BgNbdOptions options) {
        return fit(summary, options, FitControl.defaults());
    }

    /**
     * Fits the model, reporting each L-BFGS iteration to the control's listener (stage {@code "BG/NBD L-BFGS"},
     * the iteration, the iteration limit and the objective) and running the likelihood on its executor if it has
     * one.
     *
     * @param summary read
     * @param options variant, penalizer, limits and threads
     * @param control progress, cancellation and executor
     * @return the fitted model; its fit summary tells whether the optimizer converged and how far to trust it
     * @throws IllegalArgumentException if the summary has fewer than 4 customers
     * @throws java.util.concurrent.CancellationException if the control cancels the fit
     */
    public static BgNbdModel fit(CustomerSummary summary, BgNbdOptions options, FitControl control) {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        Checks.enoughCustomers(options.variant().label(), 4, summary.size(), "customers");
        BgNbdLikelihood likelihood = new BgNbdLikelihood(summary.frequencies(), summary.recencies(), summary.ages(),
                options.variant() == BgNbdModel.Variant.MBG_NBD);
        Totals totals = new Totals(summary.size(), summary.meanFrequency(), summary.meanAge(), summary.unit(),
                summary.fingerprint(), summary.warnings());
        try (Workers workers = control.workers(options.threads())) {
            return fit(totals, (theta, gradient) -> likelihood.logLikelihood(theta[0], theta[1], theta[2], theta[3],
                    gradient, workers), options, control);
        }
    }

    /**
     * What a fit over a {@link LikelihoodSum} needs to know of the customers besides their likelihood: the start
     * of the search and the fit summary's data come from it.
     *
     * @param customers     the number of customers the likelihood sums over, {@code >= 4}
     * @param meanFrequency their mean frequency {@code x}
     * @param meanAge       their mean age {@code T}
     * @param unit          the unit of recency and age
     * @param data          what the fit summary records as its data
     * @param warnings      doubts about the data, copied into the fit summary
     */
    public record Totals(int customers, double meanFrequency, double meanAge, PeriodUnit unit, DataFingerprint data,
                         List<String> warnings) {
        /**
         * Checks the values and copies the warnings.
         *
         * @param customers the number of customers
         * @param meanFrequency their mean frequency
         * @param meanAge their mean age
         * @param unit the unit of recency and age
         * @param data what the fit summary records as its data
         * @param warnings doubts about the data
         * @throws IllegalArgumentException if a mean is negative or not finite
         */
        public Totals {
            if (!(meanFrequency >= 0 && meanFrequency < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("meanFrequency must be finite and >= 0, got " + meanFrequency);
            }
            if (!(meanAge >= 0 && meanAge < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("meanAge must be finite and >= 0, got " + meanAge);
            }
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(data, "data");
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Fits the model over a log-likelihood summed elsewhere, with the optimizer, start, penalty, stopping rule and
     * verdicts of {@link #fit(CustomerSummary, BgNbdOptions, FitControl)} (which runs through this method): for
     * customers held in blocks, {@code likelihood} adds the values and gradients of {@link #likelihood} over the
     * blocks. The options' thread count is not used here.
     *
     * @param totals     the customers' count, means, unit, fingerprint and warnings
     * @param likelihood the total log-likelihood of {@code (r, alpha, a, b)} and its gradient
     * @param options    variant, penalizer and limits
     * @param control    progress and cancellation
     * @return the fitted model
     * @throws IllegalArgumentException if there are fewer than 4 customers
     * @throws java.util.concurrent.CancellationException if the control cancels the fit
     */
    public static BgNbdModel fit(Totals totals, LikelihoodSum likelihood, BgNbdOptions options, FitControl control) {
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(likelihood, "likelihood");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        String name = options.variant().label();
        int n = totals.customers();
        Checks.enoughCustomers(name, 4, n, "customers");
        MaximumLikelihood.Problem problem = new MaximumLikelihood.Problem(name, NAMES, start(totals), n,
                options.penalizer(), options, totals.data(), List.of(), totals.warnings())
                .degenerateWhen(2, 3, "a ran to the edge below its start and b above it: the dropout probability "
                        + "p ~ Beta(a, b) collapses to 0, the limit in which nobody ever drops out, so every P(alive) "
                        + "is 1 by construction rather than by the data, and the dropout process is not identified");
        MaximumLikelihood.Fit fit = MaximumLikelihood.withGradient(problem, likelihood::value,
                options.maxIterations(), options.tolerance(), control);
        double[] t = fit.theta();
        Estimates estimates = new Estimates(name, NAMES, t, fit.standardErrors(), fit.logLikelihood(), n,
                options.penalizer(), fit.evaluations());
        return new BgNbdModel(t[0], t[1], t[2], t[3], options.variant(), totals.unit(), estimates, fit.summary());
    }

    /**
     * The log-likelihood of a block of customers, for {@link #fit(Totals, LikelihoodSum, BgNbdOptions, FitControl)}
     * over customers held in blocks: the same terms as the fit on a summary, summed in this thread. Building it
     * is O(n log n); each evaluation O(n).
     *
     * @param x       frequencies, {@code >= 0}; kept, not copied: the caller must not change them
     * @param tx      recencies, {@code 0 <= tx <= t}; kept
     * @param t       ages; kept
     * @param variant BG/NBD or MBG/NBD
     * @return the block's log-likelihood of {@code (r, alpha, a, b)}
     * @throws IllegalArgumentException if the lengths differ
     */
    public static LikelihoodSum likelihood(int[] x, double[] tx, double[] t, BgNbdModel.Variant variant) {
        Objects.requireNonNull(variant, "variant");
        if (tx.length != x.length || t.length != x.length) {
            throw new IllegalArgumentException("x, tx and t must have the same length, got " + x.length + ", "
                    + tx.length + " and " + t.length);
        }
        BgNbdLikelihood block = new BgNbdLikelihood(x, tx, t, variant == BgNbdModel.Variant.MBG_NBD);
        return (theta, gradient) -> {
            try (Workers one = Workers.create(1)) {
                return block.logLikelihood(theta[0], theta[1], theta[2], theta[3], gradient, one);
            }
        };
    }

    /** r = 1, alpha = mean T / mean x (the mean purchase rate r / alpha matches), a = b = 1. */
    private static double[] start(Totals totals) {
        double alpha = totals.meanAge() / Math.max(totals.meanFrequency(), 1.0 / totals.customers());
        return new double[] {1, Math.min(Math.max(alpha, 1e-3), 1e6), 1, 1};
    }
}
