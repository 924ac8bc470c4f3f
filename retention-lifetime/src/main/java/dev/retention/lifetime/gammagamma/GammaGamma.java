package dev.retention.lifetime.gammagamma;

import dev.retention.evaluation.Correlation;
import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.Estimates;
import dev.retention.lifetime.internal.Checks;
import dev.retention.lifetime.internal.GammaGammaLikelihood;
import dev.retention.lifetime.internal.MaximumLikelihood;
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
        String check = String.format(Locale.ROOT, "frequency-spend correlation %.3f over %,d repeat customers (the "
                + "model assumes independence)", correlation, repeat);
        List<String> warnings = new ArrayList<>(summary.warnings());
        if (Math.abs(correlation) > CORRELATION_WARNING) {
            warnings.add(check + ": the spend of a customer's transactions depends on how often they buy, so the "
                    + "expected spend per customer is biased");
        }
        if (repeat < FEW_REPEAT_CUSTOMERS) {
            warnings.add(String.format(Locale.ROOT, "only %d customers have repeat purchases: the three parameters of "
                    + "the spend distribution rest on fewer than %d customers", repeat, FEW_REPEAT_CUSTOMERS));
        }
        MaximumLikelihood.Problem problem = new MaximumLikelihood.Problem(NAME, NAMES, new double[] {1, 2, mean},
                repeat, options.penalizer(), options, summary.fingerprint(), List.of(check), warnings)
                .unusableAtMost(1, 1, "the mean spend p v / (q - 1) does not exist (the spend is too heavy-tailed), so"
                        + " expected spend and CLV would be infinite");
        try (Workers workers = control.workers(options.threads())) {
            MaximumLikelihood.Fit fit = MaximumLikelihood.withGradient(problem,
                    (theta, gradient) -> likelihood.logLikelihood(theta[0], theta[1], theta[2], gradient, workers),
                    options.maxIterations(), options.tolerance(), control);
            double[] t = fit.theta();
            Estimates estimates = new Estimates(NAME, NAMES, t, fit.standardErrors(), fit.logLikelihood(), repeat,
                    options.penalizer(), fit.evaluations());
            return new GammaGammaModel(t[0], t[1], t[2], correlation, estimates, fit.summary());
        }
    }
}
