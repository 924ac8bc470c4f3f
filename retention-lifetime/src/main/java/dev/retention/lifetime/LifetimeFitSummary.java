package dev.retention.lifetime;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a lifetime model was fitted: the maximum-likelihood estimates with their standard errors, the
 * log-likelihood, the number of customers, the penalizer, and the optimizer's iterations, evaluations,
 * convergence and objective history. A fit that did not converge is reported here ({@link #converged()} is
 * false), never thrown. Immutable.
 *
 * <p>Standard errors are the square roots of the diagonal of the inverse Hessian of the negative
 * log-likelihood (plus the penalty, when there is one), taken in the log-parameters by central differences
 * and carried to the parameters by the delta method ({@code se(theta) = theta se(log theta)}). Where the
 * Hessian is not positive definite, a parameter is not identified by the data and its standard error is
 * {@code +Infinity}.
 */
public final class LifetimeFitSummary {

    private final String model;
    private final String[] names;
    private final double[] estimates;
    private final double[] standardErrors;
    private final double logLikelihood;
    private final int customers;
    private final double penalizer;
    private final int iterations;
    private final int evaluations;
    private final boolean converged;
    private final String message;
    private final double[] history;
    private final double seconds;

    LifetimeFitSummary(String model, String[] names, double[] estimates, double[] standardErrors, double logLikelihood,
               int customers, double penalizer, int iterations, int evaluations, boolean converged, String message,
               double[] history, double seconds) {
        this.model = model;
        this.names = names.clone();
        this.estimates = estimates.clone();
        this.standardErrors = standardErrors.clone();
        this.logLikelihood = logLikelihood;
        this.customers = customers;
        this.penalizer = penalizer;
        this.iterations = iterations;
        this.evaluations = evaluations;
        this.converged = converged;
        this.message = Objects.requireNonNull(message, "message");
        this.history = history.clone();
        this.seconds = seconds;
    }

    /** A summary for a model made from given parameters rather than fitted. */
    static LifetimeFitSummary given(String model, String[] names, double[] estimates) {
        double[] se = new double[estimates.length];
        Arrays.fill(se, Double.POSITIVE_INFINITY);
        return new LifetimeFitSummary(model, names, estimates, se, Double.NEGATIVE_INFINITY, 0, 0, 0, 0, true,
                "parameters given, not fitted", new double[0], 0);
    }

    /** The model's name, for example {@code "BG/NBD"}. */
    public String model() {
        return model;
    }

    /** The parameter names, in the order of {@link #estimates()}. */
    public List<String> parameterNames() {
        return List.of(names);
    }

    /** The estimates; a copy. */
    public double[] estimates() {
        return estimates.clone();
    }

    /** The standard errors, {@code +Infinity} where not identified; a copy. */
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    /** The log-likelihood at the estimates, without the penalty; {@code -Infinity} for given parameters. */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** Customers the model was fitted on (0 for given parameters). */
    public int customers() {
        return customers;
    }

    /** The L2 penalizer used. */
    public double penalizer() {
        return penalizer;
    }

    /** Optimizer iterations. */
    public int iterations() {
        return iterations;
    }

    /** Objective evaluations. */
    public int evaluations() {
        return evaluations;
    }

    /** Whether the optimizer met its convergence test. */
    public boolean converged() {
        return converged;
    }

    /** Why the optimizer stopped. */
    public String message() {
        return message;
    }

    /** The objective (mean penalized negative log-likelihood) at the start and after each iteration; a copy. */
    public double[] history() {
        return history.clone();
    }

    /** Wall time of the fit in seconds. */
    public double seconds() {
        return seconds;
    }

    void writeTo(ModelFile.Writer w) {
        w.putString("fit_model", model)
                .putStrings("fit_names", names)
                .putDoubles("fit_estimates", estimates)
                .putDoubles("fit_standard_errors", standardErrors)
                .putDouble("fit_log_likelihood", logLikelihood)
                .putInt("fit_customers", customers)
                .putDouble("fit_penalizer", penalizer)
                .putInt("fit_iterations", iterations)
                .putInt("fit_evaluations", evaluations)
                .putInt("fit_converged", converged ? 1 : 0)
                .putString("fit_message", message)
                .putDoubles("fit_history", history)
                .putDouble("fit_seconds", seconds);
    }

    static LifetimeFitSummary readFrom(ModelFile f) throws ModelFormatException {
        String[] names = f.strings("fit_names");
        double[] estimates = f.doubles("fit_estimates");
        double[] se = f.doubles("fit_standard_errors");
        if (names.length != estimates.length || se.length != estimates.length) {
            throw new ModelFormatException(f.source() + ": fit summary has " + names.length + " names, "
                    + estimates.length + " estimates and " + se.length + " standard errors");
        }
        return new LifetimeFitSummary(f.string("fit_model"), names, estimates, se, f.doubleValue("fit_log_likelihood"),
                f.intValue("fit_customers"), f.doubleValue("fit_penalizer"), f.intValue("fit_iterations"),
                f.intValue("fit_evaluations"), f.intValue("fit_converged") != 0, f.string("fit_message"),
                f.doubles("fit_history"), f.doubleValue("fit_seconds"));
    }

    /** A table of the estimates with standard errors, then the log-likelihood and the optimizer's outcome. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s fit on %,d customers: log-likelihood %.4f%s%n", model, customers,
                logLikelihood, penalizer > 0 ? String.format(Locale.ROOT, " (penalizer %.3g)", penalizer) : ""));
        sb.append(String.format(Locale.ROOT, "  %-8s %14s %14s%n", "param", "estimate", "std. error"));
        for (int i = 0; i < names.length; i++) {
            sb.append(String.format(Locale.ROOT, "  %-8s %14.6f %14.6f%n", names[i], estimates[i], standardErrors[i]));
        }
        sb.append(String.format(Locale.ROOT, "  %s after %d iterations (%d evaluations, %.3f s): %s%n",
                converged ? "converged" : "NOT converged", iterations, evaluations, seconds, message));
        return sb.toString();
    }
}
