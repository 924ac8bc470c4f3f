package dev.retention.lifetime;

import dev.retention.lifetime.internal.BlockReduction;
import dev.retention.lifetime.internal.GammaGammaLikelihood;

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
 * correlation between frequency and mean spend over the repeat customers, the check of that independence
 * assumption the paper recommends (a value near 0 supports it).
 *
 * <p>Bad input: fewer than 3 repeat customers (the model has 3 parameters) is an error, with a clear message
 * when there is none at all; a repeat customer whose mean spend is zero, negative or not finite is an error
 * naming the customer. Cost: O(n) per evaluation, in fixed blocks over
 * {@link GammaGammaOptions#parallelism()} threads.
 */
public final class GammaGamma {

    private static final String NAME = "Gamma-Gamma";
    private static final String[] NAMES = {"p", "q", "v"};

    private GammaGamma() {
    }

    /** Fits with the {@link GammaGammaOptions#defaults() default options}. */
    public static GammaGammaModel fit(CustomerSummary summary) {
        return fit(summary, GammaGammaOptions.defaults());
    }

    /**
     * Fits the model on the repeat customers of a summary (frequency and monetary value).
     *
     * @param summary read; customers with frequency 0 are ignored
     * @param options penalizer, limits and parallelism
     * @throws IllegalArgumentException if fewer than 3 customers have repeat purchases, or a repeat customer's
     *                                  monetary value is not positive
     */
    public static GammaGammaModel fit(CustomerSummary summary, GammaGammaOptions options) {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(options, "options");
        int repeat = summary.repeatCustomers();
        if (repeat == 0) {
            throw new IllegalArgumentException("Gamma-Gamma cannot be fitted: none of the " + summary.size()
                    + " customers has a repeat purchase, and the model describes the spend of repeat purchases");
        }
        Checks.enoughCustomers(NAME, 3, repeat, "customers with repeat purchases");
        int[] x = new int[repeat];
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
            m[k] = mi;
            k++;
        }
        GammaGammaLikelihood likelihood = new GammaGammaLikelihood(x, m);
        try (BlockReduction blocks = new BlockReduction(repeat, 4, options.parallelism())) {
            MaximumLikelihood.LogLikelihood ll = (theta, gradient) ->
                    likelihood.logLikelihood(theta[0], theta[1], theta[2], gradient, blocks);
            double mean = 0;
            for (double v : m) {
                mean += v;
            }
            mean /= repeat;
            MaximumLikelihood.Fit fit = MaximumLikelihood.withGradient(NAME, NAMES, ll, new double[] {1, 2, mean},
                    repeat, options.penalizer(), options.maxIterations(), options.tolerance());
            double[] t = fit.theta();
            return new GammaGammaModel(t[0], t[1], t[2], correlation(x, m), fit.summary());
        }
    }

    /** Pearson correlation of frequency and mean spend; 0 when either is constant. */
    static double correlation(int[] x, double[] m) {
        int n = x.length;
        double mx = 0;
        double mm = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            mm += m[i];
        }
        mx /= n;
        mm /= n;
        double sxx = 0;
        double smm = 0;
        double sxm = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dm = m[i] - mm;
            sxx += dx * dx;
            smm += dm * dm;
            sxm += dx * dm;
        }
        return sxx > 0 && smm > 0 ? sxm / Math.sqrt(sxx * smm) : 0;
    }
}
