package dev.retention.lifetime;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The maximum-likelihood estimates of a lifetime model: its parameters with their standard errors, the
 * log-likelihood at the estimates, the number of customers and the L2 penalizer of the fit, and the likelihood
 * evaluations the search took. Part of each lifetime model ({@code estimates()}) and of its model file; how the
 * search went (iterations, convergence, warnings) is the model's {@link dev.retention.model.FitSummary}.
 * Immutable; arrays are copied in and out, and {@code equals}, {@code hashCode} and {@code toString} go by
 * content.
 *
 * <p>Standard errors are the square roots of the diagonal of the inverse Hessian of the negative log-likelihood
 * (plus the penalty, when there is one), taken in the log-parameters by central differences and carried to the
 * parameters by the delta method ({@code se(theta) = theta se(log theta)}; Fader, Hardie and Lee report theirs
 * the same way). Where the Hessian is not positive definite a parameter is not identified by the data, its
 * standard error is {@code +Infinity}, and the fit summary's verdict says so.
 *
 * @param model          the model's name, such as {@code "BG/NBD"}
 * @param names          the parameter names, such as {@code r, alpha, a, b}; at least one, none blank
 * @param values         the estimates, in the order of {@code names}; finite; copied
 * @param standardErrors their standard errors, {@code >= 0} or {@code +Infinity} where they cannot be estimated;
 *                       copied
 * @param logLikelihood  the log-likelihood at the estimates without the penalty; {@code -Infinity} for given
 *                       parameters; never NaN
 * @param customers      the customers the model was fitted on, {@code >= 0} (0 for given parameters)
 * @param penalizer      the L2 penalizer of the fit, finite and {@code >= 0}
 * @param evaluations    likelihood evaluations of the search, {@code >= 0}
 */
@SuppressWarnings("ArrayRecordComponent") // arrays copied in and out; equals, hashCode, toString by content
public record Estimates(String model, List<String> names, double[] values, double[] standardErrors,
                        double logLikelihood, int customers, double penalizer, int evaluations) {

    /**
     * Validates and copies.
     *
     * @param model          the model's name, such as {@code "BG/NBD"}
     * @param names          the parameter names, such as {@code r, alpha, a, b}; at least one, none blank
     * @param values         the estimates, in the order of {@code names}; finite; copied
     * @param standardErrors their standard errors, {@code >= 0} or {@code +Infinity} where they cannot be estimated;
     *                       copied
     * @param logLikelihood  the log-likelihood at the estimates without the penalty; {@code -Infinity} for given
     *                       parameters; never NaN
     * @param customers      the customers the model was fitted on, {@code >= 0} (0 for given parameters)
     * @param penalizer      the L2 penalizer of the fit, finite and {@code >= 0}
     * @param evaluations    likelihood evaluations of the search, {@code >= 0}
     * @throws IllegalArgumentException if a length differs or a value is out of its range (see the components)
     */
    public Estimates {
        Objects.requireNonNull(model, "model");
        names = List.copyOf(names);
        values = values.clone();
        standardErrors = standardErrors.clone();
        if (names.isEmpty() || names.size() != values.length || values.length != standardErrors.length) {
            throw new IllegalArgumentException("estimates need as many names, values and standard errors, at least "
                    + "one, got " + names.size() + ", " + values.length + " and " + standardErrors.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (names.get(i).isBlank()) {
                throw new IllegalArgumentException("parameter name " + i + " is blank");
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("estimate " + names.get(i) + " must be finite, got " + values[i]);
            }
            if (!(standardErrors[i] >= 0)) {
                throw new IllegalArgumentException("standard error of " + names.get(i) + " must be >= 0 or Infinity, "
                        + "got " + standardErrors[i]);
            }
        }
        if (Double.isNaN(logLikelihood) || logLikelihood == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("logLikelihood must be finite or -Infinity, got " + logLikelihood);
        }
        if (customers < 0) {
            throw new IllegalArgumentException("customers must be >= 0, got " + customers);
        }
        if (!(penalizer >= 0) || Double.isInfinite(penalizer)) {
            throw new IllegalArgumentException("penalizer must be finite and >= 0, got " + penalizer);
        }
        if (evaluations < 0) {
            throw new IllegalArgumentException("evaluations must be >= 0, got " + evaluations);
        }
    }

    /**
     * {@return the estimates of a model whose parameters were given (published ones) rather than fitted: standard
     * errors
     * {@code +Infinity}, log-likelihood {@code -Infinity}, no customers, no penalty, no evaluations}
     *
     * @param model  the model's name
     * @param names  the parameter names
     * @param values the parameters; read, copied
     * @throws IllegalArgumentException if the lengths differ or a value is not finite
     */
    public static Estimates given(String model, List<String> names, double[] values) {
        double[] se = new double[values.length];
        Arrays.fill(se, Double.POSITIVE_INFINITY);
        return new Estimates(model, names, values, se, Double.NEGATIVE_INFINITY, 0, 0, 0);
    }

    /** {@return the estimates; a copy} */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** {@return the standard errors; a copy} */
    @Override
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    /**
     * {@return the estimate of the named parameter}
     *
     * @param name a parameter name of the model, such as {@code "alpha"}
     * @throws IllegalArgumentException if there is no such parameter
     */
    public double value(String name) {
        return values[index(name)];
    }

    /**
     * {@return the standard error of the named parameter}
     *
     * @param name a parameter name of the model, such as {@code "alpha"}
     * @throws IllegalArgumentException if there is no such parameter
     */
    public double standardError(String name) {
        return standardErrors[index(name)];
    }

    private int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("the " + model + " model has no parameter '" + name + "'; it has "
                    + names);
        }
        return i;
    }

    /**
     * Writes the estimates as sections {@code parameters}, {@code estimates.*} of a model file, which
     * {@link #readFrom} reads back. O(parameters).
     *
     * @param file written
     */
    public void writeTo(ModelFile.Writer file) {
        file.putDoubles("parameters", values)
                .putString("estimates.model", model)
                .putStrings("estimates.names", names.toArray(String[]::new))
                .putDoubles("estimates.standard_errors", standardErrors)
                .putDouble("estimates.log_likelihood", logLikelihood)
                .putInt("estimates.customers", customers)
                .putDouble("estimates.penalizer", penalizer)
                .putInt("estimates.evaluations", evaluations);
    }

    /**
     * Reads estimates written by {@link #writeTo}.
     *
     * @param file  read
     * @param names the parameter names the model expects, in its order
     * @return the estimates read
     * @throws ModelFormatException if a section is missing, the names differ, or a value is out of range (the
     *                              message names the file)
     */
    public static Estimates readFrom(ModelFile file, List<String> names) throws ModelFormatException {
        List<String> written = List.of(file.strings("estimates.names"));
        if (!written.equals(names)) {
            throw new ModelFormatException(file.source() + ": the estimates name the parameters " + written
                    + ", expected " + names);
        }
        try {
            return new Estimates(file.string("estimates.model"), written, file.doubles("parameters"),
                    file.doubles("estimates.standard_errors"), file.doubleValue("estimates.log_likelihood"),
                    file.intValue("estimates.customers"), file.doubleValue("estimates.penalizer"),
                    file.intValue("estimates.evaluations"));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file.source() + ": invalid estimates: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Estimates e && e.model.equals(model) && e.names.equals(names)
                && Arrays.equals(e.values, values) && Arrays.equals(e.standardErrors, standardErrors)
                && Double.compare(e.logLikelihood, logLikelihood) == 0 && e.customers == customers
                && Double.compare(e.penalizer, penalizer) == 0 && e.evaluations == evaluations;
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, names, Arrays.hashCode(values), Arrays.hashCode(standardErrors), logLikelihood,
                customers, penalizer, evaluations);
    }

    /**
     * A table: the model, customers and log-likelihood (and penalizer, if any) on the first line, then one line per
     * parameter with its estimate and standard error.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s fit on %,d customers: log-likelihood %.4f%s%n", model, customers,
                logLikelihood, penalizer > 0 ? String.format(Locale.ROOT, " (penalizer %.3g)", penalizer) : ""));
        sb.append(String.format(Locale.ROOT, "  %-8s %14s %14s%n", "param", "estimate", "std. error"));
        for (int i = 0; i < values.length; i++) {
            sb.append(String.format(Locale.ROOT, "  %-8s %14.6f %14.6f%n", names.get(i), values[i],
                    standardErrors[i]));
        }
        return sb.toString();
    }
}
