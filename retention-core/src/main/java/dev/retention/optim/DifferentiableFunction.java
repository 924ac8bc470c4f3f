package dev.retention.optim;

/**
 * A smooth objective with its gradient, evaluated together (most objectives share work between the
 * two). Implementations must not keep {@code x} or {@code gradient}; the optimizer reuses both arrays.
 */
@FunctionalInterface
public interface DifferentiableFunction {

    /**
     * Evaluates the function and its gradient at {@code x}.
     *
     * @param x        read, not modified
     * @param gradient written: receives the gradient at {@code x}; same length as {@code x}
     * @return the value at {@code x}; may be {@code +Infinity} or NaN outside the domain, which the
     *         optimizers treat as "step too long"
     */
    double valueAndGradient(double[] x, double[] gradient);
}
