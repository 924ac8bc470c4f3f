package dev.retention.optim;

import java.util.Arrays;
import java.util.Locale;

/**
 * The outcome of a minimization: the best point found, its value and (for gradient methods) gradient,
 * the iterations and function evaluations spent, whether a convergence test was met, and the value
 * after every iteration. Not converging is reported here, never thrown. Immutable; arrays are copied.
 */
public final class OptimizationResult {

    private final double[] x;
    private final double value;
    private final double[] gradient;
    private final int iterations;
    private final int evaluations;
    private final boolean converged;
    private final String message;
    private final double[] history;
    private final boolean stalled;

    /**
     * The outcome of a minimization, as the optimizers report it.
     *
     * @param x           the best point; read, copied
     * @param value       the objective at {@code x}
     * @param gradient    the gradient (or pseudo-gradient) at {@code x}, or {@code null} for
     *                    derivative-free methods; read, copied
     * @param iterations  iterations performed
     * @param evaluations objective evaluations performed
     * @param converged   whether a convergence test was met
     * @param message     why the method stopped, for example {@code "gradient norm 8.1e-06 <= 1e-05"}
     * @param history     the objective after iteration 0 (the start), 1, 2, ...; read, copied
     */
    public OptimizationResult(double[] x, double value, double[] gradient, int iterations, int evaluations,
                              boolean converged, String message, double[] history) {
        this(x, value, gradient, iterations, evaluations, converged, message, history, false);
    }

    /**
     * The outcome of a minimization, as the optimizers report it.
     *
     * @param x           the best point; read, copied
     * @param value       the objective at {@code x}
     * @param gradient    the gradient (or pseudo-gradient) at {@code x}, or {@code null} for
     *                    derivative-free methods; read, copied
     * @param iterations  iterations performed
     * @param evaluations objective evaluations performed
     * @param converged   whether a convergence test was met
     * @param message     why the method stopped, for example {@code "gradient norm 8.1e-06 <= 1e-05"}
     * @param history     the objective after iteration 0 (the start), 1, 2, ...; read, copied
     * @param stalled     whether the search stopped because it made no progress (not converged)
     */
    public OptimizationResult(double[] x, double value, double[] gradient, int iterations, int evaluations,
                              boolean converged, String message, double[] history, boolean stalled) {
        this.x = x.clone();
        this.value = value;
        this.gradient = gradient == null ? null : gradient.clone();
        this.iterations = iterations;
        this.evaluations = evaluations;
        this.converged = converged;
        this.message = message;
        this.history = history.clone();
        this.stalled = stalled;
    }

    /** {@return the best point found; a copy} */
    public double[] x() {
        return x.clone();
    }

    /** {@return the objective at {@link #x()}} */
    public double value() {
        return value;
    }

    /** {@return the gradient at {@link #x()} (the pseudo-gradient for L1 objectives), or {@code null}; a copy} */
    public double[] gradient() {
        return gradient == null ? null : gradient.clone();
    }

    /** {@return iterations performed} */
    public int iterations() {
        return iterations;
    }

    /** {@return the objective evaluations performed} */
    public int evaluations() {
        return evaluations;
    }

    /** {@return whether a convergence test was met (false when the iteration or evaluation limit stopped it)} */
    public boolean converged() {
        return converged;
    }

    /**
     * {@return whether the search stopped because it made no progress (its best value stood still, or its simplex
     * collapsed), neither converged nor at a limit: the objective is flat along some direction}
     */
    public boolean stalled() {
        return stalled;
    }

    /** {@return why the method stopped} */
    public String message() {
        return message;
    }

    /** {@return the objective at the start and after each iteration; a copy} Non-increasing for every method here. */
    public double[] history() {
        return history.clone();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s after %d iterations (%d evaluations): f = %.10g; %s; x = %s",
                converged ? "converged" : "NOT converged", iterations, evaluations, value, message,
                x.length <= 8 ? Arrays.toString(x) : x.length + " values");
    }
}
