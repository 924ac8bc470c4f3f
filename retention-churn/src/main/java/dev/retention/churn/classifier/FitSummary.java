package dev.retention.churn.classifier;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * What a fit did.
 *
 * @param algorithm  the algorithm, for example {@code "logistic regression (L-BFGS, L2)"}
 * @param options    the options, as text
 * @param rows       training rows
 * @param features   features per row
 * @param iterations iterations of the optimizer (passes for coordinate descent, trees for a forest,
 *                   0 for a single tree)
 * @param converged  whether the convergence test was met; false when a limit stopped the fit or no
 *                   finite optimum exists (separable data without a penalty)
 * @param message    why the fit stopped
 * @param history    the objective after each iteration (empty for trees); a copy
 * @param seconds    wall time of the fit
 */
public record FitSummary(String algorithm, String options, int rows, int features, int iterations, boolean converged,
                         String message, double[] history, double seconds) {

    public FitSummary {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(message, "message");
        history = history.clone();
    }

    /** The objective after each iteration; a copy. */
    @Override
    public double[] history() {
        return history.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FitSummary s && s.algorithm.equals(algorithm) && s.options.equals(options)
                && s.rows == rows && s.features == features && s.iterations == iterations
                && s.converged == converged && s.message.equals(message) && Arrays.equals(s.history, history)
                && Double.compare(s.seconds, seconds) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, options, rows, features, iterations, converged, message,
                Arrays.hashCode(history), seconds);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s on %,d rows x %d features: %s after %d iterations (%s), %.3f s%n"
                        + "options: %s%n", algorithm, rows, features, converged ? "converged" : "NOT converged",
                iterations, message, seconds, options);
    }
}
