package dev.retention.lifetime.gammagamma;

import dev.retention.evaluation.Correlation;
import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.Estimates;
import dev.retention.lifetime.LikelihoodSum;
import dev.retention.lifetime.internal.Checks;
import dev.retention.lifetime.internal.GammaGammaLikelihood;
import dev.retention.lifetime.internal.MaximumLikelihood;
import dev.retention.model.DataFingerprint;
import dev.retention.model.FitControl;
import dev.retention.parallel.Workers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Fits the Gamma-Gamma model of spend per transaction (Fader, Hardie and Lee, "RFM and CLV: using iso-value
 * curves for customer base analysis", Journal of Marketing Research 42(4), 2005; Colombo and Jiang 1999) by
 * maximum likelihood on the customers with at least one repeat purchase.
 *
 * <p>The model: a customer's transaction values are {@code z ~ Gamma(p, nu)} (mean {@code p / nu}), with
 * {@code nu ~ Gamma(q, v)} across customers; the mean {@code m} of {@code x} transactions is then sufficient,
 * and the mean spend is assumed independent of the purchase frequency. The fit uses L-BFGS in the
 * log-parameters with the analytic gradient (digamma), from {@code p = 1, q = 2, v = mean m} (so that the
 * population mean spend {@code p v / (q - 1)} starts at the sample mean). It also reports the Pearson
 * correlation between frequency and mean spend over the repeat customers ({@link Correlation#pearson}), the
 * check of that independence assumption the paper recommends (a value near 0 supports it); the fit summary
 * records it as a choice line, and beyond +-0.3 as a warning. The model carries the {@link Estimates} and a fit summary with the mean penalized
 * negative log-likelihood per iteration and a WARNING naming the parameter when an estimate runs to the edge of
 * the parameter space or a standard error cannot be estimated.
 *
 * <p>Bad input: fewer than 3 repeat customers (the model has 3 parameters) is an error, with a clear message
 * when there is none at all; a repeat customer whose mean spend is zero, negative or not finite is an error
 * naming the customer. Cost: O(n) per evaluation, in fixed blocks of customers over
 * {@link GammaGammaOptions#threads()} threads, added in block order.
 */
public final class GammaGamma {

    static final String NAME = "Gamma-Gamma";
    static final List<String> NAMES = List.of("p", "q", "v");
    /**
     * The absolute frequency-spend correlation beyond which the fit warns that the independence assumption fails
     * (lifetimes' documentation finds 0.11 on the CDNOW sample and proceeds).
     */
    static final double CORRELATION_WARNING = 0.3;
    /**
     * Below this many repeat customers the fit warns that its three parameters rest on too few customers (ten per
     * parameter, the usual rule of thumb for maximum likelihood).
     */
    static final int FEW_REPEAT_CUSTOMERS = 30;

    private GammaGamma() {
    }

    /**
     * Fits with the {@link GammaGammaOptions#defaults() default options}.
     *
     * @param summary read; customers with frequency 0 are ignored
     * @return the fitted model
     * @throws IllegalArgumentException if fewer than 3 customers have repeat purchases, or a repeat customer's
     *                                  monetary value is not positive
     */
    public static GammaGammaModel fit(CustomerSummary summary) {
        return fit(summary, GammaGammaOptions.defaults());
    }

    /**
     * Fits the model on the repeat customers of a summary (frequency and monetary value).
     *
     * @param summary read; customers with frequency 0 are ignored
     * @param options penalizer, limits and threads
     * @return the fitted model
     * @throws IllegalArgumentException if fewer than 3 customers have repeat purchases, or a repeat customer's
     *                                  monetary value is not positive
     */
    public static GammaGammaModel fit(CustomerSummary summary, GammaGammaOptions options) {
        return fit(summary, options, FitControl.defaults());
    }

    /**
     * Fits the model, reporting each L-BFGS iteration to the control's listener (stage
     * {@code "Gamma-Gamma L-BFGS"}) and running the likelihood on its executor if it has one.
     *
     * @param summary read; customers with frequency 0 are ignored
     * @param options penalizer, limits and threads
     * @param control progress, cancellation and executor
     * @return the fitted model
     * @throws IllegalArgumentException if fewer than 3 customers have repeat purchases, or a repeat customer's
     *                                  monetary value is not positive
     * @throws java.util.concurrent.CancellationException if the control cancels the fit
     */
    public static GammaGammaModel fit(CustomerSummary summary, GammaGammaOptions options, FitControl control) {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        int repeat = summary.repeatCustomers();
        if (repeat == 0) {
            throw new IllegalArgumentException("Gamma-Gamma cannot be fitted: none of the " + summary.size()
                    + " customers has a repeat purchase, and the model describes the spend of repeat purchases");
        }
        Checks.enoughCustomers(NAME, 3, repeat, "customers with repeat purchases");
        int[] x = new int[repeat];
        double[] frequency = new double[repeat];
        double[] m = new double[repeat];
        int k = 0;
        for (int i = 0; i < summary.size(); i++) {
            int xi = summary.frequency(i);
            if (xi == 0) {
                continue;
            }
            double mi = summary.monetaryValue(i);
            if (!(mi > 0)) {
                throw new IllegalArgumentException("Gamma-Gamma needs a positive mean spend for every repeat customer;"
                        + " customer " + summary.id(i) + " (row " + i + ") has " + xi + " repeat purchases and mean"
                        + " spend " + mi);
            }
            x[k] = xi;
            frequency[k] = xi;
            m[k] = mi;
            k++;
        }
        double mean = 0;
        for (double v : m) {
            mean += v;
        }
        mean /= repeat;
        double correlation = Correlation.pearson(frequency, m).orElse(0);
        GammaGammaLikelihood likelihood = new GammaGammaLikelihood(x, m);
        Totals totals = new Totals(repeat, mean, correlation, summary.fingerprint(), summary.warnings());
        try (Workers workers = control.workers(options.threads())) {
            return fit(totals, (theta, gradient) -> likelihood.logLikelihood(theta[0], theta[1], theta[2], gradient,
                    workers), options, control);
        }
    }

    /**
     * What a fit over a {@link LikelihoodSum} needs to know of the repeat customers besides their likelihood: the
     * start of the search, the independence check and the fit summary's data come from it.
     *
     * @param repeatCustomers the customers with at least one repeat purchase, {@code >= 3}
     * @param meanSpend       their mean monetary value, positive
     * @param correlation     the Pearson correlation between their frequency and monetary value (0 when undefined)
     * @param data            what the fit summary records as its data
     * @param warnings        doubts about the data, copied into the fit summary
     */
    public record Totals(int repeatCustomers, double meanSpend, double correlation, DataFingerprint data,
                         List<String> warnings) {
        /**
         * Checks the values and copies the warnings.
         *
         * @param repeatCustomers the customers with a repeat purchase
         * @param meanSpend their mean monetary value
         * @param correlation the frequency-spend correlation
         * @param data what the fit summary records as its data
         * @param warnings doubts about the data
         * @throws IllegalArgumentException if the mean spend is not positive and finite, or the correlation is not
         *                                  finite
         */
        public Totals {
            if (!(meanSpend > 0 && meanSpend < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("meanSpend must be positive and finite, got " + meanSpend);
            }
            if (!Double.isFinite(correlation)) {
                throw new IllegalArgumentException("correlation must be finite, got " + correlation);
            }
            Objects.requireNonNull(data, "data");
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Fits the model over a log-likelihood summed elsewhere, with the optimizer, start, penalty, stopping rule,
     * checks and verdicts of {@link #fit(CustomerSummary, GammaGammaOptions, FitControl)} (which runs through this
     * method): for customers held in blocks, {@code likelihood} adds the values and gradients of
     * {@link #likelihood} over the blocks. The options' thread count is not used here.
     *
     * @param totals     the repeat customers' count, mean spend, correlation, fingerprint and warnings
     * @param likelihood the total log-likelihood of {@code (p, q, v)} over the repeat customers and its gradient
     * @param options    penalizer and limits
     * @param control    progress and cancellation
     * @return the fitted model
     * @throws IllegalArgumentException if there are fewer than 3 repeat customers
     * @throws java.util.concurrent.CancellationException if the control cancels the fit
     */
    public static GammaGammaModel fit(Totals totals, LikelihoodSum likelihood, GammaGammaOptions options,
                                      FitControl control) {
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(likelihood, "likelihood");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        int repeat = totals.repeatCustomers();
        Checks.enoughCustomers(NAME, 3, repeat, "customers with repeat purchases");
        double correlation = totals.correlation();
        String check = String.format(Locale.ROOT, "frequency-spend correlation %.3f over %,d repeat customers (the "
                + "model assumes independence)", correlation, repeat);
        List<String> warnings = new ArrayList<>(totals.warnings());
        if (Math.abs(correlation) > CORRELATION_WARNING) {
            warnings.add(check + ": the spend of a customer's transactions depends on how often they buy, so the "
                    + "expected spend per customer is biased");
        }
        if (repeat < FEW_REPEAT_CUSTOMERS) {
            warnings.add(String.format(Locale.ROOT, "only %d customers have repeat purchases: the three parameters of "
                    + "the spend distribution rest on fewer than %d customers", repeat, FEW_REPEAT_CUSTOMERS));
        }
        MaximumLikelihood.Problem problem = new MaximumLikelihood.Problem(NAME, NAMES,
                new double[] {1, 2, totals.meanSpend()}, repeat, options.penalizer(), options, totals.data(),
                List.of(check), warnings)
                .unusableAtMost(1, 1, "the mean spend p v / (q - 1) does not exist (the spend is too heavy-tailed), so"
                        + " expected spend and CLV would be infinite");
        MaximumLikelihood.Fit fit = MaximumLikelihood.withGradient(problem, likelihood::value,
                options.maxIterations(), options.tolerance(), control);
        double[] t = fit.theta();
        Estimates estimates = new Estimates(NAME, NAMES, t, fit.standardErrors(), fit.logLikelihood(), repeat,
                options.penalizer(), fit.evaluations());
        return new GammaGammaModel(t[0], t[1], t[2], correlation, estimates, fit.summary());
    }

    /**
     * The log-likelihood of a block of customers' spend, for
     * {@link #fit(Totals, LikelihoodSum, GammaGammaOptions, FitControl)} over customers held in blocks: the same
     * terms as the fit on a summary over the block's repeat customers (those with {@code x >= 1}; the others are
     * skipped), summed in this thread. Building it is O(n log n); each evaluation O(n).
     *
     * @param x frequencies, {@code >= 0}; read
     * @param m mean repeat spend, positive where {@code x >= 1}; read
     * @return the block's log-likelihood of {@code (p, q, v)}
     * @throws IllegalArgumentException if the lengths differ or a repeat customer's spend is not positive and finite
     */
    public static LikelihoodSum likelihood(int[] x, double[] m) {
        if (m.length != x.length) {
            throw new IllegalArgumentException("x and m must have the same length, got " + x.length + " and "
                    + m.length);
        }
        int repeat = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                if (!(m[i] > 0 && m[i] < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException("Gamma-Gamma needs a positive mean spend for every repeat "
                            + "customer; row " + i + " has " + x[i] + " repeat purchases and mean spend " + m[i]);
                }
                repeat++;
            }
        }
        int[] rx = new int[repeat];
        double[] rm = new double[repeat];
        int k = 0;
        for (int i = 0; i < x.length && k < repeat; i++) {
            if (x[i] > 0) {
                rx[k] = x[i];
                rm[k] = m[i];
                k++;
            }
        }
        GammaGammaLikelihood block = new GammaGammaLikelihood(rx, rm);
        return (theta, gradient) -> {
            try (Workers one = Workers.create(1)) {
                return block.logLikelihood(theta[0], theta[1], theta[2], gradient, one);
            }
        };
    }
}
